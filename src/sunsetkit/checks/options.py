"""What a check run is told: the options, the project's terms, [tool.sunset.check]."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..errors import UsageError, did_you_mean
from ..files import read_regular
from .base import Check, LocaleGlossary, Severity
from .glossary import GlossaryTerms, locale_glossary
from .registry import CHECKS_BY_ID

if TYPE_CHECKING:
    from ..content.model import Glossary

__all__ = ["CheckOptions", "Config", "Markup", "ProjectReader", "ProjectTerms", "load_config"]

Markup = Literal["markdown", "none"]
#: The project's glossary and never-translated names, as the checks read them.
ProjectTerms = tuple[GlossaryTerms | None, tuple[str, ...]]
#: Reads the project: called while the workers already parse catalogs.
ProjectReader = Callable[[], ProjectTerms]
#: What checking one catalog file gives: findings, counts, locale, whether it was readable.


@dataclass(frozen=True)
class CheckOptions:
    locale: str | None = None
    #: The glossary; kept as plain data (a model given here is converted), so that options
    #: travel to worker processes without the definitions' model.
    glossary: GlossaryTerms | None = None
    #: Names that are never translated, from the project's definitions (offers, products).
    names: tuple[str, ...] = ()
    markup: Markup = "markdown"
    min_coverage: float | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    #: Opt-in checks the configuration turns on (`enable = [...]`).
    enabled_ids: frozenset[str] = frozenset()
    jobs: int = 0  # 0: as many as the machine has cores

    def __post_init__(self) -> None:
        glossary: GlossaryTerms | Glossary | None = self.glossary
        if glossary is not None and not isinstance(glossary, GlossaryTerms):
            object.__setattr__(self, "glossary", GlossaryTerms.of(glossary))

    def with_project(self, project: ProjectTerms) -> CheckOptions:
        """These options with the project's glossary and names, once they are read."""
        glossary, names = project
        return replace(self, glossary=glossary, names=names)

    def severity(self, check_id: str) -> Severity:
        return self.severities.get(check_id, CHECKS_BY_ID[check_id].severity)

    def enabled(self, check: Check) -> bool:
        if check.id in self.disabled or (check.opt_in and check.id not in self.enabled_ids):
            return False
        return not (check.markup and self.markup == "none")

    def enabled_id(self, check_id: str) -> bool:
        return self.enabled(CHECKS_BY_ID[check_id])

    def locale_glossary(self, locale: str | None) -> LocaleGlossary:
        """The glossary as one locale needs it, built once per locale (its compiled
        searches with it) however many files that locale has."""
        cache: dict[str | None, LocaleGlossary] = self.__dict__.setdefault("_by_locale", {})
        if locale not in cache:
            cache[locale] = locale_glossary(self.glossary, locale, self.names)
        return cache[locale]


class Config(NamedTuple):
    """What [tool.sunset.check] sets: severities, checks turned off, opt-in checks on."""

    severities: dict[str, Severity]
    disabled: frozenset[str]
    enabled: frozenset[str]


def load_config(pyproject: Path) -> Config:
    """[tool.sunset.check] severity = {id = "warning"}, disable = ["id", ...],
    enable = ["id", ...] (the opt-in checks to run)."""
    if not pyproject.is_file():
        return Config({}, frozenset(), frozenset())
    try:
        data = tomllib.loads(read_regular(pyproject).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(
            f"cannot read the configuration: {exc}",
            pyproject,
            hint="save it as UTF-8 TOML; check it with a TOML validator",
        ) from exc
    section = data
    for key in ("tool", "sunset", "check"):
        section = _table(section, key, pyproject)
    severities = _table(section, "severity", pyproject)
    disabled = _ids(section, "disable", pyproject)
    enabled = _ids(section, "enable", pyproject)
    for check_id in [*severities, *disabled, *enabled]:
        if check_id not in CHECKS_BY_ID:
            raise UsageError(
                f"[tool.sunset.check] names an unknown check {check_id!r}",
                pyproject,
                hint=did_you_mean(check_id, CHECKS_BY_ID) or "`sunset check --list` gives the ids",
            )
    for check_id, severity in severities.items():
        if severity not in ("error", "warning"):
            raise UsageError(
                f"[tool.sunset.check] severity of {check_id} must be "
                f"'error' or 'warning', not {severity!r}",
                pyproject,
                hint='write severity = { english-left = "warning" }',
            )
    return Config(severities, frozenset(disabled), frozenset(enabled))


def _ids(section: dict[str, Any], key: str, pyproject: Path) -> list[str]:
    """section[key] as a list of check ids ([] when absent)."""
    ids = section.get(key, [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise UsageError(
            f"[tool.sunset.check] {key} must be a list of check ids",
            pyproject,
            hint=f'write {key} = ["negation"]; `sunset check --list` gives the ids',
        )
    return ids


def _table(data: dict[str, Any], key: str, pyproject: Path) -> dict[str, Any]:
    """data[key] as a TOML table ({} when absent); a value of another type is an error."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise UsageError(
            f"{key} in [tool.sunset] settings must be a table, not {type(value).__name__}",
            pyproject,
            hint='write [tool.sunset.check] with severity = { id = "warning" } '
            'and disable = ["id"]',
        )
    return value
