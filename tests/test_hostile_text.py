"""Hostile text from data, generated, through every output: overview.csv (read with "," or
";" as the separator, heeding quotes or not), deadlines.ics, Markdown, HTML, and the
reports of `sunset check` (text, github, json, sarif, the job summary). Each finding
stays on its line, no control character reaches a document raw, no cell starts a
formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from pathlib import Path

import icalendar
import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checklists.job import run_checklists
from sunsetkit.checklists.overview import CSV_COLUMNS, OverviewRow, calendar_event, write_csv
from sunsetkit.checks.base import Finding
from sunsetkit.checks.engine import CheckResult
from sunsetkit.errors import printable, without_controls
from sunsetkit.guides import Project
from sunsetkit.guides.html import create_html_environment
from sunsetkit.render import escape_markdown
from sunsetkit.report import job_summary, render_report

from .conftest import ROOT, offer_with_a_deadline

#: Characters that split cells, lines and workflow commands, start formulas, or drive a
#: terminal, with some letters between them.
HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(list(",;=+-@\t\r\n\"':%|<>&`*_[]\\\x00\x0b\x0c\x1b\x7f\x85\x9b")),
        st.sampled_from(["\u2028", "\u2029", "\u202e", "\ufeff", "\uff1d", "::error ", "Ab"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    min_size=1,
    max_size=30,
).map("".join)
FORMULA = tuple("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
HIDDEN = ("Cc", "Cf", "Zl", "Zp")
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def _row(name: str, customer_id: str, subscription_id: str, offer: str) -> OverviewRow:
    return OverviewRow(
        dt.date(2027, 1, 1), name, subscription_id, -5, "overdue", "stem", "de-DE", offer, 1,
        customer_id,
    )  # fmt: skip


# --- overview.csv ----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(HOSTILE, HOSTILE, HOSTILE, HOSTILE), min_size=1, max_size=5))
def test_no_csv_cell_starts_a_formula_with_either_separator(
    values: list[tuple[str, str, str, str]],
) -> None:
    handle = io.StringIO()
    write_csv(handle, [_row(*v) for v in values], "html")
    text = handle.getvalue().removeprefix("\ufeff")
    # A spreadsheet that heeds quotes ("," as the separator): every field is its own.
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert all(len(record) == len(CSV_COLUMNS) for record in records)
    written = sorted([r[3], r[4], r[6], r[7]] for r in records[1:])
    expected = sorted([_cell(c), _cell(n), _cell(s), _cell(o)] for n, c, s, o in values)
    assert written == expected
    for cell in (cell for record in written for cell in record):
        assert not cell.lstrip(' "').startswith(FORMULA)
    # One that splits at "," or ";" or a line break, quotes or not: no piece is a formula
    # (days_left, a negative number, is a number).
    for piece in re.split("[,;\r\n]", text):
        bare = piece.strip('"')
        assert not piece.lstrip(' "').startswith(FORMULA) or re.fullmatch(r"-\d+", bare)


def _cell(value: str) -> str:
    """What a cell holds for `value`: the value, its controls replaced, with apostrophes
    where a formula would start; nothing else is changed or lost."""
    from sunsetkit.checklists.overview import _cell as cell

    written = cell(value)
    assert written.replace("'", "") == without_controls(value).replace("'", "")
    return written


# --- deadlines.ics ---------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(name=HOSTILE, customer_id=HOSTILE, subscription_id=HOSTILE, offer=HOSTILE)
def test_calendar_text_holds_no_control_and_reads_back(
    name: str, customer_id: str, subscription_id: str, offer: str
) -> None:
    ics = calendar_event(
        _row(name, customer_id, subscription_id, offer), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    body = ics.replace("\r\n", "")
    assert not CONTROLS.search(body) and "\n" not in body and "\r" not in body
    event = icalendar.Event.from_ical(ics)
    summary = without_controls(f"{offer}: {name}").replace("\r\n", "\n").replace("\r", "\n")
    # (a byte order mark is dropped by the reader; it is no control)
    assert str(event["summary"]).replace("\ufeff", "") == summary.replace("\ufeff", "")


# --- Markdown and HTML -----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(HOSTILE)
def test_markdown_and_html_values_hold_no_control(value: str) -> None:
    assert not CONTROLS.search(escape_markdown(value))
    env = create_html_environment(ROOT / "templates")
    for template in ("<p>{{ v }}</p>", "<p>{{ v|safe }}</p>", '<a title="{{ v }}">x</a>'):
        html = env.from_string(template).render(v=value)
        assert not CONTROLS.search(html)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checklists run whose customers' names and ids carry every kind of hostile text."""
    folder = tmp_path_factory.mktemp("hostile")
    names = ["Evil; =cmd|' /C calc'!A0", "A\x00B\x0bC\x0cD\x1b[31mE", "=1+1,@x\n::error x"]
    records = [
        {
            "id": f"id-{n}\x1b[2J{name}",
            "companyProfile": {"companyName": name},
            "billingProfile": {"culture": "de-DE"},
            "subscriptions": [
                {
                    "id": f"s{n};=x\x00",
                    "offerName": offer_with_a_deadline(),
                    "quantity": 5,
                    "commitmentEndDate": "2027-01-01",
                }
            ],
        }
        for n, name in enumerate(names)
    ]
    source = folder / "in.json"
    source.write_text(json.dumps({"items": records}), encoding="utf-8")
    run_checklists(source, Project(ROOT), folder / "out", dt.date(2026, 11, 21))
    return folder / "out"


