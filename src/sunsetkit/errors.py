"""One exception root for everything sunset reports as bad input.

Every error carries the file and line it is about, so the command line can print
``path:line: message`` and exit with code 2 without a traceback.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "CatalogError",
    "ContentError",
    "SunsetError",
    "TemplateError",
    "UsageError",
    "clip",
    "did_you_mean",
    "printable",
    "without_controls",
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


def clip(value: object, limit: int = 60) -> str:
    """A value to quote in a message: repr, cut to `limit` characters (a 5,000-digit
    number or a whole paragraph is not echoed whole)."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else f"{text[: limit - 5]}...{text[-1]} ({len(text):,} chars)"


def printable(text: str) -> str:
    """Text safe to print on a terminal: control, format and line-separator characters
    (newlines, escape sequences, bidirectional overrides) as visible escapes, so untrusted
    text cannot forge lines or colours."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _UNSAFE else ch for ch in text)


_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


#: C0 controls but tab, line feed and carriage return; DEL; C1 controls. iCalendar
#: forbids them in text, HTML calls them parse errors, a terminal obeys them (ESC, CSI).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """Text from data for a document (Markdown, HTML, CSV, iCalendar): each control
    character a document cannot hold becomes U+FFFD, so it shows that one was there."""
    return _CONTROLS.sub("\ufffd", text)
