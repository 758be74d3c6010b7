"""Guides published outside the docs platform: each flavor's renderer shows every callout
as a callout, no link is relative to a file the build lacks, front matter only for MkDocs.
Generic: every guide of every locale, each rendered by the flavor's own parser."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown as python_markdown
import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm import gfm_plugin

from sunsetkit.cli import main
from sunsetkit.guides import BuildResult, Project
from sunsetkit.guides.publish import (
    CALLOUT_TITLES,
    DOCS_URL,
    FLAVORS,
    Publisher,
    publish,
    publish_pages,
)
from sunsetkit.guides.site import LocaleContexts
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs

from .conftest import ROOT

OTHERS = [flavor for flavor in FLAVORS if flavor != "learn"]
_CALLOUT = re.compile(r"^\[!([A-Z]+)\]")


def _parser(flavor: str) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    if flavor == "github":
        md.use(gfm_plugin)  # GitHub's alerts, as markdown-it-py parses them
    if flavor == "mkdocs":
        md.use(admon_plugin)  # `!!! note "title"`, as MkDocs writes admonitions
    return md


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _walk(token.children or [])


def _callouts(learn: str, level: int | None = None) -> list[str]:
    """The kinds of the `> [!KIND]` callouts of a page as the build wrote it; with
    `level`, those at the top (0) or inside a list item (1)."""
    tokens = _parser("learn").parse(learn)
    return [
        found.group(1)
        for index, token in enumerate(tokens)
        if token.type == "blockquote_open"
        and (found := _CALLOUT.match(tokens[index + 2].content))
        and (level is None or min(token.level, 1) == level)
    ]


def _bold_led(text: str, flavor: str) -> list[str]:
    """The titles of blockquotes led by a bold title alone in their first paragraph."""
    top = _parser(flavor).parse(text)
    quotes = [i for i, t in enumerate(top) if t.type == "blockquote_open"]
    led = [  # the first paragraph's inline, without empty texts
        [c for c in top[i + 2].children or [] if c.content or c.type != "text"] for i in quotes
    ]
    bold = ["strong_open", "text", "strong_close"]
    return [c[1].content for c in led if [t.type for t in c] == bold]


@pytest.fixture(scope="module")
def published(built: BuildResult, project: Project) -> dict[str, dict[str, str]]:
    files = {page.relpath for page in built.pages} | set(built.assets)
    contexts = LocaleContexts(project)
    return {
        flavor: publish_pages(built.pages, contexts, flavor, DOCS_URL, files) for flavor in FLAVORS
    }


def _titles(locale_id: str, project: Project) -> dict[str, str]:
    gettext = LocaleContexts(project)(locale_id)["gettext"]
    return {kind: gettext(title) for kind, title in CALLOUT_TITLES.items()}


def test_learn_is_the_page_as_built(built: BuildResult, published: dict[str, Any]) -> None:
    assert published["learn"] == {page.relpath: page.text for page in built.pages}


@pytest.mark.parametrize("flavor", OTHERS)
def test_every_callout_is_the_renderers_admonition_titled_in_the_pages_language(
    flavor: str, built: BuildResult, published: dict[str, dict[str, str]], project: Project
) -> None:
    checked = 0
    for page in built.pages:
        kinds = _callouts(page.text)
        text = published[flavor][page.relpath]
        tokens = list(_walk(_parser(flavor).parse(text)))
        titles = _titles(page.locale_id, project)
        assert not [t for t in tokens if t.type == "text" and "[!" in t.content], page.relpath
        if flavor == "github":  # alerts at the top; GitHub shows none inside a list
            found = [t.meta["kind"] for t in tokens if t.type == "alert_open"]
            assert found == _callouts(page.text, 0), page.relpath
            nested = _callouts(page.text, 1)
            assert sorted(_bold_led(text, flavor)) == sorted(titles[k] for k in nested)
        elif flavor == "mkdocs":
            opened = [i for i, t in enumerate(tokens) if t.type == "admonition_open"]
            assert len(opened) == len(kinds), page.relpath
            shown = [tokens[i].meta["tag"] for i in opened]
            assert [t for t in tokens if t.type == "admonition_title_open"]
            for index in opened:  # the title token's text follows the open token
                title = next(t for t in tokens[index:] if t.type == "inline")
                assert title.content in titles.values(), (page.relpath, title.content)
            assert len(shown) == len(kinds)
        else:
            labels = _bold_led(text, flavor)
            assert sorted(labels) == sorted(titles[k] for k in kinds), page.relpath
        checked += len(kinds)
    assert checked  # the guides have callouts, else this test proves nothing


def test_mkdocs_pages_keep_their_lists_and_callouts_in_python_markdown(
    built: BuildResult, published: dict[str, dict[str, str]]
) -> None:
    """MkDocs renders with Python-Markdown: nested items need 4 spaces, callouts the
    admonition extension. Its HTML has every list item and callout the build wrote."""
    for page in built.pages:
        items = sum(1 for t in _parser("learn").parse(page.text) if t.type == "list_item_open")
        html = python_markdown.markdown(
            published["mkdocs"][page.relpath], extensions=["admonition", "meta", "tables"]
        )
        assert html.count("<li>") == items, page.relpath
        assert html.count('<div class="admonition') == len(_callouts(page.text)), page.relpath
        assert "[!" not in html and "!!!" not in html


@pytest.mark.parametrize("flavor", OTHERS)
def test_no_link_is_relative_to_a_missing_file(
    flavor: str, built: BuildResult, published: dict[str, dict[str, str]]
) -> None:
    files = set(published[flavor]) | set(built.assets)
    absolute = 0
    for relpath, text in published[flavor].items():
        locale_id = relpath.split("/")[0]
        for token in _walk(_parser(flavor).parse(text)):
            href = str(token.attrGet("href") or token.attrGet("src") or "")
            if token.type not in ("link_open", "image") or href.startswith("#"):
                continue
            if re.match(r"^https?://", href):
                if href.startswith("https://learn.microsoft.com/") and "/partner-center/" in href:
                    assert f"/{locale_id.lower()}/" in href, (relpath, href)  # locale-correct
                    absolute += 1
                continue
            target = posixpath.normpath(posixpath.join(locale_id, href.partition("#")[0]))
            assert target in files, (relpath, href)
    assert absolute  # some guides link articles outside the build


@pytest.mark.parametrize("flavor", OTHERS)
def test_front_matter_only_where_the_flavor_reads_it(
    flavor: str, built: BuildResult, published: dict[str, dict[str, str]]
) -> None:
    for page in built.pages:
        tokens = _parser(flavor).parse(published[flavor][page.relpath])
        front = [t for t in tokens if t.type == "front_matter"]
        if flavor != "mkdocs":
            assert not front, page.relpath
            continue
        learn = yaml.safe_load(_parser("learn").parse(page.text)[0].content)
        assert yaml.safe_load(front[0].content) == {
            "title": learn["title"],
            "description": learn["description"],
        }


def test_every_locale_translates_the_callout_titles() -> None:
    for locale_id, path in discover_catalogs(ROOT / "locales").items():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale_id.replace("-", "_"))
        for title in CALLOUT_TITLES.values():
            message = catalog.get(title)
            assert message is not None and message.string and not message.fuzzy, (locale_id, title)


# --- the rewriting itself, on generated pages --------------------------------------------

_WORDS = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\\`*_[]()<>#!>|&~"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
_PATH = st.from_regex(r"[a-z][a-z0-9-]{0,20}(/[a-z0-9-]{1,10}){0,2}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(sorted(CALLOUT_TITLES)),
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool),
    body=st.lists(_WORDS.map(lambda words: f"Text {words}"), min_size=1, max_size=3),
    nested=st.booleans(),
    flavor=st.sampled_from(OTHERS),
)
# a title of quotes alone: MkDocs would read `""` as no title at all
@example(kind="IMPORTANT", title='"', body=["Text 0"], nested=False, flavor="mkdocs")
def test_a_generated_callout_becomes_one_admonition_with_its_text(
    kind: str, title: str, body: list[str], nested: bool, flavor: str
) -> None:
    pad = "   " if nested else ""
    quote = "\n".join(f"{pad}> {line}" for line in body)
    head = "1. Step one\n\n" if nested else "Intro.\n\n"
    text = (
        f"{head}{pad}> [!{kind}]\n{quote}\n2. Step two\n"
        if nested
        else f"{head}> [!{kind}]\n{quote}\n"
    )
    out = publish(text, Publisher(flavor, {kind: title}, "https://x.test/", set(), "de-DE"))  # type: ignore[arg-type]
    tokens = list(_walk(_parser(flavor).parse(out)))
    opened = {"github": "alert_open", "mkdocs": "admonition_open", "commonmark": "blockquote_open"}
    if flavor == "github" and nested:  # GitHub has no alert inside a list item
        opened["github"] = "blockquote_open"
    assert sum(t.type == opened[flavor] for t in tokens) == 1, out
    assert sum(t.type in opened.values() for t in tokens) == 1, out  # and nothing else
    words = " ".join(t.content for t in tokens if t.type == "text")
    for line in body:
        assert " ".join(line.split()) in " ".join(words.split()), out
    if flavor == "mkdocs":  # the title's inline text, as the admonition plugin reads it
        top = _parser(flavor).parse(out)
        head = next(i for i, t in enumerate(top) if t.type == "admonition_title_open")
        shown = "".join(t.content for t in _walk([top[head + 1]]) if t.type == "text")
        expected = "".join(title.replace('"', "").split()) or kind.title()
        assert "".join(shown.split()) == expected
    if flavor == "commonmark":  # the bold text leading the quote, read back as text
        assert any(t.type == "strong_open" for t in tokens)
        assert "".join(title.split()) in "".join(words.split())


@settings(max_examples=100, deadline=None)
@given(path=_PATH, fragment=st.one_of(st.just(""), _PATH.map(lambda p: "#" + p.replace("/", ""))))
def test_a_link_stays_relative_only_to_a_file_of_the_build(path: str, fragment: str) -> None:
    href = f"{path}.md{fragment}"
    base = "https://learn.microsoft.com/fr-fr/partner-center/"
    outside = Publisher("github", {}, base, {"fr-FR/other.md"}, "fr-FR")
    assert outside.link(href) == f"{base}{path}{fragment}" or path == "other"
    inside = Publisher("github", {}, base, {f"fr-FR/{path}.md"}, "fr-FR")
    assert inside.link(href) == href
    assert inside.link("#anchor") == "#anchor"
    assert inside.link("https://example.com/a.md") == "https://example.com/a.md"


# --- the command ------------------------------------------------------------------------


def _build(tmp_path: Path, *args: str) -> Any:
    return CliRunner().invoke(
        main, ["build", "--project", str(ROOT), "--out", str(tmp_path / "out"), *args]
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--markdown-flavor", "mkdocs", "--format", "html"],
        ["--markdown-flavor", "github", "--format", "sxs"],
        ["--base-url", "https://docs.example.com/{locale}/"],
        ["--markdown-flavor", "github", "--base-url", "docs.example.com/{locale}/"],
        ["--markdown-flavor", "github", "--base-url", "https://docs.example.com/{lang}/"],
        ["--markdown-flavor", "mkdocs", "--base-url", "https://x.test/{locale.__class__}/"],
        ["--markdown-flavor", "mkdocs", "--base-url", "https://x.test/{locale!r}/"],
        ["--markdown-flavor", "github", "--base-url", "https://docs.example.com/{locale}"],
        ["--markdown-flavor", "gitlab"],
    ],
)
def test_a_wrong_flavor_or_base_url_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = _build(tmp_path, *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_base_url_places_outside_articles_per_locale_and_reruns_byte_identical(
    tmp_path: Path,
) -> None:
    base = "https://docs.example.com/{locale}/pc/"
    args = ["--markdown-flavor", "commonmark", "--base-url", base, "--locale", "ko-KR"]
    assert _build(tmp_path, *args).exit_code == 0
    pages = sorted((tmp_path / "out" / "ko-KR").glob("*.md"))
    first = {p.name: p.read_bytes() for p in pages}
    text = b"".join(first.values()).decode("utf-8")
    assert "](https://docs.example.com/ko-kr/pc/" in text
    assert "learn.microsoft.com/ko-kr/partner-center" not in text
    assert _build(tmp_path, *args).exit_code == 0
    assert {p.name: p.read_bytes() for p in pages} == first
    assert SOURCE_LOCALE not in {p.parent.name for p in pages}
