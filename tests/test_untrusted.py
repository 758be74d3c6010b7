"""What translators and authors write is data (#18): hostile translations, generated from a
grammar of HTML, Markdown and link tricks, through every renderer (Markdown, side-by-side,
HTML site, checklist HTML) and `sunset check`; and in a real browser, no script runs and no
element of a translation reaches the page."""

from __future__ import annotations

import re
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.sxs import read_side_by_side
from sunsetkit.checks.unsafe import check_unsafe_markup
from sunsetkit.cli import main
from sunsetkit.content.model import Glossary
from sunsetkit.guides.build import SegmentWrapper
from sunsetkit.guides.html import checklist_html, guide_html
from sunsetkit.i18n import Translator
from sunsetkit.untrusted import (
    opened_fences,
    safe_link,
    unsafe_links,
    untrusted_html,
    untrusted_translation,
)

from .conftest import copy_project
from .test_browser import CHROMEDRIVER, CHROMIUM, browser  # noqa: F401 (a fixture)

PAYLOAD = "window.__pwned=1"
TAGS = [
    f'<img src=x onerror="{PAYLOAD}">',
    "<img src=x onerror=alert(1)>",
    f"<script>{PAYLOAD}</script>",
    f'<svg onload="{PAYLOAD}">',
    f'<iframe src="javascript:{PAYLOAD}"></iframe>',
    "</span>",
    '</span><span class="sxs-lookup"><span data-stu-id="x">FORGED</span></span>',
    f'<a href="javascript:{PAYLOAD}">x</a>',
    "<!-- -->",
    "<div>",
    f'<details open ontoggle="{PAYLOAD}">',
    "<img src=x",
    f' onerror="{PAYLOAD}">',
    "<b>",
    f"<javascript:{PAYLOAD}>",
]
TARGETS = [
    "//evil.example/x.md",
    "///evil.example",
    f"javascript:{PAYLOAD}",
    f"JaVaScRiPt:{PAYLOAD}",
    f"java&#115;cript:{PAYLOAD}",
    "data:text/html,<script>x</script>",
    "\\\\evil.example\\x",
    "/\\evil.example",
    "http://evil.example",
    "vbscript:x",
    "<//evil.example>",
]
SAFE_TARGETS = ["other.md", "other.md#part", "#part", "https://learn.example/x", "mailto:a@b.c"]
WORDS = ["Wählen", "Sie", "**Speichern**", "*kursiv*", "`<code>`", "`x`", "<", ">", "&amp;", "\n"]

fragments = st.one_of(
    st.sampled_from(TAGS),
    st.sampled_from(WORDS),
    st.builds(
        lambda bang, text, target: f"{bang}[{text}]({target})",
        st.sampled_from(["", "!"]),
        st.sampled_from(["hier", "x"]),
        st.sampled_from(TARGETS + SAFE_TARGETS),
    ),
    st.builds(lambda target: f"\n[ref]: {target}\n", st.sampled_from(TARGETS)),
    st.text(alphabet="<>/[]()!:`*_&#;\"'= abc\n", max_size=12),
)
hostile = st.lists(fragments, min_size=1, max_size=12).map(" ".join)
SOURCE = "Select **Save** and see [the guide](other.md)."
#: What rendered HTML may hold: the elements Markdown makes, and sunset's own spans.
ELEMENTS = {"p", "a", "span", "strong", "em", "code", "img", "br", "blockquote", "pre", "hr"}
ELEMENTS |= {f"h{n}" for n in range(1, 7)} | {"ul", "ol", "li", "input", "label"}
ELEMENTS |= {"table", "thead", "tbody", "tr", "th", "td"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.lookups: list[str] = []
        self._stu = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))
        self._stu += self._stu > 0 or ("data-stu-id", "a-1") in attrs
        if self._stu == 1:
            self.lookups.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._stu:
            self._stu -= 1

    def handle_data(self, data: str) -> None:
        if self._stu:
            self.lookups[-1] += data


