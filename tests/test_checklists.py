"""`sunset checklists`: golden demo output, both input formats, deadlines, locales,
hostile data and malformed input."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.core import get_global, parse_locale
from babel.dates import format_date
from babel.localedata import locale_identifiers
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checklists.model import Customer, Subscription
from sunsetkit.checklists.plan import Matcher, file_name, negotiate_locale, plan_customer
from sunsetkit.checklists.read import CSV_COLUMNS, read_customers
from sunsetkit.cli import main
from sunsetkit.content.load import load_migrations
from sunsetkit.content.model import Ending, Migration
from sunsetkit.errors import ContentError
from sunsetkit.i18n import discover_catalogs, load_catalog
from sunsetkit.markdown import parser

from .conftest import ROOT, copy_project, definition_alone, load_summary, offer_with_a_deadline

DEMO = ROOT / "content" / "customers.example.json"
GOLDEN = Path(__file__).parent / "golden_checklists"
AS_OF = "2026-11-21"
OFFER = offer_with_a_deadline()
LOCALES = ["en-US", "nl-NL", "sv-SE", "fr-FR", "de-DE", "ja-JP", "pl-PL"]


def _run(source: Path, out: Path, *args: str, root: Path = ROOT) -> Result:
    return CliRunner().invoke(
        main,
        [
            "checklists",
            str(source),
            "--project",
            str(root),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            *args,
        ],
    )


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def _customer(
    name: str = "Contoso", culture: str = "nl-NL", cid: str = "c-1", **subscription: Any
) -> dict[str, Any]:
    sub = {
        "id": "s-1",
        "offerName": OFFER,
        "quantity": 10,
        "commitmentEndDate": "2026-12-31",
        "status": "active",
        **subscription,
    }
    return {
        "id": cid,
        "companyProfile": {"companyName": name, "domain": "x.example"},
        "billingProfile": {"culture": culture},
        "subscriptions": {"totalCount": 1, "items": [sub]},
    }


def _write_json(path: Path, customers: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"items": customers}), encoding="utf-8")
    return path


# --- golden demo output ---------------------------------------------------------------


def test_demo_output_matches_golden_files(tmp_path: Path, update_golden: bool) -> None:
    out = tmp_path / "checklists"
    result = _run(DEMO, out)
    assert result.exit_code == 0, result.output
    produced = _files(out)
    if update_golden:
        for old in GOLDEN.glob("*"):
            old.unlink()
        for name, text in produced.items():
            (GOLDEN / name).write_text(text, encoding="utf-8", newline="\n")
        pytest.skip("golden checklists rewritten; review `git diff tests/golden_checklists`")
    assert produced == _files(GOLDEN)
    locales = {c["locale"] for c in load_summary(out)["customers"]}
    assert {"nl-NL", "sv-SE", "fr-FR", "pl-PL"} <= locales


def test_demo_run_is_deterministic_and_removes_stale_checklists(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(DEMO, out)
    first = _files(out)
    assert _run(DEMO, out).exit_code == 0
    assert _files(out) == first
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["items"] = data["items"][:2]
    smaller = _write_json(tmp_path / "two.json", data["items"])
    assert _run(smaller, out).exit_code == 0
    listed = {f for c in load_summary(out)["customers"] for f in c["files"] if f.endswith(".md")}
    written = {n for n in _files(out) if n.endswith(".md")}
    assert written == listed | {"index.md"}, "stale checklists must go, the index stays"
    assert len(written) < len([n for n in first if n.endswith(".md")])


def test_summary_json_has_the_documented_shape(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(DEMO, out)
    summary = load_summary(out)
    assert set(summary) == {"version", "as_of", "customers", "unaffected", "warnings"}
    assert summary["version"] == 1
    customers = json.loads(DEMO.read_text(encoding="utf-8"))["items"]
    assert summary["unaffected"] + len(summary["customers"]) == len(customers)
    customer = summary["customers"][0]
    assert set(customer) == {"id", "name", "locale", "files", "subscriptions"}
    assert len(customer["files"]) == 2
    assert all((out / name).is_file() for name in customer["files"])
    assert set(customer["subscriptions"][0]) == {
        "subscription_id",
        "offer_name",
        "migration",
        "quantity",
        "licensed",
        "deadline",
        "days_left",
        "status",
    }
    shipped = {"en", *(locale.split("-")[0] for locale in discover_catalogs(ROOT / "locales"))}
    demo = json.loads(DEMO.read_text(encoding="utf-8"))["items"]
    unshipped = {c["billingProfile"]["culture"] for c in demo} - {
        c["billingProfile"]["culture"]
        for c in demo
        if c["billingProfile"]["culture"].split("-")[0].lower() in shipped
    }
    assert unshipped, "the demo should show a customer whose language has no catalog"
    for culture in unshipped:
        assert any(culture in warning for warning in summary["warnings"]), culture


def test_index_lists_soonest_deadline_first_with_marks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(DEMO, out)
    rows = [
        line
        for line in (out / "index.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| 20")
    ]
    deadlines = [row.split("|")[1].strip() for row in rows]
    assert deadlines == sorted(deadlines)
    # the overdue subscriptions come first, each marked (how many the demo has depends on
    # which definition its offers match: one without a deadline has none)
    summary = load_summary(out)
    statuses = [s["status"] for c in summary["customers"] for s in c["subscriptions"]]
    overdue = statuses.count("overdue")
    assert ["**Overdue**" in row for row in rows] == [True] * overdue + [False] * (
        len(rows) - overdue
    )


def test_plurals_follow_the_number(tmp_path: Path) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [_customer(cid="a", name="One", quantity=1), _customer(cid="b", name="Two", quantity=2)],
    )
    out = tmp_path / "out"
    assert _run(source, out).exit_code == 0
    one = next(out.glob("one-*.md")).read_text(encoding="utf-8")
    two = next(out.glob("two-*.md")).read_text(encoding="utf-8")
    catalog = load_catalog(discover_catalogs(ROOT / "locales")["nl-NL"], "nl-NL")
    singular, plural = catalog.get(("License: %(licenses)s", "Licenses: %(licenses)s")).string
    assert singular % {"licenses": "1"} in one and plural % {"licenses": "2"} in two
    assert singular != plural


# --- tasks follow each definition's procedure -------------------------------------------


def _checklist_for(migration: Migration, tmp_path: Path, **subscription: Any) -> str:
    offer = migration.retired.offers[0]
    source = _write_json(
        tmp_path / "c.json",
        [_customer(culture="en-US", offerName=offer.name, offerId=offer.id or "", **subscription)],
    )
    out = tmp_path / "out"
    root = definition_alone(copy_project(tmp_path / "project"), migration.id)
    result = _run(source, out, root=root)
    assert result.exit_code == 0, result.output
    return next(out.glob("contoso-*.md")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "migration", load_migrations(ROOT / "content" / "migrations"), ids=lambda m: m.id
)
def test_tasks_follow_the_procedure_and_its_ending(migration: Migration, tmp_path: Path) -> None:
    no_date = migration.deadline == "none"
    text = _checklist_for(migration, tmp_path, commitmentEndDate="" if no_date else "2026-12-31")
    tasks = [line[6:] for line in text.splitlines() if line.startswith("- [ ] ")]
    procedure = migration.procedure
    own = procedure.tasks  # every phase but the one that suspends or cancels, if any
    assert tasks[: len(own)] == [p.task or p.title for p in own]
    assert len(tasks) == len(own) + (procedure.act is not None)
    if procedure.act == Ending.SUSPEND:
        assert "**Suspended**" in tasks[-1]
    if procedure.act == Ending.CANCEL:
        assert tasks[-1].startswith("Once the tasks above are done, cancel the retired")
    under = text[text.index("- [ ] ") :].splitlines()[len(tasks) :]  # nested under the last
    assert ("de-provisioned" in "".join(under)) == bool(procedure.deprovision_days)
    expire = "canceled automatically at the end of its term"
    assert (expire in "".join(under)) == (procedure.expires and procedure.act is not None)
    facts = text[: text.index("### Tasks")]
    assert (expire in facts) == (procedure.expires and procedure.act is None)
    if no_date:
        assert "Deadline: none" in text and "2026" not in tasks[-1]
    else:
        assert "December 31, 2026" in text
    for event in migration.events:
        if event.checklist:
            assert f": {format_date(event.date, 'long', locale='en_US')}" in text


@pytest.mark.parametrize(
    "migration",
    [m for m in load_migrations(ROOT / "content" / "migrations") if m.deadline == "none"],
    ids=lambda m: m.id,
)
def test_an_offer_without_a_deadline_gets_no_invented_one(
    migration: Migration, tmp_path: Path
) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [_customer(offerName=migration.retired.offers[0].name, commitmentEndDate="")],
    )
    out = tmp_path / "out"
    root = definition_alone(copy_project(tmp_path / "project"), migration.id)
    assert _run(source, out, root=root).exit_code == 0
    summary = load_summary(out)
    [item] = summary["customers"][0]["subscriptions"]
    assert item["deadline"] is None and item["days_left"] is None
    assert item["status"] == "no-deadline"


# --- CSV ---------------------------------------------------------------------------------


def _demo_as_csv(path: Path, delimiter: str, bom: bool) -> Path:
    rows = []
    for item in json.loads(DEMO.read_text(encoding="utf-8"))["items"]:
        subs = item["subscriptions"]
        for sub in subs["items"] if isinstance(subs, dict) else subs:
            rows.append(
                {
                    "customerId": item["id"],
                    "companyName": item["companyProfile"]["companyName"],
                    "culture": item["billingProfile"]["culture"],
                    "subscriptionId": sub["id"],
                    "offerId": sub["offerId"],
                    "offerName": sub["offerName"],
                    "quantity": sub["quantity"],
                    "commitmentEndDate": sub["commitmentEndDate"],
                    "autoRenewEnabled": str(sub["autoRenewEnabled"]).lower(),
                    "status": sub["status"],
                }
            )
    rows.reverse()  # rows of one customer need not be adjacent or in order
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(",", False), (";", True), ("\t", False), ("\t", True)]
)
def test_csv_gives_the_same_plan_as_json(tmp_path: Path, delimiter: str, bom: bool) -> None:
    source = _demo_as_csv(tmp_path / "demo.csv", delimiter, bom)
    assert _run(source, tmp_path / "csv").exit_code == 0
    assert _run(DEMO, tmp_path / "json").exit_code == 0

    def plan(folder: Path) -> list[Any]:
        data = load_summary(folder)
        return sorted(
            (c["id"], c["locale"], c["files"], c["subscriptions"]) for c in data["customers"]
        )

    assert plan(tmp_path / "csv") == plan(tmp_path / "json")


# --- deadlines ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_migrations(ROOT / "content" / "migrations"))


@pytest.mark.parametrize(
    ("end", "as_of", "days", "urgency"),
    [
        ("2026-11-21", "2026-11-21", 0, "urgent"),
        ("2026-11-20", "2026-11-21", -1, "overdue"),
        ("2026-12-21", "2026-11-21", 30, "urgent"),
        ("2026-12-22", "2026-11-21", 31, "ok"),
        ("2028-02-29", "2028-02-28", 1, "urgent"),
        ("2028-03-01", "2028-02-28", 2, "urgent"),
        ("2028-02-29", "2027-02-28", 366, "ok"),
    ],
)
def test_deadline_arithmetic(
    matcher: Matcher, end: str, as_of: str, days: int, urgency: str
) -> None:
    customer = Customer(
        id="c",
        name="C",
        subscriptions=(
            Subscription.model_validate(
                {"id": "s", "offerName": OFFER, "quantity": 1, "commitmentEndDate": end}
            ),
        ),
    )
    plan = plan_customer(customer, matcher, "nl-NL", dt.date.fromisoformat(as_of), "{id}")
    assert plan is not None
    assert (plan.items[0].days_left, plan.items[0].urgency) == (days, urgency)


def test_due_today_and_overdue_are_said_in_the_customer_language(tmp_path: Path) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [
            _customer(cid="a", name="Today", commitmentEndDate=AS_OF),
            _customer(cid="b", name="Late", commitmentEndDate="2026-11-19"),
        ],
    )
    out = tmp_path / "out"
    assert _run(source, out).exit_code == 0
    catalog = load_catalog(discover_catalogs(ROOT / "locales")["nl-NL"], "nl-NL")
    today = catalog.get("Deadline: %(deadline)s (**due today**)").string
    overdue = catalog.get(
        (
            "Deadline: %(deadline)s (**overdue** by %(days)s day)",
            "Deadline: %(deadline)s (**overdue** by %(days)s days)",
        )
    ).string[1]
    text = next(out.glob("today-*.md")).read_text(encoding="utf-8")
    assert today % {"deadline": "21 november 2026"} in text
    late = next(out.glob("late-*.md")).read_text(encoding="utf-8")
    assert overdue % {"deadline": "19 november 2026", "days": "2"} in late


def test_matching_by_offer_id_name_and_status(matcher: Matcher) -> None:
    def sub(**fields: Any) -> Subscription:
        return Subscription.model_validate({"id": "s", "quantity": 1, **fields})

    spaced = "  " + "   ".join(OFFER.swapcase().split()) + " "
    assert matcher.match(sub(offerName=spaced)) is not None
    assert matcher.match(sub(offerName=OFFER, status="deleted")) is None
    assert matcher.match(sub(offerName=OFFER, status="Suspended")) is not None
    assert matcher.match(sub(offerName=f"{OFFER} (no such offer)")) is None


def test_offer_id_matches_before_the_name(project_copy: Path, tmp_path: Path) -> None:
    definition = sorted((project_copy / "content" / "migrations").glob("*.yaml"))[0]
    data = yaml.safe_load(definition.read_text(encoding="utf-8"))
    data["retired"]["offers"][0]["id"] = "ZZ-TEST-OFFER-1"
    definition.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    source = _write_json(
        tmp_path / "c.json", [_customer(offerName="Renamed", offerId="zz-test-offer-1")]
    )
    out = tmp_path / "out"
    assert _run(source, out, root=project_copy).exit_code == 0
    summary = load_summary(out)
    assert summary["customers"][0]["subscriptions"][0]["migration"] == data["id"]


# --- locales -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("culture", "expected"),
    [
        ("nl-nl", "nl-NL"),
        ("NL-BE", "nl-NL"),
        ("nl_BE", "nl-NL"),
        ("fr-CA", "fr-FR"),
        ("de-AT", "de-DE"),
        ("ja", "ja-JP"),
        ("es-ES", None),
        ("zh-TW", None),  # Traditional Chinese: a Simplified catalog is no fallback
        ("zh-HK", None),
        ("zh-Hant", None),
        ("", None),
        ("not a culture", None),
    ],
)
def test_locale_negotiation(culture: str, expected: str | None) -> None:
    assert negotiate_locale(culture, [*LOCALES, "zh-CN"]) == expected


def _written_as(locale_id: str) -> tuple[str, str]:
    """Language and script, the script as written or CLDR's likely one."""
    language, territory, script = parse_locale(locale_id.replace("-", "_"))[:3]
    if not script:
        likely = get_global("likely_subtags")
        full = likely.get(f"{language}_{territory}") or likely.get(language) or language
        script = parse_locale(full)[2] or ""
    return language, script


