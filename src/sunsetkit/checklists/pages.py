"""HTML checklist pages and calendar events, made beside the main loop.

Converting a checklist's Markdown to HTML costs about as much as rendering it. For a
large input that work runs in one worker process while the main process reads, plans
and renders the Markdown, so a run over 100,000 customers takes little longer than the
Markdown alone. The main process reserves each page's file in the job's staging folder
(the name checked, its folder made); the worker writes the page there, so pages never
travel back between processes. Calendar events come back, in input order.

The worker dies with this process (see processes.py). A worker that cannot start or dies
mid-run costs time, not the run: its batches are made again in this process.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .. import processes
from ..guides.html import checklist_html, create_html_environment
from ..guides.site import LocaleContexts
from ..project import Project
from .overview import OverviewRow, calendar_event

__all__ = ["PageJob", "PagePipeline"]

HTML_TEMPLATE = "checklist.html.j2"
#: Customers per batch sent to the worker, and batches in flight (bounds the memory).
BATCH = 64
IN_FLIGHT = 4


@dataclass(frozen=True)
class PageJob:
    """One customer: the HTML page to make (if any) and the deadlines for the calendar."""

    #: Where to write the HTML page, a file reserved in the staging folder; None: no page.
    target: str | None
    markdown: str
    locale_id: str
    company: str
    page_key: str
    rows: tuple[OverviewRow, ...]


#: When a calendar event falls (deadline, customer, subscription), and the event.
Event = tuple[tuple[dt.date, str, str], str]
Result = list[Event]  # the customer's calendar events


class _Renderer:
    """Everything one process needs to make pages: templates and catalogs, loaded once."""

    def __init__(self, project: Project, as_of: dt.date) -> None:
        self.locales = LocaleContexts(project)
        self.template = create_html_environment(project.templates_dir).get_template(HTML_TEMPLATE)
        self.stamp = dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)

    def __call__(self, jobs: list[PageJob]) -> list[Result]:
        return [self.one(job) for job in jobs]

    def one(self, job: PageJob) -> Result:
        if job.target is not None:
            context = {
                **self.locales(job.locale_id),
                "company": job.company,
                "body": checklist_html(job.markdown),
                "page_key": job.page_key,
            }
            with Path(job.target).open("w", encoding="utf-8", newline="\n") as page:
                page.write(self.template.render(context))
        upcoming = [r for r in job.rows if r.days_left is not None and r.days_left >= 0]
        return [
            ((r.deadline, r.name, r.subscription_id), calendar_event(r, self.stamp))
            for r in upcoming
        ]


_WORKER: _Renderer | None = None


def _start_worker(project: Project, as_of: dt.date) -> None:
    global _WORKER
    _WORKER = _Renderer(project, as_of)


def _work(jobs: list[PageJob]) -> list[Result]:
    assert _WORKER is not None
    return _WORKER(jobs)


class PagePipeline:
    """Takes PageJobs in input order; writes each page and appends each customer's
    events to the calendar in the same order, in-process or through one worker."""

    def __init__(self, project: Project, as_of: dt.date, calendar: IO[str], parallel: bool) -> None:
        self.calendar = calendar
        self.project, self.as_of = project, as_of
        self.batch: list[PageJob] = []
        #: Every event, written in date order once all pages are made (a calendar app
        #: lists them as they stand; the customers come in the data's order).
        self.events: list[Event] = []
        self.pending: deque[tuple[list[PageJob], Future[list[Result]]]] = deque()
        self.renderer: _Renderer | None = None
        self.pool: ProcessPoolExecutor | None = None
        if parallel:
            self.pool = processes.new_pool(1, _start_worker, (project, as_of))
        else:
            self.renderer = _Renderer(project, as_of)

    def add(self, job: PageJob) -> None:
        if self.renderer is not None:
            self._take(self.renderer([job]))
            return
        self.batch.append(job)
        if len(self.batch) >= BATCH:
            self._submit()

    def close(self) -> None:
        """Finish every page, then write the calendar's events in date order; on an
        error the worker is stopped and nothing waits."""
        if self.pool is not None:
            self._submit()
            while self.pending:
                self._take_first()
            if self.pool is not None:
                self.pool.shutdown()
                self.pool = None
        self.events.sort(key=lambda event: event[0])
        self.calendar.write("".join(text for _, text in self.events))
        self.events = []

    def abort(self) -> None:
        if self.pool is not None:
            processes.stop_pool(self.pool)
            self.pool = None

    def _submit(self) -> None:
        assert self.pool is not None
        if self.batch:
            batch, self.batch = self.batch, []
            try:
                self.pending.append((batch, processes.submit(self.pool, _work, batch)))
            except processes.WorkerLost:
                self._in_process(later=[batch])
                return
        while len(self.pending) > IN_FLIGHT:
            self._take_first()

    def _take_first(self) -> None:
        batch, future = self.pending.popleft()
        try:
            self._take(processes.result(future))
        except processes.WorkerLost:
            self._in_process(first=[batch])

    def _in_process(
        self, first: Sequence[list[PageJob]] = (), later: Sequence[list[PageJob]] = ()
    ) -> None:
        """The worker is gone: make the batches in flight (after `first`, before `later`)
        and every later one here, in input order. A page it wrote is written again, whole."""
        self.abort()
        self.renderer = _Renderer(self.project, self.as_of)
        batches = [*first, *(batch for batch, _ in self.pending), *later]
        self.pending.clear()
        for batch in batches:
            self._take(self.renderer(batch))

    def _take(self, results: list[Result]) -> None:
        for events in results:
            self.events += events
