# ruff: noqa: RUF001 (typographic apostrophes are what translations write)
"""Meaning a machine translation lost, seen from structure (#16): a verb the source negates
with no negation at all in the translation (`negation`), and a word doubled that the source
has once (`doubled-word`).

Fixtures are invented sentences of each pattern; the properties run over whatever the
locale data lists (locale_data/*.yaml: `negations`, `function_words`)."""

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
from sunsetkit.checks.meaning import says_no

from .conftest import ROOT
from .one_message import findings

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
TRANSLATED = [locale for locale in LOCALES if not locale.startswith("en")]
#: Words that say nothing in any shipped locale: filler for invented translations.
FILLER = ("Contoso", "Fabrikam", "Tailspin", "Litware", "Q4", "2031")


def _found(check_id: str, source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(BY_ID[check_id].func(Entry(Message(source, text)), ctx))


def _spelled(form: str) -> str:
    """A word of the form: a stem with an ending, else as it is."""
    return form[:-1] + "en" if form.endswith("*") else form


def test_the_checks_are_registered_described_and_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for check_id in ("negation", "negated-modal", "doubled-word"):
        assert BY_ID[check_id].description
        assert f"`{check_id}`" in readme


@pytest.mark.parametrize("locale", ["en", *TRANSLATED])
def test_every_locale_lists_its_negations_as_words(locale: str) -> None:
    forms = conventions(locale).negations
    assert forms, locale
    # YAML 1.1 reads a bare `no` or `off` as false: every form must be the word itself
    assert not {"true", "false"} & set(forms), locale
    assert all(form.strip(" *'") for form in forms), locale


# --- negation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "lost", "kept"),
    [
        (
            "de-DE",
            "Sie können den Bericht danach löschen.",
            "Sie können den Bericht danach nicht löschen.",
        ),
        (
            "fr-FR",
            "Vous pouvez ensuite supprimer le rapport.",
            "Vous ne pouvez plus supprimer le rapport.",
        ),
        ("ja-JP", "その後、レポートを削除できます。", "その後、レポートは削除できません。"),
        ("ko-KR", "그 후에 보고서를 삭제할 수 있습니다.", "그 후에는 보고서를 삭제할 수 없습니다."),
        ("zh-CN", "之后可以删除该报表。", "之后无法删除该报表。"),
        (
            "nl-NL",
            "Daarna kunt u het rapport verwijderen.",
            "Daarna kunt u het rapport niet verwijderen.",
        ),
        ("es-ES", "Después puede eliminar el informe.", "Después no puede eliminar el informe."),
        ("pl-PL", "Następnie możesz usunąć raport.", "Następnie nie możesz usunąć raportu."),
    ],
)
def test_a_negation_turned_into_its_opposite_is_reported(locale: str, lost: str, kept: str) -> None:
    source = "After that, you can't delete the report."
    assert _found("negation", source, lost, locale) == [
        'the source says "can\'t" and the translation has no negation at all: it says the '
        "opposite, or lost the clause"
    ]
    assert _found("negation", source, kept, locale) == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_negation_of_the_locale_is_accepted(locale: str) -> None:
    source = "The Contoso report does not show Fabrikam orders."
    for form in conventions(locale).negations:
        text = f"Contoso {_spelled(form)} Fabrikam."
        assert _found("negation", source, text, locale) == [], (locale, form)
    assert _found("negation", source, "Contoso Fabrikam.", locale)


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize(
    "source",
    [
        # the negation a translation says another way, or turns around
        "The list includes, but is not limited to, Contoso and Fabrikam.",
        "You can't sign in unless Contoso approves it.",
        "Select whether or not Contoso may see it.",
        "Scenarios may or may not be supported by Contoso.",
        "Check whether Contoso has or hasn't signed in.",
        # a negation joined by a hyphen is part of an adjective
        "Contoso writes a never-ending list of Fabrikam orders.",
        "Contoso credentials may not be the same as Fabrikam credentials.",
        # no verbal negation: "not" after "is", "no" before a noun (unavailable, free)
        "The option is not available in Contoso.",
        "Join at no cost.",
        # a negation inside a link target is no text
        "See [Contoso](never-again.md) for Fabrikam.",
    ],
)
def test_negations_said_otherwise_are_not_reported(locale: str, source: str) -> None:
    assert _found("negation", source, "Contoso Fabrikam.", locale) == []


