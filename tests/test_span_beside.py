"""Placement: a span that left one of its words beside it (told by the word's cognate or
number just outside the span), and a span that crosses the quotation marks around it.
Invented sentences: `zq` words are no word of any language."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.beside import left_beside, stem
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.placement import modifier_links
from sunsetkit.checks.spans import Plain, marked

from .conftest import ROOT

MD = markdown_parser()
PLACEMENT = next(check for check in CHECKS if check.id == "placement")
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
#: Invented content words of five letters or more, none a word of any language.
WORD = st.text("bdfghjlmnprstvw", min_size=4, max_size=8).map(lambda w: f"zq{w}")
MARKS = ["**{}**", "[{}](g.md)", "*{}*"]


def _placement(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(PLACEMENT.func(entry, ctx))


def _beside(source: str, text: str, locale: str = "fr-FR") -> list[str]:
    return [m for m in _placement(source, text, locale) if "stands beside it" in m]


def _quotes(source: str, text: str, locale: str = "fr-FR") -> list[str]:
    return [m for m in _placement(source, text, locale) if "quotation mark" in m]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LOCALES), WORD, WORD, st.sampled_from(MARKS), st.sampled_from(["", "en"]))
def test_a_word_of_the_span_left_beside_it_is_reported(
    locale: str, first: str, second: str, mark: str, ending: str
) -> None:
    """The span kept one of two words; the other stands next to it, inflected or not."""
    assume(stem(first) != stem(second))
    # Cognates share their first five letters once spelt alike; a word shorter than that
    # (zqbbbb is "sqbb") is found only as it is, not with an ending.
    assume(not ending or len(stem(second)) >= 5)
    source = "Select " + mark.format(f"{first} {second}") + " now."
    before = f"Zqselect {second}{ending} " + mark.format(first) + " zqnow."
    after = "Zqselect " + mark.format(first) + f" {second}{ending} zqnow."
    for text in (before, after):
        found = _beside(source, text, locale)
        assert len(found) == 1 and repr(second) in found[0], (text, found)


@pytest.mark.parametrize(
    ("english", "translated"),
    [
        ("subscription", "subskrypcji"),  # c and k, y and i
        ("gallery", "galerii"),  # a doubled letter made one
        ("geographical", "geograficznych"),  # ph and f
        ("Référence", "reference"),  # accents
    ],
)
def test_a_cognate_is_read_across_spellings(english: str, translated: str) -> None:
    source = f"Open the **Zqdash {english}** view."
    assert len(_beside(source, f"Zqopen **zqdash** {translated} zqview.")) == 1


def test_a_number_left_beside_the_span_is_reported() -> None:
    source = "**Zqcost over 60 days**: the zqtotal."
    assert len(_beside(source, "**Zqcost** zqover 60 zqdays: zqtotal.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the span holds the word (inflected)
        "Zqselect **zqfirst zqsecondes** zqnow.",
        # the word is inside another span of the kind
        "Zqselect **zqfirst** and **zqsecond** zqnow.",
        # a gloss in parentheses: the English kept beside the locale's label
        "Zqselect **zqfirst** (zqsecond) zqnow.",
        # far from the span: another clause's word, not the span's
        "Zqselect **zqfirst** zqnow, zqthen zqgo zqon zqwith zqsecond.",
    ],
)
def test_a_span_that_keeps_its_words_is_left_alone(text: str) -> None:
    source = "Select **zqfirst zqsecond** now."
    if "and **" in text:
        source = "Select **zqfirst zqsecond** and **zqsecond** now."
    assert _beside(source, text) == []


def test_a_word_the_source_has_outside_the_span_too_is_no_evidence() -> None:
    """The sentence says the word again outside the span: the translation's copy beside
    the span may well be that one."""
    source = "Select **zqfirst zqsecond** for the zqsecond now."
    assert _beside(source, "Zqselect **zqfirst** zqsecond zqnow.") == []


def test_the_whole_message_in_the_span_is_left_alone() -> None:
    assert _beside("**Zqfirst zqsecond**", "**Zqfirst**") == []


def test_a_short_or_function_word_is_no_evidence() -> None:
    source = "Select **zqfirst tax of all** now."
    assert _beside(source, "Zqselect **zqfirst** tax of all zqnow.") == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["**", "[", "](x)", "*", " ", "zqword", "60", "(", ")"]), max_size=30)
)
def test_any_markup_gives_findings_not_errors(pieces: list[str]) -> None:
    text = "".join(pieces)
    source = "Select **zqword 60** and [zqlink zqword](x) now."
    left = list(left_beside(marked(_entry(source, text), MD, source), _plain(text), "bold"))
    assert all(isinstance(message, str) for message in left)


def _entry(source: str, text: str) -> Entry:
    return Entry(Message(source, text, lineno=1))


def _plain(text: str) -> Plain:
    return marked(Entry(Message(text, text, lineno=1)), MD, text)


# --- quotation marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Zqselect **"zqledger**" zqnow.',  # the opening mark inside, its mate outside
        'Zqselect "**zqledger"** zqnow.',
        "Zqselect „**zqledger“** zqnow.",
        "「**zqledger」を**選択します。",
    ],
)
def test_a_span_across_the_quotes_is_reported(text: str) -> None:
    assert len(_quotes("Select **Ledger** now.", text, "de-DE")) == 1


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Select **Ledger** now.", 'Zqselect "**zqledger**" zqnow.'),
        ("Select **Ledger** now.", 'Zqselect **"zqledger"** zqnow.'),
        ("Select **Ledger** now.", "「**zqledger**」を選択します。"),
        # the source's span holds one mark too: the translation follows it
        ('Select **Ledger "2** now".', 'Zqselect **zqledger "2** zqnow".'),
    ],
)
def test_quotes_paired_as_in_the_source_are_left_alone(source: str, text: str) -> None:
    assert _quotes(source, text, "de-DE") == []


# --- italic: the edge rule reads it as it reads bold ----------------------------------------


def test_a_function_word_taken_into_italic_is_reported() -> None:
    found = _placement(
        "Partners in *developing* markets.", "Zqpartners *en zqmercados de* zqrest.", "es-ES"
    )
    assert any("took in a neighbour" in m for m in found), found


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        ("sv-SE", "*Not supported:* zqrest.", "*Zqstöds inte:* zqrest."),
        ("de-DE", "Select *No admin* here.", "Zqwählen *zqadmin keine* zqhier."),
    ],
)
def test_the_locales_negation_where_the_english_span_negates_is_left_alone(
    locale: str, source: str, text: str
) -> None:
    assert not any("took in" in m for m in _placement(source, text, locale))


ACRONYM = st.text("BCDFGHJKLMNPQRSTVWXZ", min_size=2, max_size=3)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LOCALES), WORD, ACRONYM, st.sampled_from(MARKS))
def test_an_acronym_of_the_span_left_beside_it_is_reported(
    locale: str, word: str, acronym: str, mark: str
) -> None:
    """An acronym (however short: CSP, BI) kept beside the span, as in "[Office 365
    Government GCC](x) för CSP-prenumerationer" for "[... GCC for CSP](x) subscriptions"."""
    source = "Sell " + mark.format(f"{word} for {acronym}") + " now."
    text = "Zqsell " + mark.format(word) + f" zqfor {acronym}-zqplans zqnow."
    found = _beside(source, text, locale)
    assert len(found) == 1 and repr(acronym) in found[0], (text, found)


