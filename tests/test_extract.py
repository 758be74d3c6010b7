"""The content extractor finds every translatable string, exactly as the build looks it up."""

from __future__ import annotations

import io
import json

import pytest
from babel.messages.pofile import read_po

from sunsetkit.extract import extract_content
from sunsetkit.load import load_migration
from sunsetkit.model import Migration
from sunsetkit.schema import schema_json

from .conftest import ROOT

MIGRATIONS = sorted((ROOT / "content" / "migrations").glob("*.yaml"))


def _expected(migration: Migration) -> list[str]:
    """The prose of a definition, enumerated by hand from the model's fields."""
    texts = [note.text for note in migration.notes]
    texts += [o.label for o in migration.replacement_options if o.label]
    texts += [o.label for g in migration.replacement_groups for o in g.options if o.label]
    texts += [feature.feature for feature in migration.features]
    texts += [link.title for link in migration.next_steps]
    return texts


def _extract(text: str) -> list[tuple[int, str, str, list[str]]]:
    return list(extract_content(io.BytesIO(text.encode("utf-8")), {}, [], {}))


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda p: p.stem)
def test_extractor_finds_every_translatable_string(path) -> None:  # type: ignore[no-untyped-def]
    found = [message for _, _, message, _ in _extract(path.read_text(encoding="utf-8"))]
    assert sorted(found) == sorted(_expected(load_migration(path)))


def test_every_content_string_is_in_the_pot() -> None:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        pot_ids = {m.id for m in read_po(handle)}
    for path in MIGRATIONS:
        missing = set(_expected(load_migration(path))) - pot_ids
        assert not missing, f"{path.name}: {missing}"


def test_extractor_reports_lines_and_fields_and_matches_loaded_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = (ROOT / "content" / "migrations" / "kaizala-pro-standalone.yaml").read_text()
    source = source.replace(
        "      - name: Office 365 F3\n",
        "      - name: Office 365 F3\n      - label: >-\n          Other frontline\n"
        "          plans\n",
    )
    path = tmp_path / "kaizala.yaml"
    path.write_text(source, encoding="utf-8")
    rows = _extract(source)
    field = ["Content field: replacement_groups.options.label"]
    label = next(row for row in rows if row[3] == field)
    assert label[2] == "Other frontline plans"
    assert source.splitlines()[label[0] - 1].strip().startswith("- label:")
    loaded = load_migration(path)
    assert label[2] in _expected(loaded)


def test_schema_marks_exactly_the_translatable_fields() -> None:
    schema = json.loads(schema_json("migration"))
    marked = set()
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            variants = [spec, *spec.get("anyOf", [])]
            if any(v.get("x-translatable") for v in variants):
                marked.add(f"{name}.{field}")
    assert marked == {"Note.text", "Option.label", "Feature.feature", "Link.title"}


def test_broken_yaml_extracts_nothing_instead_of_crashing() -> None:
    assert _extract("notes: [unclosed\n") == []
