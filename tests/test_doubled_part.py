"""A part of a word written twice inside it (`doubled-part`, #16): machine translation's
stutter in a compound or in a run of wide letters, which no space shows.

Fixtures are invented sentences of the pattern."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary

from .conftest import ROOT

MD = markdown_parser()
CHECK = {check.id: check for check in CHECKS}["doubled-part"]
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
TRANSLATED = [locale for locale in LOCALES if not locale.startswith("en")]


def _found(source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    entry = Entry(Message(source, text))
    found = list(CHECK.func(entry, ctx))
    # the precondition never hides a report
    assert CHECK.when is not None
    assert CHECK.when(entry, ctx) or not found
    return found


def test_registered_described_and_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert CHECK.description
    assert "`doubled-part`" in readme


@pytest.mark.parametrize(
    ("locale", "source", "text", "part"),
    [
        (
            "de-DE",
            "Open the account settings.",
            "Öffnen Sie die Kontoeinstellungeneinstellungen.",
            "einstellungen",
        ),
        (
            "nl-NL",
            "Pick a value in the dropdown list.",
            "Kies een waarde in de keuzelijstlijst.",
            "lijst",
        ),
        (
            "sv-SE",
            "Choose the billing period.",
            "Välj faktureringsfaktureringsperiod.",
            "fakturerings",
        ),
        ("fr-FR", "Open the **dashboard**.", "Ouvrez le **tableautableau** de bord.", "tableau"),
        ("ja-JP", "Open the report.", "レポートレポートを開きます。", "レポート"),
        ("zh-CN", "Open the billing settings page.", "打开计费设置计费设置页面。", "计费设置"),
        ("ko-KR", "Open the subscription page.", "구독관리구독관리 페이지를 엽니다.", "구독관리"),
        # with a linking particle, a part of three letters or more besides it
        ("zh-CN", "Open the report templates.", "打开列表的报表模板的报表模板。", "的报表模板"),
        # the first doubling starts inside a part; another starts at a joint
        ("sv-SE", "Open the reading exercises.", "Öppna läsningsövningsövningar.", "sövning"),
    ],
)
def test_a_part_doubled_inside_a_word_is_reported(
    locale: str, source: str, text: str, part: str
) -> None:
    found = _found(source, text, locale)
    assert len(found) == 1
    assert f"{part!r} written twice" in found[0]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_translated_locale_reads_a_doubled_part(locale: str) -> None:
    assert _found("Contoso Fabrikam", "Contosofabrikamfabrikam", locale)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a part of four letters: real words double them
        ("fr-FR", "You can search for the customer.", "Vous pouvez rechercher le client."),
        ("de-DE", "Open the support portal.", "Öffnen Sie das Supportportal."),
        # the source says it twice: the translation may join the two
        ("ja-JP", "Partner to partner deals", "パートナーパートナー取引"),
        ("nl-NL", "Your customer's customers", "Uw klantenklanten"),
        # the source writes it so: a name
        (
            "de-DE",
            "Sign in to fabrikamfabrikam.com.",
            "Melden Sie sich bei fabrikamfabrikam.com an.",
        ),
        # two parts that share letters across their joint (An-meldung, Meldung): no part
        # said twice, the first starts after a prefix
        ("de-DE", "Read the sign-in messages.", "Lesen Sie die Anmeldungsmeldungen."),
        # a Chinese linking particle repeats with a short noun: grammar (the user's user name)
        ("zh-CN", "View the user's user name.", "查看用户的用户名。"),
        # hiragana particles repeat between nouns: grammar
        ("ja-JP", "user accounts for all users", "すべてのユーザーのユーザーアカウント"),
        # in a link target, not in the text a reader sees
        (
            "nl-NL",
            "See [the guide](https://contoso.com/handleidinghandleiding).",
            "Zie [de gids](https://contoso.com/handleidinghandleiding).",
        ),
        # English itself is not read
        ("en-US", "Open the settings.", "Open the settingssettings."),
    ],
)
def test_no_doubled_part_is_reported(locale: str, source: str, text: str) -> None:
    assert _found(source, text, locale) == []
