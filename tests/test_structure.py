"""Every rendered page parses and has the same skeleton as its en-US page."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from sunsetkit.guides import BuildResult, Page
from sunsetkit.i18n import SOURCE_LOCALE
from sunsetkit.markdown import outline

TRANSLATION_ONLY_KEYS = {"ms.translationtype", "ms.lasthandoff", "ms.openlocfilehash"}


def _pairs(built: BuildResult) -> list[tuple[Page, Page]]:
    source = {p.migration_id: p for p in built.pages if p.locale_id == SOURCE_LOCALE}
    return [(p, source[p.migration_id]) for p in built.pages if p.locale_id != SOURCE_LOCALE]


def test_every_locale_and_migration_is_built(built: BuildResult) -> None:
    assert {p.locale_id for p in built.pages} == {
        "en-US",
        "nl-NL",
        "sv-SE",
        "fr-FR",
        "de-DE",
        "ja-JP",
        "pl-PL",
    }
    assert len(built.pages) == 7 * 3


def test_source_pages_have_the_expected_skeleton(built: BuildResult) -> None:
    skype = next(
        p
        for p in built.pages
        if p.locale_id == SOURCE_LOCALE and p.migration_id.startswith("skype")
    )
    shape = outline(skype.text)
    assert shape.anchors == [
        "skype-business-online-plan-1",
        "find-affected-subscriptions",
        "when-to-transition",
        "replacement-options",
        "feature-comparison",
        "transition-steps",
        "purchase-the-new-subscription",
        "reassign-user-licenses",
        "suspend-the-retired-subscription",
        "next-steps",
    ]
    # 2 retired offers, 3 options, steps of 4, 5 and 3, 3 next steps
    assert shape.list_items == [2, 3, 4, 5, 3, 3]
    assert shape.tables == [[4, 4, 4, 4, 4]]  # header + 4 features; feature + 3 options


@pytest.mark.parametrize("field", ["anchors", "list_items", "tables"])
def test_translated_pages_match_their_source_structure(built: BuildResult, field: str) -> None:
    for page, source in _pairs(built):
        assert getattr(outline(page.text), field) == getattr(outline(source.text), field), (
            f"{page.relpath}: {field} differ from {source.relpath}"
        )


def test_front_matter_has_the_source_keys_plus_translation_keys(built: BuildResult) -> None:
    for page, source in _pairs(built):
        meta = yaml.safe_load(outline(page.text).front_matter or "")
        source_meta = yaml.safe_load(outline(source.text).front_matter or "")
        assert set(meta) == set(source_meta) | TRANSLATION_ONLY_KEYS, page.relpath
        assert meta["ms.contentlocale"] == page.locale_id
        assert meta["ms.date"] == source_meta["ms.date"]
        assert meta["title"] != source_meta["title"], f"{page.relpath}: title not translated"


def test_localized_pages_carry_the_fingerprint_of_their_english_source(
    built: BuildResult,
) -> None:
    for page, source in _pairs(built):
        meta = yaml.safe_load(outline(page.text).front_matter or "")
        digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()[:40]
        assert meta["ms.openlocfilehash"] == digest, page.relpath
