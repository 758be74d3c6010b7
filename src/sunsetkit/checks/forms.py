"""One translation of a label or two: the comparison `consistency` and `label-spelling`
share.

Two spellings are one translation when they differ only in what a language's grammar or
misplaced markup changes around a label: an inflected ending (case, number,
definiteness: "Dodatkowe zasoby", "dodatkowych zasobach"), function words ("services
basés sur une licence", "Services basés sur la licence"), capitalisation, or bold that
took in a neighbouring word on either side ("avsnittet Marketplace",
"Marketplace-startsidan"). Two different words of the same length stay two translations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .conventions import WIDE

__all__ = [
    "UNSPACED",
    "closed_up",
    "content_words",
    "cut_off",
    "has_form",
    "one_translation",
    "one_verb",
    "particle_first",
    "same_word",
    "took_neighbour",
    "wide_in",
    "word_outside",
]

#: How many last letters a form of a word may change ("Kundenkonto", "Kundenkontos";
#: "konto", "koncie"; "ny", "nytt").
_ENDING = 3
#: The letters two forms of a word share at least, unless the shorter is all of them.
_STEM = 3
#: A space with a Chinese or Japanese character (ideograph, kana, full-width form) on
#: either side: scripts written without spaces. Hangul is not one: Korean spaces words.
UNSPACED = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff"
_WIDE_SPACE = re.compile(rf"(?<=[{UNSPACED}])\s+|\s+(?=[{UNSPACED}])")
_SPLIT = re.compile(r"[\s\-‐–/\u00a0\u202f]+")
_ELISION = re.compile(r"(?<=\w)['’](?=\w)")
_EDGE = '.,:;!?()[]{}"“”„«»‹›「」『』【】《》*'
#: Words compared at most (a label is short; a longer span is a phrase): bounded work.
_WORDS = 12


def content_words(text: str, function_words: frozenset[str], limit: int = _WORDS) -> list[str]:
    """The first `limit` words of a spelling, folded, without function words (all of them
    if it has nothing else: "Nej", "Inga")."""
    words = _words(text)[:limit]
    kept = [w for w in words if w not in function_words]
    return kept or words


def _words(text: str) -> list[str]:
    """Folded words, an elided article or preposition apart ("l'elenco": "l", "elenco");
    a function word written with an apostrophe ("'t") kept whole."""
    found = []
    for token in _SPLIT.split(text.casefold()):
        token = token.strip(_EDGE)
        found += [part for part in _ELISION.split(token) if part]
    return found


def closed_up(text: str) -> str:
    """The text without spaces beside Chinese or Japanese characters: "10 ポイント" and
    "10ポイント", or a space bold left inside ("与 帮助中心"), are one spelling in a
    script written without spaces."""
    if text.isascii():
        return text
    return _WIDE_SPACE.sub("", text)


def same_word(a: str, b: str) -> bool:
    """One word, or two forms of it: the same but for a few last letters."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    shorter = min(len(a), len(b))
    stem = common >= _STEM or (common == shorter >= 2)
    return stem and max(len(a), len(b)) - common <= _ENDING


#: The letters a verb's imperative and its noun share at least ("dodaj", "dodawanie").
_VERB_STEM = 4
#: The letters the imperative adds to that stem (its ending: "-j", "-uj", "-a", "-e").
_VERB_ENDING = 2
#: The letters the noun or infinitive adds at most ("-wanie", "-ieren", "-ación").
_NOUN_SUFFIX = 6


def one_verb(a: str, b: str, suffixes: frozenset[str] = frozenset()) -> bool:
    """Two forms of one word, or a verb's imperative and its noun or infinitive ("dodaj",
    "dodawanie"; "exporta", "exportación"): a shared stem, a short ending on the shorter
    and on the longer one of the locale's `suffixes` (data: its verbal nouns' and
    infinitives' endings). A heading names an action with the noun, a step with the
    imperative: one translation of a label. A bare stem with a longer word ("segment",
    "segmentowanie") is no imperative, and no suffix list makes a compound one."""
    if same_word(a, b):
        return True
    shorter, longer = sorted((a, b), key=len)
    common = 0
    for x, y in zip(shorter, longer, strict=False):
        if x != y:
            break
        common += 1
    added = longer[common:]
    return (
        common >= _VERB_STEM
        and 1 <= len(shorter) - common <= _VERB_ENDING
        and len(added) <= _NOUN_SUFFIX
        and any(added.endswith(suffix) for suffix in suffixes)
    )


def _common_run(
    a: list[str], b: list[str], same: Callable[[str, str], bool] = same_word
) -> tuple[int, list[str]]:
    """The longest run of words (forms of each other) that both hold, and its words."""
    best: tuple[int, list[str]] = (0, [])
    for i in range(len(a)):
        for j in range(len(b)):
            size = 0
            while i + size < len(a) and j + size < len(b) and same(a[i + size], b[j + size]):
                size += 1
            if size > best[0]:
                best = (size, a[i : i + size])
    return best