_VERBAL = [form for form in conventions("en").negations if " " in form or "'" in form]


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(TRANSLATED),
    negation=st.sampled_from(_VERBAL),
    asserted=st.sampled_from(_VERBAL),
    joiner=st.sampled_from(["or", "nor", "or else", "OR"]),
)
def test_a_negation_offered_as_a_choice_is_no_negation(
    locale: str, negation: str, asserted: str, joiner: str
) -> None:
    """ "has or hasn't", "is or isn't": any negation after "or" names an alternative, which
    a translation says as "whether" or leaves out; a negation asserted beside it counts."""
    choice = f"Contoso signed {joiner} {negation} sign the Fabrikam form."
    if joiner == "or else":  # "or else" starts a clause: its negation is asserted
        assert _found("negation", choice, "Contoso Fabrikam.", locale)
        return
    assert _found("negation", choice, "Contoso Fabrikam.", locale) == []
    asserted_too = f"{choice} Tailspin {asserted} see it."
    assert _found("negation", asserted_too, "Contoso Fabrikam.", locale)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_translation_that_asks_whether_or_says_only_is_not_reported(locale: str) -> None:
    """ "You can't unless" said as "you can only if", "check that it hasn't" as "check
    whether it has": the locale's words for whether and only leave the polarity open."""
    forms = conventions(locale).negation_open
    assert forms, f"{locale} lists no negation_open words"
    source = "You can't change the Contoso name until Fabrikam approves it."
    for form in forms:
        text = f"Contoso {_spelled(form)} Fabrikam."
        assert _found("negation", source, text, locale) == [], (locale, form)
        assert says_no(text, forms)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_english_kept_in_the_translation_keeps_its_negation(locale: str) -> None:
    source = "Select **Can't access your account?** to reset it."
    text = "Contoso **Can’t access your account?** Fabrikam."
    assert _found("negation", source, text, locale) == []


def test_an_elided_negation_counts() -> None:
    source = "Some deals could not be migrated."
    assert _found("negation", source, "L'impossibilité de migrer les affaires.", "fr-FR") == []
    assert _found("negation", source, "Les affaires n’ont pas été migrées.", "fr-FR") == []


def test_english_and_unknown_locales_are_not_checked() -> None:
    source = "You can't delete the report."
    assert _found("negation", source, "You can delete the report.", "en-US") == []
    assert _found("negation", source, "Xyz qwv.", "xx-XX") == []


_WORDS = st.sampled_from(["the", "report", "shows", "Contoso", "orders", "and", "today", "can"])


@settings(max_examples=60, deadline=None)
@given(words=st.lists(_WORDS, min_size=1, max_size=12), locale=st.sampled_from(TRANSLATED))
def test_a_source_without_negation_is_never_reported(words: list[str], locale: str) -> None:
    assert _found("negation", " ".join(words) + ".", "Contoso Fabrikam.", locale) == []


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(TRANSLATED),
    negation=st.sampled_from(conventions("en").negations),
    before=st.lists(st.sampled_from(FILLER), max_size=4),
)
def test_every_english_negation_is_read(locale: str, negation: str, before: list[str]) -> None:
    source = " ".join([*before, "Contoso", negation, "show", "Fabrikam"]) + "."
    assert says_no(source, conventions("en").negations)
    assert _found("negation", source, " ".join([*before, "Contoso Fabrikam."]), locale)


