"""`consistency` and bold set on other words than the label's: no second translation of
it, the placement check's defect. Invented pages of the pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.conventions import locale_data

from .conftest import tiny_catalog as _catalog


def _consistency(tmp_path: Path, locale: str, pairs: list[tuple[str, str]]) -> list[str]:
    findings = run_checks([_catalog(tmp_path, locale, pairs)], CheckOptions()).findings
    return [f.msgid or "" for f in findings if f.check == "consistency"]


def test_bold_that_took_in_the_neighbour_of_a_wide_label_is_no_second_translation(
    tmp_path: Path,
) -> None:
    usual = [(f"Select the **Zqarvo** tab {n}.", f"选择 **帐户** 选项卡 {n}。") for n in range(2)]
    grown = ("Open the customer **Zqarvo** now.", "立即打开 **客户帐户**。")
    assert _consistency(tmp_path, "zh-CN", [*usual, grown]) == []
    other = ("Open the **Zqarvo** now.", "立即打开 **账号**。")
    assert _consistency(tmp_path, "zh-CN", [*usual, other]) == [other[0]]


def test_bold_on_unrelated_words_the_placement_check_reports_is_no_second_translation(
    tmp_path: Path,
) -> None:
    usual = [
        (f"Verify all show **suspended** {n}.", f"Controleer of alles is **opgeschort** {n}.")
        for n in range(2)
    ]
    moved = (
        "The zqarvo shows **suspended** on the list.",
        "Het zqarvo wordt **tijdelijk in de** lijst weergegeven.",
    )
    assert _consistency(tmp_path, "nl-NL", [*usual, moved]) == []
    # a word of its own in the bold, where nothing is misplaced, is a second translation
    other = ("The zqarvo shows **suspended** on the list.", "Het zqarvo wordt **geschorst**.")
    assert _consistency(tmp_path, "nl-NL", [*usual, other]) == [other[0]]


def test_a_field_name_kept_in_english_is_no_second_translation_of_its_label(
    tmp_path: Path,
) -> None:
    translated = ("**Zqarvo Code**: give the code now.", "**Codice zqarvo**: indicare il codice.")
    field = (
        "Update the **Zqarvo Code** field name in the CRM.",
        "Aggiornare il **nome del campo Zqarvo Code** nel CRM.",
    )
    assert _consistency(tmp_path, "it-IT", [translated, field]) == []
    # no field named: the English kept beside a translation is a second spelling
    kept = ("Update the **Zqarvo Code** now.", "Aggiornare **Zqarvo Code** ora.")
    assert _consistency(tmp_path, "it-IT", [translated, kept])


def test_two_renderings_each_used_again_and_again_have_no_wrong_side(tmp_path: Path) -> None:
    def uses(words: str, count: int, start: int) -> list[tuple[str, str]]:
        return [
            (f"See **Zqarvo** {n}.", f"Voir **{words}** {n}.") for n in range(start, start + count)
        ]

    # one rendering used more often, the other twice: two settled renderings
    assert _consistency(tmp_path, "fr-FR", [*uses("Fonctions", 3, 0), *uses("Moyens", 2, 9)]) == []
    # used once, it is the page's slip
    once = uses("Moyens", 1, 9)
    assert _consistency(tmp_path, "fr-FR", [*uses("Fonctions", 3, 0), *once]) == [once[0][0]]
    # the English kept twice is English left, however often
    kept = uses("Zqarvo", 2, 9)
    found = _consistency(tmp_path, "fr-FR", [*uses("Fonctions", 3, 0), *kept])
    assert found == [m for m, _ in kept]


@pytest.mark.parametrize("locale", ["zh-CN", "ja-JP"])
def test_a_linking_particle_left_out_is_one_rendering(tmp_path: Path, locale: str) -> None:
    particle = str(locale_data(locale)["linking_particles"][0])
    with_it = [(f"See **Zqarvo** {n}.", f"看 **现在{particle}活动席位** {n}。") for n in range(2)]
    without = ("See **Zqarvo** 9.", "看 **现在活动席位** 9。")
    assert _consistency(tmp_path, locale, [*with_it, without]) == []
    other = ("See **Zqarvo** 9.", "看 **当前席位** 9。")
    assert _consistency(tmp_path, locale, [*with_it, other]) == [other[0]]


def test_bold_on_words_that_render_the_english_outside_its_bold_is_no_translation(
    tmp_path: Path,
) -> None:
    # each use's bold holds a word spelt alike with English beside the English bold
    # ("click", "automatically"), none with the label's: two misplaced bolds, no spellings
    clicked = (
        "To join, click **Zqarvo now** on the page.",
        "Para participar, **clicar** em Xuvem já na página.",
    )
    renewed = (
        "After the trial, **Zqarvo now** opens automatically.",
        "Após a avaliação, Xuvem já abre **automaticamente**.",
    )
    assert _consistency(tmp_path, "pt-BR", [clicked, renewed]) == []
    # renderings of words of their own are two translations
    one = ("To join, click **Zqarvo now** on the page.", "Para participar, clique **Xuvem já**.")
    other = ("The plan renews **Zqarvo now** automatically.", "O plano renova **Zorbo agora**.")
    assert len(_consistency(tmp_path, "pt-BR", [one, other])) == 2
