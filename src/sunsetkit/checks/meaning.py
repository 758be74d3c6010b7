"""Meaning a machine translation lost, seen from structure both texts share: a negation of
the source with no negation at all in the translation, a word doubled that the source
has once, and one side of an opposite pair turned into the other. `negation` reads the
locale data's `negations` (locale_data/), so a locale without them is not checked;
`doubled-word` leaves the locale's function words alone; `opposite` reads `opposites`."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from .base import Entry, MessageContext
from .conventions import WIDE, Conventions, conventions, locale_data
from .spans import marked

__all__ = [
    "check_doubled_word",
    "check_negated_modal",
    "check_negation",
    "check_opposite",
    "may_negate_a_modal",
    "says_no",
]

#: English kept in the translation (a label, a quoted message): its negation is there.
_ENGLISH_NO = re.compile(r"(?<![\w'])(?:not|never|cannot|\w+n't)(?![\w'])")


class _Search(NamedTuple):
    """A search for forms, and the literals (the forms, a stem without its `*`) one of
    which every match holds: a text without any is settled by a substring test per
    literal, where the search, which opens with a lookbehind and so has no literal to
    skip ahead to, is tried at every position of the text."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...]

    def first(self, text: str) -> re.Match[str] | None:
        if not any(map(text.__contains__, self.literals)):
            return None
        return self.pattern.search(text)


def _search(pattern: str, forms: tuple[str, ...]) -> _Search:
    # An empty literal ("" is in every text) keeps the search for a form that strips to it.
    return _Search(re.compile(pattern), tuple(form.rstrip("*") for form in forms))


@functools.cache
def _pattern(forms: tuple[str, ...]) -> _Search | None:
    """One search for any of the forms: a CJK or Hangul form anywhere (it is part of a
    word: 않습니다, 不支持), any other a whole word, or a word's start for a stem (`kein*`),
    or before a letter for an elision (`n'`); after an elision too (l'impossibilité). A form
    that starts with a space (Korean " 안") brings its own edge. The edges are shared by
    each group of forms, so a search tries the forms only where a word starts."""
    inside, words, stems, spaced = [], [], [], []
    for form in forms:
        word = form.rstrip("*")
        if not word:
            continue
        if ord(word[0]) >= WIDE:
            inside.append(word)
        elif not word[0].isalnum():
            spaced.append(word)
        elif form.endswith("*") or not word[-1].isalnum():
            stems.append(word)
        else:
            words.append(word)
    alternatives = [_any(inside), _any(spaced)]
    if stems:
        alternatives.append(rf"(?<!\w)(?:{_any(stems)})")
    if words:
        alternatives.append(rf"(?<!\w)(?:{_any(words)})(?![\w'])")
    alternatives = [part for part in alternatives if part]
    return _search("|".join(alternatives), forms) if alternatives else None


def _any(words: list[str]) -> str:
    """An alternation of the words, longest first (so "can not" is tried before "can")."""
    return "|".join(map(re.escape, sorted(words, key=lambda word: (-len(word), word))))


def _plain_marks(text: str) -> str:
    """Typographic apostrophes and no-break spaces as the data writes them (str.replace:
    a translation table costs ten times as much)."""
    return text.replace("’", "'").replace("ʼ", "'").replace("\u00a0", " ").replace("\u202f", " ")


def says_no(text: str, forms: tuple[str, ...]) -> str | None:
    """The first of the (folded) forms the text holds, or None."""
    pattern = _pattern(forms)
    found = pattern.first(_plain_marks(text.casefold())) if pattern else None
    return found.group() if found else None


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: markup and link targets aside."""
    return marked(entry, ctx.md, text).text if ctx.md is not None else text


def check_negation(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The source negates a verb (cannot, don't, never) and the translation holds none of
    the locale's words that say no: it says the opposite, or lost the clause. Phrases whose
    negation a translation says otherwise ("not limited to", "unless", "only") leave the
    source alone, and so does a negation offered as a choice ("has or hasn't"); a
    translation that asks whether, or says "only", may hold the negation without a
    negator; English kept in the translation keeps its negation."""
    own = conventions(ctx.locale)
    english = conventions("en")
    if not own.negations or (ctx.locale or "en").startswith("en"):
        return
    for source, text in entry.pairs:
        plain = _visible(entry, ctx, source)
        found = _asserted(plain, english.negations)
        if found is None or says_no(plain, english.negation_aside):
            continue
        seen = _visible(entry, ctx, text)
        if _ENGLISH_NO.search(_plain_marks(seen.casefold())) or says_no(
            seen, own.negations + own.negation_open
        ):
            continue
        yield (
            f"the source says {found!r} and the translation has no negation at all: it "
            "says the opposite, or lost the clause"
        )
        return


