"""JSON Schemas of the content files, for editors (yaml-language-server) and `sunset schema`."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .model import Glossary, Migration, StepLibrary

__all__ = ["CONTENT_MODELS", "model_schema"]

#: Each content file kind, its model and where the project keeps its schema (under content/).
CONTENT_MODELS: dict[str, tuple[Any, str]] = {
    "migration": (Migration, "schema/migration.schema.json"),
    "glossary": (Glossary, "schema/glossary.schema.json"),
    "steps": (StepLibrary, "schema/steps.schema.json"),
}


def model_schema(model: Any, file_name: str) -> str:
    """The JSON Schema of one model, as stable, sorted JSON text."""
    schema = TypeAdapter(model).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://sunset.invalid/{file_name.rsplit('/', 1)[-1]}"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
