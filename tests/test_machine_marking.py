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

from sunsetkit.guides import BuildResult, Project, build_guides
from sunsetkit.i18n import MACHINE_COMMENT, MACHINE_FLAG, is_machine_translated

from .conftest import most_used_message

LOCALE = "sv_SE"
Key = tuple[str | None, str]


@pytest.fixture(scope="module")
def message(built: BuildResult) -> Key:
    """The message the test marks: one that most pages use, whatever the definitions."""
    return most_used_message(built, LOCALE.replace("_", "-"))


def _catalog(root: Path) -> Path:
    return root / "locales" / LOCALE / "LC_MESSAGES" / "messages.po"


def _mark(root: Path, key: Key, comment: bool = True) -> None:
    path = _catalog(root)
    with path.open("rb") as handle:
        catalog = read_po(handle)
    context, msgid = key
    message = catalog.get(msgid, context=context)
    if comment:
        message.user_comments.append(MACHINE_COMMENT)
    else:
        message.flags.add(MACHINE_FLAG)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def _still_machine(root: Path, key: Key) -> bool:
    context, msgid = key
    with _catalog(root).open("rb") as handle:
        return is_machine_translated(read_po(handle).get(msgid, context=context))


def _pages_say_mt(root: Path, key: Key) -> bool:
    """Every page that uses the message says MT (and some page uses it)."""
    pages = build_guides(Project(root), locales=[LOCALE]).pages
    users = [p for p in pages if key in p.usage.used]
    return bool(users) and all("ms.translationtype: MT\n" in p.text for p in users)


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
        "--no-wrap",
    )


def _translate_toolkit(root: Path) -> None:
    """What Weblate does to a PO file: parse it with translate-toolkit and write it back,
    after a change to another unit."""
    po = pytest.importorskip("translate.storage.po")
    store = po.pofile.parsefile(str(_catalog(root)))
    other = next(
        u
        for u in store.units
        if u.istranslated()
        and not u.hasplural()
        and MACHINE_COMMENT not in u.getnotes("translator").split()
    )
    other.target = f"{other.target} (ändrad)"
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
def test_the_marking_survives(tool: str, project_copy: Path, message: Key) -> None:
    step, program = TOOLS[tool]
    if program and shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (apt-get install gettext)")
    _mark(project_copy, message)
    assert _pages_say_mt(project_copy, message)
    step(project_copy)
    assert _still_machine(project_copy, message), f"{tool} dropped the marking"
    assert _pages_say_mt(project_copy, message)


@pytest.mark.parametrize("tool", ["msgmerge", "msgcat"])
def test_the_old_flag_does_not_survive_gnu_gettext(
    tool: str, project_copy: Path, message: Key
) -> None:
    """Why the marking is a comment: GNU gettext drops flags it does not know."""
    step, program = TOOLS[tool]
    if program and shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (apt-get install gettext)")
    _mark(project_copy, message, comment=False)
    assert _pages_say_mt(project_copy, message)
    step(project_copy)
    assert not _still_machine(project_copy, message)