def _assert_inert(html: str, english: str | None = None) -> None:
    """Only Markdown's elements, no event handler, no link off the site; with `english`,
    one hidden English segment, and it is the source."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in ELEMENTS, (tag, html)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                assert safe_link(str(attrs[name])), (tag, attrs)
        if tag == "span":
            assert set(attrs) <= {"data-ttu-id", "data-stu-id", "class"}, attrs
    if english is not None:
        assert parser.lookups == [english]


def _translated(text: str) -> str:
    """The hostile text as the Translator gives it to every renderer."""
    return untrusted_translation(text, SOURCE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
@example("]( [hier](//evil.example/x.md)")  # a link inside another link's target text
@example("Lees dit.\n ```")  # a fence would run to the page's end, over the English
@example("Lees dit.\n~~~ x\nmeer")
def test_no_renderer_passes_html_or_a_link_off_the_site(text: str) -> None:
    safe = _translated(text)
    # Markdown pages: what any CommonMark renderer reads in them.
    assert untrusted_html(safe, frozenset(), unfinished=True) == []
    assert unsafe_links(safe) == []
    # Markdown rendered with raw HTML on (as GitHub or Docs would, before sanitising).
    _assert_inert(_permissive().render(safe))
    # Side-by-side: the translation cannot close its span or forge the English.
    wrapped = SegmentWrapper("a")("1", safe, "See the guide.")
    segments = read_side_by_side(wrapped)
    assert [(s.translation, s.source) for s in segments] == [(unescape(safe), "See the guide.")]
    # The HTML site, from the side-by-side form; even the untreated text stays inert there.
    _assert_inert(guide_html(f"{wrapped}\n", {}, {}).body, "See the guide.")
    _assert_inert(guide_html(f"{text}\n", {}, {}).body)
    # Checklist HTML, of the treated and the untreated text.
    _assert_inert(checklist_html(safe))
    _assert_inert(checklist_html(text))


def _permissive() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


@settings(max_examples=200, deadline=None)
@given(hostile)
def test_sunset_check_reports_what_the_renderers_neutralise(text: str) -> None:
    found = list(check_unsafe_markup(_entry(SOURCE, text), _context()))
    changed = _translated(text) != text
    complete = (
        untrusted_html(text, frozenset())
        or unsafe_links(text, frozenset({"other.md"}))
        or opened_fences(text, SOURCE)
    )
    if complete:
        assert found, text
    if not changed:
        assert not found, (text, found)


@pytest.mark.parametrize("fence", ["```", "~~~", "   ````"])
def test_a_code_fence_only_the_translation_opens_is_text(fence: str) -> None:
    text = f"Lees de gids.\n{fence}\nVerder."
    treated = untrusted_translation(text, "Read the guide. Go on.")
    assert treated == text.replace(
        fence, fence.replace(fence.strip()[0], "\\" + fence.strip()[0], 1)
    )
    assert MarkdownIt("commonmark").parse(treated)[-1].type != "fence"
    assert any("code block" in f for f in check_unsafe_markup(_entry(SOURCE, text), _context()))
    # A source with its own code block keeps the translation's.
    source = "Run:\n```\nsunset build\n```"
    kept = "Voer uit:\n```\nsunset build\n```"
    assert untrusted_translation(kept, source) == kept
    assert list(check_unsafe_markup(_entry(source, kept), _context())) == []


def test_the_source_s_own_html_and_links_are_kept() -> None:
    source = 'Keep <br/> and [this](//cdn.example/x) <a name="x"></a>'
    text = 'Behalten <br/> und [dies](//cdn.example/x) <a name="x"></a>'
    assert untrusted_translation(text, source) == text
    assert list(check_unsafe_markup(_entry(source, text), _context())) == []
    # Code is text: `<div>` there is no HTML, and stays as written.
    assert untrusted_translation("Schreiben Sie `<div>`.", "Write `<div>`.") == (
        "Schreiben Sie `<div>`."
    )


def test_the_translator_gives_every_renderer_the_treated_text() -> None:
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="de_DE")
    catalog.add(SOURCE, f'Wählen Sie <img src=x onerror="{PAYLOAD}"> [hier](//evil.example/x.md)')
    for wrap in (None, SegmentWrapper("a")):
        text = Translator(catalog, wrap).gettext(SOURCE)
        assert "<img" not in text and "&lt;img" in text
        assert "[hier]\\(//evil.example/x.md)" in text


def _entry(source: str, text: str) -> Entry:
    from babel.messages.catalog import Message

    return Entry(Message(source, text))


def _context() -> MessageContext:
    return MessageContext("de-DE", locale_glossary(None, "de-DE"), markdown_parser())


label_formats = st.lists(
    st.one_of(
        st.sampled_from(["{label}", "**", "[", "]", "(", ")", "<b>", "//x", "&", " "]),
        st.text(max_size=3),
    ),
    max_size=6,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(label_formats)
def test_a_label_format_is_decoration_or_refused(fmt: str) -> None:
    """Accepted formats put no markup, link or HTML around a label."""
    try:
        glossary = Glossary.model_validate({"label_format": {"de-DE": fmt}, "terms": []})
    except ValueError:
        return
    shown = glossary.format_label("de-DE", "Speichern")
    tokens = [t for block in MarkdownIt("commonmark").parse(shown) for t in block.children or []]
    assert {t.type for t in tokens} <= {
        "text",
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "softbreak",
    }, (fmt, shown)
    assert "<" not in shown and "(" not in shown


# In a real browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The guides preview site built with a catalog whose translations carry every hostile
    fragment; returns the site and the locale."""
    out = tmp_path_factory.mktemp("hostile")
    project = copy_project(out / "project")
    po = sorted((project / "locales").glob("*/LC_MESSAGES/messages.po"))[0]
    with po.open("rb") as handle:
        catalog = read_po(handle)
    payloads = [*TAGS, *(f"[x]({t})" for t in TARGETS), *(f"![i]({t})" for t in TARGETS)]
    used = 0
    for message in catalog:
        if message.id and isinstance(message.string, str) and message.string:
            message.string = f"{message.string} {payloads[used % len(payloads)]}"
            used += 1
    assert used >= len(payloads)
    with po.open("wb") as handle:
        write_po(handle, catalog)
    result = CliRunner().invoke(
        main, ["build", "--project", str(project), "--out", str(out / "site"), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    return out / "site", po.parent.parent.name.replace("_", "-")


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Chromium is not installed")
def test_no_script_of_a_translation_runs_in_a_browser(
    browser: Any,  # noqa: F811 (the fixture)
    hostile_site: tuple[Path, str],
) -> None:
    site, locale_id = hostile_site
    pages = sorted((site / locale_id).glob("*.html"))
    assert pages
    for page in pages:
        browser.get(page.as_uri())
        state = browser.execute_script(
            """
            const all = Array.from(document.body.querySelectorAll('*'));
            return {
              pwned: window.__pwned === 1,
              handlers: all.filter(e => Array.from(e.attributes).some(
                  a => a.name.startsWith('on'))).length,
              foreign: all.filter(e => Array.from(e.attributes).some(
                  a => !['alt', 'title'].includes(a.name)
                      && /pwned|evil|^x$|FORGED/.test(a.value))
                  || ['SCRIPT', 'IFRAME', 'DETAILS', 'B'].includes(e.tagName.toUpperCase())
                  || e.getAttribute('data-stu-id') === 'x').map(e => e.outerHTML.slice(0, 80)),
              links: Array.from(document.querySelectorAll('a[href], img[src]'),
                  e => e.getAttribute('href') || e.getAttribute('src')),
              forged: document.body.innerHTML.includes('>FORGED<'),
              shown: document.body.textContent.includes('onerror='),
            };
            """
        )
        assert not state["pwned"], page
        assert state["handlers"] == 0, page
        assert state["foreign"] == [], page
        assert not state["forged"], page
        assert state["shown"], page  # the payloads are there, as text
        for href in state["links"]:
            assert safe_link(href) and not re.match(r"\s*//", href), (page, href)


def _seconds(func: Any, text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the least of two; a busy moment is measured again by the caller
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
    return best


# Timed without the coverage tracer, which bends ratios and triples the time (the
# policy is covered by the tests above).
@pytest.mark.no_cover
@pytest.mark.parametrize(
    "unit",
    [*TAGS[:6], *(f"[x]({t})" for t in TARGETS[:5]), "](a", "<a ", "`<b>` ", "[x]: //h\n", "<<"],
)
def test_the_policy_is_linear_in_the_translation(unit: str) -> None:
    """Every build applies it to every translation: 4 times the text, about 4 times the time
    (quadratic would be 16)."""

    def treat(text: str) -> None:
        untrusted_translation(text, SOURCE)
        untrusted_html(text, frozenset(), unfinished=True)
        unsafe_links(text)

    # Large enough to leave the processor's caches at both sizes: below, a text 8 times
    # longer costs up to 20 times as long whatever the algorithm.
    small = unit * (50_000 // len(unit))
    large = small * 4
    treat(small)
    for _ in range(3):  # measured again while over the bound: a busy moment
        ratio = _seconds(treat, large) / _seconds(treat, small)
        if ratio <= 10:
            break
    assert ratio <= 10, f"{unit!r}: {ratio:.1f}x the time for 4x the text"
