"""The engine run as the check tests need it: only the checks a test asserts on, with
options made once per set of checks, so each locale's glossary (its compiled searches)
is built once per session, not once per test. A check's findings do not depend on
which other checks run (test_a_check_run_alone_finds_what_it_finds_among_all), so a
test that filters a full run's findings by check sees exactly these."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.registry import CHECKS_BY_ID
from sunsetkit.content.load import load_glossary

from .conftest import ROOT

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
OPTIONS = CheckOptions(glossary=GLOSSARY, jobs=1)  # in this process: no workers to feed


@functools.cache
def only(*check_ids: str) -> CheckOptions:
    """The default options (the project's glossary) with every other check turned off."""
    unknown = set(check_ids) - set(CHECKS_BY_ID)
    assert not unknown, f"no such check: {unknown}"
    options = replace(OPTIONS, disabled=frozenset(CHECKS_BY_ID) - set(check_ids))
    # Every set of checks reads the same per-locale glossaries (they depend only on the
    # glossary, the locale and the names): one cache for all, built once per locale.
    options.__dict__["_by_locale"] = OPTIONS.__dict__.setdefault("_by_locale", {})
    return options


def found(path: Path, *check_ids: str) -> list[str]:
    """The msgids of the findings of these checks on one file, in the engine's order."""
    findings = run_checks([path], only(*check_ids)).findings
    return [f.msgid or "" for f in findings if f.check in check_ids]
