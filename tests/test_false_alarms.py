# ruff: noqa: RUF001 (the quotation marks of CJK text are the point here)
"""False-alarm classes of the held-out review (issue 16): what a locale writes its own way
is no defect. Invented sentences, over every shipped locale where a convention is data."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from sunsetkit.checks.acronyms import _UNITS, _unit_symbol
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.numbers import numbers
from sunsetkit.content.load import load_glossary

from .conftest import ROOT
from .only_checks import found

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
    return found(path, check)


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


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_percentage_in_words_is_kept_a_changed_one_is_not(tmp_path: Path, locale: str) -> None:
    words = ("The credit covers 100% of the fee.", "Zz qqq zz.")
    changed = ("The credit covers 100% of the price.", "Zz 50 % zz.")
    assert _found(_catalog(tmp_path, locale, [words, changed]), "number") == [changed[0]]


@pytest.mark.parametrize("hour", range(1, 13))
@pytest.mark.parametrize("half", ["PM", "AM", "p.m."])
def test_a_time_on_the_24_hour_clock_is_the_same_time(tmp_path: Path, hour: int, half: str) -> None:
    hour24 = hour % 12 + (12 if half[0] in "Pp" else 0)
    same = (f"It runs at {hour} {half} daily.", f"Zz {hour24} zz.")
    other = (f"It runs at {hour} {half} weekly.", f"Zz {(hour24 + 1) % 24 + 30} zz.")
    found = _found(_catalog(tmp_path, "de-DE", [same, other]), "number")
    assert found == [other[0]]


@pytest.mark.parametrize(("day", "year"), [(31, 2021), (15, 2019), (28, 2024)])
def test_a_date_with_its_comma_unspaced_is_compared_by_its_parts(
    tmp_path: Path, day: int, year: int
) -> None:
    kept = (f"Finish before March {day},{year}.", f"Zz {year} zz 3 zz {day} zz.")
    lost = (f"Start before March {day},{year}.", f"Zz {year} zz 3 zz.")
    assert _found(_catalog(tmp_path, "ja-JP", [kept, lost]), "number") == [lost[0]]


def _neighbour(locale: str) -> str:
    """A function word of the locale, or an invented neighbour where it has none."""
    return min(conventions(locale).function_words or {"zz"})


@pytest.mark.parametrize("locale", SHIPPED)
@pytest.mark.parametrize("check", ["consistency", "label-spelling"])
def test_bold_shifted_onto_a_neighbour_is_no_second_translation(
    tmp_path: Path, locale: str, check: str
) -> None:
    near = _neighbour(locale)
    usual = "Wählen Sie **Qorvex Plimba** zz."
    pairs = [(f"Select **Remove the frob** now {n}.", usual) for n in range(3)]
    # the bold shifted left over a neighbour, and right over another
    pairs.append(("Select **Remove the frob** later.", f"Wählen Sie **{near} Qorvex** Plimba"))
    pairs.append(("Select **Remove the frob** soon.", "Wählen Sie Qorvex **Plimba vrrk** x."))
    assert _found(_catalog(tmp_path, locale, pairs), check) == []
    other = [*pairs[:3], ("Select **Remove the frob** again.", "Wählen Sie **Drebnu Kalto**.")]
    assert _found(_catalog(tmp_path, locale, other), check) == [other[-1][0]]


def _frames() -> list[tuple[str, str, str]]:
    return [
        (locale, side, word)
        for locale in SHIPPED
        for side in ("before", "after")
        for word in sorted(getattr(conventions(locale), f"clause_{side}"))
    ]


@pytest.mark.parametrize(("locale", "side", "word"), _frames())
def test_a_clause_frame_outside_a_whole_clause_span_is_no_misplacement(
    tmp_path: Path, locale: str, side: str, word: str
) -> None:
    for kind, (a, b) in (("link", ("[", "](x.md)")), ("bold", ("**", "**"))):
        framed = f"{a}比较支持计划{b}"
        framed = f"{word}{framed}。" if side == "before" else f"{framed}{word}。"
        pairs = [(f"{a}Compare the plans{b}.", framed)]
        pairs.append((f"{a}Compare the offers{b}.", f"{a}比较支持计划{b}内容词汇。"))
        found = _found(_catalog(tmp_path, locale, pairs), "placement")
        assert found == [pairs[1][0]], kind


@pytest.mark.parametrize("locale", [loc for loc in SHIPPED if not conventions(loc).clause_after])
def test_a_spaced_locale_has_no_clause_frame(tmp_path: Path, locale: str) -> None:
    pairs = [("[Compare the plans](x.md).", "[Zz qq](x.md) zzz.")]
    assert _found(_catalog(tmp_path, locale, pairs), "placement") == [pairs[0][0]]


@pytest.mark.parametrize("locale", [loc for loc in SHIPPED if conventions(loc).label_marks])
def test_italic_written_in_the_locales_quotation_marks_is_not_lost(
    tmp_path: Path, locale: str
) -> None:
    for opening, closing in conventions(locale).label_marks:
        quoted = ("Type *the plan name* here.", f"여기 {opening}플랜 이름{closing} 입력.")
        # one of two kept: a span lost, though the script may set all upright (`no_italics`)
        lost = ("Type *the offer* or *the plan* here.", "여기 *오퍼* 플랜 입력.")
        assert _found(_catalog(tmp_path, locale, [quoted, lost]), "markup") == [lost[0]]


def test_korean_marks_italic_with_quotation_marks() -> None:
    assert ("‘", "’") in conventions("ko-KR").label_marks
    assert ("「", "」") in conventions("ja-JP").label_marks


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_loanword_the_locale_uses_is_no_english_left(tmp_path: Path, locale: str) -> None:
    """Every loanword of the locale, its messages side by side in one catalog (both
    checks read each message alone): kept in a sentence it is no English left (the same
    sentence's English left is), bold on it alone is no bold English, bold on it with an
    English word is, unless that phrase is a loanword too."""
    loanwords = conventions(locale).loanwords
    assert loanwords, locale
    left: dict[str, str] = {}
    kept: dict[str, str] = {}
    bold: dict[str, bool] = {}
    pairs = []
    for word in loanwords:
        pairs += [(f"Open the {word} with care every morning.", f"Zz qqq {word} xx yyy vv.")]
        pairs += [(f"Open the {word} with care every evening.", "Zz qqq with care every evening.")]
        pairs += [(f"Open **{word}** now.", f"Zz **{word}** vv.")]
        pairs += [(f"Open **{word} zone** now.", f"Zz **{word} zone** vv.")]
        kept[pairs[-4][0]] = left[pairs[-3][0]] = word
        bold[pairs[-2][0]] = False
        bold[pairs[-1][0]] = f"{word} zone" not in loanwords
    path = _catalog(tmp_path, locale, pairs)
    english = Counter(_found(path, "english-left"))
    wrong = [word for source, word in left.items() if english[source] != 1]
    wrong += [word for source, word in kept.items() if english[source]]
    assert not wrong, f"{locale} english-left: {wrong}"
    flagged = Counter(_found(path, "bold-english"))
    wrong_bold = [source for source, expected in bold.items() if flagged[source] != expected]
    assert not wrong_bold, f"{locale} bold-english: {wrong_bold}"


@pytest.mark.parametrize("locale", [loc for loc in SHIPPED if not loc.startswith("en")])
@pytest.mark.parametrize("span", ["[{}](x.md)", "**{}**"])
def test_an_english_title_with_a_gloss_is_kept_by_policy(
    tmp_path: Path, locale: str, span: str
) -> None:
    title = "Create a business profile for managed services"
    glossed = (span.format(title), f"{span.format(title)} (Qqq zzzz vvvv)")
    bare = (span.format(title) + " now", span.format(title) + " vv")
    found = _found(_catalog(tmp_path, locale, [glossed, bare]), "english-left")
    assert found == [bare[0]]


@pytest.mark.parametrize("check", ["consistency", "label-spelling"])
def test_a_name_shared_by_two_translations_does_not_make_them_one(
    tmp_path: Path, check: str
) -> None:
    usual = ("Use **Sync with Qorvex Hub** now {}.", "Zz **Qorvex Hub synchronisieren** {}.")
    pairs = [(usual[0].format(n), usual[1].format(n)) for n in range(3)]
    pairs.append(("Use **Sync with Qorvex Hub** later.", "Zz **Sync with Qorvex Hub** vv."))
    assert _found(_catalog(tmp_path, "de-DE", pairs), check) == [pairs[-1][0]]


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_label_with_bold_moved_onto_its_neighbour_is_no_second_spelling(
    tmp_path: Path, locale: str
) -> None:
    pairs = [(f"See the **Status** column {n}.", f"Zz **Qorvex** vrrk {n}.") for n in range(2)]
    pairs.append(("Read the **Status** column.", "Zz **vrrk** Qorvex."))  # moved
    pairs.append(("Check the **Status** column.", "Zz **Plimba** vrrk."))  # another
    assert _found(_catalog(tmp_path, locale, pairs), "label-spelling") == [pairs[-1][0]]


@pytest.mark.parametrize("locale", SHIPPED)
def test_an_english_label_with_a_gloss_is_no_misplacement(tmp_path: Path, locale: str) -> None:
    glossed = ("**Expiry status**:", "**Expiry status** (Qqq zzz):")
    moved = ("**Renewal status**:", "**Renewal status** qqq zzz:")
    assert _found(_catalog(tmp_path, locale, [glossed, moved]), "placement") == [moved[0]]


def _names_with_digits() -> list[tuple[str, str, str]]:
    return [
        (locale, name, forms[0])
        for locale in SHIPPED
        for name, forms in sorted(conventions(locale).names.items())
        if any(c.isdigit() for c in name) and forms
    ]


@pytest.mark.parametrize(("locale", "name", "form"), _names_with_digits())
def test_a_name_with_digits_written_in_the_locales_words_loses_no_number(
    tmp_path: Path, locale: str, name: str, form: str
) -> None:
    localized = (f"The portal operated by {name} opens in 2014.", f"Zz {form} zz 2014 zz.")
    lost = (f"The portal run by {name} opens in 2014.", "Zz zz 2014 zz.")
    found = _found(_catalog(tmp_path, locale, [localized, lost]), "number")
    # the name's digits lost with it are reported where they stand as a number (21 Vianet)
    assert found == ([lost[0]] if numbers(name, "en") else [])
