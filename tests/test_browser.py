"""The HTML output in a real browser: headless Chromium (Debian's chromium and
chromium-driver packages; .ci/run installs them). Skipped only where Chromium is absent.

Pages are opened from the file system (file://), as a partner opens a folder."""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from sunsetkit.cli import main

from .conftest import ROOT, copy_project, with_every_callout

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium is not installed (apt-get install chromium chromium-driver)",
)

#: Printable width in CSS pixels (96 per inch) with the pages' 15 mm margins.
PRINT_WIDTHS = {"A4": round((210 - 30) / 25.4 * 96), "Letter": round((215.9 - 30) / 25.4 * 96)}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1000,1400")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo checklists (with their guides) and the guides preview site, whose first
    definition has a note of every kind (whether or not a shipped one has)."""
    out = tmp_path_factory.mktemp("browser")
    project = copy_project(out / "project")
    with_every_callout(project)
    runner = CliRunner()
    demo = ROOT / "content" / "customers.example.json"
    args = ["--project", str(ROOT), "--out", str(out / "checklists"), "--as-of", "2026-11-21"]
    result = runner.invoke(main, ["checklists", str(demo), *args])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["build", "--project", str(project), "--out", str(out / "site"), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    return out


def _checklists(output: Path) -> list[tuple[str, Path]]:
    """(locale, HTML checklist) of every customer of the demo, translated ones first, the
    longest first (by tasks): whichever locales and definitions exist."""
    summary = json.loads((output / "checklists" / "summary.json").read_text(encoding="utf-8"))
    found = []
    for customer in summary["customers"]:
        name = next(f for f in customer["files"] if f.endswith(".html"))
        page = output / "checklists" / name
        tasks = page.read_text(encoding="utf-8").count("task-list-item-checkbox")
        found.append((customer["locale"] == "en-US", -tasks, customer["locale"], page))
    return [(locale_id, page) for _, _, locale_id, page in sorted(found)]


def _checklist(output: Path, locale_id: str) -> Path:
    """A checklist in this locale, if a customer has it (the README's screenshot), else
    the first of `_checklists`."""
    pages = _checklists(output)
    return next((page for code, page in pages if code == locale_id), pages[0][1])


def _boxes(browser: Any) -> list[bool]:
    return [
        bool(b)
        for b in browser.execute_script(
            "return Array.from(document.querySelectorAll('input[type=checkbox]'), b => b.checked)"
        )
    ]


@pytest.fixture(scope="module")
def served(output: Path) -> Iterator[str]:
    """The output over http://127.0.0.1: Chromium reads a file:// page's localStorage
    stale after a reload (about 1 in 5 here, whatever the wait), an http origin never."""
    handler = functools.partial(_QuietHandler, directory=str(output))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _url(served: str, output: Path, page: Path) -> str:
    return f"{served}/{page.relative_to(output).as_posix()}"


def test_task_checkboxes_toggle_and_keep_their_state(
    browser: Any, output: Path, served: str
) -> None:
    from selenium.webdriver.common.by import By

    (locale_id, page), *others = _checklists(output)
    assert others, "the demo has two customers"
    browser.get(_url(served, output, page))
    assert browser.execute_script("return document.documentElement.lang") == locale_id
    boxes = browser.find_elements(By.CSS_SELECTOR, "input.task-list-item-checkbox")
    assert len(boxes) >= 3 and not any(_boxes(browser))
    boxes[0].click()
    labels = browser.find_elements(By.CSS_SELECTOR, ".task-list-item label")
    labels[2].click()  # the task's text ticks it too
    ticked = _boxes(browser)
    assert ticked[0] and ticked[2] and not ticked[1]
    browser.refresh()
    assert _boxes(browser) == ticked
    browser.find_elements(By.CSS_SELECTOR, "input.task-list-item-checkbox")[0].click()
    browser.refresh()
    assert _boxes(browser)[0] is False and _boxes(browser)[2] is True
    # Another customer's checklist has its own ticks.
    browser.get(_url(served, output, others[0][1]))
    assert not any(_boxes(browser))


def _pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_every_link_inside_the_output_resolves(browser: Any, output: Path) -> None:
    anchors: dict[Path, set[str]] = {}  # each target loaded once: ids and names it has
    checked = 0
    for page in _pages(output):
        browser.get(page.as_uri())
        hrefs = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href], link[href]'), a => a.href)"
        )
        anchors.setdefault(page, set(browser.execute_script(_ANCHORS)))
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme != "file":
                assert parts.scheme == "https", (page, href)
                continue
            target = Path(unquote(parts.path))
            assert target.is_file(), (page, href)
            assert output in target.parents, (page, href)
            if parts.fragment:
                if target not in anchors:
                    browser.get(target.as_uri())
                    anchors[target] = set(browser.execute_script(_ANCHORS))
                    browser.get(page.as_uri())
                assert unquote(parts.fragment) in anchors[target], (page, href)
            checked += 1
    assert checked > 100


# What a fragment can land on: an element's id, or a name (the HTML rules for fragments).
_ANCHORS = (
    "return Array.from(document.querySelectorAll('[id], [name]'),"
    " e => [e.id, e.getAttribute('name')]).flat().filter(x => x)"
)


@pytest.mark.parametrize("paper", sorted(PRINT_WIDTHS))
def test_nothing_overflows_the_print_width(browser: Any, output: Path, paper: str) -> None:
    width = PRINT_WIDTHS[paper]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        for page in _pages(output):
            browser.get(page.as_uri())
            overflowing = browser.execute_script(
                """
                const limit = document.documentElement.clientWidth + 0.5;
                const wide = [];
                for (const e of document.querySelectorAll('body *')) {
                  const box = e.getBoundingClientRect();
                  if (box.width && box.right > limit) wide.push(e.tagName + ' ' + box.right);
                }
                if (document.documentElement.scrollWidth > limit) wide.push('document');
                return wide.slice(0, 5);
                """
            )
            assert not overflowing, (paper, page.relative_to(output), overflowing)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


_HAN = ("ja", "zh", "ko")  # languages written with Han characters, whose shapes differ


def _fonts(browser: Any, page: Path) -> tuple[list[str], str]:
    browser.get(page.as_uri())
    style = browser.execute_script(
        "const s = getComputedStyle(document.body); return [s.fontFamily, s.wordBreak];"
    )
    return [f.strip().strip('"') for f in style[0].split(",")], style[1]


def test_each_han_language_has_fonts_of_its_own(browser: Any, output: Path) -> None:
    """A Chinese page never takes Japanese fonts (nor the reverse): the stacks of the
    languages written with Han characters share no font beyond those of an English page.
    Korean breaks lines between words."""
    site = output / "site"
    latin = set(_fonts(browser, next(site.glob("en-US/*.html")))[0])
    own: dict[str, set[str]] = {}
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        language = folder.name.split("-")[0]
        fonts, word_break = _fonts(browser, next(folder.glob("*.html")))
        assert word_break == ("keep-all" if language == "ko" else "normal"), folder.name
        if language in _HAN:
            own[folder.name] = set(fonts) - latin
            assert own[folder.name], folder.name
    for first, second in itertools.combinations(sorted(own), 2):
        assert not own[first] & own[second], (first, second, own[first] & own[second])
    assert len(own) >= 2


def test_every_text_of_every_image_fits_in_it(browser: Any, output: Path) -> None:
    """Translations are longer than English (German, French) or wider (CJK): each text of a
    rendered image stays inside the picture, in every locale."""
    images = sorted((output / "site").rglob("*.svg"))
    for image in images:
        browser.get(image.as_uri())
        outside = browser.execute_script(
            """
            const svg = document.documentElement;
            const width = svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll('text'), t => [t.textContent, t.getBBox()])
              .filter(([, b]) => b.x < 0 || b.x + b.width > width)
              .map(([text, b]) => text + ' ' + Math.round(b.x) + '+' + Math.round(b.width));
            """
        )
        assert not outside, (image.relative_to(output), outside)
    assert len(images) >= 2


def test_fallback_notice_and_callouts_are_visible(browser: Any, output: Path) -> None:
    from selenium.webdriver.common.by import By

    page = next(
        p
        for p in sorted((output / "site").glob("*/*.html"))
        if p.parent.name != "en-US" and 'class="callout' in p.read_text(encoding="utf-8")
    )
    browser.get(page.as_uri())
    callouts = browser.find_elements(By.CSS_SELECTOR, "blockquote.callout")
    assert callouts and all(c.is_displayed() for c in callouts)
    segment = browser.find_elements(By.CSS_SELECTOR, "span[data-ttu-id]")[3]
    source = segment.find_element(By.XPATH, "following-sibling::span[@class='sxs-lookup']")
    assert not source.is_displayed()
    from selenium.webdriver import ActionChains

    ActionChains(browser).move_to_element(segment).perform()
    assert source.is_displayed() and source.text


def test_callouts_read_like_the_text_around_them(browser: Any, output: Path) -> None:
    """A note is as large and as dark as the paragraphs of its page, whatever its kind
    (no style meant for something else, such as a checklist's fine print, reaches it)."""
    pages = [p for p in _pages(output) if 'class="callout' in p.read_text(encoding="utf-8")]
    for page in pages:
        browser.get(page.as_uri())
        styles = browser.execute_script(
            """
            const look = e => { const s = getComputedStyle(e); return [s.fontSize, s.color]; };
            const text = document.querySelector('main > p, main li > p, main li');
            return [look(text), Array.from(document.querySelectorAll('.callout p'), look)];
            """
        )
        body, callouts = styles
        assert callouts and all(style == body for style in callouts), (page, body, callouts)
    assert pages


def test_screenshots(browser: Any, output: Path, update_golden: bool) -> None:
    """A checklist and the overview as a partner sees them; `--update-golden` puts them
    in docs/ for the README."""
    shots = {
        "checklist.png": _checklist(output, "pl-PL"),
        "overview.png": output / "checklists" / "index.html",
    }
    for name, page in shots.items():
        browser.get(page.as_uri())
        png = browser.get_screenshot_as_png()
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        if update_golden:
            (ROOT / "docs" / name).write_bytes(png)


def test_a_printed_checklist_prints_its_guides_address(
    browser: Any, output: Path, served: str
) -> None:
    """On paper a link cannot be followed: in print, each link of a checklist shows its
    address after it (on screen, nothing is added)."""
    script = (
        "return Array.from(document.querySelectorAll('main a[href]'), a =>"
        " [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    )
    for _, page in _checklists(output)[:3]:
        browser.get(_url(served, output, page))
        screen = browser.execute_script(script)
        assert screen and all(after in ("none", "normal", "") for _, after in screen)
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            printed = browser.execute_script(script)
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        guides = [(href, after) for href, after in printed if "guides/" in href]
        assert guides, page.name
        for href, after in guides:
            assert href in after, (page.name, href, after)
