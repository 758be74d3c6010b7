"""Runs the checks: finds the inputs, reads the configuration, checks every file.

One unreadable file never stops the run: it becomes a `read-error` finding and every
other file is still checked. Catalog files are checked in parallel on large runs.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import SunsetError, UsageError, did_you_mean
from ..files import read_regular
from ..i18n import StrictCatalog, read_catalog
from .base import Check, Entry, Finding, LocaleGlossary, MessageContext, Severity
from .catalogs import (
    CatalogStats,
    catalog_locale,
    check_catalog_header,
    coverage,
    finding,
    obsolete_entries,
    singular_only,
)
from .glossary import GlossaryTerms, check_consistency, locale_glossary
from .registry import CHECKS, CHECKS_BY_ID

if TYPE_CHECKING:
    from ..model import Glossary

__all__ = ["CheckOptions", "CheckResult", "load_config", "run_checks"]

Markup = Literal["markdown", "none"]
#: The project's glossary and never-translated names, as the checks read them.
ProjectTerms = tuple[GlossaryTerms | None, tuple[str, ...]]
#: Reads the project: called while the workers already parse catalogs.
ProjectReader = Callable[[], ProjectTerms]
#: What checking one catalog file gives: findings, counts, locale, whether it was readable.
Outcome = tuple[list[Finding], CatalogStats, str | None, bool]
PARALLEL_FROM = 40  # catalog files; below this, starting workers costs more than it saves


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
        return check.id not in self.disabled and not (check.markup and self.markup == "none")

    def enabled_id(self, check_id: str) -> bool:
        return self.enabled(CHECKS_BY_ID[check_id])

    def locale_glossary(self, locale: str | None) -> LocaleGlossary:
        """The glossary as one locale needs it, built once per locale (its compiled
        searches with it) however many files that locale has."""
        cache: dict[str | None, LocaleGlossary] = self.__dict__.setdefault("_by_locale", {})
        if locale not in cache:
            cache[locale] = locale_glossary(self.glossary, locale, self.names)
        return cache[locale]


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    catalogs: int = 0
    messages: int = 0
    pages: int = 0
    #: Markdown files that are none of a rendered guide, a side-by-side page or a page of a
    #: parallel tree (a README): left alone.
    left: int = 0
    unreadable: int = 0
    coverage: dict[str, CatalogStats] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def load_config(pyproject: Path) -> tuple[dict[str, Severity], frozenset[str]]:
    """[tool.sunset.check] severity = {id = "warning"}, disable = ["id", ...]."""
    if not pyproject.is_file():
        return {}, frozenset()
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
    disabled = section.get("disable", [])
    if not isinstance(disabled, list) or not all(isinstance(d, str) for d in disabled):
        raise UsageError(
            "[tool.sunset.check] disable must be a list of check ids",
            pyproject,
            hint='write disable = ["end-punctuation"]; `sunset check --list` gives the ids',
        )
    for check_id in [*severities, *disabled]:
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
    return severities, frozenset(disabled)


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


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(catalogs, pages, missing): .po/.pot files and .md pages under the given paths."""
    catalogs: list[Path] = []
    pages: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            catalogs += sorted(p for p in path.rglob("*") if p.suffix in (".po", ".pot"))
            pages += sorted(path.rglob("*.md"))
        elif path.is_file():
            (pages if path.suffix == ".md" else catalogs).append(path)
        else:
            missing.append(path)
    return sorted(set(catalogs)), sorted(set(pages)), missing


def run_checks(
    paths: Sequence[Path], options: CheckOptions, project: ProjectReader | None = None
) -> CheckResult:
    """Check every catalog and page under `paths`. `project`, if given, reads the
    project's glossary and names into the options; on a large run the workers start
    parsing catalogs while it does."""
    catalogs, pages, missing = discover(paths)
    result = CheckResult()
    jobs = options.jobs or os.cpu_count() or 1
    if jobs < 2 or len(catalogs) < PARALLEL_FROM:
        options = options.with_project(project()) if project else options
        outcomes: list[Outcome] = [check_catalog_file(path, options) for path in catalogs]
    else:
        from .workers import check_in_parallel

        outcomes, options = check_in_parallel(catalogs, options, jobs, project)
    for path in missing:
        result.unreadable += 1
        result.findings.append(_read_error(path, options, "no such file or folder"))
    folders: dict[str, list[Path]] = {}
    for path, outcome in zip(catalogs, outcomes, strict=True):
        findings, stats, locale, readable = outcome
        result.findings += findings
        result.unreadable += not readable
        if readable:
            result.catalogs += 1
            result.messages += stats.messages
            if locale:
                total = result.coverage.get(locale, CatalogStats())
                result.coverage[locale] = CatalogStats(
                    total.messages + stats.messages, total.translated + stats.translated
                )
                folders.setdefault(locale, []).append(path)
    result.findings += _coverage_findings(result, folders, options)
    result.findings += _check_pages(pages, options, result)
    result.findings.sort(key=lambda f: (f.path, f.line or 0, f.check, f.message))
    return result


