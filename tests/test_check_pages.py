"""Rendered-page checks: each defect introduced into a real translated page is reported.

The page is whichever complete translation the build has (a feature-comparison table
preferred); a test needs no given definition, locale or wording."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.guides import BuildResult, Page
from sunsetkit.i18n import discover_catalogs, load_catalog

from .conftest import ROOT

#: A table of two columns, for a page whose definition has no feature comparison: the
#: same in both pages, as the template renders one.
TABLE = "| A | B |\n|---|:---:|\n| a | 1 |\n| b | 2 |\n\n"
H2 = re.compile(r'^## <a name="[^"]+"></a>(.+)$', re.M)


def _has_table(text: str) -> bool:
    return "\n|---" in text


def _pages(built: BuildResult) -> tuple[Page, Page]:
    """(English, translated) pages of one definition: a translated page that is complete
    (no English fallback notice), one with a table where any definition has one."""
    english = {p.migration_id: p for p in built.pages if p.locale_id == "en-US"}
    translated = [p for p in built.pages if p.locale_id != "en-US" and p.usage.complete]
    assert translated, "no locale translates a whole page"
    page = min(
        translated,
        key=lambda p: (not _has_table(english[p.migration_id].text), p.locale_id, p.migration_id),
    )
    return english[page.migration_id], page


def _with_a_table(text: str) -> str:
    """The page with a table before its last section, if it has none of its own."""
    if _has_table(text):
        return text
    last = list(H2.finditer(text))[-1]
    return text[: last.start()] + TABLE + text[last.start() :]


def _texts(built: BuildResult) -> tuple[str, str, str]:
    """(path of the page under its locale's folder, English text, translated text), both
    with a table."""
    english, translated = _pages(built)
    path = f"{translated.locale_id}/{translated.migration_id}.md"
    return path, _with_a_table(english.text), _with_a_table(translated.text)


def _check(tmp_path: Path, path: str, english: str, translated: str) -> set[str]:
    page = tmp_path / path
    page.parent.mkdir()
    (tmp_path / "en-US").mkdir()
    (tmp_path / "en-US" / page.name).write_text(english, encoding="utf-8")
    page.write_text(translated, encoding="utf-8")
    result = run_checks([tmp_path], CheckOptions())
    assert {f.path for f in result.findings} <= {str(page)}
    return {f.check for f in result.findings}


def _english_paragraph(english: str, translated: str) -> tuple[str, str]:
    """A one-line paragraph of the English page (a sentence of four words or more) and
    the line that translates it: below the front matter, the pages have the same lines in
    the same order."""
    source = english.split("---\n", 2)[2].splitlines()
    target = translated.split("---\n", 2)[2].splitlines()
    assert len(source) == len(target), "a translated page has the English page's lines"
    for i in range(1, len(source) - 1):
        line = source[i]
        if (
            source[i - 1] == source[i + 1] == target[i - 1] == target[i + 1] == ""
            and line[:1].isalpha()
            and len(line.split()) >= 4
            and line.rstrip()[-1:] in ".:?!"
            and target[i] != line
        ):
            return line, target[i]
    raise AssertionError("the English page has no one-line paragraph that is translated")


def _drop_first(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    assert match, "the page has no such line"
    return text[: match.start()] + text[match.end() :]


def _drop_last_cell(text: str) -> str:
    """The first body row of the first table loses its last cell."""
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("|---")) + 1
    lines[row] = lines[row].rstrip("|").rstrip().rsplit("|", 1)[0] + "|"
    return "\n".join(lines)


def _heading_text(text: str, which: int, replacement: str) -> str:
    """The text of a section heading (`which`: its index) replaced, its anchor kept."""
    heading = list(H2.finditer(text))[which]
    return text[: heading.start(1)] + replacement + text[heading.end(1) :]


def _drop_anchor(text: str) -> str:
    """The first section heading loses its anchor."""
    heading = H2.search(text)
    assert heading, "the page has no section"
    return text[: heading.start()] + "## " + text[heading.start(1) :]


MUTATIONS: dict[str, tuple[Callable[[str], str], set[str]]] = {
    "clean": (lambda t: t, set()),
    "anchor": (_drop_anchor, {"page-anchors"}),
    "list": (lambda t: _drop_first(t, re.compile(r"^- .*\n", re.M)), {"page-lists"}),
    "table": (lambda t: _drop_last_cell(t), {"page-tables"}),
    "leftover": (lambda t: _heading_text(t, 0, "{{ feature_title }}"), {"page-leftover"}),
    "placeholder": (lambda t: _heading_text(t, -1, "%(next)s"), {"page-leftover"}),
    "no-front-matter": (lambda t: t.split("---\n", 2)[2], {"page-parse"}),
    "front-matter-key": (
        lambda t: _drop_first(t, re.compile(r"^ms\.date: .*\n", re.M)),
        {"page-front-matter"},
    ),
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_page_defect_is_reported(case: str, built: BuildResult, tmp_path: Path) -> None:
    mutate, expected = MUTATIONS[case]
    path, english, translated = _texts(built)
    assert mutate(translated) != translated or case == "clean"
    assert _check(tmp_path, path, english, mutate(translated)) == expected


def test_english_fallback_without_notice_is_reported(built: BuildResult, tmp_path: Path) -> None:
    path, english, translated = _texts(built)
    english_line, translated_line = _english_paragraph(english, translated)
    translated = translated.replace(translated_line, english_line)
    assert _check(tmp_path, path, english, translated) == {"page-fallback"}


def test_english_fallback_with_the_notice_is_fine(built: BuildResult, tmp_path: Path) -> None:
    _, translated_page = _pages(built)
    path, english, translated = _texts(built)
    english_line, translated_line = _english_paragraph(english, translated)
    translated = translated.replace(translated_line, english_line)
    locale_id = translated_page.locale_id
    notice = (
        load_catalog(discover_catalogs(ROOT / "locales")[locale_id], locale_id)
        .get("Parts of this page are not translated yet and are shown in English.")
        .string
    )
    title_end = translated.index("\n\n", translated.index("\n# ")) + 2
    translated = translated[:title_end] + f"> [!NOTE]\n> {notice}\n\n" + translated[title_end:]
    assert _check(tmp_path, path, english, translated) == set()


def test_pages_without_an_english_counterpart_get_page_local_checks(tmp_path: Path) -> None:
    page = tmp_path / "nl-NL" / "orphan.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: x\n---\n\n# Titel {{ x }}\n", encoding="utf-8")
    result = run_checks([tmp_path], CheckOptions())
    assert [(f.check, f.line) for f in result.findings] == [("page-leftover", 5)]
