"""Whole-file comparison of every rendered guide with its reviewed golden copy.

Regenerate with `pytest --update-golden` and review the diff before committing.
"""

from __future__ import annotations

import pytest

from sunsetkit.content.load import load_migrations
from sunsetkit.guides import BuildResult, Project
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs

from .conftest import GOLDEN


def test_every_page_matches_its_golden_file(built: BuildResult, update_golden: bool) -> None:
    expected_files = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    produced = {page.relpath: page.text for page in built.pages}
    if update_golden:
        for relpath, text in produced.items():
            target = GOLDEN / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for stale in expected_files - set(produced):
            (GOLDEN / stale).unlink()
        pytest.skip("golden files rewritten; review `git diff tests/golden`")
    assert set(produced) == expected_files
    mismatched = [
        rel
        for rel, text in sorted(produced.items())
        if (GOLDEN / rel).read_text(encoding="utf-8") != text
    ]
    assert not mismatched, f"pages differ from tests/golden: {mismatched}"


def test_golden_set_covers_every_locale_and_definition(project: Project) -> None:
    locales = {p.parent.name for p in GOLDEN.rglob("*.md")}
    assert locales == {SOURCE_LOCALE, *discover_catalogs(project.locales_dir)}
    ids = {p.stem for p in GOLDEN.rglob("*.md")}
    assert ids == {m.id for m in load_migrations(project.migrations_dir)}
