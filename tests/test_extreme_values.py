"""Values at the edges of what their type holds, generated: any day from 0001-01-01 to
9999-12-31 as a deadline (in customer data or a definition) or as --as-of, any number of
licences, ids and names of any length. Each is rendered or refused with one line, never
a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checklists.job import run_checklists
from sunsetkit.checklists.model import MAX_QUANTITY, Customer
from sunsetkit.checklists.overview import (
    TIMELINE_MONTHS,
    OverviewRow,
    calendar_event,
    timeline,
)
from sunsetkit.checklists.plan import file_name
from sunsetkit.content.load import load_glossary, load_migration, load_steps
from sunsetkit.content.model import MAX_ID
from sunsetkit.errors import ContentError
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import discover_catalogs

from .conftest import ROOT, copy_project, load_summary, offer_with_a_deadline

DAYS = st.dates(dt.date.min, dt.date.max)
EDGES = st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 12, 31), dt.date(9999, 1, 1)])
ANY_DAY = st.one_of(EDGES, DAYS)
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]
DEFINITIONS = sorted((ROOT / "content" / "migrations").glob("*.yaml"))
LOCALES = sorted(discover_catalogs(ROOT / "locales"))


def _row(deadline: dt.date, as_of: dt.date) -> OverviewRow:
    days = (deadline - as_of).days
    status = "overdue" if days < 0 else "urgent" if days <= 30 else "ok"
    return OverviewRow(deadline, "Name", "s-1", days, status, "stem", "en-US", "Offer", 1, "c-1")


@settings(max_examples=300, deadline=None)
@given(deadline=ANY_DAY)
def test_a_calendar_event_on_any_day_is_one_day_long(deadline: dt.date) -> None:
    event = icalendar.Event.from_ical(calendar_event(_row(deadline, deadline), STAMP))
    assert event.decoded("dtstart") == deadline
    if deadline < dt.date.max:
        assert event.decoded("dtend") == deadline + dt.timedelta(days=1)
    else:  # no next day: RFC 5545 makes a date without an end one day long
        assert "DTEND" not in event and "DURATION" not in event


@settings(max_examples=300, deadline=None)
@given(as_of=ANY_DAY, deadlines=st.lists(ANY_DAY, max_size=20))
def test_the_timeline_shows_any_day_among_months_that_exist(
    as_of: dt.date, deadlines: list[dt.date]
) -> None:
    drawn = timeline([_row(d, as_of) for d in deadlines], as_of)
    bars = drawn["bars"]
    assert len(bars) == TIMELINE_MONTHS + 2  # earlier, the months, later
    assert sum(sum(bar["counts"].values()) for bar in bars) == len(deadlines)
    assert 1 <= drawn["today"] <= TIMELINE_MONTHS + 1  # today is on one of the months
    years = [int(bar["year"]) for bar in bars if bar["year"]]
    assert all(dt.MINYEAR <= year <= dt.MAXYEAR for year in years)


@pytest.fixture(scope="module")
def offer() -> str:
    return offer_with_a_deadline()


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400).filter(
    lambda t: t.strip() != ""
)
_CUSTOMER = st.fixed_dictionaries(
    {
        "id": _TEXT,
        "name": _TEXT,
        "culture": st.sampled_from([*LOCALES, "is-IS", ""]),
        "quantity": st.one_of(st.sampled_from([0, 1, 5000, MAX_QUANTITY]), st.integers(0, 10**7)),
        "deadline": ANY_DAY,
    }
)


@settings(max_examples=12, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(as_of=ANY_DAY, customers=st.lists(_CUSTOMER, min_size=1, max_size=6))
def test_checklists_for_any_dates_counts_ids_and_names(
    tmp_path_factory: pytest.TempPathFactory, offer: str, as_of: dt.date, customers: list[dict]
) -> None:
    """Any day as --as-of and as a deadline, any count of licences up to the bound, ids
    and names of any length and script: every checklist, the overview, overview.csv and
    deadlines.ics are written; each file name is short, portable and its own."""
    folder = tmp_path_factory.mktemp("extreme")
    records, ids, upcoming = [], set(), 0
    for number, c in enumerate(customers):
        if c["id"].strip() in ids:
            continue
        ids.add(c["id"].strip())
        upcoming += c["deadline"] >= as_of  # the calendar holds deadlines from as_of on
        subscription = {
            "id": f"s-{number}",
            "offerName": offer,
            "quantity": c["quantity"],
            "commitmentEndDate": c["deadline"].isoformat(),
        }
        records.append(
            {
                "id": c["id"],
                "companyProfile": {"companyName": c["name"]},
                "billingProfile": {"culture": c["culture"]},
                "subscriptions": {"items": [subscription]},
            }
        )
    source = folder / "customers.json"
    source.write_text(json.dumps({"items": records}), encoding="utf-8")
    out = folder / "out"
    result = run_checklists(
        source, Project(ROOT), out, as_of, guides_url="https://x.example/{locale}/{id}"
    )
    assert result.written == len(records)
    checklists = [p for p in out.iterdir() if p.suffix == ".md" and p.name != "index.md"]
    assert len(checklists) == len(records)
    for path in out.rglob("*"):
        assert len(path.name.encode("utf-8")) <= 128
        assert re.fullmatch(r"[a-z0-9.-]+|\.sunset-manifest\.json", path.name), path.name
    calendar = icalendar.Calendar.from_ical((out / "deadlines.ics").read_text("utf-8"))
    assert len(calendar.walk("VEVENT")) == upcoming
    assert len(load_summary(out)["customers"]) == len(records)


@settings(max_examples=300, deadline=None)
@given(name=_TEXT, customer_id=_TEXT, other_id=_TEXT)
def test_a_file_name_is_short_portable_stable_and_tells_ids_apart(
    name: str, customer_id: str, other_id: str
) -> None:
    first = file_name(Customer(id=customer_id, name=name))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", first)
    assert len(first) <= 48 + 1 + 12 + 3
    assert file_name(Customer(id=customer_id, name=name)) == first
    if other_id.strip() != customer_id.strip():
        assert file_name(Customer(id=other_id, name=name), 64) != file_name(
            Customer(id=customer_id, name=name), 64
        )


# --- definitions: ids, dates and numbers at their edges --------------------------------

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
LIBRARY = load_steps(ROOT / "content" / "steps.yaml", GLOSSARY)


def _definition_file(tmp_path: Path, name: str) -> Path:
    """Where a changed definition goes: a content folder with the project's images."""
    images = tmp_path / "content" / "images"
    if not images.exists():
        shutil.copytree(ROOT / "content" / "images", images)
    (tmp_path / "content" / "migrations").mkdir(exist_ok=True)
    return tmp_path / "content" / "migrations" / name