@pytest.mark.parametrize("locale", LOCALES)
def test_an_acronym_the_source_has_beside_the_span_too_is_left_alone(locale: str) -> None:
    # the English names it outside as often: the translation's may be that one
    source = "The CSP program: sell [zqfoo for CSP](x) now."
    assert _beside(source, "Zqthe zqprogram: [zqfoo](x) CSP zqnow.", locale) == []
    # two small letters are no acronym
    assert _beside("Sell [zqfoo in it](x) now.", "Zqsell [zqfoo](x) in it.", locale) == []


LINKED = [loc for loc in LOCALES if modifier_links(loc)]


@pytest.mark.parametrize("locale", LINKED)
@pytest.mark.parametrize("mark", MARKS)
def test_a_modifier_the_locale_puts_after_the_span_with_a_preposition_is_no_loss(
    locale: str, mark: str
) -> None:
    """ "[MPA FAQ](x)" as "[vragen](x) over MPA": the locale's order, the noun inside."""
    link = modifier_links(locale)[-1]
    source = "Read " + mark.format("ZQMPA zqnouns") + ", then go."
    moved = "Zqread " + mark.format("zqnouns") + f" {link} ZQMPA, zqnow."
    assert _beside(source, moved, locale) == []
    # Without the preposition, or where the head noun (the span's last word) is the one
    # outside, the span lost its word.
    assert len(_beside(source, "Zqread " + mark.format("zqnouns") + " ZQMPA, zqnow.", locale)) == 1
    head = "Zqread " + mark.format("ZQMPA") + f" {link} zqnouns, zqnow."
    assert len(_beside(source, head, locale)) == 1
    # an English span that modifies the noun after it: the span may hold that noun instead
    steps = "Read " + mark.format("ZQMPA zqnouns") + " zqsteps, then go."
    assert len(_beside(steps, moved.replace(",", " zqsteps,"), locale)) == 1
    # a modifier after the English span's own preposition is part of its phrase
    phrase = "Read " + mark.format("zqnouns in the zqmarket") + ", then go."
    cut = "Zqread " + mark.format("zqnouns") + f" {link} zqmarket, zqnow."
    assert len(_beside(phrase, cut, locale)) == 1
