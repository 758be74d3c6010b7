"""The command line: schema output, help and version; the schema files stay in step."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.schemas import SCHEMA_FILES

from .conftest import ROOT


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_committed_schema_matches_the_model(kind: str) -> None:
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0
    committed = (ROOT / "content" / SCHEMA_FILES[kind]).read_text(encoding="utf-8")
    assert result.output == committed, "regenerate with `sunset schema` (see README)"
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_every_field_has_a_description_an_editor_can_show(kind: str) -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema", kind]).output)
    models = [schema, *schema.get("$defs", {}).values()]
    missing = [
        f"{model.get('title')}.{name}"
        for model in models
        for name, spec in model.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert not missing, f"fields without a description: {missing}"


def test_default_schema_is_the_migration_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert "Migration" in json.loads(result.output)["title"]


def test_every_content_file_references_its_schema() -> None:
    for path in (ROOT / "content" / "migrations").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/migration.schema.json"
    for name in ("glossary", "steps"):
        text = (ROOT / "content" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
        assert text[0] == f"# yaml-language-server: $schema=schema/{name}.schema.json"


def test_unknown_schema_kind_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["schema", "customers"])
    assert result.exit_code == 2


def test_help_lists_the_commands_and_version_works() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "build" in result.output and "schema" in result.output
    assert CliRunner().invoke(main, ["--version"]).exit_code == 0


def test_min_coverage_out_of_range_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["build", "--min-coverage", "120"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["build", "checklists"])
@pytest.mark.parametrize("how", ["here", "--project"])
def test_outside_a_project_the_error_says_so_and_names_project(
    command: str, how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "content/glossary.yaml: cannot read", but what the folder is and what to do."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path if how == "here" else ROOT)
    args = [command]
    if command == "checklists":
        args.append(str(ROOT / "content" / "customers.example.json"))
    args += ["--out", str(tmp_path / "out")]
    if how == "--project":
        args += ["--project", str(elsewhere)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    folder = tmp_path if how == "here" else elsewhere
    line = f"sunset: error: {folder.resolve()} is not a sunset project"
    assert line in result.output and "--project DIR" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_help_shows_no_strftime_pattern(command: str) -> None:
    """A date option says YYYY-MM-DD, not click's default [%Y-%m-%d]."""
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "%" not in result.output.replace("%%", ""), result.output
    if command == "checklists":
        assert "--as-of YYYY-MM-DD" in result.output


def test_the_documented_pre_commit_rev_is_this_version() -> None:
    """Release tags are v<version>: the README and the hooks file pin the current one."""
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    for name in ("README.md", ".pre-commit-hooks.yaml"):
        revs = re.findall(r"rev: (\S+)", (ROOT / name).read_text("utf-8"))
        assert revs and set(revs) == {f"v{version}"}, (name, revs)
