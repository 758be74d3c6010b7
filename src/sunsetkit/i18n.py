"""Locale ids, catalog loading and the gettext callables the templates use.

A catalog is read from its .po file with Babel; no .mo is compiled. Every lookup is
recorded, so a page knows whether it is fully translated, and by whom (human or machine).
"""

from __future__ import annotations

import codecs
import functools
import gettext as _stdlib_gettext
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.core import parse_locale as babel_parse_locale
from babel.messages.catalog import Catalog, Message, parse_separated_header
from babel.messages.pofile import PoFileError, PoFileParser

from .errors import CatalogError, UsageError, clip, did_you_mean
from .files import read_regular
from .plurals import checkable, rule_forms, rule_span, stray_form
from .untrusted import untrusted_translation

__all__ = [
    "MACHINE_COMMENT",
    "MACHINE_FLAG",
    "SOURCE_LOCALE",
    "Localized",
    "StrictCatalog",
    "Translator",
    "Usage",
    "bcp47",
    "discover_catalogs",
    "folder_locale",
    "is_machine_translated",
    "load_catalog",
    "malformed_placeholders",
    "parse_locale",
    "posix",
    "read_catalog",
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
    if (
        locale.script
        and locale.territory
        and (likely_script(locale.language, locale.territory) == locale.script)
    ):
        return f"{locale.language}_{locale.territory}"
    return str(locale)


def likely_script(language: str, territory: str | None = None) -> str | None:
    """The script a language is written in, in a territory, by CLDR's likely subtags
    (zh in TW: Hant). Read from the table: Locale.parse refuses a pair it has no data
    for (az_TR), and data from a customer can name any pair."""
    subtags = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else "", language):
        if key in subtags:
            script: str | None = babel_parse_locale(subtags[key])[2]
            return script
    return None


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


def read_catalog(path: Path) -> StrictCatalog:
    """Read one .po/.pot file as gettext's msgfmt would accept it, or raise CatalogError.

    The one reader of `sunset build`, `sunset checklists` and `sunset check`, so they
    give one verdict on a catalog: syntax, an unterminated string, a second msgstr or a
    duplicate message, a Plural-Forms header that is absurd or broken, a Language header
    that is unknown or contradicts the catalog's folder."""
    data = read_regular(path)
    # A UTF-8 byte order mark, as Windows editors write: gettext's msgfmt skips it, so
    # does sunset (Babel would take it for a keyword).
    data = data.removeprefix(codecs.BOM_UTF8)
    _check_wide(data, path)
    _check_lines(data, path)
    catalog = StrictCatalog(path)
    try:
        PoFileParser(catalog, abort_invalid=True).parse(data.splitlines(keepends=True))
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise CatalogError(
            f"PO syntax error: {exc}",
            path,
            line + 1 if line is not None else None,
            hint="fix the line or run `pybabel update`",
        ) from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"not text in the catalog's charset ({exc.reason})",
            path,
            _first_non_utf8_line(data),
            hint="save the catalog as UTF-8, with charset=UTF-8 in its header",
        ) from exc
    except LookupError as exc:
        raise CatalogError(
            f"cannot decode: {exc}", path, hint="declare the charset in the header, UTF-8"
        ) from exc
    except ValueError as exc:
        raise CatalogError(f"cannot read: {exc}", path, hint="fix the header") from exc
    _check_language(catalog, path)
    return catalog


def malformed_placeholders(ids: Sequence[str], text: str) -> list[str]:
    """The %-conversions of a translation that Python cannot format ("%(name)'", a lone
    "%"), when its source is a format string with named placeholders (as sunset's are);
    [] for other sources, whose "60% faster" is prose. The build refuses these at load
    (load_catalog); `sunset check` reports them, so both give one verdict."""
    found = [m for source in ids for m in _CONVERSION.finditer(source)]
    if not any(m["name"] for m in found) or any(m["conv"] not in _FORMAT_OK for m in found):
        return []
    return [m.group() for m in _CONVERSION.finditer(text) if m["conv"] not in _FORMAT_OK]


