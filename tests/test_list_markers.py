"""`markup`: a list item whose dash lost its space in the translation ("-Item") is no list
item in Markdown. Every fixture is invented."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.messages import check_markup

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)


def _markup(source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(check_markup(Entry(Message(source, text, lineno=1)), ctx))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("- Two copies for the archive", "-Zwei Kopien qorbo"),
        ("- Two copies for the archive", "-注\uff1aqorbo"),
        ("Intro:\n- First item\n- Second item", "Intro:\n- Erste qorbo\n-Zweite qorbo"),
        ("+ [One link](x.md)", "+[Ein qorbo](x.md)"),
    ],
)
def test_a_dash_glued_to_its_item_is_reported(locale: str, source: str, text: str) -> None:
    found = _markup(source, text, locale)
    assert [m for m in found if "glued" in m], found


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("- Two copies for the archive", "- Zwei Kopien qorbo"),
        ("-Two copies glued in the source too", "-Zwei qorbo"),
        ("The balance is -48.00 now", "-48,00 qorbo"),
        ("Read on - it is short", "-Lesen qorbo"),
        ("1. First step", "1.第一 qorbo"),
    ],
)
def test_a_spaced_or_source_glued_marker_is_no_finding(locale: str, source: str, text: str) -> None:
    assert not [m for m in _markup(source, text, locale) if "glued" in m]
