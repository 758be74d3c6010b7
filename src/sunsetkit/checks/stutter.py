"""A part of a word written twice inside it: machine translation's stutter in a compound
("vervolgkeuzekeuze", "Gebruikersbeheerbeheer") or in a run of wide letters
("パートナーパートナー", "中小型企业中小型企业"). `doubled-word` reads words doubled with a
space between; this reads the doubling no space shows.

Form alone says it, no word list: a part long enough is never doubled in a real word of
these scripts (the shorter ones are words: French "chercher", German "Supportportal",
Chinese "人人", Japanese "いろいろ"). Hiragana is left alone: its particles repeat between
two nouns ("のユーザーのユーザー"), which is grammar; so does a Chinese linking particle
(`linking_particles`: "的用户的用户名", the user's user name), which no letter of the part is.
A doubling that starts after one to three letters of a word ("Ab-rechnungs-rechnungs") is
two parts sharing letters across their joint (Abrechnung, Rechnung), no part said twice: a
compound's part is longer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import WIDE, locale_data
from .spans import marked
from .words import function_words

__all__ = ["check_doubled_part", "may_double_part"]

#: A part of five letters or more doubled in a word of a spaced script; at most 40 (a
#: compound's part): the search stays linear in a word of any length.
_SPACED = re.compile(r"([^\W\d_]{5,40})\1")
_ASCII = re.compile(r"([a-z]{5,40})\1")  # the same, quicker, for a word of ASCII
#: Every place a doubling starts (overlapping), for a word whose first one starts inside a
#: part: another may start at a joint.
_SPACED_AT = re.compile(r"(?=([^\W\d_]{5,40})\1)")
#: Letters of a word before a doubling that are a prefix, no part of their own (ab, ver).
_PREFIX = 3
_WIDE_PART = 3
#: Three letters or more of one wide script doubled (katakana, Han, Hangul); at most 20.
_WIDE = re.compile(
    r"([\u30a1-\u30fa\u30fc]{3,20})\1|([\u4e00-\u9fff]{3,20})\2|([\uac00-\ud7a3]{3,20})\3"
)
#: The shortest word (a space apart) that can hold a doubled part, by script.
_LONG_SPACED = 10
_LONG_WIDE = 6
#: The words (what white space parts, as str.split has them) long enough for either: the
#: short ones, most of a text, are never handed to Python one by one.
_LONG_WORD = re.compile(rf"\S{{{_LONG_WIDE},}}")
_FIRST_WIDE = chr(WIDE)
#: Words of the source this close (words apart) and alike in their first letters: the
#: source says one thing twice ("partner to partner", "your customer's customers"),
#: which a translation may join.
_NEAR = 2
_STEM = 5
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Marks a word of the text carries that are not its letters.
_EDGES = "*_.,:;!?()[]\"'“”„«»‘’"


def _doubled(text: str, particles: str = "") -> Iterator[tuple[str, str]]:
    """(word or doubled run, part) for each word of the text with a part written twice
    inside it. A word is what spaces part; it is read only if long enough to hold the part
    twice, so most texts cost one search. `particles`: the locale's linking particles."""
    for word in _LONG_WORD.findall(text):
        size = len(word)
        if not word.isascii() and max(word) >= _FIRST_WIDE:
            found = _wide_part(word, particles)
            if found is not None:
                yield found  # a wide run is a clause: its doubled part says where
        elif size >= _LONG_SPACED:
            part = _spaced_part(word.casefold())
            if part is not None:
                yield word.strip(_EDGES), part


def _wide_part(word: str, particles: str) -> tuple[str, str] | None:
    """The first doubled run of wide letters whose part holds three letters besides a
    linking particle it starts with."""
    for match in _WIDE.finditer(word):
        part = next(group for group in match.groups() if group)
        if len(part.lstrip(particles)) >= _WIDE_PART:
            return match.group(), part
    return None


def _spaced_part(folded: str) -> str | None:
    """The doubled part of a word of a spaced script that starts at the word's start or
    after more letters than a prefix."""
    match = (_ASCII if folded.isascii() else _SPACED).search(folded)
    if match is None or not _inside_part(folded, match.start()):
        return None if match is None else match.group(1)
    # the last start within the first doubling that is past a prefix: nearest the joint
    # ("träningsutbildningsutbildningar": "sutbildning", not "ingsutbildn")
    found = None
    for other in _SPACED_AT.finditer(folded, match.start() + 1):
        if other.start() >= match.end():
            break
        if not _inside_part(folded, other.start()):
            found = other.group(1)
    return found


def _inside_part(folded: str, start: int) -> bool:
    """One to three letters of the word before `start`: the doubling starts inside a part."""
    return 0 < sum(c.isalpha() for c in folded[:start]) <= _PREFIX


def may_double_part(entry: Entry, ctx: MessageContext) -> bool:
    """doubled-part reads a translation only where a word of it doubles a part (markup
    included: the check reads it again without)."""
    if (ctx.locale or "en").startswith("en"):
        return False
    return any(True for _ in _doubled(entry.translations, _particles(ctx.locale)))


def check_doubled_part(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A part of a word written twice inside it, which the source does not double: not
    written so in the source (a name), and no word of the source said twice close by."""
    if (ctx.locale or "en").startswith("en"):
        return
    particles = _particles(ctx.locale)
    for source, text in entry.pairs:
        seen = _visible(entry, ctx, text)
        for word, part in _doubled(seen, particles):
            english = _visible(entry, ctx, source).casefold()
            if part * 2 in english or _says_twice(english):
                break
            yield f"{word!r}: {part!r} written twice inside one word; the source says it once"
            return


@functools.cache
def _particles(locale: str | None) -> str:
    """The locale's linking particles (Chinese 的), one string of them."""
    return "".join(str(p) for p in locale_data(locale).get("linking_particles") or ())


def _says_twice(english: str) -> bool:
    skip = function_words("en")
    words = [word for word in _WORD.findall(english) if word not in skip]
    return any(
        word[:_STEM] == other[:_STEM]
        for i, word in enumerate(words)
        for other in words[i + 1 : i + 1 + _NEAR]
    )


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: markup and link targets aside."""
    return marked(entry, ctx.md, text).text if ctx.md is not None else text
