"""The partner's overview of a checklists run, in English: counts, a deadline timeline,
the table soonest deadline first (in pages, so a large run never makes one huge file),
overview.csv for spreadsheets and deadlines.ics for calendars.

Every format is rendered from the same rows. Values from the partner's data are escaped
for each format: Markdown through `md`, HTML by autoescaping, CSV against formulas,
iCalendar by the icalendar library.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

import icalendar
import jinja2
from babel.dates import get_month_names

from ..errors import without_controls
from ..render import render_template

__all__ = [
    "PAGE_ROWS",
    "Overview",
    "OverviewRow",
    "calendar_event",
    "calendar_head",
    "calendar_tail",
    "count",
    "write_csv",
]

#: Rows per page of the table: index.md stays small however many customers there are.
PAGE_ROWS = 500
#: Bars of the timeline: the months around today; earlier and later deadlines are summed.
TIMELINE_MONTHS = 18
#: The timeline's month labels: English, whatever the process's LC_TIME says.
MONTHS = get_month_names("abbreviated", locale="en_US")
STATUSES = ("overdue", "urgent", "ok", "no-deadline")
#: Where a subscription has no deadline (usage-based offers): such rows sort last.
NO_DEADLINE = dt.date.max
ONE_DAY = dt.timedelta(days=1)
#: The first and last month a date can have, counted as year * 12 + month - 1.
FIRST_MONTH = dt.MINYEAR * 12
LAST_MONTH = dt.MAXYEAR * 12 + 11
CSV_COLUMNS = (
    "deadline",
    "days_left",
    "status",
    "customer_id",
    "customer",
    "locale",
    "subscription_id",
    "offer",
    "licenses",
    "checklist",
)


class OverviewRow(NamedTuple):
    """One retiring subscription; fields in sort order (soonest deadline first).

    A tuple, not a dict: a run over 100,000 customers keeps every row until the end."""

    deadline: dt.date  # NO_DEADLINE where there is none
    name: str
    subscription_id: str
    days_left: int | None
    urgency: str
    stem: str
    locale: str
    offer: str
    quantity: int
    customer_id: str
    #: False: the offer counts no licenses (usage-based): no count is shown.
    licensed: bool = True


@dataclass
class Overview:
    as_of: dt.date
    rows: list[OverviewRow] = field(default_factory=list)
    customers_by_locale: Counter[str] = field(default_factory=Counter)

    def pages(self) -> list[Sequence[OverviewRow]]:
        self.rows.sort()
        return [
            self.rows[start : start + PAGE_ROWS] for start in range(0, len(self.rows), PAGE_ROWS)
        ] or [[]]

    def context(self) -> dict[str, Any]:
        by_status = Counter(row.urgency for row in self.rows)
        return {
            "as_of": self.as_of,
            "customers": sum(self.customers_by_locale.values()),
            "subscriptions": len(self.rows),
            "by_status": [(status, by_status[status]) for status in STATUSES],
            "by_locale": sorted(self.customers_by_locale.items()),
            "timeline": timeline(self.rows, self.as_of),
        }

    def render(
        self, envs: Mapping[str, jinja2.Environment], written: Collection[str]
    ) -> Iterator[tuple[str, str]]:
        """index.md and index.html with the first page of the table, overview/<n>.md and
        .html with the rest, and the timeline picture. `envs` has a Jinja environment per
        kind ("md", "html"); `written` the kinds of checklist this run wrote."""
        pages = self.pages()
        base = self.context()
        page_list = [
            {"number": n, "first": _day(rows[0]), "last": _day(rows[-1]), "rows": len(rows)}
            for n, rows in enumerate(pages, 1)
            if rows
        ]
        yield "timeline.svg", render_template(envs["html"], "timeline.svg.j2", base)
        for kind, env in envs.items():
            for number, rows in enumerate(pages, 1):
                name = "index" if number == 1 else f"overview/{number}"
                context = {
                    **base,
                    "rows": rows,
                    "number": number,
                    "pages": page_list,
                    "root": "" if number == 1 else "../",
                    "link_extension": kind if kind in written else next(iter(written)),
                }
                yield f"{name}.{kind}", render_template(env, f"overview.{kind}.j2", context)


def timeline(rows: Sequence[OverviewRow], as_of: dt.date) -> dict[str, Any]:
    """Deadlines per month and status, for the SVG: bars, labels and where today is."""
    # Two months before today, shifted so every bar is a month dates have (0001-9999).
    start = min(max(_month(as_of) - 2, FIRST_MONTH), LAST_MONTH - TIMELINE_MONTHS + 1)
    months = [start + n for n in range(TIMELINE_MONTHS)]
    counts: dict[int, Counter[str]] = {m: Counter() for m in months}
    earlier: Counter[str] = Counter()
    later: Counter[str] = Counter()
    for row in rows:
        if row.days_left is None:
            continue  # no deadline: nothing to draw on a timeline
        month = _month(row.deadline)
        if month < start:
            earlier[row.urgency] += 1
        elif month >= start + TIMELINE_MONTHS:
            later[row.urgency] += 1
        else:
            counts[month][row.urgency] += 1
    bars: list[dict[str, Any]] = [{"label": "earlier", "year": "", "counts": earlier}]
    for month in months:
        year, index = divmod(month, 12)
        label = MONTHS[index + 1]
        first = index == 0 or month == start
        bars.append({"label": label, "year": str(year) if first else "", "counts": counts[month]})
    bars.append({"label": "later", "year": "", "counts": later})
    highest = max((sum(bar["counts"].values()) for bar in bars), default=0)
    days = (as_of - dt.date(as_of.year, as_of.month, 1)).days
    return {
        "bars": bars,
        "highest": max(highest, 1),
        # In bars: after "earlier" and the months before today's.
        "today": 1 + _month(as_of) - start + (days + 0.5) / 31,
        "statuses": STATUSES[:-1],
    }


def _day(row: OverviewRow) -> str:
    return "no deadline" if row.days_left is None else row.deadline.isoformat()


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


#: What starts a formula in Excel, LibreOffice or Google Sheets (OWASP's CSV injection
#: list, with the full-width forms East Asian input methods type).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Where a spreadsheet may start a cell inside a field: at a "," or ";" (whichever is its
#: list separator, if it splits without heeding quotes) or a line break, when a formula
#: character follows (after spaces or quotes).
_SPLIT_FORMULA = re.compile('([,;\r\n])(?=[ "]*[=+\\-@\t\r\n\uff1d\uff0b\uff0d\uff20])')


def _cell(value: str) -> str:
    """A text cell no spreadsheet evaluates, however it splits the line: an apostrophe
    before a formula character at its start and after each separator inside it."""
    value = _SPLIT_FORMULA.sub(r"\1'", without_controls(value))
    return "'" + value if value.lstrip(' "').startswith(_FORMULA_START) else value


def write_csv(handle: IO[str], rows: Sequence[OverviewRow], extension: str) -> None:
    """overview.csv: UTF-8 with a BOM, so spreadsheets in any locale read it as UTF-8.

    Every field is quoted: a spreadsheet whose list separator is ";" (Excel in German,
    French, Dutch) splits an unquoted cell at a ";" as one whose separator is "," does
    at a ",", and the piece after it would be a cell of its own, perhaps a formula."""
    handle.write("\ufeff")
    writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for row in sorted(rows):
        writer.writerow(
            (
                "" if row.days_left is None else row.deadline.isoformat(),
                "" if row.days_left is None else row.days_left,
                row.urgency,
                _cell(row.customer_id),
                _cell(row.name),
                _cell(row.locale),
                _cell(row.subscription_id),
                _cell(row.offer),
                row.quantity if row.licensed else "",
                _cell(f"{row.stem}.{extension}"),
            )
        )


def calendar_head() -> str:
    """deadlines.ics up to its first event: one all-day event per deadline from as_of on
    (calendar_event) follows, then calendar_tail()."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//sunset//migration checklists//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Migration deadlines")
    return str(calendar.to_ical().decode("utf-8")).partition("END:VCALENDAR")[0]


