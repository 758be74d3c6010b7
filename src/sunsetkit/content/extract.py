"""Babel extractor for the translatable fields of content YAML.

Registered under the ``babel.extractors`` entry point as ``sunset_content``, so
``pybabel extract -F babel.cfg`` finds prose in content/migrations/*.yaml next to the
templates' messages. Which fields are prose is read from the model (fields typed
``Text``), so the extractor and the schema cannot disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import TRANSLATABLE, Glossary, Migration, StepLibrary, nested_model

__all__ = ["extract_content", "is_translatable", "translatable_strings"]

Extracted = tuple[int, str, str, list[str]]
#: The `model` option of a babel.cfg section names the kind of content file.
_MODELS: dict[str, type[BaseModel]] = {
    "migration": Migration,
    "glossary": Glossary,
    "steps": StepLibrary,
}


def extract_content(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's extractor protocol: yield (line, funcname, message, comments)."""
    del keywords, comment_tags  # YAML has no gettext calls nor translator comments
    model = _MODELS.get(str(options.get("model", "migration")), Migration)
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
        if is_translatable(field):
            yield from _scalars(value_node, here)
            continue
        inner = nested_model(field.annotation)
        if inner is None:
            continue
        if isinstance(value_node, yaml.SequenceNode):
            items = value_node.value
        elif isinstance(value_node, yaml.MappingNode) and get_origin(field.annotation) is dict:
            items = [value for _, value in value_node.value]  # dict[key, Model]
        else:
            items = [value_node]
        for item in items:
            yield from _walk(item, inner, here)


def _scalars(node: yaml.Node, field: str) -> Iterator[tuple[int, str, str]]:
    """A prose field's string, or each string of a list of prose."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for item in nodes:
        # The model strips surrounding white space; the msgid must be the same string.
        if isinstance(item, yaml.ScalarNode) and item.value.strip():
            yield item.start_mark.line + 1, item.value.strip(), field


def is_translatable(field: FieldInfo) -> bool:
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
