"""A fuzzy translation is a guess: no page uses it, and `sunset check --strict` refuses it.

`pybabel update` with fuzzy matching pairs a new message with a similar old one and
pre-fills its translation (a sentence about cancelling got the one about renewals); the
README's update command turns that off, and whatever fuzzy entry a tool still writes is
listed, entry by entry, and fails a strict check.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.cli import main
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import discover_catalogs

from .conftest import ROOT, copy_project
from .test_catalog_hygiene import _readme_commands

CATALOGS = discover_catalogs(ROOT / "locales")
MARK = "FUZZYGUESS"


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def _guess(message_id: str | tuple[str, ...]) -> str:
    """A wrong translation that keeps the placeholders (so only its flag is wrong)."""
    return f"{MARK} {message_id if isinstance(message_id, str) else message_id[-1]}"


def test_no_page_uses_a_fuzzy_translation(tmp_path: Path) -> None:
    """Every message of every catalog a fuzzy guess: every page is English, and no
    message counts as translated."""
    root = copy_project(tmp_path / "project")
    for path in CATALOGS.values():
        copy = root / path.relative_to(ROOT)
        catalog = _read(copy)
        for message in list(catalog)[1:]:
            guess = _guess(message.id)
            message.string = (guess,) * catalog.num_plurals if message.pluralizable else guess
            message.flags.add("fuzzy")
        _write(copy, catalog)
    result = build_guides(Project(root))
    assert set(CATALOGS) <= set(result.locales)
    for page in result.pages:
        assert MARK not in page.text, f"{page.relpath} uses a fuzzy translation"
    for locale_id in CATALOGS:
        assert not result.coverage[locale_id].translated, locale_id


@settings(max_examples=6, deadline=None)
@given(
    locale_id=st.sampled_from(sorted(CATALOGS)),
    picks=st.sets(st.integers(0, 10_000), min_size=1, max_size=6),
    emptied=st.booleans(),
)
def test_strict_check_lists_and_refuses_every_fuzzy_entry(
    tmp_path_factory: pytest.TempPathFactory, locale_id: str, picks: set[int], emptied: bool
) -> None:
    folder = tmp_path_factory.mktemp("fuzzy")
    catalog = _read(CATALOGS[locale_id])
    messages = list(catalog)[1:]
    chosen = {messages[i % len(messages)].id for i in picks}
    for message in messages:
        if message.id in chosen:
            message.flags.add("fuzzy")
            if emptied:  # a fuzzy entry without a translation is untranslated
                empty = ("",) * len(message.string)
                message.string = "" if isinstance(message.string, str) else empty
    path = folder / "messages.po"
    _write(path, catalog)
    lines = {m.lineno for m in _read(path) if m.id in chosen}
    args = ["check", "--strict", "--jobs", "1", "--glossary", str(ROOT / "content/glossary.yaml")]
    result = CliRunner().invoke(main, [*args, str(path)])
    assert result.exit_code == 1, result.output
    check = "untranslated" if emptied else "fuzzy"
    listed = {
        int(line.split(":")[1])
        for line in result.output.splitlines()
        if f": warning {check}" in line
    }
    assert lines <= listed, (lines - listed, result.output[-2000:])
    plain = CliRunner().invoke(main, ["check", *args[2:], str(path)])
    assert plain.exit_code == 0, "without --strict a fuzzy entry is a warning"


def test_the_readme_update_command_makes_no_fuzzy_guess(tmp_path: Path) -> None:
    """A new message beside a similar old one stays untranslated after the README's
    update command: no translation is guessed for it."""
    root = copy_project(tmp_path / "project")
    pot_path = root / "locales" / "messages.pot"
    template = _read(pot_path)
    olds = [m for m in list(template)[1:] if not m.pluralizable and len(str(m.id)) > 30]
    for old in olds[:5]:  # one word changed: what fuzzy matching pairs
        template.add(f"{old.id} Then review it.", context=old.context)
    with pot_path.open("wb") as handle:
        write_po(handle, template, width=0)
    update = next(c for c in _readme_commands() if c[1] == "update")
    assert "--no-fuzzy-matching" in update, shlex.join(update)
    frontend = [sys.executable, "-m", "babel.messages.frontend"]
    done = subprocess.run([*frontend, *update[1:]], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for path in (root / "locales").glob("*/LC_MESSAGES/messages.po"):
        catalog = _read(path)
        assert not [m.id for m in catalog if m.fuzzy], path
        for old in olds[:5]:
            new = catalog.get(f"{old.id} Then review it.", context=old.context)
            assert new is not None and not new.string, (path, new)
