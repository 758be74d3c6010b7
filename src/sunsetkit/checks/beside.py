"""A span that moved or shrank off one of its words, told by that word's cognate standing
just outside it: "**Licenses geographical spread**" as "W **widoku rozrzutów**
geograficznych licencji", "[API reference](x)" as "Referência da [API](x)".

A cognate (a word that begins like the English word once both are spelt alike: c and k,
ph and f, y and i, doubled letters) or the English word itself, an acronym (CSP, BI,
however short), or a number, is evidence no dictionary is needed for. It counts only
where the translation has it outside every span of the kind more often than the source
has it outside them (so a word the sentence repeats is no evidence), within a few words
of the span, and nowhere inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from anyascii import anyascii

from ..errors import clip
from .conventions import locale_data
from .spans import Marked, Plain
from .words import function_words

__all__ = ["content_words", "left_beside", "stem"]

#: Letters a cognate shares with the English word from its first (after spelling alike).
_STEM = 5
#: Shorter English words are too often the locale's own ("data", "plan"), or say little.
_SHORTEST = 4
#: The shortest acronym: two capitals.
_ACRONYM = 2
#: How many words either side of the span may hold the word it lost.
_NEAR = 3
#: A sentence marks at most this many spans of a kind; more are a list.
_SPANS = 8
_WORD = re.compile(r"\w+")
_SPELLING = (("ph", "f"), ("qu", "kw"), ("c", "k"), ("y", "i"), ("z", "s"))
_DOUBLE = re.compile(r"(.)\1")
#: A gloss in parentheses.
_GLOSS = re.compile(r"[(（][^()（）]*[)）]")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The word spelt alike across languages: anyascii, folded, c/k, ph/f, y/i and doubled
    letters made one ("gallery" and "galerii", "subscription" and "subskrypcji")."""
    folded = anyascii(word).casefold()
    for old, new in _SPELLING:
        folded = folded.replace(old, new)
    return _DOUBLE.sub(r"\1", folded)[:_STEM]


def _stems(text: str) -> Counter[str]:
    return Counter(stem(w) for w in _WORD.findall(text) if len(w) >= _SHORTEST or _kept(w))


def _kept(word: str) -> bool:
    """A number, or an acronym (CSP, PCI): kept as written in every language, however short."""
    return word.isdigit() or (len(word) >= _ACRONYM and word.isupper() and word.isalpha())


def content_words(inside: str) -> list[str]:
    """The English span's words that a translation keeps recognisable: content words of
    four letters or more, and numbers."""
    english = function_words("en")
    return [
        w
        for w in _WORD.findall(inside)
        if _kept(w) or (len(w) >= _SHORTEST and w.isalpha() and w.casefold() not in english)
    ]


def _between(plain: Plain, spans: list[Marked], index: int) -> tuple[str, str]:
    """The plain text before and after spans[index], up to the next span of its kind."""
    span = spans[index]
    start = spans[index - 1].end if index else 0
    end = spans[index + 1].start if index + 1 < len(spans) else len(plain.text)
    return plain.text[start : span.start], plain.text[span.end : end]


def _near(before: str, after: str) -> Counter[str]:
    """The words within reach of the span, glosses in parentheses left out: the English
    kept beside the locale's term ("**AOBO**-Rechte (Admin on Behalf Of)") or the
    locale's beside the English is a gloss, not a word the span lost."""
    before, after = _GLOSS.sub(" ", before), _GLOSS.sub(" ", after)
    return _stems(" ".join(before.split()[-_NEAR:] + after.split()[:_NEAR]))


def left_beside(
    theirs: Plain, ours: Plain, kind: str, links: tuple[str, ...] = ()
) -> Iterator[str]:
    """Each span of `kind` whose English holds a word (or number) that the translation has
    next to the span instead of in it. The words near each span are read first; the whole
    texts are counted only for a word found there (most spans have none). `links`: the
    locale's prepositions that put a modifier after its noun (see `_moved_after`)."""
    source = [s for s in theirs.spans if s.kind == kind]
    text = [s for s in ours.spans if s.kind == kind]
    if not source or len(source) != len(text) or len(source) > _SPANS:
        return
    counts: tuple[Counter[str], Counter[str], Counter[str]] | None = None
    for index, (was, now) in enumerate(zip(source, text, strict=True)):
        before, after = _between(ours, text, index)
        words = content_words(theirs.inside(was))
        if not words or not _WORD.search(before + after):
            continue  # nothing to tell, or the whole sentence is the span
        near = _near(before, after)
        found = [w for w in words if stem(w) in near]
        if not found:
            continue
        if counts is None:
            counts = (
                _stems(" ".join(ours.inside(s) for s in text)),
                _stems(theirs.outside(kind, " ")),
                _stems(ours.outside(kind, " ")),
            )
        inside_any, source_out, text_out = counts
        for word in found:
            folded = stem(word)
            if inside_any[folded] or text_out[folded] <= source_out[folded]:
                continue
            english = theirs.inside(was), _between(theirs, source, index)[1]
            if _moved_after(word, english, ours.inside(now), (before, after), links):
                continue
            if kind == "link" and _kind_noun(word, english[0], before, ours.inside(now)):
                continue
            yield (
                f"{kind} {clip(ours.inside(now).strip())} leaves out {word!r} of the English "
                f"{clip(theirs.inside(was).strip())}, which stands beside it: the {kind} "
                "moved off part of its words"
            )
            break


