"""The acronym check: every acronym of the source (POR, SA, FY21) is in the translation.

Linear in the message: codes are looked up among the runs of capitals and digits of the
other text, a whole batch at once, never by one search of the whole text per acronym.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterator

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from .base import Entry, MessageContext
from .conventions import written_out
from .english import NOT_PROSE

__all__ = ["check_acronyms"]

#: Acronyms that locales write their own way (Klant-id, identyfikator).
_LOCALISED = frozenset({"ID", "IDs", "OK", "FAQ", "EU", "US", "UK", "AM", "PM"})
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
#: English words written in capitals (keywords, admonitions, constants): no acronyms.
_CAPITALISED_WORDS = frozenset(
    [
        "OR",
        "AND",
        "NOT",
        "FOR",
        "TO",
        "IN",
        "ON",
        "OF",
        "IS",
        "IT",
        "IF",
        "AS",
        "AT",
        "BY",
        "NO",
        "THE",
        "ALL",
        "ANY",
        "NEW",
        "NOTE",
        "TIP",
        "WARNING",
        "IMPORTANT",
        "CAUTION",
        "TRUE",
        "FALSE",
        "NULL",
        "NONE",
        "HOWTO",
    ]
)
#: The longest acronym: a longer run of capitals is a constant or a shout.
LONGEST = 16
# A word of capitals and digits that starts with a capital, an English plural "s" aside;
# "two capitals or more" is asked in Python: a pattern for it backtracks on long runs.
_ACRONYM = re.compile(rf"(?<![\w&-])([A-Z][A-Z0-9]{{1,{LONGEST - 1}}})s?(?![\w&-])")
_RUN = re.compile(r"[A-Z0-9]+")
_NUMBER = re.compile(r"\d+")
#: How far back a definition ("Instant messaging (IM)") is sought, per letter.
_DEFINITION_REACH = 40


def _acronyms(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in _ACRONYM.finditer(text)
        if sum(ch.isupper() for ch in m.group(1)) >= 2  # "A1" is no acronym
    ]


def present(codes: set[str], text: str) -> set[str]:
    """Those of `codes` (capitals and digits, LONGEST at most) that occur in `text`.

    A code occurs only inside a run of capitals and digits: the runs are read once, and
    the codes of each length are looked up among the runs' pieces of that length."""
    if len(codes) <= 8:  # a few: the plain substring search is fastest
        return {code for code in codes if code in text}
    runs = set(_RUN.findall(text))
    found = codes & runs
    by_length: dict[int, set[str]] = defaultdict(set)
    for code in codes - found:
        by_length[len(code)].add(code)
    for length, wanted in by_length.items():
        for run in runs:
            for start in range(len(run) - length + 1):
                if run[start : start + length] in wanted:
                    found.add(run[start : start + length])
    return found


