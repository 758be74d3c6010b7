"""Checks one catalog file: reads it (never raising for a bad one) and runs every enabled
catalog-level and message-level check over it."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import SunsetError
from ..i18n import StrictCatalog, read_catalog
from .base import Entry, Finding, MessageContext
from .catalogs import (
    CatalogStats,
    catalog_locale,
    check_catalog_header,
    coverage,
    finding,
    obsolete_entries,
    singular_only,
)
from .evidence import severity_of
from .glossary import check_consistency
from .options import CheckOptions
from .registry import CHECKS

__all__ = [
    "Outcome",
    "check_catalog_file",
    "check_read_catalog",
    "entries_level",
    "markdown_parser",
    "message_level",
    "read_catalog_file",
    "read_error",
]

#: What checking one catalog file gives: findings, counts, locale, whether it was readable.
Outcome = tuple[list[Finding], CatalogStats, str | None, bool]


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
        error = read_error(path, options, catalog.message, catalog.line)
        return [error], CatalogStats(), None, False
    where = str(path)  # one string for every finding: pickled once, not per finding
    locale = catalog_locale(catalog, path, options.locale)
    entries = [Entry(m) for m in catalog.read if m.id]
    if path.suffix == ".pot":
        return [], CatalogStats(len(entries), 0), None, True
    ctx = MessageContext(
        locale=locale,
        glossary=options.locale_glossary(locale),
        md=markdown_parser() if options.markup == "markdown" else None,
        singular_only=singular_only(catalog.plural_expr),
    )
    findings = list(_catalog_level(where, catalog, entries, ctx, options))
    findings += message_level(where, entries, ctx, options)
    findings += entries_level(where, entries, ctx, options)
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


def entries_level(
    path: str | Path, entries: list[Entry], ctx: MessageContext, options: CheckOptions
) -> list[Finding]:
    """The checks that read every message of one catalog or page at once."""
    found: list[Finding] = []
    for check in CHECKS:
        if check.entries is None or not options.enabled(check) or (check.markup and ctx.md is None):
            continue
        severity = options.severity(check.id)
        for entry, message in check.entries(entries, ctx):
            if check.id not in entry.ignored:
                found.append(finding(path, entry, ctx.locale, check.id, severity, message))
    return found


def message_level(
    path: str, entries: list[Entry], ctx: MessageContext, options: CheckOptions
) -> list[Finding]:
    on = [c for c in CHECKS if c.scope == "message" and options.enabled(c)]
    state = [(c.id, c.func, options.severity(c.id), c.when) for c in on if c.id in _STATE]
    content = [(c.id, c.func, options.severity(c.id), c.when) for c in on if c.id not in _STATE]
    found: list[Finding] = []
    for entry in entries:
        ignored = entry.ignored
        for check_id, func, severity, when in content if entry.translated else state:
            if (when is not None and not when(entry, ctx)) or (ignored and check_id in ignored):
                continue  # most checks cannot fire on most messages: never called there
            for message in func(entry, ctx):
                level = severity_of(message, severity)  # a guessed glossary form: a warning
                found.append(finding(path, entry, ctx.locale, check_id, level, message))
    return found


_STATE = frozenset({"untranslated", "fuzzy"})


def read_error(path: Path, options: CheckOptions, message: str, line: int | None = None) -> Finding:
    return Finding(str(path), line, None, "read-error", options.severity("read-error"), message)


@functools.cache
def markdown_parser() -> Any:
    """The parser of the markup checks, one per process: building it cost as much as
    checking a small catalog, and it keeps no state between texts."""
    from ..markdown import parser  # markdown-it is loaded only when markup is checked

    md = parser()
    # Link targets as the author wrote them, not percent-encoded: messages quote them.
    setattr(md, "normalizeLink", _as_written)  # noqa: B010 (a method replaced on purpose)
    setattr(md, "normalizeLinkText", _as_written)  # noqa: B010
    return md


def _as_written(url: str) -> str:
    return url
