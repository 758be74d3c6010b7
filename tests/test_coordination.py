"""`repeated-item` beyond a list's end: one item said on both sides of the locale's "and"
or "or" where the source joins two different words (coordination.py). Invented
sentences of the pattern, in each script the locale data covers."""

from __future__ import annotations

import pytest

from sunsetkit.checks import CHECKS
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.coordination import coordinated_twice

from .test_glossary_free_checks import _ctx, _entry

REPEATED = next(check for check in CHECKS if check.id == "repeated-item")
SHIPPED = (
    "de-DE",
    "nl-NL",
    "sv-SE",
    "pl-PL",
    "fr-FR",
    "es-ES",
    "it-IT",
    "pt-BR",
    "ja-JP",
    "ko-KR",
    "zh-CN",
)


def _reported(locale: str, source: str, text: str) -> bool:
    entry = _entry(source, text)
    ctx = _ctx(locale)
    return bool(REPEATED.when(entry, ctx)) and bool(list(REPEATED.func(entry, ctx)))


@pytest.mark.parametrize(
    ("locale", "source", "text", "reported"),
    [
        # two near-synonyms said as one word, the item going on: the list-end rule misses it
        (
            "es-ES",
            "Zqa billing and invoicing details.",
            "Detalles de facturación y facturación de Zqa.",
            True,
        ),
        (
            "nl-NL",
            "You can pick and choose the zqas.",
            "U kunt de zqas kiezen en kiezen als u wilt.",
            True,
        ),
        ("ja-JP", "Buy or purchase the zqas.", "Zqa を購入または購入します。", True),
        ("zh-CN", "Buy or purchase the zqas.", "您可以购买或购买 Zqa。", True),
        ("ko-KR", "Feature or capability of Zqa", "Zqa 기능 또는 기능", True),
        # markup before the first item; a subject pronoun opens a clause, no back-reference
        (
            "es-ES",
            "Go to [Zqa billing and invoicing](x).",
            "Vaya a [Facturación y facturación de Zqa](x).",
            True,
        ),
        (
            "sv-SE",
            "Zqa runs on trust and we offer a safe and secure zqa.",
            "Zqa bygger på förtroende och vi erbjuder en säker och säker zqa.",
            True,
        ),
        # a Korean case particle glued to the second item; a longer ending is another word
        ("ko-KR", "Set zqa alerts or notifications.", "zqa 알림 또는 알림을 설정합니다.", True),
        ("ko-KR", "Zqa billing and invoicing", "zqa 청구 및 청구서", False),
        ("it-IT", "Developed vs. developing zqas", "Zqa sviluppati e sviluppati", True),
        # the source says one word on both sides (a plural, a word again, a negating prefix)
        ("fr-FR", "Select zqas or zqa groups.", "Sélectionnez des zqas ou zqas groupés.", False),
        (
            "de-DE",
            "Create or update zqas in the CRM and update them.",
            "Zqas erstellen oder aktualisieren, und aktualisieren Sie sie.",
            False,
        ),
        ("ko-KR", "Register, and unregister zqas", "Zqa 등록 및 등록 취소", False),
        # a pronoun after "or" that stands for the noun before it
        (
            "pl-PL",
            "Zqas you sold or that you manage.",
            "Sprzedane zqas lub zqas, którymi zarządzasz.",
            False,
        ),
        # the item is English the source says twice itself
        ("ko-KR", "CSP Zqa, and updates for Zqa", "CSP Zqa 및 Zqa 업데이트", False),
        # an item that goes on as another word: Chinese and Japanese compounds
        ("zh-CN", "Project and portfolio", "项目及项目组合", False),
        ("ja-JP", "Access and permissions", "アクセスとアクセス許可", False),
        # the locale's function words twice are grammar; a hanging hyphen is half a word
        (
            "de-DE",
            "Zqas must be sent and will be accepted.",
            "Zqas müssen gesendet werden und werden akzeptiert.",
            False,
        ),
        ("nl-NL", "Opt out of zqas.", "Meld u af- en af- van zqas.", False),
    ],
)
def test_item_said_twice_where_the_source_joins_two(
    locale: str, source: str, text: str, reported: bool
) -> None:
    assert _reported(locale, source, text) is reported


