"""Product, offer, plan and portal names changed outside the glossary (`name-changed`).

A name is a run of capitalised words and version marks (365, E3, 2019) of the source that
holds a brand word (locale_data/en.yaml `brands`), or one coined word (a capital inside
it: AppSource, SaaS, ReportName). Where the translation has the name's brand or one of
its version marks, the run of capitalised words there is compared with the source's.
Reported: another brand or version mark in the place of one the translation lacks
("Office 365 E3" as "Office 365 E5"), a plan code dropped, a brand or coined word in
another case or split in two ("micro soft"), one word of the name replaced inside it by
a lower-case word of the locale ("Teams kamers Premium"), and for a name the glossary or
the definitions list, a word dropped from its middle or any word in another case.

What a translation of the words around a name does, and what Microsoft itself does to a
name per locale, is not reported: words after a brand translated or moved before it
("Azure-Abonnements verwalten", "ID Microsoft"), a name's last words or a phrase of it
translated ("Microsoft 365 Empresa Estándar", "Power BI Premium per utente", "Visio
Abonnement 1"), a brand added, the forms in locale_data `names`. Measured on the
development part (docs/measurement.md) before each rule was kept.

The rest of the page or catalog is evidence too (`check_names_reordered`): where Romance
and Polish translations put the brand last ("ID Microsoft", "Support Microsoft"), one
message alone cannot tell Microsoft's own word order from a name reordered; a name that
other messages of the same page keep as written, and this one writes with its brand moved
after the rest ("Action Pack Microsoft"), is reordered.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .glossary import _contains, _localized

__all__ = ["Name", "check_names_changed", "check_names_reordered", "name_runs"]

#: What is never prose: code, link targets, URLs, HTML tags, dotted names (a host, a
#: namespace, a file: `partner.microsoft.com`, `Microsoft.Store.PartnerCenter`). Each
#: breaks a run. A dotted name starts at a word's start: tried inside every word it cost
#: a scan to the word's end per letter (no match there that the word's start misses).
_NOT_TEXT = re.compile(
    r"``.+?``|`[^`\n]+`|\]\([^)\s]*\)|https?://\S+|<[^<>\n]{1,200}>|(?<!\w)\w+(?:\.\w+)+"
)
#: The same without dotted names, for the texts without a dot between two word characters
#: (most): tried at every word, that alternative cost five times all the others.
_NOT_TEXT_UNDOTTED = re.compile(r"``.+?``|`[^`\n]+`|\]\([^)\s]*\)|https?://\S+|<[^<>\n]{1,200}>")
_DOTTED = re.compile(r"\.\w(?<=\w\.\w)")  # opens with its dot: scanned for in C
#: A word of a spaced script (CJK characters are separators: "365管理" is 365 and text).
_TOKEN = re.compile(r"[^\W_\u2e80-\U0010ffff]+")
#: What may stand between two words of one name: spaces (any Unicode one), a hyphen or an
#: ampersand alone ("Azure-Abonnement", "Q&A"), a plus between spaces ("Finance +
#: Operations"); a dash between spaces ("Microsoft - FAQ") parts two.
_GLUE = re.compile(r"\s*|[-‐‑&]|\s+\+\s+")
#: Emphasis and link brackets are dropped first: "**Microsoft 365** Business" is one run.
_MARKS = str.maketrans({"*": None, "[": None, "]": None, "\\": None})
#: Lower-case words inside a name of the source ("Skype for Business", "Dynamics 365 for Sales").
_JOINERS = frozenset({"for"})
#: Longest name considered, in words: bounded work on a long Title Case line.
_LONGEST = 12


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.text.casefold()


@functools.lru_cache(maxsize=256)
def _clean(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    not_text = _NOT_TEXT if _DOTTED.search(text) else _NOT_TEXT_UNDOTTED
    return not_text.sub("\n", text).translate(_MARKS)


@functools.lru_cache(maxsize=256)
def _words(text: str) -> list[list[_Word]]:
    """The text's words in runs: a run breaks wherever anything but a space or a hyphen
    stands between two words (punctuation, a parenthesis, a CJK character, code)."""
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    for match in _TOKEN.finditer(text):
        word = _Word(match.group(), match.start(), match.end())
        if run and not _GLUE.fullmatch(text, run[-1].end, word.start):
            runs.append(run)
            run = []
        run.append(word)
    if run:
        runs.append(run)
    return runs


def _versioned(word: str) -> bool:
    """A version or plan mark: 365, 2019, E3, F1, P2 (a word is letters and digits only)."""
    return len(word) <= 6 and not word.isalpha()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or _versioned(word) or _CAMEL.search(word) is not None


@functools.cache
def brands() -> frozenset[str]:
    """The brand words (folded) that make a capitalised run a name (locale_data/en.yaml)."""
    return conventions("en").brands


@dataclass(frozen=True)
class Name:
    """A name of the source: its words, and the source's text of it."""

    words: list[str]
    shown: str


