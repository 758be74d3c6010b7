"""Bold and links on the wrong words where no anchor (number, name) finds them: a function
word at a span's edge (placement), and the page's own usual translation of a label left
outside the span (span-moved). Invented sentences; the locales' own function words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import DATA, conventions
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.placement import kept_at_edge
from sunsetkit.checks.words import function_words

from .conftest import ROOT

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
#: Locales written with spaces between words, that have function words to look for.
SPACED = [loc for loc in LOCALES if loc[:2] not in ("ja", "zh", "ko") and function_words(loc)]
#: Invented content words: no locale's function word, no English one.
WORD = st.text("bcdfghjklmnpqrstvwxz", min_size=3, max_size=8).map(lambda w: f"zq{w}")


def _ctx(locale: str) -> MessageContext:
    return MessageContext(locale, locale_glossary(None, locale), MD)


def _placement(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    return [m for m in BY_ID["placement"].func(entry, _ctx(locale)) if "took in" in m]


def _usable(locale: str, kind: str = "bold", side: str = "end") -> list[str]:
    """The locale's function words that the edge rule reads there: lower-case letters
    only, none the language keeps at that edge (a clitic, an article of a link)."""
    english, kept = function_words("en"), kept_at_edge(_ctx(locale), kind, side)
    return sorted(
        w
        for w in function_words(locale)
        if w.isalpha() and w.islower() and w not in english and w not in kept
    )


# --- placement: a function word at a span's edge ------------------------------------------


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(SPACED), st.data(), WORD, WORD, WORD)
def test_a_function_word_taken_in_at_the_end_is_reported(
    locale: str, data: st.DataObject, label: str, verb: str, rest: str
) -> None:
    word = data.draw(st.sampled_from(_usable(locale)))
    source = f"Select **Ledger totals** and {rest}."
    text = f"{verb} **{label} {word}** {rest}."
    found = _placement(source, text, locale)
    assert len(found) == 1 and repr(word) in found[0] and "at its end" in found[0], found


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SPACED), st.data(), WORD, WORD, WORD)
def test_a_span_that_keeps_its_words_is_left_alone(
    locale: str, data: st.DataObject, label: str, verb: str, rest: str
) -> None:
    word = data.draw(st.sampled_from(_usable(locale)))
    cases = [
        # the function word stands outside the span
        ("Select **Ledger totals** now.", f"{verb} {word} **{label} {rest}**."),
        # the source's span ends in a function word too
        ("Select **Sign in to** now.", f"{verb} **{label} {word}** {rest}."),
        # the whole message is the span: no neighbour to take in
        ("**No ledger totals are kept.**", f"**{label} {rest} {word}**"),
        # a capital: the sentence's first word, or a name ("AD")
        ("Select **Ledger totals** now.", f"{verb} **{label} {word.upper()}** {rest}."),
        # one word inside: the rule that reads spans of function words only is placement's
        ("Select **Ledger** now.", f"{verb} **{label}** {word} {rest}."),
    ]
    for source, text in cases:
        assert _placement(source, text, locale) == [], (source, text)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a pronoun that belongs to the verb of the label
        ("fr-FR", "You must [enroll as a reseller](r.md).", "Vous devez [vous zqinscrire](r.md)."),
        ("sv-SE", "Go to [obtain a list](r.md).", "Gå till [att zqhämta en lista](r.md)."),
        # the English says "can't": its negation may stand at the edge
        ("fr-FR", "Select **Can't sign in?** now.", "Sélectionnez **ne zqpeut pas ?** zqmaint."),
        # a link that says "here" is free to say "this link"
        ("fr-FR", "See [here](r.md) for more.", "Suivez [ce zqlien](r.md) pour plus."),
        # one English word as a locution of the language, and a question word's own
        ("fr-FR", "It is **overdue** by a day.", "Il est **en retard** d'un zqjour."),
        ("es-ES", "**Now**: do it.", "**De inmediato**: zqhazlo."),
        ("it-IT", "See [how to move](g.md).", "Vedere [come zqeseguire](g.md)."),
        # a plural mark in brackets is no word
        ("fr-FR", "The **Product(s)** you claim.", "Le **Produit (s)** que vous zqdemandez."),
        # an article begins a link's phrase; a particle ends a Swedish verb
        ("de-DE", "See [ledger rules](r.md).", "Siehe [die zqregeln zqbuch](r.md)."),
        ("sv-SE", "Select **Add** to go on.", "Välj **Lägg till** för att zqfortsätta."),
    ],
)
def test_what_a_language_keeps_at_a_span_edge_is_left_alone(
    locale: str, source: str, text: str
) -> None:
    assert _placement(source, text, locale) == []


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a function word that is a verb too, told by the preposition after it
        ("pt-BR", "Please [contact support](s.md) now.", "Por favor, [entre em zqcontato](s.md)."),
        ("es-ES", "Please [sign in](s.md) now.", "Por favor, [entre en zqcuenta](s.md) ya."),
        # a pronoun before an infinitive: "en savoir plus" says "learn more"
        (
            "fr-FR",
            "Visit the page to [learn about fees](s.md).",
            "Visitez la page pour [en zqsavoir plus sur les frais](s.md).",
        ),
        # a locution doubled around a function word
        (
            "fr-FR",
            "Read the [stepwise guide](s.md) now.",
            "Lisez le [zqguide pas à pas](s.md) zqvite.",
        ),
        # a verb-final clause ends in its auxiliary, as the English has one
        (
            "de-DE",
            "See [how fees are billed](s.md) here.",
            "Siehe, [wie Gebühren zqberechnet werden](s.md) hier.",
        ),
        # a German participial attribute: the preposition is the term's agent
        (
            "de-DE",
            "Use **partner-earned credit** now.",
            "Nutzen Sie **vom Partner zqerworbene Zqguthaben** jetzt.",
        ),
        # English closed-class words said with a function word: one, yes, a negation
        (
            "pt-BR",
            "If you have none, select **Create one** now.",
            "Se não tiver, selecione **Zqcriar uma** agora.",
        ),
        ("es-ES", "Under **Need help?**, choose **Yes**.", "En **¿Zqayuda?**, elija **Sí.**"),
        (
            "fr-FR",
            "Users **cannot manage** offers.",
            "Les utilisateurs **ne zqpeuvent** gérer les offres.",
        ),
        ("de-DE", "It should be **No admin** here.", "Es sollte **keine Zqadmin** hier sein."),
    ],
)
def test_a_function_word_of_the_term_itself_is_left_alone(
    locale: str, source: str, text: str
) -> None:
    assert _placement(source, text, locale) == [], (source, text)
    assert _moved(source, text, locale) == [], (source, text)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # the same words used as a preposition, an article, a label without a verb
        ("pt-BR", "Compare [user roles](s.md) now.", "Compare [entre os zqpapéis](s.md) agora."),
        ("fr-FR", "The **List of payments** table.", "La table **de la zqliste** des paiements."),
        (
            "de-DE",
            "Select **Action required** now.",
            "Wählen Sie **Zqaktion erforderlich ist** jetzt.",
        ),
        (
            "de-DE",
            "Read about [extended zqspecs](s.md).",
            "Lesen Sie Zqspecs [über erweiterte](s.md).",  # its content outside
        ),
        ("pt-BR", "Select **Create offer** now.", "Selecione **Zqcriar oferta de** agora."),
    ],
)
def test_the_same_words_taken_in_from_the_sentence_are_still_reported(
    locale: str, source: str, text: str
) -> None:
    assert len(_placement(source, text, locale)) == 1, (source, text)


def _moved(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    return [m for m in BY_ID["placement"].func(entry, _ctx(locale)) if "moved off" in m]


def test_an_article_at_the_start_of_bold_is_reported() -> None:
    found = _placement("Open the **Billing** page.", "Öffnen Sie **die Seite** zqab.", "de-DE")
    assert len(found) == 1 and "'die' at its start" in found[0], found


@pytest.mark.parametrize("locale", SPACED)
def test_a_function_word_taken_in_at_the_start_of_a_link_is_reported(locale: str) -> None:
    words = [w for w in _usable(locale, "link", "start") if len(w) > 2]
    word = words[len(words) // 2]
    found = _placement(
        "Read the [ledger guide](g.md) first.", f"Zqread {word} [zqguide zqledger](g.md).", locale
    )
    assert found == [], found  # outside the link: nothing
    found = _placement(
        "Read the [ledger guide](g.md) first.", f"Zqread [{word} zqguide zqledger](g.md).", locale
    )
    assert len(found) == 1 and "at its start" in found[0], found


# --- span-moved: the page's usual translation outside the span ----------------------------


def _page(pairs: list[tuple[str, str]], locale: str) -> list[str]:
    check = BY_ID["span-moved"]
    assert check.entries is not None
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    return [f"{e.line}: {m}" for e, m in check.entries(entries, _ctx(locale))]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LOCALES), WORD, WORD, WORD, WORD)
def test_bold_moved_off_the_pages_usual_translation_is_reported(
    locale: str, first: str, second: str, verb: str, other: str
) -> None:
    label = f"{first} {second}"
    pairs = [
        ("Select **Ledger totals**.", f"{verb} **{label}**."),
        ("Then select **Ledger totals** again.", f"{other} {verb} **{label}**."),
        ("Select **Ledger totals** to sum.", f"**{verb}** {label} {other}."),
    ]
    found = _page(pairs, locale)
    assert len(found) == 1 and found[0].startswith("3: ") and repr(label) in found[0], found


@pytest.mark.parametrize(
    "third",
    [
        ("Select **Ledger totals** to sum.", "Zqkies **zqledger zqtotaal** zqom."),  # in place
        ("Select **Ledger totals** to sum.", "Zqkies **Ledger totals** (zqledger zqtotaal)."),
        ("Select **Ledger totals**, not ledger totals.", "**Zqkies** zqledger zqtotaal, zqniet."),
        ("Select **Ledger totals** to sum.", "Zqkies **ledgerboek zqtotalen** zqledger zqtotaal."),
    ],
)
def test_bold_where_the_evidence_is_unclear_is_left_alone(third: tuple[str, str]) -> None:
    """The span where it belongs; English kept with a gloss; the source has the label
    outside its span too; a form of the label begun like the English (a cognate)."""
    pairs = [
        ("Select **Ledger totals**.", "Zqkies **zqledger zqtotaal**."),
        ("Then select **Ledger totals** again.", "Zqkies **zqledger zqtotaal** zqweer."),
        third,
    ]
    assert _page(pairs, "nl-NL") == []


def test_one_use_elsewhere_is_no_evidence() -> None:
    pairs = [
        ("Select **Ledger totals**.", "Zqkies **zqledger zqtotaal**."),
        ("Select **Ledger totals** to sum.", "**Zqkies** zqledger zqtotaal zqom."),
    ]
    assert _page(pairs, "nl-NL") == []


def test_two_translations_used_equally_often_are_no_evidence() -> None:
    pairs = [
        ("Select **Ledger totals**.", "Zqkies **zqledger zqtotaal**."),
        ("Select **Ledger totals** now.", "Zqkies **zqledger zqtotaal** zqnu."),
        ("Select **Ledger totals** here.", "Zqkies **zqboek zqsom** zqhier."),
        ("Select **Ledger totals** there.", "Zqkies **zqboek zqsom** zqdaar."),
        ("Select **Ledger totals** to sum.", "**Zqkies** zqledger zqtotaal zqom."),
    ]
    assert _page(pairs, "nl-NL") == []


@pytest.mark.parametrize("path", sorted((DATA).glob("*.yaml")), ids=lambda p: p.stem)
def test_every_word_of_a_locales_lists_stays_a_word(path: Path) -> None:
    """YAML 1.1 reads "no", "on", "off" and "yes" as booleans: the function words of
    English and Spanish hold them, so a list must keep every item as written."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    written = {str(w).casefold() for w in raw.get("function_words") or ()}
    assert conventions(path.stem).function_words == written


