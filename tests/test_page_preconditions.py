# ruff: noqa: RUF001, RUF002 (typographic apostrophes, quotes and look-alike letters are what the properties try)
"""The page passes' preconditions (checks/grammar_page.py, compounds.py) never hide a
finding: over generated texts, wherever a precondition says no, the test it stands in
front of finds nothing, and a page read in part says what the whole page says. Each has
a broken variant that the same generated texts catch, so the property can fail."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from random import Random

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.base import LocaleGlossary, MessageContext
from sunsetkit.checks.compounds import _name_noun, _next_words, _Page, _Rules, _stems
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.grammar_page import (
    _CAPITAL_INSIDE,
    _LOWER_WORD,
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

# Run without the coverage tracer: hundreds of drawn pages per pass rerun the code the
# checks' own tests cover, at twice the cost under the tracer.
pytestmark = pytest.mark.no_cover

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
    elided = sorted(w for w in own.determiners | own.prepositions if w.endswith(("'", "’")))
    opening = st.tuples(determiner, st.sampled_from([" ", " ", "", "'", "’", "  ", "**"]))
    phrase = st.tuples(
        opening.map("".join) | st.sampled_from(elided or ["x"]),  # "l'Contoso": no space
        st.sampled_from(NAMES) | st.sampled_from(FORMS),  # a form: a capital outside A-Z
        st.sampled_from([" ", " ", "", "** "]),
        st.sampled_from(WORDS),
        st.sampled_from([" ", ".", "'", "-"]),
    ).map("".join)
    other = st.one_of(
        determiner,
        st.sampled_from(sorted(w.capitalize() for w in own.determiners)),
        st.sampled_from(NAMES),
        st.sampled_from(WORDS),
        st.sampled_from(MARKS),
        st.text(alphabet="aÉé’' .,\n", max_size=3),
    )
    # and the locale's order: a determiner, a noun, the name or a mark ("la soluzione X.")
    noun_phrase = st.tuples(
        determiner,
        st.sampled_from([" ", "", "'", "’"]),
        st.sampled_from(WORDS),
        st.sampled_from([" ", ".", ", ", "  "]),
        st.sampled_from([*NAMES, "di", "."]),
    ).map("".join)
    piece = st.one_of(phrase, noun_phrase, other)  # a phrase in two pieces of three
    glue = st.sampled_from([" ", " ", "", "'", "’", "  ", ", ", ". "])
    return st.lists(st.tuples(piece, glue), max_size=6).map(
        lambda parts: "".join(w + g for w, g in parts)
    )


def _hits(locale: str, text: str) -> list[str]:
    """What the precondition stands in front of: each determiner and name phrase found."""
    own, plain = page_grammar(locale), _plain(text)
    searches = [_NAME_THEN_WORD, _own_name_then_word(FORMS)]
    return [phrase for names in searches for phrase, *_ in _after_determiners(own, plain, names)]


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
        random=Random(7),
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
    # the word itself after a determiner, before the name or a mark, in some text
    det = data.draw(st.sampled_from(sorted(own.determiners | own.noun_openers)))
    after = data.draw(st.sampled_from([f" {name}", ".", " di", ", x"]))
    glue = "" if det.endswith(("'", "’")) else data.draw(st.sampled_from([" ", "  "]))
    at = data.draw(st.integers(0, len(texts)))
    texts.insert(at, data.draw(st.sampled_from(["", "x ", "**x** "])) + det + glue + word + after)
    assert _noun(own, word, name, texts, function_words) == _noun_of_page(locale, word, name, texts)


# --- a determiner before a name in the English (compounds.py) ------------------------------

DETERMINERS = sorted(conventions("en").determiners)
#: The replaced search: from every letter, a determiner, a space, a capital or a digit.
OLD_DETERMINED = re.compile(rf"(?<![\w-])(?i:{'|'.join(DETERMINERS)}) [A-Z0-9]")


def _sources() -> st.SearchStrategy[str]:
    """English of determiners in any case, names, codes, hyphens and letters whose case
    folding is another letter's (ſ, the Kelvin sign)."""
    piece = st.one_of(
        st.sampled_from(DETERMINERS),
        st.sampled_from([d.upper() for d in DETERMINERS] + [d.title() for d in DETERMINERS]),
        st.sampled_from(["Contoso", "365", "portal", "x", "-", "_", "ſ", "\u212a", "É", "\n"]),
        st.sampled_from(["thiſ", "tHe", "aN", "an-", "-the", "the1", "yourA"]),
    )
    glue = st.sampled_from([" ", " ", "", "  ", "-", "\n"])
    return st.lists(st.tuples(piece, glue), max_size=8).map(
        lambda parts: "".join(w + g for w, g in parts)
    )


@settings(max_examples=300, deadline=None)
@given(source=_sources())
def test_determined_name_searches_what_the_look_behind_did(source: str) -> None:
    new = _Rules.of("sv-SE").determined_name
    assert new is not None
    assert bool(new.search(source)) == bool(OLD_DETERMINED.search(source))


