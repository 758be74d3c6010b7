"""The content extractor finds every translatable string, exactly as the build looks it up."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from pydantic import BaseModel

from sunsetkit.content.extract import extract_content, is_translatable
from sunsetkit.content.load import load_yaml, validate
from sunsetkit.content.model import Migration, StepLibrary, nested_model
from sunsetkit.content.resolve import prose_fields
from sunsetkit.schemas import schema_json

from .conftest import ROOT

CONTENT = ROOT / "content"
MIGRATIONS = sorted((CONTENT / "migrations").glob("*.yaml"))
STEPS = CONTENT / "steps.yaml"
FILES = [(p, Migration, "migration") for p in MIGRATIONS] + [(STEPS, StepLibrary, "steps")]


def _expected(path: Path, model: type[BaseModel]) -> list[str]:
    """The prose of a content file as the loaded model holds it (shared steps unresolved)."""
    data, lines = load_yaml(path)
    return [text for _, text in prose_fields(validate(model, data, lines, path))]


def _extract(text: str, kind: str = "migration") -> list[tuple[int, str, str, list[str]]]:
    return list(extract_content(io.BytesIO(text.encode("utf-8")), {}, [], {"model": kind}))


@pytest.mark.parametrize(("path", "model", "kind"), FILES, ids=lambda v: getattr(v, "stem", ""))
def test_extractor_finds_every_translatable_string(
    path: Path, model: type[BaseModel], kind: str
) -> None:
    found = [message for _, _, message, _ in _extract(path.read_text(encoding="utf-8"), kind)]
    expected = _expected(path, model)
    assert expected, f"{path.name} has no prose at all"
    assert sorted(found) == sorted(expected)


def test_every_content_string_is_in_the_pot() -> None:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        pot_ids = {m.id for m in read_po(handle)}
    for path, model, _ in FILES:
        missing = set(_expected(path, model)) - pot_ids
        assert not missing, f"{path.name}: {missing}"


def test_extractor_reports_lines_and_fields_and_matches_loaded_text(tmp_path: Path) -> None:
    """A definition whose replacements are a group with a named option and a folded
    label (the first definition, its replacements swapped for these)."""
    data = yaml.safe_load(MIGRATIONS[0].read_text(encoding="utf-8"))
    data["replacements"] = {
        "groups": [
            {"name": "Frontline plans", "link": "https://example.com/", "options": [{"name": "X"}]}
        ]
    }
    source = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    option = re.search(r"^( *)- name: X\n", source, re.M)
    assert option
    indent = option[1]
    source = source.replace(
        option[0],
        f"{option[0]}{indent}- label: >-\n{indent}    Other frontline\n{indent}    plans\n",
    )
    path = tmp_path / "definition.yaml"
    path.write_text(source, encoding="utf-8")
    rows = _extract(source)
    field = ["Content field: replacements.groups.options.label"]
    label = next(row for row in rows if row[3] == field)
    assert label[2] == "Other frontline plans"
    assert source.splitlines()[label[0] - 1].strip().startswith("- label:")
    assert label[2] in _expected(path, Migration)


def test_lists_of_prose_and_steps_inside_phases_are_extracted() -> None:
    text = (
        "preconditions: [First condition., Second condition.]\n"
        "procedure:\n  phases:\n    - title: A phase\n      steps:\n"
        "        - text: Own step.\n          substeps: [{text: A substep.}]\n"
    )
    found = {message for _, _, message, _ in _extract(text)}
    assert found == {"First condition.", "Second condition.", "A phase", "Own step.", "A substep."}
    library = "steps:\n  one: {text: Shared step.}\n  two: {text: Another., note: {text: N.}}\n"
    assert {m for _, _, m, _ in _extract(library, "steps")} == {"Shared step.", "Another.", "N."}


def _translatable_fields(model: type[BaseModel], seen: set[str]) -> set[str]:
    marked: set[str] = set()
    if model.__name__ in seen:
        return marked
    seen.add(model.__name__)
    for name, field in model.model_fields.items():
        if is_translatable(field):
            marked.add(f"{model.__name__}.{name}")
        inner = nested_model(field.annotation)
        if inner is not None:
            marked |= _translatable_fields(inner, seen)
    return marked


def test_schema_marks_exactly_the_translatable_fields() -> None:
    schema = json.loads(schema_json("migration"))
    marked = set()
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            variants = [spec, spec.get("items", {}), *spec.get("anyOf", [])]
            if any(v.get("x-translatable") for v in variants):
                marked.add(f"{name}.{field}")
    for field, spec in schema["properties"].items():
        variants = [spec, spec.get("items", {}), *spec.get("anyOf", [])]
        if any(v.get("x-translatable") for v in variants):
            marked.add(f"Migration.{field}")
    assert marked == _translatable_fields(Migration, set())
    assert {"Step.text", "Phase.title", "Event.label", "Migration.preconditions"} <= marked


def test_broken_yaml_extracts_nothing_instead_of_crashing() -> None:
    assert _extract("notes: [unclosed\n") == []