@settings(max_examples=300)
@given(st.sampled_from(sorted(locale_identifiers())))
def test_a_culture_gets_its_written_language_or_none(culture: str) -> None:
    """Any CLDR locale: the checklist's locale is the same language in the same script
    (Traditional Chinese never gets the Simplified catalog), else English with a warning."""
    available = sorted(discover_catalogs(ROOT / "locales"))
    chosen = negotiate_locale(culture, available)
    if chosen is not None:
        assert _written_as(chosen) == _written_as(culture), (culture, chosen)


def _unshipped_culture() -> str:
    """A real culture whose language has no catalog in this project."""
    shipped = {locale.split("-")[0] for locale in discover_catalogs(ROOT / "locales")}
    return next(c for c in ("is-IS", "eu-ES", "cy-GB", "mt-MT") if c[:2] not in shipped)


def test_unknown_culture_gives_english_and_a_warning(tmp_path: Path) -> None:
    culture = _unshipped_culture()
    source = _write_json(tmp_path / "c.json", [_customer(culture=culture)])
    result = _run(source, tmp_path / "out")
    assert result.exit_code == 0
    assert f"1 customer has culture {culture}, which has no catalog" in result.stderr
    assert "Migration checklist for Contoso" in next(
        (tmp_path / "out").glob("contoso-*.md")
    ).read_text(encoding="utf-8")


