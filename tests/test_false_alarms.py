"""False-alarm classes of the held-out review (issue 16): what a locale writes its own way
is no defect. Invented sentences, over every shipped locale where a convention is data."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.acronyms import _UNITS, _unit_symbol
from sunsetkit.checks.conventions import conventions
from sunsetkit.content.load import load_glossary

from .conftest import ROOT

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
SHIPPED = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)


def _catalog(tmp_path: Path, locale: str, pairs: Iterable[tuple[str, str]], flag: str = "") -> Path:
    lines = ['msgid ""', 'msgstr ""', f'"Language: {locale.replace("-", "_")}\\n"', ""]
    for source, text in pairs:
        lines += [f"#, {flag}"] if flag else []
        lines += [f"msgid {json.dumps(source, ensure_ascii=False)}"]
        lines += [f"msgstr {json.dumps(text, ensure_ascii=False)}", ""]
    path = tmp_path / f"{locale}.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _found(path: Path, check: str) -> list[str]:
    findings = run_checks([path], CheckOptions(glossary=GLOSSARY)).findings
    return [f.msgid or "" for f in findings if f.check == check]


@pytest.mark.parametrize("word", sorted(conventions("en").words_in_capitals))
def test_an_english_word_in_capitals_is_no_acronym(tmp_path: Path, word: str) -> None:
    shouted = (f"Open the {word} tab of the QXZ portal.", "Zz qqq zz QXZ zz.")
    lost = (f"Open the {word} tab of the QXZ portal now.", "Zz qqq zz zz.")
    found = _found(_catalog(tmp_path, "de-DE", [shouted, lost]), "acronym")
    assert found == [lost[0]]


@pytest.mark.parametrize("locale", SHIPPED)
@pytest.mark.parametrize("code", sorted(c for c in _UNITS if c.isupper()))
def test_a_unit_written_with_the_locales_symbol_is_kept(
    tmp_path: Path, locale: str, code: str
) -> None:
    symbol = _unit_symbol(_UNITS[code], locale)
    kept = (f"Each plan holds 5 {code} of storage.", f"Zz 5 {symbol} zz.")
    lost = (f"Each plan holds 7 {code} of storage.", "Zz 7 zz.")
    found = _found(_catalog(tmp_path, locale, [kept, lost]), "acronym")
    assert found == [lost[0]]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize("tail", ["-Gutschrift", "ige Rabatt", "i zz", "d zz", "s zz"])
def test_a_percentage_after_a_number_and_a_space_is_no_placeholder(
    tmp_path: Path, space: str, tail: str
) -> None:
    prose = ("Take a 100% credit now.", f"Zz 100{space}%{tail}.")
    code = ("Take a credit now.", f"Zz %{tail}.")  # no number before it: a conversion
    found = _found(_catalog(tmp_path, "de-DE", [prose, code], "c-format"), "placeholders")
    assert found == [code[0]]
