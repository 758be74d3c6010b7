"""Runs the checks: finds the inputs, checks every file, gathers the result.

One unreadable file never stops the run: it becomes a `read-error` finding and every
other file is still checked. Catalog files are checked in parallel on large runs.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SunsetError
from ..files import read_utf8
from .base import Finding
from .catalog_file import Outcome, check_catalog_file, markdown_parser, read_error
from .catalogs import CatalogStats
from .html import SUFFIXES as SURFACES
from .options import CheckOptions, Markup, ProjectReader, ProjectTerms, load_config
from .registry import CHECKS_BY_ID

__all__ = [
    "CheckOptions",
    "CheckResult",
    "Markup",
    "ProjectReader",
    "ProjectTerms",
    "load_config",
    "run_checks",
]

PARALLEL_FROM = 40  # catalog files; below this, starting workers costs more than it saves
#: Allocations between two collections of the young generation (Python's default: 700).
YOUNG_GENERATION = 10_000


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    catalogs: int = 0
    messages: int = 0
    pages: int = 0
    #: HTML and SVG files whose attributes and image text were checked.
    rendered: int = 0
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
            if path.suffix.lower() not in SURFACES:  # HTML and SVG: checks/surfaces.py
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
    with _few_collections():
        return _run_checks(paths, options, project)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """The start-up heap (modules, tables, caches) frozen out of the cycle collector, and
    its young generation collected every 10,000 allocations: a check allocates millions of
    short-lived objects and few cycles, and the default rhythm cost a twentieth of a run."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run_checks(
    paths: Sequence[Path], options: CheckOptions, project: ProjectReader | None
) -> CheckResult:
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
        result.findings.append(read_error(path, options, _missing(path)))
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
    result.findings += _check_surfaces(paths, options, result)
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


def _check_pages(paths: list[Path], options: CheckOptions, result: CheckResult) -> list[Finding]:
    if not paths:
        return []
    from .documents import check_document

    md = markdown_parser()
    found: list[Finding] = []
    for path in paths:
        text = _read_page(path)
        if isinstance(text, SunsetError):
            result.unreadable += 1
            message = f"{text.message} ({text.hint})" if text.hint else text.message
            found.append(read_error(path, options, message, text.line))
            continue
        checked = check_document(path, text, md, options)
        if checked is None:
            result.left += 1
            continue
        result.pages += 1
        found += checked[0]
        result.messages += checked[1]
    return found


def _check_surfaces(
    paths: Sequence[Path], options: CheckOptions, result: CheckResult
) -> list[Finding]:
    """The HTML and SVG files: their attributes and image text."""
    if not any(options.enabled_id(c) for c in ("surface-english", "surface-markup")):
        return []
    from .surfaces import check_surface_file, discover_surfaces

    found: list[Finding] = []
    for path in discover_surfaces(paths):
        checked = check_surface_file(path, options)
        if checked and checked[0].check == "read-error":
            result.unreadable += 1
        elif checked is not None:  # None: no locale's page (left alone)
            result.rendered += 1
        found += checked or []
    return found


def _missing(path: Path) -> str:
    """Why a path given to check is neither a file nor a folder."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops"
        if path.is_symlink():
            return "a symbolic link that leads nowhere"
        return "no such file or folder"
    return "neither a file nor a folder (a pipe or a device)"


def _read_page(path: Path) -> str | SunsetError:
    """A page's text, or the error to report (a pipe is never opened for reading)."""
    try:
        return read_utf8(path)
    except SunsetError as exc:
        return exc
