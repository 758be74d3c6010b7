"""Where a project keeps its inputs (no heavy imports: every command needs it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
