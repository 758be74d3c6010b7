"""The checklists job: customer data in, one checklist per affected customer out.

The input is streamed; every checklist is written into a staging folder as soon as it
is rendered, and moved into the output folder only when the whole input was read
without an error (or with --skip-invalid). One Jinja environment and one compiled
template serve every customer. The HTML checklist is the Markdown one converted by
markdown-it, so both always say the same; the overview, overview.csv, deadlines.ics and
the guides the checklists link are written through the same staging folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from ..content.load import load_glossary, load_migrations
from ..errors import ContentError, UsageError
from ..guides.html import create_html_environment, html_name
from ..guides.site import LocaleContexts, guide_pages
from ..i18n import SOURCE_LOCALE
from ..project import Project
from ..render import create_environment, render
from ..write import OutputFolder
from .model import Customer, Plan
from .overview import (
    NO_DEADLINE,
    Overview,
    OverviewRow,
    calendar_head,
    calendar_tail,
    count,
    write_csv,
)
from .pages import PageJob, PagePipeline
from .plan import Matcher, file_name, negotiate_locale, plan_customer
from .read import InvalidRecord, read_customers
from .summary import customer_entry, envelope_head, envelope_tail

__all__ = [
    "FORMATS",
    "ChecklistFormat",
    "ChecklistResult",
    "count",
    "guide_link",
    "run_checklists",
]

TEMPLATE = "checklist.md.j2"
#: Inputs larger than this make the HTML pages in a worker process, beside the main loop.
PARALLEL_BYTES = 1 << 20
ChecklistFormat = Literal["markdown", "html", "both"]
FORMATS: tuple[ChecklistFormat, ...] = ("markdown", "html", "both")
#: Where a checklist links its guide when no --guides-url is given: a copy in the folder.
LOCAL_GUIDES = "guides/{locale}/{id}.html"
#: Warnings printed one by one before the rest are only counted (all are in summary.json).
SHOWN_WARNINGS = 10


@dataclass
class ChecklistResult:
    written: int = 0
    unaffected: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Customers whose culture has no catalog, per culture.
    fallbacks: Counter[str] = field(default_factory=Counter)
    skipped_records: list[str] = field(default_factory=list)

    def grouped_warnings(self) -> list[str]:
        """What the terminal shows: one line per culture without a catalog, the first
        skipped records; the full list is in summary.json."""
        lines = [
            f"{count(n, 'customer')} {'has' if n == 1 else 'have'} culture "
            f"{culture}, which has no catalog: "
            f"{'its checklist is' if n == 1 else 'their checklists are'} in {SOURCE_LOCALE}"
            for culture, n in sorted(self.fallbacks.items())
        ]
        lines += self.skipped_records[:SHOWN_WARNINGS]
        hidden = len(self.skipped_records) - SHOWN_WARNINGS
        if hidden > 0:
            lines.append(f"{count(hidden, 'more record')} skipped (all listed in summary.json)")
        return lines


def run_checklists(
    source: Path,
    project: Project,
    out: Path,
    as_of: dt.date,
    forced_locale: str | None = None,
    skip_invalid: bool = False,
    guides_url: str | None = None,
    progress: Callable[[int], None] | None = None,
    fmt: ChecklistFormat = "both",
    parallel: bool | None = None,
) -> ChecklistResult:
    locales = LocaleContexts(project)
    result = ChecklistResult()
    glossary = load_glossary(project.glossary_path)
    planner = _Planner(
        Matcher(load_migrations(project.migrations_dir, glossary)),
        [SOURCE_LOCALE, *locales.available],
        forced_locale,
        skip_invalid,
        as_of,
        guide_link(guides_url),
        result,
    )
    env = create_environment(project.templates_dir)
    template = env.get_template(TEMPLATE)
    written = {"markdown": ("md",), "html": ("html",), "both": ("md", "html")}[fmt]
    if parallel is None:
        parallel = source.stat().st_size > PARALLEL_BYTES
    with OutputFolder(out, "checklists") as tree:
        with tree.open("summary.json") as summary, tree.open("deadlines.ics") as calendar:
            pages = PagePipeline(project, as_of, calendar, parallel)
            outputs = _Outputs(tree, written, summary, calendar, pages, Overview(as_of))
            try:
                for where, record in read_customers(source, progress):
                    plan = planner.plan(where, record)
                    if plan is not None:
                        outputs.add(
                            plan, render(template, {**locales(plan.locale_id), "plan": plan})
                        )
                outputs.finish(result)
            finally:
                pages.abort()
        if result.skipped and not result.written + result.unaffected:
            raise ContentError(
                f"every record was invalid ({result.skipped} skipped): nothing to write",
                source,
                hint="fix the records; the earlier checklists are kept",
            )
        html_env = create_html_environment(project.templates_dir)
        _write_overview(tree, outputs.overview, {"md": env, "html": html_env}, written)
        if guides_url is None:
            _write_guides(tree, project, locales, outputs.linked_guides)
        result.removed = tree.commit()
    return result


@dataclass
class _Planner:
    """A record to a customer's plan, or None (unaffected, or skipped when invalid)."""

    matcher: Matcher
    choices: list[str]
    forced_locale: str | None
    skip_invalid: bool
    as_of: dt.date
    link: str
    result: ChecklistResult
    seen: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)

    def plan(self, where: str, record: Customer | InvalidRecord) -> Plan | None:
        if not isinstance(record, InvalidRecord) and record.id in self.seen:
            record = InvalidRecord(where, f"customer id {record.id!r} appears twice")
        if isinstance(record, InvalidRecord):
            _invalid(where, record, self.skip_invalid, self.result)
            return None
        self.seen.add(record.id)
        locale_id = self.forced_locale or _locale(record, self.choices, self.result)
        try:
            plan = plan_customer(record, self.matcher, locale_id, self.as_of, self.link)
        except ValueError as exc:
            _invalid(where, InvalidRecord(where, str(exc)), self.skip_invalid, self.result)
            return None
        if plan is None:
            self.result.unaffected += 1
        elif plan.file in self.files:  # two ids' hashes alike in 12 digits: use all 64
            plan = dataclasses.replace(plan, file=file_name(record, 64, plan.locale_id))
        if plan is not None:
            self.files.add(plan.file)
        return plan


