"""A part of the English left out of its translation, seen from the page's own evidence.

Where a page translates an English content word one way in most of its messages (that
rendering and that word go together, and with no other word), the rendering is the
translator's own evidence for the word, no glossary needed. A message whose English has
two or more such words, none of whose renderings its translation holds, and whose
translation is far shorter than the page's usual length for its English, has lost a
part: a clause, a phrase, the end of the sentence ("Send the invoice and the payment
reminder this week." as "Send this week."). Both signs are needed: a word left out alone is most
often a translator's rewording, and a short translation alone a terse language.

Renderings are found by script, not by locale: a run of wide letters (CJK, Hangul) is
read in letter pairs, since its words have no spaces around them or grow endings; any
other word by its first letters, since it inflects at its end.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import WIDE
from .words import function_words

__all__ = ["check_dropped_on_page"]

#: A rendering goes with its word in at least this many messages of the page...
_USES = 3
#: ... in this share of the messages whose English has the word...
_COVER = 0.7
#: ... and this share of the messages that hold the rendering have the word.
_OWN = 0.5
#: A translation this far under the page's usual length ratio is short for its English.
_SHORT = 0.75
#: Two of the words lost are this close in the English (words apart): a part of it went,
#: not a word here and a word there that the translator said otherwise.
_NEAR = 3
#: The English says this much (content words), so that its translation cannot be a
#: terse heading ("List price" as "Tarif").
_CONTENT = 5
#: Letters of a word (not of a wide script) that identify it through its endings.
_STEM = 5
#: Messages whose English is shorter (visible characters) tell nothing of the page's ratio.
_RATIO_FROM = 20

#: Link targets, HTML tags, code spans and addresses: no words of the sentence.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]*>|`[^`]*`|(?<![A-Za-z])[A-Za-z]+://[^\s)\]]+")
_ENGLISH_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Message:
    entry: Entry
    english: tuple[tuple[int, str], ...]  # the English content words and their places
    words: frozenset[str]  # the same, once each
    text: str  # the translation, folded, without link targets and tags
    length: float  # visible length of the translation over the English's
    ratio: float | None  # the same, where the English is long enough to tell


def check_dropped_on_page(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    if (ctx.locale or "en").startswith("en"):
        return
    messages = [m for entry in entries if (m := _message(entry)) is not None]
    ratios = [m.ratio for m in messages if m.ratio is not None]
    if len(ratios) < _USES:
        return
    usual = statistics.median(ratios)
    short = [m for m in messages if m.length / usual < _SHORT and len(m.words) >= _CONTENT]
    if not short:
        return  # most pages: no rendering is looked for
    renderings = _renderings(messages, frozenset().union(*(m.words for m in short)))
    for message in short:
        lost = [(place, w) for place, w in message.english if _lost(w, renderings.get(w), message)]
        if _near(lost):
            missing = sorted({w for _, w in lost})
            said = ", ".join(f"{word!r} ({renderings[word]!r})" for word in missing[:4])
            yield (
                message.entry,
                f"the page renders {said} and this translation has none of them, at "
                f"{message.length / usual:.0%} of the page's usual length: a part of the "
                "English is missing",
            )


def _message(entry: Entry) -> _Message | None:
    if not entry.translated or len(entry.pairs) != 1:
        return None
    source, text = entry.pairs[0]
    if source == text:
        return None
    english = _NOT_TEXT.sub(" ", source).casefold()
    skip = function_words("en")
    words = tuple(
        (place, w)
        for place, w in enumerate(_ENGLISH_WORD.findall(english))
        if len(w) > 2 and w not in skip
    )
    seen = _NOT_TEXT.sub(" ", text).casefold()
    size = _visible(english)
    length = _visible(seen) / max(1, size)
    ratio = length if size > _RATIO_FROM else None
    return _Message(entry, words, frozenset(w for _, w in words), seen, length, ratio)


def _near(lost: list[tuple[int, str]]) -> bool:
    """Whether two different words lost stand close together in the English."""
    return any(b - a <= _NEAR and one != other for (a, one), (b, other) in itertools.pairwise(lost))


def _visible(text: str) -> int:
    return len(_SPACE.sub("", text))


def _features(text: str) -> frozenset[str]:
    """What may render a word: each pair of neighbouring letters of a wide run, the first
    letters of any other word of four letters or more."""
    found: set[str] = set()
    for run in _LETTERS.findall(text):
        if ord(run[0]) >= WIDE:
            found.update(run[i : i + 2] for i in range(len(run) - 1))
        elif len(run) >= 4:
            found.add(run[:_STEM])
    return frozenset(found)


def _renderings(messages: list[_Message], asked: frozenset[str]) -> dict[str, str]:
    """English word (of those asked) -> the page's rendering of it: the feature that goes
    with it in most of its messages and mostly with it, each the other's best partner
    (Dice), and not the English word itself kept (a name the page keeps in English says
    nothing when one message translates it). Only the asked words' pairs are counted, and
    then only their features' partners: a page's every pair would cost a hundred times."""
    words = Counter(w for m in messages for w in m.words)
    asked = frozenset(w for w in asked if words[w] >= _USES)
    if not asked:
        return {}
    each = [_features(m.text) for m in messages]  # read only for a page with a short message
    features = Counter(f for found in each for f in found)
    pairs: Counter[tuple[str, str]] = Counter()
    for m, found in zip(messages, each, strict=True):
        if common := asked & m.words:
            frequent = [f for f in found if features[f] >= _USES]
            pairs.update((w, f) for w in common for f in frequent)
    best = _best(pairs, words, features, by_word=True)
    chosen = frozenset(f for _, f in best.values())
    partners: Counter[tuple[str, str]] = Counter()
    for m, found in zip(messages, each, strict=True):
        if mine := chosen & found:
            partners.update((w, f) for w in m.words if words[w] >= _USES for f in mine)
    top = _best(partners, words, features, by_word=False)
    renderings = {}
    for word, (_, feature) in best.items():
        both = pairs[word, feature]
        if top[feature][1] != word or word.startswith(feature):
            continue
        if both / words[word] >= _COVER and both / features[feature] >= _OWN:
            renderings[word] = feature
    return renderings


def _best(
    pairs: Counter[tuple[str, str]],
    words: Counter[str],
    features: Counter[str],
    *,
    by_word: bool,
) -> dict[str, tuple[float, str]]:
    """Each word's (or feature's) partner of the highest Dice score, in pairs seen together
    often enough; ties go to the first in sorted order."""
    best: dict[str, tuple[float, str]] = {}
    for (word, feature), both in sorted(pairs.items()):
        if both < _USES:
            continue
        dice = 2 * both / (words[word] + features[feature])
        key, other = (word, feature) if by_word else (feature, word)
        if dice > best.get(key, (0.0, ""))[0]:
            best[key] = (dice, other)
    return best


def _lost(word: str, rendering: str | None, message: _Message) -> bool:
    """The page renders the word, and this translation holds neither the rendering nor
    the English word. A wide rendering's first letter counts: a compound that shares it
    (收入 beside the page's 收益, 법인명 beside 법적) is most often the word said otherwise."""
    if rendering is None or word in message.text:
        return False
    if ord(rendering[0]) >= WIDE:
        return rendering[0] not in message.text
    return rendering not in message.text