def test_locale_option_forces_one_and_must_exist(tmp_path: Path) -> None:
    source = _write_json(tmp_path / "c.json", [_customer(culture="nl-NL")])
    assert _run(source, tmp_path / "out", "--locale", "sv_SE").exit_code == 0
    assert "Migreringschecklista" in next((tmp_path / "out").glob("*-*.md")).read_text(
        encoding="utf-8"
    )
    culture = _unshipped_culture()
    result = _run(source, tmp_path / "out2", "--locale", culture)
    assert result.exit_code == 2 and f"no catalog for locale {culture}" in result.stderr


# --- untrusted data ----------------------------------------------------------------------

HOSTILE = "Evil](javascript:alert(1)) <script>x</script> {{ 7*7 }} | **x**"


def test_hostile_name_is_plain_text_everywhere(tmp_path: Path) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [_customer(name=HOSTILE, cid="../../etc/passwd", offerName=OFFER)],
    )
    out = tmp_path / "out"
    assert _run(source, out).exit_code == 0
    files = [p for p in out.rglob("*") if p.is_file()]
    assert all(p.parent == out or p.parent.parent == out / "guides" for p in files)
    checklist = next(
        p for p in files if p.name not in ("index.md", "summary.json") and p.suffix == ".md"
    )
    for text in (
        checklist.read_text(encoding="utf-8"),
        (out / "index.md").read_text(encoding="utf-8"),
    ):
        tokens = parser().parse(text)
        children = [c for t in tokens for c in (t.children or [])]
        assert not [c for c in children if c.type in ("html_inline", "html_block")]
        assert not [
            c
            for c in children
            if c.type == "strong_open" and children[children.index(c) + 1].content == "x"
        ]
        hrefs = [c.attrs["href"] for c in children if c.type == "link_open"]
        assert not [h for h in hrefs if ":" in str(h)], "no link may carry a scheme"
        assert "{{ 7*7 }}" in parser().render(text) and "49" not in text
    rows = [
        t
        for t in parser().parse((out / "index.md").read_text(encoding="utf-8"))
        if t.type == "tr_open"
    ]
    assert rows  # the table still parses, one row per subscription
    assert not (tmp_path / "etc").exists()


