"""A page that applies to one portal alone whose UI is in English (`english_portals` in
en.yaml, a sovereign cloud's Partner Center) keeps that portal's English labels: `ui`
takes the English label kept as written for the label there, and nowhere else. Invented
labels; the portals' names are the data's."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.glossary import (
    GlossaryTerms,
    check_ui_labels,
    english_portal_page,
    locale_glossary,
)
from sunsetkit.content.model import Glossary

MD = markdown_parser()
PORTALS = sorted(conventions("en").english_portals)
EVIDENCE = "agrees: 3 of 9 spans in docs (human-translated): a.md (2), b.md (1)"


def _ctx(locale: str, english_portal: bool) -> MessageContext:
    data = {
        "terms": [
            {
                "source": "Frobnicate",
                "kind": "ui",
                "translations": {locale: "Qorvindel"},
                "evidence": {locale: EVIDENCE},
            }
        ]
    }
    glossary = GlossaryTerms.of(Glossary.model_validate(data))
    return MessageContext(
        locale, locale_glossary(glossary, locale), MD, english_portal=english_portal
    )


def _ui(translation: str, ctx: MessageContext) -> list[str]:
    entry = Entry(Message("Select **Frobnicate** to go on.", translation))
    return list(check_ui_labels(entry, ctx))


@pytest.mark.parametrize("locale", ["de-DE", "fr-FR", "ja-JP"])
def test_the_english_label_kept_is_right_only_on_an_english_portals_page(locale: str) -> None:
    kept = "Xyz **Frobnicate** xyz."
    assert _ui(kept, _ctx(locale, english_portal=True)) == []
    assert _ui(kept, _ctx(locale, english_portal=False))  # elsewhere, left in English
    # there too, the label in other capitals or another word is still reported
    assert _ui("Xyz **frobnicate** xyz.", _ctx(locale, english_portal=True))
    assert _ui("Xyz **Blusketo** xyz.", _ctx(locale, english_portal=True))


@pytest.mark.parametrize("portal", PORTALS)
def test_a_page_applies_to_an_english_portal_alone_by_a_line_of_its_own(portal: str) -> None:
    assert english_portal_page(["Frobnicate the widget", "**Applies to**", portal])
    assert english_portal_page([f"**Applies to**: {portal}"])
    # listed beside the global portal, or named in a sentence: the page is for both
    assert not english_portal_page([f"**Applies to**: Partner Center | {portal}"])
    assert not english_portal_page([f"Sign in to {portal} and frobnicate the widget."])
