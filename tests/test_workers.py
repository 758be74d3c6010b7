"""Issue 18, worker processes: no process outlives a run, however the run ends; a worker
that cannot start or dies costs time, never the result, a hang or a traceback."""

from __future__ import annotations

import errno
import multiprocessing
import multiprocessing.process
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks import workers as check_workers
from sunsetkit.content.load import load_glossary

from .conftest import ROOT
from .test_check_cli import _catalog_folder
from .test_robust import _customers
from .test_robust import _tree as snapshot

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="process groups and ps are POSIX")
#: Customers enough for an input over checklists' PARALLEL_BYTES: pages made by a worker.
LARGE = 4000
AS_OF = "2026-11-21"


def _checklists(source: Path, out: Path, fmt: str = "both") -> list[str]:
    code = "from sunsetkit.cli import main; main()"
    args = ["checklists", str(source), "--project", str(ROOT), "--out", str(out)]
    return [sys.executable, "-c", code, *args, "--as-of", AS_OF, "--format", fmt]


def _processes() -> list[tuple[int, int, int, str]]:
    """(pid, parent pid, process group, state) of every process, from ps."""
    lines = subprocess.run(
        ["ps", "-A", "-o", "pid=,ppid=,pgid=,stat="], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = [line.split() for line in lines if line.strip()]
    return [(int(p), int(pp), int(g), s) for p, pp, g, s, *_ in rows]


def _alive_in_group(group: int) -> list[int]:
    return [pid for pid, _, g, state in _processes() if g == group and not state.startswith("Z")]


def _children(pid: int) -> list[int]:
    return [p for p, parent, _, state in _processes() if parent == pid and state[:1] != "Z"]


def _wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.05)


def _pages_being_made(out: Path) -> bool:
    """The worker writes HTML pages into the run's staging folder."""
    return any(any(stage.glob("*.html")) for stage in out.parent.glob(f".{out.name}.sunset-new-*"))


@pytest.fixture(scope="module")
def large_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("large") / "customers.json"
    _customers(source, LARGE)
    assert source.stat().st_size > 1 << 20, "must be large enough for a page worker"
    return source


@POSIX
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_run_leaves_no_process_no_open_pipe_and_no_litter(
    tmp_path: Path, large_input: Path, how: signal.Signals
) -> None:
    out = tmp_path / "out"
    run = subprocess.Popen(
        _checklists(large_input, out),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: whatever it starts is found by it
    )
    try:
        _wait_for(lambda: _pages_being_made(out), 120, "the worker to write pages")
        assert _children(run.pid), "the run has its page worker"
        run.send_signal(how)
        # The pipes reach their end: no worker holds the caller's stdout or stderr.
        run.communicate(timeout=20)
        _wait_for(lambda: not _alive_in_group(run.pid), 20, "every process of the run to end")
    finally:
        for pid in _alive_in_group(run.pid):
            os.kill(pid, signal.SIGKILL)
    small = tmp_path / "small.json"
    _customers(small, 3)
    subprocess.run(_checklists(small, out), check=True, capture_output=True)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["out", "small.json"], "the next run removes the killed run's staging folder"


