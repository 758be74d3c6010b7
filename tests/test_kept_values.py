"""An English UI label kept whole with the locale's gloss in brackets beside it, or kept
as a system value where the page lists values (CamelCase states), is no label left in
English for `ui`; an acronym written out that the page never uses again is no acronym
lost with its brackets. Invented labels, values and acronyms."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.catalog import Message

from sunsetkit.checks.acronyms import acronyms_in, check_acronyms, recurring_acronyms
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.english import check_english_left
from sunsetkit.checks.glossary import (
    GlossaryTerms,
    check_ui_labels,
    locale_glossary,
    system_values_page,
)
from sunsetkit.content.model import Glossary

MD = markdown_parser()


def _ctx(locale: str, **page: object) -> MessageContext:
    data = {
        "terms": [{"source": "Frobnicate", "kind": "ui", "translations": {locale: "Qorvindel"}}]
    }
    glossary = GlossaryTerms.of(Glossary.model_validate(data))
    return MessageContext(locale, locale_glossary(glossary, locale), MD, **page)  # type: ignore[arg-type]


def _ui(source: str, translation: str, ctx: MessageContext) -> list[str]:
    return list(check_ui_labels(Entry(Message(source, translation)), ctx))


@pytest.mark.parametrize("locale", ["de-DE", "fr-FR", "ja-JP"])
def test_a_label_kept_with_a_gloss_beside_it_is_the_convention(locale: str) -> None:
    ctx = _ctx(locale)
    source = "Select **Frobnicate** to go on."
    assert _ui(source, "Xyz **Frobnicate** (Blusketo) xyz.", ctx) == []
    assert _ui(source, "Xyz Blusketo (**Frobnicate**) xyz.", ctx) == []
    assert _ui(source, "Xyz **Frobnicate** xyz.", ctx)  # no gloss: left in English
    # a bracket the source has after the label is the source's, no gloss
    bracketed = "Select **Frobnicate** (optional)."
    assert _ui(bracketed, "Xyz **Frobnicate** (xyz).", ctx)


@pytest.mark.parametrize("locale", ["nl-NL", "pl-PL", "zh-CN"])
def test_a_state_kept_as_its_value_where_the_page_lists_values(locale: str) -> None:
    page = ["| State |", "| **Frobnicate** |", "| **InQorvex** |", "Set `PendingBlusk` now."]
    assert system_values_page(page)
    assert not system_values_page(["Select **Frobnicate**.", "Use **PowerShell** here."])
    source = "The status is **Frobnicate**."
    kept = "Xyz **Frobnicate** xyz."
    assert _ui(source, kept, _ctx(locale, system_values=True)) == []
    assert _ui(source, kept, _ctx(locale))  # a page of prose: the label is left in English
    assert _ui(source, "Xyz **Blusketo** xyz.", _ctx(locale, system_values=True))


def _acronym(locale: str, translation: str, later: bool, given: bool) -> list[str]:
    source = "Ask your Qorvex Zantor Kelp (QZK) now."
    sources = [source, "The QZK signs." if later else "It signs."]
    translations = [translation, "Mm QZK nn." if given else "Mm nn."]
    ctx = MessageContext(
        locale,
        locale_glossary(None, locale),
        MD,
        recurring_acronyms=recurring_acronyms(sources),
        translated_acronyms=acronyms_in(translations),
    )
    return list(check_acronyms(Entry(Message(source, translation)), ctx))


@pytest.mark.parametrize("locale", ["fr-FR", "sv-SE", "ko-KR"])
def test_an_acronym_dropped_with_its_brackets_only_where_the_page_uses_it_later(
    locale: str,
) -> None:
    dropped = "Mm nn oo pp."
    assert _acronym(locale, dropped, later=True, given=False)
    assert _acronym(locale, dropped, later=False, given=False) == []  # written out in full
    assert _acronym(locale, dropped, later=True, given=True) == []  # the page gives it


@pytest.mark.parametrize("locale", ["de-DE", "pl-PL", "ja-JP"])
def test_a_glossary_label_kept_with_a_gloss_is_not_english_left(locale: str) -> None:
    data = {"terms": [{"source": "Qorvex agent", "kind": "ui", "translations": {locale: "Zzz"}}]}
    glossary = GlossaryTerms.of(Glossary.model_validate(data))
    ctx = MessageContext(locale, locale_glossary(glossary, locale), MD)
    source = "Assign the Qorvex agent role."

    def left(translation: str) -> list[str]:
        return list(check_english_left(Entry(Message(source, translation)), ctx))

    assert left("Xyz Qorvex agent (Blusketo) xyz.") == []
    assert left("Xyz Blusketo (Qorvex agent) xyz.") == []
    assert left("Xyz Qorvex agent xyz.")  # no gloss: left in English


@pytest.mark.parametrize("locale", ["de-DE", "fr-FR", "ja-JP", "ko-KR", "zh-CN"])
def test_a_language_code_or_roman_numeral_written_the_locales_way(locale: str) -> None:
    """EN as CLDR's name of English in the locale (Babel); Phase II as the number 2."""
    english = Locale.parse(locale.replace("-", "_")).languages["en"]
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)

    def lost(source: str, translation: str) -> list[str]:
        return list(check_acronyms(Entry(Message(source, translation)), ctx))

    assert lost("Pick EN here.", f"Xyz {english} xyz.") == []
    assert lost("Pick EN here.", "Xyz xyz.")  # neither the code nor the name
    assert lost("Phase II ends.", "Xyz 2 xyz.") == []
    assert lost("Phase II ends.", "Xyz 3 xyz.")  # another number is no such writing
