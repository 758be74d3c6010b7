"""Checks of a whole catalog, and the run of every check over one PO file."""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from ..errors import clip
from ..i18n import StrictCatalog, bcp47, parse_locale
from ..plurals import accepted_rules, disagreement, rule_forms
from .base import Entry, Finding, Severity

__all__ = [
    "CatalogStats",
    "PoFileError",
    "catalog_locale",
    "check_catalog_header",
    "coverage",
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
def singular_only(plural_expr: str) -> bool:
    """Whether the catalog's plural rule picks form 0 for no whole number above 1."""
    try:
        rule = gettext.c2py(plural_expr)
    except (ValueError, SyntaxError):
        return True
    return all(rule(n) != 0 for n in range(2, 1000))


def check_catalog_header(catalog: StrictCatalog, locale: str | None) -> Iterator[str]:
    """plural-forms at catalog level: the header's rule is one in use for the locale
    (CLDR's or the gettext tradition's), judged by behaviour, not spelling."""
    header = catalog.plural_header
    if header is None and any(m.pluralizable for m in catalog.read):
        yield (
            "no Plural-Forms header, so gettext gives every plural message two forms "
            f"(n != 1){_accepted_hint(locale)}"
        )
        return
    rules = accepted_rules(locale) if locale else ()
    if not rules or header is None:
        return
    forms = rule_forms(catalog.plural_expr)
    same = [r for r in rules if (r.count, r.forms) == (catalog.num_plurals, forms)]
    if not same:
        yield f"Plural-Forms {clip(header)} is no rule in use for {locale}{_accepted_hint(locale)}"
        return
    # Alike on the sample; a rule may still single out a number beyond it (n==5000).
    differs = []
    for rule in same:
        found = disagreement(catalog.plural_expr, rule, locale)
        if found is None:
            return
        differs.append(found)
    if differs:
        n, ours, theirs = min(differs)
        yield (
            f"Plural-Forms {clip(header)} picks form {ours} for n = {n:,} where {locale} "
            f"uses form {theirs}{_accepted_hint(locale)}"
        )


def _accepted_hint(locale: str | None) -> str:
    rules = accepted_rules(locale) if locale else ()
    if not rules:
        return ""
    shown = " or ".join(r.describe() for r in rules)
    return f": set {shown} and give each plural message that many forms"


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
