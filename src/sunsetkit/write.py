"""Output folders: each owned by one command, replaced as a whole, never left half-written.

A run writes its whole output into a sibling folder (`.<name>.sunset-new-<random>`) and
then swaps it with the output folder in one `renameat2(RENAME_EXCHANGE)`, so a kill at
any instant leaves the old output or the new one, never a mix. One run at a time
writes a folder: it locks `.<name>.sunset-run` before it reads the folder's marker and
holds it until the swap. The marker names the command that owns the folder; another
command refuses it. A sibling left by a killed run is removed by the next run (a live
run holds a lock on its own).
Files a person added to the folder are carried over into the new one.

Portable: where `fcntl` is missing (Windows) the lock is a byte lock on a file beside
the stage, and the swap is two renames (see `_swap`); nothing POSIX-only is imported at
module level, so every command starts there.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO

from .errors import SunsetError, UsageError
from .files import read_utf8, resolve

__all__ = ["MANIFEST", "OutputFolder", "replace_folder", "safe_join"]

#: The marker: which command owns the folder and which files it wrote there.
MANIFEST = ".sunset-manifest.json"
#: The largest marker read (it lists every file: some 100 bytes each).
MARKER_LIMIT = 256 << 20
_LITTER = ".sunset-"  # sibling folders are named .<name>.sunset-new-<random>
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

Content = str | bytes


def safe_join(root: Path, relative: str) -> Path:
    """root/relative, refusing anything that would land outside root."""
    if not _is_safe(relative):
        raise UsageError(
            f"refusing to write outside the output folder: {relative!r}",
            hint="output paths are relative to the folder, without '..'",
        )
    return root.joinpath(*PurePosixPath(relative).parts)


def replace_folder(
    root: Path,
    owner: str,
    files: Mapping[str, Content],
    keep: Callable[[str], bool] = lambda relative: False,
) -> list[str]:
    """Make `files` (relative path -> text or bytes) the folder's new content.

    Files the owner wrote last time and does not write now are removed unless `keep`
    says otherwise. Returns the removed paths."""
    with OutputFolder(root, owner) as folder:
        for relative in sorted(files):
            folder.write(relative, files[relative])
        return folder.commit(keep)


class OutputFolder:
    """The next content of an output folder, written beside it and swapped in by commit().

    Use as a context manager: leaving the block without commit() discards the new
    content and leaves the folder exactly as it was."""

    def __init__(self, root: Path, owner: str) -> None:
        self.shown = root  # as the user wrote it, for messages
        self.root = resolve(root)
        self.owner = owner
        self.written: set[str] = set()
        self._folders: set[Path] = set()
        self._previous: set[str] = set()
        self._stage: Path | None = None
        self._lock: _Lock | None = None
        self._run: _RunLock | None = None

    def __enter__(self) -> OutputFolder:
        if self.root == self.root.parent:
            raise UsageError(
                f"refusing to replace the root folder {self.shown}", hint="choose a subfolder"
            )
        # The run's lock first: a folder is claimed, and its marker read, by one run at a
        # time, so no run adopts or removes what another is writing.
        with self._os_errors(self.shown):
            self._run = _RunLock(self.root, self.shown)
        try:
            with self._os_errors(self.shown):
                self._previous = self._claim()
                _remove_litter(self.root)
                self._stage, self._lock = _make_stage(self.root)
        except BaseException:
            self._run.release()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stage is not None:
            shutil.rmtree(self._stage, ignore_errors=True)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._run is not None:
            self._run.release()
            self._run = None

    def write(self, relative: str, data: Content) -> None:
        path = self.reserve(relative)
        with self._os_errors(path):
            if isinstance(data, str):
                path.write_text(data, encoding="utf-8", newline="\n")
            else:
                path.write_bytes(data)

    def open(self, relative: str) -> IO[str]:
        """A text file of the new content to stream into (large summaries)."""
        path = self.reserve(relative)
        with self._os_errors(path):
            return path.open("w", encoding="utf-8", newline="\n")

    def reserve(self, relative: str) -> Path:
        """The path of a new file of the content, its name checked and its folder made,
        for whoever writes it (a worker process may)."""
        if relative in self.written:
            raise UsageError(
                f"two outputs would share the file {relative!r}",
                hint="give each output its own name",
            )
        path = safe_join(self.stage, relative)
        if path.parent not in self._folders:  # made once, not once per file
            with self._os_errors(path):
                path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        self.written.add(relative)
        return path

    @property
    def stage(self) -> Path:
        if self._stage is None:
            raise RuntimeError("OutputFolder used outside its `with` block")
        return self._stage

    def commit(self, keep: Callable[[str], bool] = lambda relative: False) -> list[str]:
        """Carry over what stays, write the marker, swap the folders; the removed paths."""
        with self._os_errors(self.shown):
            removed = sorted(r for r in self._previous - self.written if not keep(r))
            carried = _carry_over(self.root, self.stage, self.written, set(removed))
            marker = {"owner": self.owner, "files": sorted(self.written | carried)}
            text = json.dumps(marker, indent=1) + "\n"
            (self.stage / MANIFEST).write_text(text, "utf-8", newline="\n")
            _swap(self.stage, self.root)
        return removed

    def _claim(self) -> set[str]:
        """The files the owner wrote last time; refuse a folder someone else owns."""
        _recover(self.root)
        if not self.root.exists():
            return set()
        if not self.root.is_dir():
            raise UsageError(
                f"{self.shown} is a file, not a folder", hint="choose another --out or remove it"
            )
        owner, files = _read_marker(self.root)
        if owner is None and any(self.root.iterdir()):
            raise UsageError(
                f"{self.shown} is not empty and was not written by sunset",
                hint="sunset replaces its output folder as a whole: choose a new or empty --out",
            )
        if owner not in (None, "", self.owner):
            raise UsageError(
                f"{self.shown} holds the output of `sunset {owner}`",
                hint=f"give `sunset {self.owner}` a folder of its own with --out",
            )
        return files

    @contextlib.contextmanager
    def _os_errors(self, where: Path) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            raise SunsetError(
                f"cannot write the output: {exc.strerror or exc}",
                exc.filename or where,
                hint="choose a folder you can write to with --out; the earlier output is intact",
            ) from exc


def _read_marker(root: Path) -> tuple[str | None, set[str]]:
    """(owner, files). Owner "" is a marker of an older sunset that did not say."""
    marker = root / MANIFEST
    if not marker.exists() and not marker.is_symlink():
        return None, set()
    try:
        data = json.loads(read_utf8(marker, MARKER_LIMIT))
    except SunsetError as exc:  # a pipe, a device or a huge file where the marker goes
        raise UsageError(
            exc.message,
            marker,
            hint="this is not the marker sunset writes: remove it, or choose another --out",
        ) from exc
    except ValueError:
        return "", set()
    if isinstance(data, list):  # the older form: only the files
        owner, files = "", data
    elif isinstance(data, dict):
        owner, files = str(data.get("owner") or ""), data.get("files") or []
    else:
        return "", set()
    return owner, {f for f in files if isinstance(f, str) and _is_safe(f)}


def _is_safe(relative: str) -> bool:
    parts = PurePosixPath(relative).parts
    return bool(parts) and not PurePosixPath(relative).is_absolute() and ".." not in parts


def _siblings(root: Path, kind: str) -> list[Path]:
    return sorted(root.parent.glob(f".{root.name}{_LITTER}{kind}-*"))


class _RunLock:
    """One run at a time writes an output folder: a lock on `.<name>.sunset-run` beside
    it, taken before the folder is claimed and held until its new content is swapped in.
    A second run fails at once with one line. The system drops the lock however a run
    ends; the file goes with the run that held it (a killed run's is reused, then
    removed)."""

    def __init__(self, root: Path, shown: Path) -> None:
        self.path = root.parent / f".{root.name}{_LITTER}run"
        self.fd: int | None = None
        self.made = _make_parents(root.parent)
        while self.fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_BINARY, 0o644)
            if self.path in _RUNNING or not _try_lock(fd):
                os.close(fd)
                self._remove_made()
                raise UsageError(
                    f"another sunset run is writing {shown} right now",
                    hint="wait until it ends, or give this run its own --out",
                )
            if _same_file(fd, self.path):
                self.fd = fd
            else:  # the run before removed the file meanwhile: lock the new one
                os.close(fd)
        _LOCK_FDS.add(self.fd)
        _RUNNING.add(self.path)

    def release(self) -> None:
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        _LOCK_FDS.discard(fd)
        _RUNNING.discard(self.path)
        if os.name == "nt":  # an open file cannot be removed there: close first; the
            _close_locked(fd)  # removal then fails while another run has the file open
            with contextlib.suppress(OSError):
                self.path.unlink()
        else:  # removed while held: a run that opened it meanwhile sees it is gone
            with contextlib.suppress(OSError):
                self.path.unlink()
            _close_locked(fd)
        self._remove_made()

    def _remove_made(self) -> None:
        """Remove the folders made for the lock, if nothing was put in them."""
        for folder in self.made:
            with contextlib.suppress(OSError):
                folder.rmdir()


#: Output folders this process is writing (a lockf or msvcrt lock is the process's own:
#: it would not stop a second run inside the same process).
_RUNNING: set[Path] = set()


def _make_parents(folder: Path) -> list[Path]:
    """Make folder and its missing parents; the ones made, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
    return missing


