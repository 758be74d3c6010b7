"""The committed JSON Schemas accept exactly what the loader accepts, field by field.

An editor (yaml-language-server, check-jsonschema) checks a content file against
content/schema/*.schema.json; `sunset build` checks it against the model. Both must say
the same of every field: every shipped file and every fixture's content file, documents
drawn from the model, and those documents with a value of the wrong type put in.

What the model checks beyond field types (cross-field rules such as "give exactly one of
'name' or 'label'", CLDR knowing a locale key) is out of a schema's reach: the loader
reports those as `value_error`s, and a document with no other error counts as accepted
at the field level.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import shutil
import types
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, BeforeValidator, PlainValidator, ValidationError, WrapValidator
from pydantic.fields import FieldInfo

from sunsetkit.content.load import load_yaml, validate
from sunsetkit.content.schema import CONTENT_MODELS
from sunsetkit.errors import ContentError

from .conftest import ROOT
from .test_bad_input import CASES, _apply

FIXTURES = Path(__file__).parent / "fixtures"


# --- the two verdicts ------------------------------------------------------------------


@cache
def _validator(kind: str) -> Any:
    schema = json.loads((ROOT / "content" / CONTENT_MODELS[kind][1]).read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())  # dates checked too


def as_editor_reads(data: Any) -> Any:
    """YAML data as a JSON Schema validator sees it (check-jsonschema, the YAML language
    server): a YAML date is its ISO text."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def schema_accepts(kind: str, data: Any) -> bool:
    return bool(_validator(kind).is_valid(as_editor_reads(data)))


def loader_accepts(kind: str, data: Any) -> bool:
    """The loader takes every field: no error, or only errors the schema cannot express."""
    try:
        validate(CONTENT_MODELS[kind][0], data, {}, Path("doc.yaml"))
    except ContentError as exc:
        cause = exc.__cause__
        assert isinstance(cause, ValidationError), f"not a field error: {exc}"
        return all(error["type"] == "value_error" for error in cause.errors())
    return True


def assert_agree(kind: str, data: Any, what: str) -> bool:
    loader = loader_accepts(kind, data)
    errors = [e.message for e in _validator(kind).iter_errors(as_editor_reads(data))][:3]
    assert schema_accepts(kind, data) == loader, (
        f"{what}: the loader {'accepts' if loader else 'refuses'} it, the schema "
        f"{'refuses' if errors else 'accepts'} it {errors}"
    )
    return loader


def _kind(rel: Path) -> str | None:
    if rel.parent == Path("migrations"):
        return "migration"
    return {"steps.yaml": "steps", "glossary.yaml": "glossary"}.get(str(rel))


