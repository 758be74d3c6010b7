"""Names of the world the source spells in English and CLDR names in every locale: a
currency, country or region, language, month or weekday. The translation must hold the
locale's CLDR name for it (a form of it), the English name, its code or, for a month, its
number in a date: machine translation reads "Korean won" as the verb "win", "Brazilian real" as
"actual", a month as another month, a country as an ordinary word. Babel has every name;
nothing here is hand-written but the few English names that are ordinary words."""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name

from .base import Entry, MessageContext
from .conventions import COMPOUND_PART, WIDE, conventions, written_out
from .forms import has_form
from .spans import marked

__all__ = ["check_country_names", "check_world_names"]

Kind = Literal["currency", "territory", "language", "month", "weekday"]

#: CLDR's currencies with an X code that are no money a document prices in (gold and
#: silver are partner levels there), but the CFA and East Caribbean currencies.
_KEPT_X = frozenset({"XAF", "XOF", "XPF", "XCD"})
#: English names a month shares with an ordinary word: one only beside a number (May 1).
_WORDLIKE = frozenset({"May"})
#: Names checked at most in one text: a list of 200 countries is a list, not a sentence.
_NAMES = 4
#: The letters two words of a spaced script share to be forms of one name (Kirgizstan,
#: Kirgizië; kwiecień, kwietniowym): a name machine translation turned into another word
#: shares none.
_STEM = 4
#: How alike two spellings of a name's word are at least (difflib's ratio: Guyana and
#: Guayana .92, Tokelau and Toquelau .8; Holandia for Irlandia .75 and Torgyzstan for
#: Kirgizistan .67 are other words), and the letters both have at least.
_SIMILAR = 0.8
_SIMILAR_LENGTH = 5
#: Words shorter than this are articles and particles (de, of, la): no part of a name.
_SHORT = 3
_WORD = re.compile(r"\w+")


Thing = tuple[Kind, str | int]


@functools.cache
def _english() -> tuple[dict[str, tuple[Thing, ...]], dict[str, tuple[str, ...]]]:
    """English name -> what it may name (kind, code), and the names by their first word,
    longest first (a dictionary: one search of 1,300 alternatives costs a hundred times
    more)."""
    en = Locale("en")
    names: dict[str, list[Thing]] = {}

    def add(name: str, thing: Thing) -> None:
        if thing not in names.setdefault(name, []):
            names[name].append(thing)

    for code, name in sorted(en.territories.items()):
        if name[:1].isupper():  # "world" is a word
            add(name, ("territory", code))
            add(name.replace(" & ", " and "), ("territory", code))  # Trinidad and Tobago
    for code, name in sorted(en.currencies.items()):
        if code.startswith("X") and code not in _KEPT_X:
            continue
        for form in sorted({name, *_plural_names(en, code)}):
            add(form, ("currency", code))
            words = form.split()
            if len(words) >= 3:  # "Korean won" for South (or North) Korean won
                add(" ".join(words[1:]), ("currency", code))
    for code, name in sorted(en.languages.items()):
        if name not in names:  # "Latin America" is a region, not the language Latin
            add(name, ("language", code))
    for number, name in en.months["format"]["wide"].items():
        add(name, ("month", number))
    for number, name in en.days["format"]["wide"].items():
        add(name, ("weekday", number))
    starts: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda name: (-len(name), name)):
        first = _LETTERS.match(name)
        if first:
            starts.setdefault(first.group(), []).append(name)
    return (
        {name: tuple(things) for name, things in names.items()},
        {first: tuple(longest) for first, longest in starts.items()},
    )


#: A word's first letters, where no word or hyphen goes before.
_LETTERS = re.compile(r"(?<![\w-])[^\W\d_]+")


def _named(text: str) -> Iterator[tuple[str, int, int]]:
    """The English names in the text, in their case, whole words, the longest at each
    place ("South Korean Won" before "Korean Won"), left to right, none overlapping."""
    _, starts = _english()
    at = 0
    for word in _LETTERS.finditer(text):
        if word.start() < at or word.group() not in starts:
            continue
        for name in starts[word.group()]:
            end = word.start() + len(name)
            if text.startswith(name, word.start()) and not _joined(text, end):
                yield name, word.start(), end
                at = end
                break


def _joined(text: str, end: int) -> bool:
    """A word or a hyphen goes on after `end`: the name is part of a longer word."""
    return end < len(text) and (text[end].isalnum() or text[end] in "_-")


@functools.cache
def _babel(locale: str) -> Locale | None:
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


#: A number of each plural category of every shipped locale (one, two, few, many, other),
#: so Babel's public `get_currency_name` gives each plural name of a currency.
_COUNTS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5)


def _plural_names(where: Locale, code: str) -> set[str]:
    """A currency's names by count ("euros", "złote", "złotych")."""
    return {get_currency_name(code, count=n, locale=where) for n in _one_count_per_form(where)}


