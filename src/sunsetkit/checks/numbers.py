"""Numbers, footnote marks, link texts and list items that a translation lost or broke.

Numbers are compared by value, whatever a locale writes between their digits: "1,000.50"
and "1.000,50" are one number, read with Babel's `parse_decimal` in the source's and the
translation's conventions.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from babel.core import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, parse_decimal

from .base import Entry, MessageContext
from .conventions import locale_data
from .placement import glued
from .spans import Plain, marked

__all__ = [
    "check_link_text",
    "check_list_items",
    "check_numbers",
    "list_words",
    "may_change_number",
    "may_leave_item",
    "numbers",
]

_DIGIT = "[0-9０-９]"
_SUPERSCRIPT = "[⁰¹²³⁴⁵⁶⁷⁸⁹]"
#: A number: digits (full-width ones too) with group or decimal marks, or the slashes and
#: hyphens of a date, between them; a space groups only three digits ("1 000"). Not part
#: of a word (FY21, E5, 1st: names and ordinals, which other checks read), not a time
#: (10:30, which a locale may write on a 24-hour clock). A footnote mark (¹) may follow a
#: word.
_MARK = "[.,，/\\-\u00a0\u202f'’]"
_NUMBER = re.compile(
    rf"(?<![A-Za-z0-9.,_])(?<![0-9]:)(?<![A-Za-z]-)"
    rf"{_DIGIT}+(?:{_MARK}{_DIGIT}+| {_DIGIT}{{3}}(?!{_DIGIT}))*"
    rf"(?![A-Za-z0-9:]|[.,]{_DIGIT})|{_SUPERSCRIPT}+"
)
#: In English a comma groups three digits: after it, another count is a list or a date
#: written without its space ("March 31,2021"), whose parts are compared one by one.
_BAD_GROUP = re.compile(r",(?!\d{3}(?!\d))\d")
_ANY_DIGIT = re.compile(r"[\d⁰¹²³⁴⁵⁶⁷⁸⁹]")
#: The same for an ASCII text (most sources), where a range is faster than \d's category.
_ASCII_DIGIT = re.compile("[0-9]")
_GROUP = re.compile(r"\d+")
_NONE: frozenset[Decimal] = frozenset()
_OTHER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹０１２３４５６７８９"
_MARKS = str.maketrans({c: str(unicodedata.digit(c)) for c in _OTHER_DIGITS})
#: Whether a text has a digit that _MARKS rewrites: most have none, and a search is many
#: times faster than str.translate with a table (a lookup per character).
_ANY_OTHER_DIGIT = re.compile(f"[{_OTHER_DIGITS}]")
_DIGITS_ONLY = re.compile(r"\D")
#: Numbers up to this are written as words often enough ("one", "两"): only a changed one
#: (another number in its place) is reported.
_WORDS_UP_TO = 12


#: As written, the values it may stand for, its groups of digits, whether it is a part of a
#: date written in words.
Number = tuple[str, frozenset[Decimal], frozenset[Decimal], bool]


def _ascii_digits(text: str) -> str:
    """The text with superscript and full-width digits as ASCII ones."""
    return text.translate(_MARKS) if _ANY_OTHER_DIGIT.search(text) else text


def numbers(text: str, locale: str | None) -> list[Number]:
    """Every number of the text: as written, the values it may stand for, and its groups
    of digits (a date's day, month and year, which a locale orders its own way)."""
    found = []
    for match in _NUMBER.finditer(text):
        written = match.group().translate(_MARKS)
        date = (
            any(mark in written for mark in "/-")
            or written.count(".") > 1
            or (locale == "en" and _BAD_GROUP.search(written) is not None)
        )
        groups = frozenset(Decimal(group) for group in _GROUP.findall(written)) if date else _NONE
        values = _values(written, locale)
        unit = _UNIT.match(text, match.end())
        scale = _SCALES.get(unit.group(1), 1) if unit else 1
        if scale > 1000:  # 15万: 150,000
            values = frozenset(value * scale for value in values)
        found.append((written, values, groups, _DATE_PART.match(text, match.end()) is not None))
    return found


@functools.lru_cache(maxsize=4096)
def _values(written: str, locale: str | None) -> frozenset[Decimal]:
    """The number read as digits only, and by Babel in English and in the locale."""
    values = {Decimal(_DIGITS_ONLY.sub("", written) or "0")}
    if len(written) == 2 and written.isdigit():  # Dec-19: December 2019
        values.add(2000 + Decimal(written))
    for convention in ("en", _babel_locale(locale)):
        if convention is None:
            continue
        with contextlib.suppress(NumberFormatError, InvalidOperation, ValueError, ArithmeticError):
            values.add(parse_decimal(written.replace(" ", "\u00a0"), convention, strict=False))
    return frozenset(values)


@functools.cache
def _babel_locale(locale: str | None) -> str | None:
    if not locale:
        return None
    try:
        return str(Locale.parse(locale.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return None


def _prose(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The visible text without code spans (literals are the code check's)."""
    if ctx.md is None:
        return text
    plain = marked(entry, ctx.md, text)
    return plain.outside("code", " ")


#: Words for a multiple of a number: "2-K" for 2,000, Japanese and Chinese 万 for 10,000.
_SCALES = {
    "mil": 1000,
    "mila": 1000,
    "K": 1000,
    "k": 1000,
    "千": 1000,
    "万": 10**4,
    "萬": 10**4,
    "만": 10**4,
    "億": 10**8,
    "亿": 10**8,
    "억": 10**8,
}
_UNIT = re.compile(r"\s?(mil|mila|[千万萬만億亿억])(?![A-Za-z])")
#: A number in a date written with the locale's words for year, month and day (2020年10月):
#: the source may name the month.
_DATE_PART = re.compile(r"\s?[年月日년월일]")
_SCALED = re.compile(r"(\d+)(?:\s?-?(K|k|mil|mila|[千万萬만億亿억])(?![A-Za-z]))?")
#: "24/7", "24 x 7", "24 hours a day": round the clock; a "360-degree view": a complete one.
#: Figures of speech that a locale says in words.
_IDIOMS = re.compile(
    r"(?<!\d)24\s*[xX×/]\s*7(?:\s*[xX×/]\s*365)?(?!\d)|\b360[- ]degree"
    r"|\b24 hours (?:a|per) day|\b365 days (?:a|per) year"
)
#: "100%": fully, in full (vollständig, 全额, intégralement), when the translation has no
#: percentage of its own (then it is compared as a number).
_FULLY = re.compile(r"(?<![\d.,])100 ?%")
#: A time on the 12-hour clock ("1 PM", "6:30 p.m."), which a locale may write on the
#: 24-hour one (13 Uhr, 18:30).
_TWELVE_HOUR = re.compile(r"(?<![\d:.,])(\d{1,2})(?::\d\d)? ?([AaPp])\.?[Mm]\b\.?")


#: "1 million": a number that a locale may write in its own units (100 万).
_MILLIONS = re.compile(r"(?<![\d.,])(\d+)(?: (million|billion)\b| ?-?(K)\b)")
_ENGLISH_SCALES = {"million": 10**6, "billion": 10**9, "K": 1000}


def _in_digits(match: re.Match[str]) -> str:
    """'1 million', '20 K', '2-K' in digits, as a locale may write them (100 万, 2000)."""
    unit = match.group(2) or match.group(3)
    return str(int(match.group(1)) * _ENGLISH_SCALES[unit])


def may_change_number(entry: Entry, ctx: MessageContext) -> bool:
    """check_numbers' precondition: it reads no source without a digit."""
    return _ANY_DIGIT.search(entry.sources) is not None


def check_numbers(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for source, text in entry.pairs:
        if not (_ASCII_DIGIT if source.isascii() else _ANY_DIGIT).search(source):
            continue
        yield from _identifier_changed(source, text)
        text_digits = _ascii_digits(text)
        if _GROUP.findall(_ascii_digits(source)) == _GROUP.findall(text_digits):
            continue  # the same digits in the same order: what most translations do
        scaled = _MILLIONS.findall(source)
        source = _without_localized_names(_prose(entry, ctx, source), text, ctx)
        source = _MILLIONS.sub(_in_digits, _IDIOMS.sub(" ", source))
        if "%" not in text and "％" not in text:
            source = _FULLY.sub(" ", source)
        theirs = numbers(source, "en")
        if not theirs:
            continue
        ours = numbers(_prose(entry, ctx, text), ctx.locale)
        available = {value for _, values, groups, _ in ours for value in values | groups}
        # Digits inside words count as there: "1er octobre", "30日間"; and so do the
        # thousands a locale counts in ("15万" for 150,000).
        for run, unit in _SCALED.findall(text_digits):
            available.add(Decimal(run) * _SCALES.get(unit, 1))
        # "365 billion" as "365 Milliarden": the scale is a word of the locale, the digits stay
        for run, word, k in scaled:
            if Decimal(run) in available:
                available.add(Decimal(run) * _ENGLISH_SCALES[word or k])
        expected = {value for _, values, groups, _ in theirs for value in values | groups}
        for hour, hour24 in _clock(source):
            if hour24 in available:  # 1 PM as 13 Uhr
                available.add(hour)
                expected.add(hour24)
        expected.update(
            Decimal(run) * _SCALES.get(unit, 1) for run, unit in _SCALED.findall(source)
        )
        extra = [
            written
            for written, values, groups, date_part in ours
            if not (values | groups) & expected and not date_part
        ]
        for written, values, groups, _ in theirs:
            # A date's parts: a month may be a word (16. November), a year of two digits
            # written in four (2/11/17 as 11.02.2017).
            if values & available or (len(groups) > 1 and _date_found(groups, available)):
                continue
            if extra:
                yield f"the number {written!r} of the source is {extra[0]!r} here"
            elif _not_a_word(groups or {Decimal(_DIGITS_ONLY.sub("", written) or "0")}):
                yield f"the number {written!r} of the source is missing"


#: A GUID (an offer's, a product's, a topic's ID), which every translation keeps as written.
_GUID = re.compile(r"(?<![\w-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![\w-])")


def _identifier_changed(source: str, text: str) -> Iterator[str]:
    """A GUID of the source not in the translation as written (case aside): machine
    translation reads its letters as words ("d20fdad5" as "d20fctuur5") or drops a part,
    leaving its digits, which the comparison of numbers below takes for kept."""
    if source.count("-") < 4:
        return
    kept = text.casefold()
    for guid in _GUID.findall(source):
        if guid.casefold() not in kept and _ASCII_DIGIT.search(guid):
            yield f"the identifier {guid!r} of the source is missing or changed"
            return


def _without_localized_names(source: str, text: str, ctx: MessageContext) -> str:
    """The source without each name with digits that the translation writes in the
    locale's own words (21Vianet as 世纪互联): its digits are the name's, no number."""
    for name, forms in ctx.glossary.conventions.names.items():
        if name in source and _ANY_DIGIT.search(name) and any(form in text for form in forms):
            source = source.replace(name, " ")
    return source


def _clock(source: str) -> list[tuple[Decimal, Decimal]]:
    """Each 12-hour time of the source: its hour, and that hour on the 24-hour clock."""
    found = []
    for hour, half in _TWELVE_HOUR.findall(source):
        value = int(hour) % 12 + (12 if half in "Pp" else 0)
        found.append((Decimal(hour), Decimal(value)))
    return found


def _date_found(groups: frozenset[Decimal], available: set[Decimal]) -> bool:
    """Whether a date's parts are all there: a month (at most 12) may be a name in the
    locale (16. November), a year of two digits may be written in four (2/11/17 as
    11.02.2017)."""
    return all(
        g in available or (g < 100 and g + 2000 in available) for g in groups if g > _WORDS_UP_TO
    )


def _not_a_word(values: frozenset[Decimal] | set[Decimal]) -> bool:
    """Whether a number is too long to be written as words: above 12, and not a round
    thousand of at most 12 ("mil", "一千", "two thousand" are words)."""
    return any(not _word_like(int(value)) for value in values)


def _word_like(number: int) -> bool:
    if number <= _WORDS_UP_TO:
        return True
    return number % 1000 == 0 and int(str(number).rstrip("0")) <= _WORDS_UP_TO


def check_link_text(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A link with no text, and text glued to a link whose text ends in punctuation
    ("[Weitere Informationen.](x)Sie"), which the placement check leaves alone."""
    assert ctx.md is not None
    for source, text in entry.pairs:
        if "[" not in text:
            continue
        theirs, ours = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
        source_links = [s for s in theirs.spans if s.kind == "link"]
        links = [s for s in ours.spans if s.kind == "link"]
        if not source_links:
            continue
        if any(theirs.inside(s).strip() for s in source_links):
            for span in links:
                if not ours.inside(span).strip():
                    yield f"a link to {span.href!r} has no text: nothing to click"
        glued_in_source = any(_glued_after(theirs, s) for s in source_links)
        for span in links:
            inside = ours.inside(span)
            if (
                inside[-1:]
                and inside[-1] in ".,;:!?"
                and _glued_after(ours, span)
                and not glued_in_source
            ):
                after = ours.text[span.end :].split()[0]
                yield f"link {inside.strip()!r} is glued to the next word {after!r}"


def _glued_after(plain: Plain, span: object) -> bool:
    end = getattr(span, "end", 0)
    return glued(plain.text[end : end + 1])


@functools.cache
def list_words(locale: str | None) -> frozenset[str]:
    """The words that join a list's last item in the locale ("und", "oder", "或"), from
    CLDR's list patterns."""
    babel_id = _babel_locale(locale)
    if babel_id is None:
        return frozenset()
    patterns = Locale.parse(babel_id).list_patterns
    words = set()
    for style in ("standard", "or"):
        end = patterns.get(style, {}).get("end", "")
        word = end.replace("{0}", "").replace("{1}", "").strip(" ,、，")
        if word:
            words.add(word.casefold())
    return frozenset(words)


_SEPARATORS = ",;、，；"
_EMPTY_ITEM = re.compile(r"[,;、，；]\s*[,;、，；]")
_SEPARATOR = re.compile(f"[{_SEPARATORS}]")


def may_leave_item(entry: Entry, ctx: MessageContext) -> bool:
    """check_list_items' precondition: an empty item and a cut list both need a separator."""
    return _SEPARATOR.search(entry.translations) is not None


def check_list_items(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """An item of a list left empty (", ,"), or the list cut off after its joining word
    ("Word, Excel und."), where the source has its items whole."""
    joiners = list_words(ctx.locale)
    for source, text in entry.pairs:
        empty = _EMPTY_ITEM.search(text) is not None
        cut = _cut_after_joiner(text, joiners)  # both plain searches first: most say no
        if cut and _idiom_at_end(text, list_idioms(ctx.locale)):
            cut = None
        if not (empty or cut):
            continue
        visible, original = _prose(entry, ctx, text), _prose(entry, ctx, source)
        if empty and _EMPTY_ITEM.search(visible) and not _EMPTY_ITEM.search(original):
            yield "a list item is empty: two separators with nothing between them"
        cut = _cut_after_joiner(visible, joiners) if cut else None
        if cut and not _cut_after_joiner(original, frozenset({"and", "or"})):
            yield f"the list ends with {cut!r}: its last item is missing"


@functools.cache
def list_idioms(locale: str | None) -> tuple[str, ...]:
    """Phrases ending with a list word that complete the list ("eller både och")."""
    return tuple(str(p).casefold() for p in locale_data(locale).get("list_idioms") or ())


def _idiom_at_end(text: str, idioms: tuple[str, ...]) -> bool:
    body = " ".join(text.rstrip().rstrip(".:;!?。．").split()).casefold()
    return any(body == idiom or body.endswith(" " + idiom) for idiom in idioms)


def _cut_after_joiner(text: str, joiners: frozenset[str]) -> str | None:
    """The list's joining word when nothing but punctuation follows it."""
    body = text.rstrip().rstrip(".:;!?。．")
    if not body or not any(sep in body for sep in _SEPARATORS):
        return None
    last = body.rsplit(None, 1)[-1].casefold()
    return last if last in joiners and len(body.split()) > 2 else None
