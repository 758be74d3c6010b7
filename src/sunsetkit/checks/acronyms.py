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
from babel.units import format_unit

from .base import Entry, MessageContext
from .conventions import WIDE, conventions, written_out
from .english import NOT_PROSE
from .forms import has_form

__all__ = [
    "acronyms_in",
    "check_acronyms",
    "operation_verbs",
    "page_renderings",
    "recurring_acronyms",
]

#: Acronyms that locales write their own way (Klant-id, identyfikator).
_LOCALISED = frozenset({"ID", "IDs", "OK", "FAQ", "EU", "US", "UK", "AM", "PM"})
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
#: English words written in capitals (keywords, admonitions, constants, shouted headings
#: and tab names): no acronyms. locale_data/en.yaml `words_in_capitals` lists them.
_CAPITALISED_WORDS = conventions("en").words_in_capitals
#: Byte and bit units: a locale writes their symbols its own way (CLDR: GB is Go in French).
_UNITS = {
    "KB": "digital-kilobyte",
    "MB": "digital-megabyte",
    "GB": "digital-gigabyte",
    "TB": "digital-terabyte",
    "PB": "digital-petabyte",
    "Kb": "digital-kilobit",
    "Mb": "digital-megabit",
    "Gb": "digital-gigabit",
}
#: The longest acronym: a longer run of capitals is a constant or a shout.
LONGEST = 16
# A word of capitals and digits that starts with a capital, an English plural "s" aside;
# "two capitals or more" is asked in Python: a pattern for it backtracks on long runs.
# What goes before it is looked behind from its first capital: a search then scans for
# capitals in C, where a pattern that opens with a look-behind runs it at every position.
_ACRONYM = re.compile(rf"([A-Z](?<![\w&-][A-Z])[A-Z0-9]{{1,{LONGEST - 1}}})s?(?![\w&-])")
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


def recurring_acronyms(sources: list[str]) -> frozenset[str]:
    """The acronyms a page's English uses in two segments or more: one it defines for
    later use, which a translation must then give too."""
    seen: set[str] = set()
    twice: set[str] = set()
    for source in sources:
        if _TWO_CAPITALS.search(source):
            codes = {m.group(1) for m in _acronyms(source)}
            twice |= codes & seen
            seen |= codes
    return frozenset(twice)


#: A word in capitals that opens a name of two Title-Case words or more ("GET Report
#: Query"), the whole of a link's text, a cell, a heading or a bold span: a title.
_OPERATION = re.compile(
    r"(?:^|[\[|*#]) *([A-Z]{2,}) ((?:[A-Z][a-z]+ )+[A-Z][a-z]+) *(?=$|[\]|*])", re.MULTILINE
)


def operation_verbs(sources: list[str]) -> frozenset[str]:
    """The words in capitals that open the same name as an English word in capitals does
    on the page ("TRY Report Query" beside "GET Report Query", `words_in_capitals`): the
    verbs of an API's operations, no acronyms. One pass over the page's English."""
    heads: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        if _TWO_CAPITALS.search(source):
            for m in _OPERATION.finditer(source):
                heads[m.group(2)].add(m.group(1))
    verbs: set[str] = set()
    for words in heads.values():
        if len(words) > 1 and words & _CAPITALISED_WORDS:
            verbs |= words - _CAPITALISED_WORDS
    return frozenset(verbs)


#: An acronym alone in brackets ("(APAC)"), and a word of letters (an elided article's
#: apostrophe inside it: "l'asie-pacifique").
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,15})s?\)")
_RENDERED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: The fewest letters a rendering holds: one short word ("latine") is no evidence.
_RENDERING_LETTERS = 8


def page_renderings(sources: list[str], translations: list[str]) -> dict[str, frozenset[str]]:
    """How the page's translation renders an acronym's words where a segment defines it
    and keeps it in brackets ("Asia-Pacific (APAC)" as "l'Asie-Pacifique (APAC)"): as
    many words before the bracket as the English words that spell it, eight letters at
    least, the same in every such segment. Another segment that gives those words for the
    acronym writes it as the page does."""
    found: dict[str, set[str]] = defaultdict(set)
    for source, text in zip(sources, translations, strict=True):
        if "(" not in source or not _TWO_CAPITALS.search(source):
            continue
        for match in _BRACKETED_ACRONYM.finditer(source):
            acronym = match.group(1)
            at = text.find(f"({acronym}")
            size = _spelled_by(acronym, source[max(0, match.start() - 200) : match.start()])
            rendering = _rendering(text[:at], size) if size and at > 0 else None
            if rendering:
                found[acronym].add(rendering)
    # renderings that disagree are the translation's guesses, no rendering of the page
    return {acronym: frozenset(forms) for acronym, forms in found.items() if len(forms) == 1}


