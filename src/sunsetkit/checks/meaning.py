"""Meaning a machine translation lost, seen from structure both texts share: a negation of
the source with no negation at all in the translation, and a word doubled that the source
has once. Each reads only what the locale data lists (locale_data/: `negations`), so a
locale without them is not checked."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import conventions
from .spans import marked

__all__ = ["check_doubled_word", "check_negation", "says_no"]

_WIDE = 0x2E80  # from here on, scripts whose words a form may sit inside (CJK, Hangul)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})
#: English kept in the translation (a label, a quoted message): its negation is there.
_ENGLISH_NO = re.compile(r"(?<![\w'])(?:not|never|cannot|\w+n't)(?![\w'])")


@functools.cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One search for any of the forms: a CJK or Hangul form anywhere (it is part of a
    word: 않습니다, 不支持), any other a whole word, or a word's start for a stem (`kein*`),
    or before a letter for an elision (`n'`)."""
    parts = []
    for form in forms:
        stem = form.endswith("*")
        word = form.rstrip("*")
        if not word:
            continue
        if ord(word[0]) >= _WIDE:
            parts.append(re.escape(word))
            continue
        # a word's edges; a form that starts with a space (Korean " 안") brings its own
        start = r"(?<!\w)" if word[0].isalnum() else ""
        end = "" if stem or not word[-1].isalnum() else r"(?![\w'])"
        parts.append(start + re.escape(word) + end)  # after an elision too: l'impossibilité
    return re.compile("|".join(parts)) if parts else None


def says_no(text: str, forms: tuple[str, ...]) -> str | None:
    """The first of the (folded) forms the text holds, or None."""
    pattern = _pattern(forms)
    found = pattern.search(text.casefold().translate(_APOSTROPHES)) if pattern else None
    return found.group() if found else None


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: markup and link targets aside."""
    return marked(entry, ctx.md, text).text if ctx.md is not None else text


def check_negation(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The source negates a verb (cannot, don't, never) and the translation holds none of
    the locale's words that say no: it says the opposite, or lost the clause. Phrases whose
    negation a translation says otherwise ("not limited to", "unless", "only") leave the
    source alone; English kept in the translation keeps its negation."""
    own = conventions(ctx.locale).negations
    english = conventions("en")
    if not own or (ctx.locale or "en").startswith("en"):
        return
    for source, text in entry.pairs:
        plain = _visible(entry, ctx, source)
        found = says_no(plain, english.negations)
        if found is None or says_no(plain, english.negation_aside):
            continue
        seen = _visible(entry, ctx, text).translate(_APOSTROPHES)
        if _ENGLISH_NO.search(seen.casefold()) or says_no(seen, own):
            continue
        yield (
            f"the source says {found!r} and the translation has no negation at all: it "
            "says the opposite, or lost the clause"
        )
        return


#: One word twice, one space between (a double space parts two cells or columns). Letters
#: only: "10 10" and "A1 A1" are values.
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]{2,}) \1(?![\w'’-])")


def check_doubled_word(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A word written twice in a row ("tiers tiers", "Training Training") that the source
    does not double and has at most once: machine translation's stutter, often where a
    word was lost. The locale's function words are left alone (German "die die", French
    "vous vous" are grammar)."""
    if (ctx.locale or "en").startswith("en"):
        return
    words = ctx.glossary.function_words
    for source, text in entry.pairs:
        seen = _visible(entry, ctx, text).translate(_APOSTROPHES)
        if " " not in seen:
            continue
        for match in _DOUBLED.finditer(seen):
            word = match.group(1)
            if word.casefold() in words or _twice(_visible(entry, ctx, source), word):
                continue
            yield f"{match.group()!r}: a word doubled that the source has once"
            return


def _twice(source: str, word: str) -> bool:
    """The source has the word more than once: a translation may bring the two together."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", source, re.IGNORECASE)) > 1
