"""One lower-case English word left in a translation of a wide script (CJK, Hangul) where
the page translates it everywhere else: "customer 列表" on a page whose other messages
write "客户" for "customer". `english-left` reads runs of two English words or more; one
word alone it cannot tell from a term the locale borrows, but the page can: three or more
of its messages with the word in their English translate it, with no trace of it.

Only wide scripts are read: there a Latin word is English (or a name) beyond doubt, while
in a Latin-script locale an English word may be the locale's own ("support", "details").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator

from babel import Locale, UnknownLocaleError

from .base import Entry, MessageContext
from .conventions import WIDE
from .english import _kept_by_policy, check_english_left, check_english_left_on_page
from .words import function_words

__all__ = ["check_country_kept_on_page", "check_english_left_pages", "check_word_kept_on_page"]

#: The page translates the word in at least this many other messages.
_OTHERS = 3
#: Link targets, tags, code, bold (a label kept: `bold-english`'s), addresses, paths
#: and placeholders: no words of the sentence.
_NOT_TEXT = re.compile(
    r"\]\([^)]*\)|<[^>]*>|`[^`]*`|\*\*[^*]*\*\*|(?<![A-Za-z])[A-Za-z]+://\S+"
    r"|(?<![\w/])/\S+|\{[^}]*\}"
)
#: What `_NOT_TEXT` needs to find anything.
_MARKS = ("](", "<", "`", "**", "://", "/", "{")
#: A lower-case English word of four letters or more, not part of a longer token.
_LOWER = re.compile(r"(?<![\w'’./@-])[a-z]{4,}(?![\w'’./@-])")
#: The neighbours of a word in a translation: a Latin word, a wide run, or a mark that
#: says the word is quoted, glossed or joined to another.
_TOKEN = re.compile(r"[A-Za-z]+|[^\W\d_A-Za-z]+|[()\"“”「」『』（）/-]")


def check_word_kept_on_page(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    if not _wide_locale(ctx):
        return
    messages = [m for entry in entries if (m := _message(entry)) is not None]
    by_word: dict[str, list[_Message]] = defaultdict(list)
    for message in messages:
        for word in message.words:
            by_word[word].append(message)
    for word, having in by_word.items():
        if len(having) <= _OTHERS:
            continue
        kept = [m for m in having if m.has(word)]
        if len(kept) != 1 or any(m.has(word) for m in messages if word not in m.words):
            continue  # translated everywhere, kept twice (a term), or a word of other text
        entry, source = kept[0].entry, kept[0].source
        if _alone(word, _read(entry, ctx), source) and not _reported(word, entry, ctx):
            yield (
                entry,
                f"{word!r} left in English: the page translates it in its "
                f"{len(having) - 1} other messages that have it",
            )


class _Message:
    """A message of the page: its English's lower-case content words, and whether its
    translation holds a word anywhere (links, code and tags aside; English it keeps by
    policy, a gloss, counts: such a word is never evidence of one translated)."""

    __slots__ = ("_clean", "entry", "folded", "source", "words")

    def __init__(self, entry: Entry, source: str, text: str, words: frozenset[str]) -> None:
        self.entry, self.source, self.words = entry, source, words
        self.folded = text.casefold()
        self._clean: str | None = None

    def has(self, word: str) -> bool:
        if word not in self.folded:
            return False  # most messages: no trace at all, nothing to clean
        if self._clean is None:
            self._clean = _NOT_TEXT.sub(" ", self.folded)
        return word in self._clean


def _wide_locale(ctx: MessageContext) -> bool:
    """A locale of a wide script: most of its function words (the locale data's) are
    written in one, so no list of locales is kept here."""
    words = ctx.glossary.function_words
    return bool(words) and sum(ord(w[0]) >= WIDE for w in words) * 2 > len(words)


def _message(entry: Entry) -> _Message | None:
    if not entry.translated or len(entry.pairs) != 1:
        return None
    source, text = entry.pairs[0]
    if source.strip() == text.strip():
        return None
    english = _NOT_TEXT.sub(" ", source) if any(m in source for m in _MARKS) else source
    skip = function_words("en")
    words = frozenset(w for w in _LOWER.findall(english) if w not in skip)
    return _Message(entry, source, text, words)


def _read(entry: Entry, ctx: MessageContext) -> str:
    """The one message that keeps the word, without what is English by policy."""
    source, text = entry.pairs[0]
    return _NOT_TEXT.sub(" ", _kept_by_policy(source, text, ctx.glossary.conventions.loanwords))


def _reported(word: str, entry: Entry, ctx: MessageContext) -> bool:
    """english-left's message pass reports the word already (one finding for it)."""
    return any(repr(word) in message for message in check_english_left(entry, ctx))


def _alone(word: str, text: str, source: str) -> bool:
    """The word stands alone among translated words: no English word of the source beside
    it (a phrase kept: `english-left`'s), no quotation mark, bracket, slash or hyphen (a
    quoted value, a gloss, a pair of operations, a part of a name)."""
    english = {w.casefold() for w in re.findall(r"[A-Za-z]+", source)}
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        if token != word:
            continue
        beside = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        return not any(
            not b[0].isalnum() or (b.isascii() and b.casefold() in english) for b in beside
        )
    return False


def check_english_left_pages(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """Every page pass of `english-left`: english.py's, then one word kept in a wide script
    (this module reads english.py's policy, so the two are joined here, not there)."""
    yield from check_english_left_on_page(entries, ctx)
    yield from check_word_kept_on_page(entries, ctx)
    yield from check_country_kept_on_page(entries, ctx)


def check_country_kept_on_page(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """A cell that is a country's English name alone (CLDR's, through Babel: `Canada`,
    `United States`), kept in English in a wide script where the page writes the other
    countries of its cells in the locale: two at least, as many as it keeps. A country
    list half translated; in a spaced script the names may be spelt alike (`Canada`)."""
    if ctx.locale is None or not _wide_locale(ctx):
        return
    countries = _english_countries()
    kept: list[tuple[Entry, str]] = []
    translated = 0
    for entry in entries:
        for source, text in entry.pairs[:1]:
            code = countries.get(source.strip().strip("*_").strip())
            if code is None:
                continue
            if source.strip() == text.strip():
                kept.append((entry, code))
            else:
                translated += 1
    if translated < max(_PAGE_COUNTRIES, len(kept)):
        return
    for entry, code in kept:
        said = _country_name(ctx.locale, code)
        yield (
            entry,
            f"the country {entry.pairs[0][0].strip()!r} left in English: the page writes "
            f"{translated} other countries in {ctx.locale}"
            + (f" (CLDR: {said!r})" if said else ""),
        )


#: Countries of the page's cells written in the locale, at least.
_PAGE_COUNTRIES = 2


@functools.cache
def _english_countries() -> dict[str, str]:
    """CLDR's English names of countries and regions (two-letter codes) -> their code."""
    return {
        name: code
        for code, name in Locale.parse("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }


def _country_name(locale: str, code: str) -> str | None:
    try:
        return Locale.parse(locale.replace("-", "_")).territories.get(code)
    except (ValueError, LookupError, UnknownLocaleError):
        return None
