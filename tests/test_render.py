"""Rendering helpers: Markdown escaping of untrusted values, glossary lookups, front matter."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.content.load import load_glossary
from sunsetkit.i18n import discover_catalogs
from sunsetkit.markdown import parser
from sunsetkit.render import (
    SPACED_LATIN,
    Vocabulary,
    _yaml_scalar,
    escape_markdown,
    first_of_month,
    format_day,
    format_number,
    join_list,
    spaced,
)

from .conftest import ROOT

HOSTILE = "Evil](javascript:alert(1)) <script>x</script> {{ 7*7 }} | **x**"


def _inline_types(markdown: str) -> set[str]:
    tokens = parser().parse(markdown)
    return {child.type for t in tokens for child in (t.children or [])}


def test_hostile_name_is_plain_text() -> None:
    name = escape_markdown(HOSTILE)
    text = f"- [{name}](x.md)\n\n| a | b |\n|---|---|\n| {name} | c |\n"
    tokens = parser().parse(text)
    types = _inline_types(text)
    assert "html_inline" not in types and "strong_open" not in types
    links = [c for t in tokens for c in (t.children or []) if c.type == "link_open"]
    assert [link.attrs["href"] for link in links] == ["x.md"]
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    assert len(cells) == 2 * len(rows)
    rendered = parser().render(text)
    assert "<script>" not in rendered and "{{ 7*7 }}" in rendered


@pytest.mark.parametrize("start", ["# x", "- x", "+ x", "> x", "1. x", "12) x", "=== x"])
def test_escaped_text_never_starts_a_block(start: str) -> None:
    tokens = parser().parse(escape_markdown(start) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]


def test_vocabulary_gives_approved_labels_and_terms() -> None:
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    nl, fr, ja = (Vocabulary(glossary, loc) for loc in ("nl-NL", "fr-FR", "ja-JP"))
    assert nl.ui("Submit") == "**Verzenden**"
    assert nl.ui("Submit").source == "**Submit**"
    assert nl.term("Partner Center") == "Partner Center"
    assert fr.term("Partner Center") == "Espace partenaires"
    assert ja.ui("Submit") == "**[送信]**"
    assert nl.term("CREST") == "CREST"
    with pytest.raises(KeyError, match="not in the glossary"):
        nl.ui("Frobnicate")
    with pytest.raises(KeyError, match="not a UI label"):
        nl.label("CREST")


@pytest.mark.parametrize(
    "value",
    ["plain title", "Title: with colon", "# hash", "'quoted'", "Étapes : suivantes", "Ja: 移行"],
)
def test_front_matter_values_round_trip_through_yaml(value: str) -> None:
    assert yaml.safe_load(f"title: {_yaml_scalar(value)}\n") == {"title": value}


def test_french_writes_the_first_of_the_month_as_an_ordinal() -> None:
    fr = Locale.parse("fr_FR")
    assert format_day(date(2018, 8, 1), "long", fr) == "1er août 2018"
    assert format_day(date(2018, 8, 2), "long", fr) == "2 août 2018"
    assert format_day(date(2018, 8, 1), "full", fr) == "mercredi 1er août 2018"
    assert format_day(date(2018, 8, 1), "short", fr) == format_date(date(2018, 8, 1), "short", fr)
    brazil, portugal = Locale.parse("pt_BR"), Locale.parse("pt_PT")
    assert format_day(date(2018, 8, 1), "long", brazil) == "1º de agosto de 2018"
    assert format_day(date(2018, 8, 1), "long", portugal) == "1 de agosto de 2018"
    assert format_day(date(2020, 7, 1), "long", Locale.parse("it_IT")) == "1° luglio 2020"


@pytest.mark.parametrize("locale_id", ["en-US", *discover_catalogs(ROOT / "locales")])
def test_other_dates_are_cldr_dates(locale_id: str) -> None:
    locale = Locale.parse(locale_id, sep="-")
    for day in (date(2020, 7, 1), date(2026, 11, 23)):
        expected = spaced(format_date(day, "long", locale), locale)
        if first_of_month(locale) and day.day == 1:
            assert format_day(day, "long", locale) != expected
        else:
            assert format_day(day, "long", locale) == expected


def test_chinese_lists_and_dates_space_latin_text_as_the_docs_do() -> None:
    zh = Locale.parse("zh_CN")
    assert (
        join_list(["Office 365 F3", "Microsoft 365 F3"], zh) == "Office 365 F3 和 Microsoft 365 F3"
    )
    assert join_list(["A", "B", "云和山"], zh) == "A、B 和云和山"  # inside an item: untouched
    assert format_day(date(2019, 1, 1), "long", zh) == "2019 年 1 月 1 日"


_NAMES = st.lists(
    st.text(alphabet="ABCxyz 0123", min_size=1, max_size=12).map(str.strip).filter(bool),
    min_size=2,
    max_size=4,
)


@given(_NAMES)
def test_japanese_pairs_take_a_conjunction_longer_lists_stay_cldr(items: list[str]) -> None:
    """CLDR's ja "and" is a bare 「、」; in a title or sentence a pair takes と."""
    ja = Locale.parse("ja_JP")
    joined = join_list(items, ja)
    if len(items) == 2:
        assert joined == f"{items[0]} と {items[1]}"
    else:
        assert joined == "、".join(items) == format_list(items, locale=ja)


@pytest.mark.parametrize("locale_id", ["en-US", *discover_catalogs(ROOT / "locales")])
def test_lists_are_cldr_lists_elsewhere(locale_id: str) -> None:
    locale = Locale.parse(locale_id, sep="-")
    items = ["Office 365 F3", "Microsoft 365 F3", "Office 365 E1"]
    if locale.language not in SPACED_LATIN:
        assert join_list(items, locale) == format_list(items, locale=locale)
    assert join_list(items[:1], locale) == items[0]


@pytest.mark.parametrize(
    ("locale_id", "four", "five"),
    [
        ("es-ES", "1200", "12.000"),
        ("pl-PL", "1200", "12\u00a0000"),
        ("de-DE", "1.200", "12.000"),
        ("en-US", "1,200", "12,000"),
    ],
)
def test_numbers_follow_cldr_minimum_grouping_digits(locale_id: str, four: str, five: str) -> None:
    locale = Locale.parse(locale_id, sep="-")
    assert (format_number(1200, locale), format_number(12000, locale)) == (four, five)
