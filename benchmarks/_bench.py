"""What the benchmarks share: their command line, a project to build, checked commands.

A benchmark that nothing runs rots. Every `bench_*.py` takes `--tiny` (the same code
path at its smallest sizes, one round: seconds) and `--project` (the sunset project it
reads; this one by default), and tests/test_benchmarks.py runs each with `--tiny`. A
benchmark exits non-zero, and prints no ratio, when anything it measures fails: an
exception, a command with an exit status it does not expect, an implausible result (no
pages written, fewer files checked than given). Its last figures go on a line that
starts with `ratio`.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import subprocess
import tempfile
import time
from collections.abc import Collection
from pathlib import Path
from typing import IO, NoReturn

from sunsetkit.project import Project

ROOT = Path(__file__).resolve().parent.parent


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser with the options every benchmark has, described by its docstring."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument(
        "--tiny",
        action="store_true",
        help="the smallest sizes and one round (seconds): the test suite runs this",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT,
        help="the sunset project to read (default: this one)",
    )
    return parser


def fail(message: str) -> NoReturn:
    """Stop the benchmark: exit status 1, the message on stderr, no ratio printed."""
    raise SystemExit(f"benchmark failed: {message}")


def expect(condition: bool, message: str) -> None:
    if not condition:
        fail(message)


def run(
    args: list[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    ok: Collection[int] | None = (0,),
) -> tuple[float, str]:
    """Run a command; its wall time and the end of its output.

    Output goes to a file, not a pipe, so that the command runs as it would with its
    output redirected. An exit status outside `ok` fails the benchmark (None: any
    status, for a peer whose failure the caller reports itself).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        done = subprocess.run(args, input=stdin, cwd=cwd, stdout=out, stderr=err, check=False)
        elapsed = time.perf_counter() - start
        if ok is not None and done.returncode not in ok:
            fail(f"`{shlex.join(args)}` exited with {done.returncode}:\n{_tail(err)}")
        return elapsed, _tail(out)


def _tail(handle: IO[bytes], size: int = 4096) -> str:
    end = handle.seek(0, 2)
    handle.seek(max(0, end - size))
    return handle.read().decode("utf-8", errors="replace")


def copy_project(source: Path, copies: int) -> Path:
    """A temporary project with everything `source` has that a build reads, and each
    definition `copies` times under new ids.

    The folders copied are those a Project points into (content/ whole: definitions,
    shared steps, glossary, images; templates/; locales/), so a new input file is copied
    with no edit here.
    """
    project = Project(source)
    paths = [
        getattr(project, name)
        for name, value in vars(Project).items()
        if isinstance(value, property)
    ]
    root = Path(tempfile.mkdtemp(prefix="sunset-bench-"))
    for top in sorted({path.relative_to(source).parts[0] for path in paths}):
        shutil.copytree(source / top, root / top)
    folder = Project(root).migrations_dir
    for definition in sorted(folder.glob("*.yaml")):
        text = definition.read_text(encoding="utf-8")
        ids = _ID.findall(text)
        expect(len(ids) == 1, f"{definition}: expected one top-level `id:` line, found {ids}")
        definition.unlink()
        for n in range(copies):
            ident = f"{ids[0]}-{n}"
            renamed = _ID.sub(f"id: {ident}", text, count=1)
            (folder / f"{ident}.yaml").write_text(renamed, encoding="utf-8")
    return root


_ID = re.compile(r"^id:[ \t]*([^\s#]+)[ \t]*$", re.MULTILINE)


def count_files(folder: Path, suffix: str) -> int:
    return sum(1 for path in folder.rglob(f"*{suffix}") if path.is_file())