def test_no_document_of_a_checklists_run_holds_a_raw_control(hostile_run: Path) -> None:
    checked = 0
    for path in hostile_run.rglob("*"):
        if path.suffix in (".md", ".html", ".ics", ".csv", ".svg", ".json"):
            assert not CONTROLS.search(path.read_text(encoding="utf-8")), path
            checked += 1
    assert checked >= 8


# --- the reports of sunset check -------------------------------------------------------

_FINDINGS = st.lists(
    st.builds(
        Finding,
        path=HOSTILE.filter(lambda p: "\x00" not in p),  # no file name holds NUL
        line=st.one_of(st.none(), st.integers(1, 10**6)),
        locale=st.sampled_from([None, "de-DE"]),
        check=st.just("placement"),
        severity=st.sampled_from(["error", "warning"]),
        message=HOSTILE,
        msgctxt=st.one_of(st.none(), HOSTILE),
        msgid=st.one_of(st.none(), HOSTILE),
    ),
    min_size=1,
    max_size=6,
)


def _visible(text: str) -> bool:
    return not any(unicodedata.category(ch) in HIDDEN for ch in text if ch != "\n")


@settings(max_examples=200, deadline=None)
@given(_FINDINGS)
def test_text_report_keeps_each_finding_on_its_line(findings: list[Finding]) -> None:
    result = CheckResult(findings=sorted(findings, key=lambda f: f.path))
    lines = render_report(result, "text").splitlines()
    paths = len({f.path for f in findings})
    assert len(lines) == len(findings) + paths + 1  # a blank line after each file, the total
    assert _visible("\n".join(lines))
    assert not any(line.startswith("::") for line in lines)


_GITHUB = re.compile(r"::(error|warning) file=([^:,]*)(?:,line=\d+)?,title=([^:,]*)::(.*)")


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace(
        "%2C", ","
    ).replace("%25", "%")  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(_FINDINGS)
def test_github_report_is_one_workflow_command_per_finding(findings: list[Finding]) -> None:
    lines = render_report(CheckResult(findings=findings), "github").splitlines()
    assert len(lines) == len(findings) + 1
    for line, finding in zip(lines, findings, strict=False):
        found = _GITHUB.fullmatch(line)
        assert found is not None, line
        assert _unescape(found[2]) == printable(finding.path)
        assert _unescape(found[4]) == printable(finding.message)
    assert _visible("\n".join(lines)) and not lines[-1].startswith("::")


@settings(max_examples=200, deadline=None)
@given(_FINDINGS)
def test_json_and_sarif_reports_escape_and_read_back(findings: list[Finding]) -> None:
    result = CheckResult(findings=findings)
    data = render_report(result, "json")
    assert data.count("\n") == 1 and _visible(data)
    assert [f["message"] for f in json.loads(data)["findings"]] == [f.message for f in findings]
    assert [f["path"] for f in json.loads(data)["findings"]] == [f.path for f in findings]
    sarif = render_report(result, "sarif")
    assert sarif.count("\n") == 1 and _visible(sarif)
    results = json.loads(sarif)["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f.message for f in findings]


@settings(max_examples=200, deadline=None)
@given(_FINDINGS)
def test_job_summary_keeps_each_finding_in_one_row(findings: list[Finding]) -> None:
    summary = job_summary(CheckResult(findings=findings))
    rows = [line for line in summary.splitlines() if line.startswith("| ")]
    kinds = len({f.severity for f in findings})  # one check: a row per severity
    assert len(rows) == 1 + kinds + 1 + len(findings)  # two tables, each with its header
    assert _visible(summary)


def test_jinja_finalize_keeps_markup_markup() -> None:
    env = create_html_environment(ROOT / "templates")
    assert env.from_string("{{ v }}").render(v=jinja2.utils.markupsafe.Markup("<b>\x00</b>")) == (
        "<b>\ufffd</b>"
    )
