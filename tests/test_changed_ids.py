"""Ids and URL-template parameters copied as written: a GUID with a letter lost, added or
in another case (`code`), a hyphenated parameter translated (`placeholders`)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks

from .conftest import tiny_catalog

#: An invented id, drawn once: the test holds for any GUID.
_ID = str(uuid.UUID(int=0x5A17C0DE_BEEF_4CAB_9D1E_0F00BA12AB34))


def _found(path: Path, check: str) -> dict[str, str]:
    findings = run_checks([path], CheckOptions()).findings
    return {f.msgid or "": f.message for f in findings if f.check == check}


@pytest.mark.parametrize("locale", ["de-DE", "ja-JP", "pt-BR"])
@pytest.mark.parametrize(
    ("written", "how"),
    [
        (_ID.upper(), "in another case"),
        (_ID[:-3] + "xyz" + _ID[-3:], "changed"),  # a word put inside it
        (_ID[1:], "changed"),  # a letter lost
        (_ID + "9", "changed"),  # a letter added: no id in another case
    ],
)
def test_an_id_not_copied_as_written_is_reported(
    tmp_path: Path, locale: str, written: str, how: str
) -> None:
    changed = (f"Offer id: {_ID}", f"Qq: {written}")
    kept = (f"The offer id is {_ID}.", f"Qq rr {_ID}.")
    found = _found(tiny_catalog(tmp_path, locale, [changed, kept]), "code")
    assert list(found) == [changed[0]]
    assert how in found[changed[0]]


def test_an_id_joined_to_a_word_is_kept(tmp_path: Path) -> None:
    joined = (f"Qorvex Plan {_ID}", f"Qq Rr-{_ID}")
    assert _found(tiny_catalog(tmp_path, "sv-SE", [joined]), "code") == {}


def test_an_id_in_a_link_target_is_the_links_checks(tmp_path: Path) -> None:
    linked = (f"See [the offer](https://example.com/{_ID}).", "Qq [rr](https://example.com/x).")
    assert _found(tiny_catalog(tmp_path, "fr-FR", [linked]), "code") == {}


@pytest.mark.parametrize("name", ["customer-id", "sku-id"])
def test_a_hyphenated_parameter_translated_is_a_missing_placeholder(
    tmp_path: Path, name: str
) -> None:
    translated = (f"GET /orders/{{{name}}}/items", "GET /orders/{qorvex-zantor}/items")
    kept = (f"GET /carts/{{{name}}}", f"GET /carts/{{{name}}}")
    path = tiny_catalog(tmp_path, "pl-PL", [translated, kept])
    said = [(f.msgid, f.message) for f in run_checks([path], CheckOptions()).findings]
    assert {msgid for msgid, _ in said} == {translated[0]}
    assert f"missing placeholder {{{name}}}" in {message for _, message in said}
