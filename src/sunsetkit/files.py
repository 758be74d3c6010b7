"""Opening input files: regular files only, so a FIFO or a device never blocks a run."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import IO, BinaryIO

from .errors import SunsetError

__all__ = ["append_regular", "open_regular", "read_regular", "read_utf8", "resolve"]

if sys.platform == "win32":
    # No FIFOs to block on, and no O_NONBLOCK; without O_BINARY a file opens in text mode.
    _FLAGS = os.O_RDONLY | os.O_BINARY
    _APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_BINARY
else:
    _FLAGS = os.O_RDONLY | os.O_NONBLOCK
    _APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK


def open_regular(path: Path) -> BinaryIO:
    """The file opened for binary reading; SunsetError unless it is a regular file.

    Opened without blocking first: opening a FIFO for reading would wait for a writer."""
    fd = _open(path, _FLAGS, "read")
    return os.fdopen(fd, "rb")


def append_regular(path: Path) -> IO[str]:
    """A regular file, made if missing, opened to append UTF-8 text (a FIFO without a
    reader would block the open, a device is no place for a report); OSError otherwise,
    as open() would raise, for callers that take a failure as a warning."""
    try:
        fd = _open(path, _APPEND, "write")
    except SunsetError as exc:
        raise OSError(errno.EINVAL, exc.message, str(path)) from exc
    return os.fdopen(fd, "a", encoding="utf-8")


def _open(path: Path, flags: int, verb: str) -> int:
    """A descriptor of the regular file at path, blocking again once opened."""
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        raise SunsetError(
            f"cannot {verb}: {exc.strerror}", path, hint="check the file name and its permissions"
        ) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SunsetError(
                f"not a regular file ({_kind(mode)})", path, hint="give the path of a file"
            )
        if sys.platform != "win32":
            os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def read_utf8(path: Path, limit: int = 64 << 20) -> str:
    """The whole file as text: a regular file of at most `limit` bytes, UTF-8 (a BOM at
    its start is dropped). Anything else is a SunsetError naming the file and line."""
    data = read_regular(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SunsetError(
            f"not UTF-8 text (byte {exc.start + 1:,} cannot be read)",
            path,
            line,
            hint="save the file as UTF-8",
        ) from exc


def read_regular(path: Path, limit: int = 64 << 20) -> bytes:
    """The whole file, which must be a regular file of at most `limit` bytes."""
    with open_regular(path) as handle:
        # Sized by the file, not the limit: read(limit + 1) would allocate the whole limit
        # (64 MiB) for every small catalog. A file that grew since the stat is read on;
        # one already too large is not read at all.
        size = os.fstat(handle.fileno()).st_size
        data = b""
        if size <= limit:
            want = size + 1
            data = handle.read(want)
            if len(data) == want and want <= limit:
                data += handle.read(limit + 1 - want)
    if size > limit or len(data) > limit:
        raise SunsetError(
            f"larger than {_size(limit)}", path, hint="this is not a file sunset reads"
        )
    return data


def resolve(path: Path) -> Path:
    """path.resolve(), or SunsetError where a symbolic link loops (Python before 3.13
    raises RuntimeError, later ones OSError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:
        raise SunsetError(
            "a symbolic link that loops, or a path that cannot be followed",
            path,
            hint="point the link at a real folder or file, or give another path",
        ) from exc


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit:,} bytes"


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