def load_catalog(path: Path, locale_id: str) -> Catalog:
    """A catalog for rendering `locale_id`: read_catalog, and every translation usable."""
    catalog = read_catalog(path)
    if catalog.locale is not None and bcp47(catalog.locale) != locale_id:
        raise CatalogError(
            f"Language header says {bcp47(catalog.locale)} but the folder is {locale_id}",
            path,
            hint="fix the header or move the file",
        )
    for message in catalog:
        if message.id and message.string:
            _check_placeholders(message, path, locale_id)
    return catalog


def folder_locale(path: Path) -> str | None:
    """The locale of a catalog in a gettext folder (nl_NL/LC_MESSAGES/x.po), if it is in one."""
    if path.parent.name != "LC_MESSAGES":
        return None
    name = path.parent.parent.name
    try:
        return bcp47(parse_locale(name))
    except UsageError as exc:
        raise CatalogError(
            f"the folder {name!r} is not a known locale",
            path,
            hint="name the folder after its locale, such as nl_NL",
        ) from exc


def _check_language(catalog: Catalog, path: Path) -> None:
    header = catalog.locale_identifier
    if header and catalog.locale is None:
        raise CatalogError(
            f"unknown locale {clip(header)} in the Language header",
            path,
            hint="write a locale id such as nl_NL",
        )
    folder = folder_locale(path)
    if folder and catalog.locale is not None and bcp47(catalog.locale) != folder:
        raise CatalogError(
            f"Language header says {bcp47(catalog.locale)} but the folder is {folder}",
            path,
            hint="fix the header or move the file",
        )


#: The most plural forms a language has in CLDR (Arabic: 6).
MAX_PLURALS = 6


class StrictCatalog(Catalog):
    """Babel's catalog, refusing what gettext refuses and Babel would merge or accept."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        #: The messages in file order, as read: iterating a Babel catalog formats its
        #: header (dates included) first, which a check of thousands of files pays for.
        self.read: list[Message] = []
        #: The header's Plural-Forms value as written; None when it has none (Babel then
        #: fills in its own table's rule, which gettext does not).
        self.plural_header: str | None = None

    def __setitem__(self, msgid: Any, message: Message) -> None:
        if msgid == "":  # the header (Babel takes an empty id with a context for one too)
            if message.context is None:
                header = str(message.string)
                self.plural_header = _check_plural_forms(header, self.path, message.lineno)
            else:
                self.read.append(message)
            super().__setitem__(msgid, message)
            return
        # Babel merges a message whose key it has into the one it keeps: the count of its
        # messages tells a duplicate without computing the key a second time per message.
        count = len(self._messages)
        super().__setitem__(msgid, message)
        if len(self._messages) == count:
            shown = msgid[0] if isinstance(msgid, tuple | list) else msgid
            raise CatalogError(
                f"duplicate message {clip(shown)}",
                self.path,
                message.lineno,
                hint="keep one of them (msgfmt rejects a catalog with both)",
            )
        self.read.append(message)


def _check_plural_forms(header: str, path: Path, line: int | None) -> str | None:
    """nplurals within what a language can have; a plural rule that gives a form for
    every n. Checked before Babel sizes every plural message by nplurals. Returns the
    header's value (None: no Plural-Forms)."""
    value = next(
        (h.split(":", 1)[1] for h in header.splitlines() if h.lower().startswith("plural-forms:")),
        None,
    )
    if value is None:
        return None
    problem = _plural_forms_problem(value)
    if problem is not None:
        raise CatalogError(
            f"Plural-Forms header: {problem}",
            path,
            line,
            hint="copy the header of `pybabel init` for the locale "
            "(e.g. nplurals=2; plural=(n != 1);)",
        )
    return value.strip()


