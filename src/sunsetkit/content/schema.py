"""JSON Schemas of the content files, for editors (yaml-language-server) and `sunset schema`.

A schema accepts exactly the documents whose fields the loader accepts (the loader reads
a file's data as JSON, strictly: see content/load.py). Where pydantic's schema says less
than the model checks, the generator below says it too.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .model import Glossary, Migration, StepLibrary

__all__ = ["CONTENT_MODELS", "ContentSchema", "model_schema"]

#: Each content file kind, its model and where the project keeps its schema (under content/).
CONTENT_MODELS: dict[str, tuple[Any, str]] = {
    "migration": (Migration, "schema/migration.schema.json"),
    "glossary": (Glossary, "schema/glossary.schema.json"),
    "steps": (StepLibrary, "schema/steps.schema.json"),
}

#: Not only white space: what a stripped string of at least one character is.
_NOT_BLANK = r"\S"


class ContentSchema(GenerateJsonSchema):
    """pydantic's schema, with the two checks it leaves out of the JSON Schema."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        # The model strips white space before it counts: " " is too short for it.
        result = super().str_schema(schema)
        if schema.get("strip_whitespace") and schema.get("min_length", 0) >= 1:
            if "pattern" in result:
                result = {"allOf": [result, {"pattern": _NOT_BLANK}]}
            else:
                result["pattern"] = _NOT_BLANK
        return result

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # A key that matches no pattern is refused by the model (a key is a placeholder
        # or an id): patternProperties alone would let an editor pass it.
        result = super().dict_schema(schema)
        if "patternProperties" in result and "additionalProperties" not in result:
            result["additionalProperties"] = False
        return result


def model_schema(model: Any, file_name: str) -> str:
    """The JSON Schema of one model, as stable, sorted JSON text."""
    schema = TypeAdapter(model).json_schema(schema_generator=ContentSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://sunset.invalid/{file_name.rsplit('/', 1)[-1]}"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