# --- doubled-word -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "source", "text", "word"),
    [
        ("fr-FR", "Offers of third-party publishers.", "Offres d'éditeurs tiers tiers.", "tiers"),
        (
            "pl-PL",
            "Review the claim.",
            "Sprawdź weryfikacji weryfikacji roszczenie.",
            "weryfikacji",
        ),
        ("sv-SE", "United States and Puerto Rico", "USA och Puerto Puerto", "Puerto"),
        ("ko-KR", "The monthly or annual charge", "월별 월별 또는 연간 요금", "월별"),
        (
            "it-IT",
            "Restore the default settings.",
            "Ripristina le impostazioni predefinite predefinite.",
            "predefinite",
        ),
    ],
)
def test_a_doubled_word_is_reported(locale: str, source: str, text: str, word: str) -> None:
    assert _found("doubled-word", source, text, locale) == [
        f"'{word} {word}': a word doubled that the source has once"
    ]


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # grammar: a relative pronoun before an article, a reflexive pronoun
        ("de-DE", "Customers who use the app", "Kunden, die die App nutzen"),
        ("fr-FR", "When you sign in", "Lorsque vous vous connectez"),
        # the source has the word twice: word order may bring them together
        (
            "nl-NL",
            "Contoso will bring Contoso Ledger to Fabrikam.",
            "Op 1 mei brengt Contoso Contoso Ledger naar Fabrikam.",
        ),
        # a double space parts two cells or columns; another case is another word
        ("es-ES", "Name  A friendly name", "Nombre  Nombre descriptivo"),
        ("it-IT", "Data of partners in Partner Center", "Dati dei partner Partner Center"),
        # numbers and values
        ("de-DE", "Enter 10 and 10 again.", "Geben Sie 10 10 ein."),
        # inside a link target
        ("sv-SE", "See [this page](docs/docs.md).", "Se [den här sidan](docs/docs.md)."),
    ],
)
def test_doublings_that_are_grammar_or_values_are_not_reported(
    locale: str, source: str, text: str
) -> None:
    assert _found("doubled-word", source, text, locale) == []


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_function_word_doubled_is_reported(locale: str) -> None:
    for word in sorted(locale_glossary(None, locale).function_words):
        if " " in word or not word.isalpha():
            continue
        text = f"Contoso {word} {word} Fabrikam"
        assert _found("doubled-word", "Contoso and Fabrikam", text, locale) == [], word


@pytest.mark.parametrize("locale", TRANSLATED)
def test_no_verb_particle_doubled_is_reported(locale: str) -> None:
    """A particle, then a preposition spelled the same (Swedish "ladda upp upp till"):
    grammar, whatever the particle; a content word beside them is still reported."""
    for word in sorted(conventions(locale).particles):
        text = f"Contoso {word} {word} Fabrikam"
        assert _found("doubled-word", "Upload Contoso up to Fabrikam", text, locale) == [], word
    stutter = "Contoso Ledger Ledger Fabrikam"
    assert _found("doubled-word", "Contoso Ledger for Fabrikam", stutter, locale)


def test_particles_are_no_function_words() -> None:
    """Particles are for `doubled-word` only: as function words, placement and
    separated-list would take an item ending in one ("Ladda upp") for one cut off."""
    for locale in TRANSLATED:
        assert not conventions(locale).particles & locale_glossary(None, locale).function_words


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.sampled_from((*FILLER, "Ledger", "Report")), min_size=1, max_size=10),
    locale=st.sampled_from(TRANSLATED),
)
def test_a_translation_without_doubling_is_never_reported(words: list[str], locale: str) -> None:
    text = " ".join(
        word for index, word in enumerate(words) if index == 0 or words[index - 1] != word
    )
    assert _found("doubled-word", " ".join(words), text, locale) == []


# --- negated-modal ----------------------------------------------------------------------

