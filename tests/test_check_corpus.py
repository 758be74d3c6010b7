"""Robustness on a real corpus: every file of the French Python documentation is read and
checked without a crash (shared/corpora, beside the project; see its README)."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks

from .conftest import ROOT

CORPUS = Path(
    os.environ.get(
        "SUNSET_CORPUS", ROOT.parent / "shared" / "corpora" / "python-docs-fr-3.13-po.tar.xz"
    )
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_file():  # the corpus is shared data, not part of the repository
        pytest.skip(f"no corpus at {CORPUS} (set SUNSET_CORPUS to its .tar.xz)")
    folder = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            archive.extractall(folder, filter="data")
        else:
            archive.extractall(folder)
    return folder


def test_every_real_catalog_is_checked_without_a_crash(corpus: Path) -> None:
    result = run_checks([corpus], CheckOptions(markup="none"))
    assert result.catalogs == 481 and result.unreadable == 0
    assert result.messages > 55_000
    checks = {f.check for f in result.findings}
    assert {"untranslated", "fuzzy", "obsolete"} <= checks
    assert "read-error" not in checks


def test_markdown_checks_do_not_crash_on_rest_either(corpus: Path) -> None:
    sample = sorted(corpus.rglob("*.po"))[:40]
    result = run_checks(sample, CheckOptions(markup="markdown", jobs=1))
    assert result.catalogs == 40 and result.unreadable == 0
