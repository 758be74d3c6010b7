"""Bold and links found again by the page's own translations of them, no anchor needed.

Where one English label (a bold span or a link's text) is translated one way at least
twice in a page, and more often than any other way, that is the page's usual
translation: evidence from the translator's own work, no glossary. A message whose
source marks the label while its translation has the usual words outside every span of
the kind, and no span of the kind holding them, has the markup on other words: it moved
off the label (onto the verb, the other half of the sentence, a neighbour).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anyascii import anyascii

from ..errors import clip
from .base import Entry, MessageContext
from .conventions import WIDE
from .forms import UNSPACED, closed_up
from .labels import QUOTES, core, label_pairs, normal
from .spans import Marked, Plain, marked
from .words import function_words

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["check_span_around_usual", "check_span_off_usual", "usual_translations"]

Key = tuple[str, str]
SOURCE_LANGUAGE = "en"  # the language of every source text
#: Letters a cognate shares with the English word from its first.
_STEM = 5

#: A sentence marks at most this many labels of a kind; more are a list (and each one is
#: looked up in the whole text).
_SPANS = 8
#: A usual translation has at least this many uses in the page.
_USES = 2
#: Shorter usual translations are too often plain words of the sentence ("Ja", "OK").
_SHORTEST = 4


def usual_translations(entries: list[Entry], ctx: MessageContext) -> dict[Key, Counter[str]]:
    """(kind, normal English label) -> how often each translation (normal form) marks it
    in these entries. The last page's answer is kept: two checks of a page ask for it
    (span-moved, placement), and it is a third of their time."""
    last = _LAST.get("uses")
    if last is not None and last[0] is entries and last[1] is ctx.glossary:
        return last[2]
    uses: dict[Key, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for kind, label, translated in label_pairs(entry, ctx):
            uses[kind, label][translated] += 1
    _LAST["uses"] = (entries, ctx.glossary, uses)
    return uses


#: The last page's usual translations, by the very list of entries and glossary asked:
#: one page's worth, replaced by the next page's.
_LAST: dict[str, tuple[list[Entry], object, dict[Key, Counter[str]]]] = {}


def _usual(counts: Counter[str], label: str, ctx: MessageContext) -> str | None:
    """The translation used at least twice and more often than any other, if it says
    more than a short word, is not English kept (a name stands outside bold as often as
    in it) and is not only the locale's function words or clause frame (a link moved
    onto "を参照してください" twice is no translation of it)."""
    (first, most), *rest = counts.most_common(2)
    if most < _USES or (rest and rest[0][1] == most) or len(first) < _SHORTEST:
        return None
    english = set(label.split())
    words = first.split()
    frame = ctx.glossary.conventions
    if all(w in english or w in ctx.glossary.function_words for w in words):
        return None
    if first in frame.clause_after or first in frame.clause_before:
        return None
    return first


def check_span_off_usual(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    if ctx.md is None:
        return
    uses = usual_translations(entries, ctx)
    usual = {key: u for key, counts in uses.items() if (u := _usual(counts, key[1], ctx))}
    if not usual:
        return
    for entry, theirs, ours in _marked_pairs(entries, ctx.md):
        # this message's own use is no evidence for or against it
        own = {(kind, label): translated for kind, label, translated in label_pairs(entry, ctx)}
        for message in _off(theirs, ours, usual, uses, own):
            yield entry, message


def _marked_pairs(entries: list[Entry], md: MarkdownIt) -> Iterator[tuple[Entry, Plain, Plain]]:
    """The page's single translated messages that mark something, with the spans of their
    English and of their translation."""
    for entry in entries:
        if not entry.translated or len(entry.ids) > 1:
            continue
        source, text = entry.pairs[0]
        if source == text or not any(mark in text for mark in "*_["):
            continue
        yield entry, marked(entry, md, source), marked(entry, md, text)


def _paired_spans(theirs: Plain, ours: Plain) -> Iterator[tuple[str, list[Marked], list[Marked]]]:
    """Per kind (bold, link), the English spans and the translation's, where they pair one
    to one: another number of spans is the markup check's, and a list of many links is no
    sentence (and bounds the work)."""
    for kind in ("bold", "link"):
        source_spans = [s for s in theirs.spans if s.kind == kind]
        text_spans = [s for s in ours.spans if s.kind == kind]
        if source_spans and len(source_spans) == len(text_spans) <= _SPANS:
            yield kind, source_spans, text_spans


def _off(
    theirs: Plain,
    ours: Plain,
    usual: dict[Key, str],
    uses: dict[Key, Counter[str]],
    own: dict[Key, str],
) -> Iterator[str]:
    for kind, source_spans, text_spans in _paired_spans(theirs, ours):
        source_rest = normal(theirs.outside(kind, " "))
        text_rest = normal(ours.outside(kind, " "))
        held = [normal(ours.inside(span)) for span in text_spans]
        for span, here in zip(source_spans, held, strict=True):
            label = normal(theirs.inside(span))
            words = usual.get((kind, label))
            if words is None or _count(label, source_rest):
                continue  # no evidence, or the source has the label outside its span too
            if _count(words, text_rest) != 1 or any(_count(words, h) for h in held):
                continue
            counts = uses[kind, label]
            known = (t for t, n in counts.items() if n > (t == own.get((kind, label))))
            if here == label or _cognate(here, label) or any(_count(t, here) for t in known):
                continue  # English kept (a gloss beside it), its cognate, or a known form
            yield (
                f"{kind} {clip(theirs.inside(span).strip())} is {words!r} elsewhere in this "
                f"page; here {words!r} stands outside every {kind}: the {kind} moved off it"
            )


def _cognate(here: str, label: str) -> bool:
    """A word of the span that begins like a word of the English label (développement,
    developing): the span most likely holds the label, in a form the page uses rarely."""
    stems = {w[:_STEM] for w in label.split() if len(w) >= _STEM}
    return any(anyascii(w)[:_STEM].casefold() in stems for w in here.split())


def _count(words: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(words)}(?!\w)", text))


def check_span_around_usual(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """Bold or a link that holds part of the page's usual translation of its label, or the
    whole of it and words of the sentence beside it: "[支払 **い方法] を選択します**" where
    the page bolds "支払い方法", "**다음, 고객 연결을**" where it bolds "고객 연결", "**seleccione
    Listo**" where it bolds "Listo". The page's own rendering shows where the span belongs."""
    if ctx.md is None:
        return
    uses = usual_translations(entries, ctx)
    usual = {
        key: u
        for key, counts in uses.items()
        if (u := _usual(counts, key[1], ctx)) and not _framed(u, ctx)
    }
    if not usual:
        return
    page = _Page(usual, uses, _frame_words(uses), ctx.glossary.function_words)
    for entry, theirs, ours in _marked_pairs(entries, ctx.md):
        for message in _around(theirs, ours, page):
            yield entry, message


