"""Copies of a definition with its optional parts removed, derived from the model itself.

A part is optional when the model says so: a field that is not required (next steps,
notes, images, events, sections, a phase's intro, a step's note, ...) and, for a
"minimal" copy, every item of a list beyond the list's minimum length (phases, steps,
offers, roles). Parts are removed greedily while the definition stays valid (a name that
a remaining sentence uses stays), so the copy is the barest definition the model and
the cross-checks accept; it needs no message the original does not have.

`python -m tests.stripped OUT` writes every variant of every shipped definition to OUT,
for running the whole suite with them in content/migrations.
"""

from __future__ import annotations

import copy
import enum
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sunsetkit.content.across import contradictions
from sunsetkit.content.load import (
    STEPS_FILE,
    load_glossary,
    load_migrations,
    load_steps,
    load_yaml,
)
from sunsetkit.content.model import Migration, nested_model
from sunsetkit.content.resolve import check_migration
from sunsetkit.errors import SunsetError

Loc = tuple[int | str, ...]
Data = dict[str, Any]
#: The first line of every definition (docs/authoring.md): the editor's schema.
HEADER = "# yaml-language-server: $schema=../schema/migration.schema.json\n"


def _min_length(field: Any) -> int:
    return next((m.min_length for m in field.metadata if hasattr(m, "min_length")), 0)


def _parts(data: Any, model: type[BaseModel], trim: bool, loc: Loc = ()) -> Iterator[Loc]:
    """Every removable part of the data, parents before their children."""
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        if not field.is_required():
            yield (*loc, name)
        value, inner = data[name], nested_model(field.annotation)
        if isinstance(value, list):
            if trim and len(value) > _min_length(field):
                yield from ((*loc, name, i) for i in range(len(value)))
            if inner is not None:
                for i, item in enumerate(value):
                    yield from _parts(item, inner, trim, (*loc, name, i))
        elif isinstance(value, dict) and inner is not None:
            yield from _parts(value, inner, trim, (*loc, name))


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _without(data: Data, loc: Loc) -> Data:
    copied = copy.deepcopy(data)
    del _get(copied, loc[:-1])[loc[-1]]
    return copied


def _with(data: Data, loc: Loc, value: Any) -> Data:
    copied = copy.deepcopy(data)
    _get(copied, loc[:-1])[loc[-1]] = value
    return copied


def strip(
    data: Data,
    valid: Callable[[Data], bool],
    trim: bool = False,
    keep: frozenset[Loc] = frozenset(),
) -> Data:
    """Remove every optional part (and with `trim`, list items beyond the minimum) that
    can go while the definition stays valid; parts at `keep` stay."""
    changed = True
    while changed:
        changed = False
        # children before parents, later list items before earlier ones: a removal never
        # moves a part that is still to be tried in this pass
        for loc in reversed(list(_parts(data, Migration, trim))):
            if loc in keep:
                continue
            trial = _without(data, loc)
            if valid(trial):
                data, changed = trial, True
    return data


def choices(
    model: type[BaseModel] = Migration, loc: Loc = ()
) -> Iterator[tuple[Loc, list[Any], Any]]:
    """The fields with a fixed set of values (an enum or a Literal) of a definition's
    single parts (not of its lists, whose items are optional): the ending, the style...
    Each with its values and its default (None where the field is required)."""
    for name, field in model.model_fields.items():
        annotation, default = field.annotation, field.get_default()
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            # one value of a choice or a list of them (`ends`): its single values
            annotation = next((a for a in typing.get_args(annotation) if _is_enum(a)), None)
        if typing.get_origin(annotation) is typing.Literal:
            yield (*loc, name), list(typing.get_args(annotation)), default
        elif _is_enum(annotation):
            yield (*loc, name), [member.value for member in annotation], default
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from choices(annotation, (*loc, name))


def _is_enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, enum.Enum)


def validator(content: Path) -> Callable[[Data], bool]:
    """Whether a definition's data loads in the project of this content folder."""
    glossary = load_glossary(content / "glossary.yaml")
    library = load_steps(content / STEPS_FILE, glossary)
    shipped = load_migrations(content / "migrations", glossary, library)

    def valid(data: Data) -> bool:
        try:
            migration = Migration.model_validate(data)
            check_migration(migration, library, glossary, {}, content / "migrations" / "x.yaml")
        except (ValidationError, SunsetError):
            return False
        # beside the project's own definitions it must not contradict them (a plan's
        # former name), as `load_migrations` checks
        others = [m for m in shipped if m.id != migration.id]
        return next(contradictions([*others, migration]), None) is None

    return valid


def variants(data: Data, valid: Callable[[Data], bool]) -> dict[str, Data]:
    """The stripped copies of one definition, by name: `bare` (every optional field
    removed), `minimal` (and every list at its minimum length), and one bare copy for
    each other value of each choice (`procedure-ends-cancel`, `deadline-none`, ...)."""
    assert valid(data), "the definition itself must be valid"
    bare = strip(data, valid)
    found = {"bare": bare, "minimal": strip(data, valid, trim=True)}
    for loc, values, default in choices():
        current = _get(bare, loc) if _has(bare, loc) else default
        for value in values:
            if value == current or (loc[:-1] and not _has(bare, loc[:-1])):
                continue
            changed = strip(_with(bare, loc, value), valid, keep=frozenset({loc}))
            if valid(changed):  # else the model forbids this value here
                found["-".join(map(str, (*loc, value)))] = changed
    return found


def _has(data: Any, loc: Loc) -> bool:
    try:
        _get(data, loc)
    except (KeyError, IndexError):
        return False
    return True


def stripped_copies(root: Path) -> dict[str, Data]:
    """Every variant of every definition of a project, under new ids (`<id>-<variant>`)."""
    content = root / "content"
    valid = validator(content)
    copies: dict[str, Data] = {}
    for path in sorted((content / "migrations").glob("*.yaml")):
        data, _ = load_yaml(path)
        for name, variant in variants(data, valid).items():
            new_id = f"{data['id']}-{name}"
            copies[new_id] = {**variant, "id": new_id}
    return copies


def write(copies: dict[str, Data], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for new_id, data in copies.items():
        path = folder / f"{new_id}.yaml"
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        path.write_text(HEADER + text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write(stripped_copies(Path.cwd()), Path(sys.argv[1])):
        print(written)