@settings(max_examples=60, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(
    path=st.sampled_from(DEFINITIONS),
    words=st.lists(st.from_regex(r"[a-z0-9]{1,30}", fullmatch=True), min_size=1, max_size=20),
)
def test_an_id_of_any_length_names_a_page_or_is_refused_at_its_line(
    tmp_path: Path, path: Path, words: list[str]
) -> None:
    new_id = "-".join(words)
    text = re.sub(r"(?m)^id: .*$", f"id: '{new_id}'", path.read_text(encoding="utf-8"), count=1)
    changed = _definition_file(tmp_path, path.name)
    changed.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("id: "))
    if len(new_id) <= MAX_ID:
        assert load_migration(changed, LIBRARY, GLOSSARY).id == new_id
    else:
        with pytest.raises(ContentError) as caught:
            load_migration(changed, LIBRARY, GLOSSARY)
        assert caught.value.line == line and f"at most {MAX_ID}" in str(caught.value)


def test_the_longest_id_writes_its_pages_in_every_locale(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sunsetkit.cli import main

    root = copy_project(tmp_path / "project")
    path = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    longest = ("a" * 9 + "-") * (MAX_ID // 10 - 1) + "z" * 9 + "x"
    assert len(longest) == MAX_ID
    text = re.sub(r"(?m)^id: .*$", f"id: {longest}", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    for fmt in ("markdown", "html"):
        out = tmp_path / fmt
        args = ["build", "--project", str(root), "--out", str(out), "--format", fmt]
        result = CliRunner().invoke(main, [*args, "--migration", longest])
        assert result.exit_code == 0, result.output
        assert len(list(out.glob(f"*/{longest}.*"))) == 1 + len(LOCALES)


@settings(max_examples=6, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(event_day=ANY_DAY, article_day=ANY_DAY, data=st.data())
def test_a_definition_dated_on_any_day_renders_in_every_locale(
    tmp_path_factory: pytest.TempPathFactory, event_day: dt.date, article_day: dt.date, data
) -> None:
    root = copy_project(tmp_path_factory.mktemp("dated") / "project")
    path = data.draw(st.sampled_from(sorted((root / "content" / "migrations").glob("*.yaml"))))
    definition = yaml.safe_load(path.read_text(encoding="utf-8"))
    for event in definition.get("events", []):
        event["date"] = event_day
    definition["article"]["date"] = article_day
    path.write_text(yaml.safe_dump(definition, allow_unicode=True), encoding="utf-8")
    built = build_guides(Project(root), (), [definition["id"]])
    assert len(built.pages) == 1 + len(LOCALES)
    us_date = f"{article_day.month:02}/{article_day.day:02}/{article_day.year:04}"
    for page in built.pages:
        assert f"\nms.date: {us_date}\n" in page.text


@settings(max_examples=100, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(number=st.one_of(st.integers(), st.integers(-(10**4000), 10**4000)))
def test_a_step_number_of_any_size_renders_or_is_refused_at_its_line(
    tmp_path: Path, number: int
) -> None:
    """A 4,000-digit number was a decimal.InvalidOperation blamed on the template."""
    path = DEFINITIONS[0]
    definition = yaml.safe_load(path.read_text(encoding="utf-8"))
    definition["procedure"]["phases"][0]["steps"].insert(
        0, {"text": "Wait %(d)s days.", "numbers": {"d": number}}
    )
    changed = _definition_file(tmp_path, path.name)
    changed.write_text(yaml.safe_dump(definition), encoding="utf-8")
    try:
        load_migration(changed, LIBRARY, GLOSSARY)
    except ContentError as exc:
        assert exc.line is not None and len(str(exc)) < 400
        assert abs(number) > 10**12
    else:
        assert abs(number) <= 10**12


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31"])
def test_the_first_and_last_day_as_of_through_the_command(tmp_path: Path, as_of: str) -> None:
    from click.testing import CliRunner

    from sunsetkit.cli import main

    out = tmp_path / "out"
    args = ["checklists", str(ROOT / "content" / "customers.example.json"), "--as-of", as_of]
    result = CliRunner().invoke(main, [*args, "--project", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "deadlines.ics").is_file() and (out / "timeline.svg").is_file()
