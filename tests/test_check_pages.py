"""Rendered-page checks: each defect introduced into a real nl-NL page is reported."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.guides import BuildResult

SKYPE = "skype-business-online-plan-1"


def _page(built: BuildResult, locale_id: str) -> str:
    return next(p.text for p in built.pages if p.locale_id == locale_id and p.migration_id == SKYPE)


def _check(tmp_path: Path, english: str, dutch: str) -> set[str]:
    (tmp_path / "en-US").mkdir()
    (tmp_path / "nl-NL").mkdir()
    (tmp_path / "en-US" / f"{SKYPE}.md").write_text(english, encoding="utf-8")
    (tmp_path / "nl-NL" / f"{SKYPE}.md").write_text(dutch, encoding="utf-8")
    result = run_checks([tmp_path], CheckOptions())
    assert {f.path for f in result.findings} <= {str(tmp_path / "nl-NL" / f"{SKYPE}.md")}
    return {f.check for f in result.findings}


def _english_paragraph(built: BuildResult) -> tuple[str, str]:
    english, dutch = _page(built, "en-US"), _page(built, "nl-NL")
    return (
        next(line for line in english.splitlines() if line.startswith("You can move")),
        next(line for line in dutch.splitlines() if line.startswith("U kunt een klant")),
    )


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


MUTATIONS: dict[str, tuple[Callable[[str], str], set[str]]] = {
    "clean": (lambda t: t, set()),
    "anchor": (lambda t: t.replace('<a name="when-to-transition"></a>', ""), {"page-anchors"}),
    "list": (lambda t: _drop_first(t, re.compile(r"^- .*\n", re.M)), {"page-lists"}),
    "table": (lambda t: _drop_last_cell(t), {"page-tables"}),
    "leftover": (
        lambda t: t.replace("Functievergelijking", "{{ feature_title }}"),
        {"page-leftover"},
    ),
    "placeholder": (lambda t: t.replace("Volgende stappen", "%(next)s"), {"page-leftover"}),
    "no-front-matter": (lambda t: t.split("---\n", 2)[2], {"page-parse"}),
    "front-matter-key": (lambda t: t.replace("ms.date: 06/03/2020\n", ""), {"page-front-matter"}),
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_page_defect_is_reported(case: str, built: BuildResult, tmp_path: Path) -> None:
    mutate, expected = MUTATIONS[case]
    dutch = _page(built, "nl-NL")
    assert mutate(dutch) != dutch or case == "clean"
    assert _check(tmp_path, _page(built, "en-US"), mutate(dutch)) == expected


def test_english_fallback_without_notice_is_reported(built: BuildResult, tmp_path: Path) -> None:
    english_line, dutch_line = _english_paragraph(built)
    dutch = _page(built, "nl-NL").replace(dutch_line, english_line)
    assert _check(tmp_path, _page(built, "en-US"), dutch) == {"page-fallback"}


def test_english_fallback_with_the_notice_is_fine(built: BuildResult, tmp_path: Path) -> None:
    english_line, dutch_line = _english_paragraph(built)
    dutch = _page(built, "nl-NL").replace(dutch_line, english_line)
    title_end = dutch.index("\n\n", dutch.index("\n# ")) + 2
    dutch = dutch[:title_end] + "> [!NOTE]\n> Niet alles is vertaald.\n\n" + dutch[title_end:]
    assert _check(tmp_path, _page(built, "en-US"), dutch) == set()


def test_pages_without_an_english_counterpart_get_page_local_checks(tmp_path: Path) -> None:
    page = tmp_path / "nl-NL" / "orphan.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: x\n---\n\n# Titel {{ x }}\n", encoding="utf-8")
    result = run_checks([tmp_path], CheckOptions())
    assert [(f.check, f.line) for f in result.findings] == [("page-leftover", 5)]
