"""summary.json is an interface: a version, and a committed JSON Schema that every run's
summary meets (conftest.load_summary checks it wherever a test reads one) and that
refuses the shapes it does not describe."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sunsetkit.checklists.summary import VERSION
from sunsetkit.content.load import load_migrations

from .conftest import ROOT, load_summary, summary_validator
from .test_checklists import _customer, _run, _write_json


def _no_deadline_offer() -> str:
    """The offer id of a retirement without a deadline (matched by id, it needs no name)."""
    migrations = load_migrations(ROOT / "content" / "migrations")
    offers = [o for m in migrations if m.deadline == "none" for o in m.retired.offers]
    return next(o.id for o in offers if o.id)


@pytest.fixture(scope="module")
def edge_summary(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run with the rare shapes: a skipped record, an offer without a deadline, an
    overdue one, a customer with two subscriptions, no offer name, Markdown only."""
    tmp = tmp_path_factory.mktemp("edge")
    two = _customer(cid="two", name="Two")
    two["subscriptions"]["items"].append(
        {"id": "s-2", "offerId": _no_deadline_offer(), "quantity": 0}
    )
    customers = [
        _customer(cid="bad", name="Bad", quantity=-1),
        two,
        _customer(cid="past", name="Past", commitmentEndDate="2020-01-31"),
        _customer(cid="mixed", name="Mixed", culture="is-IS", offerName="Office 365 E3"),
    ]
    out = tmp / "out"
    result = _run(
        _write_json(tmp / "c.json", customers), out, "--skip-invalid", "--format", "markdown"
    )
    assert result.exit_code == 0, result.output
    return load_summary(out)


def test_the_edge_cases_are_in_the_run_and_valid(edge_summary: dict[str, Any]) -> None:
    assert edge_summary["version"] == VERSION == 1
    subscriptions = {
        s["subscription_id"] + "@" + c["id"]: s
        for c in edge_summary["customers"]
        for s in c["subscriptions"]
    }
    assert subscriptions["s-2@two"]["deadline"] is None
    assert subscriptions["s-2@two"]["offer_name"] is None
    assert subscriptions["s-1@past"]["status"] == "overdue"
    assert all(len(c["files"]) == 1 for c in edge_summary["customers"])
    assert edge_summary["unaffected"] == 1
    assert any("skipped" in w for w in edge_summary["warnings"])


def test_demo_summary_has_two_files_per_customer_and_is_valid(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(ROOT / "content" / "customers.example.json", out).exit_code == 0
    summary = load_summary(out)
    assert {len(c["files"]) for c in summary["customers"]} == {2}


def _first(summary: dict[str, Any]) -> dict[str, Any]:
    customer: dict[str, Any] = summary["customers"][0]
    return customer


#: Changes the schema must refuse, each made to a copy of a valid summary.
CHANGES: dict[str, Callable[[dict[str, Any]], object]] = {
    "file instead of files": lambda s: _first(s).update(file=_first(s).pop("files")[0]),
    "no version": lambda s: s.pop("version"),
    "another version": lambda s: s.update(version=2),
    "a field the version lacks": lambda s: s.update(generated_by="sunset"),
    "a quantity as text": lambda s: _first(s)["subscriptions"][0].update(quantity="10"),
    "a deadline not a date": lambda s: _first(s)["subscriptions"][0].update(deadline="31/12/2026"),
    "an unknown status": lambda s: _first(s)["subscriptions"][0].update(status="late"),
    "no files": lambda s: _first(s).update(files=[]),
}


@pytest.mark.parametrize("change", CHANGES)
def test_the_schema_refuses_what_it_does_not_describe(
    edge_summary: dict[str, Any], change: str
) -> None:
    broken = copy.deepcopy(edge_summary)
    CHANGES[change](broken)
    with pytest.raises(jsonschema.ValidationError):
        summary_validator().validate(broken)
