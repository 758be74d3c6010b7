"""Where there is no fcntl (Windows): every command starts and writes its output, worker
processes start by 'spawn' (the default on Windows and macOS), and the output folder's
lock falls back to a lock file with the same meaning."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sunsetkit import write
from sunsetkit.cli import main
from sunsetkit.errors import UsageError
from sunsetkit.write import MANIFEST, OutputFolder, replace_folder

from .conftest import ROOT, page_count

FIXTURES = Path(__file__).parent / "fixtures" / "check"

#: Imported by every Python process of a run, worker processes too.
SITECUSTOMIZE = """\
import multiprocessing
import sys

sys.modules["fcntl"] = None  # `import fcntl` raises ImportError, as on Windows
multiprocessing.set_start_method("spawn", force=True)
"""


@pytest.fixture
def windows_like(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a Python without fcntl whose workers are spawned, and whose
    redirected output would be in Windows' ANSI code page."""
    folder = tmp_path_factory.mktemp("site")
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "cp1252"}


def _python(env: dict[str, str], code: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)


def _sunset(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return _python(env, "import sys; from sunsetkit.cli import main; main()", *args)


def test_the_environment_has_no_fcntl_and_spawns(windows_like: dict[str, str]) -> None:
    code = "import multiprocessing as m, sunsetkit.cli; print(m.get_start_method()); import fcntl"
    result = _python(windows_like, code)
    assert result.stdout == "spawn\n"
    assert "ModuleNotFoundError: import of fcntl halted" in result.stderr


def test_help_starts_without_fcntl(windows_like: dict[str, str]) -> None:
    result = _sunset(windows_like, "--help")
    assert result.returncode == 0, result.stderr
    assert "build" in result.stdout and "check" in result.stdout


def test_build_writes_and_rewrites_its_folder_without_fcntl(
    windows_like: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out" / "guides"
    for _ in range(2):  # the second run replaces the first run's folder
        result = _sunset(windows_like, "build", "--project", str(ROOT), "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert f"wrote {page_count(ROOT)} pages" in result.stdout
    assert (out / "nl-NL" / "kaizala-pro-standalone.md").is_file()
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["owner"] == "build"
    assert [p.name for p in out.parent.iterdir()] == ["guides"], "no stage or lock file left"


def test_check_in_spawned_workers_without_fcntl(
    windows_like: dict[str, str], tmp_path: Path
) -> None:
    """Enough catalogs for worker processes; the same report as one process gives, in
    UTF-8 though the code page cannot write Japanese."""
    sources = ["ui.po", "clean-fr.po", "placement-ja.po"]
    for n in range(45):
        (tmp_path / f"c{n:02}.po").write_bytes((FIXTURES / sources[n % 3]).read_bytes())
    result = _sunset(windows_like, "check", str(tmp_path), "--jobs", "2")
    assert result.returncode == 1, result.stderr  # ui.po has findings
    serial = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", "1"])
    assert serial.exit_code == 1
    assert result.stdout == serial.output
    assert "in 45 catalog(s)" in result.stdout
    assert "bold 'で'" in result.stdout  # a Japanese finding, not an encoding error


def test_clean_catalog_checks_clean_without_fcntl(windows_like: dict[str, str]) -> None:
    result = _sunset(windows_like, "check", str(FIXTURES / "clean-fr.po"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_checklists_in_a_spawned_worker_without_fcntl(
    windows_like: dict[str, str], tmp_path: Path
) -> None:
    """The HTML pages made in a worker process (as for a large input), started by spawn."""
    code = (
        "import datetime, sys; from pathlib import Path;"
        "from sunsetkit.checklists.job import run_checklists;"
        "from sunsetkit.project import Project;"
        "run_checklists(Path(sys.argv[1]), Project(Path(sys.argv[2])), Path(sys.argv[3]),"
        " datetime.date(2026, 11, 21), parallel=True)"
    )
    source = ROOT / "content" / "customers.example.json"
    spawned = tmp_path / "spawned"
    result = _python(windows_like, code, str(source), str(ROOT), str(spawned))
    assert result.returncode == 0, result.stderr
    in_process = tmp_path / "in-process"
    from sunsetkit.checklists.job import run_checklists
    from sunsetkit.project import Project

    run_checklists(source, Project(ROOT), in_process, dt.date(2026, 11, 21), parallel=False)
    pages = sorted(p.relative_to(in_process) for p in in_process.rglob("*.html"))
    assert len(pages) > 10
    assert sorted(p.relative_to(spawned) for p in spawned.rglob("*.html")) == pages
    for page in pages:
        assert (spawned / page).read_bytes() == (in_process / page).read_bytes(), page


# --- the lock without fcntl ---------------------------------------------------------------

HOLD = """\
import sys
from pathlib import Path
from sunsetkit.write import OutputFolder

with OutputFolder(Path(sys.argv[1]), "build") as folder:
    folder.write("half.md", "half-way\\n")
    print("staged", flush=True)
    sys.stdin.read()  # until killed
"""


@pytest.fixture
def file_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process uses the lock file too, as it would without fcntl."""
    monkeypatch.setattr(write, "_lock_type", lambda: write._FileLock)


@pytest.mark.usefixtures("file_lock")
def test_lock_file_held_by_a_live_run_is_kept_and_a_dead_runs_is_cleaned(
    windows_like: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    replace_folder(out, "build", {"a.md": "a\n"})
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out)],
        env=windows_like,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "staged\n"
        [stage] = tmp_path.glob(".out.sunset-new-*")
        [lock] = tmp_path.glob(".out.sunset-lock-*")
        assert lock.name.rpartition("-")[2] == stage.name.rpartition("-")[2]
        with pytest.raises(UsageError, match="another sunset run is writing"):
            replace_folder(out, "build", {"b.md": "b\n"})  # another run meanwhile
        write._remove_litter(out)  # should one get past the run's lock
        assert (stage / "half.md").is_file(), "a live run's stage was taken for litter"
        assert lock.is_file()
    finally:
        holder.kill()  # however a run ends, the system drops its lock
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
        assert holder.stdin is not None
        holder.stdin.close()
    assert stage.is_dir() and lock.is_file(), "a killed run leaves litter"
    replace_folder(out, "build", {"c.md": "c\n"})
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "c.md"]


@pytest.mark.usefixtures("file_lock")
def test_lock_file_held_in_this_process_is_kept(tmp_path: Path) -> None:
    """A lockf lock belongs to the process: a probe from the same process must not take
    it (nor drop it by closing its descriptor)."""
    out = tmp_path / "out"
    with OutputFolder(out, "build") as first:
        first.write("a.md", "a\n")
        for _ in range(2):  # a second run meanwhile; the lock survived the first probe
            with pytest.raises(UsageError, match="another sunset run is writing"):
                replace_folder(out, "build", {"b.md": "b\n"})
            write._remove_litter(out)
        assert (first.stage / "a.md").is_file()
        assert len(list(tmp_path.glob(".out.sunset-lock-*"))) == 1
        first.commit()
    assert (out / "a.md").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.usefixtures("file_lock")
def test_a_lock_file_left_alone_is_removed(tmp_path: Path) -> None:
    """A run killed after its stage was swapped in leaves only its lock file."""
    out = tmp_path / "out"
    replace_folder(out, "build", {"a.md": "a\n"})
    (tmp_path / ".out.sunset-lock-0123456789ab").write_bytes(b"")
    (tmp_path / ".out.sunset-old-ba9876543210").mkdir()
    replace_folder(out, "build", {"a.md": "a\n"})
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