def _try_lock(fd: int) -> bool:
    try:
        if _lock_type() is _FolderLock:
            _flock(fd, blocking=False)
        else:
            _lock_byte(fd)
    except OSError:
        return False
    return True


def _close_locked(fd: int) -> None:
    if _lock_type() is not _FolderLock:  # a byte lock is released before its file closes
        with contextlib.suppress(OSError):
            _unlock_byte(fd)
    os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


def _make_stage(root: Path) -> tuple[Path, _Lock]:
    root.parent.mkdir(parents=True, exist_ok=True)
    stage = root.parent / f".{root.name}{_LITTER}new-{secrets.token_hex(6)}"
    lock = _lock_type()(stage)
    lock.before_mkdir()
    try:
        stage.mkdir()  # not mkdtemp: its 0700 would become the output folder's mode
        if root.is_dir():
            stage.chmod(stat.S_IMODE(root.stat().st_mode))
        lock.after_mkdir()
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        lock.release()
        raise
    return stage, lock


def _remove_litter(root: Path) -> None:
    """Remove siblings of earlier runs that are no longer running (none holds a lock)."""
    kind = _lock_type()
    for folder in _siblings(root, "new") + _siblings(root, "old"):
        probe = kind(folder)
        if probe.try_hold():  # else a live run's folder
            shutil.rmtree(folder, ignore_errors=True)
            probe.release()
    kind.remove_stale_lock_files(root)