@functools.cache
def _one_count_per_form(where: Locale) -> tuple[float, ...]:
    """One of _COUNTS per plural form of the locale: Babel's name of a currency depends on
    the count only through its form, and English has two forms for the eleven counts
    (a quarter of the table's cost, which every process of a run pays)."""
    first: dict[str, float] = {}
    for count in _COUNTS:
        try:
            form = where.plural_form(count)
        except (OverflowError, ValueError):  # as get_currency_name reads such a count
            form = "other"
        first.setdefault(form, count)
    return tuple(first.values())


@functools.cache
def _forms(locale: str, kind: Kind, code: str | int) -> tuple[str, ...]:
    """The locale's CLDR names of one thing, every form and context Babel gives."""
    where = _babel(locale)
    if where is None:
        return ()
    found: set[str] = set()
    if kind == "currency":
        found.add(where.currencies.get(str(code), ""))
        found.update(_plural_names(where, str(code)))
    elif kind == "territory":
        found.add(where.territories.get(str(code), ""))
    elif kind == "language":
        # a script or region of a language (zh_Hans) may be called by the language's name
        found.update(where.languages.get(part, "") for part in {str(code), str(code)[:2]})
    else:
        table = where.months if kind == "month" else where.days
        found.update(  # not the narrow ones: J is any month of J
            names[code]
            for context in table.values()
            for width, names in context.items()
            if width != "narrow"
        )
    return tuple(sorted(form for form in found if form))


def _wide(locale: str) -> bool:
    """A locale written without spaces (ja, ko's Hangul, zh): names alternate there with
    short forms CLDR does not give (米国, 英国), so only money and dates are checked."""
    return locale.casefold().split("-")[0] in {"ja", "ko", "zh"}


def _holds(text: str, form: str) -> bool:
    """The text holds the form, or a form of it (word endings), or, in a script without
    spaces, the form with its spaces left out or in."""
    if not form:
        return False
    if ord(form[0]) >= WIDE or ord(form[-1]) >= WIDE:
        squeezed = "".join(form.split())
        return squeezed in "".join(text.split())
    return has_form(text, form, frozenset())


def _fold(text: str) -> str:
    """Case and accents aside, in one normal form (Libéria, Liberia; a decomposed ö)."""
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c))


def _close(word: str, other: str, similar: bool) -> bool:
    """Two forms of one word: the same first letters (Kirgizstan, Kirgizië; kwiecień,
    kwietniowym), or, for a name, spelled nearly alike (Guyana, Guayana; Tokelau,
    Toquelau). Months and weekdays need the first letters: juni is no juli."""
    if word == other:
        return True
    if word[:_STEM] == other[:_STEM] and min(len(word), len(other)) >= _STEM:
        return True
    return (
        similar
        and min(len(word), len(other)) >= _SIMILAR_LENGTH
        and (difflib.SequenceMatcher(None, word, other).ratio() >= _SIMILAR)
    )


def _near(text: str, form: str, locale: str, similar: bool) -> bool:
    """The form's words in the text, in any order ("Man (Île de)" for "Île de Man"),
    words many names share aside (islands, isole, de) and, of three or more, one
    missing; or the form written as one word ("Sud Africa" for "Sudafrica")."""
    have = _WORD.findall(_fold(text))
    folded = _fold(form)
    squeezed = "".join(_WORD.findall(folded))
    # words run together or apart, whole: "Sud Africa" for "Sudafrica"
    if len(squeezed) >= _SIMILAR_LENGTH and any(
        "".join(have[i : i + 3]).startswith(squeezed) for i in range(len(have))
    ):
        return True
    generic = _generic(locale)
    wanted = [w for w in _WORD.findall(folded) if len(w) >= _SHORT and w not in generic]
    if not wanted:
        return False
    found = sum(any(_close(w, h, similar) for h in have) for w in wanted)
    return found >= len(wanted) - (1 if len(wanted) >= 3 else 0)


@functools.cache
def _generic(locale: str) -> frozenset[str]:
    """Words three or more of CLDR's territory names share in English or the locale
    (islands, isole, wyspy, and, de): they tell no name from another."""
    counts: Counter[str] = Counter()
    for where in (_babel(locale), Locale("en")):
        for name in (where.territories if where else {}).values():
            counts.update(set(_WORD.findall(_fold(name))))
    return frozenset(word for word, count in counts.items() if count >= 3)


def _found(text: str, source: str, locale: str, name: str, kind: Kind, code: str | int) -> bool:
    """Whether the translation names the thing: the English name, the locale's CLDR name
    or a name of it the locale's data gives (`names`: Vitryssland), a form of one (see
    `_near`), the code more often than the source writes it, or a month's number in a
    numeric date."""
    if kind == "month" and re.search(rf"(?<!\d)0?{code}[./-]\d|\d[./-]0?{code}(?!\d)", text):
        return True  # a numeric date: 3/15, 15.03.
    codes = (str(code), *_alpha3().get(str(code), ())) if kind == "territory" else (str(code),)
    if kind in ("currency", "territory") and any(
        _codes(text, each) > _codes(source, each) for each in codes
    ):
        return True  # a country by its ISO code too: USA
    own = conventions(locale)
    forms = (name, *_forms(locale, kind, code), *own.place_names.get(name, ()))
    if any(_holds(text, form) for form in forms):
        return True
    if kind == "currency" and _codes(text, code) and _unit_named(text, locale, str(code)):
        return True  # "libras (GBP)": the money's unit and its code, the country aside
    if (
        kind == "currency"
        and _wide(locale)
        and any(_unit(f) in "".join(text.split()) for f in forms)
    ):
        return True  # the unit, its country said otherwise: 米国ドル for 米ドル
    ends = tuple(_fold(form) for form in forms if len(form) >= COMPOUND_PART)
    if own.compounds and written_out(ends, _fold(text), True):
        return True  # the end of a compound: Osteuropa, Großchina
    similar = kind not in ("month", "weekday")
    return any(_near(text, form, locale, similar) for form in forms if ord(form[0]) < WIDE)


