"""Any valid definition builds in every locale, keeps its structure and checks clean.

Definitions are drawn from the model itself: the strategy walks the pydantic fields
(required or optional, list lengths, enums and Literals, every member of a union such
as an ending or a choice of endings) and fills each leaf from the values the shipped
definitions and shared steps have at that place (a bundle from the replacement names),
so every sentence is one the catalogs translate. A step is drawn whole (its prose uses
its own parameters). Drawn definitions the model or the cross-checks reject are
discarded; what remains is written into a copy of the project, built in every locale
and checked. Shapes a random draw seldom makes valid all at once (a bundle among the
options, with an unheaded procedure and a choice of endings) are explicit examples:
each shipped definition with them.

Stripped copies of the shipped definitions (tests/stripped.py: every optional part
removed, lists at their minimum, each other ending and style) go through the same checks.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sunsetkit.cli import main
from sunsetkit.content.extract import is_translatable
from sunsetkit.content.load import load_migrations, load_yaml
from sunsetkit.content.model import Migration, Step, placeholders
from sunsetkit.content.resolve import prose_fields
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs
from sunsetkit.markdown import outline

from . import stripped
from .conftest import ROOT, copy_project
from .test_structure import _count_steps, _expected_anchors

# Run without the coverage tracer: every drawn definition reruns the whole build and
# check, which the build's own tests cover, at twice the cost under the tracer.
pytestmark = pytest.mark.no_cover

Path_ = tuple[str, ...]
DRAWN_ID = "zz-drawn-retirement"
CONTENT = ROOT / "content"
#: The most items a drawn list has (beyond its minimum): pages stay small.
MAX_ITEMS = 3


# --- what the shipped content offers, by place --------------------------------------------


def _walk(value: Any, path: Path_, pools: dict[Path_, list[Any]]) -> None:
    pools[path].append(value)
    if isinstance(value, dict) and not _is_step_path(path):
        for key, item in value.items():
            _walk(item, (*path, str(key)), pools)
    elif isinstance(value, list):
        for item in value:
            _walk(item, (*path, "*"), pools)


def _is_step_path(path: Path_) -> bool:
    return path[-2:] in (("steps", "*"), ("substeps", "*"))


def _pools() -> dict[Path_, list[Any]]:
    """Every value at every place of the shipped definitions (list items under '*')."""
    pools: dict[Path_, list[Any]] = defaultdict(list)
    for path in sorted((CONTENT / "migrations").glob("*.yaml")):
        data, _ = load_yaml(path)
        _walk(data, (), pools)
    library, _ = load_yaml(CONTENT / "steps.yaml")
    pools[("step",)] = [{"use": key} for key in sorted(library["steps"])]
    pools[("step",)] += [s for p, v in pools.items() if _is_step_path(p) for s in v]
    pools[("names",)].append({k: v for d in pools[("names",)] for k, v in d.items()})
    # a bundle is made of replacement names, wherever a named option stands
    named = [path for path in pools if path[-3:] == ("options", "*", "name")]
    names = sorted({n for p in named for n in pools[p]})
    for path in named:
        pools[(*path[:-1], "bundle", "*")] = names
    # prose any translatable field may reuse: every sentence with no placeholder but
    # %(product)s, from the shipped definitions
    prose = {
        text
        for m in load_migrations(CONTENT / "migrations")
        for loc, text in prose_fields(m)
        if placeholders(text)[0] <= {"product"} and "task" not in loc
    }
    pools[("prose",)] = sorted(prose)
    return pools


POOLS = _pools()


# --- a strategy from the model's fields ------------------------------------------------------


def _pick(pool: list[Any]) -> st.SearchStrategy[Any]:
    """One of the pool (drawn by index: a strategy listing a long pool has a long repr)."""
    return st.integers(0, len(pool) - 1).map(pool.__getitem__)


def _unique_key(model: type[BaseModel]) -> Any:
    return (lambda d: d.get("id")) if "id" in model.model_fields else (lambda d: repr(d))


def _leaf(annotation: Any, info: FieldInfo | None, path: Path_) -> st.SearchStrategy[Any] | None:
    pool = [v for v in POOLS.get(path, []) if not isinstance(v, (dict, list))]
    if isinstance(annotation, type) and issubclass(annotation, bool):
        return st.booleans()
    if annotation is dt.date:
        return _pick(pool) | st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    if isinstance(annotation, type) and issubclass(annotation, int):
        return _pick(pool) | st.integers(1, 400) if pool else st.integers(1, 400)
    translatable = info is not None and is_translatable(info)
    if translatable:
        pool = sorted({*pool, *POOLS[("prose",)]})
    return _pick(pool) if pool else None


def _translatable(annotation: Any) -> FieldInfo | None:
    """The FieldInfo inside an Annotated type (Text | None keeps it there)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return next((m for m in annotation.__metadata__ if isinstance(m, FieldInfo)), None)
    return None


