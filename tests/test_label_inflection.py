"""False alarms of `ui` and `consistency` (issue 16): a portal label inflected in running
text where the English bold is no click target, a space a CJK label's bold kept, a Yes/No
cell, a field's name kept in English. Invented sentences; the wrong label stays reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CheckOptions
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import WIDE
from sunsetkit.checks.glossary import check_ui_labels
from sunsetkit.content.load import load_glossary

from .conftest import ROOT
from .conftest import tiny_catalog as _catalog
from .only_checks import found as only_found

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
MD = markdown_parser()
SHIPPED = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)


def _found(path: Path, check: str) -> list[str]:
    return sorted(only_found(path, check))


def _one_word_labels() -> list[tuple[str, str, str]]:
    """(locale, label, approved form) of every label whose form is one word of letters."""
    cases = []
    for locale in SHIPPED:
        glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
        for label, form in glossary.label_text.items():
            latin = form.isalpha() and all(ord(c) < WIDE for c in form) and len(form) > 3
            if latin and form.casefold() != label.casefold() and " " not in label:
                cases.append((locale, label, form))
    return sorted(cases)


@pytest.mark.parametrize(("locale", "label", "form"), _one_word_labels())
def test_a_label_inflected_in_running_text_is_the_label(
    tmp_path: Path, locale: str, label: str, form: str
) -> None:
    inflected = form + "qe"  # an ending grammar added ("aktiven" for "Aktiv")
    agreeing = (f"Count all **{label}** items now.", f"Mm **{inflected}** mm.")
    # a click target keeps its label, inflected or not
    target = (f"Select **{label}** now.", f"Mm **{inflected}** mm.")
    # another word, or the English kept, in running text is still a wrong label
    other = (f"Count all **{label}** items again.", "Mm **Qqqqqq** mm.")
    kept = (f"Count all **{label}** items later.", f"Mm **{label}** mm.")
    found = _found(_catalog(tmp_path, locale, [agreeing, target, other, kept]), "ui")
    assert found == sorted([target[0], other[0], kept[0]])


@pytest.mark.parametrize(("locale", "label"), [("zh-CN", "帮助中心"), ("ja-JP", "ヘルプ センター")])
def test_a_space_inside_a_cjk_label_is_no_second_translation(
    tmp_path: Path, locale: str, label: str
) -> None:
    closed = label.replace(" ", "")
    spaced = closed[:2] + " " + closed[2:]
    pairs = [
        ("Open **Qhelp qdesk** now.", f"打开**{closed}**。"),
        ("Go to **Qhelp qdesk** later.", f"转到**{spaced}**。"),
        ("See **Qhelp qdesk** first.", f"查看**{closed}**。"),
        ("Try **Qhelp qdesk** again.", "试试**支持页面**。"),
    ]
    found = _found(_catalog(tmp_path, locale, pairs), "consistency")
    assert found == ["Try **Qhelp qdesk** again."]


def _cells(tmp_path: Path, locale: str, cells: list[tuple[str, str]]) -> Path:
    """A catalog of table cells, each in its own context (a row), as a page has them."""
    lines = ['msgid ""', 'msgstr ""', f'"Language: {locale.replace("-", "_")}\\n"', ""]
    for row, (source, text) in enumerate(cells):
        lines += [f'msgctxt "row {row}"', f"msgid {json.dumps(source)}"]
        lines += [f"msgstr {json.dumps(text, ensure_ascii=False)}", ""]
    path = tmp_path / f"{locale}.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_no_cell_is_not_compared_with_the_word_of_yes(tmp_path: Path, locale: str) -> None:
    # "Qja" translates Yes three times; one No cell written "Qja" does not make "Qnej"
    # the odd translation of No
    cells = [("Yes", "Qja")] * 3 + [("No", "Qja"), ("No", "Qnej"), ("No", "Qnej")]
    assert _found(_cells(tmp_path, locale, cells), "consistency") == []
    # two words of the label's own are still two translations
    cells = [("No", "Qnej"), ("No", "Qnej"), ("No", "Qnix")]
    assert _found(_cells(tmp_path, locale, cells), "consistency") == ["No"]


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_field_name_kept_in_english_is_right(tmp_path: Path, locale: str) -> None:
    pairs = [
        ("Open the **Qopportunity** form.", "Mm **Qchance** mm."),
        ("Fill in the **Qopportunity** custom fields.", "Mm **Qopportunity-Qfelder** mm."),
        ("Close the **Qopportunity** form.", "Mm **Qchance** mm."),
        # kept in English where the English names no field: still inconsistent
        ("Save the **Qopportunity** form.", "Mm **Qopportunity** mm."),
    ]
    found = _found(_catalog(tmp_path, locale, pairs), "consistency")
    assert found == ["Save the **Qopportunity** form."]


def _first_label_per_locale() -> list[tuple[str, str, str]]:
    seen: dict[str, tuple[str, str, str]] = {}
    for locale, label, form in _one_word_labels():
        seen.setdefault(locale, (locale, label, form))
    return sorted(seen.values())


@pytest.mark.parametrize(("locale", "label", "form"), _first_label_per_locale())
def test_a_state_value_in_lower_case_is_the_label(locale: str, label: str, form: str) -> None:
    ctx = MessageContext(locale, CheckOptions(glossary=GLOSSARY).locale_glossary(locale), MD)

    def ui(source: str, text: str) -> list[str]:
        return list(check_ui_labels(Entry(Message(source, text)), ctx))

    lower = form.lower()
    # the English names it a value of a state: a word of the sentence, in lower case
    assert ui(f"Your status will change to **{label}** soon.", f"Mm **{lower}** mm.") == []
    # no state named, or named as a place (a page), or another word: still reported
    assert ui(f"Go to **{label}** soon.", f"Mm **{lower}** mm.")
    assert ui(f"The status shows on the **{label}** page.", f"Mm **{lower}** mm.")
    assert ui(f"Your status will change to **{label}** soon.", "Mm **qqqqqq** mm.")


@pytest.mark.parametrize(("locale", "label", "form"), _first_label_per_locale())
def test_a_state_after_a_copula_is_a_word_of_the_sentence(
    locale: str, label: str, form: str
) -> None:
    ctx = MessageContext(locale, CheckOptions(glossary=GLOSSARY).locale_glossary(locale), MD)

    def ui(source: str, text: str) -> list[str]:
        return list(check_ui_labels(Entry(Message(source, text)), ctx))

    lower, verb = form.lower(), form.lower() + "rse"
    # what the subject is or becomes: the locale's adjective in lower case, or its verb
    assert ui(f"Partners then become **{label}** in it.", f"Mm **{lower}** mm.") == []
    if len(form) >= 5 and form.isalpha():
        assert ui(f"Zqas that are currently **{label}** stay.", f"Mm **{verb}** mm.") == []
    # no copula before it, or another word: still reported
    assert ui(f"Partners then see **{label}** in it.", f"Mm **{lower}** mm.")
    assert ui(f"Partners then become **{label}** in it.", "Mm **qqqqqq** mm.")
