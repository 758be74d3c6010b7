"""`sunset check` on small catalogs: one per defect kind, one clean one per shipped locale.

Each message that must be reported says so in an extracted comment, `#. expect: id, id`;
every other message must give no finding at all, so false positives fail as well.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.words import definition_names
from sunsetkit.content.load import load_glossary

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
NAMES = definition_names(ROOT / "content" / "migrations")


def _expected(path: Path) -> dict[int, set[str]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    expected: dict[int, set[str]] = {}
    for message in [*catalog, *catalog.obsolete.values()]:
        for comment in message.auto_comments:
            if comment.startswith("expect:"):
                ids = {part.strip() for part in comment.removeprefix("expect:").split(",")}
                expected[message.lineno] = ids
    return expected


def _found(path: Path) -> dict[int, set[str]]:
    result = run_checks([path], CheckOptions(glossary=GLOSSARY, names=NAMES))
    found: dict[int, set[str]] = defaultdict(set)
    for finding in result.findings:
        found[finding.line or 0].add(finding.check)
    return dict(found)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.po")), ids=lambda p: p.stem)
def test_catalog_fixture_reports_exactly_what_it_expects(path: Path) -> None:
    expected = _expected(path)
    # A header has no comment to say what it expects: the plurals fixture's is its defect.
    header = {1: {"plural-forms"}} if path.stem == "plurals" else {}
    if path.stem.startswith("clean-"):
        assert not expected
    else:
        assert expected or header, "a defect fixture must expect something"
    assert _found(path) == {**header, **expected}


def test_there_is_a_clean_catalog_for_every_shipped_locale() -> None:
    shipped = {p.parent.parent.name[:2] for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")}
    clean = {p.stem.removeprefix("clean-") for p in FIXTURES.glob("clean-*.po")}
    assert clean == shipped


def test_project_catalogs_and_pages_are_clean(tmp_path: Path) -> None:
    from sunsetkit.guides import Project, build_guides

    out = tmp_path / "guides"
    pages = build_guides(Project(ROOT)).pages
    for page in pages:
        target = out / page.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    result = run_checks([ROOT / "locales", out], CheckOptions(glossary=GLOSSARY, names=NAMES))
    assert result.findings == []
    catalogs = len(list((ROOT / "locales").rglob("*.po"))) + 1  # and the .pot
    assert result.catalogs == catalogs and result.pages == len(pages)


def test_a_name_with_any_unicode_space_inside_is_the_name_verbatim(tmp_path: Path) -> None:
    """Side-by-side pages and typographers put no-break spaces inside names; every space
    separator (Unicode Zs) is a space, for every multiword name of the glossary."""
    spaces = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs"]
    options = CheckOptions(glossary=GLOSSARY)
    names = [n for n in options.locale_glossary("de-DE").verbatim if " " in n]
    assert names
    lines = ['msgid ""', 'msgstr ""', '"Language: de_DE\\n"', ""]
    for i, (name, space) in enumerate(itertools.product(names, spaces)):
        lines += [
            f'msgid "Use {name} now ({i})."',
            f'msgstr "Nutzen Sie {name.replace(" ", space)} ({i})."',
            "",
        ]
    broken = names[0].replace(" ", "")  # a name that lost its space is not verbatim
    lines += [f'msgid "Use {names[0]} later."', f'msgstr "Nutzen Sie {broken} später."', ""]
    path = tmp_path / "spaces.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = run_checks([path], options).findings
    assert [(f.check, f.msgid) for f in found if f.check == "name"] == [
        ("name", f"Use {names[0]} later.")
    ]
