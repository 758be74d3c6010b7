"""A GUID of the source changed or cut in the translation (`number`, #16): machine
translation reads the letters of an ID as words ("d20fdad5" as "d20fctuur5") or drops a
part of it, and its digits stay. Invented IDs; every shipped locale."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS, CheckOptions
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser

from .test_false_alarms import GLOSSARY, SHIPPED

OPTIONS = CheckOptions(glossary=GLOSSARY)
MD = markdown_parser()
NUMBER = next(check for check in CHECKS if check.id == "number")
TRANSLATED = [locale for locale in SHIPPED if not locale.startswith("en")]
ID = "5b3a9e2d-0c41-4f7e-9a8b-1d2c3e4f5a6b"


def _found(source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, OPTIONS.locale_glossary(locale), MD)
    entry = Entry(Message(source, text))
    if NUMBER.when is not None and not NUMBER.when(entry, ctx):
        return []
    return [m for m in NUMBER.func(entry, ctx) if "identifier" in m]


CHANGED = [
    ID.replace("d-0c41", "dog-0c41"),  # letters read as a word
    ID.replace("5b3a", "", 1),  # a part dropped
    ID.replace("-4f7e", "-4f7ee"),  # a letter doubled
    ID.replace("9a8b-", "9a8b "),  # a hyphen lost
]


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("changed", CHANGED)
def test_a_changed_identifier_is_reported(locale: str, changed: str) -> None:
    found = _found(f"Offer ID: {ID}", f"Zorvak: {changed}", locale)
    assert found == [f"the identifier {ID!r} of the source is missing or changed"]


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_kept_identifier_is_left_alone(locale: str) -> None:
    assert _found(f"Offer ID: {ID}", f"Zorvak: {ID}", locale) == []
    assert _found(f"Offer ID: {ID}", f"Zorvak: **{ID.upper()}**", locale) == []
    # in a link's target, kept by the link: no ID of the text
    target = f"[Zorvak](https://example.com/?id={ID})"
    assert _found(f"See [this](https://example.com/?id={ID}).", target, locale) == []
