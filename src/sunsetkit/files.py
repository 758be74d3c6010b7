"""Opening input files: regular files only, so a FIFO or a device never blocks a run."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import SunsetError

__all__ = ["open_regular", "read_regular"]

if sys.platform == "win32":
    # No FIFOs to block on, and no O_NONBLOCK; without O_BINARY a file opens in text mode.
    _FLAGS = os.O_RDONLY | os.O_BINARY
else:
    _FLAGS = os.O_RDONLY | os.O_NONBLOCK


def open_regular(path: Path) -> BinaryIO:
    """The file opened for binary reading; SunsetError unless it is a regular file.

    Opened without blocking first: opening a FIFO for reading would wait for a writer."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise SunsetError(
            f"cannot read: {exc.strerror}", path, hint="check the file name and its permissions"
        ) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SunsetError(
                f"not a regular file ({_kind(mode)})", path, hint="give the path of a file"
            )
        if sys.platform != "win32":
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int = 64 << 20) -> bytes:
    """The whole file, which must be a regular file of at most `limit` bytes."""
    with open_regular(path) as handle:
        # Sized by the file, not the limit: read(limit + 1) would allocate the whole limit
        # (64 MiB) for every small catalog. A file that grew since the stat is read on.
        want = min(os.fstat(handle.fileno()).st_size, limit) + 1
        data = handle.read(want)
        if len(data) == want and want <= limit:
            data += handle.read(limit + 1 - want)
    if len(data) > limit:
        raise SunsetError(
            f"larger than {limit >> 20} MiB", path, hint="this is not a file sunset reads"
        )
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