def content_files(content: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(content.rglob("*.yaml")):
        kind = _kind(path.relative_to(content))
        if kind and path.is_file():  # a fixture's fifo is no file
            yield path, kind


# --- shipped files and fixtures ----------------------------------------------------------


@pytest.mark.parametrize(
    "path", [p for p, _ in content_files(ROOT / "content")], ids=lambda p: p.name
)
def test_every_shipped_file_is_valid_for_its_schema(path: Path) -> None:
    kind = _kind(path.relative_to(ROOT / "content"))
    assert kind is not None
    data, _ = load_yaml(path)
    assert loader_accepts(kind, data)
    errors = [e.message for e in _validator(kind).iter_errors(as_editor_reads(data))]
    assert not errors, f"{path.name} fails its own schema in an editor: {errors}"


def _fixture_documents(tmp: Path) -> Iterator[tuple[str, str, Any]]:
    """Each content file a fixture makes (its case applied to a copy of content/), and
    the variation fixtures, once per distinct text."""
    seen: set[str] = set()
    shipped = {p.read_text("utf-8") for p, _ in content_files(ROOT / "content")}
    found = [
        (p, "migration", "variations") for p in sorted((FIXTURES / "variations").glob("*.yaml"))
    ]
    for case in CASES:
        root = tmp / case.parent.name
        shutil.copytree(ROOT / "content", root / "content")
        edits = yaml.safe_load(case.read_text("utf-8"))
        _apply({how: _content_only(edits.get(how, {})) for how in EDITS}, root)
        found += [(p, kind, case.parent.name) for p, kind in content_files(root / "content")]
    for path, kind, fixture in found:
        text = path.read_bytes().decode("utf-8", "replace")
        if text in seen or text in shipped:
            continue
        seen.add(text)
        try:
            data, _ = load_yaml(path)
            as_editor_reads(data)
        except (ContentError, TypeError):
            continue  # not YAML, or not JSON data: no schema can judge it
        yield f"{fixture}:{path.name}", kind, data


#: How a fixture changes files (fifos and folders are no content files).
EDITS = ("write", "append", "replace")


def _content_only(edits: dict[str, Any]) -> dict[str, Any]:
    return {rel: edit for rel, edit in edits.items() if rel.startswith("content/")}


def test_every_fixture_is_judged_alike_by_schema_and_loader(tmp_path: Path) -> None:
    verdicts = [assert_agree(kind, data, what) for what, kind, data in _fixture_documents(tmp_path)]
    # Both kinds are there: fixtures the loader takes and fixtures it refuses by type.
    assert True in verdicts and False in verdicts, verdicts


# --- documents drawn from the model ------------------------------------------------------

#: Letters, digits, punctuation, symbols and spaces: engines differ on what else is
#: white space (U+001C is to Python's re, not to Rust's regex nor JavaScript's).
TEXT = st.characters(categories=("L", "N", "P", "S", "Zs"))
MAX_DEPTH = 2


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            found.update(_constraints(item.metadata))
        for name in ("pattern", "min_length", "max_length", "gt", "strip_whitespace"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _string(limits: dict[str, Any]) -> st.SearchStrategy[str]:
    if "pattern" in limits:
        longest = limits.get("max_length", 10**9)
        return st.from_regex(limits["pattern"], fullmatch=True, alphabet=TEXT).filter(
            lambda text: len(text) <= longest
        )
    return st.text(TEXT, min_size=limits.get("min_length", 0), max_size=12).filter(
        lambda text: not limits.get("strip_whitespace") or len(text.strip()) >= 1
    )


def value_of(annotation: Any, metadata: list[Any], depth: int) -> st.SearchStrategy[Any]:
    """A value the model takes at a field of this annotation, as YAML would give it."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    limits = _constraints(metadata)
    if origin is typing.Annotated:
        return value_of(args[0], [*metadata, *args[1:]], depth)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([value_of(arg, metadata, depth) for arg in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        least = limits.get("min_length", 0)
        if depth > MAX_DEPTH and least == 0:
            return st.just([])
        return st.lists(value_of(args[0], [], depth + 1), min_size=least, max_size=least + 2)
    if origin is dict:
        keys, values = value_of(args[0], [], depth), value_of(args[1], [], depth + 1)
        return st.dictionaries(keys, values, max_size=2)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return document(annotation, depth + 1)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([member.value for member in annotation])
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=limits.get("gt", -(10**6) - 1) + 1, max_value=10**6)
    if annotation is dt.date:
        return st.dates().map(dt.date.isoformat) | st.dates()  # quoted, or a YAML date
    if annotation is str:
        return _string(limits)
    raise AssertionError(f"no strategy for {annotation!r}: teach the test the new type")


def document(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """A document of the model: each required field, each optional one or not."""
    required = {}
    optional = {}
    for name, field in model.model_fields.items():
        strategy = value_of(field.annotation, list(field.metadata), depth)
        (required if field.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


KINDS = sorted(CONTENT_MODELS)


@st.composite
def drawn(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(KINDS))
    return kind, draw(document(CONTENT_MODELS[kind][0]))


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drawn())
def test_documents_drawn_from_the_model_are_accepted_by_both(
    case: tuple[str, dict[str, Any]],
) -> None:
    kind, data = case
    assert loader_accepts(kind, data), data
    assert schema_accepts(kind, data), data


# --- the same documents with a value of the wrong type ----------------------------------

#: A value of each JSON type, and some a lax reader would coerce ("5", "yes", 1.5).
WRONG = st.sampled_from([None, 0, 7, 1.5, True, "", " ", "5", "yes", "x", [], ["x"], {}, {"x": 1}])


def _places(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield loc
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        yield from _places(item, (*loc, key))


def _set(data: Any, loc: tuple[Any, ...], value: Any) -> Any:
    if not loc:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[loc[0]] = _set(data[loc[0]], loc[1:], value)
    return copy


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    kind, data = draw(drawn())
    for _ in range(draw(st.integers(1, 2))):
        loc = draw(st.sampled_from(list(_places(data))))
        here: Any = data
        for part in loc:
            here = here[part]
        action = draw(st.sampled_from(["replace", "add", "remove"]))
        if action == "add" and isinstance(here, dict):
            key = draw(st.sampled_from(["Unknown", "x", "text", "zz-extra"]))
            data = _set(data, loc, {**here, key: draw(WRONG)})
        elif action == "remove" and loc and isinstance(_parent(data, loc), dict):
            parent = {k: v for k, v in _parent(data, loc).items() if k != loc[-1]}
            data = _set(data, loc[:-1], parent)
        else:
            data = _set(data, loc, draw(WRONG))
    return kind, data


def _parent(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


@SETTINGS
@given(mutated())
# an also-accepted form without its evidence: a bare form, a mapping without evidence
@example(("glossary", {"terms": [{"source": "0", "kind": "name", "also": {"": [""]}}]}))
@example(
    ("glossary", {"terms": [{"source": "S", "kind": "ui", "also": {"de-DE": [{"form": "f"}]}}]})
)
def test_wrong_values_are_refused_by_both_or_by_neither(case: tuple[str, Any]) -> None:
    kind, data = case
    assert_agree(kind, data, json.dumps(as_editor_reads(data))[:300])


def test_the_mutations_are_mostly_refused() -> None:
    """Not a vacuous agreement: most wrong values are refused by both."""
    refused = []

    @settings(max_examples=100, deadline=None, database=None)
    @given(mutated())
    def collect(case: tuple[str, Any]) -> None:
        refused.append(not loader_accepts(*case))

    collect()
    assert sum(refused) > len(refused) / 2, f"{sum(refused)} of {len(refused)} refused"


# --- every shorthand the model reads is in the schema ------------------------------------


def _models() -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    stack = [model for model, _ in CONTENT_MODELS.values()]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for field in model.model_fields.values():
            stack += [t for t in _types(field.annotation) if issubclass(t, BaseModel)]


def _types(annotation: Any) -> Iterator[type]:
    if isinstance(annotation, type):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _types(arg)


def _annotated_validators(annotation: Any) -> Iterator[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        yield from typing.get_args(annotation)[1:]
    for arg in typing.get_args(annotation):
        yield from _annotated_validators(arg)


def test_every_validator_that_takes_other_input_says_so_in_the_schema() -> None:
    """A validator that runs before the type check (a name for a list of names) reads
    input the field's type does not describe: it must declare that input for the schema
    (`json_schema_input_type`), or an editor refuses what the loader takes."""
    undeclared = []
    for model in _models():
        for name, decorator in model.__pydantic_decorators__.field_validators.items():
            info = decorator.info
            if info.mode != "after" and info.json_schema_input_type is PYDANTIC_UNDEFINED:
                undeclared.append(f"{model.__name__}.{name}")
        for name, field in model.model_fields.items():
            for item in [*field.metadata, *_annotated_validators(field.annotation)]:
                lax = isinstance(item, BeforeValidator | PlainValidator | WrapValidator)
                if lax and item.json_schema_input_type in (PYDANTIC_UNDEFINED, Any):
                    undeclared.append(f"{model.__name__}.{name}")
    assert not undeclared, f"validators without json_schema_input_type: {undeclared}"


PYDANTIC_UNDEFINED: Any = FieldInfo().default  # pydantic's "not given" marker


def test_a_value_json_has_no_type_for_is_one_clear_error(tmp_path: Path) -> None:
    """YAML's binary values and sets have no JSON type: neither an editor nor the loader
    takes them (the loader no longer reads bytes as text)."""
    path = tmp_path / "steps.yaml"
    path.write_text("steps:\n  a:\n    text: !!binary aGVsbG8=\n", encoding="utf-8")
    data, lines = load_yaml(path)
    with pytest.raises(ContentError) as caught:
        validate(CONTENT_MODELS["steps"][0], data, lines, path)
    assert str(caught.value).startswith(f"{path}:3: bytes value: not plain data")
