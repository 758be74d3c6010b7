"""YAML to model, with the file and line of the offending field in every error."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import ContentError, clip, did_you_mean
from ..files import read_regular
from .across import contradictions
from .model import FieldError, Glossary, Migration, StepLibrary, nested_model
from .resolve import check_library, check_migration

__all__ = [
    "STEPS_FILE",
    "load_glossary",
    "load_migration",
    "load_migrations",
    "load_steps",
    "load_yaml",
    "safe_load_bounded",
    "validate",
]

#: The shared step library, beside the migrations folder.
STEPS_FILE = "steps.yaml"

M = TypeVar("M", bound=BaseModel)
Loc = tuple[int | str, ...]

#: Deepest nesting of a definition (a real one needs 5) and most values it may expand
#: to through YAML aliases: bounds that keep a hostile file from hanging a run.
MAX_DEPTH = 64
MAX_VALUES = 100_000
_TAG = re.compile(r"^[\w-]+\[.*\]$")
#: The tags plain YAML values resolve to. Any other (!!python/..., !!set, !!omap, a
#: custom !tag) is refused: a tag would otherwise be dropped and its value used.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)


class _Bounded:
    """A composer refusing nesting that would exhaust its recursion."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[attr-defined]
                raise ContentError(
                    f"nested deeper than {MAX_DEPTH} levels",
                    getattr(self, "path", None),
                    mark.line + 1,
                    hint="a definition needs a few levels: check the brackets and indentation",
                )
            return super().compose_node(parent, index)  # type: ignore[misc, no-any-return]
        finally:
            self.depth -= 1


class _BoundedLoader(_Bounded, yaml.SafeLoader):
    """PyYAML's safe loader, pure Python: the one whose errors sunset reports."""


def safe_load_bounded(text: str, path: Path | None = None) -> Any:
    """yaml.safe_load refusing nesting deeper than MAX_DEPTH (ContentError naming `path`)
    instead of exhausting the recursion; for YAML that is not a definition (a page's
    front matter). Aliases are shared, not copied, so they cost no memory here."""
    loader = _BoundedLoader(text)
    loader.path = path  # type: ignore[attr-defined]
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)  # libyaml (if built in)

if _CParser is not None:

    class _FastLoader(_Bounded, yaml.composer.Composer, _CParser, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml's parser under PyYAML's composer (so the nesting bound holds): a
        sound file is read several times faster. A file it refuses is read again by
        the pure loader, whose messages are the ones reported."""

        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The document's node tree: libyaml's parser where it is built in, else (and for
    a file it refuses) PyYAML's pure one."""
    if _CParser is not None:
        fast = _FastLoader(text)
        fast.path = path
        try:
            return fast.get_single_node()
        except yaml.YAMLError:
            pass  # the pure loader below gives the message
        finally:
            fast.dispose()
    loader = _BoundedLoader(text)
    loader.path = path  # type: ignore[attr-defined]
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Parse one YAML document; return the data and the line of every key and item."""
    try:
        text = read_regular(path, 16 << 20).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError("not UTF-8 text", path, hint="save the file as UTF-8") from exc
    try:
        node = _compose(text, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(
            f"YAML syntax error: {exc.problem}",
            path,
            line,
            hint="fix the syntax; a value with ': ' or '#' needs quotes",
        ) from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"YAML error: {exc}", path, hint="fix the syntax") from exc
    if node is None:
        raise ContentError("the file is empty", path, 1, hint="write the definition in it")
    lines: dict[Loc, int] = {}
    return _build(node, (), lines, _Budget(path)), lines


class _Budget:
    """Counts the values a document expands to (aliases repeat a whole subtree); holds
    the document's one scalar constructor (a loader per scalar would cost a reader,
    scanner and parser each)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.left = MAX_VALUES
        self.constructor = yaml.constructor.SafeConstructor()

    def spend(self, node: yaml.Node, loc: Loc) -> None:
        self.left -= 1
        if self.left < 0 or len(loc) > MAX_DEPTH:
            raise ContentError(
                f"the document expands to more than {MAX_VALUES:,} values or "
                f"{MAX_DEPTH} levels through YAML aliases",
                self.path,
                node.start_mark.line + 1,
                hint="write the values out instead of repeating anchors (*name)",
            )


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int], budget: _Budget) -> Any:
    budget.spend(node, loc)
    path = budget.path
    lines[loc] = node.start_mark.line + 1
    _check_tag(node, path)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError(
                    "a key must be a plain name, not a list or a mapping",
                    path,
                    key_node.start_mark.line + 1,
                    hint="write `name: value`",
                )
            _check_tag(key_node, path)
            key = str(_scalar(key_node, budget))
            if key in result:
                raise ContentError(
                    f"duplicate key {key!r}",
                    path,
                    key_node.start_mark.line + 1,
                    hint="keep one of the two",
                )
            result[key] = _build(value_node, (*loc, key), lines, budget)
            lines[(*loc, key)] = key_node.start_mark.line + 1  # errors point at the key
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), lines, budget) for i, item in enumerate(node.value)]
    return _scalar(node, budget)


