"""Every cross-field mistake is reported at the line of the offending field, with its fix.

Mistakes are generated: each kind below breaks a definition (every shipped one and the
variation fixtures) at a drawn place, and says which field it broke. The definition is
written as YAML and loaded as `sunset build` loads it; the error must name the line
where that field stands (not the line of the model that holds it) and give a fix of
its own, never the generic "see `sunset schema`".
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sunsetkit.content.load import load_glossary, load_migration, load_steps, load_yaml
from sunsetkit.content.model import Ending, Event, EventKind, SharedStep, StepLibrary
from sunsetkit.errors import ContentError

from .conftest import ROOT

Loc = tuple[int | str, ...]
Data = dict[str, Any]
Draw = st.DrawFn
FIXTURES = Path(__file__).parent / "fixtures" / "variations"
GENERIC_HINT = "`sunset schema` gives every field's type"

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
_EXTRA = yaml.safe_load((FIXTURES / "steps.yaml").read_text(encoding="utf-8"))
LIBRARY = StepLibrary(
    steps={
        **load_steps(ROOT / "content" / "steps.yaml", GLOSSARY).steps,
        **{key: SharedStep.model_validate(step) for key, step in _EXTRA.items()},
    }
)
#: A shared step with a parameter every use must give (from the variation fixtures).
WITH_PARAMETER = next(key for key, step in LIBRARY.steps.items() if step.parameters)
BASES = [
    load_yaml(path)[0]
    for path in sorted(
        [*(ROOT / "content" / "migrations").glob("*.yaml"), *FIXTURES.glob("migrations/*.yaml")]
    )
]
DAY = dt.date(2030, 1, 1)


# --- where things stand in a definition --------------------------------------------------


def _pick(draw: Draw, items: list[Any]) -> Any:
    assume(items)
    return items[draw(st.integers(0, len(items) - 1))]


def _option_lists(data: Data) -> list[Loc]:
    """The places of every list of replacement options."""
    replacements = data.get("replacements") or {}
    found: list[Loc] = [("replacements", "options")] if replacements.get("options") else []
    for g, _ in enumerate(replacements.get("groups") or []):
        found.append(("replacements", "groups", g, "options"))
    return found


def _steps(data: Data) -> list[Loc]:
    """The place of every top-level step of every phase."""
    phases = data["procedure"]["phases"]
    return [
        ("procedure", "phases", p, "steps", s)
        for p, phase in enumerate(phases)
        for s, _ in enumerate(phase["steps"])
    ]


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _key(event: Data) -> str:
    return str(event.get("id") or event["kind"].replace("-", "_"))


# --- the mistakes: each breaks one field and returns its place ------------------------------


def duplicate_offer_name(data: Data, draw: Draw) -> Loc:
    offers = data["retired"]["offers"]
    offers.append({"name": _pick(draw, offers)["name"].upper()})
    return ("retired", "offers", len(offers) - 1, "name")


def duplicate_offer_id(data: Data, draw: Draw) -> Loc:
    offers = data["retired"]["offers"]
    first = _pick(draw, offers)
    first.setdefault("id", "ZZ-OFFER")
    offers.append({"name": "Zz Other Offer", "id": first["id"]})
    return ("retired", "offers", len(offers) - 1, "id")


def event_without_label(data: Data, draw: Draw) -> Loc:
    events = data.setdefault("events", [])
    kind = draw(st.sampled_from(["custom", "price-change"]))
    events.append({"kind": kind, "date": DAY, "id": "zz_day"})
    return ("events", len(events) - 1, "kind")


def second_lifecycle_event(data: Data, draw: Draw) -> Loc:
    events = data.setdefault("events", [])
    kinds = ["retirement", "end-of-sale", "end-of-renewal"]
    if not any(e["kind"] in kinds for e in events):
        events.append({"kind": draw(st.sampled_from(kinds)), "date": DAY, "id": "zz_first"})
    events.append({"kind": draw(st.sampled_from(kinds)), "date": DAY, "id": "zz_second"})
    return ("events", len(events) - 1, "kind")


def duplicate_event_id(data: Data, draw: Draw) -> Loc:
    events = data.get("events") or []
    key = _key(_pick(draw, events))
    events.append({"kind": "custom", "label": "Zz", "date": DAY, "id": key})
    return ("events", len(events) - 1, "id")


def name_is_an_event_id(data: Data, draw: Draw) -> Loc:
    key = _key(_pick(draw, data.get("events") or []))
    data["names"] = {**data.get("names", {}), key: "Zz Name"}
    return ("names", key)


def option_name_and_label(data: Data, draw: Draw) -> Loc:
    where = _pick(draw, _option_lists(data))
    index = draw(st.integers(0, len(_at(data, where)) - 1))
    option = _at(data, where)[index]
    assume("name" in option)
    option["label"] = "Zz label"
    return (*where, index, "label")


def formerly_without_a_name(data: Data, draw: Draw) -> Loc:
    where = _pick(draw, _option_lists(data))
    options = _at(data, where)
    options.append({"bundle": ["Zz One", "Zz Two"], "formerly": "Zz Old"})
    return (*where, len(options) - 1, "formerly")


def bundle_of_one(data: Data, draw: Draw) -> Loc:
    where = _pick(draw, _option_lists(data))
    options = _at(data, where)
    options.append({"bundle": [draw(st.sampled_from(["Zz One", "Zz Two"]))]})
    return (*where, len(options) - 1, "bundle")


def duplicate_option(data: Data, draw: Draw) -> Loc:
    where = _pick(draw, _option_lists(data))
    options = _at(data, where)
    options.append(copy.deepcopy(_pick(draw, options)))
    return (*where, len(options) - 1)


def options_and_groups(data: Data, draw: Draw) -> Loc:
    replacements = data.setdefault("replacements", {})
    group = {"name": "Zz", "link": "https://example.com/zz", "options": [{"name": "Zz Plan"}]}
    replacements.setdefault("groups", []).append(group)
    replacements.setdefault("options", []).append({"name": "Zz Flat Plan"})
    replacements.pop("features", None)
    del draw
    return ("replacements", "groups")


def feature_count(data: Data, draw: Draw) -> Loc:
    features = (data.get("replacements") or {}).get("features") or []
    index = draw(st.integers(0, max(len(features) - 1, 0)))
    assume(features)
    features[index]["included"].append(draw(st.booleans()))
    return ("replacements", "features", index, "included")


def step_text_and_use(data: Data, draw: Draw) -> Loc:
    loc = _pick(draw, [loc for loc in _steps(data) if "use" in _at(data, loc)])
    _at(data, loc)["text"] = "Select the customer."
    return (*loc, "text")


def step_without_text_or_use(data: Data, draw: Draw) -> Loc:
    loc = _pick(draw, _steps(data))
    step = _at(data, loc)
    step.pop("use", None)
    step.pop("text", None)
    for field in ("ui", "names", "numbers"):
        step.pop(field, None)  # its placeholders would be the next complaint
    return loc


def duplicate_phase_id(data: Data, draw: Draw) -> Loc:
    phases = data["procedure"]["phases"]
    phases.append(copy.deepcopy(_pick(draw, phases)))
    return ("procedure", "phases", len(phases) - 1, "id")


def deprovision_without_suspend_or_cancel(data: Data, draw: Draw) -> Loc:
    procedure = data["procedure"]
    procedure["ends"] = draw(st.sampled_from([Ending.WORKFLOW.value, Ending.EXPIRE.value]))
    procedure["deprovision_days"] = draw(st.integers(1, 400))
    return ("procedure", "deprovision_days")


def impossible_choice_of_endings(data: Data, draw: Draw) -> Loc:
    endings = [e.value for e in Ending]
    pair = draw(st.lists(st.sampled_from(endings), min_size=2, max_size=3))
    assume(sorted(pair) not in (["cancel", "expire"], ["expire", "suspend"]))
    data["procedure"]["ends"] = pair
    data["procedure"].pop("deprovision_days", None)
    return ("procedure", "ends")


def unknown_step_parameter(data: Data, draw: Draw) -> Loc:
    loc = _pick(draw, [loc for loc in _steps(data) if "use" in _at(data, loc)])
    field, value = draw(st.sampled_from([("ui", "Submit"), ("names", "Zz"), ("numbers", 3)]))
    _at(data, loc).setdefault(field, {})["zz_param"] = value
    return (*loc, field, "zz_param")


def missing_step_parameter(data: Data, draw: Draw) -> Loc:
    loc = _pick(draw, _steps(data))
    _at(data, loc[:-1])[loc[-1]] = {"use": WITH_PARAMETER}
    return (*loc, "use")


def parameter_in_the_wrong_place(data: Data, draw: Draw) -> Loc:
    loc = _pick(draw, _steps(data))
    (name, kind), *_ = LIBRARY.steps[WITH_PARAMETER].parameters.items()
    elsewhere = [field for k, field in {"ui": "ui", "name": "names"}.items() if k != kind]
    wrong = draw(st.sampled_from(elsewhere))
    value = {"ui": "Submit", "names": "Zz"}[wrong]
    _at(data, loc[:-1])[loc[-1]] = {"use": WITH_PARAMETER, wrong: {name: value}}
    return (*loc, wrong, name)


MISTAKES: list[Callable[[Data, Draw], Loc]] = [
    duplicate_offer_name,
    duplicate_offer_id,
    event_without_label,
    second_lifecycle_event,
    duplicate_event_id,
    name_is_an_event_id,
    option_name_and_label,
    formerly_without_a_name,
    bundle_of_one,
    duplicate_option,
    options_and_groups,
    feature_count,
    step_text_and_use,
    step_without_text_or_use,
    duplicate_phase_id,
    deprovision_without_suspend_or_cancel,
    impossible_choice_of_endings,
    unknown_step_parameter,
    missing_step_parameter,
    parameter_in_the_wrong_place,
]


@st.composite
def mistakes(draw: Draw) -> tuple[str, Data, Loc]:
    mistake = draw(st.sampled_from(MISTAKES))
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    return mistake.__name__, data, mistake(data, draw)


def _refusal(data: Data, path: Path) -> ContentError:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_migration(path, LIBRARY, GLOSSARY)
    return caught.value


@given(case=mistakes())
@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
def test_each_mistake_is_reported_at_its_field_with_its_own_fix(
    case: tuple[str, Data, Loc], tmp_path: Path
) -> None:
    name, data, loc = case
    path = tmp_path / "zz-broken.yaml"
    error = _refusal(data, path)
    _, lines = load_yaml(path)
    assert error.line == lines[loc], (name, loc, str(error))
    assert error.hint and GENERIC_HINT not in error.hint, (name, str(error))


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.__name__)
def test_every_mistake_kind_applies_to_some_definition(
    mistake: Callable[[Data, Draw], Loc], tmp_path: Path
) -> None:
    """No kind of mistake is vacuous: each breaks some definition where it says."""

    @given(base=st.sampled_from(BASES), data=st.data())
    @settings(max_examples=10, database=None, suppress_health_check=list(HealthCheck))
    def applies(base: Data, data: st.DataObject) -> None:
        broken = copy.deepcopy(base)
        loc = mistake(broken, data.draw)
        error = _refusal(broken, tmp_path / "zz-broken.yaml")
        assert error.line == load_yaml(tmp_path / "zz-broken.yaml")[1][loc], str(error)

    applies()  # hypothesis fails when no example passes the mistake's assumptions


def test_a_model_validator_error_names_the_field_below_its_model() -> None:
    """The mechanism itself: a validator's FieldError carries the field's place."""
    with pytest.raises(ValueError) as caught:
        Event.model_validate({"kind": EventKind.CUSTOM.value, "date": DAY})
    cause = caught.value.errors()[0]["ctx"]["error"]  # type: ignore[attr-defined]
    assert cause.at == ("kind",) and "label" in cause.fix


# --- the glossary and the step library: the same mechanism ----------------------------------

GLOSSARY_DATA = load_yaml(ROOT / "content" / "glossary.yaml")[0]
STEPS_DATA = load_yaml(ROOT / "content" / "steps.yaml")[0]


def duplicate_glossary_source(data: Data, draw: Draw) -> Loc:
    terms = data["terms"]
    terms.append(copy.deepcopy(_pick(draw, terms)))
    return ("terms", len(terms) - 1, "source")


def translated_name(data: Data, draw: Draw) -> Loc:
    index = _pick(draw, [i for i, t in enumerate(data["terms"]) if t["kind"] == "name"])
    data["terms"][index]["translations"] = {"fr-FR": "Zz"}
    return ("terms", index, "translations")


def ui_label_with_two_forms(data: Data, draw: Draw) -> Loc:
    index = _pick(draw, [i for i, t in enumerate(data["terms"]) if t["kind"] == "ui"])
    locale = draw(st.sampled_from(["de-DE", "fr-FR", "pl-PL"]))
    data["terms"][index].setdefault("translations", {})[locale] = ["Zz", "Zzz"]
    return ("terms", index, "translations", locale)


def label_format_without_label(data: Data, draw: Draw) -> Loc:
    locale = draw(st.sampled_from(["de-DE", "ja-JP", "zh-CN"]))
    data.setdefault("label_format", {})[locale] = draw(st.sampled_from(["[]", "{x}", "{label}}"]))
    return ("label_format", locale)


def shared_step_uses_another(data: Data, draw: Draw) -> Loc:
    key = _pick(draw, sorted(data["steps"]))
    data["steps"][key]["use"] = "sign-in"
    data["steps"][key].pop("text")
    return ("steps", key, "use")


def parameter_with_a_default(data: Data, draw: Draw) -> Loc:
    key = _pick(draw, sorted(k for k, step in data["steps"].items() if step.get("ui")))
    name = sorted(data["steps"][key]["ui"])[0]
    data["steps"][key]["parameters"] = {name: "ui"}
    return ("steps", key, "parameters", name)


OTHER_FILES: list[tuple[Callable[[Data, Draw], Loc], Data, Callable[[Path], Any]]] = [
    (duplicate_glossary_source, GLOSSARY_DATA, load_glossary),
    (translated_name, GLOSSARY_DATA, load_glossary),
    (ui_label_with_two_forms, GLOSSARY_DATA, load_glossary),
    (label_format_without_label, GLOSSARY_DATA, load_glossary),
    (shared_step_uses_another, STEPS_DATA, lambda path: load_steps(path, GLOSSARY)),
    (parameter_with_a_default, STEPS_DATA, lambda path: load_steps(path, GLOSSARY)),
]


@pytest.mark.parametrize(
    "mistake, base, load", OTHER_FILES, ids=lambda v: getattr(v, "__name__", "")
)
def test_glossary_and_library_mistakes_are_reported_at_their_field(
    mistake: Callable[[Data, Draw], Loc], base: Data, load: Callable[[Path], Any], tmp_path: Path
) -> None:
    @given(data=st.data())
    @settings(max_examples=10, database=None, suppress_health_check=list(HealthCheck))
    def reported(data: st.DataObject) -> None:
        broken = copy.deepcopy(base)
        loc = mistake(broken, data.draw)
        path = tmp_path / "broken.yaml"
        text = yaml.safe_dump(broken, sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            load(path)
        error = caught.value
        assert error.line == load_yaml(path)[1][loc], str(error)
        assert error.hint and GENERIC_HINT not in error.hint, str(error)

    reported()
