# ruff: noqa: RUF001 (typographic apostrophes and quotes are what the properties try)
"""The page passes' preconditions (checks/grammar_page.py, compounds.py) never hide a
finding: over generated texts, wherever a precondition says no, the test it stands in
front of finds nothing, and a page read in part says what the whole page says. Each has
a broken variant that the same generated texts catch, so the property can fail."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.grammar_page import (
    _NAME_THEN_WORD,
    _REACH,
    _WORD_BEFORE,
    _after_determiners,
    _determined_capital,
    _noun,
    _nouns,
    _opened,
    _own_name_then_word,
    _plain,
    page_grammar,
)

from .test_false_alarms import SHIPPED

NAME_LAST = [loc for loc in SHIPPED if page_grammar(loc).name_before_noun]
#: The locale's own forms of a name: one with a capital outside A-Z, one of two words.
FORMS = ("Édition Contoso", "Centre Fabrikam", "Ölrad")
NAMES = ["Contoso", "Power Automate", "Fabrikam 365", "C++", "X", *FORMS]
WORDS = ["solution", "compte", "soluzione", "cuenta", "portal", "di", "abc", "Contoso"]
#: What markup and quotes put around and between words, and glue.
MARKS = ["**", "*", "`", "[", "](x)", "<b>", '"', "'", "’", "«", "»", "„", "“", "”", "|", "-"]


def _texts(locale: str) -> st.SearchStrategy[str]:
    """Texts of the locale's determiners and prepositions, names (the own forms too),
    lower-case words and markup, glued with spaces, apostrophes or nothing."""
    own = page_grammar(locale)
    determiner = st.sampled_from(sorted(own.determiners | own.prepositions))
    piece = st.one_of(
        st.tuples(
            determiner,
            st.sampled_from([" ", "", "'", "’", "  ", "**", "`"]),
            st.sampled_from(NAMES),
            st.sampled_from([" ", " ", "", "** ", "*"]),
            st.sampled_from(WORDS),
        ).map("".join),
        determiner,
        st.sampled_from(sorted(w.capitalize() for w in own.determiners)),
        st.sampled_from(NAMES),
        st.sampled_from(WORDS),
        st.sampled_from(MARKS),
        st.text(alphabet="aÉé’' .,\n", max_size=3),
    )
    glue = st.sampled_from([" ", " ", "", "'", "’", "  ", ", ", ". "])
    return st.lists(st.tuples(piece, glue), max_size=6).map(
        lambda parts: "".join(w + g for w, g in parts)
    )


def _hits(locale: str, text: str) -> list[str]:
    """What the precondition stands in front of: each determiner and name phrase found."""
    own, plain = page_grammar(locale), _plain(text)
    searches = [_NAME_THEN_WORD, _own_name_then_word(FORMS)]
    return [phrase for names in searches for phrase, _ in _after_determiners(own, plain, names)]


@pytest.mark.parametrize("locale", NAME_LAST)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_no_capital_after_a_determiner_means_no_phrase(locale: str, data: st.DataObject) -> None:
    text = data.draw(_texts(locale))
    if not _determined_capital(page_grammar(locale), FORMS)(text):
        assert _hits(locale, text) == []


@pytest.mark.parametrize("locale", NAME_LAST)
def test_determined_capital_lets_a_phrase_through(locale: str) -> None:
    own = page_grammar(locale)
    for det in sorted(own.determiners):
        glue = "" if det.endswith(("'", "’")) else " "
        text = f"x {det}{glue}Contoso solution"
        assert _determined_capital(own, FORMS)(text), text
        assert _hits(locale, text)


def _broken(locale: str) -> Callable[[str], bool]:
    """The precondition as it would be with only A-Z for a name's first letter and no
    elided determiner ("l'"): what a precondition easily forgets."""
    own = page_grammar(locale)
    capitals = re.compile(r"[ '’][A-Z]")
    suffixes = tuple(f"{w} " for w in own.determiners | own.prepositions)
    return lambda text: any(
        text.endswith(suffixes, 0, m.end() - 1) for m in capitals.finditer(text)
    )


@pytest.mark.parametrize("locale", ["fr-FR"])
def test_a_broken_precondition_is_caught(locale: str) -> None:
    """The generated texts find where the broken variant hides a phrase."""
    broken = _broken(locale)
    found = find(
        _texts(locale),
        lambda text: not broken(text) and bool(_hits(locale, text)),
        settings=settings(max_examples=500, database=None),
    )
    assert _hits(locale, found)


# --- a noun by the texts that hold it ----------------------------------------------------


def _noun_of_page(locale: str, word: str, name: str, texts: list[str]) -> bool:
    """The replaced test: the noun counts of every text of the page, and the page joined."""
    own = page_grammar(locale)
    function_words = conventions(locale).function_words
    plains = [_plain(t) for t in texts]
    nouns: Counter[str] = _nouns(_opened(own.noun_openers), plains, function_words)
    if nouns[word]:
        return True
    page, target = "\n".join(plains), f"{word} {name}"
    start = page.find(target)
    while start >= 0:
        end = start + len(target)
        if end == len(page) or not (page[end].isalnum() or page[end] in "_-"):
            before = _WORD_BEFORE.search(page, max(0, start - _REACH), start)
            if before and before.group(1).rstrip() in own.determiners:
                return True
        start = page.find(target, start + 1)
    return False


@pytest.mark.parametrize("locale", NAME_LAST)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_noun_read_from_the_texts_that_hold_it(locale: str, data: st.DataObject) -> None:
    texts = data.draw(st.lists(_texts(locale), max_size=4))
    word = data.draw(st.sampled_from([w for w in WORDS if w.islower()]))
    name = data.draw(st.sampled_from(NAMES))
    own, function_words = page_grammar(locale), conventions(locale).function_words
    assert _noun(own, word, name, texts, function_words) == _noun_of_page(locale, word, name, texts)