def _framed(words: str, ctx: MessageContext) -> bool:
    """A usual form that ends with the locale's verb ending or opens with its request
    ("/概要を選択します"): the page's spans took in the clause's frame, no measure."""
    frame = ctx.glossary.conventions
    return any(words.endswith(end) for end in frame.clause_after) or any(
        words.startswith(start) for start in frame.clause_before
    )


@dataclass(frozen=True)
class _Page:
    usual: dict[Key, str]
    uses: dict[Key, Counter[str]]
    #: Words at the edge of the spans of two labels or more: the sentence's frame that
    #: the translator puts around any label ("pozycję", "página"), not a label's own.
    frame: dict[str, set[Key]]
    function_words: frozenset[str]


def _frame_words(uses: dict[Key, Counter[str]]) -> dict[str, set[Key]]:
    edges: dict[str, set[Key]] = defaultdict(set)
    for key, counts in uses.items():
        for translated in counts:
            words = translated.split()
            if len(words) > 1:
                edges[words[0]].add(key)
                edges[words[-1]].add(key)
    return edges


def _around(theirs: Plain, ours: Plain, page: _Page) -> Iterator[str]:
    for kind, source_spans, text_spans in _paired_spans(theirs, ours):
        english = theirs.outside(kind, " ")
        for span, mine in zip(source_spans, text_spans, strict=True):
            label = normal(theirs.inside(span))
            words = page.usual.get((kind, label))
            if words is None or _count(label, normal(english)):
                continue  # no evidence, or the source has the label outside its span too
            here = core(normal(closed_up(ours.inside(mine))), page.function_words)
            if not here or here == words or page.uses[kind, label][here] > 1 or _count(label, here):
                continue  # the usual form, another form the page uses too, English kept
            shown, named = clip(ours.inside(mine).strip()), clip(theirs.inside(span).strip())
            extra = _beside(words, here, label)
            if extra is not None:
                yield (
                    f"{kind} {shown} holds {words!r}, this page's {kind} for {named}, and "
                    f"{extra!r} of the sentence beside it: the {kind} took in its neighbours"
                )
            elif _fits(words, label, page) and _straddles(
                words, ours, mine, english, page.frame, (kind, label)
            ):
                yield (
                    f"{kind} {shown} holds only part of {words!r}, this page's {kind} for "
                    f"{named}: the {kind} starts or ends inside it"
                )


