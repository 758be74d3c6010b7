"""The command line: schema output, help and version; the schema files stay in step."""

from __future__ import annotations

import json

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
