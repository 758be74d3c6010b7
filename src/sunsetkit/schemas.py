"""Every JSON Schema `sunset schema` prints: the content files' and summary.json's."""

from __future__ import annotations

from typing import Any

from .checklists.summary import Summary
from .content.schema import CONTENT_MODELS, model_schema
from .kinds import SchemaName

__all__ = ["SCHEMA_FILES", "schema_json"]

_MODELS: dict[str, tuple[Any, str]] = {
    **CONTENT_MODELS,
    "summary": (Summary, "schema/summary.schema.json"),
}
#: Where the project keeps each schema, relative to content/.
SCHEMA_FILES = {name: file_name for name, (_, file_name) in _MODELS.items()}


def schema_json(name: SchemaName) -> str:
    """The JSON Schema of one file kind, as stable, sorted JSON text."""
    model, file_name = _MODELS[name]
    return model_schema(model, file_name)