def _wide(text: str) -> bool:
    return any(ord(c) >= WIDE for c in text)


def _beside(words: str, here: str, label: str) -> str | None:
    """What the span holds beside the usual words, where it holds them whole (as words,
    in a spaced script): None where it does not. Not the words after a usual form shorter
    than its English label ("Relacje" for "Partner relationships"): they may be the rest
    of the label, that the page's usual form left out."""
    wide = _wide(words)
    pattern = re.escape(words) if wide else rf"(?<!\w){re.escape(words)}(?!\w)"
    found = re.search(pattern, here)
    if found is None:
        return None
    after = here[found.end() :].strip(_NO_WORD)
    if after and not wide and len(words.split()) < len(label.split()):
        return None
    extra = (here[: found.start()] + " " + here[found.end() :]).strip(_NO_WORD)
    return extra if any(c.isalnum() for c in extra) else None


#: What is no word at the edge of what a span holds beside its label.
_NO_WORD = " .,:;!?。、，：；！？()（）-"


def _fits(words: str, label: str, page: _Page) -> bool:
    """A usual form of no more content words than its English label, in a spaced script:
    a longer one ("abrir configuración" for "Settings") took in a word of the sentence
    itself, and is no measure of where the span belongs."""
    if _wide(words):
        return True
    ours = [w for w in words.split() if w not in page.function_words]
    english = function_words(SOURCE_LANGUAGE)
    return len(ours) <= len([w for w in label.split() if w not in english])


def _straddles(
    words: str, ours: Plain, mine: Marked, english: str, frame: dict[str, set[Key]], key: Key
) -> bool:
    """The usual words in the translation's text, across an edge of the span: the span
    starts or ends inside them. Not where their part outside the span is a word the English
    has outside its span too ("das Menü **Einstellungen**" for "the **Settings** menu",
    where the page bolds "Menü Einstellungen"), or the sentence's frame around labels
    ("pozycję"): there the page's usual form took in that word, this span is right."""
    text, edges = _normalized(ours.text, (mine.start, mine.end))
    wide = _wide(words)
    stems = {_stem(w) for w in re.findall(r"\w{4,}", english)}
    for found in re.finditer(re.escape(words), text):
        start, end = found.span()
        if (not wide and not _bounded(text, start, end)) or not any(
            start < edge < end for edge in edges
        ):
            continue
        out = (text[start : max(start, edges[0])] + " " + text[min(end, edges[-1]) : end]).split()
        cognate = any(_stem(w) in stems for w in out if len(w) >= _SHARED)
        framed = all(frame.get(w, set()) - {key} for w in out)
        if not (cognate or framed):
            return True
    return False


def _bounded(text: str, start: int, end: int) -> bool:
    return not (text[start - 1 : start].isalnum() or text[end : end + 1].isalnum())


_DROPPED = frozenset(QUOTES)
_UNSPACED = re.compile(f"[{UNSPACED}]")


def _normalized(text: str, edges: tuple[int, int]) -> tuple[str, list[int]]:
    """The text as `normal` compares labels (case folded, quotation marks and brackets
    dropped, spaces made one, none beside Chinese or Japanese) and where the edges fall
    in it."""
    out: list[str] = []
    moved: list[int] = []
    length = 0
    for index, char in enumerate(text):
        if index in edges:
            moved.append(length)
        if char in _DROPPED:
            continue
        if char.isspace():
            if not out or out[-1] == " " or _unspaced(out[-1]) or _unspaced(_next(text, index)):
                continue
            piece = " "
        else:
            piece = char.casefold().replace("’", "'")
        out.append(piece)
        length += len(piece)
    if len(text) in edges:
        moved.append(length)
    return "".join(out), moved


def _next(text: str, index: int) -> str:
    return text[index:].lstrip()[:1]


def _unspaced(char: str) -> bool:
    return bool(char) and _UNSPACED.match(char) is not None


#: Letters a word of the translation shares with a word of the English from its first
#: ("Menü", "menu"): the same word.
_SHARED = 4


def _stem(word: str) -> str:
    return anyascii(word).casefold()[:_SHARED]
