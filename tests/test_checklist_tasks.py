"""What a checklist tells the partner to do, for every definition, deadline, subscription
status and locale: licence counts only where the offer counts licences, the tasks that
keep the customer's service first and marked when late or due soon, the retired
subscription suspended or canceled last and never when it has stopped already, one
label per line, tasks translated apart from headings, and the guide's address in print."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import json
import re
from typing import Any

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checklists.model import STOPPED, Customer, Plan, PlanItem, Subscription
from sunsetkit.checklists.plan import Matcher
from sunsetkit.cli import main
from sunsetkit.content.load import load_migrations
from sunsetkit.content.model import TASK_CONTEXT, Ending, Migration
from sunsetkit.guides.site import LocaleContexts
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs, load_catalog
from sunsetkit.project import Project
from sunsetkit.render import create_environment, format_day, render

from .conftest import ROOT
from .htmltree import parse

AS_OF = dt.date(2026, 11, 21)
MIGRATIONS = load_migrations(ROOT / "content" / "migrations")
LOCALES = [SOURCE_LOCALE, *sorted(discover_catalogs(ROOT / "locales"))]
GUIDE = "https://learn.example.com/{locale}/{id}"
#: Partner Center's subscription statuses (SubscriptionStatus), but deleted, which no
#: checklist shows.
STATUSES = ["active", "pending", "none", "suspended", "expired", "disabled"]
ENDINGS: list[Any] = [
    Ending.SUSPEND,
    Ending.CANCEL,
    Ending.EXPIRE,
    Ending.WORKFLOW,
    [Ending.EXPIRE, Ending.SUSPEND],
    [Ending.EXPIRE, Ending.CANCEL],
]
#: Days left: overdue, due today, urgent, the last urgent day, later.
DAYS = [-400, -1, 0, 1, 30, 31, 365]


@functools.cache
def _renderer() -> tuple[Any, LocaleContexts]:
    project = Project(ROOT)
    return create_environment(project.templates_dir).get_template(
        "checklist.md.j2"
    ), LocaleContexts(project)


@functools.cache
def _catalog(locale_id: str) -> Catalog | None:
    if locale_id == SOURCE_LOCALE:
        return None
    return load_catalog(discover_catalogs(ROOT / "locales")[locale_id], locale_id)


def _tr(
    locale_id: str, msgid: str | tuple[str, str], n: int = 1, context: str | None = None
) -> str:
    """The catalog's translation (English in en-US), plural form for n."""
    catalog = _catalog(locale_id)
    singular = msgid[0] if isinstance(msgid, tuple) else msgid
    if catalog is None:
        return msgid[n != 1] if isinstance(msgid, tuple) else msgid
    message = catalog.get(singular, context=context)
    assert message is not None and message.string, (locale_id, context, singular)
    if isinstance(message.string, tuple):
        index = _plural_index(catalog, n)
        return message.string[index]
    return str(message.string)


def _plural_index(catalog: Catalog, n: int) -> int:
    return int(gettext.c2py(catalog.plural_expr)(n))


def _item(
    migration: Migration,
    days_left: int | None,
    status: str = "active",
    unit: str | None = "Licenses",
    quantity: int = 7,
) -> PlanItem:
    dated = migration.deadline != "none" and days_left is not None
    deadline = AS_OF + dt.timedelta(days=days_left) if dated and days_left is not None else None
    subscription = Subscription.model_validate(
        {
            "id": "s-1",
            "offerName": migration.retired.offers[0].name,
            "quantity": quantity,
            "unitType": unit,
            "status": status,
            "commitmentEndDate": deadline.isoformat() if deadline else None,
        }
    )
    return PlanItem(subscription, migration, deadline, days_left if dated else None, "g.html")


def _checklist(item: PlanItem, locale_id: str = SOURCE_LOCALE) -> str:
    template, contexts = _renderer()
    customer = Customer(id="c-1", name="Contoso")
    plan = Plan(customer, locale_id, "contoso.md", AS_OF, (item,))
    return render(template, {**contexts(locale_id), "plan": plan})


def _tasks(text: str) -> list[str]:
    return [line[len("- [ ] ") :] for line in text.splitlines() if line.startswith("- [ ] ")]


def _with_ending(migration: Migration, ends: Any) -> Migration:
    """The definition with another ending (what a new definition may say)."""
    acts = any(
        e in (Ending.SUSPEND, Ending.CANCEL) for e in (ends if isinstance(ends, list) else [ends])
    )
    procedure = migration.procedure.model_copy(
        update={"ends": ends, "deprovision_days": 120 if acts else None}
    )
    return migration.model_copy(update={"procedure": procedure})


