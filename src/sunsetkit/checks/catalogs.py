"""Checks of a whole catalog, and the run of every check over one PO file."""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError

from ..i18n import bcp47, parse_locale
from .base import Entry, Finding, Severity

__all__ = [
    "CatalogStats",
    "PoFileError",
    "catalog_locale",
    "check_catalog_header",
    "coverage",
    "expected_plurals",
    "finding",
    "obsolete_entries",
    "singular_only",
]


@dataclass(frozen=True)
class CatalogStats:
    messages: int = 0
    translated: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.messages if self.messages else 100.0


def catalog_locale(catalog: Catalog, path: Path, forced: str | None) -> str | None:
    """--locale, else the Language header, else a gettext folder such as nl_NL/LC_MESSAGES."""
    if forced:
        return forced
    if catalog.locale is not None:
        return bcp47(catalog.locale)
    parent = path.parent
    if parent.name == "LC_MESSAGES":
        try:
            return bcp47(parse_locale(parent.parent.name))
        except ValueError:
            return None
    return None


@functools.cache
def expected_plurals(locale: str | None) -> int | None:
    if locale is None:
        return None
    try:
        return int(get_plural(locale.replace("-", "_")).num_plurals)
    except (ValueError, LookupError):
        return None


@functools.cache
def singular_only(plural_expr: str) -> bool:
    """Whether the catalog's plural rule picks form 0 for no whole number above 1."""
    try:
        rule = gettext.c2py(plural_expr)
    except (ValueError, SyntaxError):
        return True
    return all(rule(n) != 0 for n in range(2, 1000))


def check_catalog_header(catalog: Catalog, locale: str | None) -> Iterator[str]:
    """plural-forms at catalog level: the header's count is the locale's CLDR count."""
    expected = expected_plurals(locale)
    if expected is not None and catalog.num_plurals != expected:
        yield (
            f"Plural-Forms header has nplurals={catalog.num_plurals}, "
            f"{locale} has {expected} (CLDR)"
        )


def coverage(entries: list[Entry]) -> CatalogStats:
    return CatalogStats(len(entries), sum(e.translated for e in entries))


def finding(
    path: Path | str,
    entry: Entry | None,
    locale: str | None,
    check: str,
    severity: Severity,
    message: str,
    line: int | None = None,
) -> Finding:
    return Finding(
        path=str(path),
        line=entry.line if entry is not None else line,
        locale=locale,
        check=check,
        severity=severity,
        message=message,
        msgctxt=entry.context if entry is not None else None,
        msgid=entry.msgid if entry is not None else None,
    )


def obsolete_entries(catalog: Catalog) -> list[Entry]:
    return [Entry(message) for message in catalog.obsolete.values()]
