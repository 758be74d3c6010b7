"""The checklists job: customer data in, one checklist per affected customer out.

The input is streamed; every checklist is written into a staging folder as soon as it
is rendered, and moved into the output folder only when the whole input was read
without an error (or with --skip-invalid). One Jinja environment and one compiled
template serve every customer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import ContentError
from ..i18n import SOURCE_LOCALE, Translator, discover_catalogs, load_catalog
from ..load import load_glossary, load_migrations
from ..project import Project
from ..render import (
    Vocabulary,
    create_environment,
    render,
    render_template,
    translation_context,
)
from ..write import OutputFolder
from .model import Customer, Plan
from .plan import Matcher, negotiate_locale, plan_customer
from .read import InvalidRecord, read_customers

__all__ = ["ChecklistResult", "run_checklists"]

TEMPLATE = "checklist.md.j2"
INDEX_TEMPLATE = "checklist-index.md.j2"


@dataclass
class ChecklistResult:
    written: int = 0
    unaffected: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class _Locales:
    """A translator and vocabulary per locale, made once and reused for every customer."""

    project: Project
    available: dict[str, Path]
    glossary: Any
    cache: dict[str, dict[str, Any]] = field(default_factory=dict)

    def context(self, locale_id: str) -> dict[str, Any]:
        if locale_id not in self.cache:
            catalog = (
                None
                if locale_id == SOURCE_LOCALE
                else load_catalog(self.available[locale_id], locale_id)
            )
            self.cache[locale_id] = translation_context(
                Translator(catalog), Vocabulary(self.glossary, locale_id)
            )
        return self.cache[locale_id]


def run_checklists(
    source: Path,
    project: Project,
    out: Path,
    as_of: dt.date,
    forced_locale: str | None = None,
    skip_invalid: bool = False,
    guides: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ChecklistResult:
    migrations = load_migrations(project.migrations_dir)
    matcher = Matcher(migrations)
    available = discover_catalogs(project.locales_dir)
    locales = _Locales(project, available, load_glossary(project.glossary_path))
    choices = [SOURCE_LOCALE, *available]
    env = create_environment(project.templates_dir)
    template = env.get_template(TEMPLATE)
    guide_link = _guide_link(out, guides or project.root / "build" / "guides")

    result = ChecklistResult()
    rows: list[IndexRow] = []
    seen: set[str] = set()
    with OutputFolder(out, "checklists") as tree:
        with tree.open("summary.json") as summary:
            summary.write(f'{{"as_of": "{as_of.isoformat()}",\n"customers": [')
            for where, record in read_customers(source, progress):
                if not isinstance(record, InvalidRecord) and record.id in seen:
                    record = InvalidRecord(where, f"customer id {record.id!r} appears twice")
                if isinstance(record, InvalidRecord):
                    _invalid(where, record, skip_invalid, result)
                    continue
                seen.add(record.id)
                locale_id = forced_locale or _locale(record, choices, result)
                try:
                    plan = plan_customer(record, matcher, locale_id, as_of, guide_link)
                except ValueError as exc:
                    _invalid(where, InvalidRecord(where, str(exc)), skip_invalid, result)
                    continue
                if plan is None:
                    result.unaffected += 1
                    continue
                context = {**locales.context(locale_id), "plan": plan}
                tree.write(plan.file, render(template, context))
                summary.write(
                    ("," if result.written else "")
                    + "\n"
                    + json.dumps(_summary_entry(plan), ensure_ascii=False)
                )
                result.written += 1
                rows += _index_rows(plan)
            summary.write(
                f'\n],\n"unaffected": {result.unaffected},\n"warnings": '
                f"{json.dumps(result.warnings, ensure_ascii=False, indent=1)}}}\n"
            )
        if result.skipped and not result.written + result.unaffected:
            raise ContentError(
                f"every record was invalid ({result.skipped} skipped): nothing to write",
                source,
                hint="fix the records; the earlier checklists are kept",
            )
        tree.write("index.md", _index(env, rows, result.written, as_of))
        result.removed = tree.commit()
    return result


def _invalid(where: str, record: InvalidRecord, skip: bool, result: ChecklistResult) -> None:
    if not skip:
        raise ContentError(
            record.message, where, hint="fix the record, or pass --skip-invalid to leave it out"
        )
    result.skipped += 1
    result.warnings.append(f"{where}: skipped: {record.message}")


def _locale(customer: Customer, choices: list[str], result: ChecklistResult) -> str:
    found = negotiate_locale(customer.culture, choices)
    if found is None:
        result.warnings.append(
            f"customer {customer.id}: no catalog for culture {customer.culture!r}; "
            f"the checklist is in {SOURCE_LOCALE}"
        )
        return SOURCE_LOCALE
    return found


def _guide_link(out: Path, guides: Path) -> str:
    relative = Path(os.path.relpath(guides.resolve(), out.resolve())).as_posix()
    return relative + "/{locale}/{id}.md"


def _summary_entry(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.customer.id,
        "name": plan.customer.name,
        "locale": plan.locale_id,
        "file": plan.file,
        "subscriptions": [
            {
                "subscription_id": item.subscription.id,
                "offer_name": item.subscription.offer_name,
                "migration": item.migration.id,
                "quantity": item.subscription.quantity,
                "deadline": item.deadline.isoformat(),
                "days_left": item.days_left,
                "status": item.urgency,
            }
            for item in plan.items
        ],
    }


class IndexRow(NamedTuple):
    """One line of the partner's overview; fields in sort order (soonest deadline first).

    A tuple, not a dict: a run over 100,000 customers keeps every row until the end."""

    deadline: dt.date
    name: str
    subscription_id: str
    days_left: int
    urgency: str
    file: str
    locale: str
    offer: str
    quantity: int


def _index_rows(plan: Plan) -> list[IndexRow]:
    return [
        IndexRow(
            item.deadline,
            plan.customer.name,
            item.subscription.id,
            item.days_left,
            item.urgency,
            plan.file,
            plan.locale_id,
            sys.intern(item.subscription.offer_name or ""),
            item.subscription.quantity,
        )
        for item in plan.items
    ]


def _index(env: Any, rows: list[IndexRow], customers: int, as_of: dt.date) -> str:
    rows.sort()
    return render_template(
        env,
        INDEX_TEMPLATE,
        {
            "rows": rows,
            "customers": customers,
            "as_of": as_of,
            "overdue": sum(r.urgency == "overdue" for r in rows),
            "urgent": sum(r.urgency == "urgent" for r in rows),
        },
    )