def _with_billing(migration: Migration, billing: str | None) -> Migration:
    retired = migration.retired.model_copy(update={"billing": billing})
    return migration.model_copy(update={"retired": retired})


# --- 1. licence counts: the definition says, the data only where it is silent ------------


@settings(max_examples=150, deadline=None)
@given(
    migration=st.sampled_from(MIGRATIONS),
    billing=st.sampled_from([None, "licenses", "usage"]),
    unit=st.one_of(
        st.none(),
        st.sampled_from(["Licenses", "Usage-based", "usage-based", " USAGE-BASED ", "licenses"]),
        st.text(max_size=12),
    ),
    quantity=st.integers(0, 10_000_000),
)
def test_a_licence_count_shows_only_where_the_offer_counts_licences(
    migration: Migration, billing: str | None, unit: str | None, quantity: int
) -> None:
    item = _item(_with_billing(migration, billing), 40, unit=unit, quantity=quantity)
    usage = (unit or "").strip().casefold() == "usage-based"
    expected = billing == "licenses" or (billing is None and not usage)
    assert item.licensed == expected
    lines = _checklist(item).splitlines()
    shown = [line for line in lines if re.match(r"- Licenses?: ", line)]
    assert bool(shown) == expected
    if expected:
        assert shown == [f"- {'License' if quantity == 1 else 'Licenses'}: {quantity:,}"]


@pytest.mark.parametrize("locale_id", LOCALES)
@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.id)
def test_every_locale_leaves_the_count_out_of_a_usage_based_offer(
    migration: Migration, locale_id: str
) -> None:
    label = ("License: %(licenses)s", "Licenses: %(licenses)s")
    for billing, unit in [
        ("usage", "Licenses"),
        (None, "Usage-based"),
        ("licenses", "Usage-based"),
    ]:
        text = _checklist(
            _item(_with_billing(migration, billing), 40, unit=unit, quantity=1), locale_id
        )
        counted = _tr(locale_id, label, 1) % {"licenses": "1"}
        assert (counted in text) == (billing == "licenses"), (billing, unit)


# --- 2. and 3. which tasks, in which order, marked how ---------------------------------


def _expectations(migration: Migration, days_left: int | None, status: str) -> dict[str, Any]:
    dated = migration.deadline != "none" and days_left is not None
    stopped = status in STOPPED
    overdue = dated and days_left is not None and days_left < 0
    return {
        "now": stopped or overdue,
        "by": dated and not stopped and not overdue and days_left is not None and days_left <= 30,
        "act": migration.procedure.act is not None and not stopped,
        "act_dated": dated and not overdue,
    }


@settings(max_examples=300, deadline=None)
@given(
    migration=st.sampled_from(MIGRATIONS),
    ends=st.sampled_from(ENDINGS),
    days_left=st.one_of(st.none(), st.sampled_from(DAYS), st.integers(-5000, 5000)),
    status=st.one_of(st.sampled_from(STATUSES), st.sampled_from(["Suspended", " EXPIRED "])),
)
def test_the_tasks_that_keep_the_service_come_first_and_are_marked(
    migration: Migration, ends: Any, days_left: int | None, status: str
) -> None:
    migration = _with_ending(migration, ends)
    item = _item(migration, days_left, status=status)
    procedure = migration.procedure
    want = _expectations(migration, item.days_left, status.strip().lower())
    tasks = _tasks(_checklist(item))
    own = [phase.task_text for phase in procedure.tasks]
    assert len(tasks) == len(own) + want["act"]
    deadline = (
        f"{item.deadline:%B} {item.deadline.day}, {item.deadline.year}" if item.deadline else ""
    )
    for task, text in zip(tasks, own, strict=False):
        if want["now"]:
            assert task == f"**Now**: {text}"
        elif want["by"]:
            assert task == f"**By {deadline}**: {text}"
        else:
            assert task == text
    if want["act"]:
        last = tasks[-1]
        # Last, after the tasks that move the users, and never marked as due now.
        assert last.startswith("Once the tasks above are done, ")
        assert "**" not in last.replace("**Suspended**", "")
        assert "now" not in last.casefold()
        if want["act_dated"]:
            assert last.endswith(f" by {deadline}.")
        else:
            assert not re.search(r"\d{4}", last)
        assert ("**Suspended**" in last) == (procedure.act == Ending.SUSPEND)
    assert not any("**Suspended**" in task for task in tasks[: len(own)])


