"""Translation validation: a registry of small checks over catalogs and rendered pages."""

from __future__ import annotations

from .base import Check, Finding, Severity
from .engine import CheckOptions, CheckResult, load_config, run_checks
from .registry import CHECKS, CHECKS_BY_ID

__all__ = [
    "CHECKS",
    "CHECKS_BY_ID",
    "Check",
    "CheckOptions",
    "CheckResult",
    "Finding",
    "Severity",
    "load_config",
    "run_checks",
]
