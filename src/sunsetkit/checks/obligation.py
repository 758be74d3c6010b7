"""An obligation the source does not state: the translation says "must" (Japanese
`必要があります`, Korean `해야 합니다`) where the English says one wants, may or is unable
to, and nothing of need (`you want to get insights` as "you must get insights", `you'll be
unable to make purchases` as "you must make purchases"). The locale's words that say
nothing but obligation are data (`obligations`); the English words of obligation, which
leave a translation free to say one, and of wish or possibility, which it turned into one,
are en.yaml's (`obligations`, `volitions`)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import locale_data
from .meaning import says_no

__all__ = ["check_added_obligation", "may_add_obligation"]


@functools.cache
def _words(locale: str | None, key: str) -> tuple[str, ...]:
    return tuple(sorted(str(w).casefold() for w in locale_data(locale).get(key) or ()))


def may_add_obligation(entry: Entry, ctx: MessageContext) -> bool:
    """check_added_obligation's precondition: a word of the locale's `obligations` in the
    translation (a plain search; most locales have none)."""
    words = _words(ctx.locale, "obligations")
    translations = entry.translations
    return any(word in translations for word in words)


def check_added_obligation(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The translation says the locale's "must" where the source says a wish or a
    possibility (want, may, unable) and no obligation (must, need, should, required, make
    sure, responsible, only): the reader is told to do what the English leaves open."""
    own = _words(ctx.locale, "obligations")
    for source, text in entry.pairs:
        said = next((word for word in own if word in text), None)
        if said is None:
            continue
        english = source.casefold()
        if says_no(english, _words("en", "obligations")):
            continue
        wish = says_no(english, _words("en", "volitions"))
        if wish is not None:
            yield (
                f"the translation says {said!r}, an obligation, where the source says "
                f"{wish!r} and states none"
            )