def test_same_name_different_ids_never_share_a_file() -> None:
    a, b = Customer(id="1", name="Contoso"), Customer(id="2", name="Contoso")
    assert file_name(a) != file_name(b)
    assert file_name(Customer(id="x", name="../../etc/passwd")).startswith("etc-passwd-")


# --- malformed input ---------------------------------------------------------------------

BAD_JSON = {
    "bad-date": ({"commitmentEndDate": "2027-02-29"}, "record 0", "commitmentEndDate"),
    "negative": ({"quantity": -5}, "record 0", "quantity"),
    "not-a-number": ({"quantity": "many"}, "record 0", "quantity"),
    "no-date": ({"commitmentEndDate": None}, "record 0", "no commitmentEndDate"),
}


@pytest.mark.parametrize("case", sorted(BAD_JSON))
def test_malformed_json_record_stops_with_nothing_written(tmp_path: Path, case: str) -> None:
    fields, where, what = BAD_JSON[case]
    source = _write_json(tmp_path / "c.json", [_customer(**fields)])
    out = tmp_path / "out"
    result = _run(source, out)
    assert result.exit_code == 2
    assert f"c.json: {where}" in result.stderr and what in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".out.staging-*"))


def test_missing_required_field_and_broken_json(tmp_path: Path) -> None:
    record = _customer()
    del record["id"]
    result = _run(_write_json(tmp_path / "a.json", [_customer(cid="ok"), record]), tmp_path / "o")
    assert result.exit_code == 2 and "record 1" in result.stderr and "id" in result.stderr
    broken = tmp_path / "b.json"
    broken.write_text('{"items": [{"id": "x", ', encoding="utf-8")
    result = _run(broken, tmp_path / "o")
    assert result.exit_code == 2 and "invalid JSON" in result.stderr


