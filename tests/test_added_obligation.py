"""`added-obligation`: the locale's "must" where the source says a wish or a possibility
and no obligation. Invented sentences of the pattern."""

from __future__ import annotations

import pytest

from sunsetkit.checks import CHECKS

from .test_glossary_free_checks import _ctx, _entry

CHECK = next(check for check in CHECKS if check.id == "added-obligation")


def _reported(locale: str, source: str, text: str) -> bool:
    entry, ctx = _entry(source, text), _ctx(locale)
    return bool(CHECK.when(entry, ctx)) and bool(list(CHECK.func(entry, ctx)))


@pytest.mark.parametrize(
    ("locale", "source", "text", "reported"),
    [
        ("ja-JP", "You want to review the zqas.", "Zqa を確認する必要があります。", True),
        ("ja-JP", "You may be asked to add a zqa.", "Zqa を追加する必要があります。", True),
        ("ko-KR", "You may send a zqa before the call.", "통화 전에 zqa를 보내야 합니다.", True),
        ("zh-CN", "Customers who want to buy zqas.", "必须购买 zqa 的客户。", True),
        # the source states a need: the translation may say "must"
        ("ja-JP", "You want zqas: you need to add them.", "Zqa を追加する必要があります。", False),
        ("ko-KR", "Make sure you may send a zqa.", "zqa를 보내야 합니다.", False),
        # no wish or possibility in the source: a paraphrase of an instruction is left alone
        ("ja-JP", "Review the zqas.", "Zqa を確認する必要があります。", False),
        # the translation says no obligation
        ("ja-JP", "You want to review the zqas.", "Zqa を確認したい場合。", False),
    ],
)
def test_obligation_said_where_the_source_says_a_wish(
    locale: str, source: str, text: str, reported: bool
) -> None:
    assert _reported(locale, source, text) is reported


def test_a_locale_without_obligation_words_is_not_searched() -> None:
    entry = _entry("You want to review the zqas.", "Sie müssen die Zqas prüfen.")
    assert not CHECK.when(entry, _ctx("de-DE"))
