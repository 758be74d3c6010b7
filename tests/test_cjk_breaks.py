"""Chinese and Japanese sentences joined by a line break show no space in HTML; Korean and
Latin text keep theirs; the hidden English of the side-by-side form is never a neighbour."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.cli import main
from sunsetkit.guides.cjk import _wide
from sunsetkit.guides.html import checklist_html, guide_html

from .conftest import ROOT
from .htmltree import Element, parse

WIDE = st.sampled_from("終了次に進みます。、「」移行顧客中文简体订阅\uff08\uff09\uff1a\uff01")
HANGUL = st.sampled_from("한국어문장구독전환")
LATIN = st.sampled_from("abcXYZ.,!")
CHAR = st.one_of(WIDE, HANGUL, LATIN)
LINE = st.text(CHAR, min_size=1, max_size=6).filter(lambda s: not s.startswith(("#", "-")))


#: Elements whose text runs on one line of prose (a space inside one shows).
TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "td", "th", "figcaption")


def _visible(root: Element) -> str:
    """The text a reader sees: without the hidden English of side-by-side spans."""
    parts: list[str] = []
    for child in root.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.attrs.get("class") != "sxs-lookup" and child.tag not in ("style", "script"):
            parts.append(_visible(child))
    return "".join(parts)


def _expected(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        joined += ("" if _wide(joined[-1]) and _wide(line[0]) else "\n") + line
    return joined


@given(st.lists(LINE, min_size=2, max_size=5))
def test_a_break_between_two_wide_characters_is_dropped(lines: list[str]) -> None:
    html = checklist_html("\n".join(lines))
    assert _visible(parse(html)).strip() == _expected(lines)


def test_the_same_text_renders_the_same_every_time() -> None:
    """The inline tokens are cached across checklists: a soft break joined in one render
    must not be joined again into the cached text (it repeated the sentence)."""
    text = "客户已迁移\n终止订阅"
    renders = {str(checklist_html(text)) for _ in range(4)}
    assert len(renders) == 1 and "客户已迁移终止订阅</p>" in renders.pop()


@given(st.lists(st.tuples(LINE, st.text(LATIN, min_size=1, max_size=8)), min_size=2, max_size=4))
def test_the_hidden_english_is_no_neighbour(segments: list[tuple[str, str]]) -> None:
    markdown = "\n".join(
        f'<span data-ttu-id="s{i}">{shown}</span><span class="sxs-lookup">'
        f'<span data-stu-id="s{i}">{hidden}</span></span>'
        for i, (shown, hidden) in enumerate(segments)
    )
    html = guide_html(markdown, {}, {}).body
    assert _visible(parse(html)).strip() == _expected([shown for shown, _ in segments])


def test_no_built_page_puts_a_space_between_wide_characters(tmp_path: Path) -> None:
    """Every HTML guide of every locale, as the project ships them: a line break inside a
    block is the only space the page adds (a space the translator wrote, as between katakana
    words in Microsoft's Japanese style, is theirs)."""
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["build", "--project", str(ROOT), "--out", str(out), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    checked = 0
    for page in sorted(out.rglob("*.html")):
        root = parse(page.read_text(encoding="utf-8"))
        for block in [e for tag in TEXT_BLOCKS for e in root.iter(tag)]:
            for match in re.finditer(r"(\S)[ \t]*\n\s*(\S)", _visible(block)):
                assert not (_wide(match[1]) and _wide(match[2])), (page, match[0])
            checked += 1
    assert checked
