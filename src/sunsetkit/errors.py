"""One exception root for everything sunset reports as bad input.

Every error carries the file and line it is about, so the command line can print
``path:line: message`` and exit with code 2 without a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "CatalogError",
    "ContentError",
    "SunsetError",
    "TemplateError",
    "UsageError",
    "did_you_mean",
]


class SunsetError(Exception):
    """Bad input: a file, a line and what to do about it."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(SunsetError):
    """A migration definition or the glossary is invalid."""


class CatalogError(SunsetError):
    """A gettext catalog cannot be read or does not fit its locale."""


class TemplateError(SunsetError):
    """A template does not compile or fails while rendering."""


class UsageError(SunsetError):
    """The command was called with options that cannot work."""


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for a likely typo, or None."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None