class _Lock:
    """A lock on a staging folder that the system drops when its process ends, however
    it ends: a run holds one on its own stage, so the next run knows it is not litter."""

    def __init__(self, stage: Path) -> None:
        self.stage = stage
        self.fd: int | None = None

    def before_mkdir(self) -> None:
        """Take the lock if it can be taken before the folder exists."""

    def after_mkdir(self) -> None:
        """Take the lock if it needs the folder; by now the lock is held."""

    def try_hold(self) -> bool:
        """Take the lock without waiting; False when a live run holds it (or the folder
        went away meanwhile)."""
        raise NotImplementedError

    def release(self) -> None:
        if self.fd is not None:
            _LOCK_FDS.discard(self.fd)
            os.close(self.fd)
            self.fd = None

    def _open(self, path: Path, flags: int) -> int:
        self.fd = os.open(path, flags)
        _LOCK_FDS.add(self.fd)
        return self.fd

    @classmethod
    def remove_stale_lock_files(cls, root: Path) -> None:
        """Remove lock files that no run holds any more (only a lock file needs it)."""


class _FolderLock(_Lock):
    """POSIX: flock on the stage folder itself, so no file is added beside it."""

    def after_mkdir(self) -> None:
        _flock(self._open(self.stage, os.O_RDONLY), blocking=True)

    def try_hold(self) -> bool:
        try:
            _flock(self._open(self.stage, os.O_RDONLY), blocking=False)
        except OSError:
            self.release()
            return False
        return True


class _FileLock(_Lock):
    """Without fcntl (Windows): a byte lock on `.<name>.sunset-lock-<token>` beside the
    stage. Beside, not inside: Windows cannot rename a folder that holds an open file,
    nor open a folder with os.open. It is taken before the folder is made, so a folder
    without a held lock file is always litter."""

    def __init__(self, stage: Path) -> None:
        super().__init__(stage)
        # .<name>.sunset-<kind>-<token> is locked by .<name>.sunset-lock-<token>
        head, _, tail = stage.name.rpartition(_LITTER)
        self.path = stage.with_name(f"{head}{_LITTER}lock-{tail.partition('-')[2]}")

    def before_mkdir(self) -> None:
        if not self.try_hold():
            raise OSError(errno.EEXIST, "the lock of a new staging folder is taken", str(self.path))

    def try_hold(self) -> bool:
        if self.path in _HELD:
            return False
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_BINARY, 0o644)
            _lock_byte(self.fd)
        except OSError:
            super().release()
            return False
        _HELD.add(self.path)
        return True

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock_byte(self.fd)
        super().release()
        _HELD.discard(self.path)
        with contextlib.suppress(OSError):  # another run may be probing it right now
            self.path.unlink()

    @classmethod
    def remove_stale_lock_files(cls, root: Path) -> None:
        # A run killed after its folder was swapped in or removed leaves only its lock file.
        for path in _siblings(root, "lock"):
            probe = cls(path)
            if probe.try_hold():
                probe.release()


