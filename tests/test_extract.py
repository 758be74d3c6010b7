"""The content extractor finds every translatable string, exactly as the build looks it up."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po
from pydantic import BaseModel

from sunsetkit.content.extract import extract_content, is_translatable
from sunsetkit.content.load import load_yaml, validate
from sunsetkit.content.model import TASK_CONTEXT, Migration, StepLibrary, nested_model
from sunsetkit.content.resolve import prose_fields
from sunsetkit.schemas import schema_json

from .conftest import ROOT

CONTENT = ROOT / "content"
MIGRATIONS = sorted((CONTENT / "migrations").glob("*.yaml"))
STEPS = CONTENT / "steps.yaml"
FILES = [(p, Migration, "migration") for p in MIGRATIONS] + [(STEPS, StepLibrary, "steps")]


Message = tuple[str | None, str]  # (context, msgid)


def _expected(path: Path, model: type[BaseModel]) -> list[Message]:
    """The prose of a content file as the loaded model holds it (shared steps unresolved),
    with the checklist tasks in their own context: a phase's `task`, else its title a
    second time, for every phase that is a task."""
    data, lines = load_yaml(path)
    loaded = validate(model, data, lines, path)
    found = [(None, text) for loc, text in prose_fields(loaded) if loc[-1] != "task"]
    if isinstance(loaded, Migration):
        found += [(TASK_CONTEXT, phase.task_text) for phase in loaded.procedure.tasks]
    return found


def _messages(rows: list[tuple[int, str, Any, list[str]]]) -> list[Message]:
    return [tuple(m) if isinstance(m, tuple) else (None, m) for _, _, m, _ in rows]


def _extract(text: str, kind: str = "migration") -> list[tuple[int, str, Any, list[str]]]:
    return list(extract_content(io.BytesIO(text.encode("utf-8")), {}, [], {"model": kind}))


@pytest.mark.parametrize(("path", "model", "kind"), FILES, ids=lambda v: getattr(v, "stem", ""))
def test_extractor_finds_every_translatable_string(
    path: Path, model: type[BaseModel], kind: str
) -> None:
    found = _messages(_extract(path.read_text(encoding="utf-8"), kind))
    expected = _expected(path, model)
    assert expected, f"{path.name} has no prose at all"
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_every_content_string_is_in_the_pot() -> None:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        pot_ids = {m.id for m in read_po(handle)}
    for path, model, _ in FILES:
        missing = {text for _, text in _expected(path, model)} - pot_ids
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
    assert (None, label[2]) in _expected(path, Migration)


def test_lists_of_prose_and_steps_inside_phases_are_extracted() -> None:
    text = (
        "preconditions: [First condition., Second condition.]\n"
        "procedure:\n  phases:\n    - title: A phase\n      steps:\n"
        "        - text: Own step.\n          substeps: [{text: A substep.}]\n"
    )
    found = set(_messages(_extract(text)))
    assert found == {
        (None, "First condition."),
        (None, "Second condition."),
        (None, "A phase"),
        (TASK_CONTEXT, "A phase"),
        (None, "Own step."),
        (None, "A substep."),
    }
    library = "steps:\n  one: {text: Shared step.}\n  two: {text: Another., note: {text: N.}}\n"
    assert {m for _, m in _messages(_extract(library, "steps"))} == {
        "Shared step.",
        "Another.",
        "N.",
    }


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


@pytest.mark.parametrize("ends", ["suspend", "cancel", "expire", "workflow", "[expire, cancel]"])
@pytest.mark.parametrize("own_task", [False, True])
def test_a_checklist_task_is_its_own_message(ends: str, own_task: bool) -> None:
    """Every phase that is a checklist task gives a message in the task context (its
    `task:`, else its title, also extracted as the heading); the phase that suspends or
    cancels is no task, and a `task:` is never extracted without the context."""
    task = "\n      task: Do the last one" if own_task else ""
    text = (
        f"procedure:\n  ends: {ends}\n  phases:\n"
        "    - title: First phase\n      task: Do the first one\n      steps: [{text: S.}]\n"
        f"    - title: Last phase{task}\n      steps: [{{text: T.}}]\n"
    )
    found = _messages(_extract(text))
    acts = ends in ("suspend", "cancel") or "cancel" in ends
    last = "Do the last one" if own_task else "Last phase"
    assert (TASK_CONTEXT, "Do the first one") in found
    assert ((TASK_CONTEXT, last) in found) == (not acts)
    assert (None, "First phase") in found and (None, "Last phase") in found
    assert (None, "Do the first one") not in found and (None, "Do the last one") not in found
    assert found.count((TASK_CONTEXT, last)) <= 1