def test_malformed_csv_reports_the_line(tmp_path: Path) -> None:
    source = tmp_path / "c.csv"
    source.write_text(
        "customerId,companyName,culture,subscriptionId,offerName,quantity,commitmentEndDate\n"
        f'c1,Contoso,nl-NL,s1,"{OFFER}",10,2026-12-31\n'
        f'c2,Fabrikam,nl-NL,s2,"{OFFER}",-3,2026-12-31\n',
        encoding="utf-8",
    )
    result = _run(source, tmp_path / "out")
    assert result.exit_code == 2 and "c.csv:3" in result.stderr and "quantity" in result.stderr
    assert not (tmp_path / "out").exists()
    missing = tmp_path / "m.csv"
    missing.write_text("customerId,companyName\nc1,Contoso\n", encoding="utf-8")
    result = _run(missing, tmp_path / "out")
    assert (
        result.exit_code == 2 and "m.csv:1" in result.stderr and "subscriptionId" in result.stderr
    )


def test_skip_invalid_reports_and_carries_on(tmp_path: Path) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [_customer(cid="bad", name="Bad", quantity=-1), _customer(cid="good", name="Good")],
    )
    out = tmp_path / "out"
    result = _run(source, out, "--skip-invalid")
    assert result.exit_code == 0
    assert "record 0" in result.stderr and "skipped" in result.stderr
    assert list(out.glob("good-*.md")) and not list(out.glob("bad-*.md"))
    summary = load_summary(out)
    assert len(summary["warnings"]) == 1