#: An invented sentence that denies each modal.
_DENIED = {
    "can": "You can't change the Contoso plan.",
    "must": "You don't have to change the Contoso plan.",
}
_MODAL_CASES = [
    (locale, modal, form)
    for locale in TRANSLATED
    for modal, forms in conventions(locale).modals.items()
    for form in forms
]


def _modal(source: str, text: str, locale: str) -> list[str]:
    return findings("negated-modal", source, text, locale, "with no negation")


def test_every_locale_gives_the_words_of_every_denied_modal() -> None:
    assert conventions("en").negated_modals.keys() == _DENIED.keys()
    for locale in TRANSLATED:
        assert conventions(locale).modals.keys() == _DENIED.keys(), locale


@pytest.mark.parametrize(("locale", "modal", "form"), _MODAL_CASES)
def test_a_modal_said_with_no_negation_is_reported_and_with_one_left_alone(
    locale: str, modal: str, form: str
) -> None:
    source = _DENIED[modal]
    said = _spelled(form)
    assert _modal(source, f"Contoso {said} Fabrikam.", locale), (locale, form)
    own = conventions(locale)
    for word in (own.negations[0], own.negation_open[0]):
        assert not _modal(source, f"Contoso {said} {_spelled(word)} Fabrikam.", locale)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_denied_can_said_as_must_is_reported(locale: str) -> None:
    """en.yaml's `modal_flips`: "can't" said as the locale's "must" with no negation."""
    must = _spelled(conventions(locale).modals["must"][0])
    assert _modal(_DENIED["can"], f"Contoso {must} Fabrikam.", locale), locale
    assert not _modal("You can change the Contoso plan.", f"Contoso {must} Fabrikam.", locale)


@pytest.mark.parametrize(
    "source",
    [
        "You can change the Contoso plan.",  # no modal denied
        "You can't change the Contoso plan unless Fabrikam agrees.",  # turned around
        "Contoso can or can't change the plan.",  # a choice, not asserted
        "You do not change the Contoso plan.",  # a negation, no modal
        "You can't change the Contoso plan before March.",  # said as "only after"
    ],
)
def test_a_modal_not_denied_is_left_alone(source: str) -> None:
    for locale in TRANSLATED:
        said = _spelled(conventions(locale).modals["can"][0])
        assert not _modal(source, f"Contoso {said} Fabrikam.", locale), locale


@pytest.mark.parametrize("locale", [loc for loc in TRANSLATED if conventions(loc).opposites])
def test_a_bound_said_for_a_denied_modal_is_left_alone(locale: str) -> None:
    """ "cannot exceed 40" said as "can be 40 at most": the locale's maximum word."""
    own = conventions(locale)
    said = _spelled(own.modals["can"][0])
    bound = _spelled(own.opposites["maximum"][0])
    source = "The Contoso name can't exceed 40 characters."
    assert _modal(source, f"Contoso {said} Fabrikam 40.", locale)
    assert not _modal(source, f"Contoso {said} {bound} 40 Fabrikam.", locale)


def test_a_compounds_end_then_its_verb_is_no_doubled_word() -> None:
    """Korean "확인 표시 표시" ("display a check mark"): the first ends a compound the
    message writes again ("확인 표시가"), the second is the verb noun the message says with
    a light verb (`light_verbs`) or that ends it. Without that evidence it is a stutter."""
    source = "Display the zqarvo mark: the zqarvo mark is displayed."
    both = "조르 표시 표시: 조르 표시가 옆에 표시 됩니다."
    heading = "조르 표시가 있습니다. 조르 표시 표시"
    assert _found("doubled-word", source, both, "ko-KR") == []
    assert _found("doubled-word", source, heading, "ko-KR") == []
    stutter = "조르 표시 표시: 옆에 표시 됩니다."  # no compound said again
    assert _found("doubled-word", source, stutter, "ko-KR")
    # `light_verbs` is Korean data: the same shape elsewhere is still reported
    assert _found("doubled-word", source, "Zorg merk merk: zorg merk hier.", "nl-NL")