@functools.cache
def _alpha3() -> dict[str, tuple[str, ...]]:
    """ISO 3166 alpha-2 code -> its alpha-3 codes (US: USA), from CLDR's territory aliases."""
    codes: dict[str, list[str]] = {}
    for alias, targets in sorted(get_global("territory_aliases").items()):
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1:
            codes.setdefault(targets[0], []).append(alias)
    return {code: tuple(aliases) for code, aliases in codes.items()}


@functools.cache
def _units(locale: str) -> dict[str, frozenset[str]]:
    """Currency code -> the words of its CLDR names in the locale that name its unit:
    those it shares with a currency of another country whose English name ends in the
    same word (libra of British and Egyptian pound; won of South and North Korean won),
    not the country's adjective."""
    where = _babel(locale)
    if where is None:
        return {}
    english: dict[str, str] = {str(k): str(v) for k, v in Locale("en").currencies.items()}
    words = {
        code: {w for form in _forms(locale, "currency", code) for w in _WORD.findall(_fold(form))}
        for code in map(str, where.currencies)
    }
    units: dict[str, frozenset[str]] = {}
    for code, found in words.items():
        unit = english.get(code, "").split()[-1:]
        others = [
            words[other]
            for other, name in english.items()
            if other in words and other[:2] != code[:2] and name.split()[-1:] == unit
        ]
        units[code] = frozenset(found & set().union(*others)) if others else frozenset()
    return units


def _unit_named(text: str, locale: str, code: str) -> bool:
    """Whether the text holds the currency's unit (a form of it: libras for libra)."""
    units = _units(locale).get(code, frozenset())
    have = _WORD.findall(_fold(text))
    return any(_close(unit, word, False) for unit in units for word in have)


def _unit(form: str) -> str:
    """A CJK currency name's unit: its last word (대한민국 원: 원), or its last two
    characters (米ドル: ドル; 英国ポンド: ンド)."""
    return form.split()[-1] if " " in form.strip() else form[-2:]


def _codes(text: str, code: str | int) -> int:
    """How often the text writes the code (a name's, or a country's alpha-3 code): one
    the source writes too vouches for nothing ("한국어 획득(KRW)" for "Korean won (KRW)"),
    one more does ("EU(EU)")."""
    # a letter of another script may touch it: KRW로
    return len(re.findall(rf"(?<![A-Za-z0-9-]){re.escape(str(code))}(?![A-Za-z0-9-])", text))


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    return marked(entry, ctx.md, text).text if ctx.md is not None else text


def check_world_names(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A currency, month or weekday of the source that the translation does not name
    (see the module's doc); countries, regions and languages are `country-name`'s."""
    return _unnamed(entry, ctx, ("currency", "month", "weekday"))


def check_country_names(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A country, region or language of the source that the translation does not name:
    opt-in, as countries have more names than CLDR gives (Guão, Leste da Europa,
    Guyane), and a language's name is dropped where the sentence says it otherwise."""
    return _unnamed(entry, ctx, ("territory", "language"))


def _unnamed(entry: Entry, ctx: MessageContext, kinds: tuple[Kind, ...]) -> Iterator[str]:
    """The first name of one of the kinds the translation does not name. A long list of
    names is left alone past its first few; in CJK locales languages and countries are."""
    locale = ctx.locale or "en"
    if locale.casefold().startswith("en") or _babel(locale) is None:
        return
    names, starts = _english()
    for source, text in entry.pairs:
        if starts.keys().isdisjoint(_LETTERS.findall(source)) or not next(_named(source), None):
            continue  # most messages name nothing: no markup parsed for them
        plain = _visible(entry, ctx, source)
        found = list(itertools.islice(_named(plain), _NAMES))
        seen = _visible(entry, ctx, text) if found else ""
        for name, start, end in found:
            things = names[name]
            kind = things[0][0]
            if kind not in kinds or (_wide(locale) and kind in ("territory", "language")):
                continue
            if name in _WORDLIKE and not _beside_number(plain, start, end):
                continue
            if not any(_found(seen, plain, locale, name, *thing) for thing in things):
                cldr = [form for thing in things for form in _forms(locale, *thing)[:3]]
                yield (
                    f"the source names the {kind} {name!r} and the translation does not: "
                    f"not its CLDR name ({', '.join(cldr) or name}), the English name "
                    "or its code"
                )
                return


def _beside_number(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d", text[max(0, start - 4) : end + 4]))