#: The capitalised words just before a bracket ("Asia-Pacific (", "Latin America (").
_TITLE_RUN = re.compile(r"((?:[A-Z][\w-]*\s+)+)$")


def _spelled_by(acronym: str, before: str) -> int:
    """How many words the capitalised words before the bracket are, where they spell the
    acronym: its first letter theirs, its letters among theirs in order (APAC in
    Asia-Pacific, LATAM in Latin America, PGA in Partner Global Account); else 0."""
    run = _TITLE_RUN.search(before)
    if run is None:
        return 0
    words = run.group(1).split()
    for start in range(len(words)):
        letters = iter("".join(words[start:]).casefold())
        if words[start][0] == acronym[0] and all(ch in letters for ch in acronym.casefold()):
            return len(words) - start
    return 0


def _rendering(before: str, size: int) -> str | None:
    """The translation's last `size` words before the bracket, an elided article off the
    first, if they hold eight letters or more."""
    words = _RENDERED_WORD.findall(before.casefold())[-size:]
    if len(words) < size:
        return None
    words[0] = re.split(r"['’]", words[0])[-1]  # l'asie-pacifique: the article is no part
    joined = " ".join(words)
    return joined if sum(ch.isalpha() for ch in joined) >= _RENDERING_LETTERS else None


def acronyms_in(texts: list[str]) -> frozenset[str]:
    """Every run of capitals and digits of a page's translation (PO of "PO-Dokumente")."""
    return frozenset(
        run for text in texts if _TWO_CAPITALS.search(text) for run in _RUN.findall(text)
    )


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
    """An acronym the translation lost or wrote without its capitals. Not reported: one
    defined in the message itself ("Instant messaging (IM)", which the locale abbreviates
    its own way), glossary names (the name check's), and the few that locales spell
    their own way (ID, OK)."""
    for source, text in entry.pairs:
        if not _TWO_CAPITALS.search(source):
            continue  # a plain search is several times faster than the acronym pattern
        found = _acronyms(source)
        if len(found) > 2 and len(found) * 2 > len(source.split()):
            continue  # a title in capitals, not acronyms
        shouted = _shouted(source)
        shouted_starts = [start for start, _ in shouted]
        # a host's or file's name (Explore.MS, aka.MS/psc, CSP.md) holds no acronym; one
        # in capitals alone is a format (YYYY.MM.DD), no name
        dotted = _dotted_names(source) if "." in source else []
        dotted_starts = [start for start, _ in dotted]
        found = [
            m
            for m in found
            if m.group(1) not in _LOCALISED
            and m.group(1) not in _CAPITALISED_WORDS
            and m.group(1) not in ctx.glossary.verbatim
            and m.group(1) not in ctx.operation_verbs
            and not _in_code(shouted, shouted_starts, m.start())
            and not _in_code(dotted, dotted_starts, m.start())
        ]
        if found:  # read the prose's words only where an acronym is left to ask for
            spelled = _spelled_as_words(source)
            found = [
                m
                for m in found
                if len(m.group(1)) < _WORD_LENGTH or m.group(1).casefold() not in spelled
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
    written = _Written(text, ctx)
    # a link target's "csp", a host's or file's "explore.ms", "psc-to-pc.md" are no
    # lower-cased acronyms: names keep the case they are registered with
    lowered_words = _lowered_words(_DOTTED.sub(" ", NOT_PROSE.sub(" ", text)), lost, ctx)
    dates = _Dates(source, text)
    for match in lost:
        acronym = match.group(1)
        if _in_code(code, starts, match.start()) or dates.localized(match):
            continue
        if written.cldr_symbol(acronym):
            continue  # CLDR's symbol of the unit or currency is the locale's (kB, Go)
        # Capitals lost is a defect even where the words are there too ("références sku").
        lowered = lowered_words.get(acronym.casefold())
        if lowered:
            yield f"the acronym {acronym} of the source is written {lowered!r} (capitals lost)"
            continue
        definition = _defined(acronym, source, match)
        if (
            definition
            and _bracket_dropped(source, text, match)
            and _used_later(acronym, ctx)
            and not written.named(acronym)
            and not written.excuses(acronym)
        ):
            yield f"the acronym {acronym} of the source is missing: its brackets are dropped"
            continue
        if not (
            # defined in the message: the locale may abbreviate it its own way, or keep
            # the English words alone, but not give them another acronym
            (definition and not _swapped(definition, acronym, text))
            or _numbers_kept(acronym, numbers)
            or _myriads_kept(acronym, text)
            or acronym in written.joined()
            or written.excuses(acronym)
            or written_out(tuple(ctx.page_renderings.get(acronym, ())), written.folded)
            or _phrase_written(acronym, text)
        ):
            yield f"the acronym {acronym} of the source is missing"


def _bracket_dropped(source: str, text: str, match: re.Match[str]) -> bool:
    """The acronym stood alone in brackets after its words ("Electronic Signature
    Solution (ESS)") and the translation has fewer brackets than the source: the words
    are there, the acronym the page goes on to use is gone. A locale that abbreviates the
    words its own way or names a country keeps a bracket for it ("(PME)", "(Reino
    Unido)"); one that drops the acronym has none."""
    before = source[: match.start()].rstrip(" ")
    after = source[match.end() :].lstrip(" ")
    if not (before.endswith("(") and after.startswith(")")):
        return False
    return _brackets(text) < _brackets(source)


def _used_later(acronym: str, ctx: MessageContext) -> bool:
    """The page defines the acronym for later use (its English uses it again) and its
    translation never gives it; a catalog, whose page is unknown, always asks for it. An
    acronym defined once and never used again is written out in full, no defect."""
    if ctx.recurring_acronyms is None:
        return True
    return acronym in ctx.recurring_acronyms and acronym not in ctx.translated_acronyms


def _brackets(text: str) -> int:
    return text.count("(") + text.count("（")


#: Customary English abbreviations of countries (DRC, UAE): locale_data/en.yaml.
_TERRITORY_ACRONYMS = frozenset(conventions("en").territory_acronyms)
#: English abbreviations of ordinary phrases (TBD, NA): locale_data/en.yaml.
_PHRASES = conventions("en").phrase_abbreviations
#: A letter (no digit), and a stop or slash inside an abbreviation ("N/A", "n.v.t.").
_LETTER = re.compile(r"[^\W\d_]")
_INNER_MARK = re.compile(r"(?<=\w)[/.](?=\w)")
#: The locale's own abbreviation of a phrase, its letters joined by a slash or stop ("N/D",
#: "k. A.", "n.v.t."): of other letters than the English one's, it writes the phrase.
#: Spaced only after one letter and its stop ("k. A."): "end. The" is a sentence's end.
_MARKED_ABBREVIATION = re.compile(
    r"(?<![\w/.])(?:[^\W\d_]{1,3}(?:/[^\W\d_]{1,3}){1,3}|[^\W\d_]{1,3}(?:\.[^\W\d_]{1,3}){1,3}\.?"
    r"|[^\W\d_]\. [^\W\d_]\.)(?![\w/])"
)


def _phrase_written(acronym: str, text: str) -> bool:
    """An abbreviation of an ordinary phrase (TBD, NA) written the locale's way: kept with
    stops or a slash ("N/A"), or in place of it words or an abbreviation of other letters
    ("N/D", "해당 없음", "日程未定"). Its own letters alone ("\\N\\N") or one character of
    a script without spaces ("那", a sound-alike) are no such writing."""
    if acronym not in _PHRASES:
        return False
    if acronym in _INNER_MARK.sub("", text) or _MARKED_ABBREVIATION.search(text):
        return True
    own = set(acronym.casefold())
    letters: list[str] = _LETTER.findall(text.casefold())
    wide = sum(ord(ch) >= WIDE for ch in letters)
    return wide >= 2 or sum(ch not in own for ch in letters if ord(ch) < WIDE) >= 2


#: A date format of parts joined by a slash or stop (MM/DD/YYYY, DD.MM.YYYY; joined by a
#: hyphen it is one word, never an acronym). A locale writes the letters of its own words
#: for day, month and year (JJ/MM/AAAA, TT.MM.JJJJ, MM/DD/AÑO); a code of its own in
#: capitals (MJA for MDY) is the locale's acronym already (`_new_acronym`).
_DATE_PART = r"(?:Y{1,4}|M{1,2}|D{1,2})"
_JOINED_DATE = re.compile(rf"(?<![\w/.-]){_DATE_PART}(?:[/.]{_DATE_PART}){{1,2}}(?![\w/-])")
#: The same shape in the translation: parts of letters, any script and case.
_JOINED_PARTS = re.compile(r"(?<![\w/.-])[^\W\d_]{1,4}(?:[/.][^\W\d_]{1,4}){1,2}(?![\w/-])")
_SEPARATORS = re.compile(r"[/.]")


class _Dates:
    """The date formats of a source, and whether the translation writes each its way."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text
        self.formats = [m.span() for m in _JOINED_DATE.finditer(source)]
        self._shapes: set[tuple[tuple[str, ...], int]] | None = None

    def localized(self, match: re.Match[str]) -> bool:
        """Whether the acronym is part of a date format that the translation writes as
        a format of the same shape: the same joints, no part shorter than two letters
        unless the source's is ("MM/jj/aaaa", not "MM/DD/Å ÅYYY")."""
        for start, end in self.formats:
            if start <= match.start() < end:
                joints, shortest = _shape(self.source[start:end])
                return any(j == joints and s >= shortest for j, s in self.shapes())
        return False

    def shapes(self) -> set[tuple[tuple[str, ...], int]]:
        if self._shapes is None:
            self._shapes = {_shape(m.group()) for m in _JOINED_PARTS.finditer(self.text)}
        return self._shapes


def _shape(written: str) -> tuple[tuple[str, ...], int]:
    """The joints of a date format and its shortest part's length, two at most (a
    character of a script without spaces counts two: 年/月/日)."""
    parts = _SEPARATORS.split(written)
    shortest = min(2 if ord(part[0]) >= WIDE else min(len(part), 2) for part in parts)
    return tuple(_SEPARATORS.findall(written)), shortest


#: A host or file name (explore.ms, aka.ms/psc, psc-to-pc.md): its case is not prose's.
_DOTTED = re.compile(r"[\w/-]*\w\.[A-Za-z][\w./-]*")


def _dotted_names(source: str) -> list[tuple[int, int]]:
    """The spans of the source's host and file names: dotted, with a lower-case letter."""
    return [m.span() for m in _DOTTED.finditer(source) if not m.group().isupper()]


def _defined(acronym: str, source: str, match: re.Match[str]) -> str | None:
    """The source's own expansion of the acronym, before it ("Instant messaging (IM)")
    or after it in brackets ("IM (Instant messaging)")."""
    reach = max(0, match.start() - _DEFINITION_REACH * len(acronym))
    before = _definition(acronym, source[reach : match.start()])
    if before:
        return before
    after = _BRACKETED.match(source, match.end())
    if after is None:
        return None
    gloss = after.group(1).strip()
    # a word the acronym is cut from ("DEL (deletes)") defines it as well as initials do
    if " " not in gloss and gloss.casefold().startswith(acronym.casefold()):
        return gloss
    return _definition(acronym, gloss)


_BRACKETED = re.compile(r"s?\s*\(([^()]{3,200})\)")


def _swapped(definition: str, acronym: str, text: str) -> bool:
    """The translation keeps the English words of a definition beside another acronym
    ("Zantor Kelp (QA)", "PO-Dokumente (Proof of Execution)" for POE): a wrong acronym,
    not the locale's abbreviation."""
    kept = re.search(re.escape(definition), text, flags=re.IGNORECASE)
    if kept is None:
        return False
    start, end = kept.span()
    near = text[max(0, start - _NEAR) : start] + " " + text[end : end + _NEAR]
    return any(
        m.group(1) != acronym and sum(ch.isupper() for ch in m.group(1)) >= 2
        for m in _LEADING_ACRONYM.finditer(near)
    )


#: How near a kept definition another acronym stands in for the source's (characters).
_NEAR = 24


def _lowered_words(text: str, lost: list[re.Match[str]], ctx: MessageContext) -> dict[str, str]:
    """The translation's words of letters and digits, case folded (an English plural "s"
    also taken off), each with its first spelling: one pass, so that every lost acronym
    is looked up at once. A word of the locale that looks the same (Portuguese "em") is
    none, nor the acronym inside a written-out form of the locale ("SLA-Vereinbarung")."""
    for acronym in {m.group(1) for m in lost}:
        for form in ctx.glossary.conventions.acronyms.get(acronym, ()):
            if acronym.casefold() in form:
                text = re.sub(re.escape(form), " ", text, flags=re.IGNORECASE)
    words: dict[str, str] = {}
    for word in _ALNUM.findall(text):
        folded = word.casefold()
        if folded in ctx.glossary.conventions.function_words:
            continue
        words.setdefault(folded, word)
        if folded.endswith("s"):
            words.setdefault(folded[:-1], word)
    return words


_ALNUM = re.compile(r"[A-Za-z0-9]+")


#: A run of two or more words in capitals, one of them long or an English word: shouted
#: text ("ENTER LEGAL ENTITY NAME", "IMPORTANT INFORMATION", "TRY IT NOW", "HOURS OF
#: OPERATION"), not acronyms. Acronyms are short; six letters or more in capitals beside
#: another capitals word is a word, and so is a run that holds an English word.
_SHOUT = re.compile(r"\b[A-Z]+(?:[ ]+[A-Z]+)+\b")
_LONG_WORD = 6
_ENGLISH_WORDS = frozenset(w.upper() for w in conventions("en").function_words)


def _shouted(source: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in _SHOUT.finditer(source)
        if any(
            len(word) >= _LONG_WORD or word in _ENGLISH_WORDS or word in _CAPITALISED_WORDS
            for word in m.group().split()
        )
    ]


#: Initialisms of two or three letters are often spelled as words too (CAN, SAP, AND):
#: only a word in capitals of four letters or more is taken for a word by its spelling.
_WORD_LENGTH = 4
#: A word of letters in lower case or capitalised only ("Trial", "hours").
_PLAIN_WORD = re.compile(r"(?<![\w&-])[A-Za-z][a-z]+(?![\w&-])")


def _spelled_as_words(source: str) -> frozenset[str]:
    """The source's prose words written in lower case or with one capital, case folded: a
    word in capitals the same source also spells so is an English word set in capitals
    ('Trial offers have "TRIAL" in that column'), no acronym. Link targets and code are
    no prose ("m365-voice-smb")."""
    return frozenset(w.casefold() for w in _PLAIN_WORD.findall(NOT_PROSE.sub(" ", source)))


class _Written:
    """Whether the translation writes an acronym another way: as the locale's CLDR name of
    a currency or country, in the locale's words (locale_data/), or in its English words.
    The translation's words are read once, and each acronym is answered once, so a
    message of many acronyms costs time linear in its length."""

    def __init__(self, text: str, ctx: MessageContext) -> None:
        self.text = text
        # Emphasis marks or a link may cut a written-out form ("**crediti del contratto** di
        # servizio", "máquinas [virtuales](x)"), and a no-break space may join its words
        # ("solutions\u00a0cloud"); a doubled apostrophe is an escape left in the text
        # ("système d''exploitation")
        plain = _EMPHASIS.sub("", text)
        if "[" in plain:
            plain = _LINK_MARKS.sub(" ", plain)
        self.folded = _SPACE_RUN.sub(" ", _SPACES.sub(" ", plain)).replace("''", "'").casefold()
        self.locale = ctx.locale
        self.forms = ctx.glossary.conventions.acronyms
        self.compounds = ctx.glossary.conventions.compounds
        self.glossary = ctx.glossary
        self.answers: dict[str, bool] = {}
        self._words: frozenset[str] | None = None
        self._initials: frozenset[str] | None = None
        self._joined: str | None = None

    def cldr_symbol(self, acronym: str) -> bool:
        return _currency_written(acronym, self.folded, self.locale) or _unit_written(
            acronym, self.folded, self.locale
        )

    def named(self, acronym: str) -> bool:
        """A currency, unit or country the translation names, or a customary English
        abbreviation of a country (`territory_acronyms`: DRC, UAE) however the locale
        names it: its code in brackets after the name says nothing the name does not.
        Any three letters are some country's code (GTM, VAT, CPV): those must be named."""
        return (
            self.cldr_symbol(acronym) or self._territory(acronym) or acronym in _TERRITORY_ACRONYMS
        )

    def excuses(self, acronym: str) -> bool:
        if acronym not in self.answers:
            self.answers[acronym] = (
                _currency_written(acronym, self.folded, self.locale)
                or _unit_written(acronym, self.folded, self.locale)
                or self._territory(acronym)
                or written_out(self.forms.get(acronym, ()), self.folded, self.compounds)
                or any(_loose(form).search(self.folded) for form in self.forms.get(acronym, ()))
                or acronym.casefold() in self.initials()
                or _language_written(acronym, self.folded, self.locale)
                or _roman_written(acronym, self.folded)
                or self._glossary_form(acronym)
                or self._inflected(acronym)
            )
        return self.answers[acronym]

    def _inflected(self, acronym: str) -> bool:
        """The locale's words for the acronym or its country's CLDR name, of two words or
        more, in another form word for word (Polish "umowę partnerską firmy Microsoft" for
        the listed "umowa partnerska firmy microsoft", "Stanach Zjednoczonych" for "Stany
        Zjednoczone"): a spaced script inflects them in the sentence."""
        names = _territory_names(self.locale) if self.locale else {}
        forms = [*self.forms.get(acronym, ()), *(name for name, _ in names.get(acronym, ()))]
        return any(
            " " in form and ord(form[0]) < WIDE and has_form(self.folded, form, frozenset())
            for form in forms
        )

    def joined(self) -> str:
        """The translation with a hyphen or space between capitals taken out: an acronym
        written in parts ("MPN-ID" for MPNID) is kept."""
        if self._joined is None:
            self._joined = _BETWEEN_CAPITALS.sub("", self.text)
        return self._joined

    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORDS.findall(self.folded))
        return self._words

    def initials(self) -> frozenset[str]:
        """The initials of every run of up to LONGEST consecutive words ("csp" for
        "Cloud Solution Provider")."""
        if self._initials is None:
            letters = "".join(w[:1].casefold() for w in re.split(r"[\s/-]+", self.text) if w)
            self._initials = frozenset(
                letters[start : start + size]
                for size in range(2, LONGEST + 1)
                for start in range(len(letters) - size + 1)
            )
        return self._initials

    def _glossary_form(self, acronym: str) -> bool:
        """An acronym of a glossary name, term or label (PC: Partner Center) written as
        the locale's accepted form of it (Espace partenaires, 合作伙伴中心)."""
        glossary = self.glossary
        entries = [*glossary.terms.items(), *glossary.labels.items()]
        entries += glossary.conventions.names.items()
        return any(
            _initials_of(source) == acronym
            and written_out(tuple(form.casefold() for form in forms), self.folded)
            for source, forms in entries
        )

    def _territory(self, code: str) -> bool:
        """A country code as the locale's name of the country: a whole first word in a
        spaced script; anywhere in a script without spaces (캐나다에, カナダの)."""
        names = _territory_names(self.locale) if self.locale else {}
        return any(
            name in self.folded and (first in self.words() or ord(name[0]) >= WIDE)
            for name, first in names.get(code, ())
        )


