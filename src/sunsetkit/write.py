"""Atomic, deterministic output, and removal of stale pages this tool wrote itself."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import IO

from .errors import UsageError

__all__ = ["MANIFEST", "StagedTree", "atomic_write", "safe_join", "write_tree"]

#: Lists, relative to the output folder, every file the last build wrote there.
MANIFEST = ".sunset-manifest.json"


def atomic_write(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_join(root: Path, relative: str) -> Path:
    """root/relative, refusing anything that would land outside root."""
    if not _is_safe(relative):
        raise UsageError(f"refusing to write outside the output folder: {relative!r}")
    return root.joinpath(*PurePosixPath(relative).parts)


def write_tree(root: Path, files: Mapping[str, str], is_stale: Callable[[str], bool]) -> list[str]:
    """Write every file, then remove files of the last build that are stale now.

    Only files listed in the previous manifest are ever removed, so nothing a person put
    in the folder is touched. Returns the removed paths.
    """
    targets = {rel: safe_join(root, rel) for rel in sorted(files)}
    previous = _read_manifest(root)
    for rel, path in targets.items():
        if not path.exists() or path.read_text(encoding="utf-8") != files[rel]:
            atomic_write(path, files[rel])
    removed = [rel for rel in sorted(previous - set(files)) if is_stale(rel)]
    for rel in removed:
        safe_join(root, rel).unlink(missing_ok=True)
        _remove_empty_parents(safe_join(root, rel).parent, root)
    kept = (previous - set(removed)) | set(files)
    atomic_write(root / MANIFEST, json.dumps(sorted(kept), indent=1) + "\n")
    return removed


def _read_manifest(root: Path) -> set[str]:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(data, list):
        return set()
    return {item for item in data if isinstance(item, str) and _is_safe(item)}


def _is_safe(relative: str) -> bool:
    parts = PurePosixPath(relative).parts
    return bool(parts) and not PurePosixPath(relative).is_absolute() and ".." not in parts


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class StagedTree:
    """Files written one by one into a staging folder beside the output, then moved in.

    `commit()` moves every file into place and removes the stale files of the previous
    run (by its manifest); `abort()` leaves the output folder exactly as it was. For jobs
    that stream their output and must write nothing when the input turns out bad.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        root.parent.mkdir(parents=True, exist_ok=True)
        self.stage = Path(tempfile.mkdtemp(prefix=f".{root.name}.staging-", dir=root.parent))
        self.written: set[str] = set()

    def write(self, relative: str, text: str) -> None:
        if relative in self.written:
            raise UsageError(f"two outputs would share the file {relative!r}")
        path = safe_join(self.stage, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        self.written.add(relative)

    def open(self, relative: str) -> IO[str]:
        """A file in the staging folder to stream into (summary files of large runs)."""
        if relative in self.written:
            raise UsageError(f"two outputs would share the file {relative!r}")
        path = safe_join(self.stage, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.written.add(relative)
        return path.open("w", encoding="utf-8", newline="\n")

    def commit(self, is_stale: Callable[[str], bool] = lambda relative: True) -> list[str]:
        previous = _read_manifest(self.root)
        self.root.mkdir(parents=True, exist_ok=True)
        for relative in sorted(self.written):
            target = safe_join(self.root, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            safe_join(self.stage, relative).replace(target)
        removed = [rel for rel in sorted(previous - self.written) if is_stale(rel)]
        for relative in removed:
            safe_join(self.root, relative).unlink(missing_ok=True)
        kept = (previous - set(removed)) | self.written
        atomic_write(self.root / MANIFEST, json.dumps(sorted(kept), indent=1) + "\n")
        self.abort()
        return removed

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
