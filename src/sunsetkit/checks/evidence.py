"""What backs a glossary form: a finding against a form with evidence is an error that
names it; against a guess, a warning that says so.

The glossary records, per locale, where each label's and term's approved form comes from
(content/glossary.yaml, `evidence`): `agrees: ` (the published human translations use it)
or `portal: ` (the portal shows it) back the form; `differs: ` (the translators mostly
write another) and `none: ` (nothing to compare with) leave it unverified, and so does a
form without a statement.
"""

from __future__ import annotations

from typing import Literal

from .base import LocaleGlossary

__all__ = ["BACKED", "Unverified", "backed", "severity_of", "with_evidence"]

BACKED = ("agrees:", "portal:")
#: How much of a statement a finding quotes: its verdict and first places.
QUOTED = 140


class Unverified(str):
    """A finding's message against a glossary form no evidence backs: a warning."""

    __slots__ = ()


def with_evidence(message: str, source: str, glossary: LocaleGlossary) -> str:
    """The message with what backs the approved form of `source`, or why nothing does."""
    statement = glossary.evidence.get(source, "")
    if backed(source, glossary):
        return f"{message} (evidence: {_quoted(statement)})"
    why = _quoted(statement) if statement else "the glossary records no evidence"
    return Unverified(f"{message} (unverified form, a warning: {why})")


def backed(source: str, glossary: LocaleGlossary) -> bool:
    """Whether published human translations (or the portal) back the form of `source`."""
    return glossary.evidence.get(source, "").startswith(BACKED)


def severity_of(message: str, severity: Literal["error", "warning"]) -> Literal["error", "warning"]:
    """An unverified form's finding is at most a warning."""
    return "warning" if isinstance(message, Unverified) else severity


def _quoted(statement: str) -> str:
    first = statement.split("; ", 1)[0]
    return first if len(first) <= QUOTED else first[: QUOTED - 1] + "…"