def test_a_determined_name_search_without_its_word_edge_is_caught() -> None:
    """The same search without the look-behind before the determiner ("another Contoso"
    holds "her Contoso") differs from the replaced one on the generated sources."""
    words = "|".join(DETERMINERS)
    broken = re.compile(rf"(?i:{words}) [A-Z0-9]")
    found = find(
        _sources(),
        lambda s: bool(broken.search(s)) != bool(OLD_DETERMINED.search(s)),
        settings=settings(max_examples=500, database=None),
        random=Random(7),
    )
    assert broken.search(found)


# --- the German pass's searches of every text (grammar_page.py) ----------------------------

L, U = "a-zß-öø-ÿ", "A-ZÀ-ÖØ-Þ"
#: The replaced searches: a look-behind first.
OLD_CAPITAL = re.compile(rf"(?<=[{L}] )[{U}][{L}]{{3,}}(?=[ ,.;:!?)](?! *[{U}\d]))")
OLD_LOWER = re.compile(rf"(?<![\w-])[{L}]{{4,}}(?![\w-])")


#: German words in either case, short ones, edges of a word and what may follow a noun.
GERMAN = ["die", "der", "Anzahl", "anzahl", "Über", "über", "Straße", "Ab", "abcd", "ÄÖÜ"]
EDGES = ["x", "-", "_", "1", " ", "  ", ",", ".", ")", "ß", "ſ", "\n"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(GERMAN + EDGES), max_size=12).map("".join))
def test_german_searches_find_what_the_look_behind_did(text: str) -> None:
    assert _CAPITAL_INSIDE.findall(text) == OLD_CAPITAL.findall(text)
    assert _LOWER_WORD.findall(text) == OLD_LOWER.findall(text)


def test_a_lower_word_search_without_its_edge_is_caught() -> None:
    broken = re.compile(rf"[{L}]{{4,}}(?![\w-])")
    found = find(
        st.lists(st.sampled_from(["anzahl", "-", "x", " ", "1"]), max_size=6).map("".join),
        lambda t: broken.findall(t) != OLD_LOWER.findall(t),
        settings=settings(max_examples=300, database=None),
        random=Random(7),
    )
    assert _LOWER_WORD.findall(found) == OLD_LOWER.findall(found)


@pytest.mark.parametrize("locale", ["de-DE", "nl-NL", "sv-SE"])
@settings(max_examples=150, deadline=None)
@given(source=_sources(), data=st.data())
def test_no_determined_name_means_no_name_and_noun(
    locale: str, source: str, data: st.DataObject
) -> None:
    """`check_compounds` calls `_name_noun` only where the search holds: elsewhere it
    would report nothing, whatever the translation and the page."""
    rules = _Rules.of(locale)
    assert rules.determined_name is not None
    text = data.draw(st.sampled_from([source, source.replace(" ", "-"), source.lower()]))
    page = _Page()
    for word in ("Contoso-portal", "portal", "Portal", "portalen", "prenumeration"):
        page.add(word, 1, rules)
    page.heads["portal"] = 1
    page.nouns.add("portal")
    ctx = MessageContext(locale, LocaleGlossary(), None)
    if not rules.determined_name.search(source):
        assert list(_name_noun(source, text, page, rules, ctx)) == []


def test_determined_name_lets_a_name_and_noun_through() -> None:
    rules = _Rules.of("de-DE")
    source, text = "Open the Contoso Ledger invoices.", "Öffnen Sie die Contoso Ledger Rechnungen."
    page = _Page()
    assert rules.determined_name is not None and rules.determined_name.search(source)
    ctx = MessageContext("de-DE", LocaleGlossary(), None)
    assert list(_name_noun(source, text, page, rules, ctx))


@pytest.mark.parametrize("locale", ["de-DE", "nl-NL", "sv-SE"])
@settings(max_examples=150, deadline=None)
@given(word=st.text(alphabet="abeilnorstä", max_size=12), shortest=st.integers(1, 8))
def test_stems_without_an_ending_are_none(locale: str, word: str, shortest: int) -> None:
    """The suffix test in front of `_stems` says what the walk over every ending says."""
    rules = _Rules.of(locale)
    walked = [
        word[:-size]
        for size in range(1, rules.longest_ending + 1)
        if word[-size:] in rules.endings and len(word) - size >= shortest
    ]
    assert _stems(word, rules, shortest) == (walked if len(word) > shortest else [])


#: English words, a name's parts among them, and what goes between them.
ENGLISH = ["Cloud", "Azure", "Germany", "portal", "Azure-x", "x_Azure", "1Azure", "²Cloud", "éAz"]
BETWEEN = [" ", " ", "  ", "", "-", "_", "\n", ". "]


@settings(max_examples=300, deadline=None)
@given(
    word=st.sampled_from(["Cloud", "Azure", "Az", "ure"]),
    english=st.lists(st.tuples(st.sampled_from(ENGLISH), st.sampled_from(BETWEEN)), max_size=8).map(
        lambda parts: "".join(w + g for w, g in parts)
    ),
)
def test_next_words_are_what_the_search_found(word: str, english: str) -> None:
    """`_next_words` (compounds.py) finds what the pattern compiled for each word did."""
    old = [m.group(1) for m in re.finditer(rf"(?<![\w-]){re.escape(word)} +(\w+)", english)]
    assert list(_next_words(word, english)) == old