@POSIX
def test_a_worker_killed_mid_run_is_redone_and_the_output_is_whole(
    tmp_path: Path, large_input: Path
) -> None:
    reference = tmp_path / "reference"
    subprocess.run(_checklists(large_input, reference), check=True, capture_output=True)
    out = tmp_path / "out"
    run = subprocess.Popen(
        _checklists(large_input, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _wait_for(lambda: _pages_being_made(out), 120, "the worker to write pages")
    workers = _children(run.pid)
    assert workers
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    assert b"Traceback" not in stderr + stdout and b"BrokenProcessPool" not in stderr
    assert snapshot(out) == snapshot(reference)


# --- sunset check's workers ------------------------------------------------------------


def _serial(folder: Path) -> list[object]:
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    return list(run_checks([folder], CheckOptions(glossary=glossary, jobs=1)).findings)


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_check_worker_that_cannot_start_is_no_hang_and_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    """The nth process start fails (no more processes allowed, no memory): the started
    workers are stopped and this process checks everything; nothing waits forever."""
    folder = _catalog_folder(tmp_path)
    expected = _serial(folder)
    start = multiprocessing.process.BaseProcess.start
    started = []

    def start_or_fail(process: multiprocessing.process.BaseProcess) -> None:
        started.append(process)
        if len(started) == failing:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        start(process)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_or_fail)
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    began = time.monotonic()
    result = run_checks([folder], CheckOptions(glossary=glossary, jobs=4))
    assert list(result.findings) == expected
    assert time.monotonic() - began < 60
    assert len(started) >= failing
    assert not [p for p in multiprocessing.active_children() if p in started]


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the dying check reaches the workers through fork's copy of this process",
)
@pytest.mark.parametrize("after", [0, 2, 5])
def test_a_check_worker_killed_mid_run_gives_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    folder = _catalog_folder(tmp_path)
    expected = _serial(folder)
    real = check_workers.check_catalog_file
    marker = tmp_path / "killed"
    done: list[Path] = []

    def check_or_die(path: Path, options: CheckOptions) -> object:
        done.append(path)
        if multiprocessing.parent_process() is not None and len(done) > after:
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, options)

    monkeypatch.setattr(check_workers, "check_catalog_file", check_or_die)
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    result = run_checks([folder], CheckOptions(glossary=glossary, jobs=3))
    assert marker.exists(), "a worker was killed"
    assert list(result.findings) == expected
    assert not multiprocessing.active_children()


def _wait_to_be_killed(started: Any) -> None:
    started.set()  # after the fork hooks ran
    time.sleep(60)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="only a fork copies locks"
)
def test_a_forked_child_holds_no_copy_of_the_staging_folder_lock(tmp_path: Path) -> None:
    """Were a worker to outlive its run, the run's stage must still be litter to the next."""
    from sunsetkit import write

    with write.OutputFolder(tmp_path / "out", "checklists") as folder:
        fork = multiprocessing.get_context("fork")
        started = fork.Event()
        child = fork.Process(target=_wait_to_be_killed, args=(started,))
        child.start()
        try:
            assert started.wait(60)
            assert folder._lock is not None
            folder._lock.release()  # the run is gone; only the child could hold the lock
            probe = write._FolderLock(folder.stage)
            assert probe.try_hold(), "the forked child kept the run's lock"
            probe.release()
        finally:
            child.kill()
            child.join()


def test_a_page_worker_that_cannot_start_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from sunsetkit.checklists.job import run_checklists
    from sunsetkit.project import Project

    source = tmp_path / "customers.json"
    _customers(source, 300)
    as_of = dt.date(2026, 11, 21)
    run_checklists(source, Project(ROOT), tmp_path / "serial", as_of, parallel=False)
    tried = []

    def cannot_start(process: multiprocessing.process.BaseProcess) -> None:
        tried.append(process)
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", cannot_start)
    run_checklists(source, Project(ROOT), tmp_path / "parallel", as_of, parallel=True)
    assert tried, "a worker was to start"
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "serial")


@POSIX
def test_a_killed_check_leaves_no_worker_and_no_open_pipe(tmp_path: Path) -> None:
    folder = _catalog_folder(tmp_path, count=400)
    code = "from sunsetkit.cli import main; main()"
    run = subprocess.Popen(
        [sys.executable, "-c", code, "check", str(folder), "--jobs", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: len(_children(run.pid)) >= 2, 120, "the check workers to start")
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=20)
        _wait_for(lambda: not _alive_in_group(run.pid), 20, "every process of the run to end")
    finally:
        for pid in _alive_in_group(run.pid):
            os.kill(pid, signal.SIGKILL)