#: Descriptors of the locks this process holds.
_LOCK_FDS: set[int] = set()


def _forget_locks() -> None:
    """In a forked child (a worker): close its copies of the parent's locks. A flock
    belongs to the open file, which the copy shares: a worker that outlived a killed run
    would keep the run's staging folder locked, and the next run would leave it behind.
    Closing a copy does not unlock the parent's."""
    for fd in _LOCK_FDS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _LOCK_FDS.clear()


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere a child starts without our files
    os.register_at_fork(after_in_child=_forget_locks)

#: Lock files this process holds. A lockf lock belongs to the process, not to the file
#: descriptor: a probe from the same process would take it, and closing the probe drop it.
_HELD: set[Path] = set()


def _lock_type() -> type[_Lock]:
    try:
        import fcntl  # noqa: F401 - only whether it exists
    except ImportError:
        return _FileLock
    return _FolderLock


if sys.platform == "win32":
    import msvcrt

    _O_BINARY = os.O_BINARY  # without it, Windows opens a file in text mode

    def _lock_byte(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_byte(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _flock(fd: int, blocking: bool) -> None:
        raise OSError(errno.ENOSYS, "no flock on Windows")  # never chosen: there is no fcntl


else:
    _O_BINARY = 0

    # The lock file's byte lock on a POSIX system without fcntl (the tests pretend to be one).
    def _lock_byte(fd: int) -> None:
        os.lockf(fd, os.F_TLOCK, 1)

    def _unlock_byte(fd: int) -> None:
        os.lockf(fd, os.F_ULOCK, 1)

    def _flock(fd: int, blocking: bool) -> None:
        import fcntl  # where used: a module-level import stops every command without it

        fcntl.flock(fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)


def _recover(root: Path) -> None:
    """After a kill between the two renames of the fallback swap, put the old folder back."""
    if not root.exists():
        for old in _siblings(root, "old"):
            old.rename(root)
            return


def _carry_over(root: Path, stage: Path, written: set[str], removed: set[str]) -> set[str]:
    """Link every file of the old folder that stays into the new one; the owner's ones."""
    carried: set[str] = set()
    if not root.is_dir():
        return carried
    previous = _read_marker(root)[1]
    taken_dirs = {str(p) for w in written for p in PurePosixPath(w).parents}
    for path in _walk(root):
        relative = path.relative_to(root).as_posix()
        ours = relative in previous and stat.S_ISREG(path.lstat().st_mode)
        if relative == MANIFEST or relative in removed or (ours and relative in written):
            continue
        parents = PurePosixPath(relative).parents
        if relative in written or relative in taken_dirs or any(str(p) in written for p in parents):
            # Not ours (a person's file, folder or pipe) where the new output goes.
            raise UsageError(
                f"{relative} in the output folder was not written by sunset, and the new "
                "output needs its place",
                root,
                hint="move it out of the folder, then run again",
            )
        target = safe_join(stage, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(path, target)
        carried.add(relative)
    return carried & previous


def _walk(root: Path) -> list[Path]:
    """Every non-folder under root, without following symbolic links."""
    found: list[Path] = []
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _walk(Path(entry.path))
            else:
                found.append(Path(entry.path))
    return found


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        if os.link in os.supports_follow_symlinks:
            os.link(source, target, follow_symlinks=False)
        else:  # Windows: a link to a symbolic link is never followed there
            os.link(source, target)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _swap(stage: Path, root: Path) -> None:
    """Put stage in root's place in one step; remove what was there."""
    if not root.exists():
        stage.rename(root)
        return
    if _exchange(stage, root):
        shutil.rmtree(stage, ignore_errors=True)
        return
    # No atomic exchange on this system: two renames, repaired by _recover after a kill.
    old = root.parent / f".{root.name}{_LITTER}old-{secrets.token_hex(6)}"
    root.rename(old)
    stage.rename(root)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """renameat2(RENAME_EXCHANGE); False where the system or file system lacks it."""
    if sys.platform != "linux":  # Linux only; on Windows CDLL(None) is not even valid
        return False
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
