"""A GUID of the source changed or cut in the translation (`number`, #16): machine
translation reads the letters of an ID as words ("d20fdad5" as "d20fctuur5") or drops a
part of it, and its digits stay. Invented IDs; every shipped locale."""

from __future__ import annotations

import pytest

from .one_message import findings
from .test_false_alarms import SHIPPED

TRANSLATED = [locale for locale in SHIPPED if not locale.startswith("en")]
ID = "5b3a9e2d-0c41-4f7e-9a8b-1d2c3e4f5a6b"


def _found(source: str, text: str, locale: str) -> list[str]:
    return findings("number", source, text, locale, "identifier")


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
