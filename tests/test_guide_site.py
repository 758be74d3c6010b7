"""`sunset build --format html`: a preview site of every guide in every locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.guides import BuildResult
from sunsetkit.markdown import outline

from .htmltree import Element, local_targets, parse, words


def _build(root: Path, out: Path, *args: str) -> None:
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(out), "--format", "html", *args]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import ROOT

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


def test_anchors_are_heading_ids_and_match_the_markdown(site: Path, built: BuildResult) -> None:
    for page in built.pages:
        root = _page(site, f"{page.locale_id}/{page.migration_id}.html")
        ids = [
            h.attrs["id"] for h in root.iter() if h.tag in ("h1", "h2", "h3") and "id" in h.attrs
        ]
        assert ids == outline(page.text).anchors


def test_notes_are_titled_callouts_in_the_page_language(site: Path) -> None:
    de = _page(site, "de-DE/skype-business-online-plan-1.html")
    callouts = [b for b in de.iter("blockquote") if "callout" in b.attrs.get("class", "")]
    assert callouts
    for callout in callouts:
        title = words(callout.iter("p")[0].text())
        assert title in ("Hinweis", "Wichtig", "Tipp"), title
        assert "[!" not in callout.text()


def test_hover_shows_the_english_source_in_translations_only(site: Path) -> None:
    nl = _page(site, "nl-NL/skype-business-online-plan-1.html")
    segments = [s for s in nl.iter("span") if "data-ttu-id" in s.attrs]
    sources = [s for s in nl.iter("span") if s.attrs.get("class") == "sxs-lookup"]
    assert len(segments) > 30 and len(sources) == len(segments)
    assert any("Select the retired subscription" in s.text() for s in sources)
    en = _page(site, "en-US/skype-business-online-plan-1.html")
    assert not [s for s in en.iter("span") if s.attrs.get("class") == "sxs-lookup"]


def test_every_link_inside_the_site_resolves(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        for href, target in local_targets(page, parse(page.read_text(encoding="utf-8"))):
            assert target.is_file(), (page, href)
            checked += 1
    assert checked > 100
    nl = _page(site, "nl-NL/skype-business-online-plan-1.html")
    hrefs = [a.attrs.get("href", "") for a in nl.iter("a")]
    assert not [h for h in hrefs if h.endswith(".md")], "relative .md links are resolved"


def test_fallback_notice_is_visible(project_copy: Path, tmp_path: Path) -> None:
    po = project_copy / "locales" / "fr_FR" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    message = next(m for m in catalog if m.id and "retired subscription to open" in str(m.id))
    message.string = ""
    with po.open("wb") as handle:
        write_po(handle, catalog, width=88)
    out = tmp_path / "site"
    _build(project_copy, out, "--locale", "fr-FR")
    root = _page(out, "fr-FR/skype-business-online-plan-1.html")
    first = root.iter("main")[0].iter("blockquote")[0]
    assert "callout" in first.attrs["class"]
    assert "Select the retired subscription to open" in root.text()
    assert "anglais" in first.text()  # the notice, in French, says English is shown