@pytest.mark.parametrize("status", [*STATUSES, "deleted"])
@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.id)
def test_a_stopped_subscription_is_never_told_to_stop(migration: Migration, status: str) -> None:
    matcher = Matcher(MIGRATIONS)
    item = _item(migration, 10, status=status)
    if status == "deleted":
        assert matcher.match(item.subscription) is None
        return
    text = _checklist(item)
    tasks = _tasks(text)
    facts = text[: text.index("### Tasks")]
    said = {
        "suspended": "The retired subscription is already set to **Suspended**.",
        "expired": "The retired subscription has already expired.",
        "disabled": "The retired subscription is already disabled.",
    }
    for value, sentence in said.items():
        assert (sentence in facts) == (status == value)
    if status in STOPPED:
        assert not any("retired subscription" in task for task in tasks)
        assert all(task.startswith("**Now**: ") for task in tasks)
        assert len(tasks) == len(migration.procedure.tasks)
    else:
        assert len(tasks) == len(migration.procedure.tasks) + (migration.procedure.act is not None)


@pytest.mark.parametrize("locale_id", LOCALES)
@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda m: m.id)
def test_every_locale_marks_and_orders_the_tasks(migration: Migration, locale_id: str) -> None:
    own = migration.procedure.tasks
    for days_left, status in [
        (-20, "active"),
        (9, "active"),
        (0, "active"),
        (90, "active"),
        (90, "suspended"),
        (None, "active"),
        (-3, "disabled"),
    ]:
        item = _item(migration, days_left, status=status)
        text = _checklist(item, locale_id)
        tasks = _tasks(text)
        want = _expectations(migration, item.days_left, status)
        translated = [_tr(locale_id, p.task_text, context=TASK_CONTEXT) for p in own]
        if want["now"]:
            marked = [_tr(locale_id, "**Now**: %(task)s") % {"task": t} for t in translated]
        elif want["by"]:
            assert item.deadline is not None
            date = format_day(item.deadline, "long", Locale.parse(locale_id.replace("-", "_")))
            marked = [
                _tr(locale_id, "**By %(deadline)s**: %(task)s") % {"task": t, "deadline": date}
                for t in translated
            ]
        else:
            marked = translated
        assert tasks[: len(own)] == marked, (days_left, status)
        assert len(tasks) == len(own) + want["act"]


# --- 4. one label per line -------------------------------------------------------------

#: A colon that ends a label: one followed by a space or the line's end, or a full-width
#: one (Chinese, Japanese). Not "://" nor a time's "12:30".
LABEL_COLON = re.compile(r":(?=\s|$)|\uff1a")


@pytest.mark.parametrize("locale_id", LOCALES)
def test_no_line_of_any_checklist_has_two_labels(locale_id: str) -> None:
    for migration in MIGRATIONS:
        for days_left in [None, *DAYS]:
            for status in STATUSES:
                text = _checklist(_item(migration, days_left, status=status), locale_id)
                for line in text.splitlines():
                    assert len(LABEL_COLON.findall(line)) <= 1, (locale_id, line)


# --- 5. a task is its own message --------------------------------------------------------


@pytest.mark.parametrize("locale_id", LOCALES[1:])
def test_tasks_are_translated_apart_from_headings(locale_id: str) -> None:
    catalog = _catalog(locale_id)
    assert catalog is not None
    for migration in MIGRATIONS:
        for phase in migration.procedure.tasks:
            task = catalog.get(phase.task_text, context=TASK_CONTEXT)
            assert task is not None and task.string, (locale_id, phase.task_text)
            text = _checklist(_item(migration, 90), locale_id)
            assert f"- [ ] {task.string}\n" in text
        # The phase that suspends or cancels is no task: no message waits for it.
        if migration.procedure.act is not None:
            last = migration.procedure.phases[-1]
            if all(p.task_text != last.task_text for p in migration.procedure.tasks):
                assert catalog.get(last.task_text, context=TASK_CONTEXT) is None


# --- 6. the guide's address in print ---------------------------------------------------