def _shrunk(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    return [m for m in BY_ID["placement"].func(entry, _ctx(locale)) if "shrank" in m]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SPACED), WORD, WORD, WORD, st.sampled_from(["**{}**", "[{}](g.md)"]))
def test_a_span_shrunk_onto_one_short_word_is_reported(
    locale: str, first: str, second: str, third: str, mark: str
) -> None:
    source = "Select " + mark.format(f"{first} {second} {third}") + " now."
    shrunk = f"Zqselect {mark.format(first[:3])} {second} {third} zqnow."
    whole = f"Zqselect {mark.format(f'{first} {second} {third}')} zqnow."
    compound = f"Zqselect {mark.format(first + second + third)} zqnow."
    found = _shrunk(source, shrunk, locale)
    assert len(found) == 1 and "shrank" in found[0], found
    assert _shrunk(source, whole, locale) == []
    assert _shrunk(source, compound, locale) == []  # one compound says three words


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # two English content words only: too few to tell
        ("Select **Ledger totals** now.", "Zqselect **Zq** zqtotals zqnow."),
        # the whole message is the span
        ("**Ledger totals report**", "**Zq** zqtotals zqreport"),
    ],
)
def test_a_span_too_short_or_free_to_tell_is_left_alone(source: str, text: str) -> None:
    assert _shrunk(source, text, "fr-FR") == []


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc[:2] in ("ja", "zh", "ko")])
def test_a_script_without_spaces_is_not_measured_in_letters(locale: str) -> None:
    assert (
        _shrunk(
            "Select **Ledger totals report** now.", "**台帳**合計レポートを選択します。", locale
        )
        == []
    )
