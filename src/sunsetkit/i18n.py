"""Locale ids, catalog loading and the gettext callables the templates use.

A catalog is read from its .po file with Babel; no .mo is compiled. Every lookup is
recorded, so a page knows whether it is fully translated, and by whom (human or machine).
"""

from __future__ import annotations

import gettext as _stdlib_gettext
import hashlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po

from .errors import CatalogError, UsageError, did_you_mean

__all__ = [
    "MACHINE_COMMENT",
    "MACHINE_FLAG",
    "SOURCE_LOCALE",
    "Localized",
    "Translator",
    "Usage",
    "bcp47",
    "discover_catalogs",
    "is_machine_translated",
    "load_catalog",
    "parse_locale",
    "posix",
]

SOURCE_LOCALE = "en-US"
#: The translator comment that marks a message as machine translated (none: human). A
#: comment, because msgmerge, msgcat, pybabel update and translate-toolkit all keep
#: translator comments, while GNU gettext drops flags it does not know.
MACHINE_COMMENT = "machine-translated"
#: The older marking, still read: the flag `#, machine` (lost by msgmerge and msgcat).
MACHINE_FLAG = "machine"
CATALOG_NAME = "messages.po"


def parse_locale(text: str, source: str | None = None) -> Locale:
    """A locale from "nl-NL" or "nl_NL"; UsageError if CLDR does not know it."""
    sep = "-" if "-" in text else "_"
    try:
        return Locale.parse(text.strip(), sep=sep)
    except (ValueError, UnknownLocaleError) as exc:
        raise UsageError(
            f"unknown locale {text!r}", source, hint="use a BCP 47 id such as nl-NL"
        ) from exc


def bcp47(locale: Locale) -> str:
    """The id users see: nl-NL; zh-CN (its script is the likely one: not zh-Hans-CN)."""
    return posix(locale).replace("_", "-")


def posix(locale: Locale) -> str:
    """The id gettext folders use: nl_NL, zh_CN (sr_Latn_RS keeps its unlikely script)."""
    if locale.script and locale.territory and _likely_script(locale) == locale.script:
        return f"{locale.language}_{locale.territory}"
    return str(locale)


def _likely_script(locale: Locale) -> str | None:
    script: str | None = Locale.parse(f"{locale.language}_{locale.territory}").script
    return script


def discover_catalogs(locales_dir: Path) -> dict[str, Path]:
    """locales/<ll_CC>/LC_MESSAGES/messages.po by BCP 47 id, sorted."""
    found: dict[str, Path] = {}
    for path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{CATALOG_NAME}")):
        folder = path.parent.parent.name
        found[bcp47(parse_locale(folder, str(path)))] = path
    return found


def select_locales(requested: list[str], available: Mapping[str, Path]) -> list[str]:
    """The requested locales (any spelling) as BCP 47 ids; each must have a catalog."""
    known = [SOURCE_LOCALE, *available]
    chosen: list[str] = []
    for text in requested:
        locale_id = bcp47(parse_locale(text))
        if locale_id not in known:
            raise UsageError(
                f"no catalog for locale {locale_id}",
                hint=did_you_mean(locale_id, known) or f"available: {', '.join(known)}",
            )
        if locale_id not in chosen:
            chosen.append(locale_id)
    return chosen or known


