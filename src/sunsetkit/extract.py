"""Babel extractor for the translatable fields of content YAML.

Registered under the ``babel.extractors`` entry point as ``sunset_content``, so
``pybabel extract -F babel.cfg`` finds prose in content/migrations/*.yaml next to the
templates' messages. Which fields are prose is read from the model (fields typed
``Text``), so the extractor and the schema cannot disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, get_args

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import TRANSLATABLE, Glossary, Migration, nested_model

__all__ = ["extract_content", "translatable_strings"]

Extracted = tuple[int, str, str, list[str]]


def extract_content(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extractor protocol: yield (line, funcname, message, comments)."""
    del keywords, comment_tags  # YAML has no gettext calls nor translator comments
    model: type[BaseModel] = Glossary if options.get("model") == "glossary" else Migration
    try:
        node = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return  # `sunset build` reports the error with file and line; extraction skips
    if node is not None:
        for line, text, field in _walk(node, model, ""):
            yield line, "gettext", text, [f"Content field: {field}"]


def translatable_strings(text: str) -> list[str]:
    """Every translatable string of a migration definition, in file order."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return [message for _, message, _ in _walk(node, Migration, "")] if node else []


def _walk(node: yaml.Node, model: type[BaseModel], path: str) -> Iterator[tuple[int, str, str]]:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        field = model.model_fields.get(str(key_node.value))
        if field is None:
            continue
        here = f"{path}.{key_node.value}" if path else str(key_node.value)
        if _is_translatable(field):
            # The model strips surrounding white space; the msgid must be the same string.
            if isinstance(value_node, yaml.ScalarNode) and value_node.value.strip():
                yield value_node.start_mark.line + 1, value_node.value.strip(), here
            continue
        inner = nested_model(field.annotation)
        if inner is None:
            continue
        items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for item in items:
            yield from _walk(item, inner, here)


def _is_translatable(field: FieldInfo) -> bool:
    """A field typed Text, also inside Optional[...] where pydantic does not merge it."""
    infos: list[Any] = [field, *field.metadata]
    stack = [field.annotation]
    while stack:
        annotation = stack.pop()
        infos.extend(getattr(annotation, "__metadata__", ()))
        stack.extend(get_args(annotation))
    return any(
        isinstance(extra := getattr(info, "json_schema_extra", None), dict)
        and extra.get(TRANSLATABLE)
        for info in infos
    )