def calendar_tail() -> str:
    return "END:VCALENDAR\r\n"


def _all_day(day: dt.date) -> icalendar.vDate:
    """A DATE value: icalendar 6 writes VALUE=DATE by itself, 7 only when asked (and its
    constructor's `params` does not exist in 6), so the parameter is set afterwards."""
    value = icalendar.vDate(day)
    value.params["VALUE"] = "DATE"
    return value


def count(number: int, noun: str) -> str:
    """1 customer, 1,622 customers: the partner's English outputs (terminal, overview,
    calendar) count with this."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _ical_text(text: str) -> icalendar.vText:
    """Text from data for an event: controls replaced, and every line break one "\\n"
    (icalendar before 7 writes a lone carriage return as it is, inside the line)."""
    lines = without_controls(text).replace("\r\n", "\n").replace("\r", "\n")
    return icalendar.vText(lines)


def calendar_event(row: OverviewRow, stamp: dt.datetime) -> str:
    """One deadline as an all-day VEVENT, with the customer and the offer.

    Values are given their iCalendar types directly: Component.add would infer them,
    which costs more than the rest of the event at 100,000 customers."""
    uid = hashlib.sha256(f"{row.customer_id}\x00{row.subscription_id}".encode()).hexdigest()
    event = icalendar.Event()
    event["uid"] = icalendar.vText(f"{uid[:32]}@sunset")
    event["dtstamp"] = icalendar.vDatetime(stamp)
    event["dtstart"] = _all_day(row.deadline)
    if row.deadline < dt.date.max:
        event["dtend"] = _all_day(row.deadline + ONE_DAY)
    # else no DTEND: the day after 9999-12-31 has no date, and RFC 5545 makes an event
    # with a DATE start and no end one day long.
    # icalendar escapes \\ ; , and line breaks; the controls RFC 5545 forbids in text
    # (NUL, ESC, VT, FF) are replaced first.
    event["summary"] = _ical_text(f"{row.offer}: {row.name}")
    licenses = f" ({count(row.quantity, 'license')})" if row.licensed else ""
    event["description"] = _ical_text(
        f"Deadline of subscription {row.subscription_id}{licenses} "
        f"of {row.name}, customer {row.customer_id}. Checklist: {row.stem}"
    )
    event["transp"] = icalendar.vText("TRANSPARENT")
    return str(event.to_ical().decode("utf-8"))
