"""`placement` and the locale's own word order: a copula the locale puts inside a bold
adjective phrase ("is **now available**" as `já **está disponível**`), and the noun
"page" or "document" said before a link's name and outside it (`page [Avantages](x)`).
Invented sentences of the pattern."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary

MD = markdown_parser()
PLACEMENT = next(check for check in CHECKS if check.id == "placement")


def _placement(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(PLACEMENT.func(entry, ctx))


@pytest.mark.parametrize(
    ("locale", "text", "label"),
    [
        ("pt-BR", "O zqarvo já **está disponível** hoje.", "O zqarvo já **está Disponível** hoje."),
        ("es-ES", "El zqarvo ya **está disponible** hoy.", "El zqarvo ya **está Disponible** hoy."),
        ("it-IT", "Lo zqarvo ora **è disponibile** oggi.", "Lo zqarvo ora **è Disponibile** oggi."),
        (
            "fr-FR",
            "Le zqarvo désormais **est disponible** ce jour.",
            "Le zqarvo **est Actif** ce jour.",
        ),
    ],
)
def test_a_copula_opening_a_bold_adjective_phrase_is_the_locales_order(
    locale: str, text: str, label: str
) -> None:
    source = "The zqarvo is **now available** today."
    assert not [m for m in _placement(source, text, locale) if "at its start" in m]
    # a label in capitals ("**Active**") keeps the verb outside: the bold took it in
    capital = (
        "The zqarvo is **Active** today."
        if locale == "fr-FR"
        else source.replace("now available", "Now available")
    )
    assert [m for m in _placement(capital, label, locale) if "at its start" in m]


def test_a_copula_taken_into_a_link_is_still_reported() -> None:
    source = "The first step is [creating a zqarvo profile](x.md) for you."
    text = "El primer paso [es crear un perfil de zqarvo](x.md) para usted."
    assert [m for m in _placement(source, text, "es-ES") if "at its start" in m]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("fr-FR", "Consultez la page [Zqarvo](x.md) pour les détails."),
        ("fr-FR", "Consultez le document sur les [Zqarvo](x.md) pour les détails."),
        ("it-IT", "Consultare il documento [Zqarvo](x.md) per i dettagli."),
    ],
)
def test_a_page_noun_said_before_the_link_is_the_locales_order(locale: str, text: str) -> None:
    source = "See the [Zqarvo page](x.md) for details."
    if "document" in text:
        source = "See the [Zqarvo document](x.md) for details."
    assert not [m for m in _placement(source, text, locale) if "stands beside it" in m]


@pytest.mark.parametrize(
    "text",
    [
        # a word of the name between the noun and the link: the link left it out
        "Téléchargez le guide d'inscription aux [zqarvos](x.md) maintenant.",
        # the name's words beside the noun, the link on another word
        "Lisez le Zqarvo Plimba guide pour plus [information](x.md) maintenant.",
    ],
)
def test_a_link_moved_off_its_name_beside_its_noun_is_reported(text: str) -> None:
    source = "Download the [Zqarvo Plimba guide](x.md) now."
    assert [m for m in _placement(source, text, "fr-FR") if "stands beside it" in m]


@pytest.mark.parametrize(
    ("locale", "text", "taken"),
    [
        ("fr-FR", "Le zqarvo est **à présent disponible** ici.", "Le **à zqarvo actif** ici."),
        ("es-ES", "El zqarvo está **de nuevo disponible** aquí.", "El **de zqarvo activo** aquí."),
        ("it-IT", "Lo zqarvo è **di nuovo disponibile** qui.", "Lo **di zqarvo attivo** qui."),
        ("pt-BR", "O zqarvo está **em seguida disponível** aqui.", "O **em zqarvo ativo** aqui."),
    ],
)
def test_an_adverb_locution_opening_bold_is_the_english_adverb(
    locale: str, text: str, taken: str
) -> None:
    """The locale's adverb written as a locution that opens with a preposition
    (`adverb_locutions`) holds the English bold's adverb; a preposition before any other
    word is one taken in."""
    source = "The zqarvo is **now available** here."
    assert not [m for m in _placement(source, text, locale) if "at its start" in m]
    assert [m for m in _placement(source, taken, locale) if "at its start" in m]


@pytest.mark.parametrize(
    ("source", "text", "moved"),
    [
        (
            "See the [Zqarvo documentation](x.md) for details.",
            "Consultez la documentation [Zqarvo](x.md) pour les détails.",
            "Consultez la documentation Zqarvo [pour](x.md) les détails.",
        ),
        # The sentence named the product before the noun; the link holds the whole name.
        (
            "For more about Zqarvo Plimba, read the [Zqarvo Plimba documentation](x.md).",
            "Pour Zqarvo Plimba, consultez la documentation [Zqarvo Plimba](x.md) ici.",
            "Pour Zqarvo Plimba, consultez la documentation Zqarvo [Plimba](x.md) ici.",
        ),
    ],
)
def test_a_kind_noun_said_before_the_link_is_the_locales_order(
    source: str, text: str, moved: str
) -> None:
    assert not [m for m in _placement(source, text, "fr-FR") if "stands beside it" in m]
    assert [m for m in _placement(source, moved, "fr-FR") if "stands beside it" in m]


def test_a_prepositional_locution_opening_bold_holds_the_english_word() -> None:
    source = "To help, **starting May 1, we zqarvo the plimbas**."
    text = "Pour aider, **à partir du 1er mai, nous zqarvons les plimbas**."
    assert not [m for m in _placement(source, text, "fr-FR") if "at its start" in m]
    label = "Partners leave the **Transitioning From** account."
    taken = "Les partenaires quittent **à partir du** compte."
    assert [m for m in _placement(label, taken, "fr-FR") if "at its start" in m]
