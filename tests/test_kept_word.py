"""One lower-case English word kept in a wide-script translation where the page translates
it in its other messages (`english-left`'s page pass, #16). Fixtures are invented pages."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary

MD = markdown_parser()
ENGLISH_LEFT = {check.id: check for check in CHECKS}["english-left"]

#: (locale, the word's rendering on the page, a particle or word to end a sentence with)
PAGES = [
    ("ja-JP", "顧客", "を開きます。"),
    ("zh-CN", "客户", "已打开。"),
    ("ko-KR", "고객", " 목록을 엽니다."),
]
ENGLISH = [
    "Open the customer list.",
    "Select the customer you want.",
    "The customer gets an email.",
    "Each customer has a tenant.",
]


def _found(pairs: list[tuple[str, str]], locale: str) -> list[tuple[str, str]]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    entries = [Entry(Message(source, text)) for source, text in pairs]
    assert ENGLISH_LEFT.entries is not None
    return [(entry.msgid, message) for entry, message in ENGLISH_LEFT.entries(entries, ctx)]


def _page(locale: str, rendering: str, end: str, kept: str) -> list[tuple[str, str]]:
    """Every message renders 'customer' but the first, which holds `kept` instead."""
    texts = [f"{kept}{end}", *(f"{rendering}{i}{end}" for i in range(1, len(ENGLISH)))]
    return list(zip(ENGLISH, texts, strict=True))


@pytest.mark.parametrize(("locale", "rendering", "end"), PAGES)
def test_a_word_kept_where_the_page_translates_it_is_reported(
    locale: str, rendering: str, end: str
) -> None:
    found = _found(_page(locale, rendering, end, "Contoso customer"), locale)
    assert found == [
        (
            ENGLISH[0],
            "'customer' left in English: the page translates it in its 3 other messages "
            "that have it",
        )
    ]


@pytest.mark.parametrize(("locale", "rendering", "end"), PAGES)
@pytest.mark.parametrize(
    "kept",
    [
        "customer (顧客)",  # a gloss beside it
        "「customer」",  # a quoted value
        "customer/tenant",  # a pair of names or operations
        "customer-id",  # a part of a longer token
        "customer list",  # a phrase kept: the pair pass's, not this one's
    ],
)
def test_a_word_quoted_glossed_or_in_a_phrase_is_not_reported(
    locale: str, rendering: str, end: str, kept: str
) -> None:
    assert _found(_page(locale, rendering, end, kept), locale) == []


@pytest.mark.parametrize(("locale", "rendering", "end"), PAGES)
def test_too_little_evidence_is_no_finding(locale: str, rendering: str, end: str) -> None:
    page = _page(locale, rendering, end, "Contoso customer")
    # two other messages only
    assert _found(page[:3], locale) == []
    # kept twice: a term the translator keeps
    twice = [page[0], (page[1][0], "customer" + end), *page[2:]]
    assert _found(twice, locale) == []
    # the word in a message whose English lacks it: a word of other text (a name)
    other = [*page, ("Sign in to Contoso.", "Contoso customer portal" + end)]
    assert _found(other, locale) == []


def test_a_latin_script_locale_is_not_read() -> None:
    page = _page("de-DE", "Kunde", " öffnen.", "Contoso customer")
    assert _found(page, "de-DE") == []


@pytest.mark.parametrize(("locale", "rendering", "end"), PAGES)
@pytest.mark.parametrize("word", ["customer", "widget"])
def test_a_word_kept_is_reported_once_by_either_pass(
    locale: str, rendering: str, end: str, word: str
) -> None:
    """The message pass reports a word no locale borrows; the page pass adds only what it
    leaves."""
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    page = [
        (source.replace("customer", word), text)
        for source, text in _page(locale, rendering, end, f"Contoso {word}")
    ]
    entries = [Entry(Message(source, text)) for source, text in page]
    assert ENGLISH_LEFT.entries is not None
    found = [m for m in ENGLISH_LEFT.func(entries[0], ctx) if repr(word) in m]
    found += [
        m for e, m in ENGLISH_LEFT.entries(entries, ctx) if e is entries[0] and repr(word) in m
    ]
    assert len(found) == 1, found