@functools.lru_cache(maxsize=4096)
def _loose(form: str) -> re.Pattern[str]:
    """A written-out form of two words or more with one word inserted between two of its
    words, a brand or a function word ("fournisseur de solutions microsoft cloud",
    "virtuella spot-datorer"); a one-word form never matches."""
    words = form.split()
    if len(words) < 2 or not form[:1].isalnum() or ord(form[0]) >= WIDE:
        return _NEVER
    joints = [
        r"\s+".join(map(re.escape, words[:at]))
        + r"[\s-]+\w+[\s-]+"
        + r"\s+".join(map(re.escape, words[at:]))
        for at in range(1, len(words))
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(joints) + ")")


_NEVER = re.compile(r"(?!)")
_WORDS = re.compile(r"\w+")
_EMPHASIS = re.compile(r"\*+|__")
#: A link's brackets and target, which may cut a written-out form ("máquinas
#: [virtuales](x)"): read as a space, and runs of spaces as one.
_LINK_MARKS = re.compile(r"\]\([^)\s]*\)|[\[\]]")
_SPACE_RUN = re.compile(r" {2,}")
_BETWEEN_CAPITALS = re.compile(r"(?<=[A-Z])[-\s](?=[A-Z])")
_SPACES = re.compile(r"[\u00a0\u202f\u2007\u2009]")