def may_negate_a_modal(entry: Entry, ctx: MessageContext) -> bool:
    """Whether the source holds "not" or "n't", which every negated modal of en.yaml
    holds (cannot, can't, don't have to): most messages hold neither, and no search runs."""
    if (ctx.locale or "en").startswith("en") or not conventions(ctx.locale).modals:
        return False
    folded = entry.sources.casefold()
    return "not" in folded or "n't" in folded or "n\u2019t" in folded


def check_negated_modal(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The source denies a modal ("you can't change it", "you don't have to accept") and
    the translation says the modal (kann, peut, できます; muss, 必要があります) with no
    negation at all: it says one can, or must, where the English says one cannot, or need
    not. The narrow, precise part of `negation`: a translation that keeps the modal and
    lost its "not" says the opposite, where one that lost both may say it otherwise."""
    own = conventions(ctx.locale)
    english = conventions("en")
    if not own.modals or (ctx.locale or "en").startswith("en"):
        return
    for source, text in entry.pairs:
        plain = _visible(entry, ctx, source)
        if says_no(plain, english.negation_aside):
            continue
        denied = [
            (modal, found)
            for modal, forms in english.negated_modals.items()
            if (found := _asserted(plain, forms)) is not None
        ]
        if not denied or _english_says(_plain_marks(plain.casefold()), _BEFORE):
            continue  # "can't X before Y" is "can X only after Y" (German "erst")
        seen = _visible(entry, ctx, text)
        if _ENGLISH_NO.search(_plain_marks(seen.casefold())) or says_no(
            seen, own.negations + own.negation_open + _bounds(ctx.locale)
        ):
            continue
        for modal, found in denied:
            for said_modal in (modal, *_flips().get(modal, ())):
                said = says_no(seen, own.modals.get(said_modal, ()))
                if said is not None:
                    yield (
                        f"the source says {found!r} and the translation {said!r} with no "
                        f"negation: it says one {said_modal} where the English says the "
                        "opposite"
                    )
                    return


@functools.cache
def _flips() -> dict[str, tuple[str, ...]]:
    """en.yaml's `modal_flips`: a denied modal -> the modals that, said with no negation,
    say its opposite too ("can't revert" said as "must revert")."""
    data = locale_data("en").get("modal_flips") or {}
    return {str(k): tuple(map(str, v)) for k, v in data.items()}


#: A denied modal before a point in time: a translation says it as "only after".
_BEFORE = ("before",)


@functools.cache
def _bounds(locale: str | None) -> tuple[str, ...]:
    """The locale's words for a bound ("at most", "at least": `opposites`' maximum and
    minimum): "cannot exceed 40" said as "can be 40 at most" keeps its meaning."""
    sides = conventions(locale).opposites
    return sides.get("maximum", ()) + sides.get("minimum", ())


#: "X or" before a negation: the sentence offers both ("has or hasn't", "is or isn't").
_CHOICE = re.compile(r"\b(?:or|nor)\s+$")


def _asserted(text: str, forms: tuple[str, ...]) -> str | None:
    """The first of the forms the text holds that negates a verb: a negation after "or"
    names an alternative, which a translation may say as "whether" or leave out, and one
    joined by a hyphen is part of an adjective ("a never-ending list")."""
    pattern = _pattern(forms)
    folded = _plain_marks(text.casefold())
    for found in pattern.pattern.finditer(folded) if pattern else ():
        if folded.startswith("-", found.end()):
            continue
        if not _CHOICE.search(folded, max(0, found.start() - 8), found.start()):
            return found.group()
    return None


#: One word twice, one space between (a double space parts two cells or columns). Letters
#: only: "10 10" and "A1 A1" are values.
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]{2,}) \1(?![\w'’-])")


def check_doubled_word(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A word written twice in a row ("tiers tiers", "Training Training") that the source
    does not double and has at most once: machine translation's stutter, often where a
    word was lost. The locale's function words are left alone (German "die die", French
    "vous vous" are grammar), and so are its verb particles (Swedish "ladda upp upp
    till": a particle, then a preposition spelled the same)."""
    if (ctx.locale or "en").startswith("en"):
        return
    words = ctx.glossary.function_words
    particles = conventions(ctx.locale).particles
    for source, text in entry.pairs:
        seen = _visible(entry, ctx, text)
        if not _adjacent_twice(seen):
            continue  # most translations: a split says no at once
        counted: Counter[str] | None = None  # the source's words, counted once: linear
        for match in _DOUBLED.finditer(seen):
            word = match.group(1).casefold()
            if word in words or word in particles:
                continue
            if counted is None:
                counted = Counter(_NON_WORD.split(_visible(entry, ctx, source).casefold()))
            if counted[word] > 1:
                continue  # the source has it twice: word order may bring the two together
            if _compound_then_verb(seen, match, ctx):
                continue
            yield f"{match.group()!r}: a word doubled that the source has once"
            return


