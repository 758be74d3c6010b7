"""Every rendered page parses, follows its definition and has the skeleton of its en-US page.

Each test runs over the project itself and over a copy with one more definition (a
definition copied under a new id): adding a retirement needs no test edit.
"""

from __future__ import annotations

import hashlib

import pytest
import yaml

from sunsetkit.content.load import load_migrations
from sunsetkit.content.model import Migration, Step
from sunsetkit.guides import BuildResult, Page, Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs
from sunsetkit.markdown import outline

TRANSLATION_ONLY_KEYS = {"ms.translationtype", "ms.lasthandoff", "ms.openlocfilehash"}


@pytest.fixture(scope="module", params=["project", "added-definition"])
def case(
    request: pytest.FixtureRequest, project: Project, built: BuildResult, extended: Project
) -> tuple[Project, BuildResult]:
    if request.param == "project":
        return project, built
    return extended, build_guides(extended)


def _pairs(built: BuildResult) -> list[tuple[Page, Page]]:
    source = {p.migration_id: p for p in built.pages if p.locale_id == SOURCE_LOCALE}
    return [(p, source[p.migration_id]) for p in built.pages if p.locale_id != SOURCE_LOCALE]


def test_every_locale_and_migration_is_built(case: tuple[Project, BuildResult]) -> None:
    project, built = case
    locales = {SOURCE_LOCALE, *discover_catalogs(project.locales_dir)}
    ids = {m.id for m in load_migrations(project.migrations_dir)}
    assert {(p.locale_id, p.migration_id) for p in built.pages} == {
        (locale, id_) for locale in locales for id_ in ids
    }
    assert len(built.pages) == len(locales) * len(ids)


def _expected_anchors(m: Migration) -> list[str]:
    """The sections a definition asks for, in page order."""
    anchors = [m.id]
    anchors += ["before-you-begin"] * bool(m.preconditions)
    anchors += ["find-affected-subscriptions"]
    anchors += ["when-to-transition"] * bool(m.timing or m.deadline == "commitment-end")
    if m.replacements:
        anchors += ["replacement-options"] + ["feature-comparison"] * bool(m.replacements.features)
    anchors += ["transition-steps", *(phase.id for phase in m.procedure.phases)]
    anchors += [section.id for section in m.sections]
    return anchors + ["next-steps"] * bool(m.next_steps)


def _count_steps(steps: list[Step]) -> list[int]:
    counts = [len(steps)]
    for step in steps:
        if step.substeps:
            counts += _count_steps(step.substeps)
    return counts


def test_source_pages_follow_their_definition(case: tuple[Project, BuildResult]) -> None:
    project, built = case
    source = {p.migration_id: p for p in built.pages if p.locale_id == SOURCE_LOCALE}
    for m in load_migrations(project.migrations_dir):
        shape = outline(source[m.id].text)
        assert shape.anchors == _expected_anchors(m), m.id
        phases = m.procedure.phases
        for phase in phases:  # each phase's steps (and sub-steps) are one list each
            counts = _count_steps(phase.steps)
            assert any(
                shape.list_items[i : i + len(counts)] == counts
                for i in range(len(shape.list_items))
            ), f"{m.id}: steps of {phase.id}"
        assert len(phases) in shape.list_items, f"{m.id}: the list of phases"
        features = m.replacements.features if m.replacements else []
        expected_tables = (
            [[len(m.replacements.options) + 1] * (len(features) + 1)]
            if m.replacements and features
            else []
        )
        assert shape.tables == expected_tables, m.id


@pytest.mark.parametrize("field", ["anchors", "list_items", "tables"])
def test_translated_pages_match_their_source_structure(
    case: tuple[Project, BuildResult], field: str
) -> None:
    _, built = case
    for page, source in _pairs(built):
        assert getattr(outline(page.text), field) == getattr(outline(source.text), field), (
            f"{page.relpath}: {field} differ from {source.relpath}"
        )


def test_front_matter_has_the_source_keys_plus_translation_keys(
    case: tuple[Project, BuildResult],
) -> None:
    _, built = case
    for page, source in _pairs(built):
        meta = yaml.safe_load(outline(page.text).front_matter or "")
        source_meta = yaml.safe_load(outline(source.text).front_matter or "")
        assert set(meta) == set(source_meta) | TRANSLATION_ONLY_KEYS, page.relpath
        assert meta["ms.contentlocale"] == page.locale_id
        assert meta["ms.date"] == source_meta["ms.date"]
        assert meta["title"] != source_meta["title"], f"{page.relpath}: title not translated"


def test_localized_pages_carry_the_fingerprint_of_their_english_source(
    case: tuple[Project, BuildResult],
) -> None:
    _, built = case
    for page, source in _pairs(built):
        meta = yaml.safe_load(outline(page.text).front_matter or "")
        digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()[:40]
        assert meta["ms.openlocfilehash"] == digest, page.relpath
