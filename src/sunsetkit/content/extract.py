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

from .model import (
    ACTS,
    TASK_CONTEXT,
    TRANSLATABLE,
    Glossary,
    Migration,
    Phase,
    Procedure,
    StepLibrary,
    nested_model,
)

__all__ = ["extract_content", "is_translatable", "translatable_strings"]

Extracted = tuple[int, str, str | tuple[str, str], list[str]]
#: A found string: its line, its text, the field it is in, its message context (or None).
Found = tuple[int, str, str, str | None]
#: The `model` option of a babel.cfg section names the kind of content file.
_MODELS: dict[str, type[BaseModel]] = {
    "migration": Migration,
    "glossary": Glossary,
    "steps": StepLibrary,
}
#: What a translator needs to know of a definition's field beyond its name.
_NOTES: dict[str, str] = {
    "description": "The page's meta description, shown by search engines.",
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
        for line, text, field, context in _walk(node, model, ""):
            comments = [f"Content field: {field}"]
            if model is Migration and field in _NOTES:
                comments.append(_NOTES[field])
            if context is None:
                yield line, "gettext", text, comments
            else:  # Babel's default keywords read pgettext's first argument as the context
                comments.append("A checklist task: an instruction to the partner, not a heading.")
                yield line, "pgettext", (context, text), comments


def translatable_strings(text: str) -> list[str]:
    """Every translatable string of a migration definition, in file order; a checklist
    task's English comes once more, before its procedure's phases (its message in the
    task context)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    return [message for _, message, _, _ in _walk(node, Migration, "")] if node else []


def _walk(node: yaml.Node, model: type[BaseModel], path: str) -> Iterator[Found]:
    if not isinstance(node, yaml.MappingNode):
        return
    if model is Procedure:
        yield from _tasks(node, path)
    for key_node, value_node in node.value:
        field = model.model_fields.get(str(key_node.value))
        if field is None or (model is Phase and key_node.value == "task"):
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


def _tasks(node: yaml.MappingNode, path: str) -> Iterator[Found]:
    """The checklist tasks of a procedure, each in the task context: a phase's `task`,
    else its title (also extracted as the heading, without the context). The last phase
    is no task when it suspends or cancels (see Procedure.tasks)."""
    fields = _fields(node)
    ends = fields.get("ends")
    endings = ends.value if isinstance(ends, yaml.SequenceNode) else [ends] if ends else []
    acts = any(isinstance(e, yaml.ScalarNode) and e.value in ACTS for e in endings)
    phases = fields.get("phases")
    if not isinstance(phases, yaml.SequenceNode):
        return
    for phase in phases.value[:-1] if acts else phases.value:
        if isinstance(phase, yaml.MappingNode):
            own = _fields(phase)
            key = "task" if "task" in own else "title"
            if key in own:
                yield from _scalars(own[key], f"{path}.phases.{key}", TASK_CONTEXT)


def _fields(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {str(key.value): value for key, value in node.value}


def _scalars(node: yaml.Node, field: str, context: str | None = None) -> Iterator[Found]:
    """A prose field's string, or each string of a list of prose."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for item in nodes:
        # The model strips surrounding white space; the msgid must be the same string.
        if isinstance(item, yaml.ScalarNode) and item.value.strip():
            yield item.start_mark.line + 1, item.value.strip(), field, context


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