@functools.lru_cache(maxsize=4096)
def _initials_of(phrase: str) -> str:
    """The capitals a phrase of two or more words abbreviates to ("PC" for Partner Center)."""
    words = [w for w in re.split(r"[\s/-]+", phrase) if w]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _numbers_kept(code: str, numbers: set[str]) -> bool:
    """A code with a number (FY21, USD300K): its number is what must survive; the letters
    are the locale's (GJ21, 300.000 USD)."""
    wanted = _NUMBER.findall(code)
    return bool(wanted) and all(number in numbers for number in wanted)


#: A number's scale letter in an English code (USD300K) and what it multiplies by.
_SCALES = {"K": 1_000, "M": 1_000_000, "B": 1_000_000_000}
_SCALED = re.compile(r"[A-Z]*(\d+)([KMB])")


def _myriads_kept(code: str, text: str) -> bool:
    """A scaled amount (USD300K) written in myriads, as Chinese and Japanese count
    (30 万, 30万): the number is kept though its digits are not."""
    match = _SCALED.fullmatch(code)
    if match is None:
        return False
    value = int(match.group(1)) * _SCALES[match.group(2)]
    if value % 10_000:
        return False
    count = value // 10_000
    return any(f"{count}{gap}{unit}" in text for gap in ("", " ") for unit in "万萬")