@functools.lru_cache(maxsize=256)
def _plural_forms_problem(value: str) -> str | None:
    """What is wrong with a Plural-Forms value, or None. Cached: the catalogs of one
    locale share their header, and judging it costs more than parsing a small catalog."""
    params = parse_separated_header(f" ;{value}")
    try:
        count = int(params.get("nplurals", "2"))
    except ValueError:
        return f"nplurals={clip(params.get('nplurals'))} is not a number"
    if not 1 <= count <= MAX_PLURALS:
        return f"nplurals={str(count)[:30]} is not between 1 and {MAX_PLURALS}"
    expr = params.get("plural", "(n != 1)")
    if len(expr) > 200:
        return f"the plural expression is {len(expr):,} characters long"
    if rule_forms(expr) is None:
        return f"the plural expression {clip(expr)} is not valid C"
    if rule_span(expr) is None:
        return (
            f"the plural expression {clip(expr)} is no plural rule: write it with n, "
            "whole numbers, comparisons, %, &&, ||, ! and ?: only"
        )
    if not checkable(expr):
        return (
            f"the plural expression {clip(expr)} cannot be checked for every number: "
            "compare n (or n % m, each modulus dividing the next) with numbers, as every "
            "language's rule does"
        )
    stray = stray_form(expr, count)
    if stray is not None:
        return (
            f"plural={clip(expr)} gives form {stray[1]} for n = {stray[0]:,}, "
            f"not one of 0..{count - 1}"
        )
    return None


# A printf conversion: %%, %s, %(name)s, %5.2f, ...; `conv` is empty for a lone % at the end.
_CONVERSION = re.compile(
    r"%(?:\((?P<name>[^)]{0,256})\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>.?)", re.S
)
_CONVERSIONS = set("diouxXeEfFgGcrsa")
_FORMAT_OK = _CONVERSIONS | {"%"}


def _check_placeholders(message: Message, path: Path, locale_id: str, names: bool = True) -> None:
    """Every %-placeholder of a translation is well formed and (with `names`) one its
    message has, so rendering cannot fail: the error names the .po file, line, locale
    and msgid, never a template."""
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    allowed = {m["name"] for text in ids for m in _CONVERSION.finditer(text) if m["name"]}
    if message.pluralizable:
        allowed.add("num")
    strings = [message.string] if isinstance(message.string, str) else message.string or []
    for text in strings:
        for match in _CONVERSION.finditer(text or ""):
            name, conv = match["name"], match["conv"]
            if name is None and conv == "%":
                continue
            if conv not in _CONVERSIONS:
                problem = f"{clip(match.group())}, which is not a placeholder"
            elif not names:
                continue  # well formed: whether it fits the message is not the reader's call
            elif name is None:
                problem = f"{clip(match.group())}, a placeholder without a name"
            elif name not in allowed:
                problem = f"{clip(match.group())}, which the message does not have"
            else:
                continue
            known = ", ".join(f"%({n})s" for n in sorted(allowed)) or "none"
            raise CatalogError(
                f"{locale_id}: the translation of {clip(ids[0])} uses {problem}",
                path,
                message.lineno,
                hint=f"use only the message's placeholders ({known}); "
                "write a literal percent sign as %%",
            )


def _check_wide(data: bytes, path: Path) -> None:
    """A catalog saved as UTF-16 or UTF-32 (NUL bytes, which no PO file holds) is
    named as such, not misread as a missing keyword."""
    nul = data.find(b"\0")
    if nul >= 0:
        raise CatalogError(
            "UTF-16 or UTF-32 text (NUL bytes), not a PO file in UTF-8",
            path,
            data.count(b"\n", 0, nul) + 1,
            hint="save the catalog as UTF-8",
        )


