"""Bold moved wholly onto a neighbour, seen from the page's own renderings.

Machine translation sometimes sets a label's bold on the words beside it ("**New**
calendar" as "Nowy **kalendarz**"): the bold then holds no translation of the label at
all, but the rendering of English the message has outside its bold, which the page's
other messages render the same way ("kalendarz" where their English says "calendar").
That is the placement checks' defect, no second translation of the label. Evidence from
the page only: no dictionary, and a word the page shows no rendering of proves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Entry, MessageContext
from .forms import content_words, same_word
from .placement import spans

__all__ = ["Renderings", "renders_outside"]

#: The letters an English word is compared by (it inflects at its end: "subscriptions").
_PREFIX = 5
#: The letters a word has at least to be evidence (shorter ones end too many words).
_LETTERS = 4
#: A word of the bold renders an English word where the page's other messages holding it
#: have that word in their English at least this often...
_SHARE = 2 / 3
#: ... and at least this many times.
_USES = 2
#: An English word in more than this share of the page's messages is too common to
#: tell what a word renders.
_COMMON = 1 / 4
#: How many of the page's messages are read (bounded work on a long page).
_READ = 400
_ENGLISH = re.compile(r"[a-z]+")


@dataclass
class Renderings:
    """The page's messages as (English word prefixes, translation words), built once."""

    entries: list[Entry]
    _read: list[tuple[int, frozenset[str], list[str]]] | None = None

    def messages(self, ctx: MessageContext) -> list[tuple[int, frozenset[str], list[str]]]:
        if self._read is None:
            words = ctx.glossary.function_words
            self._read = [
                (id(e), _english(e.msgid), content_words(e.strings[0], words, 200))
                for e in self.entries[:_READ]
                if e.translated
            ]
        return self._read


def _english(text: str) -> frozenset[str]:
    return frozenset(w[:_PREFIX] for w in _ENGLISH.findall(text.casefold()) if len(w) >= _LETTERS)


def renders_outside(
    label: str, translation: str, entry: Entry, page: Renderings, ctx: MessageContext
) -> bool:
    """Whether every word of the bold (none copied from the English label; each of four
    letters or more) renders an English word the message has outside its bold, by the
    page: the other messages that hold a form of it have that word in their English at
    least twice and in two thirds of them, the label in under a third, while the page's
    messages have it in a quarter at most (a word every step has, "select", tells no
    rendering)."""
    own = _english(label)
    outside = _outside_bold(entry, ctx) - own
    ours = [
        w for w in content_words(translation, ctx.glossary.function_words) if w[:_PREFIX] not in own
    ]
    # every word of the bold must show what it renders: a short one proves nothing
    if not outside or not ours or any(len(w) < _LETTERS for w in ours):
        return False
    messages = [m for m in page.messages(ctx) if m[0] != id(entry)]
    common = {e for e in outside if sum(e in m[1] for m in messages) > _COMMON * len(messages)}
    rare = frozenset(outside - common)
    return bool(rare) and all(_rendered(word, rare, own, messages) for word in ours)


def _rendered(
    word: str,
    outside: frozenset[str],
    own: frozenset[str],
    messages: list[tuple[int, frozenset[str], list[str]]],
) -> bool:
    holding = [english for _, english, words in messages if any(same_word(word, w) for w in words)]
    if len(holding) < _USES or sum(bool(own & english) for english in holding) * 3 >= len(holding):
        return False  # too little evidence, or the word renders the label too
    return any(
        sum(e in english for english in holding) >= max(_USES, _SHARE * len(holding))
        for e in outside
    )


def _outside_bold(entry: Entry, ctx: MessageContext) -> frozenset[str]:
    """The English words (prefixes) of a message with one bold span, outside it."""
    if ctx.md is None:
        return frozenset()
    bold = [s for s in spans(entry.inline(ctx.md, entry.msgid)) if s.kind == "bold"]
    if len(bold) != 1:
        return frozenset()
    return _english(f"{bold[0].before} {bold[0].after}") - _english(bold[0].inside)