#: A binary scalar is bytes, which the model refuses as a value of no JSON type, at its
#: line; only a tag whose value would be used as another is refused here.
_BINARY = "tag:yaml.org,2002:binary"


def _check_tag(node: yaml.Node, path: Path) -> None:
    if node.tag not in PLAIN_TAGS and not (
        isinstance(node, yaml.ScalarNode) and node.tag == _BINARY
    ):
        raise ContentError(
            f"unsupported YAML tag {clip(str(node.tag).replace('tag:yaml.org,2002:', '!!'))}",
            path,
            node.start_mark.line + 1,
            hint="remove the tag: a definition holds plain YAML values only",
        )


def _scalar(node: yaml.Node, budget: _Budget) -> Any:
    path = budget.path
    try:
        return budget.constructor.construct_object(node, deep=True)
    except ValueError as exc:
        line = node.start_mark.line + 1
        if str(node.tag).endswith(":timestamp"):  # a date that does not exist
            raise ContentError(
                f"impossible date {clip(node.value)}: {exc}",
                path,
                line,
                hint="write a real calendar date as YYYY-MM-DD",
            ) from exc
        raise ContentError(
            f"unreadable value {clip(node.value)}",
            path,
            line,
            hint="write a number of at most a few digits, or quote the value",
        ) from exc
    except yaml.constructor.ConstructorError as exc:
        raise ContentError(
            f"unsupported YAML: {exc.problem}",
            path,
            node.start_mark.line + 1,
            hint="use plain YAML values (no tags such as !!python)",
        ) from exc


def validate(model: type[M], data: Any, lines: dict[Loc, int], path: Path) -> M:
    """The model of a document, read as its JSON Schema reads it: the data as JSON, each
    value of its JSON type (no "5" for a number, no "yes" for true), so an editor
    checking the schema and the loader agree."""
    try:
        text = json.dumps(as_json(data, lines, path), ensure_ascii=False)
        return model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        # An unknown field first: it usually explains the "missing" one (a typo).
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        raise _content_error(model, errors[0], lines, path, data) from exc


def as_json(value: Any, lines: dict[Loc, int], path: Path, loc: Loc = ()) -> Any:
    """YAML data as JSON has it, as editors see it: a date as its ISO text, 5.0 as 5 (JSON
    has one kind of number); a binary value or a set, which JSON lacks, is an error."""
    if isinstance(value, dict):
        return {k: as_json(v, lines, path, (*loc, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v, lines, path, (*loc, i)) for i, v in enumerate(value)]
    if isinstance(value, dt.date):  # a datetime too: the model then refuses its time
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise ContentError(
        f"{type(value).__name__} value: not plain data",
        path,
        _line_of(loc, lines),
        hint="write text, a number, true or false, a list or a mapping",
    )


def _content_error(
    model: type[BaseModel], error: ErrorDetails, lines: dict[Loc, int], path: Path, data: Any
) -> ContentError:
    loc = _data_loc(error["loc"], data)
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):  # a cross-field check names its field and its fix
        loc = (*loc, *cause.at)
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
        if error["type"].endswith("_type"):  # strict: say what was written instead
            text += f", not {_written(error['input'])}"
        message = f"{field}: {text}" if loc else text
        hint = "fix the value; `sunset schema` gives every field's type"
        if isinstance(cause, FieldError) and cause.fix:
            hint = cause.fix
        elif error["type"].startswith("date"):
            hint = "write a real calendar date as YYYY-MM-DD"
        elif error["type"] == "string_type":
            hint = "quote the value if it is text, as in '365'"
    return ContentError(message, path, _line_of(loc, lines), hint=hint)


def _written(value: Any) -> str:
    """A value as YAML wrote it: true, 365, a list."""
    if isinstance(value, bool | int | float) or value is None:
        written = yaml.safe_dump(value).removesuffix("\n...\n").strip()
        return written if len(written) <= 30 else clip(written, 30)  # a 4,000-digit number
    if isinstance(value, str):
        return clip(value)
    if isinstance(value, bytes):
        return "binary data"
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "?"


def _data_loc(loc: tuple[int | str, ...], data: Any) -> Loc:
    """The parts of pydantic's loc that are keys and indexes of the data (it adds the
    names of validators and union members, such as "function-after[...]")."""
    result: list[int | str] = []
    for number, part in enumerate(loc, 1):
        in_dict = isinstance(data, dict) and isinstance(part, str) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_dict or in_list:
            data = data[part]
        elif number < len(loc) or _TAG.match(str(part)):
            continue  # the name of a validator or a union member
        result.append(part)  # found in the data, or the missing field itself
    return tuple(result)


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
            hint="run in the project folder or pass --project; docs/authoring.md shows how "
            "to add a definition",
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
    for problem in contradictions(migrations):
        path = paths[problem.index]
        _, lines = load_yaml(path)
        raise ContentError(problem.message, path, _line_of(problem.loc, lines), hint=problem.hint)
    return sorted(migrations, key=lambda m: m.id)
