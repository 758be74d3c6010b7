"""Shared fixtures: the project itself, a disposable copy of it, and the golden-file flag."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sunsetkit.guides import BuildResult, Project, build_guides

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden from the current build (review the diff!).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def built(project: Project) -> BuildResult:
    """Every guide in every locale, rendered once for the whole session."""
    return build_guides(project)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's inputs that a test may break."""
    root = tmp_path / "project"
    for name in ("content", "templates", "locales"):
        shutil.copytree(ROOT / name, root / name)
    return root