@dataclass
class _Outputs:
    """Where each planned customer goes: its checklists, its summary entry, its calendar
    events and its overview rows."""

    tree: OutputFolder
    written: tuple[str, ...]
    summary: IO[str]
    calendar: IO[str]
    pages: PagePipeline
    overview: Overview
    count: int = 0
    linked_guides: set[tuple[str, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.summary.write(envelope_head(self.overview.as_of.isoformat()))
        self.calendar.write(calendar_head())

    def add(self, plan: Plan, markdown: str) -> None:
        if "md" in self.written:
            self.tree.write(plan.file, markdown)
        rows = _overview_rows(plan)
        html = str(self.tree.reserve(html_name(plan.file))) if "html" in self.written else None
        self.pages.add(
            PageJob(html, markdown, plan.locale_id, plan.customer.name, _stem(plan), tuple(rows))
        )
        entry = json.dumps(customer_entry(plan, self.written), ensure_ascii=False)
        self.summary.write(("," if self.count else "") + "\n" + entry)
        self.count += 1
        self.overview.rows += rows
        self.overview.customers_by_locale[plan.locale_id] += 1
        self.linked_guides.update((plan.locale_id, item.migration.id) for item in plan.items)

    def finish(self, result: ChecklistResult) -> None:
        self.pages.close()
        self.calendar.write(calendar_tail())
        result.written = self.count
        self.summary.write(envelope_tail(result.unaffected, result.warnings))


def guide_link(guides_url: str | None) -> str:
    """The link template of a checklist's guide, checked: {locale} and {id} only."""
    if guides_url is None:
        return LOCAL_GUIDES
    try:
        guides_url.format(locale="nl-NL", id="x")
    except (KeyError, IndexError, ValueError) as exc:
        raise UsageError(
            f"--guides-url {guides_url!r}: {exc!r} is not a placeholder it knows",
            hint="use {locale} and {id}, e.g. https://learn.example.com/{locale}/{id}",
        ) from exc
    if any(c.isspace() or c in "<>()" for c in guides_url) or "://" not in guides_url:
        raise UsageError(
            f"--guides-url {guides_url!r} is not an absolute URL",
            hint="give a URL such as https://learn.example.com/{locale}/partner-center/{id}",
        )
    return guides_url


def _stem(plan: Plan) -> str:
    return plan.file.removesuffix(".md")


def _write_overview(
    tree: OutputFolder, overview: Overview, envs: dict[str, Any], written: Collection[str]
) -> None:
    for relative, text in overview.render(envs, written):
        tree.write(relative, text)
    extension = "html" if "html" in written else "md"
    with tree.open("overview.csv") as handle:
        write_csv(handle, overview.rows, extension)


def _write_guides(
    tree: OutputFolder, project: Project, locales: LocaleContexts, linked: set[tuple[str, str]]
) -> None:
    """The guides the checklists link, as HTML in guides/: the folder is whole wherever it
    is moved. Each guide's language switcher offers the locales the folder has."""
    if not linked:
        return
    from ..guides import asset_paths, build_guides

    wanted_locales = sorted({loc for loc, _ in linked})
    wanted_ids = sorted({mid for _, mid in linked})
    # plain guides, not the preview's side-by-side form: a customer reads these, and the
    # English source on hover is for reviewers
    built = build_guides(project, wanted_locales, wanted_ids, "markdown")
    pages = [p for p in built.pages if (p.locale_id, p.migration_id) in linked]
    # the build rendered the images of every page it made: keep the linked pages' ones
    paths = asset_paths(load_migrations(project.migrations_dir), pages)
    assets = {path: built.assets[path] for path in paths}
    for relative, text in sorted({**guide_pages(pages, locales), **assets}.items()):
        tree.write(f"guides/{relative}", text)


def _invalid(where: str, record: InvalidRecord, skip: bool, result: ChecklistResult) -> None:
    if not skip:
        raise ContentError(
            record.message, where, hint="fix the record, or pass --skip-invalid to leave it out"
        )
    result.skipped += 1
    result.warnings.append(f"{where}: skipped: {record.message}")
    result.skipped_records.append(f"{where}: skipped: {record.message}")


def _locale(customer: Customer, choices: list[str], result: ChecklistResult) -> str:
    found = negotiate_locale(customer.culture, choices)
    if found is None:
        result.fallbacks[str(customer.culture)] += 1
        result.warnings.append(
            f"customer {customer.id}: no catalog for culture {customer.culture!r}; "
            f"the checklist is in {SOURCE_LOCALE}"
        )
        return SOURCE_LOCALE
    return found


def _overview_rows(plan: Plan) -> list[OverviewRow]:
    return [
        OverviewRow(
            item.deadline or NO_DEADLINE,
            plan.customer.name,
            item.subscription.id,
            item.days_left,
            item.urgency,
            _stem(plan),
            plan.locale_id,
            sys.intern(item.offer),
            item.subscription.quantity,
            plan.customer.id,
            item.licensed,
        )
        for item in plan.items
    ]
