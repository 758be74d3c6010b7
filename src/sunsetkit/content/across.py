"""What every definition must say alike about a plan: its former name.

Each definition is valid alone; two of them may still contradict each other. A partner
who reads in one guide that a plan was "formerly Microsoft 365 F1" and in another that
Microsoft 365 F1 is a different, smaller plan can buy the wrong one. So a plan has one
former name in every definition, and no former name is the name of a plan that exists
today (a name a definition offers or writes as a current name).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import Loc, Migration, Option, fold

__all__ = ["Contradiction", "contradictions"]


@dataclass(frozen=True)
class Contradiction:
    """One definition (by index) contradicts another at one of its fields."""

    index: int
    loc: Loc
    message: str
    hint: str


def _options(migration: Migration) -> Iterator[tuple[Loc, Option]]:
    r = migration.replacements
    if r is None:
        return
    for i, option in enumerate(r.options):
        yield ("replacements", "options", i), option
    for g, group in enumerate(r.groups):
        for i, option in enumerate(group.options):
            yield ("replacements", "groups", g, "options", i), option


def _current_names(migration: Migration) -> Iterator[tuple[str, str]]:
    """Names a definition gives as today's names of plans, each with the field it is in."""
    for loc, option in _options(migration):
        where = ".".join(map(str, loc))
        for name in [option.name or "", *(option.bundle or [])]:
            if name:
                yield name, where
    for key, name in migration.names.items():
        yield name, f"names.{key}"


def contradictions(migrations: Sequence[Migration]) -> Iterator[Contradiction]:
    """Every option whose former name disagrees with another definition's, or is the
    name some definition gives a plan of today; in the order of the definitions."""
    current: dict[str, tuple[int, str, str]] = {}
    for index, migration in enumerate(migrations):
        for name, where in _current_names(migration):
            current.setdefault(fold(name), (index, name, where))
    formerly: dict[str, tuple[int, str]] = {}
    for index, migration in enumerate(migrations):
        for loc, option in _options(migration):
            if option.name is None or option.formerly is None:
                continue
            old = fold(option.formerly)
            if old in current:
                other, name, where = current[old]
                yield Contradiction(
                    index,
                    (*loc, "formerly"),
                    f"{option.formerly!r} is given as the former name of {option.name!r}, "
                    f"but {migrations[other].id} ({where}) names a plan of today "
                    f"{name!r}: a partner searching for it finds that other plan",
                    "give the plan's full former name, as Microsoft's rename notice "
                    "writes it, and say in the option's note that today's plan of the "
                    "short name is another one",
                )
                continue
            first = formerly.setdefault(fold(option.name), (index, option.formerly))
            if fold(first[1]) != old:
                yield Contradiction(
                    index,
                    (*loc, "formerly"),
                    f"{option.name!r} was formerly {option.formerly!r} here, but "
                    f"{first[1]!r} in {migrations[first[0]].id}",
                    "give the plan one former name in every definition",
                )