def _moved_after(
    word: str,
    english_span: tuple[str, str],
    inside: str,
    around: tuple[str, str],
    links: tuple[str, ...],
) -> bool:
    """The English span's modifier that the locale's word order puts after the noun with a
    preposition, just after the span ("[MPA FAQ](x)" as "[veelgestelde vragen](x) over
    MPA"): the span holds the noun, its own words. Only for an English compound (no
    function word, at most `_COMPOUND` content words: not "in the commercial marketplace"),
    a word of it before its head (its last word), a span that holds a content word and that
    is no modifier itself (no preposition just before it: "handleiding voor [gereedheid]"),
    and an English span that modifies no noun after it (`_compound_goes_on`)."""
    english, english_after = english_span
    if _compound_goes_on(english_after):
        return False
    before, after = around
    tail = " ".join(after.split()[:4]).casefold().replace("’", "'")
    folded = stem(word)
    if not any(folded in _linked(tail, link) for link in links):
        return False
    previous = before.split()[-1:]
    if previous and previous[0].casefold() in links:
        return False
    words, content = _WORD.findall(english), content_words(english)
    english_function = function_words("en")
    return (
        0 < len(content) <= _COMPOUND
        and stem(content[-1]) != folded
        and not any(w.casefold() in english_function for w in words)
        and any(len(w) >= _SHORTEST and w.isalpha() for w in _WORD.findall(inside))
    )


def _kind_noun(word: str, english: str, before: str, inside: str) -> bool:
    """The noun that ends a link to a page or a document and names its kind ("[Benefits
    page](x)", en.yaml `kind_nouns`), said just before the link, only function words
    between, and no other word of the English link before it: the locale says the noun
    first and outside the link ("page [Avantages](x)", "le document sur les [X](x)"),
    which still names the page. A longer word between ("Guide d'inscription aux [incentives]")
    or the name's words beside the noun ("Operations Guide voor meer [informatie]") is a
    link moved off its words, unless the link holds every one of them (the sentence named
    the product before: "sur Azure Security Center, consultez la documentation [Azure
    Security Center](x)")."""
    words = _WORD.findall(english)
    if len(words) < 2 or words[-1] != word or word.casefold() not in _listed_en("kind_nouns"):
        return False
    if not before[-1:].isspace():
        return False  # the link glued to a word: it cut one ("documento Q&[A](x)")
    said = _WORD.findall(before)
    at = max((i for i, w in enumerate(said) if stem(w) == stem(word)), default=-1)
    if at < 0:
        return False
    between = said[at + 1 :]
    if len(between) > _NEAR or any(len(w) > _LINKING for w in between):
        return False  # a word of the name between: the link left it out
    common = function_words("en")
    name = {stem(w) for w in words[:-1] if len(w) >= _SHORTEST and w.casefold() not in common}
    if name and name <= {stem(w) for w in _WORD.findall(inside)}:
        return True
    return not any(stem(w) in name for w in said[max(0, at - _NEAR) : at])


#: The most letters of a word between the noun and the link: articles and prepositions
#: ("sur les", "du", "im"), where a word of the name is longer.
_LINKING = 3


@lru_cache(maxsize=4)
def _listed_en(key: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in locale_data("en").get(key) or ())


@lru_cache(maxsize=1)
def label_nouns() -> frozenset[str]:
    """English nouns naming a kind of control (`label_nouns` in en.yaml)."""
    return frozenset(str(w) for w in locale_data("en").get("label_nouns") or ())


#: The longest English compound read as modifiers before a noun ("Partner Frontline Support").
_COMPOUND = 5


def _linked(tail: str, link: str) -> set[str]:
    """The stems of the words after the preposition `link` that opens the text after a span:
    the modifier phrase ("over MPA", "de l'expiration")."""
    if not tail.startswith(link) or not (
        link.endswith("'") or tail[len(link) : len(link) + 1] == " "
    ):
        return set()
    return {stem(w) for w in _WORD.findall(tail[len(link) :])[:_NEAR]}


def _compound_goes_on(after: str) -> bool:
    """The English span modifies the noun after it ("[Administrator Takeover](x) steps"):
    the translation may put that noun first, inside the span, so the span's edges tell
    nothing of the modifier's place. A control's noun after it ("**X** tab") is no such noun."""
    following = after.split()[:1]
    word = following[0].strip(".,:;!?)") if following else ""
    nouns = label_nouns()
    return (
        word.isalpha() and word.islower() and word not in function_words("en") and word not in nouns
    )
