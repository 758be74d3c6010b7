"""Bold, italic, links and code found again in the translation by what they hold.

A span of the source is aligned with the translation's by its anchors: the words that no
translation changes (numbers, names, acronyms, product words). An anchor that the source
has inside a span and the translation has outside every span of that kind means the span
moved off it or vanished; an anchor outside in the source and inside in the translation
means the span swallowed its neighbours. Only anchors that occur once on each side count,
and only when both sides have as many spans of the kind (else the markup check reports),
so the evidence is never a guess.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import clip
from .base import Entry, MessageContext

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Marked", "Plain", "check_span_moved", "marked"]

_OPEN = {"strong_open": "bold", "em_open": "italic", "link_open": "link"}
_CLOSE = frozenset({"strong_close", "em_close", "link_close"})
_KINDS = ("bold", "italic", "link")
#: A word no translation changes: it holds a digit, or is a Latin word with a capital
#: after its first letter or of two letters or more in capitals (CSP, OneDrive, Azure's
#: "365" aside) — or a capitalised Latin word the translation keeps too.
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_MARKS = ("*", "_", "[")


@dataclass(frozen=True, slots=True)
class Marked:
    """One span: its kind, where it is in the plain text, and a link's target."""

    kind: str
    start: int
    end: int
    href: str = ""


@dataclass(frozen=True, slots=True)
class Plain:
    """A message's visible text and its spans."""

    text: str
    spans: tuple[Marked, ...]

    def inside(self, span: Marked) -> str:
        return self.text[span.start : span.end]

    def after(self, span: Marked) -> str:
        return self.text[span.end : span.end + 1]

    def outside(self, kind: str, joiner: str = "\n") -> str:
        """The text with every span of `kind` cut out, `joiner` in its place."""
        parts, last = [], 0
        for span in self.spans:
            if span.kind == kind and span.start >= last:
                parts.append(self.text[last : span.start])
                last = span.end
        parts.append(self.text[last:])
        return joiner.join(parts)


def marked(entry: Entry, md: MarkdownIt, text: str) -> Plain:
    """The visible text of `text` with its bold, italic, link and code spans, cached per
    entry. One pass over the inline tokens."""
    cache: dict[str, Plain] = entry.__dict__.setdefault("_marked", {})
    if text not in cache:
        cache[text] = _plain(entry.inline(md, text))
    return cache[text]