def _compound_then_verb(seen: str, match: re.Match[str], ctx: MessageContext) -> bool:
    """Korean "확인 표시 표시" for "display a check mark": the first word ends a compound
    noun the message writes elsewhere with the same word before it ("확인 표시가"), the
    second is the same word as a verb noun, which the message also says with one of the
    locale's light verbs (`light_verbs`: "표시 됩니다") or which ends the message (a
    heading's verb). Two senses the English says with two words, no stutter."""
    light = _listed(ctx.locale, "light_verbs")
    before = seen[: match.start()].split()[-1:]
    if not light or not before:
        return False
    word = match.group(1)
    compound = re.compile(rf"(?<!\S){re.escape(before[0])} {re.escape(word)}(?! {re.escape(word)})")
    rest = seen[: match.start() - len(before[0]) - 1] + " " + seen[match.end() :]
    if not compound.search(rest):
        return False
    verb = re.compile(rf"(?<!\S){re.escape(word)} ?(?:{'|'.join(map(re.escape, sorted(light)))})")
    at_end = not any(c.isalnum() for c in seen[match.end() :].split("\n", 1)[0])
    return at_end or bool(verb.search(rest))


def _listed(locale: str | None, key: str) -> frozenset[str]:
    words = locale_data(locale).get(key)
    return frozenset(str(w) for w in words) if isinstance(words, list) else frozenset()


def _adjacent_twice(text: str) -> bool:
    """Whether two neighbouring words of the text, whatever lies between, are one: a
    quick test that every doubling `_DOUBLED` finds passes."""
    words = _NON_WORD.split(text)
    return any(a == b and a for a, b in itertools.pairwise(words))


_NON_WORD = re.compile(r"\W+")


#: A link or address written out: its words ("download.microsoft.com") say nothing.
_ADDRESS = re.compile(r"\S+://\S+|\S+\.(?:com|net|org|md)\b\S*")
#: What every match of _ADDRESS holds: without one, its costly search is skipped.
_ADDRESS_MARKS = ("://", ".com", ".net", ".org", ".md")


def _without_addresses(text: str) -> str:
    if not any(mark in text for mark in _ADDRESS_MARKS):
        return text
    return _ADDRESS.sub(" ", text)


@functools.cache
def _english_side(forms: tuple[str, ...]) -> _Search | None:
    """English words of one side, whole (a hyphen joins words: "add-on" says no "add"),
    or a word's start for a stem (`upload*`)."""
    words = [form for form in forms if not form.endswith("*")]
    stems = [form.rstrip("*") for form in forms if form.endswith("*")]
    parts = []
    if words:
        parts.append(rf"(?<![\w-])(?:{_any(words)})(?![\w-])")
    if stems:
        parts.append(rf"(?<![\w-])(?:{_any(stems)})")
    return _search("|".join(parts), forms) if parts else None