def _currency_written(code: str, folded: str, locale: str | None) -> bool:
    """An ISO 4217 code (USD) written as the locale writes the currency: CLDR's symbol or
    name for it (US-Dollar, $US, 米ドル); `folded`: the translation, case folded."""
    if locale is None or code not in _currencies():
        return False
    return any(form in folded for form in _currency_forms(code, locale))


def _unit_written(code: str, folded: str, locale: str | None) -> bool:
    """A byte unit (GB) written with the locale's CLDR symbol for it (Go, To)."""
    unit = _UNITS.get(code)
    return bool(locale and unit) and written_out((_unit_symbol(str(unit), str(locale)),), folded)


@functools.cache
def _unit_symbol(unit: str, locale: str) -> str:
    """CLDR's short symbol of a unit in a locale, case folded ("go" for gigabytes in fr)."""
    try:
        shown = format_unit(1, unit, length="short", locale=locale.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return "\n"  # never in a segment
    return shown.replace("1", "").strip(" \u00a0\u202f").casefold() or "\n"


@functools.cache
def _currency_forms(code: str, locale: str) -> frozenset[str]:
    """CLDR's symbol and names of a currency in a locale, case folded."""
    try:
        where = locale.replace("-", "_")
        forms = {get_currency_symbol(code, where), get_currency_name(code, locale=where)}
        forms.add(get_currency_name(code, count=2, locale=where))
    except (ValueError, LookupError, UnknownLocaleError):
        return frozenset()
    return frozenset(_SPACES.sub(" ", form).casefold() for form in forms if form)


def _language_written(code: str, folded: str, locale: str | None) -> bool:
    """A language code (EN, DE) written as the locale's CLDR name of the language
    (anglais, Englisch, 英语, 영어); `folded`: the translation, case folded."""
    if locale is None or len(code) != 2:
        return False
    name = _language_names(locale).get(code.casefold())
    return name is not None and written_out((name,), folded)


@functools.cache
def _language_names(locale: str) -> dict[str, str]:
    """ISO 639-1 codes -> CLDR's name of the language in the locale, case folded."""
    try:
        languages = Locale.parse(locale.replace("-", "_")).languages
    except (ValueError, LookupError, UnknownLocaleError):
        return {}
    return {code: name.casefold() for code, name in languages.items() if len(code) == 2}


#: A Roman numeral of a phase, wave or level (II, III, IV ... XX): letters, not an acronym.
_NUMERALS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX"
_ROMAN = {numeral: str(value) for value, numeral in enumerate(_NUMERALS.split(" "), 1)}


def _roman_written(code: str, folded: str) -> bool:
    """A Roman numeral (Phase II) written as the locale's number (Phase 2, 第 2 阶段), also
    with a counter of a script without spaces on it (2부, 第2期, ２回目)."""
    number = _ROMAN.get(code)
    if number is None:
        return False
    return any(
        _standalone(folded, m.start(), m.end())
        for digits in (number, _wide_digits(number))
        for m in re.finditer(digits, folded)
    )


def _standalone(text: str, start: int, end: int) -> bool:
    """The number at text[start:end] is a whole number, beside no Latin letter or digit:
    a word's edge or a character of a script without spaces (a counter) on either side."""
    return all(
        not ch or not (ch.isdigit() or (ch.isalpha() and ord(ch) < WIDE))
        for ch in (text[start - 1 : start], text[end : end + 1])
    )


def _wide_digits(number: str) -> str:
    """The number in full-width digits, as Chinese and Japanese text may write it."""
    return "".join(chr(ord(ch) - ord("0") + ord("０")) for ch in number)


@functools.cache
def _territory_names(locale: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """ISO 3166 alpha-2 and alpha-3 codes and UN M49 region numbers -> CLDR's names of
    the country or region in the locale, case folded, each with its first word (alpha-3
    codes by CLDR's territory aliases)."""
    try:
        territories = Locale.parse(locale.replace("-", "_")).territories
    except (ValueError, LookupError, UnknownLocaleError):
        return {}
    names: dict[str, tuple[tuple[str, str], ...]] = {
        code: ((name.casefold(), (_WORDS.findall(name.casefold()) or [""])[0]),)
        for code, name in territories.items()
        if (len(code) == 2 and code.isalpha()) or code.isdigit()  # 419: a UN M49 region
    }
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in names:
            names[alias] = names[targets[0]]
    for acronym, code in conventions("en").territory_acronyms.items():
        if code in names:
            names[acronym] = names[code]
    return names


@functools.cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _new_acronym(source: str, text: str) -> bool:
    """The translation has an acronym of its own (SE for OS, IHM for GUI): the locale's."""
    theirs = {m.group(1) for m in _acronyms(text)}
    return bool(theirs - present(theirs, source))


#: An acronym, also the first part of a compound ("PO-Dokumente").
_LEADING_ACRONYM = re.compile(rf"([A-Z](?<![\w&-][A-Z])[A-Z0-9]{{1,{LONGEST - 1}}})s?(?![\w&])")


def _in_code(code: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether `at` is inside one of the (sorted, disjoint) code spans."""
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and code[index][0] <= at < code[index][1]


#: Short English words an acronym skips ("Democratic Republic of Congo (DRC)").
_SKIPPED = frozenset({"of", "for", "and", "the", "&", "to", "in", "on"})


_LEADING = re.compile(r"^[\W_]+")


def _definition(acronym: str, before: str) -> str | None:
    """The words just before the acronym that have its initials, with or without the
    short words acronyms skip ("Democratic Republic of Congo"), if they do. Before an
    acronym in brackets, the last word may be a noun the acronym leaves out ("Technical
    Presales and Deployment Services (TPD)"), and is then part of the definition."""
    # emphasis and quotes before a word are not its initial ("**Solution Assessment")
    words = [w for w in (_LEADING.sub("", w) for w in re.split(r"[\s()/-]+", before)) if w]
    bracketed = before.rstrip().endswith("(")
    for last in (len(words), len(words) - 1) if bracketed else (len(words),):
        for skip in (False, True):
            picked = [
                i for i, w in enumerate(words[:last]) if not (skip and w.casefold() in _SKIPPED)
            ]
            picked = picked[-len(acronym) :]
            if picked and "".join(words[i][0] for i in picked).casefold() == acronym.casefold():
                return " ".join(words[picked[0] :])
    return None
