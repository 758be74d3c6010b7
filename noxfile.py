"""The suite against three sets of dependencies, one command each (`nox -s NAME`):

- `locked`: the committed lock, as CI installs it (requirements/dev.lock);
- `newest`: the newest release of every dependency, as a new user gets them today;
- `lowest`: the lowest version of each dependency that pyproject.toml declares (run it
  with Python 3.11, the lowest supported Python: older releases have no wheels for newer
  ones);
- `smoke`: the newest releases, the main job and `sunset check` only (what CI runs);
- `lock`: rewrite the three locks from pyproject.toml (after changing a dependency).

Sessions use the Python that runs nox.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

nox.options.sessions = ["locked"]
nox.options.reuse_existing_virtualenvs = False

PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
LOCKS = {"run": None, "test": "test", "dev": "dev"}
TESTS = ("pytest", "-n", "auto", "--dist", "worksteal", "-p", "no:cacheprovider")


def _newest(session: nox.Session, target: str) -> None:
    session.install("--upgrade", "--upgrade-strategy", "eager", target)


@nox.session
def locked(session: nox.Session) -> None:
    session.install("-r", "requirements/dev.lock", "-e", ".[dev]")
    session.run(*TESTS, *session.posargs)


@nox.session
def newest(session: nox.Session) -> None:
    _newest(session, "-e.[test]")
    session.run("pip", "list", "--format=freeze")
    session.run(*TESTS, *session.posargs)


@nox.session
def lowest(session: nox.Session) -> None:
    session.install("uv")
    pins = Path(session.create_tmp()) / "lowest.txt"
    session.run(
        *("uv", "pip", "compile", "pyproject.toml", "--extra", "test", "--quiet"),
        *("--resolution", "lowest-direct", "--python-version", PYTHON, "-o", str(pins)),
    )
    session.install("-r", str(pins), "-e", ".[test]")
    session.run("pip", "list", "--format=freeze")
    session.run(*TESTS, *session.posargs)


@nox.session
def smoke(session: nox.Session) -> None:
    """Build, checklists and check with today's releases, into a scratch folder."""
    _newest(session, ".")
    session.run("pip", "list", "--format=freeze")
    out = Path(session.create_tmp()) / "build"
    guides, site = str(out / "guides"), str(out / "site")
    session.run("sunset", "build", "--out", guides)
    session.run("sunset", "build", "--format", "html", "--out", site)
    demo = "content/customers.example.json"
    session.run("sunset", "checklists", demo, "--out", str(out / "checklists"))
    session.run("sunset", "check", "--strict", "locales", guides)


@nox.session
def lock(session: nox.Session) -> None:
    session.install("uv")
    for name, extra in LOCKS.items():
        extras = ("--extra", extra) if extra else ()
        session.run(
            *("uv", "pip", "compile", "pyproject.toml", *extras, "--universal", "--quiet"),
            *("--python-version", "3.11", "-o", f"requirements/{name}.lock"),
            *("--custom-compile-command", "nox -s lock"),
        )
