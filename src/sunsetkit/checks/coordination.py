"""One item said twice around the locale's "and" or "or" where the source joins two
different words: machine translation renders near-synonyms as one word ("billing and
invoicing" as `facturación y facturación`, "buy or purchase" as `購入または購入`), and the
second meaning is lost. `repeated-item` reports it; its list-end rule is the narrow case.

The locale's words that join two items are data (`coordinators`; en.yaml's for the
source, with `back_references`: the pronouns after an English "and" that a translation
may say with the noun again, "you and your provider" as `사용자 및 사용자의 공급자`)."""

from __future__ import annotations

import functools
import re

from .beside import stem
from .conventions import locale_data
from .words import function_words

__all__ = ["coordinated_twice", "coordinator_probes"]

#: How many content words around the source's "and" a word shared by both sides is
#: looked for in: a source that says one word on both sides ("Create or update
#: opportunity in the CRM and update", "devices or device groups") lets the translation
#: say it twice. Farther, the word is another clause's ("your company is registered and
#: enrolled as your access is tied to your company status").
_REACH = 3
#: A word of the source, acronyms with their dots dropped ("U.S." as "US").
_EN_WORD = re.compile(r"[A-Za-z]+(?:\.[A-Z](?=\.))*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
#: The most words of one item in a spaced script ("los requisitos", "platformą handlową").
_ITEM_WORDS = 3
#: How far before a coordinator a spaced script's item is looked for, in characters.
_SPACED_ITEM = 120
#: Markup and quotation marks an item's first word may carry before its letters.
_OPENERS = "[(*_\"'„«“‘¿¡"
#: The longest item of a wide script, in characters (`开发市场`, `ワークフロー`).
_WIDE_ITEM = 12


@functools.cache
def coordinators(locale: str | None) -> tuple[str, ...]:
    """The locale's words that join two items (`und`, `または`, `和`), folded, longest first."""
    words = locale_data(locale).get("coordinators") or ()
    return tuple(sorted({str(w).casefold() for w in words}, key=lambda w: (-len(w), w)))


@functools.cache
def coordinator_probes(locale: str | None) -> tuple[str, ...]:
    """What a translation that may hold a coordinator holds, folded, for a plain search
    before the pattern: the word itself in a wide script, with a space each side else."""
    if _wide(locale):
        return coordinators(locale)
    return tuple(f" {word} " for word in coordinators(locale))


@functools.cache
def _wide(locale: str | None) -> bool:
    return bool(locale_data(locale).get("coordinators_glued"))


@functools.cache
def _joiner(locale: str | None) -> re.Pattern[str] | None:
    """A coordinator of the locale: between spaces in a spaced script, anywhere in a wide one."""
    words = coordinators(locale)
    if not words:
        return None
    alternatives = "|".join(map(re.escape, words))
    if _wide(locale):
        return re.compile(f"(?:{alternatives})")
    return re.compile(rf",? (?:{alternatives}) ")  # as the precondition's probes: lower case


def coordinated_twice(source: str, text: str, locale: str | None) -> str | None:
    """The first item of the translation said on both sides of a coordinator ("X and X"),
    where the source joins two different words; None otherwise."""
    joiner = _joiner(locale)
    if joiner is None or not _english_joiner().search(source):
        return None  # the source joins nothing (about half the messages): no item to lose
    for found in joiner.finditer(text):
        before, after = text[: found.start()], text[found.end() :]
        item = _wide_item(before, after, locale) if _wide(locale) else _item(before, after, locale)
        if item and _content(item, locale) and _joins_two(source, item):
            if not _wide(locale) and _distributed(source, item, (before, after), locale):
                continue
            return f"{item}{found.group()}{item}"
    return None


#: How many words after the second item its own modifier is read in.
_COMPLEMENT = 4


def _distributed(source: str, item: str, around: tuple[str, str], locale: str | None) -> bool:
    """The source's two modifiers of one noun ("new or renewing customers", "perpetual
    and server subscription software orders", "ready or partner solution") said each with
    its own noun (`nuovi clienti o clienti che eseguono il rinnovo`, `gotowe rozwiązanie
    lub rozwiązanie partnera`): the item is that noun, a word of the locale before the
    first (its modifier) and one after the second that is its own modifier, not the
    sentence going on (`Godkänt eller Godkänt i Partnercenter`): opened by a preposition or
    relative word (`voor`, `che`; articles after it skipped, `op het gebied`) and rendering
    no word the English says after its noun, or, with no such word, the English modifier
    itself (a genitive or a kept acronym, `partnera` for "partner", `IUR`).
    No meaning is lost; `X and X` with nothing around is."""
    words = function_words(locale)
    if item.split()[0].casefold() in words:
        return False  # `de facturation et de facturation`: a modifier phrase, no noun
    before, after = around
    previous = before[: -len(item)].split()[-1:]
    if not previous or not previous[0].isalpha() or previous[0].casefold() in words:
        return False
    rest = after[len(item) :].split()[:_COMPLEMENT]
    if len(rest) < 1 or item.casefold() in " ".join(rest).casefold():
        return False  # the item a third time: `sprzedaży i sprzedaży w sprzedaży`
    shared = _shared_head(source)
    if shared is None:
        return False
    modifiers, tail = shared
    if rest[0].casefold() not in _links(locale):
        # `comprar reservas`: the second item's object, unless it is the English modifier
        return _says_modifier(rest[0], modifiers)
    own = next((w for w in rest[1:] if w.casefold() not in words), "").strip(".,;:!?)")
    if not own.replace("-", "").isalpha():
        return False
    return stem(own) not in {stem(w) for w in _EN_WORD.findall(tail)}


def _says_modifier(word: str, modifiers: list[str]) -> bool:
    """Whether a word of the translation is one of the English modifiers, kept or spelt
    alike (`partnera` for "partner", `IUR`): the second noun's own modifier."""
    bare = word.strip(".,;:!?)")
    if len(bare) < 3 or not bare.replace("-", "").isalpha():
        return False
    return any(
        stem(bare) == stem(m) and len(m) >= 3 and m.casefold() not in function_words("en")
        for m in modifiers
    )


@functools.cache
def _links(locale: str | None) -> frozenset[str]:
    """The locale's prepositions and relative words that put a modifier after its noun
    (`modifier_links`: `voor`, `för`, `z`; `complement_links`: `che`, `de`), one word
    each; empty where the locale lists none."""
    data = locale_data(locale)
    words = [*(data.get("modifier_links") or ()), *(data.get("complement_links") or ())]
    return frozenset(str(w).casefold() for w in words if " " not in str(w))


def _shared_head(source: str) -> tuple[list[str], str] | None:
    """The two modifiers of a noun the English coordinates and what it says after the
    noun: one word before the coordinator (after a function word, a verb's -ing form or the
    start, no comma) and two content words or more after it before any other word, the
    last of them the noun; None where the source has no such coordination."""
    english = _LINK_TARGET.sub("]", source).replace("*", "")
    for join in _english_joiner().finditer(english):
        left = english[: join.start()].split()[-2:]
        if not left or not _plain_content(left[-1]):
            continue
        if len(left) == 2 and _plain_content(left[0]) and not left[0].endswith("ing"):
            continue  # "a free trial or test drive": two nouns joined
        right = english[join.end() :].split()
        run = 0
        while run < len(right) and _plain_content(right[run]):
            run += 1
        if run < len(right) and _plain_content(right[run].rstrip(".,;:!?)")):
            run += 1  # the noun, with the sentence's punctuation after it
        if run >= 2:
            modifiers = [left[-1], *(w.rstrip(".,;:!?)") for w in right[: run - 1])]
            return modifiers, " ".join(right[run:])
    return None


def _plain_content(word: str) -> bool:
    """An English word of letters (a hyphen inside: "solution-area") that is no function
    word."""
    return word.replace("-", "").isalpha() and word.casefold() not in function_words("en")


def _item(before: str, after: str, locale: str | None) -> str | None:
    """The last one to three words before the coordinator when the words after it begin
    with them, the longest first; words of letters only (markup, numbers and a hanging
    hyphen, `af- en af-`, are no item). The second may carry one of the locale's
    `coordination_particles` glued to it (Korean `알림 또는 알림을`)."""
    words = before[-_SPACED_ITEM:].split()[-_ITEM_WORDS:]
    first = after[:1].casefold()
    if not any(word.lstrip(_OPENERS)[:1].casefold() == first for word in words):
        return None  # most joiners: no item before begins as the words after do
    head = after[: _SPACED_ITEM + 1].casefold()  # never the whole text: linear per joiner
    for count in range(min(_ITEM_WORDS, len(words)), 0, -1):
        item = " ".join(words[-count:]).lstrip(_OPENERS)  # `[Facturación y facturación](x)`
        if item.endswith(("-", "‐")) or not all(w.isalpha() for w in item.replace("-", "").split()):
            continue
        folded = item.casefold()
        if head.startswith(folded) and _item_ends_at(head, len(folded), locale):
            return item
    return None


def _item_ends_at(text: str, end: int, locale: str | None) -> bool:
    if end == len(text) or not _word_char(text[end]):
        return True
    glued = _GLUED.match(text, end)
    return glued is not None and glued.group() in _particles(locale)


#: The letters glued after a word (a Korean particle), up to the next non-letter.
_GLUED = re.compile(r"[^\W\d_]+")


@functools.cache
def _particles(locale: str | None) -> frozenset[str]:
    return frozenset(str(w) for w in locale_data(locale).get("coordination_particles") or ())


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-‐/"


def _wide_item(before: str, after: str, locale: str | None) -> str | None:
    """In a script without spaces, the item is the run of its script's characters before
    the coordinator (kanji and katakana run into a particle, `開発と開発の`); in Chinese,
    where every word is of one script, the longest tail of two characters or more that
    the words after repeat and end, a character of another script or one of the locale's
    `coordination_ends` (`的`) after it."""
    if not after or after[0] not in before[-_WIDE_ITEM:]:
        return None  # most joiners: what follows does not begin an item said before
    ends = _item_ends(locale)
    if not ends:  # Japanese: the item ends where its script does
        tail = before[-_WIDE_ITEM - 1 :][::-1]  # never the whole text: linear per joiner
        run = _run(tail)[::-1]
        if len(run) == len(tail) > _WIDE_ITEM:
            return None  # a run longer than any item
        rest = after[len(run) :]
        said = len(run) > 1 and _run(after[: len(run) + 1]) == run
        return run if said and not rest.startswith("/") else None
    for size in range(min(_WIDE_ITEM, len(before)), 1, -1):
        item = before[-size:]
        if _run(item) != item or not after.startswith(item):
            continue
        rest = after[size:]
        if not rest or (not _ideograph(rest[0]) and rest[0] != "/") or rest[0] in ends:
            return item
    return None


@functools.cache
def _item_ends(locale: str | None) -> frozenset[str]:
    return frozenset(str(w) for w in locale_data(locale).get("coordination_ends") or ())


def _run(text: str) -> str:
    """The leading run of kanji, hanzi or katakana."""
    end = 0
    while end < len(text) and (_ideograph(text[end]) or _katakana(text[end])):
        end += 1
    return text[:end]


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _katakana(char: str) -> bool:
    return "\u30a0" <= char <= "\u30ff"


def _content(item: str, locale: str | None) -> bool:
    """An item with a word of the locale's that is no function word (`der bzw. der`,
    `werden und werden` are grammar)."""
    words = function_words(locale)
    return any(w.casefold() not in words for w in item.split())


def _joins_two(source: str, item: str) -> bool:
    """The source holds a coordinator, no word it says on both sides of one (a stem
    shared: "Taxes and tax exemptions", "Save or Save & download"), no pronoun after
    one that the translation may say as the noun again, and not the item itself twice
    (English kept: `CSP Azure and … Azure`)."""
    english = _LINK_TARGET.sub("]", source)
    joins = list(_english_joiner().finditer(english))
    if not joins or english.casefold().count(item.casefold()) > 1:
        return False
    return not any(_shares(english, join) for join in joins)


def _shares(english: str, join: re.Match[str]) -> bool:
    """Whether the two sides of a source's coordinator say one word (within `_REACH`
    content words, or the first word after it anywhere before: "accounts with future
    potential and accounts who"), or the second side refers back to the first with a
    pronoun ("you and your provider", "users and the information about them")."""
    left = _content_words(english[: join.start()])
    after = _content_words(english[join.end() :], keep_pronouns=True)
    if after and after[0] in _pronouns("back_references"):
        return True
    if any(w in _pronouns("back_pronouns") for w in after[:_REACH]):
        return True
    right = [w for w in after if w not in _pronouns("back_references")]
    if right and any(_stem_alike(w, right[0]) for w in left[-3 * _REACH :]):
        return True
    return any(_stem_alike(a, b) for a in left[-_REACH:] for b in right[:_REACH])


def _content_words(text: str, keep_pronouns: bool = False) -> list[str]:
    """Folded words that are no English function word; acronyms (`US`, `EA`) are kept."""
    english = function_words("en")
    kept = (
        _pronouns("back_references") | _pronouns("back_pronouns") if keep_pronouns else frozenset()
    )
    words = []
    for word in _EN_WORD.findall(text):
        folded = word.replace(".", "").casefold()
        if len(folded) < 2:  # the "s" of "customer's"
            continue
        if word.isupper() or folded in kept or folded not in english:
            words.append(folded)
    return words


def _stem_alike(first: str, second: str) -> bool:
    """One word, in the singular or the plural (`tax`, `taxes`), as a verb and its -ing
    form (`use`, `using`), or with a prefix that negates it (`register`, `unregister`:
    `opposite_prefixes`). Words that share only a stem say two things a translation must
    keep apart ("developed vs. developing" as `开发与开发`)."""
    if not _forms(first).isdisjoint(_forms(second)):
        return True
    short, long = sorted((first, second), key=len)
    return long.endswith(short) and long[: -len(short)] in _pronouns("opposite_prefixes")


def _forms(word: str) -> set[str]:
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    return forms


@functools.cache
def _english_joiner() -> re.Pattern[str]:
    """The source's coordinators: between spaces, or a slash between two words."""
    words = "|".join(map(re.escape, coordinators("en")))
    return re.compile(rf"\s(?:{words})\s|(?<=[A-Za-z])/(?=[A-Za-z])", re.IGNORECASE)


@functools.cache
def _pronouns(key: str) -> frozenset[str]:
    """A word list of en.yaml, folded (`back_references`, `back_pronouns`,
    `opposite_prefixes`)."""
    words = locale_data("en").get(key) or ()
    return frozenset(str(w).casefold() for w in words)
