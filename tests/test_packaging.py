"""Building the package (`pip install .`, a wheel) keeps out of sunset's output folder.

setuptools builds in build/ unless told otherwise, and build/ is where sunset writes
(build/guides, build/checklists): pyproject.toml gives setuptools a folder of its own.
The build runs setuptools' build and bdist commands as a PEP 517 backend does, offline,
on a copy of the project whose build/ already holds an output folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_building_the_package_writes_nothing_into_build(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(
        ROOT / "src", root / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, root / name)
    (root / "build" / "guides").mkdir(parents=True)  # an earlier `sunset build`
    dist = tmp_path / "dist"
    setup = [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q"]
    done = subprocess.run(
        [*setup, "build", "bdist_dumb", "-d", str(dist)], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert [p.name for p in dist.iterdir()], "no distribution was built"
    assert [p.name for p in (root / "build").iterdir()] == ["guides"]
    assert (root / ".setuptools-build" / "lib" / "sunsetkit" / "cli.py").is_file()
    # the checks' locale conventions are data files of the package
    data = root / ".setuptools-build" / "lib" / "sunsetkit" / "checks" / "locale_data"
    assert sorted(p.name for p in (ROOT / "src/sunsetkit/checks/locale_data").iterdir()) == sorted(
        p.name for p in data.iterdir()
    )
