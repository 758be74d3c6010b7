"""False alarms of `sunset check` on published translations, each as an invented pattern:
the side a label's translation keeps, names written with character references, a term
capitalised at the start of a link's text, emphasis the source has as well."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_locale_conventions import _catalog, _found

FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def test_an_identifier_kept_in_english_is_the_usual_side_of_a_tie(tmp_path: Path) -> None:
    pairs = [
        (
            "Sort by **SubscriptionEndDate** first.",
            "Zuerst nach **SubscriptionEndDate** sortieren.",
        ),
        ("Then filter by **SubscriptionEndDate**.", "Dann nach **AbonnementEndDate** filtern."),
    ]
    found = _found(_catalog(tmp_path, "de-DE", pairs), "consistency")
    assert found == [pairs[1][0]]


def test_a_translated_label_is_the_usual_side_of_a_tie_with_english(tmp_path: Path) -> None:
    pairs = [
        ("Open the **Upcoming** tab.", "Öffnen Sie die Registerkarte **Anstehend**."),
        ("Then select **Upcoming** again.", "Wählen Sie dann erneut **Upcoming** aus."),
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "consistency") == [pairs[1][0]]


@settings(max_examples=10, suppress_health_check=FUNCTION_SCOPED, deadline=None)
@given(st.sampled_from(["&nbsp;", "&#160;", "&#xA0;", "&#x202F;"]))
def test_a_name_with_a_character_reference_for_a_space_is_verbatim(
    tmp_path: Path, reference: str
) -> None:
    pairs = [("Use the Office 365 API.", f"Utilisez l'API Office{reference}365.")]
    pairs += [("Use the Office 365 API now.", "Utilisez l'API Office&amp;365.")]
    assert _found(_catalog(tmp_path, "fr-FR", pairs), "name") == [pairs[1][0]]


@pytest.mark.parametrize("opener", ["[", "(", "**", "“"])
def test_a_term_capitalised_where_a_text_starts_anew_is_its_form(
    tmp_path: Path, opener: str
) -> None:
    closer = {"[": "](x.md)", "(": ")", "**": "**", "“": "”"}[opener]
    pairs = [("Read Azure plan billing.", f"Consulte {opener}Plan de Azure: facturación{closer}.")]
    pairs += [("Read Azure plan billing now.", "Consulte el Plan de Azure ahora.")]
    assert _found(_catalog(tmp_path, "es-ES", pairs), "term") == [pairs[1][0]]


def test_emphasis_around_no_words_is_reported_only_where_the_source_has_none(
    tmp_path: Path,
) -> None:
    pairs = [
        (
            "Match the names ***exactly*** as given.",
            "Reprenez les noms ***exactement*** tels quels.",
        ),
        ("Select **Go live**.", "Sélectionnez Mettre en ligne **.**"),
    ]
    assert _found(_catalog(tmp_path, "fr-FR", pairs), "markup") == [pairs[1][0]]


def test_a_label_with_the_particle_the_locale_writes_onto_it_is_its_form(tmp_path: Path) -> None:
    pairs = [
        ("Select **Customers** first.", "먼저 **고객을** 선택합니다."),
        ("Select **Customers** now.", "지금 **사용자를** 선택합니다."),
    ]
    assert _found(_catalog(tmp_path, "ko-KR", pairs), "ui") == [pairs[1][0]]


def test_literal_values_quoted_as_in_the_source_are_no_english_left(tmp_path: Path) -> None:
    pairs = [
        (
            'Avoid words like "info admin" in the address.',
            'Vermeiden Sie Wörter wie "info admin" in der Adresse.',
        ),
        ("Avoid the shared mailbox here.", "Vermeiden Sie die shared mailbox hier."),
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "english-left") == [pairs[1][0]]


def test_bold_moved_beside_the_labels_translation_is_no_second_translation(
    tmp_path: Path,
) -> None:
    pairs = [
        ("Select **Update**.", "Seleccione **Actualizar**."),
        ("Select **Update** again.", "Seleccione **Actualizar** de nuevo."),
        ("Select the **Update** button.", "Seleccione **el botón** Actualizar."),
        ("Then select **Update** once more.", "Luego seleccione **Modificar** otra vez."),
    ]
    assert _found(_catalog(tmp_path, "es-ES", pairs), "consistency") == [pairs[3][0]]
