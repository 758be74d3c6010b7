# ruff: noqa: RUF001 (typographic apostrophes and letters whose case folding changes are what the properties try)
"""The substring tests put in front of costlier searches (speed) never change what the
checks find: over generated texts of the words each search is for, in any case, glued or
cut short, a gate that says no stands where its search finds nothing. Each has a broken
variant that the same generated texts catch, so the property can fail."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.forms import _hiragana_words, particle_first
from sunsetkit.checks.grammar import _LEAD, _LEAD_MARKS
from sunsetkit.checks.grammar_page import _article_then_word, _plain, page_grammar
from sunsetkit.checks.meaning import _english_side, _pattern, _Search
from sunsetkit.checks.names import _MARKS, _brand_list, _may_hold_brand
from sunsetkit.checks.page_names import _brand_search, _page_brands
from sunsetkit.checks.registry import _words_with_brand
from sunsetkit.checks.truncated import (
    Modals,
    _may_hold_modal,
    _sentences,
    _verbless_modal,
    modals,
)

from .test_false_alarms import SHIPPED

# Run without the coverage tracer: hundreds of drawn texts per gate rerun the code the
# checks' own tests cover, at twice the cost under the tracer.
pytestmark = pytest.mark.no_cover

FEW = settings(max_examples=60, deadline=None, database=None)
#: Glue and marks around words: apostrophes, hyphens, markup, and the letters whose case
#: folding changes their length ("ß", "İ") or that look alike.
GLUE = [" ", "", "-", "'", "’", ". ", ", ", "*", "[", "&amp;", "ß", "İ", "\u00a0", ": "]
OTHER = ["the", "x", "Bar", "faire", "können", "ÉTÉ", "cliquer", "zu"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    """Texts of the words (as written, capitalised, upper case, cut short) and glue."""
    word = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.capitalize(), w.upper(), w[:-1], w + "s"])
    )
    piece = st.one_of(word, st.sampled_from(OTHER))
    return st.lists(st.tuples(piece, st.sampled_from(GLUE)), max_size=8).map(
        lambda parts: "".join(p + g for p, g in parts)
    )


# --- meaning.py: a search and the literals every match of it holds ----------------------


def _searches() -> list[tuple[str, _Search]]:
    """Every search of opposite and negation: each locale's forms, and English's sides."""
    found: list[tuple[str, _Search]] = []
    for locale in [*SHIPPED, "en"]:
        data = conventions(locale)
        groups = [data.negations, data.negation_open, data.negation_aside]
        groups += [*data.opposites.values(), *data.opposites_weak.values()]
        for forms in groups:
            search = _pattern(forms)
            if search is not None:
                found.append((f"{locale}:{forms[0]}", search))
    for forms in conventions("en").opposites.values():
        english = _english_side(forms)
        if english is not None:
            found.append((f"en-side:{forms[0]}", english))
    return found


SEARCHES = _searches()


def _words_of(search: _Search) -> list[str]:
    return [literal for literal in search.literals if literal] or ["x"]


@pytest.mark.parametrize(("name", "search"), SEARCHES[::7], ids=lambda v: str(v)[:30])
def test_a_search_gated_by_its_literals_finds_what_the_search_finds(
    name: str, search: _Search
) -> None:
    @FEW
    @given(_texts(_words_of(search)).map(str.casefold))
    def holds(text: str) -> None:
        found, expected = search.first(text), search.pattern.search(text)
        assert (found and found.group()) == (expected and expected.group())

    holds()


def test_a_broken_literal_gate_is_caught() -> None:
    """Literals kept with their stem's star (`kein*`) hide every match of the stem."""
    search = _pattern(conventions("fr-FR").opposites["minimum"])  # minim*
    assert search is not None
    stems = [literal for literal in search.literals if literal]
    broken = _Search(search.pattern, tuple(f"{stem}*" for stem in stems))
    found = find(
        _texts(stems).map(str.casefold),
        lambda text: broken.first(text) is None and search.pattern.search(text) is not None,
        settings=settings(max_examples=300, database=None),
        random=Random(7),
    )
    assert search.pattern.search(found)


# --- truncated.py: no modal as a substring, no sentence with a verbless modal ------------

WITH_MODALS = [locale for locale in SHIPPED if modals(locale) != Modals()]


def _verbless(own: Modals, text: str) -> bool:
    return any(_verbless_modal(own, sentence) for sentence in _sentences(own, text))


@pytest.mark.parametrize("locale", WITH_MODALS)
def test_a_text_without_a_modal_as_a_substring_has_no_verbless_modal(locale: str) -> None:
    own = modals(locale)

    @FEW
    @given(_texts(sorted(own.modals)))
    def holds(text: str) -> None:
        if not _may_hold_modal(own, text):
            assert not _verbless(own, text)
        for sentence in _sentences(own, text):  # the gate is held per sentence too
            if not _may_hold_modal(own, sentence):
                assert not _verbless_modal(own, sentence)

    holds()


def test_a_broken_modal_gate_is_caught() -> None:
    """The gate without case folding misses a modal written with a capital mid-sentence."""
    own = modals("fr-FR")

    def broken(text: str) -> bool:
        return any(map(text.__contains__, own.modals))

    found = find(
        _texts(sorted(own.modals)),
        lambda text: not broken(text) and _verbless(own, text),
        settings=settings(max_examples=500, database=None),
        random=Random(7),
    )
    assert _verbless(own, found)


# --- names.py: a brand as a substring, one test per brand in C --------------------------


def _old_may_hold_brand(text: str) -> bool:
    """names._may_hold_brand as it was: a generator over the brands."""
    if not text.isascii() or "&" in text:
        return True
    lowered = text.translate(_MARKS).lower()
    return any(brand in lowered for brand in _brand_list())


