"""Broken grammar that only the page shows (`grammar` over a whole page or catalog): the
page's own translations are the evidence of how the locale writes a word.

- A noun in lower case after its article or a preposition ("der anzahl") in a locale that
  capitalises nouns, where the page writes the same word capitalised inside a sentence at
  least as often as in lower case ("die Anzahl").
- A kept name between a determiner or a preposition and the noun the English put after it
  ("la Power Automate soluzione" for "the Power Automate solution"): the English order of
  a noun adjunct, where the locale puts the noun first. The word is a noun where the page
  writes it after a determiner no verb follows and before no content word ("una soluzione
  di", not "il relativo documento"), or right before the name ("la soluzione Contoso").

Locale knowledge is the `grammar` key of locale_data (README.md there): `determiners`,
`prepositions`, `relative_pronouns` and `capitalised_nouns` (de), `determiners`,
`prepositions`, `noun_openers` and `name_before_noun` (es, fr, it, pt-BR)."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .grammar import check_grammar

__all__ = ["PageGrammar", "check_grammar_on_page", "page_grammar"]


@dataclass(frozen=True)
class PageGrammar:
    #: Articles (and their contractions with a preposition), possessives, demonstratives.
    determiners: frozenset[str] = frozenset()
    #: The locale writes every noun with a capital (German).
    capitalised_nouns: bool = False
    #: Determiners that also open a relative clause after a comma ("Partner, die melden").
    relative_pronouns: frozenset[str] = frozenset()
    #: The locale puts a noun before the name that qualifies it (Romance languages).
    name_before_noun: bool = False
    #: Determiners no verb follows (no clitic pronoun spelled so): a word after one is a noun.
    noun_openers: frozenset[str] = frozenset()
    #: Prepositions a noun phrase follows ("di", "mit"; German "zu" and "um" take a verb).
    prepositions: frozenset[str] = frozenset()


@functools.cache
def page_grammar(locale: str | None) -> PageGrammar:
    data = locale_data(locale).get("grammar")
    if not isinstance(data, dict):
        return PageGrammar()
    return PageGrammar(
        determiners=_set(data.get("determiners")),
        capitalised_nouns=bool(data.get("capitalised_nouns")),
        relative_pronouns=_set(data.get("relative_pronouns")),
        name_before_noun=bool(data.get("name_before_noun")),
        noun_openers=_set(data.get("noun_openers")),
        prepositions=_set(data.get("prepositions")),
    )


def _set(words: object) -> frozenset[str]:
    return frozenset(map(str, words)) if isinstance(words, list) else frozenset()


def check_grammar_on_page(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """Each translated message once, with the first broken phrase the page shows."""
    own = page_grammar(ctx.locale)
    if not own.determiners or (ctx.locale or "en").startswith("en"):
        return
    pairs = [(e, e.pairs[0][0], _plain(e.pairs[0][1])) for e in entries if e.pairs]
    found = itertools.chain(
        _lower_nouns(own, pairs, ctx.locale) if own.capitalised_nouns else (),
        _names_before_nouns(own, pairs, ctx) if own.name_before_noun else (),
    )
    done: set[int] = set()
    for entry, message in found:
        # one finding a message: none where the message's own grammar finds one
        if id(entry) not in done and next(check_grammar(entry, ctx), None) is None:
            done.add(id(entry))
            yield entry, message


#: What is no running prose: bold and italic (labels), code, quotes, link targets, tags.
_MARKED = re.compile(
    r"\*\*[^*\n]*\*\*|(?<![\w*])\*[^*\n]+\*|`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]*>"
    r"|\"[^\"\n]*\"|„[^“\n]*“|“[^”\n]*”|«[^»\n]*»|'[^'\n]*'"
)


def _plain(text: str) -> str:
    """The running prose of a translation, each marked span a bar that no word joins."""
    return _MARKED.sub(" | ", text)


# --- a noun in lower case -----------------------------------------------------------------

_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
#: A capitalised word inside a sentence (after a lower-case word), no capitalised word
#: after it: a noun, not a title or a name of several words.
_CAPITAL_INSIDE = re.compile(
    rf"(?<=[{_LOWER}] )[{_UPPER}][{_LOWER}]{{3,}}(?=[ ,.;:!?)](?! *[{_UPPER}\d]))"
)
_LOWER_WORD = re.compile(rf"(?<![\w-])[{_LOWER}]{{4,}}(?![\w-])")
#: A determiner, maybe an adjective (a declined ending), a lower-case word, what follows.
_AFTER_DETERMINER = re.compile(
    rf"(?<![\w-])(?P<det>[^\W\d_]+) (?:(?P<adj>[{_LOWER}]{{3,}}(?:e|en|er|es|em)) )?"
    rf"(?P<word>[{_LOWER}]{{4,}})(?![\w-])(?P<next> *\S?)"
)


def _lower_nouns(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]], locale: str | None
) -> Iterator[tuple[Entry, str]]:
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for _, _, text in pairs:
        capital.update(_CAPITAL_INSIDE.findall(text))
        lower.update(_LOWER_WORD.findall(text))
    if not capital:
        return
    function_words = conventions(locale).function_words | own.determiners
    for entry, source, text in pairs:
        found = _lower_noun(own, capital, lower, function_words, (source, text))
        if found:
            det, word = found
            noun = word[0].upper() + word[1:]
            yield (
                entry,
                f"{det} {word!r} in lower case: a noun, which this page writes "
                f"{noun!r} inside a sentence",
            )


def _lower_noun(
    own: PageGrammar,
    capital: Counter[str],
    lower: Counter[str],
    function_words: frozenset[str],
    pair: tuple[str, str],
) -> tuple[str, str] | None:
    """The first lower-case word after a determiner or a preposition that the page writes
    capitalised inside a sentence at least as often (a noun, not a verb it nominalises), that
    no capitalised word or number follows (an adjective: "die folgenden Details") and that
    the English does not hold (a word kept from it)."""
    source, text = pair
    folded = source.casefold()
    for match in _AFTER_DETERMINER.finditer(text):
        det, adj, word = match.group("det"), match.group("adj"), match.group("word")
        noun = word[0].upper() + word[1:]
        if (
            det.lower() not in own.determiners | own.prepositions
            or word in function_words
            or (adj and adj in function_words)
            or capital[noun] < max(1, lower[word])
            or match.group("next").strip()[:1].isupper()
            or match.group("next").strip()[:1].isdigit()
            or word.casefold() in folded
            or _relative(own, det, text[: match.start()])
        ):
            continue
        return det, word
    return None


def _relative(own: PageGrammar, det: str, before: str) -> bool:
    """A relative pronoun after a comma: a verb may follow ("Kunden, die anmelden")."""
    return det in own.relative_pronouns and before.rstrip().endswith(",")


# --- a name before its noun ---------------------------------------------------------------

#: A name as the English writes it: capitalised words (and codes) one after another.
_NAME = r"[A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*)*"


@functools.cache
def _before_name(words: frozenset[str]) -> re.Pattern[str]:
    """A listed word, a name and a lower-case word: the listed word as the locale writes
    it inside a sentence (lower case), an elided one (l', dell') with no space."""
    listed = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w'’])(?P<det>{listed})(?: |(?<=['’]))(?P<name>{_NAME}) "
        rf"(?P<word>[{_LOWER}]{{3,}})(?![\w'’-])"
    )


@functools.cache
def _opened(words: frozenset[str]) -> re.Pattern[str]:
    """A word after one of the words, and the word after it (if any)."""
    listed = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w'’])(?:{listed})(?: |(?<=['’]))([{_LOWER}]{{3,}})(?![\w-])"
        r"(?: ?([^\W\d_]+|[.,;:!?)]))?"
    )


def _nouns(
    opened: re.Pattern[str], texts: Iterable[str], function_words: frozenset[str]
) -> Counter[str]:
    """The words written after a determiner no verb follows, and before a punctuation
    mark, a capitalised word or a function word: no adjective before its noun ("il relativo
    documento") or before markup ("nel relativo [post]")."""
    nouns: Counter[str] = Counter()
    for text in texts:
        for word, after in opened.findall(text):
            if after and (not after[0].islower() or after in function_words):
                nouns[word] += 1
    return nouns


def _names_before_nouns(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    search = _before_name(own.determiners | own.prepositions)
    found = [(e, s, t, m) for e, s, t in pairs for m in [search.search(t)] if m]
    if not found:
        return  # most pages: no name between a determiner and a lower-case word
    function_words = conventions(ctx.locale).function_words
    nouns = _nouns(_opened(own.noun_openers), (text for _, _, text in pairs), function_words)
    page = "\n".join(text for _, _, text in pairs)
    english_words = conventions("en").function_words
    for entry, source, text, _ in found:
        for match in search.finditer(text):
            name, word = match.group("name", "word")
            if (
                word in function_words
                or not _adjunct(name, word, source, english_words)
                or not _noun(own, word, name, nouns, page)
            ):
                continue
            yield (
                entry,
                f"{match.group()!r}: the English order ('{name} <noun>') kept; the locale "
                f"puts the noun first ({word} ... {name})",
            )
            break


def _adjunct(name: str, word: str, source: str, english_words: frozenset[str]) -> bool:
    """Whether the English writes the name before a lower-case word that is no function
    word (its noun: "the Contoso portal"), and not the translation's word itself."""
    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", source, re.IGNORECASE):
        return False
    after = re.search(rf"(?<![\w-]){re.escape(name)} ([a-z]+)", source)
    return after is not None and after.group(1) not in english_words


def _noun(own: PageGrammar, word: str, name: str, nouns: Counter[str], page: str) -> bool:
    """Whether the page shows the word for a noun: after a determiner no verb follows, and
    before no content word ("una soluzione di"), or right after a determiner and before
    the name (the locale's order: "la soluzione Contoso")."""
    if nouns[word]:
        return True
    joins = _joins(own.prepositions | own.determiners)
    return _first(rf"(?<![\w'’])(?:{joins}){re.escape(word)} ", name, page)


@functools.cache
def _joins(words: frozenset[str]) -> str:
    """Any of the words and the space after it; an elided one (l', dell') with none."""
    return "|".join(
        re.escape(w) if w.endswith(("'", "’")) else f"{re.escape(w)} "
        for w in sorted(words, key=len, reverse=True)
    )


def _first(before: str, name: str, page: str) -> bool:
    return re.search(rf"{before}{re.escape(name)}(?![\w-])", page) is not None
