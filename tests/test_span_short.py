"""Bold or a link that ends short of its words (`placement`, #16): the word right after
the span is the cognate of a word inside the English span ("**Primäre** Domäne" for
"**Primary domain**"), the head of the label left outside. Fixtures are invented words
and sentences, tried in every spaced locale shipped."""

from __future__ import annotations

import pytest

from .one_message import findings
from .test_false_alarms import SHIPPED

SPACED = [
    locale
    for locale in SHIPPED
    if not locale.startswith(("en", "ja", "zh", "ko"))  # no spaces between words
]
KINDS = [("**", "**"), ("[", "](x)")]


def _short(source: str, text: str, locale: str) -> list[str]:
    return findings("placement", source, text, locale, "ends short of its words")


@pytest.mark.parametrize("locale", SPACED)
@pytest.mark.parametrize("kind", KINDS, ids=["bold", "link"])
def test_a_span_that_leaves_its_last_word_outside_is_reported(
    locale: str, kind: tuple[str, str]
) -> None:
    opening, closing = kind
    source = f"Open the {opening}Zorbit ledgers{closing} page."
    text = f"Qua vell {opening}Zorbitte{closing} ledgeren dakkum."
    found = _short(source, text, locale)
    assert len(found) == 1
    assert "'ledgeren'" in found[0]


@pytest.mark.parametrize("locale", SPACED)
@pytest.mark.parametrize(
    ("source", "text"),
    [
        # the whole label inside, in another order
        ("Open the **Zorbit ledgers** page.", "Qua vell **ledgeren Zorbitte** dakkum."),
        # the English says the word after its span too
        ("Open **Zorbit ledgers** ledgers now.", "Qua **Zorbitte ledgeren** ledgeren dakkum."),
        ("Open the **Zorbit ledgers** ledgers page.", "Qua vell **Zorbitte** ledgeren dakkum."),
        # a one-word span: nothing of it to leave out
        ("Open the **Ledgers** page.", "Qua vell **Zorbitte** ledgeren dakkum."),
        # a label, a colon, then its description, which may begin with the same word
        ("**Zorbit ledgers**: ledgers of a tomb.", "**Zorbitte ledgeren:** Ledgeren vell."),
        # the next word after punctuation, not a space: no word of the phrase
        ("Open the **Zorbit ledgers** page.", "Qua vell **Zorbitte**, ledgeren dakkum."),
    ],
)
def test_no_word_left_outside_is_no_short_span(locale: str, source: str, text: str) -> None:
    assert _short(source, text, locale) == []
