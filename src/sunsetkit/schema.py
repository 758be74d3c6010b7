"""JSON Schemas of the content files, for editors (yaml-language-server) and `sunset schema`,
and of summary.json, the checklists' output for programs."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .checklists.summary import Summary
from .kinds import SchemaName
from .model import Glossary, Migration, StepLibrary

__all__ = ["SCHEMA_FILES", "schema_json"]

_MODELS: dict[str, Any] = {
    "migration": Migration,
    "glossary": Glossary,
    "steps": StepLibrary,
    "summary": Summary,
}
#: Where the project keeps each schema, relative to content/.
SCHEMA_FILES = {
    "migration": "schema/migration.schema.json",
    "glossary": "schema/glossary.schema.json",
    "steps": "schema/steps.schema.json",
    "summary": "schema/summary.schema.json",
}


def schema_json(name: SchemaName) -> str:
    """The JSON Schema of one file kind, as stable, sorted JSON text."""
    schema = TypeAdapter(_MODELS[name]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://sunset.invalid/{SCHEMA_FILES[name].rsplit('/', 1)[-1]}"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