def test_unaffected_customers_get_no_checklist(tmp_path: Path) -> None:
    source = _write_json(
        tmp_path / "c.json",
        [
            _customer(cid="a", name="Modern", offerName="Office 365 E3"),
            _customer(cid="b", name="Gone", status="deleted"),
        ],
    )
    out = tmp_path / "out"
    assert _run(source, out).exit_code == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "deadlines.ics",
        "index.html",
        "index.md",
        "overview.csv",
        "summary.json",
        "timeline.svg",
    ]
    assert load_summary(out)["unaffected"] == 2


# --- progress ----------------------------------------------------------------------------


class _FakeTerminal:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sunsetkit import cli

    source = _write_json(tmp_path / "c.json", [_customer()])
    terminal = _FakeTerminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    with cli._progress(source) as advance:
        assert advance is not None
        advance(source.stat().st_size)
    assert "checklists" in terminal.text
    quiet = _run(source, tmp_path / "out")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_customer_id_twice_is_malformed(tmp_path: Path) -> None:
    source = _write_json(tmp_path / "c.json", [_customer(cid="same"), _customer(cid="same")])
    result = _run(source, tmp_path / "out")
    assert result.exit_code == 2
    assert "record 1" in result.stderr and "appears twice" in result.stderr
    assert _run(source, tmp_path / "out", "--skip-invalid").exit_code == 0


def test_csv_progress_counts_bytes_of_the_file(tmp_path: Path) -> None:
    from sunsetkit.checklists.read import read_customers

    source = _demo_as_csv(tmp_path / "big.csv", ",", False)
    lines = source.read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join([lines[0], *(lines[1:] * 200)]) + "\n", encoding="utf-8")
    seen: list[int] = []
    records = list(read_customers(source, seen.append))
    assert records and seen
    assert seen == sorted(seen) and 0 < seen[-1] <= source.stat().st_size


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_file_that_is_not_utf8_is_one_clear_error(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"latin1{suffix}"
    if suffix == ".csv":
        text = (
            "customerId;companyName;subscriptionId;offerName;quantity;commitmentEndDate\n"
            f'c1;Müller;s1;"{OFFER}";3;2026-12-31\n'
        )
    else:
        text = json.dumps({"items": [_customer(name="Müller")]}, ensure_ascii=False)
    source.write_bytes(text.encode("cp1252"))
    result = _run(source, tmp_path / "out")
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr or "invalid JSON" in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations(CSV_COLUMNS),
    delimiter=st.sampled_from([",", ";", "\t"]),
    inner=st.text(st.sampled_from("ab ,;\t\"'"), max_size=8),
)
def test_the_header_decides_the_separator(
    tmp_path_factory: pytest.TempPathFactory, order: list[str], delimiter: str, inner: str
) -> None:
    """Any column order, comma, semicolon or tab, whatever separators the values hold."""
    path = tmp_path_factory.mktemp("csv") / "customers.csv"
    name = f"Contoso{inner}Ltd"
    row = dict.fromkeys(order, "7") | {"companyName": name, "culture": "en-US"}
    row |= {"commitmentEndDate": "2027-01-31", "autoRenewEnabled": "false", "status": "active"}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=order, delimiter=delimiter)
        writer.writeheader()
        writer.writerow(row)
    ((_, customer),) = read_customers(path)
    assert isinstance(customer, Customer), customer
    assert customer.name == name and customer.subscriptions[0].quantity == 7


@pytest.mark.parametrize(("delimiter", "named"), [("|", "comma-separated")])
def test_an_unknown_separator_is_named_in_the_error(
    tmp_path: Path, delimiter: str, named: str
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(delimiter.join(CSV_COLUMNS) + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match=f"in the header, read as {named}"):
        list(read_customers(path))