def _first_non_utf8_line(data: bytes) -> int | None:
    for number, line in enumerate(data.splitlines(), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return None


def _check_lines(data: bytes, path: Path) -> None:
    """What Babel reads leniently and gettext's msgfmt rejects: an unterminated string,
    and a second msgstr (or msgstr[i]) for one message, of which Babel keeps one.

    Whole-file regular expressions clear a sound catalog; only a catalog they suspect
    is walked line by line, to find the line to report."""
    if suspect_lines(data):
        _check_each_line(data, path)


def suspect_lines(data: bytes) -> bool:
    """Whether a line may hold an unterminated string or a second msgstr. Never False
    where the line-by-line walk finds either; it may be True where it finds neither."""
    if b"\r" in data:  # the lines of bytes.splitlines(): \r\n, \r and \n end one
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    data = b"\n" + data  # every line starts after a newline: a literal the engine seeks
    return _BAD_STRING_LINE.search(data) is not None or _second_msgstr(_KEYWORD.findall(data))


_SPACE = rb"[ \t\x0b\x0c]"  # what bytes.strip() removes, line ends aside
_END = _SPACE + rb"*+(?:\n|\Z)"
# A line that starts with a keyword or a quote and whose string (from its first quote)
# does not end with a closing quote: no quote, a lone quote, or an escaped last quote.
_BAD_STRING_LINE = re.compile(
    rb"\n" + _SPACE + rb'*+(?:msg[^\n"]*+|(?="))(?!"(?:[^\n]*[^\\\n])?(?:\\\\)*"' + _END + rb")"
)
# The keyword of every keyword line, as the line walk takes it (before the first quote).
_KEYWORD = re.compile(rb"\n" + _SPACE + rb'*+(msg[^"\n]*?)' + _SPACE + rb'*(?:"|\n|\Z)')


def _second_msgstr(keywords: list[bytes]) -> bool:
    seen: set[bytes] = set()
    for keyword in keywords:
        if keyword in (b"msgid", b"msgctxt"):
            seen.clear()
        elif keyword.startswith(b"msgstr"):
            if keyword in seen:
                return True
            seen.add(keyword)
    return False


def _check_each_line(data: bytes, path: Path) -> None:
    seen: set[bytes] = set()
    for number, raw in enumerate(data.splitlines(), 1):
        line = raw.strip()
        if line.startswith((b"msg", b'"')) and _unterminated(line[line.find(b'"') :]):
            raise CatalogError(
                "PO syntax error: unterminated string",
                path,
                number,
                hint="close the string with a double quote",
            )
        keyword = line.split(b'"', 1)[0].strip() if line.startswith(b"msg") else b""
        if keyword in (b"msgid", b"msgctxt"):
            seen.clear()
        elif keyword.startswith(b"msgstr"):
            if keyword in seen:
                raise CatalogError(
                    f"PO syntax error: a second {keyword.decode('ascii', 'replace')} "
                    "for one message",
                    path,
                    number,
                    hint="keep one translation; continue a long one on lines that start with '\"'",
                )
            seen.add(keyword)


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
        # What the translator wrote is data: no HTML or link its source does not have.
        text = untrusted_translation(text, singular if plural is None else f"{singular}\n{plural}")
        self.usage.translated.add(key)
        if is_machine_translated(message):
            self.usage.machine.add(key)
        result = text % {k: getattr(v, "plain", v) for k, v in variables.items()}
        if self._wrap is None or self._plain_depth:
            # The English form only if a side-by-side page asks for it: computing it
            # formats every date and number of the message a second time.
            return Localized(result, functools.partial(_source_text, source, variables))
        source_text = _source_text(source, variables)
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


def _source_text(source: str, variables: dict[str, Any]) -> str:
    return source % {k: getattr(v, "source", v) for k, v in variables.items()}


def is_machine_translated(message: Message) -> bool:
    """`# machine-translated` among the translator comments, or the older `#, machine`."""
    return MACHINE_FLAG in message.flags or any(
        comment.strip().casefold() == MACHINE_COMMENT for comment in message.user_comments
    )


def segment_key(context: str | None, msgid: str) -> str:
    """A short id that depends on this message only, so it survives edits to others."""
    text = msgid if context is None else f"{context}\x04{msgid}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
