"""Issue 18, unbounded reads and odd files: every file sunset opens is a regular file of
a bounded size (the output folder's marker, images, the GitHub step summary), a symbolic
link that loops is one line, text that is not UTF-8 is one line naming file and line,
deep front matter is bounded, a .po with a byte order mark is read as msgfmt reads it."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.cli import main
from sunsetkit.errors import SunsetError
from sunsetkit.files import read_utf8
from sunsetkit.i18n import discover_catalogs, read_catalog
from sunsetkit.render import TEMPLATE_LIMIT
from sunsetkit.write import MANIFEST, MARKER_LIMIT

from .conftest import ROOT, copy_project
from .test_bad_input import _snapshot as snapshot
from .test_robust import _customers

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
CODE = "from sunsetkit.cli import main; main()"
UI_PO = ROOT / "tests" / "fixtures" / "check" / "ui.po"


def _sunset(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in its own process: a hang is a timeout, not a stuck suite."""
    return subprocess.run(
        [sys.executable, "-c", CODE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def _one_line(run: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sunset: error: "), run.stderr
    assert "Traceback" not in run.stderr
    for text in expected:
        assert text in lines[0], lines[0]


# --- odd files in the places sunset reads --------------------------------------------


def _fifo(path: Path, limit: int) -> None:
    os.mkfifo(path)


def _endless(path: Path, limit: int) -> None:
    path.symlink_to("/dev/zero")  # a device that never ends


def _oversized(path: Path, limit: int) -> None:
    with path.open("wb") as handle:  # sparse: one byte over the limit, no disk used
        handle.truncate(limit + 1)


ODD: dict[str, Callable[[Path, int], None]] = {
    "fifo": _fifo,
    "endless": _endless,
    "oversized": _oversized,
}
#: Where /dev/zero and FIFOs exist; the oversized file is made everywhere.
ODD_KINDS = [
    pytest.param(name, marks=POSIX) if name != "oversized" else name for name in sorted(ODD)
]


@pytest.mark.parametrize("kind", ODD_KINDS)
def test_an_odd_marker_is_one_line_and_the_folder_is_kept(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    assert _sunset("build", "--project", str(ROOT), "--out", str(out)).returncode == 0
    (out / MANIFEST).unlink()
    ODD[kind](out / MANIFEST, MARKER_LIMIT)
    before = sorted(p.name for p in out.rglob("*"))
    run = _sunset("build", "--project", str(ROOT), "--out", str(out))
    _one_line(run, MANIFEST)
    assert sorted(p.name for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("kind", [*ODD_KINDS, "latin-1", "utf-16"])
def test_an_odd_image_is_one_line_and_the_earlier_guides_are_kept(
    tmp_path: Path, kind: str
) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    assert _sunset("build", "--project", str(project), "--out", str(out)).returncode == 0
    before = snapshot(out)
    images = sorted((project / "content" / "images").rglob("*.svg"))
    assert images
    image = images[len(images) // 2]
    text = image.read_text(encoding="utf-8")
    image.unlink()
    if kind in ODD:
        ODD[kind](image, TEMPLATE_LIMIT)
    elif kind == "latin-1":
        marked = text.replace("</svg>", "<!-- café --></svg>")
        image.write_bytes(marked.encode("latin-1", errors="replace"))
    else:
        image.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    for fmt in ("markdown", "html"):
        run = _sunset("build", "--project", str(project), "--out", str(out), "--format", fmt)
        _one_line(run, image.name)
        assert snapshot(out) == before


@POSIX
@pytest.mark.parametrize("kind", ["fifo", "endless", "folder"])
def test_an_odd_step_summary_is_a_warning_and_no_hang(tmp_path: Path, kind: str) -> None:
    summary = tmp_path / "summary.md"
    if kind == "folder":
        summary.mkdir()
    else:
        ODD[kind](summary, 0)
    catalog = UI_PO
    plain = _sunset("check", str(catalog))
    run = _sunset(
        "check", str(catalog), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert run.returncode == plain.returncode
    assert "cannot write the job summary" in run.stderr and "Traceback" not in run.stderr


def test_a_step_summary_is_appended_to(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    catalog = UI_PO
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    _sunset("check", str(catalog), "--format", "github", env=env)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n") and len(text) > len("earlier step\n")


# --- symbolic links that loop ----------------------------------------------------------


def _self_loop(base: Path) -> Path:
    (base / "a").symlink_to("a")
    return base / "a"


def _two_loop(base: Path) -> Path:
    (base / "a").symlink_to("b")
    (base / "b").symlink_to("a")
    return base / "a"


def _long_chain(base: Path) -> Path:
    for n in range(60):  # longer than any system follows
        (base / f"l{n}").symlink_to(f"l{n + 1}")
    (base / "l60").symlink_to("l0")
    return base / "l0"


def _under_a_loop(base: Path) -> Path:
    return _two_loop(base) / "sub" / "out"


LOOPS = {"self": _self_loop, "two": _two_loop, "chain": _long_chain, "under": _under_a_loop}


@pytest.mark.parametrize("shape", sorted(LOOPS))
@pytest.mark.parametrize("command", ["build", "checklists"])
def test_a_looping_out_is_one_line(tmp_path: Path, shape: str, command: str) -> None:
    out = LOOPS[shape](tmp_path)
    if command == "build":
        run = _sunset("build", "--project", str(ROOT), "--out", str(out))
    else:
        source = tmp_path / "customers.json"
        _customers(source, 3)
        args = ["--project", str(ROOT), "--out", str(out), "--as-of", "2026-11-21"]
        run = _sunset("checklists", str(source), *args)
    _one_line(run)
    assert not list(tmp_path.glob(".*sunset-*"))


@pytest.mark.parametrize("shape", sorted(LOOPS))
@pytest.mark.parametrize("command", ["build", "checklists"])
def test_a_looping_project_is_one_line(tmp_path: Path, shape: str, command: str) -> None:
    project = LOOPS[shape](tmp_path)
    args = ["--project", str(project), "--out", str(tmp_path / "out")]
    if command == "build":
        run = _sunset("build", *args)
    else:
        source = tmp_path / "customers.json"
        _customers(source, 3)
        run = _sunset("checklists", str(source), *args, "--as-of", "2026-11-21")
    _one_line(run)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_loops_in_a_checked_folder_are_findings_in_every_format(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "checked"
    folder.mkdir()
    shutil.copy(UI_PO, folder / "ui.po")
    (folder / "self.po").symlink_to("self.po")
    (folder / "two.po").symlink_to("two.md")
    (folder / "two.md").symlink_to("two.po")
    for n in range(60):  # longer than any system follows
        (folder / f"chain{n}.po").symlink_to(f"chain{n + 1}.po")
    (folder / "chain60.po").symlink_to("chain0.po")
    (folder / "dir").symlink_to("dir")  # a folder that loops
    (folder / "under.po").symlink_to("dir/x.po")
    (folder / "cycle").symlink_to("..")  # a folder cycle: walked once
    run = subprocess.run(
        [sys.executable, "-c", CODE, "check", str(folder), "--format", fmt],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode in (1, 2), run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    for name in ("ui.po", "self.po", "two.po", "chain0.po", "under.po"):
        assert name in run.stdout, name


# --- encodings -------------------------------------------------------------------------

ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
#: Characters of a line as str.splitlines() sees it: no line breaks of any kind.
LINE = st.characters(codec="utf-8", exclude_characters="\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e")


@given(
    lines=st.lists(
        st.text(
            st.characters(
                codec="utf-8", exclude_characters="\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e"
            ),
            max_size=20,
        ),
        max_size=30,
    ),
    bad=st.sampled_from([b"\xff", b"\xc3", b"\xe9t\xe9", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]),
)
@settings(max_examples=60, deadline=None)
def test_text_that_is_not_utf8_names_its_file_and_line(lines: list[str], bad: bytes) -> None:
    import tempfile

    head = "".join(line + "\n" for line in lines).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.svg"
        path.write_bytes(head + b"<svg>" + bad + b"</svg>\n")
        with pytest.raises(SunsetError) as caught:
            read_utf8(path)
    assert caught.value.line == len(lines) + 1
    assert "not UTF-8" in str(caught.value) and str(path) in str(caught.value)


def _catalogs() -> list[Path]:
    return sorted(discover_catalogs(ROOT / "locales").values())


def test_a_bom_in_every_catalog_reads_as_without_it(tmp_path: Path) -> None:
    for path in _catalogs():
        copy = tmp_path / path.parent.parent.name / "LC_MESSAGES" / path.name
        copy.parent.mkdir(parents=True)
        copy.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
        plain, marked = read_catalog(path), read_catalog(copy)
        assert [(m.id, m.string) for m in marked] == [(m.id, m.string) for m in plain]
        with_bom = run_checks([copy], CheckOptions(jobs=1))
        without = run_checks([path], CheckOptions(jobs=1))
        assert [(f.check, f.line, f.message) for f in with_bom.findings] == [
            (f.check, f.line, f.message) for f in without.findings
        ]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_catalog_in_another_encoding_is_one_line_with_its_path(
    tmp_path: Path, encoding: str
) -> None:
    path = next(p for p in _catalogs() if p.parent.parent.name == "fr_FR")
    text = path.read_text(encoding="utf-8")
    bad = tmp_path / "fr_FR" / "LC_MESSAGES" / "messages.po"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(text.encode(encoding, errors="replace"))
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code in (1, 2) and isinstance(result.exception, SystemExit | None)
    [finding] = [line for line in result.output.splitlines() if str(bad) in line]
    assert "read-error" in finding
    assert "misformatted keyword" not in finding


# --- deep front matter -----------------------------------------------------------------


# A block mapping 5,000 levels deep is a 25 MB page of indentation: a test of size, not
# of depth, which the other shapes reach at 5,000 in a few kilobytes.
DEPTHS = [(shape, depth) for shape in ("flow-list", "flow-map") for depth in (65, 1000, 5000)]


@pytest.mark.parametrize(("shape", "depth"), [*DEPTHS, ("block", 65), ("block", 1000)])
def test_deep_front_matter_is_checked_without_a_traceback(
    tmp_path: Path, shape: str, depth: int
) -> None:
    if shape == "flow-list":
        value = "a: " + "[" * depth + "]" * depth + "\n"
    elif shape == "flow-map":
        value = "a: " + "{b: " * depth + "c" + "}" * depth + "\n"
    else:
        value = "".join("  " * level + f"k{level}:\n" for level in range(depth))
    for locale in ("en-US", "fr-FR"):
        page = tmp_path / locale / "guide.md"
        page.parent.mkdir()
        page.write_text(f"---\ntitle: x\n{value}---\n\n# Guide\n\nText.\n", encoding="utf-8")
    run = _sunset("check", str(tmp_path))
    assert run.returncode in (0, 1, 2)
    assert "Traceback" not in run.stderr + run.stdout
    assert "2 page(s)" in run.stdout + run.stderr
    # said as it is: the front matter is there, but nested too deep to read
    assert "no YAML front matter" not in run.stdout
    assert "front matter cannot be read" in run.stdout


@pytest.mark.parametrize("shape", sorted(LOOPS))
def test_a_looping_path_given_to_check_is_one_finding(tmp_path: Path, shape: str) -> None:
    link = LOOPS[shape](tmp_path)
    result = CliRunner().invoke(main, ["check", str(link), str(UI_PO)])
    assert result.exit_code in (1, 2) and isinstance(result.exception, SystemExit | None)
    [finding] = [line for line in result.output.splitlines() if line.startswith(str(link))]
    assert "read-error" in finding and "loops" in finding
