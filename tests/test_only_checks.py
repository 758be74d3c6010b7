"""The check tests run the engine with only the checks they assert on (only_checks.py):
that is only honest while a check finds the same alone as among all the others."""

from __future__ import annotations

from collections import defaultdict

import pytest

from sunsetkit.checks import run_checks
from sunsetkit.checks.base import Finding
from sunsetkit.checks.registry import CHECKS_BY_ID

from .conftest import ROOT
from .only_checks import OPTIONS, only


# Coverage: the guard reruns the engine on fixtures the check tests already cover, and
# the tracer would double its cost; what it proves is equality, not reach.
@pytest.mark.no_cover
def test_a_check_run_alone_finds_what_it_finds_among_all() -> None:
    """Over every catalog and page of the check fixtures (each made to set off checks)."""
    paths = sorted((ROOT / "tests" / "fixtures" / "check").glob("*.po"))
    together: dict[str, list[Finding]] = defaultdict(list)
    for f in run_checks(paths, OPTIONS).findings:
        together[f.check].append(f)
    assert len(together) >= 10, "the fixtures set off too few checks to compare"
    for check_id in CHECKS_BY_ID:
        alone = run_checks(paths, only(check_id)).findings
        assert alone == together.get(check_id, []), check_id
