"""Every benchmark runs, tiny, in the suite: a benchmark that nothing runs rots.

Each benchmarks/bench_*.py is found here with no edit and run with `--tiny` in its own
process, as a person runs it. It must finish, print its `ratio` line, and fail (non-zero,
no ratio) when what it measures cannot run: here, a project whose definitions use shared
steps that its content/steps.yaml, removed, no longer has; the failure that once made
the guides benchmark crash.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))
RATIO = re.compile(r"^ratio\b.*\d\.\d\dx", re.MULTILINE)


def tiny(script: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), "--tiny", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_benchmarks_are_found() -> None:
    assert BENCHMARKS, "no benchmarks/bench_*.py found"


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_tiny_benchmark_runs_and_prints_its_ratio(script: Path, tmp_path: Path) -> None:
    done = tiny(script, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert RATIO.search(done.stdout), done.stdout


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_tiny_benchmark_fails_when_sunset_cannot_run(
    script: Path, project_copy: Path, tmp_path: Path
) -> None:
    (project_copy / "content" / "steps.yaml").unlink()
    done = tiny(script, tmp_path, "--project", str(project_copy))
    assert done.returncode != 0, done.stdout
    assert not RATIO.search(done.stdout), done.stdout
    assert "no shared step" in done.stderr, done.stderr
