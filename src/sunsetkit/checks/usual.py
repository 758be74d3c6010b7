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

from anyascii import anyascii

from ..errors import clip
from .base import Entry, MessageContext
from .labels import label_pairs, normal
from .spans import Plain, marked

__all__ = ["check_span_off_usual", "usual_translations"]

Key = tuple[str, str]
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
    in these entries."""
    uses: dict[Key, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for kind, label, translated in label_pairs(entry, ctx):
            uses[kind, label][translated] += 1
    return uses


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
    for entry in entries:
        if not entry.translated or len(entry.ids) > 1:
            continue
        source, text = entry.pairs[0]
        if source == text or not any(mark in text for mark in "*_["):
            continue
        theirs, ours = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
        # this message's own use is no evidence for or against it
        own = {(kind, label): translated for kind, label, translated in label_pairs(entry, ctx)}
        for message in _off(theirs, ours, usual, uses, own):
            yield entry, message


def _off(
    theirs: Plain,
    ours: Plain,
    usual: dict[Key, str],
    uses: dict[Key, Counter[str]],
    own: dict[Key, str],
) -> Iterator[str]:
    for kind in ("bold", "link"):
        source_spans = [s for s in theirs.spans if s.kind == kind]
        text_spans = [s for s in ours.spans if s.kind == kind]
        if not source_spans or len(source_spans) != len(text_spans):
            continue  # another number of spans: the markup check's
        if len(source_spans) > _SPANS:
            continue  # a list of links, not a sentence: and bounded work
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
