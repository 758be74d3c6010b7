"""read_regular: bounded, and sized by the file rather than by the bound."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from sunsetkit import files
from sunsetkit.errors import SunsetError


@pytest.mark.parametrize("size", [0, 1, 1000, 4096])
def test_a_file_up_to_the_limit_is_read_whole_and_one_byte_more_is_refused(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "f"
    path.write_bytes(os.urandom(size))
    assert files.read_regular(path, limit=size) == path.read_bytes()
    path.write_bytes(os.urandom(size + 1))
    with pytest.raises(SunsetError, match="larger than"):
        files.read_regular(path, limit=size)


def test_a_small_file_costs_no_buffer_of_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.po"
    path.write_bytes(b"x" * 1000)
    tracemalloc.start()
    try:
        files.read_regular(path, limit=256 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_a_file_that_grew_after_the_stat_is_read_on_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing"
    path.write_bytes(b"a" * 300)
    real = os.fstat

    class Smaller:
        def __init__(self, result: Any) -> None:
            self.st_mode, self.st_size = result.st_mode, 100

    monkeypatch.setattr(files.os, "fstat", lambda fd: Smaller(real(fd)))
    assert files.read_regular(path, limit=1000) == b"a" * 300
    with pytest.raises(SunsetError, match="larger than"):
        files.read_regular(path, limit=200)