def _coverage_findings(
    result: CheckResult, paths: dict[str, list[Path]], options: CheckOptions
) -> Iterator[Finding]:
    """One finding per locale whose catalogs together are translated below the minimum."""
    if options.min_coverage is None or not options.enabled(CHECKS_BY_ID["coverage"]):
        return
    for locale, stats in sorted(result.coverage.items()):
        if stats.percent < options.min_coverage:
            where = (
                paths[locale][0]
                if len(paths[locale]) == 1
                else Path(os.path.commonpath(paths[locale]))
            )
            yield Finding(
                str(where),
                None,
                locale,
                "coverage",
                options.severity("coverage"),
                f"{locale} is {stats.percent:.1f}% translated "
                f"({stats.translated}/{stats.messages} messages in "
                f"{len(paths[locale])} catalog(s)), below --min-coverage "
                f"{options.min_coverage:g}%",
            )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_catalog_file(path: Path, options: CheckOptions) -> Outcome:
    """Every enabled check over one PO/POT file. Never raises for a bad file."""
    return check_read_catalog(path, read_catalog_file(path), options)


def read_catalog_file(path: Path) -> StrictCatalog | SunsetError:
    """The catalog, or why it cannot be read (the reader of `sunset build`: one verdict)."""
    try:
        return read_catalog(path)
    except SunsetError as exc:
        return exc


def check_read_catalog(
    path: Path, catalog: StrictCatalog | SunsetError, options: CheckOptions
) -> Outcome:
    if isinstance(catalog, SunsetError):
        error = _read_error(path, options, catalog.message, catalog.line)
        return [error], CatalogStats(), None, False
    where = str(path)  # one string for every finding: pickled once, not per finding
    locale = catalog_locale(catalog, path, options.locale)
    entries = [Entry(m) for m in catalog.read if m.id]
    if path.suffix == ".pot":
        return [], CatalogStats(len(entries), 0), None, True
    ctx = MessageContext(
        locale=locale,
        glossary=options.locale_glossary(locale),
        md=_markdown_parser() if options.markup == "markdown" else None,
        singular_only=singular_only(catalog.plural_expr),
    )
    findings = list(_catalog_level(where, catalog, entries, ctx, options))
    findings += _message_level(where, entries, ctx, options)
    return findings, coverage(entries), locale, True


def _catalog_level(
    path: str, catalog: Any, entries: list[Entry], ctx: MessageContext, options: CheckOptions
) -> Iterator[Finding]:
    on = {c.id for c in CHECKS if options.enabled(c)}
    if "plural-forms" in on:
        for message in check_catalog_header(catalog, ctx.locale):
            yield finding(
                path,
                None,
                ctx.locale,
                "plural-forms",
                options.severity("plural-forms"),
                message,
                line=1,
            )
    if "obsolete" in on:
        for entry in obsolete_entries(catalog):
            yield finding(
                path,
                entry,
                ctx.locale,
                "obsolete",
                options.severity("obsolete"),
                "obsolete message: remove it or run `pybabel update`",
            )
    if "consistency" in on:
        for entry, message in check_consistency(entries, ctx):
            if "consistency" not in entry.ignored:
                yield finding(
                    path, entry, ctx.locale, "consistency", options.severity("consistency"), message
                )


def _message_level(
    path: str, entries: list[Entry], ctx: MessageContext, options: CheckOptions
) -> list[Finding]:
    on = [c for c in CHECKS if c.scope == "message" and options.enabled(c)]
    state = [(c.id, c.func, options.severity(c.id)) for c in on if c.id in _STATE]
    content = [(c.id, c.func, options.severity(c.id)) for c in on if c.id not in _STATE]
    found: list[Finding] = []
    for entry in entries:
        ignored = entry.ignored
        for check_id, func, severity in content if entry.translated else state:
            if ignored and check_id in ignored:
                continue
            for message in func(entry, ctx):
                found.append(finding(path, entry, ctx.locale, check_id, severity, message))
    return found


_STATE = frozenset({"untranslated", "fuzzy"})


def _read_error(
    path: Path, options: CheckOptions, message: str, line: int | None = None
) -> Finding:
    return Finding(str(path), line, None, "read-error", options.severity("read-error"), message)


def _markdown_parser() -> Any:
    from ..markdown import parser  # markdown-it is loaded only when markup is checked

    md = parser()
    # Link targets as the author wrote them, not percent-encoded: messages quote them.
    setattr(md, "normalizeLink", _as_written)  # noqa: B010 (a method replaced on purpose)
    setattr(md, "normalizeLinkText", _as_written)  # noqa: B010
    return md


def _as_written(url: str) -> str:
    return url


def _check_pages(paths: list[Path], options: CheckOptions, result: CheckResult) -> list[Finding]:
    if not paths:
        return []
    from .documents import check_document

    md = _markdown_parser()
    found: list[Finding] = []
    for path in paths:
        text = _read_page(path)
        if isinstance(text, SunsetError):
            result.unreadable += 1
            found.append(_read_error(path, options, str(text.message)))
            continue
        checked = check_document(path, text, md, options)
        if checked is None:
            result.left += 1
            continue
        result.pages += 1
        found += checked[0]
        result.messages += checked[1]
    return found


def _read_page(path: Path) -> str | SunsetError:
    """A page's text, or the error to report (a pipe is never opened for reading)."""
    try:
        return read_regular(path).decode("utf-8")
    except SunsetError as exc:
        return exc
    except UnicodeDecodeError:
        return SunsetError("cannot read: not UTF-8 text (save it as UTF-8)", path)
