"""A part of the English left out (`dropped-part`, #16), found by the page's own evidence:
words the page renders one way, none of whose renderings one short translation holds.
Fixtures are invented pages, one in a spaced script and one in a wide one."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.dropped import check_dropped_on_page
from sunsetkit.checks.glossary import locale_glossary

from .conftest import ROOT

BY_ID = {check.id: check for check in CHECKS}

#: A page that renders "invoice" and "payment" one way each (locale, pairs).
PAGES = {
    "nl-NL": [
        ("Open the invoice in the portal.", "Open de factuur in de portal."),
        ("The invoice lists every charge.", "De factuur toont elke kost."),
        ("Download the invoice as a file.", "Download de factuur als bestand."),
        ("The payment is due in thirty days.", "De betaling is binnen dertig dagen verschuldigd."),
        ("Each payment shows its date.", "Elke betaling toont de datum."),
        ("Cancel a payment before noon.", "Annuleer een betaling voor de middag."),
    ],
    "ja-JP": [
        ("Open the invoice in the portal.", "ポータルで請求書を開きます。"),
        ("The invoice lists every charge.", "請求書にはすべての料金が表示されます。"),
        ("Download the invoice as a file.", "請求書をファイルとしてダウンロードします。"),
        ("The payment is due in thirty days.", "支払いの期限は 30 日以内です。"),
        ("Each payment shows its date.", "各支払いには日付が表示されます。"),
        ("Cancel a payment before noon.", "正午までに支払いを取り消します。"),
    ],
}
ENGLISH = "Send the invoice and the payment reminder to every customer this week."
#: The English said whole, and said short (the invoice and the payment lost).
WHOLE = {
    "nl-NL": "Stuur deze week de factuur en de betalingsherinnering naar elke klant.",
    "ja-JP": "今週、請求書と支払いのリマインダーをすべての顧客に送信します。",
}
SHORT = {"nl-NL": "Stuur deze week.", "ja-JP": "今週送信します。"}
#: One of the two said: a word alone is a rewording, not a part lost.
ONE = {"nl-NL": "Stuur de factuur.", "ja-JP": "請求書を送信します。"}


def _found(locale: str, last: str, english: str = ENGLISH) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), None)
    pairs = [*PAGES[locale], (english, last)]
    entries = [Entry(Message(source, text)) for source, text in pairs]
    return [message for _, message in check_dropped_on_page(entries, ctx)]


def test_registered_opt_in_described_and_in_the_readme() -> None:
    check = BY_ID["dropped-part"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert check.description and check.opt_in and check.entries is not None
    assert "| `dropped-part` |" in readme


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_a_short_translation_without_the_pages_renderings_is_reported(locale: str) -> None:
    (message,) = _found(locale, SHORT[locale])
    assert "'invoice'" in message and "'payment'" in message


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_the_english_said_whole_is_left_alone(locale: str) -> None:
    assert _found(locale, WHOLE[locale]) == []


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_one_word_lost_is_left_alone(locale: str) -> None:
    assert _found(locale, ONE[locale]) == []


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_the_words_lost_far_apart_are_left_alone(locale: str) -> None:
    """Two words said otherwise in two places of a long sentence: no part went missing."""
    english = "The invoice goes out today, and your customers always send their payment later."
    assert _found(locale, SHORT[locale], english) == []


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_a_short_english_is_left_alone(locale: str) -> None:
    """A heading of few words is translated tersely ("List price" as "Tarif")."""
    assert _found(locale, SHORT[locale], "Invoice and payment") == []


def test_a_word_the_page_keeps_in_english_is_no_rendering() -> None:
    """A name the page keeps as written says nothing when one message translates it."""
    page = [
        (f"Open Contoso Billing and Contoso Ledger {n}.", f"Open Contoso Billing {n}.")
        for n in range(5)
    ]
    ctx = MessageContext("nl-NL", locale_glossary(None, "nl-NL"), None)
    pairs = [*page, ("Send Contoso Billing and Contoso Ledger data to every customer.", "Stuur.")]
    entries = [Entry(Message(source, text)) for source, text in pairs]
    assert list(check_dropped_on_page(entries, ctx)) == []


def test_an_english_page_is_left_alone() -> None:
    ctx = MessageContext("en-US", locale_glossary(None, "en-US"), None)
    entries = [Entry(Message(source, text)) for source, text in [*PAGES["nl-NL"], (ENGLISH, "x")]]
    assert list(check_dropped_on_page(entries, ctx)) == []