def name_runs(text: str, anchors: frozenset[str]) -> list[Name]:
    """The names of an English text: runs of capitalised words and version marks (with
    `for` inside) that hold a brand word, from the first brand or version mark on."""
    found: list[Name] = []
    cleaned = _clean(text)
    for run in _words(cleaned):
        for piece in _name_pieces(run, anchors):
            start = next(
                (i for i, w in enumerate(piece) if w.folded in anchors or _versioned(w.text)),
                None,
            )
            if start is None or not any(w.folded in anchors for w in piece):
                continue
            name = piece[start:][:_LONGEST]
            if len(name) >= 2:
                shown = cleaned[name[0].start : name[-1].end]
                found.append(Name([w.text for w in name], " ".join(shown.split())))
    return found


#: Months after `for` end a name: "Partner Center for April 2020" is a name and a date.
_MONTHS = frozenset(
    {
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr"),
        *("Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)


def _name_pieces(run: list[_Word], anchors: frozenset[str]) -> Iterator[list[_Word]]:
    """The runs of capitalised words; a brand word that the piece has already starts
    another name ("Microsoft Search Microsoft Graph" is two)."""
    piece: list[_Word] = []
    for index, word in enumerate(run):
        if word.folded in anchors and any(w.folded == word.folded for w in piece):
            yield piece
            piece = []
        following = run[index + 1].text if index + 1 < len(run) else ""
        joins = word.text in _JOINERS and _capitalised(following) and following not in _MONTHS
        if _capitalised(word.text) or (piece and joins):
            piece.append(word)
        else:
            if piece:
                yield piece
            piece = []
    if piece:
        yield piece


def _translation_runs(text: str, name: list[str], anchors: frozenset[str]) -> list[list[str]]:
    """The runs of the translation around the name's brand words and version marks:
    capitalised words, version marks and words of the name (any case)."""
    folded = {w.casefold() for w in name}
    points = {w.casefold() for w in name if _versioned(w)} | {w for w in folded if w in anchors}
    found: list[list[str]] = []
    for run in _words(_clean(text)):
        piece: list[str] = []
        for word in run:
            if _capitalised(word.text) or word.folded in folded:
                piece.append(word.text)
                continue
            if any(w.casefold() in points for w in piece):
                found.append(piece)
            piece = []
        if any(w.casefold() in points for w in piece):
            found.append(piece)
    return found


def _within(name: list[str], run: list[str], fold: bool = False) -> bool:
    """The name's words, in order and together, in the run."""
    if fold:
        name, run = [w.casefold() for w in name], [w.casefold() for w in run]
    size = len(name)
    return any(run[i : i + size] == name for i in range(len(run) - size + 1))


def _change(
    name: list[str], run: list[str], gone: set[str], anchors: frozenset[str], known: bool
) -> str | None:
    """How the run changes the name, if in a way no translation of the words around it
    can: None when it may be that. `gone`: the name's words the whole translation lacks.
    `known`: a name of the glossary or the definitions, whose every word is the name's (a
    word dropped from another run may be a word of the sentence translated and moved)."""
    if _within(name, run):
        return None
    if _within(name, run, fold=True):
        aligned = _aligned(name, run)
        lowered = any(
            w != r and (known or (w.casefold() in anchors and r.islower()))
            for w, r in zip(name, aligned, strict=True)
        )
        return "in another case" if lowered else None
    folded_run = [w.casefold() for w in run]
    present = [i for i, w in enumerate(name) if w.casefold() in folded_run]
    if not present:
        return None
    lost = [name[i] for i in range(len(name)) if i not in present and name[i].casefold() in gone]
    folded_name = " ".join(name).casefold()
    extra = [
        w
        for w in run
        if w.casefold() not in folded_name and (w.casefold() in anchors or _versioned(w))
    ]
    for kind in (_versioned, lambda w: w.casefold() in anchors):
        if any(map(kind, lost)) and any(map(kind, extra)):
            return "another name"
    if any(_versioned(w) and (_coded(w) or _after_brand(name, w, anchors)) for w in lost):
        return "a version mark dropped"
    inner = [name[i] for i in range(present[0] + 1, present[-1]) if name[i] in lost]
    if known and any(w not in _JOINERS for w in inner) and _closed_up(name, folded_run, present):
        return "a word dropped from it"
    return None


def _closed_up(name: list[str], run: list[str], present: list[int]) -> bool:
    """The name's words on either side of a dropped one stand side by side in the run
    ("Microsoft 365 Premium" for "Microsoft 365 Business Premium")."""
    for before, after in itertools.pairwise(present):
        if after - before > 1:
            at = run.index(name[before].casefold())
            if at + 1 < len(run) and run[at + 1] == name[after].casefold():
                return True
    return False


def _coded(word: str) -> bool:
    """A plan or version code of letters and digits (E3, A1, P2), not a bare number."""
    return any(c.isalpha() for c in word) and any(c.isdigit() for c in word)


def _after_brand(name: list[str], word: str, anchors: frozenset[str]) -> bool:
    """A number right after a brand word: the product's version (Windows 7, Office 2019)."""
    at = name.index(word)
    return at > 0 and name[at - 1].casefold() in anchors


def _aligned(name: list[str], run: list[str]) -> list[str]:
    """The run's words where the name stands in it, case aside."""
    size, folded = len(name), [w.casefold() for w in name]
    for i in range(len(run) - size + 1):
        if [w.casefold() for w in run[i : i + size]] == folded:
            return run[i : i + size]
    return name


def _shown(run: list[str], name: list[str], anchors: frozenset[str]) -> str:
    """The part of the run that stands for the name: from its first to its last word that
    is a word, brand or version mark of the name or takes one's place."""
    folded = {w.casefold() for w in name}
    keep = [
        i
        for i, w in enumerate(run)
        if w.casefold() in folded or _versioned(w) or w.casefold() in anchors
    ]
    return " ".join(run[keep[0] : keep[-1] + 1]) if keep else " ".join(run)


def check_names_changed(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    found = False
    for message in _names_changed(entry, ctx):
        found = True
        yield message
    if not found:
        yield from _identifier_translated(entry, ctx)


#: An identifier: two or more humps of letters, each but a lower-case first one opened by a
#: capital, and a final run of capitals allowed (UsageUnits, earningAmount, SubscriptionID,
#: FreeVsPaidSKU); no acronym with one small letter (PoE) and no word with a one-letter
#: first part (eCommerce).
_IDENTIFIER = re.compile(
    r"(?:[A-Z][a-z]+|[a-z]{2,})(?:[A-Z][a-z0-9]+)*(?:[A-Z][a-z0-9]+|[A-Z]{2,})"
)


def _identifier_translated(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A message that is one identifier alone (a field or column name in a table cell: the
    form of a report's column, an API's property), or an identifier alone in emphasis
    within it ("the **PretaxCharges** column", "offer *offerID*"), and a translation that
    does not hold it as written: Microsoft's own human translations keep every one (280
    of 280 alone on the development part), machine translation translates or recases
    them ("Lokalizacja partnera" for PartnerLocation, "DostępneSeats", "**invalidation**"
    for **InReview**). A word of CJK or a particle may touch it ("PowerShell의")."""
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    for source, text in entry.pairs[:1]:
        if source == text:
            continue
        alone = _clean(source).strip()
        wanted = [alone] if _IDENTIFIER.fullmatch(alone) else _emphasized_identifiers(source)
        for word in dict.fromkeys(wanted):
            if not _identifier_kept(word, text):
                yield _identifier_message(word, text, word == alone)


def _identifier_kept(word: str, text: str) -> bool:
    """The identifier as written, or an English plural of it as the identifier itself
    ("SyntaxErrors" as ``SyntaxError``); a CJK word or particle may touch it."""
    forms = (word, word[:-1]) if word.endswith("s") and len(word) > 4 else (word,)
    return any(re.search(rf"(?<![A-Za-z0-9]){form}(?![A-Za-z0-9])", text) for form in forms)


def _identifier_message(word: str, text: str, alone: bool) -> str:
    if not alone:
        return f"{word!r} is not in the translation as written: an identifier is kept as it is"
    written = " ".join(_clean(text).split()) or " ".join(text.split())
    return f"{word!r} is written {written!r}: an identifier (a field name) is kept as it is"


#: An identifier alone between emphasis marks (`*offerID*`, `**PretaxCharges**`).
#: The mark before the first star is looked behind from it: a search scans for stars in C.
_EMPHASIZED = re.compile(rf"(\*(?<![*\w]\*)\*?)({_IDENTIFIER.pattern})\1(?![*\w])")


def _emphasized_identifiers(source: str) -> list[str]:
    if "*" not in source:
        return []
    return [match.group(2) for match in _EMPHASIZED.finditer(source)]


def _names_changed(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    anchors = brands()
    for source, text in entry.pairs:
        branded = _may_hold_brand(source)
        if not ((branded and _quick_words(source) & anchors) or _CAMEL.search(source)):
            continue
        if not _short_of(source, text):
            continue
        reported: set[str] = set()
        done: set[str] = set()  # each name once: a message may repeat one many times
        for name in name_runs(source, anchors) if branded else ():
            if name.shown in done or _kept(name, text, ctx):
                continue
            done.add(name.shown)
            if _glossary_reports(name.shown, source, text, ctx):
                continue
            known = any(_contains(other, name.shown) for other in ctx.glossary.names) and not (
                _holds_localized(name.shown, text, ctx)
            )
            found = _changed(name.words, text, anchors, known)
            if found is not None:
                reported.add(name.shown)
                how, run = found
                yield f"{name.shown!r} is written {run!r} ({how}): a name is kept as it is"
            elif (word := _ordinary_brand_gone(name.words, text)) is not None:
                reported.add(name.shown)
                yield (
                    f"{name.shown!r} is written without {word!r} (translated as a common "
                    "word): a name is kept as it is"
                )
        if not _single_short(source, text, anchors):
            return
        for word, written in _split(source, text, anchors):
            if not any(word in name for name in reported):
                reported.add(word)
                yield f"{word!r} is written {written!r} (split): a name is kept as it is"
        for word, written in _recased(source, text, ctx):
            if not any(word in name for name in reported):
                yield f"{word!r} is written {written!r} (in another case): a name is kept as it is"
        return


def _ordinary_brand_gone(name: list[str], text: str) -> str | None:
    """A product of `_brand_word_names` inside the name whose brand, an ordinary English
    word too (Power, Teams), the translation lacks in any case: the name translated word
    by word ("energia automatizada", "电源自动化", "platforma energetyczna" for Power
    Automate and Power Platform), which no locale does to these products."""
    words = " ".join(name)
    folded = _clean(text).casefold()
    ordinary = conventions("en").brand_words
    for product in _brand_word_names():
        if re.search(rf"(?<!\S){re.escape(product)}(?!\S)", words):
            gone = [w for w in product.split() if w.casefold() in ordinary]
            if gone and gone[0].casefold() not in folded:
                return gone[0]
    return None


@functools.cache
def _brand_word_names() -> tuple[str, ...]:
    """locale_data/en.yaml `brand_word_names`: products whose brand is an ordinary word."""
    return tuple(str(n) for n in locale_data("en").get("brand_word_names") or ())


#: A word with a capital after a small letter: a coined name or an identifier (AppSource,
#: SaaS, OneDrive, SubscriptionEndDate), never an ordinary word of any locale; or a capital
#: word after digits in one word (21Vianet). registry.py's precondition reads the same.
#: Opens with its capital (registry.py's: a search scans for capitals in C); only ever
#: tested, never its match read.
_CAMEL = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=\d[A-Z])[a-z])")


def _recased(source: str, text: str, ctx: MessageContext) -> Iterator[tuple[str, str]]:
    """Single words of a name that the translation writes in another case where the source
    has them (fewer times as written than the source, and in another case at least once):
    a coined word (`_CAMEL`) or a brand that is no English word (`brands` less
    `brand_words`), or a brand that is an English word too where the source writes it
    capitalised amid lower-case words, never in lower case (`_brand_amid_lower`)."""
    coined = brands() - conventions("en").brand_words
    written_as = Counter(w.text for run in _words(_clean(text)) for w in run)
    if not written_as:
        return
    wanted = Counter(w.text for run in _words(_clean(source)) for w in run)
    for word, count in wanted.items():
        if written_as[word] >= count or not word[:1].isupper():
            continue
        recasable = _CAMEL.search(word) or word.casefold() in coined
        if not (recasable or _brand_amid_lower(word, source)):
            continue
        written = next(
            (w for w in written_as if w.casefold() == word.casefold() and w != word), None
        )
        if written is not None and not _glossary_reports(word, source, text, ctx):
            yield word, written


def _brand_amid_lower(word: str, source: str) -> bool:
    """A brand that is an English word too (`brand_words`: Teams, Office) that the source
    writes capitalised beside a lower-case word ("interactive Teams meeting"), never first
    in a sentence nor in lower case: the product, not a title's capitals or the noun, so
    its lower case in the translation ("teams vergadering") is the name recased."""
    if word.casefold() not in conventions("en").brand_words:
        return False
    if re.search(rf"(?<![\w.@/-]){re.escape(word.casefold())}(?![\w@/-])", source):
        return False  # the ordinary word is the source's too
    found = False
    for match in re.finditer(rf"(?<![\w.@/-]){re.escape(word)}(?![\w@/-])", source):
        before = source[: match.start()].rstrip()
        if not before or before[-1] in ".!?:*#|":
            return False  # first in a sentence, a heading or a cell: capitalised anyway
        after = source[match.end() :]
        neighbours = (_WORD_BEFORE.search(before), _WORD_AFTER.match(after))
        found = found or any(m is not None and m.group(1).islower() for m in neighbours)
    return found


#: The word next to a brand, a comma or semicolon between them allowed ("Teams, and").
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)[\s,;]*$")
_WORD_AFTER = re.compile(r"[\s,;]*([^\W\d_]+)(?![\w-])")


def _single_short(source: str, text: str, anchors: frozenset[str]) -> bool:
    """A brand or coined word of the source is in the translation fewer times as written:
    only then can one be split or in another case."""
    have, want = _counts(text), _counts(source)
    return any(
        have[word] < count
        and not word[:1].islower()
        and (_CAMEL.search(word) or word.casefold() in anchors)
        for word, count in want.items()
    )


def _short_of(source: str, text: str) -> bool:
    """Some capitalised word or version mark of the source is in the translation fewer times
    than in the source. Every change reported lacks one (a word gone, in another case or
    split), so most messages, their names kept, are done with here. Counted once each
    side: linear in the message."""
    have, want = _counts(text), _counts(source)
    return any(have[word] < count and _capitalised(word) for word, count in want.items())


@functools.lru_cache(maxsize=256)
def _counts(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text))


@functools.lru_cache(maxsize=8192)  # a page's sources: its two brand passes ask alike
def _may_hold_brand(text: str) -> bool:
    """Whether a brand word may be a word of the text, raw or cleaned (`name_runs`): a
    substring search per brand, far cheaper than tokenizing. An ASCII text without `&`
    (no entity to unescape) holds none unless a brand is in it as letters, the marks
    `_clean` drops aside; any other text may."""
    if not text.isascii() or "&" in text:
        return True
    if "*" in text or "[" in text or "]" in text or "\\" in text:
        text = text.translate(_MARKS)  # most texts hold no mark: no copy made
    # map over a bound method: the tests run in C, without a generator's frame per brand.
    return any(map(text.lower().__contains__, _brand_list()))


@functools.cache
def _brand_list() -> tuple[str, ...]:
    return tuple(sorted(brands()))


def _quick_words(text: str) -> set[str]:
    return {w.casefold() for w in _TOKEN.findall(text)}


def _kept(name: Name, text: str, ctx: MessageContext) -> bool:
    """The name verbatim (any space between its words), or as the locale gives it."""
    shown = name.shown
    if _contains(text, shown, inflected=True) or _localized(shown, text, ctx):
        return True
    return any(
        _contains(text, shown.replace(english, form), inflected=True)
        for english, forms in (*ctx.glossary.conventions.names.items(), *_renamed().items())
        if english in shown
        for form in forms
    )


@functools.cache
def _renamed() -> dict[str, tuple[str, ...]]:
    """Old names -> the names Microsoft renamed them to (locale_data/en.yaml `renamed`):
    a translation that writes the current name ("Microsoft Azure" for "Windows Azure")
    changed no name."""
    data = locale_data("en").get("renamed") or {}
    return {str(old): tuple(map(str, new)) for old, new in data.items()}


def _holds_localized(name: str, text: str, ctx: MessageContext) -> bool:
    """A name inside this one is in the translation as the locale gives it ("Skype för
    företag - Online" for "Skype for Business Online"): its other words may follow it."""
    return any(
        english in name and any(_contains(text, form, inflected=True) for form in forms)
        for english, forms in ctx.glossary.conventions.names.items()
    )


def _glossary_reports(name: str, source: str, text: str, ctx: MessageContext) -> bool:
    """The `name` check reports a glossary name inside this one already."""
    return any(
        glossary_name in name
        and _contains(source, glossary_name)
        and not _contains(text, glossary_name, inflected=True)
        and not _localized(glossary_name, text, ctx)
        for glossary_name in ctx.glossary.verbatim
    )


def _changed(
    name: list[str], text: str, anchors: frozenset[str], known: bool
) -> tuple[str, str] | None:
    """(how, the translation's form) when every run of the translation that shares a
    brand or version mark with the name changes it; None when one keeps it (or none
    shares one: a name left out or translated whole is no change of its words)."""
    runs = _translation_runs(text, name, anchors)
    if any(_within(name, run) for run in runs):
        return None
    gone = _gone(name, text)
    interrupted = _interrupted(name, text, gone)
    if interrupted is not None:
        return "a word of it translated", interrupted
    # a run that holds the name in another case is where the name is: judge it alone
    runs = [run for run in runs if _within(name, run, fold=True)] or runs
    changes = [(_change(name, run, gone, anchors, known), run) for run in runs]
    if not changes or any(how is None for how, _ in changes):
        return None
    how, run = max(changes, key=lambda c: _shared(name, c[1]))
    assert how is not None
    if _within(name, run, fold=True):  # only the case changed: show just the name
        return how, " ".join(_aligned(name, run))
    return how, _shown(run, name, anchors)


#: How many words of the locale a name may hold where the source's stood, at most.
_INSERTED = 1


#: English function words: a name's word after one of them is a phrase of a plan name
#: that Microsoft localizes ("Per User" as "Per utente"), not the name's own word.
_ENGLISH_FUNCTION_WORDS = conventions("en").function_words


def _interrupted(name: list[str], text: str, gone: set[str]) -> str | None:
    """The translation's form of the name where a word of the locale, in lower case,
    stands in it in the place of one word of the name that the translation lacks ("Teams
    kamers Premium" for "Teams Rooms Premium"): a translation of the words around a name
    puts them before or after it, or joins them to it with a hyphen ("CSP-aanbieding").
    The name goes on after it with a word, not a number (Microsoft's own "Visio
    Abonnement 1"); a phrase for a phrase ("na użytkownika" for "Per User", "para" for
    "for") is how Microsoft localizes many plan names, and is left alone."""
    cleaned = _clean(text)
    for run in _words(cleaned):
        for at, word in enumerate(run):
            if word.text not in name[:-2] or word.folded in _ENGLISH_FUNCTION_WORDS:
                continue
            first = name.index(word.text)
            end = at + 1
            while end < len(run) and end - at <= _INSERTED and run[end].text.islower():
                if not cleaned[run[end - 1].end : run[end].start].isspace():
                    break
                end += 1
            inserted = run[at + 1 : end]
            if not inserted or end == len(run):
                continue
            after = run[end].text
            if after not in name[first + 2 :] or _versioned(after):
                continue
            skipped = name[first + 1 : name.index(after, first + 2)]
            if (
                cleaned[run[end - 1].end : run[end].start].isspace()
                and len(skipped) == len(inserted)
                and all(w.casefold() in gone and w not in _JOINERS for w in skipped)
            ):
                return cleaned[word.start : run[end].end]
    return None


def _split(source: str, text: str, anchors: frozenset[str]) -> Iterator[tuple[str, str]]:
    """A brand or coined word of the source that the translation splits in two ("micro
    soft" for Microsoft, "Share Point" for SharePoint, "Power Shell" for PowerShell) where
    it writes the word whole fewer times than the source: one use kept whole does not
    excuse another split. Both halves capitalised, the split is a name's only where
    Microsoft does not spell it so today (en.yaml `spaced_names`: "Power Apps")."""
    cleaned = _clean(text)
    runs = _words(cleaned)
    kept = Counter(w.folded for run in runs for w in run)
    pairs: dict[str, str] = {}
    for run in runs:
        for one, two in itertools.pairwise(run):
            if cleaned[one.end : two.start].isspace():
                pairs.setdefault(one.folded + two.folded, f"{one.text} {two.text}")
    if not pairs:
        return
    wanted = Counter(w.folded for run in _words(_clean(source)) for w in run)
    seen: set[str] = set()
    for run in _words(_clean(source)):
        for w in run:
            if w.folded in seen or kept[w.folded] >= wanted[w.folded] or w.text[:1].islower():
                continue
            seen.add(w.folded)
            written = pairs.get(w.folded)
            if (w.folded in anchors or _CAMEL.search(w.text)) and written and _misspelt(written):
                yield w.text, written


def _misspelt(written: str) -> bool:
    """A split form that is no spelling of a name Microsoft writes with a space."""
    return not written.istitle() or written.casefold() not in _spaced_names()


@functools.cache
def _spaced_names() -> frozenset[str]:
    """Names Microsoft spells as two capitalised words that sources may write as one
    (locale_data/en.yaml `spaced_names`), folded."""
    return frozenset(str(n).casefold() for n in locale_data("en").get("spaced_names") or ())


def _gone(name: list[str], text: str) -> set[str]:
    """The name's words (folded) nowhere in the translation. A version mark is there as its
    number ("USD 50" for USD50), or a year that ends in it ("2022" for FY22): "365" holds
    no E5."""
    words = {w.casefold() for w in _TOKEN.findall(text)}
    numbers = [w for w in words if w.isdigit()]
    gone = set()
    for word in name:
        folded = word.casefold()
        if folded in words:
            continue
        digits = "".join(c for c in folded if c.isdigit())
        if digits and any(n == digits or (len(digits) > 1 and n.endswith(digits)) for n in numbers):
            continue
        gone.add(folded)
    return gone


def _shared(name: list[str], run: list[str]) -> int:
    folded = {w.casefold() for w in run}
    return sum(w.casefold() in folded for w in name)


def check_names_reordered(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """A name of several words that begins with a brand ("Microsoft Action Pack"), written
    with its brand moved after its other words ("Action Pack Microsoft"), where another
    message of the same page or catalog keeps it as written: there the page shows the
    name is not the locale's to reorder. Without that evidence a brand put last is
    Microsoft's own word order in many locales ("ID Microsoft") and is left alone."""
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    anchors = brands()
    reordered: list[tuple[Entry, str, str]] = []
    for entry in entries:
        for source, text in entry.pairs[:1]:
            if source != text and _may_hold_brand(source):
                found = _rotated(source, text, anchors)
                reordered += ((entry, shown, form) for shown, form in found)
    if not reordered:
        return
    wanted = {shown for _, shown, _ in reordered}
    kept = Counter(
        shown
        for entry in entries
        for source, text in entry.pairs[:1]
        for shown in wanted
        if shown in source and _contains(source, shown) and _contains(text, shown, inflected=True)
    )
    for entry, shown, form in reordered:
        if kept[shown]:
            yield (
                entry,
                f"{shown!r} is written {form!r} (reordered) where {kept[shown]} other "
                f"message(s) of this page keep it as written: a name is kept as it is",
            )


def _rotated(source: str, text: str, anchors: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(the name, the translation's form) for each name of the source that begins with a
    brand word and that the translation has only with that word moved after the others,
    the words otherwise as written and side by side."""
    for name in name_runs(source, anchors):
        words = name.words
        if len(words) < 2 or words[0].casefold() not in anchors:
            continue
        moved = [*words[1:], words[0]]
        if " ".join(moved) not in " ".join(text.split()) or _contains(text, name.shown):
            continue
        for run in _words(_clean(text)):
            written = [w.text for w in run]
            if any(written[i : i + len(moved)] == moved for i in range(len(written))):
                yield name.shown, " ".join(moved)
                break
