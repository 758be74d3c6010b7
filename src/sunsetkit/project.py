"""Where a project keeps its inputs (no heavy imports: every command needs it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .files import resolve

__all__ = ["Project"]


@dataclass(frozen=True)
class Project:
    """Where a project keeps its inputs."""

    root: Path

    @property
    def migrations_dir(self) -> Path:
        return self.root / "content" / "migrations"

    @property
    def glossary_path(self) -> Path:
        return self.root / "content" / "glossary.yaml"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    def require(self) -> Project:
        """This project, if its folder is one: else the error that says so and how to
        name it, rather than the first file that is missing from it."""
        if not (self.root / "content").is_dir():
            raise UsageError(
                f"{resolve(self.root)} is not a sunset project (it has no content/ folder)",
                hint="run in the project folder, or give it with --project DIR",
            )
        return self