def _for(annotation: Any, info: FieldInfo | None, path: Path_) -> st.SearchStrategy[Any] | None:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):  # any member: `ends` is one or a choice
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        members = [m for m in (_for(a, info, path) for a in inner) if m is not None]
        return st.one_of(members) if members else None
    if origin is typing.Annotated:
        return _for(typing.get_args(annotation)[0], _translatable(annotation) or info, path)
    if annotation is Step:  # drawn whole: its prose uses its own parameters
        return _pick(POOLS[("step",)])
    if origin is list:
        (item,) = typing.get_args(annotation)
        items = _for(item, None, (*path, "*"))
        if items is None:
            return None
        metadata = info.metadata if info else []
        least = next((m.min_length for m in metadata if hasattr(m, "min_length")), 0)
        most = next((m.max_length for m in metadata if hasattr(m, "max_length")), None)
        model = item if isinstance(item, type) and issubclass(item, BaseModel) else None
        return st.lists(
            items,
            min_size=least,
            max_size=min(least + MAX_ITEMS, most or least + MAX_ITEMS),
            unique_by=_unique_key(model) if model else None,
        )
    if origin is dict:
        dicts = [v for v in POOLS.get(path, []) if isinstance(v, dict)]
        return _pick(dicts) if dicts else None
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([member.value for member in annotation])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return from_model(annotation, path)
    return _leaf(annotation, info, path)


def from_model(model: type[BaseModel], path: Path_ = ()) -> st.SearchStrategy[dict[str, Any]]:
    """Data for a model: every required field, any subset of the optional ones."""
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in model.model_fields.items():
        strategy = _for(info.annotation, info, (*path, name))
        if strategy is None:
            assert not info.is_required(), f"nothing to draw for {'.'.join((*path, name))}"
            continue
        (required if info.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


VALID = stripped.validator(CONTENT)
_DRAWN = from_model(Migration)


@st.composite
def definitions(draw: st.DrawFn) -> dict[str, Any]:
    """A definition the model and the cross-checks accept (the others are discarded)."""
    data = {**draw(_DRAWN), "id": DRAWN_ID}
    assume(VALID(data))
    return data


# --- building and checking one definition in every locale -----------------------------------


def _locales() -> list[str]:
    return [SOURCE_LOCALE, *sorted(discover_catalogs(ROOT / "locales"))]


def _write(root: Path, definitions: dict[str, dict[str, Any]]) -> None:
    for old in (root / "content" / "migrations").glob("*.yaml"):
        old.unlink()
    stripped.write(definitions, root / "content" / "migrations")


def _prose_on_the_page(migration: Migration) -> Iterator[str]:
    """Sentences of the definition that the en-US page shows as written."""
    for loc, text in prose_fields(migration):
        names, _ = placeholders(text)
        if not names and "task" not in loc and "%" not in text and "\n" not in text:
            yield text


def assert_builds_and_checks_clean(root: Path, ids: list[str], tmp: Path) -> None:
    """Every page of these definitions in every locale, with the structure their
    definition asks for, identical across locales, and `sunset check --strict` clean."""
    project = Project(root)
    migrations = {m.id: m for m in load_migrations(project.migrations_dir) if m.id in ids}
    result = build_guides(project, migration_ids=ids)
    pages = {(p.locale_id, p.migration_id): p.text for p in result.pages}
    assert set(pages) == {(loc, i) for loc in _locales() for i in ids}
    for (locale_id, migration_id), text in pages.items():
        m = migrations[migration_id]
        shape, source = outline(text), outline(pages[SOURCE_LOCALE, migration_id])
        where = f"{locale_id}/{migration_id}"
        meta = yaml.safe_load(shape.front_matter or "")
        assert meta["title"] and meta["ms.contentlocale"] == locale_id, where
        assert meta["ms.date"] == m.article.date.strftime("%m/%d/%Y"), where
        assert shape.anchors == _expected_anchors(m), where
        assert (shape.list_items, shape.tables) == (source.list_items, source.tables), where
        for phase in m.procedure.phases:
            counts = _count_steps(phase.steps)
            assert any(
                shape.list_items[i : i + len(counts)] == counts
                for i in range(len(shape.list_items))
            ), f"{where}: steps of {phase.id}"
        for leftover in ("{{", "{%", "%(", "Undefined", "None"):
            assert leftover not in text, f"{where}: {leftover!r}"
        for line in text.splitlines():
            heading = line.lstrip("#").split("</a>")[-1].strip() if line.startswith("#") else "x"
            assert heading, f"{where}: empty heading {line!r}"
    for m in migrations.values():
        english = pages[SOURCE_LOCALE, m.id]
        # The front matter holds its values as YAML, quoted where YAML needs it
        # ("customer''s" in a value with a colon): it is compared read.
        front = yaml.safe_load(outline(english).front_matter or "").values()
        for text in _prose_on_the_page(m):
            assert text in english or text in front, f"{m.id}: {text!r} is not on the page"
    out = tmp / "guides"
    files = {f"{p.locale_id}/{p.migration_id}.md": p.text for p in result.pages}
    for rel, text in {**files, **result.assets}.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    # The pages only: the catalogs do not change with the definition, and
    # test_check_catalogs holds them clean once.
    glossary = str(project.glossary_path)
    check = CliRunner().invoke(main, ["check", "--strict", "--glossary", glossary, str(out)])
    assert check.exit_code == 0, check.output


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("drawn") / "project")


