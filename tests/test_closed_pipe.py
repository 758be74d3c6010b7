"""A reader that stops reading (`sunset check --list | head -1`) is no error.

Each command that prints runs twice as a real process: once with its output read to the
end, once with the reading end of its stdout pipe closed before it starts. The second
run exits with the first one's code, says nothing more on stderr, and no traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SUNSET = shutil.which("sunset", path=str(Path(sys.executable).parent))
FIXTURE = ROOT / "tests" / "fixtures" / "check" / "ui.po"
COMMANDS = {
    "help": ["--help"],
    "version": ["--version"],
    "check-help": ["check", "--help"],
    "check-list": ["check", "--list"],
    "check-clean": ["check", "--jobs", "1", "locales"],
    "check-findings": ["check", "--jobs", "1", str(FIXTURE)],
    "schema": ["schema"],
    "build": ["build", "--locale", "de-DE", "--out", "{tmp}/guides"],
    "checklists": [
        *("checklists", "content/customers.example.json", "--as-of", "2026-11-21"),
        *("--format", "markdown", "--out", "{tmp}/checklists"),
    ],
}


def _run(args: list[str], tmp: Path, closed: bool) -> tuple[int, str]:
    assert SUNSET, "the sunset command is not installed beside this Python"
    command = [SUNSET, *(a.replace("{tmp}", str(tmp)) for a in args)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    if closed:
        process.stdout.close()  # before the command writes a byte
        err = process.stderr.read()
    else:
        process.stdout.read()
        err = process.stderr.read()
    process.stderr.close()
    if not closed:
        process.stdout.close()
    return process.wait(timeout=120), err.decode("utf-8", "replace")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_stdout_is_no_error(name: str, tmp_path: Path) -> None:
    code, err = _run(COMMANDS[name], tmp_path / "read", closed=False)
    closed_code, closed_err = _run(COMMANDS[name], tmp_path / "closed", closed=True)
    assert (closed_code, closed_err) == (code, err)
    assert "Traceback" not in closed_err and "pipe" not in closed_err.lower()
