"""A definition added as data, with no code, template or test edit, builds and checks clean.

The structural tests run over the same extended project (tests/test_structure.py); here
the catalogs and `sunset check` do.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.guides import BuildResult, Project, build_guides

from .conftest import ADDED_ID


def _extracted(root: Path) -> set[tuple[str, str | None]]:
    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    return {
        (msg if isinstance(msg, str) else msg[0], context)
        for _, _, msg, _, context in extract_from_dir(str(root), method_map, options_map)
    }


def test_added_definition_is_extracted_into_the_same_messages(
    extended: Project, project: Project
) -> None:
    assert _extracted(extended.root) == _extracted(project.root)


def test_added_definition_is_as_translated_as_the_rest(
    extended: Project, built: BuildResult
) -> None:
    result = build_guides(extended)
    assert {p.migration_id for p in result.pages} == {*built.migrations, ADDED_ID}
    for locale_id in built.locales:
        assert result.percent(locale_id) == built.percent(locale_id), locale_id
        added = next(
            p for p in result.pages if p.locale_id == locale_id and p.migration_id == ADDED_ID
        )
        assert added.usage.kind == built.coverage[locale_id].kind, locale_id


def test_added_definition_passes_sunset_check(extended: Project, tmp_path: Path) -> None:
    out = tmp_path / "guides"
    runner = CliRunner()
    build = runner.invoke(main, ["build", "--project", str(extended.root), "--out", str(out)])
    assert build.exit_code == 0, build.output
    assert {p.stem for p in out.rglob(f"{ADDED_ID}.md")} == {ADDED_ID}
    check = runner.invoke(
        main,
        [
            "check",
            "--strict",
            "--glossary",
            str(extended.glossary_path),
            str(extended.locales_dir),
            str(out),
        ],
    )
    assert check.exit_code == 0, check.output
