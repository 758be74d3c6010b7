"""The README's extract and update commands reproduce the committed catalogs byte for byte.

The commands are read from README.md and run on a copy of the project, so the README, the
catalogs and the tooling cannot drift apart. Only the template's POT-Creation-Date may
differ: extraction always stamps the current time there; and `Generated-By`, which names
whichever supported Babel ran the commands.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project

_CREATION = re.compile(rb'^"POT-Creation-Date: .*\\n"\n', re.M)
#: Which Babel wrote a catalog is not the catalog's content: CI may run any supported one.
_GENERATED_BY = re.compile(rb'^"Generated-By: .*\\n"\n', re.M)


#: The project's pybabel: the one installed with sunset, which has its content extractor.
PYBABEL = ".venv/bin/pybabel"


def _readme_commands() -> list[list[str]]:
    """The README's pybabel extract and update commands, continuation lines joined."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    commands = [
        shlex.split(line)
        for line in text.splitlines()
        if line.strip().startswith((f"{PYBABEL} extract", f"{PYBABEL} update"))
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


def _catalogs() -> list[Path]:
    return sorted((ROOT / "locales").rglob("*.po*"))


def _unchanged(path: Path, written: bytes) -> None:
    """As the tool wrote it, but for the empty line Babel ends a catalog with."""
    assert written == path.read_bytes().removesuffix(b"\n"), f"{path.name} re-wrapped"


@pytest.mark.parametrize("path", _catalogs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_gnu_gettext_keeps_the_catalogs_unwrapped(path: Path) -> None:
    if shutil.which("msgcat") is None:
        pytest.skip("msgcat is not installed (apt-get install gettext)")
    done = subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, check=True)
    _unchanged(path, done.stdout)


@pytest.mark.parametrize("path", _catalogs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_translate_toolkit_keeps_the_catalogs_unwrapped(path: Path) -> None:
    """Weblate's PO backend with its "Only wrap lines at newlines" setting."""
    from translate.storage.pypo import pofile

    store = pofile.parsefile(str(path))
    store.wrapper.width = 65535  # Weblate's po_line_wrap for it
    for unit in store.units:  # as if each were edited: written anew, not copied
        if not unit.isheader():
            unit.source, unit.target = unit.source, unit.target
    _unchanged(path, bytes(store))


def test_the_readme_runs_the_pybabel_that_has_the_extractor() -> None:
    """Another pybabel first on PATH has no `sunset_content` extractor and stops with a
    traceback: every pybabel command of the README names the project's own."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^ *```sh\n(.*?)^ *```", text, re.M | re.S)
    commands = [line.split()[0] for block in blocks for line in block.splitlines() if line]
    babel = [command for command in commands if command.endswith("pybabel")]
    assert babel and set(babel) == {PYBABEL}, babel
