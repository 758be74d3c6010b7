"""Issue 18, concurrent runs: one run at a time writes an output folder. The lock is
taken before the folder is claimed, so a command never adopts, mixes or removes the
output of another run; the loser fails at once with one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sunsetkit.errors import UsageError
from sunsetkit.write import MANIFEST, OutputFolder

from .conftest import ROOT
from .test_bad_input import _snapshot as snapshot
from .test_robust import _customers

#: Started together this many times: the interleaving differs from round to round.
ROUNDS = 4
CODE = "from sunsetkit.cli import main; main()"
BUSY = "another sunset run is writing"


def _build(out: Path) -> list[str]:
    return [sys.executable, "-c", CODE, "build", "--project", str(ROOT), "--out", str(out)]


def _checklists(source: Path, out: Path, as_of: str) -> list[str]:
    args = ["checklists", str(source), "--project", str(ROOT), "--out", str(out)]
    return [sys.executable, "-c", CODE, *args, "--as-of", as_of]


def _together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once, then wait for all."""
    running = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    done = []
    for process, command in zip(running, commands, strict=True):
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


def _assert_lost_cleanly(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sunset: error: "), run.stderr
    assert BUSY in lines[0] or "holds the output of `sunset" in lines[0], lines[0]


def _owner(folder: Path) -> str:
    return str(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["owner"])


def _pages_match_summary(folder: Path) -> None:
    """Every customer of summary.json has its pages, and no other page is there."""
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    listed = {f for c in summary["customers"] for f in c["files"]}
    present = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.suffix in (".md", ".html")
        and "guides" not in p.parts
        and p.stem not in ("overview", "index")
    }
    assert listed == present


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """What each command writes when it runs alone."""
    root = tmp_path_factory.mktemp("alone")
    source = root / "customers.json"
    _customers(source, 150)
    outputs = {
        "build": _build(root / "build"),
        "2026-11-21": _checklists(source, root / "2026-11-21", "2026-11-21"),
        "2026-12-01": _checklists(source, root / "2026-12-01", "2026-12-01"),
    }
    for command in outputs.values():
        subprocess.run(command, check=True, capture_output=True)
    return {name: snapshot(root / name) for name in outputs}


def test_build_and_checklists_into_one_new_folder_never_share_it(
    tmp_path: Path, references: dict[str, dict[str, bytes]]
) -> None:
    source = tmp_path / "customers.json"
    _customers(source, 150)
    for round_ in range(ROUNDS):
        out = tmp_path / f"out{round_}"
        build, checklists = _together(_build(out), _checklists(source, out, "2026-11-21"))
        winners = [r for r in (build, checklists) if r.returncode == 0]
        assert len(winners) == 1, (build.stderr, checklists.stderr)
        for run in (build, checklists):
            if run.returncode:
                _assert_lost_cleanly(run)
        name = "build" if build.returncode == 0 else "2026-11-21"
        assert snapshot(out) == references[name], "the folder holds one command's output only"
        assert _owner(out) == ("build" if name == "build" else "checklists")
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f".out{round_}"))
        assert left == [], "no lock or staging folder is left"


def test_two_checklists_runs_into_one_folder_leave_one_runs_output(
    tmp_path: Path, references: dict[str, dict[str, bytes]]
) -> None:
    source = tmp_path / "customers.json"
    _customers(source, 150)
    out = tmp_path / "out"
    for round_ in range(ROUNDS):
        runs = _together(
            _checklists(source, out, "2026-11-21"), _checklists(source, out, "2026-12-01")
        )
        assert any(r.returncode == 0 for r in runs)
        for run in runs:
            if run.returncode:
                _assert_lost_cleanly(run)
        tree = snapshot(out)
        assert tree in (references["2026-11-21"], references["2026-12-01"]), round_
        _pages_match_summary(out)


@pytest.mark.parametrize("command", ["build", "checklists"])
def test_a_run_while_another_writes_the_folder_fails_at_once_and_touches_nothing(
    tmp_path: Path, command: str
) -> None:
    """The interleaving forced: this process holds the folder (a run between its claim
    and its swap) while a command starts on it."""
    source = tmp_path / "customers.json"
    _customers(source, 5)
    for out in (tmp_path / "new" / "deeper", tmp_path / "existing"):
        if out.name == "existing":
            subprocess.run(_checklists(source, out, "2026-11-21"), check=True, capture_output=True)
        before = snapshot(out)
        with OutputFolder(out, "checklists") as held:
            held.write("mine.md", "the holder's\n")
            cli = _build(out) if command == "build" else _checklists(source, out, "2026-12-01")
            run = subprocess.run(cli, capture_output=True, text=True, timeout=120)
            assert run.returncode == 2 and BUSY in run.stderr, run.stderr
            assert len(run.stderr.strip().splitlines()) == 1
            assert snapshot(out) == before
            with pytest.raises(UsageError, match=BUSY):  # in this process as well
                OutputFolder(out, "checklists").__enter__()
            held.commit()
        assert snapshot(out)["mine.md"] == b"the holder's\n"
    leftovers = [p.name for p in tmp_path.rglob(".*sunset-*") if p.name != MANIFEST]
    assert leftovers == []


def test_the_lock_file_of_a_killed_run_is_reused_and_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / ".out.sunset-run").write_bytes(b"")  # left by a run killed holding it
    with OutputFolder(out, "checklists") as folder:
        folder.write("a.md", "a\n")
        folder.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