def _plain(tokens: list[Token]) -> Plain:
    parts: list[str] = []
    length = 0
    opened: list[tuple[str, int, str]] = []
    found: list[Marked] = []
    for token in tokens:
        if token.type in _OPEN:
            href = str(token.attrs.get("href", "")) if token.type == "link_open" else ""
            opened.append((_OPEN[token.type], length, href))
            continue
        if token.type in _CLOSE:
            if opened:
                kind, start, href = opened.pop()
                found.append(Marked(kind, start, length, href))
            continue
        piece = " " if token.type in ("softbreak", "hardbreak") else token.content
        if token.type == "code_inline":
            found.append(Marked("code", length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
    found.sort(key=lambda span: (span.start, span.end))
    return Plain("".join(parts), tuple(found))


def _anchors(text: str, pairs: frozenset[tuple[str, str]] | None) -> dict[str, list[int]]:
    """Each anchor word of the text with where it starts: a word with a digit or a capital
    after its first letter (365, CSP, AppSource), or a capitalised one (Azure). Where the
    language capitalises its nouns (`pairs` given), a capitalised word counts only in two
    capitalised words in a row that both texts have (Partner Center): "Bank", "Logo" and
    "Ihr" are German words too."""
    found: dict[str, list[int]] = {}
    matches = list(_TOKEN.finditer(text))
    for index, match in enumerate(matches):
        word = match.group()
        strong = any(c.isdigit() or c.isupper() for c in word[1:]) or word.isdigit()
        if not strong and word[0].isupper() and pairs is not None:
            strong = any(pair in pairs for pair in _pairs_at(matches, index))
        elif not strong:  # "In", "Per": words of the locale too
            strong = word[0].isupper() and len(word) > 2
        if strong:
            found.setdefault(word, []).append(match.start())
    return found


def _pairs_at(matches: list[re.Match[str]], index: int) -> Iterator[tuple[str, str]]:
    """The capitalised pairs of words, a space apart, that matches[index] is part of."""
    for first, second in ((index - 1, index), (index, index + 1)):
        if first < 0 or second >= len(matches):
            continue
        a, b = matches[first], matches[second]
        if (
            a.string[a.end() : b.start()] == " "
            and a.group()[0].isupper()
            and b.group()[0].isupper()
        ):
            yield a.group(), b.group()


def capitalised_pairs(text: str) -> frozenset[tuple[str, str]]:
    matches = list(_TOKEN.finditer(text))
    return frozenset(pair for index in range(len(matches)) for pair in _pairs_at(matches, index))


#: Languages that capitalise every noun: a capitalised word shared with English may be a
#: word of theirs ("Bank", "Partner"), not a name.
NOUNS_CAPITALISED = frozenset({"de", "lb"})


def check_span_moved(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    assert ctx.md is not None
    for source, text in entry.pairs:
        if not any(mark in text for mark in _MARKS) or source == text:
            continue
        theirs, ours = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
        counts = Counter(span.kind for span in theirs.spans)
        if not counts or counts != Counter(s.kind for s in ours.spans if s.kind in counts):
            continue  # another number of spans: the markup check's finding
        nouns = (ctx.locale or "").split("-")[0].casefold() in NOUNS_CAPITALISED
        yield from _moved(theirs, ours, counts, nouns)


def _moved(theirs: Plain, ours: Plain, counts: Counter[str], nouns: bool) -> Iterator[str]:
    pairs = capitalised_pairs(theirs.text) & capitalised_pairs(ours.text) if nouns else None
    source_anchors, text_anchors = _anchors(theirs.text, pairs), _anchors(ours.text, pairs)
    # Once in either text in any case too ("Performance details" and "key performance").
    folded = Counter(word.casefold() for word in _TOKEN.findall(ours.text))
    once = Counter(word.casefold() for word in _TOKEN.findall(theirs.text))
    for kind in _KINDS:
        if not counts[kind]:
            continue
        source_spans = [s for s in theirs.spans if s.kind == kind]
        text_spans = [s for s in ours.spans if s.kind == kind]
        lost: dict[Marked, list[str]] = {}
        taken: dict[Marked, list[str]] = {}
        for word, places in sorted(source_anchors.items(), key=lambda item: item[1]):
            there = text_anchors.get(word, [])
            if (
                len(places) != 1
                or len(there) != 1
                or (folded[word.casefold()], once[word.casefold()]) != (1, 1)
            ):
                continue  # absent, or more than once: no evidence where it belongs
            was, now = _holder(places[0], source_spans), _holder(there[0], text_spans)
            if was is not None and now is None:
                lost.setdefault(was, []).append(word)
            elif now is not None and was is None and not _compound(ours, there[0], word):
                taken.setdefault(now, []).append(word)
        if kind == "link":  # a link's words may well move (to "hier"); its English may not
            outside = _runs(ours.outside("link")) if lost else frozenset()
            lost = {span: words for span, words in lost.items() if _left(theirs, span, outside)}
            taken = {}
        for span, words in lost.items():
            yield (
                f"{kind} {clip(theirs.inside(span).strip())} of the source holds {_words(words)}; "
                f"here outside every {kind}: the {kind} moved off it or vanished"
            )
        for span, words in taken.items():
            yield (
                f"{kind} {clip(ours.inside(span).strip())} holds {_words(words)}, which the source "
                f"has outside every {kind}: the {kind} swallowed its neighbours"
            )


def _holder(position: int, spans: list[Marked]) -> Marked | None:
    return next((span for span in spans if span.start <= position < span.end), None)


def _compound(plain: Plain, position: int, word: str) -> bool:
    """A name joined to a word of the locale by a hyphen ("Gold-Kompetenz", "Partner
    Center-Dashboard"): one word, which the span must hold whole."""
    before = plain.text[max(0, position - 1) : position]
    return (
        before in _HYPHENS or _NAME_THEN_HYPHEN.match(plain.text, position + len(word)) is not None
    )


_HYPHENS = ("-", "‐")
_NAME_THEN_HYPHEN = re.compile(r"(?:\s+[A-Z0-9][A-Za-z0-9]*)*[-‐]")
_WORDS = re.compile(r"\w+")


def _left(theirs: Plain, span: Marked, outside: frozenset[tuple[str, ...]]) -> bool:
    """Two words in a row of the source's link, one of them in lower case, or a number of
    it, outside every link of the translation: the link's English left beside a link on
    other words ("Partner Center", a name, may well stand outside)."""
    words = _WORDS.findall(theirs.inside(span))
    return any((w,) in outside for w in words if w.isdigit()) or any(
        pair in outside and (pair[0][:1].islower() or pair[1][:1].islower())
        for pair in itertools.pairwise(words)
    )


def _runs(text: str) -> frozenset[tuple[str, ...]]:
    """Every word and every two words in a row of the text: looked up once per link, so
    a message of many links costs time linear in it."""
    words = _WORDS.findall(text)
    return frozenset([*((w,) for w in words), *itertools.pairwise(words)])


def _words(words: list[str]) -> str:
    return ", ".join(repr(word) for word in words)
