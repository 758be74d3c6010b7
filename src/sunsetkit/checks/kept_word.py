"""One lower-case English word left in a translation of a wide script (CJK, Hangul) where
the page translates it everywhere else: "customer 列表" on a page whose other messages
write "客户" for "customer". `english-left` reads runs of two English words or more; one
word alone it cannot tell from a term the locale borrows, but the page can: three or more
of its messages with the word in their English translate it, with no trace of it.

Only wide scripts are read: there a Latin word is English (or a name) beyond doubt, while
in a Latin-script locale an English word may be the locale's own ("support", "details").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import WIDE
from .english import _kept_by_policy, check_english_left
from .words import function_words

__all__ = ["check_word_kept_on_page"]

#: The page translates the word in at least this many other messages.
_OTHERS = 3
#: Link targets, tags, code, bold (a label kept: `bold-english`'s), addresses, paths
#: and placeholders: no words of the sentence.
_NOT_TEXT = re.compile(
    r"\]\([^)]*\)|<[^>]*>|`[^`]*`|\*\*[^*]*\*\*|(?<![A-Za-z])[A-Za-z]+://\S+"
    r"|(?<![\w/])/\S+|\{[^}]*\}"
)
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
    messages = [m for entry in entries if (m := _message(entry, ctx)) is not None]
    by_word: dict[str, list[tuple[Entry, str, str, frozenset[str]]]] = defaultdict(list)
    for message in messages:
        for word in message[3]:
            by_word[word].append(message)
    for word, having in by_word.items():
        if len(having) <= _OTHERS:
            continue
        kept = [m for m in having if _has(word, m[2])]
        if len(kept) != 1 or any(_has(word, m[2]) for m in messages if word not in m[3]):
            continue  # translated everywhere, kept twice (a term), or a word of other text
        entry, source, text, _ = kept[0]
        if _alone(word, text, source) and not _reported(word, entry, ctx):
            yield (
                entry,
                f"{word!r} left in English: the page translates it in its "
                f"{len(having) - 1} other messages that have it",
            )


def _wide_locale(ctx: MessageContext) -> bool:
    """A locale whose script is wide: the first letter of its name for itself, read from
    its function words (the locale data's, no list of locales here)."""
    words = ctx.glossary.function_words
    return bool(words) and sum(ord(w[0]) >= WIDE for w in words) * 2 > len(words)


def _message(entry: Entry, ctx: MessageContext) -> tuple[Entry, str, str, frozenset[str]] | None:
    """(entry, source, translation as read, the English's lower-case content words)."""
    if not entry.translated or len(entry.pairs) != 1:
        return None
    source, text = entry.pairs[0]
    if source.strip() == text.strip():
        return None
    skip = function_words("en")
    words = frozenset(w for w in _LOWER.findall(_NOT_TEXT.sub(" ", source)) if w not in skip)
    read = _NOT_TEXT.sub(" ", _kept_by_policy(source, text, ctx.glossary.conventions.loanwords))
    return entry, source, read, words


def _reported(word: str, entry: Entry, ctx: MessageContext) -> bool:
    """english-left's message pass reports the word already (one finding for it)."""
    return any(repr(word) in message for message in check_english_left(entry, ctx))


def _has(word: str, text: str) -> bool:
    """The word anywhere in the text, in any case: a trace of it is not translated."""
    return word in text.casefold()


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
