"""A word of the domain translated in its everyday sense: the source says "term" (how long a
subscription runs), "seat" (a licensed user), "deal" (a sale), "test drive" (a demo), and
the translation holds the locale's word for the other sense (Japanese 用語 "a word", Chinese
座位 "a chair", French "marché" "a market", Chinese 驱动器 "a disk drive") and none of the
words for the domain's. en.yaml's `senses` give each word's English forms and the phrases
where its everyday sense is meant ("the term 'tenant'", "deal with"); a locale's `senses`
give, for the words it knows, the `wrong` renderings and the `right` ones, and English
words beside which a wrong one renders another word (French "marché" for "market")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import locale_data
from .meaning import says_no
from .spans import marked

__all__ = ["Sense", "check_sense", "may_use_a_sense", "senses"]


@dataclass(frozen=True)
class Sense:
    """One domain word: its English forms and asides, a locale's wrong and right forms."""

    word: str
    forms: tuple[str, ...]
    aside: tuple[str, ...]
    wrong: tuple[str, ...]
    right: tuple[str, ...]


def _folded(value: object, key: str) -> tuple[str, ...]:
    items = value.get(key) if isinstance(value, dict) else None
    return tuple(str(item).casefold() for item in items or ())


@functools.cache
def senses(locale: str | None) -> tuple[Sense, ...]:
    """The domain words the locale's data gives wrong renderings for, with their English."""
    english = locale_data("en").get("senses") or {}
    own = locale_data(locale).get("senses") or {}
    if not isinstance(english, dict) or not isinstance(own, dict):
        return ()
    found = []
    for word, renderings in own.items():
        source = english.get(word)
        wrong = _folded(renderings, "wrong")
        if not isinstance(source, dict) or not wrong or not _folded(source, "forms"):
            continue
        found.append(
            Sense(
                str(word),
                _folded(source, "forms"),
                _folded(source, "aside") + _folded(renderings, "aside"),
                wrong,
                _folded(renderings, "right"),
            )
        )
    return tuple(found)


@functools.cache
def _first_words(locale: str | None) -> frozenset[str]:
    """The first words of every English form the locale's senses look for."""
    return frozenset(form.split()[0] for sense in senses(locale) for form in sense.forms)


_WORDS = re.compile(r"[\w'-]+")


def may_use_a_sense(entry: Entry, ctx: MessageContext) -> bool:
    """Whether a source word starts one of the senses' English forms (one set lookup per
    word): most messages name none, and neither markup nor patterns are tried for them."""
    if (ctx.locale or "en").startswith("en"):
        return False
    first = _first_words(ctx.locale)
    return bool(first) and not first.isdisjoint(_WORDS.findall(entry.sources.casefold()))


def check_sense(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """The source says a domain word in the domain's sense (outside the phrases of its
    everyday sense, and beside none of its context words), and the translation holds a
    rendering of the word's other sense and none of the right ones, nor the English word
    kept (a label left in English)."""
    for source, text in entry.pairs:
        words = frozenset(_WORDS.findall(source.casefold()))
        plain = _visible(entry, ctx, source).casefold()
        seen = _visible(entry, ctx, text)
        for sense in senses(ctx.locale):
            if words.isdisjoint(form.split()[0] for form in sense.forms):
                continue  # as the precondition reads: a word markup splits is not said
            phrases, context = _asides(sense)
            rest = _without(plain, phrases)
            said = _says_english(rest, sense.forms)
            if said is None or any(word in plain for word in context):
                continue
            other = says_no(seen, sense.wrong)
            if other is None or says_no(seen, sense.right) or _kept(seen, said, sense):
                continue
            yield (
                f"{said!r} is the domain's word here, and the translation says {other!r}, "
                "its everyday sense, and none of the locale's words for the domain's"
            )
            return


@functools.cache
def _asides(sense: Sense) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The asides that hold the word itself, a phrase of its everyday sense ("in order to",
    "deal with"), which only that occurrence leaves aside, and the others, words of a
    context that leave the whole message aside ("MFA" beside a claim, "renew" beside
    Spanish "renovación")."""
    phrases = tuple(a for a in sense.aside if _says_english(a, sense.forms) is not None)
    return phrases, tuple(a for a in sense.aside if a not in phrases)


def _without(text: str, phrases: tuple[str, ...]) -> str:
    """The text with each phrase cut out ("in order to cancel the order" keeps its second
    "order")."""
    for phrase in phrases:
        if phrase in text:
            text = text.replace(phrase, " ")
    return text


def _kept(text: str, said: str, sense: Sense) -> bool:
    """Whether the translation keeps the source's English word: unless the locale spells
    its wrong rendering so (Dutch "term", a word of a glossary), which is then no English."""
    return said not in sense.wrong and _says_english(text.casefold(), (said,)) is not None


def _says_english(text: str, forms: tuple[str, ...]) -> str | None:
    """The first of the English forms the (folded) text holds as whole words ("term" is no
    part of "long-term" or "terminal")."""
    found = _english(forms).search(text.replace("’", "'"))
    return found.group() if found else None


@functools.cache
def _english(forms: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(forms, key=lambda form: (-len(form), form))))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: markup and link targets aside."""
    return marked(entry, ctx.md, text).text if ctx.md is not None else text