def test_a_printed_checklist_shows_the_guides_address(tmp_path: Any) -> None:
    offer = next(m for m in MIGRATIONS if m.deadline != "none").retired.offers[0].name
    source = tmp_path / "c.json"
    source.write_text(
        '{"items": [{"id": "c-1", "companyProfile": {"companyName": "Contoso"}, '
        '"billingProfile": {"culture": "de-DE"}, "subscriptions": [{"id": "s-1", '
        f'"offerName": "{offer}", "quantity": 3, "commitmentEndDate": "2027-01-31"}}]}}]}}',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "checklists",
            str(source),
            "--project",
            str(ROOT),
            "--out",
            str(out),
            "--as-of",
            AS_OF.isoformat(),
            "--guides-url",
            GUIDE,
        ],
    )
    assert result.exit_code == 0, result.output
    page = parse(next(out.glob("contoso-*.html")).read_text(encoding="utf-8"))
    [main_element] = page.iter("main")
    links = [a.attrs["href"] for a in main_element.iter("a")]
    guide = [href for href in links if href.startswith("https://learn.example.com/de-DE/")]
    assert guide and not guide[0].startswith("#")
    style = "".join(str(c) for s in page.iter("style") for c in s.children)
    printed = style[style.index("@media print") :]
    rule = re.search(r"main a\[href\]:not\(\[href\^=\"#\"\]\)::after \{[^}]*\}", printed)
    assert rule is not None and "attr(href)" in rule.group(0)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_statuses_as_the_api_and_its_csv_spell_them(tmp_path: Any, fmt: str) -> None:
    """Partner Center writes statuses capitalised ("Suspended"): each is read in any case,
    a deleted subscription gets no checklist and a stopped one no task to stop it."""
    migration = next(m for m in MIGRATIONS if m.procedure.act is not None)
    offer = migration.retired.offers[0].name
    statuses = ["Active", "Pending", "None", "Suspended", "Expired", "Disabled", "Deleted"]
    source = tmp_path / f"c.{fmt}"
    if fmt == "csv":
        rows = [
            "customerId,companyName,culture,subscriptionId,offerName,quantity,"
            "commitmentEndDate,status"
        ]
        rows += [f"c-{s},{s} Co,en-US,s-1,{offer},4,2026-12-01,{s}" for s in statuses]
        source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    else:
        customers = [
            {
                "id": f"c-{s}",
                "companyProfile": {"companyName": f"{s} Co"},
                "billingProfile": {"culture": "en-US"},
                "subscriptions": [
                    {
                        "id": "s-1",
                        "offerName": offer,
                        "quantity": 4,
                        "commitmentEndDate": "2026-12-01",
                        "status": s,
                    }
                ],
            }
            for s in statuses
        ]
        source.write_text(json.dumps({"items": customers}), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "checklists",
            str(source),
            "--project",
            str(ROOT),
            "--out",
            str(out),
            "--as-of",
            AS_OF.isoformat(),
        ],
    )
    assert result.exit_code == 0, result.output
    for status in statuses:
        found = list(out.glob(f"{status.lower()}-co-*.md"))
        if status == "Deleted":
            assert not found
            continue
        tasks = _tasks(found[0].read_text(encoding="utf-8"))
        stops = [t for t in tasks if t.startswith("Once the tasks above are done")]
        assert len(stops) == (status.lower() not in STOPPED), status


def test_the_demo_shows_every_case_in_every_shipped_language(tmp_path: Any) -> None:
    """content/customers.example.json is what reviewers and partners read first: every
    shipped language has an overdue, an urgent and a no-deadline subscription, and the
    demo has usage-based and already suspended, expired and disabled ones."""
    demo = ROOT / "content" / "customers.example.json"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "checklists",
            str(demo),
            "--project",
            str(ROOT),
            "--out",
            str(out),
            "--as-of",
            AS_OF.isoformat(),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    shown: dict[str, set[str]] = {}
    for customer in summary["customers"]:
        for sub in customer["subscriptions"]:
            shown.setdefault(customer["locale"], set()).add(sub["status"])
    for locale_id in LOCALES:
        assert {"overdue", "urgent", "no-deadline"} <= shown.get(locale_id, set()), locale_id
    subscriptions = [s for c in summary["customers"] for s in c["subscriptions"]]
    assert any(not s["licensed"] for s in subscriptions)
    data = json.loads(demo.read_text(encoding="utf-8"))["items"]
    statuses = set()
    for customer in data:
        held = customer["subscriptions"]
        statuses |= {s["status"] for s in (held["items"] if isinstance(held, dict) else held)}
    assert set(STOPPED) <= statuses
