"""Worker processes that never outlive the run that started them.

A run killed by SIGKILL or SIGTERM runs no clean-up code, so its workers must end by
themselves. Each worker (started through `worker_pool`):

- watches its parent: a thread waits on multiprocessing's parent sentinel (a pipe whose
  other end only the parent holds on POSIX, the parent's process handle on Windows) and
  ends the worker the moment the parent is gone, however it ended;
- writes to no terminal: its stdout and stderr point at the null device, so a pipe that
  reads the caller's output reaches its end when the caller does;
- holds no lock of its parent (write.py drops its locks in a forked child).

A worker that cannot start or dies is `WorkerLost`; callers then do the work in-process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

__all__ = ["WorkerLost", "new_pool", "result", "stop_pool", "submit", "worker_pool"]

T = TypeVar("T")

#: A worker's exit code when its parent is gone (nobody reads it; for a person's `ps`).
_ORPHANED = 3


class WorkerLost(Exception):
    """A worker process could not start, or died before finishing its work."""


@contextlib.contextmanager
def worker_pool(
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    context: Any = None,
) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with this process. On any error the workers are
    killed before the block is left, so none keeps running or holds up the exit."""
    pool = new_pool(workers, initializer, initargs, context)
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def new_pool(
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    context: Any = None,
) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process; end it with stop_pool."""
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(initializer, initargs)
    )


def submit(pool: ProcessPoolExecutor, work: Callable[..., T], *args: Any) -> Future[T]:
    """pool.submit; WorkerLost when a worker cannot start (the pool starts them here)."""
    try:
        return pool.submit(work, *args)
    except (OSError, BrokenProcessPool) as exc:
        raise WorkerLost(f"a worker process could not start: {exc}") from exc


def result(future: Future[T]) -> T:
    """future.result(); WorkerLost when the worker died meanwhile."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerLost(f"a worker process ended early: {exc}") from exc


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers and wait until they are gone; nothing waits for their work."""
    # The executor has no public way to end its workers before Python 3.14; without it a
    # worker that is waiting (for a task, or for data from a process that failed) would
    # keep this process from exiting. Taken first: shutdown() forgets them.
    processes: dict[int, Any] = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    for process in processes.values():
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join()


def _start(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    """Runs first in every worker."""
    _watch_parent()
    _silence()
    initializer(*initargs)


def _watch_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing: nobody to watch
        return
    sentinel = parent.sentinel

    def wait_for_parent() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(_ORPHANED)  # no clean-up: the parent's run is over, its folders are litter

    threading.Thread(target=wait_for_parent, name="sunset-parent-watch", daemon=True).start()


def _silence() -> None:
    """Point stdout and stderr at the null device: the caller's streams stay the caller's."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in (1, 2):
            with contextlib.suppress(OSError):
                os.dup2(null, fd)
    finally:
        os.close(null)
