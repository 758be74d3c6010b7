"""Catalogs checked by this process and worker processes together.

Every process takes the next file from one shared counter, largest files first, so no
core waits while another still has a queue (file size predicts the work poorly). The
workers start at once: while this process reads the project's glossary and names, they
parse catalogs ahead (parsing needs neither), and check them when the project arrives.
Only findings travel back. Results come back in path order.

The workers die with this process (see processes.py). Should one fail to start or die
mid-run, the workers are stopped and this process checks every catalog itself: slower,
the same findings, never a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
from pathlib import Path
from typing import Any

from .. import processes
from ..errors import SunsetError
from ..i18n import StrictCatalog
from .catalog_file import Outcome, check_catalog_file, check_read_catalog, read_catalog_file
from .options import CheckOptions, ProjectReader, ProjectTerms

__all__ = ["check_in_parallel"]

#: Bytes of catalogs a worker parses ahead while the project is read (bounds its memory).
PARSE_AHEAD = 8 << 20
_STOP = "stop"  # sent instead of the project when reading it failed

Taken = list[tuple[int, Outcome]]


def check_in_parallel(
    paths: list[Path], options: CheckOptions, jobs: int, project: ProjectReader | None
) -> tuple[list[Outcome], CheckOptions]:
    """Every catalog's outcome, in path order, and the options with the project read."""
    once = _ProjectOnce(options, project)
    try:
        return _check_with_workers(paths, once, jobs)
    except processes.WorkerLost:
        options = once.read()
        return [check_catalog_file(path, options) for path in paths], options


def _check_with_workers(
    paths: list[Path], once: _ProjectOnce, jobs: int
) -> tuple[list[Outcome], CheckOptions]:
    options = once.options
    order = sorted(range(len(paths)), key=lambda i: (-_size(paths[i]), i))
    files = [paths[i] for i in order]
    context = multiprocessing.get_context()
    shared = (context.Value("i", 0), context.Queue())
    taken: list[Taken] = []
    gc.freeze()  # forked workers share the start-up heap instead of copying it on write
    try:
        with processes.worker_pool(jobs - 1, _share, shared, context) as pool:
            waiting = once.project is not None
            futures = []
            try:
                for _ in range(jobs - 1):
                    futures.append(processes.submit(pool, _take_files, files, options, waiting))
            finally:  # the workers started wait for the project: give it, or _STOP
                _share(*shared)
                options = _read_project(once, len(futures))
            taken.append(_take_files(files, options, waiting=False))
            taken += [processes.result(future) for future in futures]
    finally:
        gc.unfreeze()
        # Should a worker have died before taking the project, its copy must not hold up
        # this process's exit.
        shared[1].close()
        shared[1].cancel_join_thread()
    collected = {order[position]: outcome for share in taken for position, outcome in share}
    return [collected[index] for index in range(len(paths))], options


class _ProjectOnce:
    """The options with the project read, read at most once (again after a lost worker)."""

    def __init__(self, options: CheckOptions, project: ProjectReader | None) -> None:
        self.options, self.project = options, project
        self.terms: ProjectTerms | None = None

    def read(self) -> CheckOptions:
        if self.project is None:
            return self.options
        if self.terms is None:
            self.terms = self.project()
        return self.options.with_project(self.terms)


def _read_project(once: _ProjectOnce, workers: int) -> CheckOptions:
    """Read the project and hand it to every worker; on an error, stop them first."""
    if once.project is None:
        return once.options
    message: ProjectTerms | str = _STOP
    try:
        options = once.read()
        message = once.terms if once.terms is not None else _STOP
        return options
    finally:
        for _ in range(workers):
            _INBOX.put(message)


_COUNTER: Any = None  # the position of the next file, shared by every process of a run
_INBOX: Any = None  # the project, for the workers, once this process has read it


def _share(counter: Any, inbox: Any) -> None:
    global _COUNTER, _INBOX  # one of each per process, set as the pool starts it
    _COUNTER, _INBOX = counter, inbox


def _next_position() -> int:
    with _COUNTER.get_lock():
        position: int = _COUNTER.value
        _COUNTER.value += 1
    return position


def _take_files(files: list[Path], options: CheckOptions, waiting: bool) -> Taken:
    """Check the next file until none is left; (position, outcome) each. While `waiting`
    for the project, parse files ahead and check them once it has come."""
    done: Taken = []
    if waiting:
        ahead, received = _parse_ahead(files)
        if received == _STOP:
            return done
        options = options.with_project(received)
        done = [(p, check_read_catalog(files[p], catalog, options)) for p, catalog in ahead]
    while (position := _next_position()) < len(files):
        done.append((position, check_catalog_file(files[position], options)))
    return done


def _parse_ahead(files: list[Path]) -> tuple[list[tuple[int, StrictCatalog | SunsetError]], Any]:
    """Parse the next files until the project (or _STOP) comes, and return it with them.
    The inbox is always emptied, even when no file was left to parse."""
    ahead: list[tuple[int, StrictCatalog | SunsetError]] = []
    parsed = 0
    while (received := _receive(block=parsed >= PARSE_AHEAD)) is None:
        position = _next_position()
        if position >= len(files):
            return ahead, _receive(block=True)
        ahead.append((position, read_catalog_file(files[position])))
        parsed += _size(files[position])
    return ahead, received


def _receive(block: bool) -> Any:
    """The project (or _STOP) from the inbox; None if it has not come yet."""
    try:
        return _INBOX.get(block=block)
    except queue.Empty:
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