BRANDS = [*_brand_list(), "Micro**soft**", "Share[Point]", "Te\\ams"]


@FEW
@given(_texts(BRANDS))
def test_the_brand_gate_is_the_old_one(text: str) -> None:
    assert _may_hold_brand(text) == _old_may_hold_brand(text)


PAGE_BRANDS = sorted(_page_brands())


@FEW
@given(_texts([*PAGE_BRANDS, *BRANDS]))
def test_a_brand_as_spelled_passes_the_brand_gate(text: str) -> None:
    """page_names._brand_words asks the brand gate before its search for a brand as
    spelled: a text the search finds one in passes the gate."""
    if _brand_search().search(text):
        assert _may_hold_brand(text)


@FEW
@given(_texts(BRANDS))
def test_a_brand_word_passes_the_brand_gate(text: str) -> None:
    """name-changed's precondition asks the brand gate before it seeks a brand word."""
    if _words_with_brand(text):
        assert _may_hold_brand(text)


def test_a_broken_brand_gate_is_caught() -> None:
    """The gate without lower case misses a capitalised brand."""
    broken: Callable[[str], bool] = lambda text: any(map(text.__contains__, _brand_list()))  # noqa: E731
    found = find(
        _texts(BRANDS).filter(str.isascii),
        lambda text: "&" not in text and broken(text) != _old_may_hold_brand(text),
        settings=settings(max_examples=300, database=None),
        random=Random(7),
    )
    assert _old_may_hold_brand(found)


# --- forms.py: a span opening with a particle, one startswith of the hiragana words ------


def _old_particle_first(text: str, function_words: frozenset[str]) -> bool:
    """forms.particle_first as it was: every function word tried in turn."""
    text = text.strip(" [「『“\"'")
    return any(
        text.startswith(word) and all(0x3040 <= ord(c) < 0x30A0 for c in word)
        for word in function_words
    )


JA = frozenset(conventions("ja-JP").function_words) | {"の", "について", "x", "ア"}


@FEW
@given(_texts(sorted(JA)))
def test_the_particle_test_is_the_old_one(text: str) -> None:
    assert particle_first(text, JA) == _old_particle_first(text, JA)


def test_a_broken_particle_test_is_caught() -> None:
    """Without the opening marks stripped, a span opening with a quote is missed."""
    found = find(
        _texts(sorted(JA)).map(lambda text: "「" + text),
        lambda text: text.startswith(_hiragana_words(JA)) != _old_particle_first(text, JA),
        settings=settings(max_examples=300, database=None),
        random=Random(7),
    )
    assert _old_particle_first(found, JA)


# --- grammar.py: a sentence's first character before the search for its lead --------------

#: What may open a translation: list markers, markup, digits, a letter of each case.
_OPENINGS = st.text(alphabet=list(' \t-*+>#_[|1. aZé`("«'), max_size=6)


def _leads_to_lower_case(text: str) -> bool:
    start = _LEAD.match(text).end()  # type: ignore[union-attr]
    return text[start : start + 1].islower()


def _lead_gate(marks: frozenset[str], text: str) -> bool:
    return text[:1].islower() or text[:1] in marks


@given(_OPENINGS)
@FEW
def test_the_lower_start_gate_lets_every_lead_to_a_lower_case_word_through(lead: str) -> None:
    text = f"{lead}quarzel zorvik."
    if _leads_to_lower_case(text):
        assert _lead_gate(_LEAD_MARKS, text)


def test_a_broken_lower_start_gate_is_caught() -> None:
    """The gate without the list marker's hyphen misses `- quarzel`, a text the property's
    strategy draws (its alphabet holds the hyphen and the space)."""
    broken = _LEAD_MARKS - {"-"}
    text = "- quarzel zorvik."
    assert set(text[:2]) <= set(' \t-*+>#_[|1. aZé`("«')
    assert _leads_to_lower_case(text) and not _lead_gate(broken, text)
    assert _lead_gate(_LEAD_MARKS, text)


# --- grammar_page.py: an article before a word in the prose is one in the raw text -------

GENDERED = [locale for locale in SHIPPED if page_grammar(locale).gendered_articles]
#: Markup `_plain` bars out, whole or opened only, and words an article may go before.
MARKUP = ["**", "*", "`", "](x)", "[", "<b>", '"', "'", "„", "“", "”", "«", "»", "’"]
NOUNS = ["maison", "porta", "fecha", "x", "Portal", "l'"]


def _article_texts(articles: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from([*articles, *NOUNS, *MARKUP])
    glue = st.sampled_from([" ", "", "  ", "-"])
    return st.lists(st.tuples(piece, glue), max_size=10).map(
        lambda parts: "".join(p + g for p, g in parts)
    )


@pytest.mark.parametrize("locale", GENDERED)
def test_an_article_in_the_prose_is_one_in_the_raw_text(locale: str) -> None:
    articles = [article for article, _ in page_grammar(locale).gendered_articles]
    search = _article_then_word(tuple(articles))

    @FEW
    @given(_article_texts(articles))
    def holds(text: str) -> None:
        if search.search(_plain(text)) is not None:
            assert search.search(text) is not None

    holds()


def test_a_broken_article_gate_is_caught() -> None:
    """A gate that wants a space before the article misses one that opens the text."""
    articles = [article for article, _ in page_grammar("fr-FR").gendered_articles]
    search = _article_then_word(tuple(articles))

    def broken(text: str) -> bool:
        return any(f" {article} " in text for article in articles)

    # what the generated texts hold: an article that opens the text, or follows markup
    for text in ("la maison", "**x**la maison", "`x`le portal"):
        assert not broken(text)
        assert search.search(_plain(text)) is not None
