"""The README's extract and update commands reproduce the committed catalogs byte for byte.

The commands are read from README.md and run on a copy of the project, so the README, the
catalogs and the tooling cannot drift apart. Only the template's POT-Creation-Date may
differ: extraction always stamps the current time there; and `Generated-By`, which names
whichever supported Babel ran the commands.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, copy_project

_CREATION = re.compile(rb'^"POT-Creation-Date: .*\\n"\n', re.M)
#: Which Babel wrote a catalog is not the catalog's content: CI may run any supported one.
_GENERATED_BY = re.compile(rb'^"Generated-By: .*\\n"\n', re.M)


def _readme_commands() -> list[list[str]]:
    """The README's pybabel extract and update commands, continuation lines joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    commands = [
        shlex.split(line)
        for line in text.splitlines()
        if line.strip().startswith(("pybabel extract", "pybabel update"))
    ]
    assert [c[1] for c in commands] == ["extract", "update"], commands
    return commands


def test_readme_commands_reproduce_the_committed_catalogs(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    for command in _readme_commands():
        pybabel = [sys.executable, "-m", "babel.messages.frontend"]
        done = subprocess.run(
            [*pybabel, *command[1:]], cwd=root, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    committed = sorted(p.relative_to(ROOT) for p in (ROOT / "locales").rglob("*.po*"))
    assert committed == sorted(p.relative_to(root) for p in (root / "locales").rglob("*.po*"))
    for rel in committed:
        ours, theirs = (ROOT / rel).read_bytes(), (root / rel).read_bytes()
        ours, theirs = _GENERATED_BY.sub(b"", ours), _GENERATED_BY.sub(b"", theirs)
        if rel.suffix == ".pot":
            ours, theirs = _CREATION.sub(b"", ours), _CREATION.sub(b"", theirs)
        assert ours == theirs, f"{rel} is not what the README's commands produce: run them"
