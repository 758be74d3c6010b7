"""placement: a link's text that opens with a preposition of the phrase it names
("[del portale di Zq](x)", "[o zachętach](x)") is left alone while the link still holds the
English link text's content; it is reported where that content moved out, or the sentence's
words moved in. Bold stays strict. Invented words ("zq…") stand for names and cognates."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.own_words import link_openers
from sunsetkit.checks.placement import kept_at_edge
from sunsetkit.checks.words import function_words

MD = markdown_parser()
PLACEMENT = next(check for check in CHECKS if check.id == "placement")
LOCALES = ["de-DE", "es-ES", "fr-FR", "it-IT", "nl-NL", "pl-PL", "pt-BR", "sv-SE"]


def _ctx(locale: str) -> MessageContext:
    return MessageContext(locale, locale_glossary(None, locale), MD)


#: Each locale with an opener its edge rule reads: a function word of the locale, lower
#: case, no English function word ("in", "a", "to"), none a link keeps anyway (articles,
#: clitics).
OPENERS = [
    (locale, word)
    for locale in LOCALES
    for word in sorted(
        link_openers(locale[:2])
        & function_words(locale)
        - function_words("en")
        - kept_at_edge(_ctx(locale), "link", "start")
    )
    if word.isalpha()
]
#: Invented names: content words of no language, kept alike in every translation; each
#: strategy its own beginning, so that no two are taken for one word's cognates.
_LETTERS = "bcdfghjklmnprstvwxz"
NAME = st.text(_LETTERS, min_size=4, max_size=8).map(lambda w: f"Zqa{w}")
HEAD = st.text(_LETTERS, min_size=4, max_size=8).map(lambda w: f"Zqo{w}")
OTHER = st.text(_LETTERS, min_size=4, max_size=8).map(lambda w: f"zqu{w}")


def _took_in(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    return [m for m in PLACEMENT.func(entry, _ctx(locale)) if "took in" in m]


def test_every_locale_has_openers_to_read() -> None:
    assert {locale for locale, _ in OPENERS} == set(LOCALES)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(OPENERS), NAME, HEAD)
def test_a_link_opened_by_a_preposition_of_its_phrase_is_left_alone(
    opener: tuple[str, str], name: str, head: str
) -> None:
    locale, word = opener
    source = f"Read about [{name} {head}](g.md) first."
    text = f"Zqlesen zqmehr [{word} {name} {head}](g.md)."
    assert _took_in(source, text, locale) == [], (source, text)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(OPENERS), NAME, HEAD)
def test_a_link_whose_head_noun_stands_outside_is_reported(
    opener: tuple[str, str], name: str, head: str
) -> None:
    """ "Guia [do Programa Zq](x)" for "[Zq Program Guide](x)": the head before the link."""
    locale, word = opener
    source = f"See the [{name} {head}](g.md) now."
    text = f"Zqsiehe {head} [{word} {name}](g.md)."
    assert len(_took_in(source, text, locale)) == 1, (source, text)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(OPENERS), NAME, HEAD, OTHER)
def test_a_link_that_took_in_the_sentences_words_is_reported(
    opener: tuple[str, str], name: str, head: str, other: str
) -> None:
    locale, word = opener
    source = f"See [{name} {head}](g.md) for {other} details."
    text = f"Zqsiehe [{word} {name} {head} {other}](g.md)."
    assert len(_took_in(source, text, locale)) == 1, (source, text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OPENERS), NAME, HEAD)
def test_bold_opened_by_the_same_word_is_still_reported(
    opener: tuple[str, str], name: str, head: str
) -> None:
    locale, word = opener
    source = f"Select **{name} {head}** now."
    text = f"Zqwähle **{word} {name} {head}** zqjetzt."
    assert len(_took_in(source, text, locale)) == 1, (source, text)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a pronoun or a conjunction opens no phrase
        ("nl-NL", "You can [join the Zqnet](j.md).", "U kunt [u de Zqnet](j.md)."),
        (
            "sv-SE",
            "Read the [Zqrooms FAQ](f.md).",
            "Läs vanliga frågor [och svar om Zqrooms](f.md).",
        ),
        # two openers: the verb's particle and its preposition ("neem contact op met")
        ("nl-NL", "Contact [Zqalberto](c.md) now.", "Neem contact [op met Zqalberto](c.md) nu."),
        ("pl-PL", "See [Zqsignup](s.md).", "Zapoznaj [się z Zqsignup](s.md)."),
        # an opener last: the link ends in the middle of its phrase
        ("pt-BR", "Ask for the [Zqreferral admin](r.md) role.", "Peça [de Zqreferral de](r.md) a."),
        # a bracket whose mate stands outside: the link cut a gloss
        (
            "pl-PL",
            "Read the [Zqoffers Zqexcel](o.md).",
            "Zapoznaj [z Zqoffers Zqexcel (Zqoferty](o.md)).",
        ),
        # the title's verb stands outside, a short word ("Add", not "AD")
        (
            "nl-NL",
            "See [Add or link a zqdomain in Zqazure AD](a.md).",
            "Zie het toevoegen [van zqdomain in Zqazure AD](a.md).",
        ),
    ],
)
def test_a_link_that_took_in_what_is_no_phrase_of_it_is_reported(
    locale: str, source: str, text: str
) -> None:
    assert len(_took_in(source, text, locale)) == 1, (source, text)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        (
            "it-IT",
            "Open the [Zqazure portal](p.md).",
            "Aprire la pagina [del portale di Zqazure](p.md).",
        ),
        (
            "de-DE",
            "Contact [Zqfrontline Support](s.md).",
            "Wenden Sie sich [an den Zqfrontline Support](s.md).",
        ),
        ("sv-SE", "How to [join Zqnetwork](j.md).", "Så här [ansluter du till Zqnetwork](j.md)."),
        (
            "pt-BR",
            "Learn about [enabling Zqsso](e.md).",
            "Saiba mais sobre [como habilitar o Zqsso](e.md).",
        ),
        (
            "es-ES",
            "See the [Zqpartner SDK](s.md).",
            "Descargue la versión [del Zqpartner SDK](s.md).",
        ),
    ],
)
def test_the_judges_link_phrases_are_left_alone(locale: str, source: str, text: str) -> None:
    assert _took_in(source, text, locale) == [], (source, text)


@pytest.mark.parametrize(
    ("locale", "reflexive"),
    [("de-DE", "sich"), ("nl-NL", "zich"), ("pl-PL", "się"), ("sv-SE", "sig")],
)
def test_a_link_ending_in_its_verbs_reflexive_is_left_alone(locale: str, reflexive: str) -> None:
    source = "You can [join Zqnet](j.md) now."
    assert _took_in(source, f"Zqkan [zqjoin {reflexive}](j.md) Zqnet.", locale) == []
    bold = _took_in("You can **join Zqnet** now.", f"Zqkan **zqjoin {reflexive}** Zqnet.", locale)
    assert len(bold) == 1  # bold keeps the strict rule


@pytest.mark.parametrize(("locale", "word"), [("es-ES", "si"), ("it-IT", "se"), ("pt-BR", "se")])
def test_a_conditional_si_or_se_ending_a_link_is_still_reported(locale: str, word: str) -> None:
    source = "Send an [explicit zqrequest](r.md) if needed."
    text = f"Zqenviar una [zqrequest explícita {word}](r.md) zqnecesario."
    assert len(_took_in(source, text, locale)) == 1


#: Each locale's demonstratives its data lists (locale_data `demonstratives`).
DEMONSTRATIVES = [
    (locale, word)
    for locale in LOCALES
    for word in sorted(conventions(locale).demonstratives & function_words(locale))
]


def test_some_locales_list_demonstratives() -> None:
    assert {locale for locale, _ in DEMONSTRATIVES} >= {"de-DE", "sv-SE"}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DEMONSTRATIVES), NAME, HEAD)
def test_a_link_opened_by_a_demonstrative_of_its_phrase_is_left_alone(
    demonstrative: tuple[str, str], name: str, head: str
) -> None:
    # "[diese Einstellungen](x)" for "[Settings](x)": the demonstrative opens its phrase
    locale, word = demonstrative
    source = f"Open [{name} {head}](g.md) first."
    text = f"Zqöffnen [{word} {name} {head}](g.md) zqzuerst."
    assert _took_in(source, text, locale) == [], (source, text)
    # bold marks a label, which holds no demonstrative
    bold = f"Zqöffnen **{word} {name} {head}** zqzuerst."
    assert len(_took_in(f"Open **{name} {head}** first.", bold, locale)) == 1, bold
