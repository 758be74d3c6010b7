"""YAML to model, with the file and line of the offending field in every error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import ContentError, did_you_mean
from .model import Glossary, Migration, StepLibrary, nested_model
from .resolve import check_library, check_migration

__all__ = [
    "STEPS_FILE",
    "load_glossary",
    "load_migration",
    "load_migrations",
    "load_steps",
    "load_yaml",
]

#: The shared step library, beside the migrations folder.
STEPS_FILE = "steps.yaml"

M = TypeVar("M", bound=BaseModel)
Loc = tuple[int | str, ...]


def load_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Parse one YAML document; return the data and the line of every key and item."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"cannot read: {exc.strerror}", path) from exc
    except UnicodeDecodeError as exc:
        raise ContentError("not UTF-8 text", path, hint="save the file as UTF-8") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(f"YAML syntax error: {exc.problem}", path, line) from exc
    if node is None:
        raise ContentError("the file is empty", path, 1)
    lines: dict[Loc, int] = {}
    return _build(node, (), lines, path), lines


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node, path))
            if key in result:
                raise ContentError(
                    f"duplicate key {key!r}",
                    path,
                    key_node.start_mark.line + 1,
                    hint="keep one of the two",
                )
            result[key] = _build(value_node, (*loc, key), lines, path)
            lines[(*loc, key)] = key_node.start_mark.line + 1  # errors point at the key
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), lines, path) for i, item in enumerate(node.value)]
    return _scalar(node, path)


def _scalar(node: yaml.Node, path: Path) -> Any:
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except ValueError as exc:  # the resolver took it for a date that does not exist
        raise ContentError(
            f"impossible date {node.value!r}: {exc}",
            path,
            node.start_mark.line + 1,
            hint="write a real calendar date as YYYY-MM-DD",
        ) from exc
    except yaml.constructor.ConstructorError as exc:
        raise ContentError(
            f"unsupported YAML: {exc.problem}", path, node.start_mark.line + 1
        ) from exc


def validate(model: type[M], data: Any, lines: dict[Loc, int], path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        # An unknown field first: it usually explains the "missing" one (a typo).
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        raise _content_error(model, errors[0], lines, path) from exc


def _content_error(
    model: type[BaseModel], error: ErrorDetails, lines: dict[Loc, int], path: Path
) -> ContentError:
    loc = _data_loc(error["loc"])
    field = ".".join(str(part) for part in loc) or "(top level)"
    hint = None
    if error["type"] == "extra_forbidden":
        message = f"unknown field {field!r}"
        hint = did_you_mean(str(loc[-1]), _fields_at(model, loc[:-1])) or (
            "remove it or check the schema (`sunset schema`)"
        )
    elif error["type"] == "missing":
        message = f"missing field {field!r}"
        hint = "add it; `sunset schema` lists every field"
    else:
        text = error["msg"].removeprefix("Value error, ")
        message = f"{field}: {text}" if loc else text
        if error["type"].startswith("date"):
            hint = "write a real calendar date as YYYY-MM-DD"
    return ContentError(message, path, _line_of(loc, lines), hint=hint)


def _data_loc(loc: tuple[int | str, ...]) -> Loc:
    # Pydantic adds the validator's name ("function-after[...]") and union tags to loc.
    return tuple(p for p in loc if not (isinstance(p, str) and "[" in p))


def _line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _fields_at(model: type[BaseModel], loc: Loc) -> Iterator[str]:
    """The field names a model allows at a location, for "did you mean"."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if current is not None else None
        if field is None:
            return iter(())
        current = nested_model(field.annotation)
    return iter(current.model_fields) if current is not None else iter(())


def load_glossary(path: Path) -> Glossary:
    data, lines = load_yaml(path)
    return validate(Glossary, data, lines, path)


def load_steps(path: Path, glossary: Glossary) -> StepLibrary:
    """content/steps.yaml, its labels checked against the glossary; empty if absent."""
    if not path.exists():
        return StepLibrary(steps={})
    data, lines = load_yaml(path)
    library = validate(StepLibrary, data, lines, path)
    check_library(library, glossary, lines, path)
    return library


def load_migration(path: Path, library: StepLibrary, glossary: Glossary) -> Migration:
    """One definition, its shared steps resolved and every reference checked."""
    data, lines = load_yaml(path)
    migration = validate(Migration, data, lines, path)
    return check_migration(migration, library, glossary, lines, path)


def load_migrations(
    folder: Path, glossary: Glossary | None = None, library: StepLibrary | None = None
) -> list[Migration]:
    """Every content/migrations/*.yaml, sorted by id; ids must be unique.

    The glossary and the step library default to the files beside the folder.
    """
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise ContentError(
            "no migration definitions (*.yaml) found",
            folder,
            hint="add one; docs/authoring.md shows how",
        )
    if glossary is None:
        glossary = load_glossary(folder.parent / "glossary.yaml")
    if library is None:
        library = load_steps(folder.parent / STEPS_FILE, glossary)
    seen: dict[str, Path] = {}
    migrations = []
    for path in paths:
        migration = load_migration(path, library, glossary)
        if migration.id in seen:
            _, lines = load_yaml(path)
            raise ContentError(
                f"duplicate id {migration.id!r}, already used by {seen[migration.id]}",
                path,
                lines.get(("id",)),
                hint="give every migration its own id",
            )
        seen[migration.id] = path
        migrations.append(migration)
    return sorted(migrations, key=lambda m: m.id)