def every_shape() -> list[dict[str, Any]]:
    """Each shipped definition with the shapes a random draw seldom reaches all at once:
    unheaded phases, a choice of endings with de-provisioning, and a bundle among the
    options (of the definition's own replacement names, or any shipped ones)."""
    found = []
    names = POOLS[("replacements", "options", "*", "bundle", "*")]
    for path in sorted((CONTENT / "migrations").glob("*.yaml")):
        data, _ = load_yaml(path)
        procedure = data["procedure"]
        act = procedure["ends"] if procedure["ends"] in ("suspend", "cancel") else "cancel"
        procedure.update(style="unheaded", ends=["expire", act], deprovision_days=2)
        data["replacements"] = {"options": [{"name": names[0]}, {"bundle": names[1:3]}]}
        data = {**data, "id": DRAWN_ID}
        assert VALID(data), f"{path.name}: the shapes do not fit"
        found.append(data)
    return found


def _explicit(test: Any) -> Any:
    for data in every_shape():
        test = example(definition=data)(test)
    return test


@_explicit
@given(definition=definitions())
@settings(
    max_examples=12,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
def test_any_valid_definition_builds_in_every_locale_and_checks_clean(
    definition: dict[str, Any], scratch: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _write(scratch, {DRAWN_ID: definition})
    assert_builds_and_checks_clean(scratch, [DRAWN_ID], tmp_path_factory.mktemp("out"))


SHIPPED = sorted(p.stem for p in (CONTENT / "migrations").glob("*.yaml"))


@pytest.mark.parametrize("shipped", SHIPPED)
def test_stripped_copies_build_in_every_locale_and_check_clean(
    shipped: str, tmp_path: Path
) -> None:
    data, _ = load_yaml(CONTENT / "migrations" / f"{shipped}.yaml")
    copies = {
        f"{data['id']}-{name}": {**variant, "id": f"{data['id']}-{name}"}
        for name, variant in stripped.variants(data, stripped.validator(CONTENT)).items()
    }
    assert {"bare", "minimal"} <= {key.removeprefix(f"{data['id']}-") for key in copies}
    root = copy_project(tmp_path / "project")
    _write(root, copies)
    assert_builds_and_checks_clean(root, sorted(copies), tmp_path)