def one_translation(
    first: str,
    second: str,
    label: str,
    function_words: frozenset[str],
    suffixes: frozenset[str] = frozenset(),
) -> bool:
    """Whether two spellings of the English `label` are one translation: forms of each
    other word for word, one held in the other, or both holding one run of words as long
    as the label (bold spread over different neighbours). A run of words copied from the
    English counts only when it is the whole label: a name shared by two translations
    does not make them one. `suffixes`: the locale's verbal-noun endings (`one_verb`)."""
    a, b = content_words(first, function_words), content_words(second, function_words)
    english = content_words(label, function_words)
    size, run = _common_run(a, b, lambda x, y: one_verb(x, y, suffixes))
    if not size:
        return False
    if len(a) == len(b) == size:
        return True  # forms of one another, word for word
    copied = all(w in english for w in run)  # a cognate (historia, history) is no copy
    if copied:
        return size >= len(english)
    return size == min(len(a), len(b)) or size >= len(english)


def has_form(text: str, spelling: str, function_words: frozenset[str]) -> bool:
    """Whether `text` holds `spelling` or a form of it, word for word (function words
    aside)."""
    wanted = content_words(spelling, function_words)
    words = [w for w in _words(text) if w not in function_words]
    size = len(wanted)
    return any(
        all(same_word(x, y) for x, y in zip(words[i : i + size], wanted, strict=True))
        for i in range(len(words) - size + 1)
    )


#: The letters a word of another translation has at least to mark where the label is.
_MARKING = 4
#: How many words of a message are searched for them (bounded work).
_SCANNED = 200


def word_outside(
    message: str, translation: str, others: list[str], label: str, function_words: frozenset[str]
) -> bool:
    """Bold or a link moved wholly off the label: the message holds a word of another
    translation of it (a form of one) while the span holds none ("Una vez
    **configuradas** las cuentas, seleccione Referencias" beside "**opción
    Referencias**"). Words copied from the English (a name) mark nothing."""
    english = content_words(label, function_words)
    theirs = {
        word
        for other in others
        if other != translation
        for word in content_words(other, function_words)
        if len(word) >= _MARKING and word not in english
    }
    ours = content_words(translation, function_words)
    if not theirs or any(same_word(w, t) for w in ours for t in theirs):
        return False
    found = content_words(message, function_words, _SCANNED)
    return any(same_word(w, t) for w in found for t in theirs)


def cut_off(
    message: str, translation: str, other: str, label: str, function_words: frozenset[str]
) -> bool:
    """Bold that cut a label in two, the placement check's, no second translation: the
    message holds a run of another translation's words as long as the English label (two
    words at least) while the span holds a shorter one ("La **qpagina Qesporta** qdati"
    beside "**qriepilogo Qesporta qdati**": the span took a neighbour, left a word of the
    label outside). Words copied from the English (a name) mark nothing."""
    english = content_words(label, function_words)
    theirs = content_words(other, function_words)
    needed = max(2, len(english))
    if len(theirs) < needed:
        return False
    found = content_words(message, function_words, _SCANNED)
    size, run = _common_run(found, theirs)
    if size < needed or all(w in english for w in run):
        return False
    return _common_run(content_words(translation, function_words), theirs)[0] < size


def took_neighbour(translation: str, other: str, function_words: frozenset[str]) -> bool:
    """Whether `translation` is `other` with a neighbouring word glued into it: its one
    word is `other`'s one word with another word before or after it ("Besitzerstatus",
    "Besitzer"; "overgangsaccount", "Overgang"), which inflection never adds. Only for a
    span whose English has a word beside it to take in: the caller's evidence."""
    ours = content_words(translation, function_words)
    theirs = content_words(other, function_words)
    return len(ours) == len(theirs) == 1 and _compound_of(ours[0], theirs[0])


#: The letters each word of a compound has at least.
_COMPOUND = 4


def _compound_of(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` with another word glued before or after it."""
    return (
        len(shorter) >= _COMPOUND
        and len(longer) - len(shorter) >= _COMPOUND
        and (longer.startswith(shorter) or longer.endswith(shorter))
    )


#: From here on, scripts written without spaces (CJK): no word boundary to respect.
_HIRAGANA = range(0x3040, 0x30A0)
_OPENING = " [「『“\"'"


def wide_in(text: str, spelling: str) -> bool:
    """A spelling of a script written without spaces (CJK) inside the text, anywhere."""
    wide = spelling and all(not c.isalnum() or ord(c) >= WIDE for c in spelling)
    return bool(wide) and spelling.casefold() in text.casefold()


def particle_first(text: str, function_words: frozenset[str]) -> bool:
    """A span that starts with a particle written in hiragana (を参照, について): a label
    never does, the span moved onto the sentence's grammar."""
    return text.strip(_OPENING).startswith(_hiragana_words(function_words))


@functools.lru_cache(maxsize=64)
def _hiragana_words(function_words: frozenset[str]) -> tuple[str, ...]:
    """The function words written in hiragana alone, once per locale's set (a frozenset
    keeps its hash): one startswith of them all, where a test per word per span was
    among the costliest lines of a Markdown page's checks."""
    return tuple(w for w in sorted(function_words) if all(ord(c) in _HIRAGANA for c in w))
