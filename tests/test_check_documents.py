"""The Markdown files docs teams have: side-by-side pages and parallel trees, each read
directly; ordinary Markdown is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.parallel import folder_locale, pairing
from sunsetkit.checks.sxs import read_side_by_side
from sunsetkit.content.load import load_glossary
from sunsetkit.guides import Project, build_guides

from .conftest import ROOT, tiny_catalog

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")


def _found(*paths: Path) -> set[tuple[str, int | None, str]]:
    result = run_checks(list(paths), CheckOptions(glossary=GLOSSARY))
    return {(Path(f.path).name, f.line, f.check) for f in result.findings}


def test_side_by_side_segments_are_messages_at_their_lines() -> None:
    page = FIXTURES / "sxs" / "migrate.md"
    segments = read_side_by_side(page.read_text(encoding="utf-8"))
    assert [s.line for s in segments] == [7, 9, 10, 12, 14]
    assert segments[1].source == "Sign in to Partner Center and select **Customers**."
    result = run_checks([page], CheckOptions(glossary=GLOSSARY))
    assert {f.locale for f in result.findings} == {"de-DE"}  # from ms.contentlocale
    assert _found(page) == {
        ("migrate.md", 10, "placement"),
        ("migrate.md", 12, "links"),
        ("migrate.md", 14, "english-left"),
    }


def test_link_targets_are_quoted_as_written() -> None:
    result = run_checks([FIXTURES / "sxs" / "migrate.md"], CheckOptions(glossary=GLOSSARY))
    messages = [f.message for f in result.findings if f.check == "links"]
    assert "link target 'prices-ü.md' changed or missing" in messages
    assert not any("%" in message for message in messages)


def test_parallel_trees_are_aligned_block_by_block() -> None:
    assert _found(FIXTURES / "tree") == {
        ("guide.md", 10, "code"),
        ("guide.md", 12, "links"),
        ("guide.md", 14, "page-structure"),
        ("intro.sv.md", 3, "placement"),
        ("intro.sv.md", 3, "ui"),
    }


def test_pairing_by_folder_and_by_suffix() -> None:
    tree = FIXTURES / "tree"
    folder = pairing(tree / "docs" / "fr" / "guide.md")
    assert folder.source == tree / "docs" / "en" / "guide.md" and folder.locale == "fr"
    suffix = pairing(tree / "site" / "intro.nl.md")
    assert suffix.source == tree / "site" / "intro.md" and suffix.locale == "nl"
    assert pairing(tree / "README.md").source is None


def test_ordinary_markdown_is_left_alone() -> None:
    # The project's README mentions the side-by-side markup without having a segment.
    result = run_checks([FIXTURES / "tree" / "README.md", ROOT / "README.md"], CheckOptions())
    assert result.findings == [] and result.pages == 0 and result.left == 2


def test_the_projects_side_by_side_pages_are_clean(tmp_path: Path) -> None:
    for page in build_guides(Project(ROOT), fmt="sxs").pages:
        target = tmp_path / page.relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    result = run_checks([tmp_path], CheckOptions(glossary=GLOSSARY))
    assert result.pages > 0 and result.messages > result.pages  # every segment compared
    assert result.findings == []


@pytest.mark.parametrize(
    ("name", "locale"),
    [
        ("fr", "fr"),
        ("fr-FR", "fr-FR"),
        ("pt_BR", "pt-BR"),
        ("src", None),
        ("root", None),
        ("und", None),
        ("docs", None),
    ],
)
def test_folder_names_that_are_locales(name: str, locale: str | None) -> None:
    assert folder_locale(name) == locale


def test_side_by_side_segments_keep_inline_html_and_skip_segments_without_english() -> None:
    text = (
        '<span data-ttu-id="a-1">Zie <span class="x">dit</span> deel<br/></span>'
        '<span class="sxs-lookup"><span data-stu-id="a-1">See <span class="x">this</span>'
        " part<br/></span></span>\n"
        '<span data-ttu-id="a-2">Zonder bron</span>\n'
    )
    segments = read_side_by_side(text)
    assert [(s.translation, s.source) for s in segments] == [
        ('Zie <span class="x">dit</span> deel<br/>', 'See <span class="x">this</span> part<br/>')
    ]


def _whitespace(path: Path) -> list[str]:
    result = run_checks([path], CheckOptions(glossary=GLOSSARY))
    return sorted(f.message for f in result.findings if f.check == "whitespace")


@pytest.mark.parametrize(("source", "text"), [("Notes ", "Notizen"), (" Notes", "Notizen")])
def test_outer_space_counts_in_a_catalog_not_in_a_markdown_segment(
    tmp_path: Path, source: str, text: str
) -> None:
    # a catalog message may be joined to others in code ("Name: " + value)
    catalog = tiny_catalog(tmp_path, "de-DE", [(source, text)])
    assert _whitespace(catalog) == ["leading or trailing white space differs from the source"]
    # a segment's outer spaces render as nothing; a double space inside it still shows
    cell = (
        '<span data-ttu-id="a-{n}">{t}</span>'
        '<span class="sxs-lookup"><span data-stu-id="a-{n}">{s}</span></span>'
    )
    page = tmp_path / "page.md"
    page.write_text(
        "---\nms.contentlocale: de-DE\n---\n\n"
        + cell.format(n=1, t=text, s=source)
        + "\n\n"
        + cell.format(n=2, t="Neue  Notizen", s="New notes")
        + "\n",
        encoding="utf-8",
    )
    assert _whitespace(page) == ["double space"]
