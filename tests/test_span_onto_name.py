"""A link or bold moved off its words onto a name beside them (`placement`, #16): "Sign in
to the Partner Center [dashboard](x)" as "Logga in på instrumentpanelen i
[Partnercenter.](x)". Fixtures are invented sentences; every shipped locale is tried with
its own forms of the name, as its glossary gives them."""

from __future__ import annotations

import pytest

from sunsetkit.checks.placement import select_verbs

from .one_message import OPTIONS, findings
from .test_false_alarms import SHIPPED

TRANSLATED = [locale for locale in SHIPPED if not locale.startswith("en")]
NAME = "Partner Center"


def _onto_name(source: str, text: str, locale: str) -> list[str]:
    return findings("placement", source, text, locale, "moved onto the name")


def _forms(locale: str) -> list[str]:
    """The locale's forms of the name: the name kept, and its glossary forms."""
    glossary = OPTIONS.locale_glossary(locale)
    return [form for form, english in glossary.name_forms.items() if english == NAME]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_glossary_gives_every_locale_a_form(locale: str) -> None:
    assert _forms(locale)


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("kind", [("[", "](x)"), ("**", "**")], ids=["link", "bold"])
def test_a_span_moved_onto_the_name_is_reported(locale: str, kind: tuple[str, str]) -> None:
    opening, closing = kind
    source = f"Open the {NAME} {opening}report{closing} now."
    for form in _forms(locale):
        text = f"Zorvak telmi {opening}{form}.{closing} dakkum."
        found = _onto_name(source, text, locale)
        assert len(found) == 1, (form, found)
        assert repr(NAME) in found[0]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_name_outside_the_span_or_inside_both_is_left_alone(locale: str) -> None:
    for form in _forms(locale):
        # the link on its own words, the name beside it, as in the English
        assert _onto_name(f"Open the {NAME} [report](x).", f"{form} [zorvak](x).", locale) == []
        # the English link holds the name too
        assert _onto_name(f"Open [the {NAME} report](x).", f"[{form}](x) zorvak.", locale) == []
        # the English has no such name: a link on another word is no name moved
        assert _onto_name("Open the [report](x).", f"Zorvak [{form}](x).", locale) == []


VERBS = {
    "es-ES": "seleccione",
    "fr-FR": "sélectionnez",
    "it-IT": "selezionare",
    "pt-BR": "selecione",
    "nl-NL": "selecteer",
    "sv-SE": "välj",
    "pl-PL": "wybierz",
}


def _verb_in(source: str, text: str, locale: str) -> list[str]:
    return findings("placement", source, text, locale, "the verb before its label")


@pytest.mark.parametrize(("locale", "verb"), sorted(VERBS.items()))
def test_bold_that_took_in_the_select_verb_is_reported(locale: str, verb: str) -> None:
    found = _verb_in("Then select **Zorvak**.", f"Telmi **{verb} Zorvak**.", locale)
    assert len(found) == 1 and repr(verb) in found[0]
    # the verb outside the bold, as in the English
    assert _verb_in("Then select **Zorvak**.", f"Telmi {verb} **Zorvak**.", locale) == []
    # the English label says it itself
    assert _verb_in("Then **select all**.", f"Telmi **{verb} Zorvak**.", locale) == []
    assert _verb_in("**SelectClause**: x", f"**{verb} Zorvak**: x", locale) == []
    # the English says no such verb
    assert _verb_in("Then open **Zorvak**.", f"Telmi **{verb} Zorvak**.", locale) == []


def test_every_locale_with_select_verbs_has_them_folded() -> None:
    for locale in [*TRANSLATED, "en-US"]:
        verbs = select_verbs(locale)
        assert all(verb == verb.casefold() and " " not in verb for verb in verbs)
    assert select_verbs("en-US") >= {"select", "choose", "click"}
    assert all(select_verbs(locale) for locale in VERBS)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_bold_moved_onto_an_acronym_beside_it_is_reported(locale: str) -> None:
    source = "Open the **Moving From** ZQX account now."
    assert len(_onto_name(source, "Zorvak telmi dakkum **ZQX** now.", locale)) == 1
    # the acronym outside the bold, as in the English; or the English bold spells it out
    assert _onto_name(source, "Zorvak **telmi dakkum** ZQX now.", locale) == []
    spelt = "You need **Zorg Quill Xenon** (ZQX) rights."
    assert _onto_name(spelt, "Zorvak **ZQX** telmi (Zorg Quill Xenon).", locale) == []