def _english_says(text: str, forms: tuple[str, ...]) -> str | None:
    pattern = _english_side(forms)
    found = pattern.first(text) if pattern else None
    return found.group() if found else None


def check_opposite(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The source says one side of an opposite pair (enable, first-party, inbound) and not
    the other, and the translation holds the locale's word for the other side and none
    for this one: it says the opposite ("first-party" as "Drittanbieter"). The locale's
    words that say a side only sometimes count for it, never against the other; a
    translation that holds a negation may say a side as "not the other", and is left
    alone."""
    own = conventions(ctx.locale)
    english = conventions("en")
    if not own.opposites or (ctx.locale or "en").startswith("en"):
        return
    for source, text in entry.pairs:
        if not _may_say_a_side(source.casefold()):
            continue  # most messages: no markup parsed, no pattern tried
        plain = _without_addresses(_plain_marks(_visible(entry, ctx, source).casefold()))
        said = _sides_said(plain, frozenset(_TOKENS.findall(plain)))
        sides = [
            (this, that)
            for pair in english.opposite_pairs
            for this, that in (pair, pair[::-1])
            if this in said
            and _english_says(plain, english.opposites.get(this, ()))
            and not _english_says(plain, _both(english, that))
        ]
        if not sides:
            continue
        seen = _without_addresses(_visible(entry, ctx, text))
        negation = says_no(seen, own.negations)
        for this, that in sides:
            if negation and not says_no(negation, own.opposites.get(that, ())):
                continue  # "not enabled" for "disabled"; a negator of the other side counts
            other = says_no(seen, own.opposites.get(that, ()))
            if other is None or says_no(seen, _both(own, this)):
                continue
            if _english_says(_plain_marks(seen.casefold()), english.opposites.get(this, ())):
                continue  # the source's English word kept in the translation
            yield (
                f"the source says {this!r} and not {that!r}, the translation {other!r} "
                f"({that}) and nothing for {this!r}: the opposite"
            )
            return


def _both(data: Conventions, side: str) -> tuple[str, ...]:
    """A side's words and those that say it only sometimes."""
    return data.opposites.get(side, ()) + data.opposites_weak.get(side, ())


_TOKENS = re.compile(r"[\w-]+")


@functools.cache
def _english_forms() -> tuple[str, ...]:
    """Every English form of every side."""
    return tuple(form for side in conventions("en").opposites.values() for form in side)


@functools.cache
def _side_starts(forms: tuple[str, ...]) -> tuple[frozenset[str], _Search | None]:
    """The first words of one side's English forms, and one search for its stems."""
    words = frozenset(form.split()[0] for form in forms if not form.endswith("*"))
    return words, _english_side(tuple(form for form in forms if form.endswith("*")))


def _may_say(plain: str, tokens: frozenset[str], forms: tuple[str, ...]) -> bool:
    """Whether a side's whole-word search can match: its form's first word is one of the
    text's words (a set lookup), or a stem of it is found; else the search is skipped."""
    words, stems = _side_starts(forms)
    return not words.isdisjoint(tokens) or bool(stems and stems.first(plain))


@functools.cache
def _side_index() -> tuple[dict[str, list[str]], list[tuple[str, _Search]]]:
    """The sides whose English forms start with each word, and the sides with stems."""
    index: dict[str, list[str]] = {}
    stemmed = []
    for side, forms in conventions("en").opposites.items():
        words, stems = _side_starts(forms)
        for word in sorted(words):
            index.setdefault(word, []).append(side)
        if stems is not None:
            stemmed.append((side, stems))
    return index, stemmed


def _sides_said(plain: str, tokens: frozenset[str]) -> set[str]:
    """The sides `_may_say` holds for: looked up by the text's words, not side by side."""
    index, stemmed = _side_index()
    said = {side for word in tokens & index.keys() for side in index[word]}
    said.update(side for side, stems in stemmed if side not in said and stems.first(plain))
    return said


def _may_say_a_side(folded: str) -> bool:
    """Whether the (folded) text holds the first word of a side's English form: a set
    lookup per word, where the sides' searches cost twenty times as much."""
    return _may_say(folded, frozenset(_TOKENS.findall(folded)), _english_forms())
