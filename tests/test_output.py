"""Writing: byte-identical rebuilds, stale pages removed, thresholds, side-by-side form."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.content.load import load_migrations
from sunsetkit.errors import UsageError
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import discover_catalogs, parse_locale, posix
from sunsetkit.markdown import outline
from sunsetkit.write import MANIFEST, replace_folder, safe_join

from .conftest import ROOT, page_count

#: The shipped definitions' ids and the locales that have a catalog, whichever exist.
IDS = sorted(m.id for m in load_migrations(ROOT / "content" / "migrations"))
TRANSLATED = sorted(discover_catalogs(ROOT / "locales"))


def _definition(root: Path, migration_id: str) -> Path:
    return next(
        path
        for path in (root / "content" / "migrations").glob("*.yaml")
        if yaml.safe_load(path.read_text(encoding="utf-8"))["id"] == migration_id
    )


def _build(root: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(out), *args])
    return result.exit_code, result.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("command", ["build", "checklists"])
def test_written_files_are_readable_by_others(project_copy: Path, command: str) -> None:
    """0644 files in 0755 folders under the usual umask, as any tool writes them: a web
    server or another CI user can read the pages."""
    out = project_copy / "out"
    old = os.umask(0o022)
    try:
        args = [command, "--project", str(project_copy), "--out", str(out)]
        if command == "checklists":
            args[1:1] = [str(project_copy / "content" / "customers.example.json")]
        assert CliRunner().invoke(main, args).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    for path in out.rglob("*"):
        expected = 0o755 if path.is_dir() else 0o644
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_rebuild_is_byte_identical_and_leaves_no_temporary_files(project_copy: Path) -> None:
    out = project_copy / "out"
    assert _build(project_copy, out)[0] == 0
    first = _snapshot(out)
    assert _build(project_copy, out)[0] == 0
    assert _snapshot(out) == first
    assert len([k for k in first if k.endswith(".md")]) == page_count(project_copy)
    assert not [k for k in first if k.endswith(".tmp")]


def test_build_prints_per_locale_coverage(project_copy: Path) -> None:
    code, output = _build(project_copy, project_copy / "out")
    assert code == 0
    for locale_id in ("en-US", *discover_catalogs(project_copy / "locales")):
        assert re.search(rf"^{locale_id}\s+100\.0%\s+(\d+)/\1\s", output, re.M), output


def test_page_of_a_removed_definition_does_not_linger(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    removed = IDS[0]
    _definition(project_copy, removed).unlink()
    code, output = _build(project_copy, out)
    assert code == 0
    assert not list(out.rglob(f"{removed}.md"))
    for locale_id in ("en-US", *TRANSLATED):
        assert f"removed stale {locale_id}/{removed}.md" in output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len(list(out.rglob("*.md"))) == page_count(project_copy)


def test_pages_of_a_removed_catalog_do_not_linger(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    locale_id = TRANSLATED[-1]
    assert (out / locale_id).is_dir()
    shutil.rmtree(project_copy / "locales" / posix(parse_locale(locale_id)))
    assert _build(project_copy, out)[0] == 0
    assert not (out / locale_id).exists()


def test_a_partial_build_keeps_other_pages(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    locale = posix(parse_locale(TRANSLATED[0]))
    code, _ = _build(project_copy, out, "--locale", locale, "--migration", IDS[0])
    assert code == 0
    assert len(list(out.rglob("*.md"))) == page_count(project_copy)


def test_min_coverage_skips_the_locale_and_exits_1(project_copy: Path) -> None:
    locale_id = TRANSLATED[0]
    po = project_copy / "locales" / posix(parse_locale(locale_id)) / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    # drop the translation of every single-line message
    po.write_text(
        re.sub(r'^(msgid "[^"]+"\nmsgstr )"[^"]+"$', r'\1""', text, flags=re.M), encoding="utf-8"
    )
    out = project_copy / "out"
    code, output = _build(project_copy, out, "--min-coverage", "90")
    assert code == 1
    assert f"{locale_id} is below --min-coverage 90%" in output
    assert not (out / locale_id).exists()
    definitions = len(list((project_copy / "content" / "migrations").glob("*.yaml")))
    for other in ("en-US", *TRANSLATED[1:]):
        assert len(list((out / other).glob("*.md"))) == definitions, other


SEGMENT = re.compile(
    r'<span data-ttu-id="([0-9a-f]{5}-[0-9a-f]{6}(?:-\d+)?)">(.*?)</span>'
    r'<span class="sxs-lookup"><span data-stu-id="\1">(.*?)</span></span>'
)


def _body(text: str) -> str:
    return text.split("---\n", 2)[2]


@pytest.mark.parametrize("migration_id", IDS)
def test_side_by_side_form_pairs_each_segment_with_its_english(
    project_copy: Path, migration_id: str
) -> None:
    locale_id = TRANSLATED[0]
    project = Project(project_copy)
    result = build_guides(project, locales=[locale_id], migration_ids=[migration_id], fmt="sxs")
    page = next(p for p in result.pages if p.locale_id == locale_id)
    pairs = SEGMENT.findall(page.text)
    plain = build_guides(project, locales=["en-US", locale_id], migration_ids=[migration_id])
    english = _body(next(p for p in plain.pages if p.locale_id == "en-US").text)
    # each segment's source is its own English, in the English page's order: dates and
    # labels are the English ones, and a message used twice (one wording, other values)
    # pairs each use with its own English
    position = 0
    for _, _, source in pairs:
        found = english.find(source, position)
        assert found >= 0, (source, english[position:][:300])
        position = found + len(source)
    # every section heading of the English page is a segment
    headings = re.findall(r'^##+ <a name="[^"]+"></a>(.+)$', english, re.M)
    assert headings and set(headings) <= {source for _, _, source in pairs}
    assert page.text.count('data-ttu-id="') == len(pairs)
    ids = [seg for seg, _, _ in pairs]
    assert len(set(ids)) == len(ids), "a segment id is unique on its page"
    # front matter stays plain YAML; structure is unchanged
    meta = outline(page.text).front_matter or ""
    assert "<span" not in meta
    translated_plain = next(p for p in plain.pages if p.locale_id == locale_id)
    assert outline(page.text).anchors == outline(translated_plain.text).anchors
    assert outline(page.text).list_items == outline(translated_plain.text).list_items


def test_segment_ids_survive_adding_and_removing_other_segments(project_copy: Path) -> None:
    locale_id, migration_id = TRANSLATED[0], IDS[0]

    def ids() -> dict[str, str]:
        result = build_guides(
            Project(project_copy), locales=[locale_id], migration_ids=[migration_id], fmt="sxs"
        )
        text = next(p for p in result.pages if p.locale_id == locale_id).text
        return {
            source: seg
            for seg, source in re.findall(r'data-stu-id="([^"]+)">(.*?)</span></span>', text)
        }

    # a note at the top of the page, in a wording every locale translates and the page
    # does not otherwise use ("Important": the title of an HTML callout)
    definition = _definition(project_copy, migration_id)
    shipped = definition.read_text(encoding="utf-8")
    data = yaml.safe_load(shipped)
    data["notes"] = [{"text": "Important"}, *data.get("notes", [])]
    definition.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = ids()
    assert "Important" in before
    definition.write_text(shipped, encoding="utf-8")
    after = ids()
    assert len(after) < len(before)
    assert all(before[source] == seg for source, seg in after.items())


def test_write_refuses_paths_outside_the_output_folder(tmp_path: Path) -> None:
    for bad in ("../escape.md", "/etc/passwd", "a/../../b.md", ""):
        with pytest.raises(UsageError, match="outside the output folder"):
            safe_join(tmp_path, bad)


def test_a_tampered_manifest_never_deletes_outside_files(tmp_path: Path) -> None:
    outside = tmp_path / "keep.md"
    outside.write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text('["../keep.md", "x/old.md"]', encoding="utf-8")
    replace_folder(out, "build", {"x/new.md": "new\n"})
    assert outside.read_text(encoding="utf-8") == "keep"
    assert (out / "x" / "new.md").read_text(encoding="utf-8") == "new\n"
