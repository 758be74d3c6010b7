"""Cross-checks of content that one model cannot make alone, with the author's file and line.

A definition refers to shared steps (content/steps.yaml), to portal labels and roles
(content/glossary.yaml), and uses placeholders in its prose. Each reference is checked
here, so an error names the content file and line, never the template that would have
stumbled over it later. Shared steps are resolved into the definition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import ContentError, did_you_mean
from .extract import is_translatable
from .model import (
    PARAMETER_FIELDS,
    Glossary,
    Migration,
    SharedStep,
    Step,
    StepLibrary,
    placeholders,
)

__all__ = ["check_library", "check_migration", "prose_fields"]

Loc = tuple[int | str, ...]
#: Placeholders every prose field may use, whatever the definition.
STANDARD = frozenset({"product", "example"})


def check_library(
    library: StepLibrary, glossary: Glossary, lines: Mapping[Loc, int], path: Path
) -> None:
    for key, step in library.steps.items():
        _check_labels(step, glossary, ("steps", key), lines, path)
        _check_prose(step, set(STANDARD), ("steps", key), lines, path)


def check_migration(
    migration: Migration,
    library: StepLibrary,
    glossary: Glossary,
    lines: Mapping[Loc, int],
    path: Path,
) -> Migration:
    """Check every reference of a definition; return it with its shared steps resolved."""
    for index, role in enumerate(migration.roles):
        _check_label(role, glossary, ("roles", index), lines, path)
    for index, note in enumerate(migration.notes):
        if note.after is not None and note.after not in migration.anchors:
            raise ContentError(
                f"note after {note.after!r}: the page has no such section or phase",
                path,
                _line(lines, ("notes", index, "after")),
                hint=did_you_mean(note.after, migration.anchors)
                or f"one of {', '.join(sorted(migration.anchors))}",
            )
    common = {
        "product",
        *migration.names,
        *(e.key for e in migration.events),
    }
    if migration.example_product is not None:
        common.add("example")
    phases = []
    for p, phase in enumerate(migration.procedure.phases):
        loc: Loc = ("procedure", "phases", p)
        steps = [
            _resolve(step, library, glossary, common, (*loc, "steps", s), lines, path)
            for s, step in enumerate(phase.steps)
        ]
        _check_prose(phase.model_copy(update={"steps": []}), common, loc, lines, path)
        phases.append(phase.model_copy(update={"steps": steps}))
    rest = migration.model_copy(
        update={"procedure": migration.procedure.model_copy(update={"phases": []})}
    )
    _check_prose(rest, common, (), lines, path)
    procedure = migration.procedure.model_copy(update={"phases": phases})
    resolved = migration.model_copy(update={"procedure": procedure})
    _check_images(resolved, lines, path)
    return resolved


def _check_images(migration: Migration, lines: Mapping[Loc, int], path: Path) -> None:
    content = path.parent.parent  # content/migrations/<id>.yaml -> content/
    for image in migration.images:
        if not (content / image.src).is_file():
            where = next((loc for loc, _ in _values(migration, image.src)), ())
            raise ContentError(
                f"image {image.src!r} does not exist in {content}",
                path,
                _line(lines, where),
                hint=f"add the SVG file as {content / image.src}, or fix the path",
            )


def _values(model: BaseModel, value: str, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """The locations in a model where a string value stands (for an error's line)."""
    for name in type(model).model_fields:
        yield from _find(getattr(model, name), value, (*loc, name))


def _find(item: Any, value: str, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if item == value:
        yield loc, value
    elif isinstance(item, BaseModel):
        yield from _values(item, value, loc)
    elif isinstance(item, list):
        for index, sub in enumerate(item):
            yield from _find(sub, value, (*loc, index))


def _resolve(
    step: Step,
    library: StepLibrary,
    glossary: Glossary,
    common: set[str],
    loc: Loc,
    lines: Mapping[Loc, int],
    path: Path,
) -> Step:
    """A step with its `use` replaced by the library step, parameters overridden."""
    substeps = [
        _resolve(sub, library, glossary, common, (*loc, "substeps", i), lines, path)
        for i, sub in enumerate(step.substeps)
    ]
    if step.use is None:
        own = step.model_copy(update={"substeps": []})
        _check_labels(own, glossary, loc, lines, path)
        _check_prose(own, common, loc, lines, path)
        return step.model_copy(update={"substeps": substeps})
    shared = library.steps.get(step.use)
    if shared is None:
        raise ContentError(
            f"no shared step {step.use!r} in content/steps.yaml",
            path,
            _line(lines, (*loc, "use")),
            hint=did_you_mean(step.use, library.steps) or "add it there, or write the step's text",
        )
    _check_parameters(step, shared, loc, lines, path)
    _check_labels(step, glossary, loc, lines, path)
    used, _ = placeholders(shared.text or "")
    if "example" in used and "example" not in common:
        raise ContentError(
            f"shared step {step.use!r} names an example replacement, and this definition "
            "has no named replacement",
            path,
            _line(lines, (*loc, "use")),
            hint="add a replacement option with a 'name', or write the step's own text",
        )
    merged = shared.used(step.model_copy(update={"substeps": substeps}))
    # The reference's own note and alt text may use the shared step's parameters.
    _check_prose(merged.model_copy(update={"text": None, "substeps": []}), common, loc, lines, path)
    return merged


def _check_parameters(
    step: Step, shared: SharedStep, loc: Loc, lines: Mapping[Loc, int], path: Path
) -> None:
    """A use gives every parameter the shared step needs, and only those it takes."""
    assert step.use is not None
    own_step = "where the shared step's words don't fit, write a step of your own with `text:`"
    for field in ("ui", "names", "numbers"):
        takes = shared.parameter_keys(field)
        for name in sorted(set(getattr(step, field)) - takes):
            elsewhere = next(
                (f for f in PARAMETER_FIELDS.values() if name in shared.parameter_keys(f)), None
            )
            hint = (
                f"it is a parameter of {elsewhere}: move it there"
                if elsewhere
                else (did_you_mean(name, takes) or "").removesuffix("?")
                or f"it takes: {', '.join(sorted(takes)) or 'none'}"
            )
            raise ContentError(
                f"shared step {step.use!r} has no {field} parameter {name!r}",
                path,
                _line(lines, (*loc, field, name)),
                hint=f"{hint}; {own_step}",
            )
    for name, kind in sorted(shared.parameters.items()):
        field = PARAMETER_FIELDS[kind]
        if name not in getattr(step, field):
            example = {"ui": "a UI label", "name": "a name", "number": "a number"}[kind]
            raise ContentError(
                f"shared step {step.use!r} needs its {kind} parameter {name!r}",
                path,
                _line(lines, (*loc, "use")),
                hint=f"give it here as `{field}: {{{name}: ...}}` ({example}); {own_step}",
            )


def _check_labels(
    step: Step, glossary: Glossary, loc: Loc, lines: Mapping[Loc, int], path: Path
) -> None:
    for key, label in step.ui.items():
        _check_label(label, glossary, (*loc, "ui", key), lines, path)


def _check_label(
    label: str, glossary: Glossary, loc: Loc, lines: Mapping[Loc, int], path: Path
) -> None:
    labels = {t.source for t in glossary.terms if t.kind == "ui"}
    if label not in labels:
        raise ContentError(
            f"{label!r} is not a UI label of content/glossary.yaml",
            path,
            _line(lines, loc),
            hint=did_you_mean(label, labels)
            or "add it to the glossary (kind: ui) with its label in every locale",
        )


def _check_prose(
    model: BaseModel, allowed: set[str], loc: Loc, lines: Mapping[Loc, int], path: Path
) -> None:
    """Every placeholder of every prose field is known; no lone percent sign."""
    if isinstance(model, Step):
        allowed = allowed | set(model.ui) | set(model.names) | set(model.numbers)
        if isinstance(model, SharedStep):
            allowed |= set(model.parameters)
        for index, sub in enumerate(model.substeps):
            _check_prose(sub, allowed, (*loc, "substeps", index), lines, path)
    for where, text in prose_fields(model, loc, steps=False):
        used, bad = placeholders(text)
        if bad:
            raise ContentError(
                f"a lone % in {_field(where)}: {bad[0]!r}",
                path,
                _line(lines, where),
                hint="write a literal percent sign as %%, a placeholder as %(name)s",
            )
        unknown = sorted(used - allowed)
        if unknown:
            raise ContentError(
                f"unknown placeholder %({unknown[0]})s in {_field(where)}",
                path,
                _line(lines, where),
                hint=did_you_mean(unknown[0], allowed)
                or f"known here: {', '.join(sorted(allowed))}",
            )


def prose_fields(model: BaseModel, loc: Loc = (), steps: bool = True) -> Iterator[tuple[Loc, str]]:
    """Every translatable string of a model, with its location in the data.

    With steps=False the prose of nested steps is left out (each step is checked on its
    own, with its own placeholders).
    """
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        here = (*loc, name)
        if is_translatable(field):
            yield from _strings(value, here)
        else:
            yield from _nested(value, here, steps)


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def _nested(value: Any, loc: Loc, steps: bool) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, Step) and not steps:
        return
    if isinstance(value, BaseModel):
        yield from prose_fields(value, loc, steps)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested(item, (*loc, index), steps)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nested(item, (*loc, key), steps)


def _field(loc: Loc) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def _line(lines: Mapping[Loc, int], loc: Loc) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
