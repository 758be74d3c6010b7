"""`sunset build --format html`: a preview site of every guide in every locale."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.guides import BuildResult
from sunsetkit.guides.html import language_name
from sunsetkit.i18n import discover_catalogs, load_catalog, parse_locale, posix
from sunsetkit.markdown import outline

from .conftest import ROOT, copy_project, with_every_callout
from .htmltree import Element, local_targets, parse, words
from .test_description import described_pages


def _build(root: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(out), "--format", "html", *args]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    _build(ROOT, out)
    return out


def _page(site: Path, relpath: str) -> Element:
    return parse((site / relpath).read_text(encoding="utf-8"))


def test_every_guide_in_every_locale(site: Path, built: BuildResult) -> None:
    expected = {f"{p.locale_id}/{p.migration_id}.html" for p in built.pages}
    produced = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert produced == expected | {"index.html"}
    for page in built.pages:
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        assert root.iter("html")[0].attrs["lang"] == page.locale_id
        h1 = words(root.iter("h1")[0].text())
        assert h1 and "{{" not in h1 and "%(" not in h1


def test_meta_description_is_the_markdown_pages_description(site: Path, built: BuildResult) -> None:
    """The HTML page's meta description is the Markdown page's (tests/test_description.py
    checks which message that is)."""
    for (locale_id, migration_id), text in described_pages(built).items():
        root = _page(site, f"{locale_id}/{migration_id}.html")
        metas = [m for m in root.iter("meta") if m.attrs.get("name") == "description"]
        assert [m.attrs.get("content") for m in metas] == [text], f"{locale_id}/{migration_id}"


def test_language_switcher_with_hreflang(site: Path, built: BuildResult) -> None:
    locales = sorted(built.locales)
    for page in built.pages:
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        alternates = {e.attrs["hreflang"] for e in root.iter("link")}
        assert alternates == set(locales)
        nav = root.iter("nav")[0]
        links = {a.attrs["hreflang"]: a for a in nav.iter("a")}
        assert set(links) == set(locales)
        assert links[page.locale_id].attrs.get("aria-current") == "page"
        assert all(a.attrs["lang"] == code for code, a in links.items())
        assert all(words(a.text()) == language_name(code) for code, a in links.items())


def test_anchors_are_heading_ids_and_match_the_markdown(site: Path, built: BuildResult) -> None:
    for page in built.pages:
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        ids = [
            h.attrs["id"]
            for h in root.iter()
            if h.tag in ("h1", "h2", "h3", "p") and "id" in h.attrs
        ]
        assert ids == outline(page.text).anchors


@pytest.fixture(scope="module")
def callouts_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site of a project whose first definition has a note of every kind and a next
    step (whether or not a shipped one has), and that definition's id."""
    root = copy_project(tmp_path_factory.mktemp("callouts") / "project")
    migration_id = with_every_callout(root)
    out = root / "site"
    _build(root, out, "--migration", migration_id)
    return out, migration_id


def _callout_titles(locale_id: str) -> set[str]:
    titles = {"Note", "Important", "Tip"}
    if locale_id == "en-US":
        return titles
    catalog = load_catalog(discover_catalogs(ROOT / "locales")[locale_id], locale_id)
    return {catalog.get(title).string for title in titles}


def test_notes_are_titled_callouts_in_the_page_language(callouts_site: tuple[Path, str]) -> None:
    site, migration_id = callouts_site
    locales = ["en-US", *discover_catalogs(ROOT / "locales")]
    for locale_id in locales:
        root = _page(site, f"{locale_id}/{migration_id}.html")
        callouts = [b for b in root.iter("blockquote") if "callout" in b.attrs.get("class", "")]
        titles = {words(callout.iter("p")[0].text()) for callout in callouts}
        # a note of every kind, each titled in the page's language
        assert titles == _callout_titles(locale_id), locale_id
        assert len(titles) == 3
        assert all("[!" not in callout.text() for callout in callouts)


def test_hover_shows_the_english_source_in_translations_only(
    site: Path, built: BuildResult
) -> None:
    english = {p.migration_id: p for p in built.pages if p.locale_id == "en-US"}
    for page in built.pages:
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        segments = [s for s in root.iter("span") if "data-ttu-id" in s.attrs]
        sources = [s for s in root.iter("span") if s.attrs.get("class") == "sxs-lookup"]
        if page.locale_id == "en-US":
            assert not sources
            continue
        assert segments and len(sources) == len(segments)
        # every section heading of the English page is the source of a segment
        headings = [
            words(h.text()) for h in _page(site, f"en-US/{page.migration_id}.html").iter("h2")
        ]
        shown = {words(s.text()) for s in sources}
        assert headings and set(headings) <= shown, (page.locale_id, page.migration_id)
        assert len(segments) >= len(english[page.migration_id].usage.used) // 2


def test_every_link_inside_the_site_resolves(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        for href, target in local_targets(page, parse(page.read_text(encoding="utf-8"))):
            assert target.is_file(), (page, href)
            checked += 1
    assert checked > 100


def test_relative_markdown_links_are_resolved(callouts_site: tuple[Path, str]) -> None:
    site, _ = callouts_site
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        hrefs = [a.attrs.get("href", "") for a in parse(page.read_text("utf-8")).iter("a")]
        assert not [h for h in hrefs if h.endswith(".md")], (page, "relative .md links")


def test_fallback_notice_is_visible(project_copy: Path, tmp_path: Path, built: BuildResult) -> None:
    locale_id = sorted(discover_catalogs(ROOT / "locales"))[0]
    # a sentence some page of the locale uses, without placeholders or markup
    used = Counter(
        key
        for p in built.pages
        if p.locale_id == locale_id
        for key in p.usage.used
        if key[0] is None and key[1].endswith(".") and not re.search(r"[%*`\[<]", key[1])
    )
    assert used, f"no page of {locale_id} has a plain sentence"
    msgid = min(used, key=lambda key: (-used[key], key[1]))[1]
    migration_id = next(
        p.migration_id
        for p in built.pages
        if p.locale_id == locale_id and (None, msgid) in p.usage.used
    )
    po = project_copy / "locales" / posix(parse_locale(locale_id)) / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    catalog.get(msgid).string = ""
    with po.open("wb") as handle:
        write_po(handle, catalog, width=0)
    out = tmp_path / "site"
    _build(project_copy, out, "--locale", locale_id, "--migration", migration_id)
    root = _page(out, f"{locale_id}/{migration_id}.html")
    first = root.iter("main")[0].iter("blockquote")[0]
    assert "callout" in first.attrs["class"]
    assert msgid in words(root.text())
    # the notice, in the page's language, says English is shown
    notice = catalog.get("Parts of this page are not translated yet and are shown in English.")
    assert notice.string and words(notice.string) in words(first.text())


def test_image_alt_text_is_the_plain_translation(site: Path, built: BuildResult) -> None:
    """An alt attribute is text: no side-by-side markup, no hidden English beside it."""
    english: dict[tuple[str, str], str] = {}
    checked = 0
    for page in sorted(built.pages, key=lambda p: p.locale_id != "en-US"):
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        for img in root.iter("img"):
            alt = img.attrs.get("alt", "")
            assert alt and "<" not in alt and "sxs" not in alt, (page.locale_id, alt)
            key = (page.migration_id, img.attrs["src"])
            if page.locale_id == "en-US":
                english[key] = alt
            elif page.usage.kind == "HT":
                assert alt != english[key], (page.locale_id, alt)
                assert english[key] not in alt, (page.locale_id, alt)
            checked += 1
    assert checked
