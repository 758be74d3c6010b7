"""JSON Schemas of the content files, for editors (yaml-language-server) and `sunset schema`."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .kinds import SchemaName
from .model import Glossary, Migration, StepLibrary

__all__ = ["SCHEMA_FILES", "schema_json"]

_MODELS: dict[str, type[BaseModel]] = {
    "migration": Migration,
    "glossary": Glossary,
    "steps": StepLibrary,
}
#: Where the project keeps each schema, relative to content/.
SCHEMA_FILES = {
    "migration": "schema/migration.schema.json",
    "glossary": "schema/glossary.schema.json",
    "steps": "schema/steps.schema.json",
}


def schema_json(name: SchemaName) -> str:
    """The JSON Schema of one content file kind, as stable, sorted JSON text."""
    schema = _MODELS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://sunset.invalid/{SCHEMA_FILES[name].rsplit('/', 1)[-1]}"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
