"""The machine-translation marking survives the tools that touch catalogs: GNU msgmerge and
msgcat, pybabel update, and a translate-toolkit round trip (Weblate's PO backend). A page
built from the catalog afterwards still says ms.translationtype: MT."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import MACHINE_COMMENT, MACHINE_FLAG, is_machine_translated

LOCALE, MESSAGE = "sv_SE", "Next steps"


def _catalog(root: Path) -> Path:
    return root / "locales" / LOCALE / "LC_MESSAGES" / "messages.po"


def _mark(root: Path, comment: bool = True) -> None:
    path = _catalog(root)
    with path.open("rb") as handle:
        catalog = read_po(handle)
    message = catalog.get(MESSAGE)
    if comment:
        message.user_comments.append(MACHINE_COMMENT)
    else:
        message.flags.add(MACHINE_FLAG)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=88)


def _still_machine(root: Path) -> bool:
    with _catalog(root).open("rb") as handle:
        return is_machine_translated(read_po(handle).get(MESSAGE))


def _pages_say_mt(root: Path) -> bool:
    pages = build_guides(Project(root), locales=["sv-SE"]).pages
    return bool(pages) and all("ms.translationtype: MT" in p.text for p in pages)


def _run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True)


def _msgmerge(root: Path) -> None:
    _run(
        "msgmerge",
        "-q",
        "--previous",
        "-o",
        _catalog(root),
        _catalog(root),
        root / "locales" / "messages.pot",
    )


def _msgcat(root: Path) -> None:
    _run("msgcat", "-o", _catalog(root), _catalog(root))


def _pybabel_update(root: Path) -> None:
    pybabel = Path(sys.executable).parent / "pybabel"
    _run(
        pybabel,
        "update",
        "-i",
        root / "locales" / "messages.pot",
        "-d",
        root / "locales",
        "-l",
        LOCALE,
        "-w",
        "88",
    )


def _translate_toolkit(root: Path) -> None:
    """What Weblate does to a PO file: parse it with translate-toolkit and write it back,
    after a change to another unit."""
    po = pytest.importorskip("translate.storage.po")
    store = po.pofile.parsefile(str(_catalog(root)))
    other = next(u for u in store.units if u.source == "Create a purchase offer")
    other.target = "Skapa ett inköpserbjudande"
    _catalog(root).write_bytes(bytes(store))


def _pot2po(root: Path) -> None:
    """translate-toolkit's own merge with a new template."""
    pytest.importorskip("translate.convert.pot2po")
    pot2po = Path(sys.executable).parent / "pot2po"
    merged = root / "merged.po"
    _run(pot2po, "-t", _catalog(root), root / "locales" / "messages.pot", merged)
    shutil.move(merged, _catalog(root))


TOOLS: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "msgmerge": (_msgmerge, "msgmerge"),
    "msgcat": (_msgcat, "msgcat"),
    "pybabel-update": (_pybabel_update, None),
    "translate-toolkit": (_translate_toolkit, None),
    "pot2po": (_pot2po, None),
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_the_marking_survives(tool: str, project_copy: Path) -> None:
    step, program = TOOLS[tool]
    if program and shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (apt-get install gettext)")
    _mark(project_copy)
    assert _pages_say_mt(project_copy)
    step(project_copy)
    assert _still_machine(project_copy), f"{tool} dropped the marking"
    assert _pages_say_mt(project_copy)


@pytest.mark.parametrize("tool", ["msgmerge", "msgcat"])
def test_the_old_flag_does_not_survive_gnu_gettext(tool: str, project_copy: Path) -> None:
    """Why the marking is a comment: GNU gettext drops flags it does not know."""
    step, program = TOOLS[tool]
    if program and shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (apt-get install gettext)")
    _mark(project_copy, comment=False)
    assert _pages_say_mt(project_copy)
    step(project_copy)
    assert not _still_machine(project_copy)
