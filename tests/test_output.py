"""Writing: byte-identical rebuilds, stale pages removed, thresholds, side-by-side form."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.errors import UsageError
from sunsetkit.guides import Project, build_guides
from sunsetkit.markdown import outline
from sunsetkit.write import MANIFEST, replace_folder, safe_join

from .conftest import page_count

SKYPE = "skype-business-online-plan-1"


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
    for locale_id in ("en-US", "nl-NL", "sv-SE", "fr-FR", "de-DE", "ja-JP", "pl-PL"):
        assert re.search(rf"^{locale_id}\s+100\.0%\s+(\d+)/\1\s", output, re.M), output


def test_page_of_a_removed_definition_does_not_linger(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (project_copy / "content" / "migrations" / "kaizala-pro-standalone.yaml").unlink()
    code, output = _build(project_copy, out)
    assert code == 0
    assert not list(out.rglob("kaizala-pro-standalone.md"))
    assert "removed stale nl-NL/kaizala-pro-standalone.md" in output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert len(list(out.rglob("*.md"))) == page_count(project_copy)


def test_pages_of_a_removed_catalog_do_not_linger(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    shutil.rmtree(project_copy / "locales" / "pl_PL")
    assert _build(project_copy, out)[0] == 0
    assert not (out / "pl-PL").exists()


def test_a_partial_build_keeps_other_pages(project_copy: Path) -> None:
    out = project_copy / "out"
    _build(project_copy, out)
    code, _ = _build(project_copy, out, "--locale", "nl_NL", "--migration", SKYPE)
    assert code == 0
    assert len(list(out.rglob("*.md"))) == page_count(project_copy)


def test_min_coverage_skips_the_locale_and_exits_1(project_copy: Path) -> None:
    po = project_copy / "locales" / "de_DE" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    # drop the translation of every single-line message
    po.write_text(
        re.sub(r'^(msgid "[^"]+"\nmsgstr )"[^"]+"$', r'\1""', text, flags=re.M), encoding="utf-8"
    )
    out = project_copy / "out"
    code, output = _build(project_copy, out, "--min-coverage", "90")
    assert code == 1
    assert "de-DE is below --min-coverage 90%" in output
    assert not (out / "de-DE").exists()
    definitions = len(list((project_copy / "content" / "migrations").glob("*.yaml")))
    assert len(list((out / "nl-NL").glob("*.md"))) == definitions


def test_side_by_side_form_pairs_each_segment_with_its_english(project_copy: Path) -> None:
    result = build_guides(
        Project(project_copy), locales=["nl-NL"], migration_ids=[SKYPE], fmt="sxs"
    )
    page = next(p for p in result.pages if p.locale_id == "nl-NL")
    pairs = re.findall(
        r'<span data-ttu-id="([0-9a-f]{5}-[0-9a-f]{6}(?:-\d+)?)">(.*?)</span>'
        r'<span class="sxs-lookup"><span data-stu-id="\1">(.*?)</span></span>',
        page.text,
    )
    english = {source for _, _, source in pairs}
    assert "Select the retired subscription to open its detail page." in english
    assert "Set its status to **Suspended**, and then select **Submit**." in english
    # dates and labels in the English lookup are the English ones
    assert any("was retired on August 1, 2018" in source for source in english)
    assert len(pairs) > 30
    assert page.text.count('data-ttu-id="') == len(pairs)
    ids = [seg for seg, _, _ in pairs]
    assert len(set(ids)) == len(ids), "a segment id is unique on its page"
    # a message used twice ("X (formerly Y)" for two options) pairs each with its own English
    formerly = [(t, s) for _, t, s in pairs if "(formerly" in s]
    assert len(formerly) >= 2 and len({s for _, s in formerly}) == len(formerly)
    # front matter stays plain YAML; structure is unchanged
    meta = outline(page.text).front_matter or ""
    assert "<span" not in meta
    plain = next(
        p
        for p in build_guides(Project(project_copy), locales=["nl-NL"], migration_ids=[SKYPE]).pages
        if p.locale_id == "nl-NL"
    )
    assert outline(page.text).anchors == outline(plain.text).anchors
    assert outline(page.text).list_items == outline(plain.text).list_items


def test_segment_ids_survive_adding_and_removing_other_segments(project_copy: Path) -> None:
    def ids() -> dict[str, str]:
        result = build_guides(
            Project(project_copy), locales=["fr-FR"], migration_ids=[SKYPE], fmt="sxs"
        )
        text = next(p for p in result.pages if p.locale_id == "fr-FR").text
        return {
            source: seg
            for seg, source in re.findall(r'data-stu-id="([^"]+)">(.*?)</span></span>', text)
        }

    before = ids()
    definition = project_copy / "content" / "migrations" / f"{SKYPE}.yaml"
    text = definition.read_text(encoding="utf-8")
    definition.write_text(
        text.replace(
            "  - text: The commercial and the government offers of %(product)s are both retired.\n",
            "",
        ),
        encoding="utf-8",
    )
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