def load_catalog(path: Path, locale_id: str) -> Catalog:
    """Read one .po file; a syntax error or a wrong Language header is a CatalogError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror}", path) from exc
    _check_quotes(data, path)
    try:
        catalog = read_po(data.splitlines(keepends=True), abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise CatalogError(
            f"PO syntax error: {exc}",
            path,
            line + 1 if line is not None else None,
            hint="fix the line or run `pybabel update`",
        ) from exc
    except (UnicodeDecodeError, LookupError) as exc:
        raise CatalogError(
            f"cannot decode: {exc}", path, hint="declare the charset in the header, UTF-8"
        ) from exc
    if catalog.locale is not None and bcp47(catalog.locale) != locale_id:
        raise CatalogError(
            f"Language header says {bcp47(catalog.locale)} but the folder is {locale_id}",
            path,
            hint="fix the header or move the file",
        )
    return catalog


def _check_quotes(data: bytes, path: Path) -> None:
    # Babel reads an unterminated string leniently; gettext's msgfmt rejects it.
    for number, raw in enumerate(data.splitlines(), 1):
        line = raw.strip()
        if line.startswith((b"msg", b'"')) and _unterminated(line[line.find(b'"') :]):
            raise CatalogError(
                "PO syntax error: unterminated string",
                path,
                number,
                hint="close the string with a double quote",
            )


def _unterminated(body: bytes) -> bool:
    if len(body) < 2 or not body.startswith(b'"') or not body.endswith(b'"'):
        return True
    inner = body[:-1]
    backslashes = len(inner) - len(inner.rstrip(b"\\"))
    return backslashes % 2 == 1


class Localized(str):
    """A localized value that remembers its source-language form (for side-by-side pages).

    The source form may be given as a function: it is then computed only when a
    side-by-side page asks for it, not for every date and number of every page.
    """

    _source: str | Callable[[], str]

    def __new__(cls, value: str, source: str | Callable[[], str]) -> Localized:
        obj = super().__new__(cls, value)
        obj._source = source
        return obj

    @property
    def source(self) -> str:
        if callable(self._source):
            self._source = self._source()
        return self._source


class Segment(Localized):
    """A wrapped side-by-side segment; `plain` is its translation without the markup.

    When a segment becomes a variable of another message (a phase title inside the
    phase heading), the outer message embeds its plain translation and English source,
    so segments never nest.
    """

    plain: str

    def __new__(cls, value: str, source: str, plain: str) -> Segment:
        obj = str.__new__(cls, value)
        obj._source = source
        obj.plain = plain
        return obj


@dataclass
class Usage:
    """Which messages a render looked up, and how each was found."""

    used: set[tuple[str | None, str]] = field(default_factory=set)
    translated: set[tuple[str | None, str]] = field(default_factory=set)
    machine: set[tuple[str | None, str]] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return self.used == self.translated

    @property
    def kind(self) -> str:
        """ms.translationtype: HT only when every message is a human translation."""
        return "MT" if self.machine or not self.complete else "HT"

    def merge(self, other: Usage) -> None:
        self.used |= other.used
        self.translated |= other.translated
        self.machine |= other.machine


SegmentWrap = Callable[[str, str, str], str]


class Translator:
    """gettext, ngettext, pgettext and npgettext over one catalog, recording each lookup.

    Without a catalog it serves the source language, where every message counts as
    translated.
    Formatting follows Jinja's newstyle gettext: the result is always %-formatted with
    the given variables, so a literal percent sign is written %%.
    """

    def __init__(self, catalog: Catalog | None, wrap: SegmentWrap | None = None) -> None:
        self.catalog = catalog
        self.usage = Usage()
        self._wrap = wrap
        self._plain_depth = 0
        expr = catalog.plural_expr if catalog is not None else "(n != 1)"
        self._plural: Callable[[int], int] = _stdlib_gettext.c2py(expr)

    def gettext(self, msgid: str, **variables: Any) -> str:
        return self._lookup(None, msgid, None, None, variables)

    def pgettext(self, context: str, msgid: str, **variables: Any) -> str:
        return self._lookup(context, msgid, None, None, variables)

    def ngettext(self, singular: str, plural: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        return self._lookup(None, singular, plural, n, variables)

    def npgettext(self, context: str, singular: str, plural: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        return self._lookup(context, singular, plural, n, variables)

    @contextmanager
    def plain(self) -> Iterator[None]:
        """Within this block no segment is wrapped (front matter is YAML, not Markdown)."""
        self._plain_depth += 1
        try:
            yield
        finally:
            self._plain_depth -= 1

    def _lookup(
        self,
        context: str | None,
        singular: str,
        plural: str | None,
        n: int | None,
        variables: dict[str, Any],
    ) -> str:
        key = (context, singular)
        self.usage.used.add(key)
        source = singular if plural is None or n is None or n == 1 else plural
        found = self._find(context, singular, n)
        if found is None:
            if self.catalog is None:  # the source locale: English is the translation
                self.usage.translated.add(key)
            # A fallback sentence still shows the portal's labels as this locale's
            # reader sees them on screen.
            return source % {k: getattr(v, "plain", v) for k, v in variables.items()}
        message, text = found
        self.usage.translated.add(key)
        if is_machine_translated(message):
            self.usage.machine.add(key)
        result = text % {k: getattr(v, "plain", v) for k, v in variables.items()}
        source_text = source % {k: getattr(v, "source", v) for k, v in variables.items()}
        if self._wrap is None or self._plain_depth:
            return Localized(result, source_text)
        wrapped = self._wrap(segment_key(context, singular), result, source_text)
        return Segment(wrapped, source_text, result)

    def _find(self, context: str | None, msgid: str, n: int | None) -> tuple[Message, str] | None:
        if self.catalog is None:
            return None
        message = self.catalog.get(msgid, context=context)
        if message is None or message.fuzzy or not message.string:
            return None
        if isinstance(message.string, str):
            return message, message.string
        forms = message.string
        if not all(forms):
            return None
        index = self._plural(n if n is not None else 1)
        return message, forms[min(index, len(forms) - 1)]


def is_machine_translated(message: Message) -> bool:
    """`# machine-translated` among the translator comments, or the older `#, machine`."""
    return MACHINE_FLAG in message.flags or any(
        comment.strip().casefold() == MACHINE_COMMENT for comment in message.user_comments
    )


def segment_key(context: str | None, msgid: str) -> str:
    """A short id that depends on this message only, so it survives edits to others."""
    text = msgid if context is None else f"{context}\x04{msgid}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