@pytest.mark.parametrize("locale", SHIPPED)
def test_every_shipped_locale_names_its_coordinators(locale: str) -> None:
    """Each locale's "and" said twice around two source words is reported: the data
    holds the word the locale's lists end with."""
    words = locale_data(locale).get("coordinators")
    assert words, locale
    glued = bool(locale_data(locale).get("coordinators_glued"))
    joiner = str(words[0])
    item = "ズカ" if glued else "zqaxo"
    text = f"{item}{joiner}{item}。" if glued else f"Das {item} {joiner} {item} zqo."
    assert coordinated_twice("Billing and invoicing.", text, locale)
    assert not coordinated_twice("Zqa invoices and zqa.", text, locale)


@pytest.mark.parametrize(
    ("locale", "source", "text", "bare"),
    [
        # two modifiers of one noun, each said with its own noun: nothing lost
        (
            "it-IT",
            "The zqa is not sold to new or renewing customers.",
            "Lo zqa non è venduto a nuovi clienti o clienti che eseguono il rinnovo.",
            "Lo zqa non è venduto a nuovi clienti o clienti.",
        ),
        (
            "sv-SE",
            "Keys for perpetual and server subscription software orders.",
            "Nycklar för beständiga programvarubeställningar och programvarubeställningar "
            "för serverprenumeration.",
            "Nycklar för beständiga programvarubeställningar och programvarubeställningar.",
        ),
        (
            "nl-NL",
            "Keys for perpetual and server subscription software orders.",
            "Sleutels voor doorlopende softwareorders en softwareorders voor serverabonnementen.",
            "Sleutels voor softwareorders en softwareorders voor serverabonnementen.",
        ),
        # an article after the second noun's preposition (`op het gebied`)
        (
            "nl-NL",
            "Show your technical and solution-area skills today.",
            "Toon uw technische vaardigheden en vaardigheden op het gebied van oplossingen.",
            "Toon uw technische vaardigheden en vaardigheden.",
        ),
        # the second noun's own modifier a genitive or a kept acronym, no preposition
        (
            "pl-PL",
            "Pick a ready or partner solution.",
            "Wybierz gotowe rozwiązanie lub rozwiązanie partnera.",
            "Wybierz gotowe rozwiązanie lub rozwiązanie.",
        ),
        (
            "fr-FR",
            "Count the old or ZQX subscriptions.",
            "Comptez les anciens abonnements ou abonnements ZQX.",
            "Comptez les anciens abonnements ou abonnements.",
        ),
        # a verb's -ing form before the first modifier
        (
            "sv-SE",
            "Partners transacting perpetual and server subscription software orders today.",
            "Partner som gör beständiga programvarubeställningar och programvarubeställningar "
            "för serverprenumeration.",
            "Partner som gör beständiga programvarubeställningar och programvarubeställningar.",
        ),
    ],
)
def test_a_noun_said_with_each_of_its_modifiers_is_no_repeated_item(
    locale: str, source: str, text: str, bare: str
) -> None:
    assert not _reported(locale, source, text)
    # the noun with a side that has nothing of its own: one item for two
    assert _reported(locale, source, bare)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # the noun the modifiers share, said twice with nothing after the second
        ("pl-PL", "Zqa and Museum customers", "Klienci biblioteki i biblioteki"),
        # the item's object after it, no modifier of its own: two verbs said as one
        ("es-ES", "How to buy or purchase Azure zqas.", "Cómo comprar o comprar reservas de Zqa."),
        # an article after the second opens its object, no modifier of its own
        (
            "fr-FR",
            "How to buy or purchase Zqarvo reservations.",
            "Comment acheter ou acheter des réservations Zqarvo.",
        ),
        # what follows the second renders the sentence going on ("in Partner Center")
        (
            "sv-SE",
            "The card is in the Accepted or Won state in Zqarvo Center.",
            "Kortet är i tillståndet Godkänt eller Godkänt i Zqarvocenter.",
        ),
    ],
)
def test_an_item_with_nothing_of_its_own_on_either_side_is_reported(
    locale: str, source: str, text: str
) -> None:
    assert _reported(locale, source, text)