def check_acronyms(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """An acronym the translation lost. Not reported: one defined in the message itself
    ("Instant messaging (IM)", which the locale abbreviates its own way), glossary names
    (the name check's), and the few that locales spell their own way (ID, OK)."""
    for source, text in entry.pairs:
        if not _TWO_CAPITALS.search(source):
            continue  # a plain search is several times faster than the acronym pattern
        found = _acronyms(source)
        if len(found) > 2 and len(found) * 2 > len(source.split()):
            continue  # a title in capitals, not acronyms
        found = [
            m
            for m in found
            if m.group(1) not in _LOCALISED
            and m.group(1) not in _CAPITALISED_WORDS
            and m.group(1) not in ctx.glossary.verbatim
        ]
        kept = present({m.group(1) for m in found}, text)
        lost = [m for m in found if m.group(1) not in kept]
        if lost:
            yield from _lost(source, text, lost, ctx)


def _lost(source: str, text: str, lost: list[re.Match[str]], ctx: MessageContext) -> Iterator[str]:
    """The acronyms not in the translation that no exception excuses."""
    if _new_acronym(source, text):
        return  # the translation has an acronym of its own (SE for OS, IHM for GUI)
    numbers = present({n for m in lost for n in _NUMBER.findall(m.group(1))}, text)
    code = [(m.start(), m.end()) for m in NOT_PROSE.finditer(source)]
    starts = [start for start, _ in code]
    folded = text.casefold()
    locale, written = ctx.locale, ctx.glossary.conventions.acronyms
    initials = _initials(text)
    for match in lost:
        acronym = match.group(1)
        reach = max(0, match.start() - _DEFINITION_REACH * len(acronym))
        if (
            _defined(acronym, source[reach : match.start()])
            or _in_code(code, starts, match.start())
            or _numbers_kept(acronym, numbers)
            or _currency_written(acronym, folded, locale)
            or _territory_written(acronym, folded, locale)
            or written_out(written.get(acronym, ()), folded)
            or _spelled_out(acronym, initials)
        ):
            continue
        yield f"the acronym {acronym} of the source is missing"


def _numbers_kept(code: str, numbers: set[str]) -> bool:
    """A code with a number (FY21, USD300K): its number is what must survive; the letters
    are the locale's (GJ21, 300.000 USD)."""
    wanted = _NUMBER.findall(code)
    return bool(wanted) and all(number in numbers for number in wanted)


def _currency_written(code: str, folded: str, locale: str | None) -> bool:
    """An ISO 4217 code (USD) written as the locale writes the currency: CLDR's symbol or
    name for it (US-Dollar, $US, 米ドル); `folded`: the translation, case folded."""
    if locale is None or code not in _currencies():
        return False
    return any(form in folded for form in _currency_forms(code, locale))


@functools.cache
def _currency_forms(code: str, locale: str) -> frozenset[str]:
    """CLDR's symbol and names of a currency in a locale, case folded."""
    try:
        where = locale.replace("-", "_")
        forms = {get_currency_symbol(code, where), get_currency_name(code, locale=where)}
        forms.add(get_currency_name(code, count=2, locale=where))
    except (ValueError, LookupError, UnknownLocaleError):
        return frozenset()
    return frozenset(form.casefold() for form in forms if form)


def _territory_written(code: str, folded: str, locale: str | None) -> bool:
    """A country code (US, USA, CAN) written as the locale names the country in CLDR
    (États-Unis, 加拿大); `folded`: the translation, case folded."""
    names = _territory_names(locale) if locale else {}
    return any(name in folded for name in names.get(code, ()))


@functools.cache
def _territory_names(locale: str) -> dict[str, tuple[str, ...]]:
    """ISO 3166 alpha-2 and alpha-3 codes -> CLDR's names of the country in the locale,
    case folded (alpha-3 codes by CLDR's territory aliases)."""
    try:
        territories = Locale.parse(locale.replace("-", "_")).territories
    except (ValueError, LookupError, UnknownLocaleError):
        return {}
    names: dict[str, tuple[str, ...]] = {
        code: (name.casefold(),)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha()
    }
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in names:
            names[alias] = names[targets[0]]
    return names


def _spelled_out(acronym: str, initials: str) -> bool:
    """The acronym's words kept in the translation ("Cloud Solution Provider" for CSP):
    consecutive words whose initials spell it. `initials`: the text's, from _initials."""
    letters = acronym.casefold()
    return letters.isalpha() and letters in initials


def _initials(text: str) -> str:
    """Each word's first letter, case folded, once per text: a lookup per lost acronym,
    not a pass over the words each (a message with many acronyms stays linear)."""
    return "".join(w[:1].casefold() or "\x00" for w in re.split(r"[\s/-]+", text))


@functools.cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _new_acronym(source: str, text: str) -> bool:
    """The translation has an acronym of its own (SE for OS, IHM for GUI): the locale's."""
    theirs = {m.group(1) for m in _acronyms(text)}
    return bool(theirs - present(theirs, source))


def _in_code(code: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether `at` is inside one of the (sorted, disjoint) code spans."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and code[index][0] <= at < code[index][1]


def _defined(acronym: str, before: str) -> bool:
    words = [w for w in re.split(r"[\s()/-]+", before) if w][-len(acronym) :]
    return "".join(w[0] for w in words).casefold() == acronym.casefold()
