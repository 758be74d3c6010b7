"""What a checklists run gives a partner beyond Markdown: HTML pages from the same data,
guide links that work anywhere, the overview, overview.csv and deadlines.ics; and the
Markdown itself as CommonMark, GFM and Python-Markdown read it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import markdown as python_markdown
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from sunsetkit.checklists import overview as overview_module
from sunsetkit.checklists.job import run_checklists
from sunsetkit.checklists.model import Customer
from sunsetkit.checklists.plan import file_name
from sunsetkit.cli import main
from sunsetkit.content.load import load_migrations
from sunsetkit.content.model import fold
from sunsetkit.i18n import discover_catalogs
from sunsetkit.project import Project
from sunsetkit.render import escape_markdown
from sunsetkit.untrusted import safe_link

from .conftest import ROOT, load_summary, offer_with_a_deadline
from .htmltree import Element, local_targets, parse, words

DEMO = ROOT / "content" / "customers.example.json"
AS_OF = "2026-11-21"
OFFER = offer_with_a_deadline()
LOCALES = ["en-US", *discover_catalogs(ROOT / "locales")]
HOSTILE = 'Müller & Söhne <script>alert(1)</script> =HYPERLINK("x") | ~~x~~ &amp; [a](b)'


def _run(source: Path, out: Path, *args: str) -> Result:
    return CliRunner().invoke(
        main,
        [
            "checklists",
            str(source),
            "--project",
            str(ROOT),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            *list(args),
        ],
    )


def _customer(cid: str, name: str, end: str, culture: str = "nl-NL", **sub: Any) -> Any:
    return {
        "id": cid,
        "companyProfile": {"companyName": name},
        "billingProfile": {"culture": culture},
        "subscriptions": [
            {
                "id": f"s-{cid}",
                "offerName": OFFER,
                "quantity": 3,
                "commitmentEndDate": end,
                **sub,
            }
        ],
    }


def _write(path: Path, customers: list[Any]) -> Path:
    path.write_text(json.dumps({"items": customers}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo customers plus a hostile one, written once in both formats."""
    folder = tmp_path_factory.mktemp("demo")
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["items"].append(_customer("evil", HOSTILE, "2027-03-01", culture="de-DE"))
    source = _write(folder / "customers.json", data["items"])
    result = _run(source, folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


def _checklists(out: Path, extension: str) -> list[Path]:
    return [
        out / f for c in load_summary(out)["customers"] for f in c["files"] if f.endswith(extension)
    ]


# --- Markdown as three parsers read it ---------------------------------------------------


def _commonmark(text: str) -> str:
    return MarkdownIt("commonmark").render(text)


def _gfm(text: str) -> str:
    return MarkdownIt("gfm-like", {"linkify": False}).use(tasklists_plugin).render(text)


def _python_markdown(text: str) -> str:
    return python_markdown.markdown(text)


def _lists(root: Element) -> list[tuple[int, int]]:
    """Each list as (nesting depth, number of items), in document order."""
    return [
        (sum(a.tag in ("ul", "ol") for a in lst.ancestors()), len(_items(lst)))
        for lst in root.iter()
        if lst.tag in ("ul", "ol")
    ]


def _items(lst: Element) -> list[Element]:
    return [c for c in lst.children if isinstance(c, Element) and c.tag == "li"]


def _with_deprovision_note(out: Path) -> set[str]:
    """The checklists (file names) with a subscription whose definition ends by
    suspending or cancelling with a de-provisioning period or the choice to let the
    subscription expire instead: the ones with a note under a task."""
    noted = {
        m.id
        for m in load_migrations(ROOT / "content" / "migrations")
        if m.procedure.act and (m.procedure.deprovision_days or m.procedure.expires)
    }
    return {
        name
        for c in load_summary(out)["customers"]
        if any(s["migration"] in noted for s in c["subscriptions"])
        for name in c["files"]
    }


@pytest.mark.parametrize("render", [_commonmark, _gfm, _python_markdown])
def test_markdown_lists_render_as_intended(demo: Path, render: Any) -> None:
    with_note = _with_deprovision_note(demo)
    for path in _checklists(demo, ".md"):
        text = path.read_text(encoding="utf-8")
        root = parse(render(text))
        lists = [lst for lst in root.iter() if lst.tag in ("ul", "ol")]
        # Tight lists: no item is a paragraph, so a checkbox stays beside its text.
        assert not [li for lst in lists for li in _items(lst) if li.iter("p")], path.name
        # Facts and tasks never share a list: every top-level list is all tasks or none.
        for lst in lists:
            if not any(a.tag in ("ul", "ol") for a in lst.ancestors()):
                tasks = [_is_task(li) for li in _items(lst)]
                assert all(tasks) or not any(tasks), (path.name, tasks)
        # The note under the last task (a suspended subscription's de-provisioning) is
        # nested in that task, not a sibling; a checklist without one nests nothing.
        nested = [lst for lst in lists if any(a.tag == "li" for a in lst.ancestors())]
        assert bool(nested) == (path.name in with_note), path.name
        assert all(_is_task(_li(lst)) for lst in nested), path.name
        # No backslash escape shows literally, whatever the parser.
        assert "\\" not in root.text(), path.name


def test_the_three_parsers_agree_on_the_list_structure(demo: Path) -> None:
    for path in _checklists(demo, ".md"):
        text = path.read_text(encoding="utf-8")
        shapes = {tuple(_lists(parse(r(text)))) for r in (_commonmark, _gfm, _python_markdown)}
        assert len(shapes) == 1, (path.name, shapes)


def _li(lst: Element) -> Element:
    return next(a for a in lst.ancestors() if a.tag == "li")


def _is_task(li: Element) -> bool:
    own = "".join(c if isinstance(c, str) else "" for c in li.children).strip()
    return bool(li.iter("input")) or own.startswith("[ ]") or own.startswith("[x]")


def test_hostile_name_is_literal_in_every_parser(demo: Path) -> None:
    path = next(p for p in _checklists(demo, ".md") if "muller-sohne-script" in p.name)
    text = path.read_text(encoding="utf-8")
    for render in (_commonmark, _gfm, _python_markdown):
        root = parse(render(text))
        assert HOSTILE in words(root.iter("h1")[0].text()), render.__name__
        assert not root.iter("script") and not root.iter("del") and not root.iter("s")


# --- HTML checklists -----------------------------------------------------------------------


def test_html_checklist_says_what_the_markdown_says(demo: Path) -> None:
    summary = {c["files"][0]: c for c in load_summary(demo)["customers"]}
    for md_path in _checklists(demo, ".md"):
        page = parse(md_path.with_suffix(".html").read_text(encoding="utf-8"))
        main_element = page.iter("main")[0]
        expected = parse(_commonmark(md_path.read_text(encoding="utf-8")))
        note = main_element.iter("p")[-1].text()  # the line about ticks, not in the Markdown
        assert words(main_element.text()).removesuffix(words(note)).strip() == words(
            expected.text().replace("[ ] ", "")
        )
        html = page.iter("html")[0]
        assert html.attrs["lang"] == summary[md_path.name]["locale"]
        boxes = page.iter("input")
        assert boxes and all(b.attrs.get("type") == "checkbox" for b in boxes)
        assert all("disabled" not in b.attrs for b in boxes)
        assert len(boxes) == expected.text().count("[ ]")


def _uncached_checklist_parser() -> MarkdownIt:
    """markdown-it as the checklist parser sets it up, without its remembered tokens: the
    same rules and the project's one link policy (a link off the site, or to `\\1`, is text)."""
    rules = ["heading", "list", "paragraph", "emphasis", "link", "escape", "entity", "newline"]
    md = MarkdownIt("zero", {"html": False}).enable(rules)
    setattr(md, "validateLink", safe_link)  # noqa: B010 (as the checklist parser does)
    return md.use(tasklists_plugin, enabled=True, label=True)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="[] x*_\\`&#<>!()-1.\nab", max_size=30), max_size=6))
def test_remembered_inline_tokens_render_as_a_fresh_parse(texts: list[str]) -> None:
    """The HTML conversion reuses the inline tokens of texts seen before; the page must
    be what a fresh markdown-it parse gives, for tasks, emphasis, escapes and entities."""
    from sunsetkit.guides.html import checklist_html

    markdown = "".join(f"- [ ] {t}\n- {t}\n\n{t}\n\n" for t in texts) * 2
    assert str(checklist_html(markdown)) == _uncached_checklist_parser().render(markdown)


def test_a_link_the_policy_refuses_renders_as_text_as_in_a_fresh_parse() -> None:
    """Drawn once: `[](\\1)` is a link markdown-it accepts and the link policy refuses; the
    remembered tokens must give what a fresh parse under that policy gives."""
    from sunsetkit.guides.html import checklist_html

    markdown = "- [ ] [](\\1)\n- [](\\1)\n\n[](\\1)\n\n" * 2
    assert str(checklist_html(markdown)) == _uncached_checklist_parser().render(markdown)
    assert "href" not in str(checklist_html(markdown))


def test_demo_checklists_convert_as_a_fresh_parse(demo: Path) -> None:
    from sunsetkit.guides.html import checklist_html

    for path in _checklists(demo, ".md"):
        text = path.read_text(encoding="utf-8")
        for _ in range(2):  # the second time from remembered tokens
            assert str(checklist_html(text)) == _uncached_checklist_parser().render(text)


def test_html_pages_are_self_contained_and_print(demo: Path) -> None:
    for path in [*_checklists(demo, ".html"), demo / "index.html"]:
        text = path.read_text(encoding="utf-8")
        root = parse(text)
        assert text.startswith("<!DOCTYPE html>")
        assert not root.iter("link") and not root.iter("img") and not root.iter("iframe")
        assert all("src" not in s.attrs for s in root.iter("script"))
        style = "".join(s.text() for s in root.iter("style"))
        assert "@media print" in style and "@page" in style
        assert "url(" not in style and "@import" not in style


def test_hostile_name_is_text_in_html(demo: Path) -> None:
    path = next(p for p in _checklists(demo, ".html") if "muller-sohne-script" in p.name)
    root = parse(path.read_text(encoding="utf-8"))
    assert HOSTILE in words(root.iter("h1")[0].text())
    assert HOSTILE in words(root.iter("title")[0].text())
    assert len(root.iter("script")) == 1  # the page's own
    assert not [a for a in root.iter("a") if a.attrs.get("href", "").startswith("javascript")]
    index = parse((demo / "index.html").read_text(encoding="utf-8"))
    assert any(words(a.text()) == HOSTILE for a in index.iter("a"))
    assert len(index.iter("script")) == 0


# --- links ---------------------------------------------------------------------------------


def _all_links_resolve(out: Path) -> int:
    checked = 0
    for page in out.rglob("*.html"):
        for href, target in local_targets(page, parse(page.read_text(encoding="utf-8"))):
            assert out.resolve() in target.parents, (page, href)
            assert target.is_file(), (page, href)
            checked += 1
    for page in out.rglob("*.md"):
        tokens = MarkdownIt("commonmark").enable("table").parse(page.read_text("utf-8"))
        for token in (c for t in tokens for c in t.children or []):
            for attr in ("href", "src"):
                value = str(token.attrs.get(attr, ""))
                if value and "://" not in value:
                    assert (page.parent / value).resolve().is_file(), (page, value)
                    checked += 1
    return checked


def test_guide_links_work_wherever_the_folder_goes(demo: Path, tmp_path: Path) -> None:
    moved = tmp_path / "zipped" / "elsewhere"
    shutil.copytree(demo, moved)
    assert _all_links_resolve(moved) > 40
    guides = {p.relative_to(moved).as_posix() for p in (moved / "guides").rglob("*.html")}
    linked = {
        f"{c['locale']}/{s['migration']}.html"
        for c in load_summary(moved)["customers"]
        for s in c["subscriptions"]
    }
    assert guides == {f"guides/{x}" for x in linked}
    for path in _checklists(moved, ".md"):
        assert "/build/" not in path.read_text(encoding="utf-8")


def test_guides_beside_checklists_are_plain_translations(demo: Path) -> None:
    """A customer reads these copies: no hidden English segment to show on hover (the
    preview site's side-by-side form is for reviewers), every sentence still there."""
    pages = sorted((demo / "guides").rglob("*.html"))
    translated = [p for p in pages if p.parent.name != "en-US"]
    assert translated
    for page in pages:
        body = page.read_text(encoding="utf-8")
        assert 'data-stu-id="' not in body and 'data-ttu-id="' not in body, page
        assert 'class="sxs-lookup"' not in body, page
        assert body.count("<p") > 5, page


def test_guides_url_template(tmp_path: Path) -> None:
    url = "https://learn.example.com/{locale}/partner-center/{id}"
    result = _run(DEMO, tmp_path / "out", "--guides-url", url)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out" / "guides").exists()
    for customer in load_summary(tmp_path / "out")["customers"]:
        text = next(
            (tmp_path / "out" / f).read_text(encoding="utf-8")
            for f in customer["files"]
            if f.endswith(".md")
        )
        for subscription in customer["subscriptions"]:
            link = f"https://learn.example.com/{customer['locale']}/partner-center/"
            assert f"({link}{subscription['migration']})" in text
    for bad in ("https://x/{lang}/{id}", "learn/{locale}/{id}", "https://x/{locale} ({id})"):
        result = _run(DEMO, tmp_path / "bad", "--guides-url", bad)
        assert result.exit_code == 2 and "--guides-url" in result.stderr, bad
        assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize(
    ("fmt", "present", "absent"), [("markdown", "md", "html"), ("html", "html", "md")]
)
def test_format_option(tmp_path: Path, fmt: str, present: str, absent: str) -> None:
    out = tmp_path / "out"
    assert _run(DEMO, out, "--format", fmt).exit_code == 0
    names = [p.name for p in out.iterdir() if p.name not in ("index.md", "index.html")]
    assert any(n.endswith(f".{present}") for n in names)
    assert not any(n.endswith(f".{absent}") for n in names)
    assert (out / "index.md").is_file() and (out / "index.html").is_file()
    assert _all_links_resolve(out) > 10


# --- wording -------------------------------------------------------------------------------


@pytest.mark.parametrize("locale_id", LOCALES)
def test_overdue_and_urgent_tasks_read_as_such(tmp_path: Path, locale_id: str) -> None:
    ends = {"late": "2026-11-01", "soon": "2026-12-01", "later": "2027-06-01"}
    customers = [_customer(name, name, end) for name, end in ends.items()]
    out = tmp_path / "out"
    assert _run(_write(tmp_path / "c.json", customers), out, "--locale", locale_id).exit_code == 0

    def tasks_of(name: str) -> list[str]:
        text = next(out.glob(f"{name}-*.md")).read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line.startswith("- [ ]")]

    tasks = {name: tasks_of(name) for name in ends}
    assert len({len(t) for t in tasks.values()}) == 1 and len(tasks["later"]) > 1
    # The tasks that keep the customer's service (all but the last, which suspends or
    # cancels) carry one more bold mark when overdue or urgent (where it stands is the
    # language's choice); the last one is never marked: done early it cuts users off.
    for name in ("late", "soon"):
        for marked, plain in zip(tasks[name][:-1], tasks["later"][:-1], strict=True):
            assert marked.count("**") == plain.count("**") + 2
        assert tasks[name][-1].count("**") == tasks["later"][-1].count("**")
    assert len({t[0] for t in tasks.values()}) == 3
    if locale_id == "en-US":
        assert all(t.startswith("- [ ] **Now**: ") for t in tasks["late"][:-1])
        assert all(t.startswith("- [ ] **By December 1, 2026**: ") for t in tasks["soon"][:-1])
        assert tasks["late"][-1].startswith("- [ ] Once the tasks above are done, ")
        assert "now" not in tasks["late"][-1].casefold()


# --- file names and warnings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Piekarnia Złoty Kłos Sp. z o.o.", "piekarnia-zloty-klos-sp-z-o-o"),
        ("Müller & Söhne GmbH", "muller-sohne-gmbh"),
        ("株式会社さくら精工", "kabushikigaisha-sakura-seiko"),
        ("삼성전자 주식회사", "samseongjeonja-jusikhoesa"),
        ("北京银行", "beijingyinxing"),
        ("さくら", "sakura"),
        ("Θεσσαλονίκη", "thessaloniki"),
        ("!!!", "customer"),
    ],
)
def test_slugs_keep_every_letter(name: str, slug: str) -> None:
    produced = file_name(Customer(id="x", name=name))
    assert produced.rsplit("-", 1)[0] == slug
    assert produced.isascii()


def _unshipped(count: int) -> list[str]:
    """Real cultures whose language has no catalog in this project."""
    shipped = {locale.split("-")[0] for locale in discover_catalogs(ROOT / "locales")}
    cultures = ("is-IS", "eu-ES", "cy-GB", "mt-MT", "ga-IE", "sq-AL")
    return [c for c in cultures if c[:2] not in shipped][:count]


def test_warnings_are_grouped_and_listed_in_full(tmp_path: Path) -> None:
    many, few = _unshipped(2)
    customers = [_customer(f"a{n}", f"A {n}", "2027-01-01", culture=many) for n in range(30)]
    customers += [_customer(f"b{n}", f"B {n}", "2027-01-01", culture=few) for n in range(2)]
    customers += [_customer(f"bad{n}", f"Bad {n}", "2027-01-01", quantity=-1) for n in range(14)]
    out = tmp_path / "out"
    result = _run(_write(tmp_path / "c.json", customers), out, "--skip-invalid")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert (
        f"sunset: warning: 30 customers have culture {many}, which has no catalog: "
        "their checklists are in en-US" in lines
    )
    assert any(f"2 customers have culture {few}" in line for line in lines)
    assert "sunset: warning: 4 more records skipped (all listed in summary.json)" in lines
    assert len(lines) == 2 + 10 + 1
    assert len(load_summary(out)["warnings"]) == 30 + 2 + 14


# --- overview, CSV, calendar ---------------------------------------------------------------


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_overview_counts_and_table(demo: Path) -> None:
    summary = load_summary(demo)
    subscriptions = [s for c in summary["customers"] for s in c["subscriptions"]]
    page = parse((demo / "index.html").read_text(encoding="utf-8"))
    tables = page.iter("table")
    status_counts = {
        words(r.iter("td")[0].text()).split(" ")[0].lower(): _number(r.iter("td")[1].text())
        for r in tables[0].iter("tr")[1:]
    }
    expected = {"overdue": 0, "urgent": 0, "later": 0, "no": 0}
    for s in subscriptions:
        expected[{"ok": "later", "no-deadline": "no"}.get(s["status"], s["status"])] += 1
    assert status_counts == expected
    locale_counts = {
        r.iter("td")[0].text(): _number(r.iter("td")[1].text()) for r in tables[1].iter("tr")[1:]
    }
    assert sum(locale_counts.values()) == len(summary["customers"])
    rows = tables[-1].iter("tr")[1:]
    assert len(rows) == len(subscriptions)
    deadlines = [r.iter("td")[0].text() for r in rows]
    assert deadlines == sorted(deadlines)
    # numbers as English writes them: 1,200 licences; none for a usage-based offer
    shown = sorted(r.iter("td")[-1].text() for r in rows)
    assert shown == sorted(f"{s['quantity']:,}" if s["licensed"] else "" for s in subscriptions)
    assert not all(s["licensed"] for s in subscriptions)
    svg = page.iter("svg")
    assert svg and svg[0].iter("title")


def test_timeline_svg_is_a_picture_without_script(demo: Path) -> None:
    tree = ET.parse(demo / "timeline.svg")
    ns = "{http://www.w3.org/2000/svg}"
    assert tree.getroot().tag == f"{ns}svg"
    assert not list(tree.getroot().iter(f"{ns}script"))
    bars = [r for r in tree.getroot().iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    total = sum(int(r.find(f"{ns}title").text.split(": ")[1].split()[0]) for r in bars)  # type: ignore[union-attr]
    dated = [
        s for c in load_summary(demo)["customers"] for s in c["subscriptions"] if s["deadline"]
    ]
    assert total == len(dated)  # a subscription without a deadline is not on a timeline


def _luminance(color: str) -> float:
    """WCAG 2 relative luminance of #rgb or #rrggbb."""
    hex_ = color.lstrip("#")
    hex_ = "".join(c * 2 for c in hex_) if len(hex_) == 3 else hex_
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_timeline_marks_stand_out_from_the_paper(demo: Path) -> None:
    """WCAG 1.4.11: graphics that carry meaning have 3:1 against what they stand on."""
    root = ET.parse(demo / "timeline.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    rects = root.iter(f"{ns}rect")
    paper = _luminance(next(rects).attrib["fill"])  # the first rect is the background
    fills = {r.attrib["fill"] for r in rects}
    assert fills
    for fill in fills:
        contrast = (max(paper, _luminance(fill)) + 0.05) / (min(paper, _luminance(fill)) + 0.05)
        assert contrast >= 3, (fill, round(contrast, 2))


def test_timeline_sums_far_deadlines_into_earlier_and_later() -> None:
    def row(day: str) -> overview_module.OverviewRow:
        deadline = dt.date.fromisoformat(day)
        days = (deadline - dt.date(2026, 11, 21)).days
        status = "overdue" if days < 0 else "urgent" if days <= 30 else "ok"
        return overview_module.OverviewRow(
            deadline, "C", "s", days, status, "c", "en-US", "O", 1, "c"
        )

    rows = [row("2020-01-01"), row("2026-11-30"), row("2031-05-01"), row("2031-06-01")]
    bars = overview_module.timeline(rows, dt.date(2026, 11, 21))["bars"]
    assert bars[0]["label"] == "earlier" and bars[0]["counts"] == {"overdue": 1}
    assert bars[-1]["label"] == "later" and bars[-1]["counts"] == {"ok": 2}
    assert sum(sum(b["counts"].values()) for b in bars) == 4
    assert [b["label"] for b in bars[1:4]] == ["Sep", "Oct", "Nov"]


def test_overview_csv_parses_back(demo: Path) -> None:
    raw = (demo / "overview.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = sorted(
        (
            s["deadline"] or "",
            c["id"],
            s["subscription_id"],
            str(s["quantity"]) if s["licensed"] else "",
            c["locale"],
        )
        for c in load_summary(demo)["customers"]
        for s in c["subscriptions"]
    )
    got = sorted(
        (r["deadline"], r["customer_id"], r["subscription_id"], r["licenses"], r["locale"])
        for r in rows
    )
    assert got == expected
    hostile = next(r for r in rows if r["customer_id"] == "evil")
    assert hostile["customer"] == HOSTILE  # not a formula: it does not start with =
    assert all((demo / r["checklist"]).is_file() for r in rows)


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    customers = [_customer("=1+1", '=HYPERLINK("http://x")', "2027-01-01")]
    out = tmp_path / "out"
    assert _run(_write(tmp_path / "c.json", customers), out).exit_code == 0
    row = next(csv.DictReader(io.StringIO((out / "overview.csv").read_text("utf-8-sig"))))
    assert row["customer"] == '\'=HYPERLINK("http://x")' and row["customer_id"] == "'=1+1"


def test_deadlines_ics_parses_back(demo: Path) -> None:
    calendar = icalendar.Calendar.from_ical((demo / "deadlines.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    upcoming = [
        (c, s)
        for c in load_summary(demo)["customers"]
        for s in c["subscriptions"]
        if s["days_left"] is not None and s["days_left"] >= 0  # no deadline: no event
    ]
    assert len(events) == len(upcoming) and len({str(e["uid"]) for e in events}) == len(events)
    starts = [event.decoded("dtstart") for event in events]
    assert starts == sorted(starts)  # in date order, whatever order the customers came in
    by_start = {}
    for event in events:
        by_start.setdefault(event.decoded("dtstart").isoformat(), []).append(str(event["summary"]))
    for customer, sub in upcoming:
        # the offer as its definition spells it; the data may spell it otherwise
        summaries = [fold(s) for s in by_start[sub["deadline"]]]
        assert fold(f"{sub['offer_name']}: {customer['name']}") in summaries


def test_large_runs_split_the_table_into_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_module, "PAGE_ROWS", 3)
    customers = [_customer(f"c{n}", f"C {n}", f"2027-0{1 + n % 9}-01") for n in range(8)]
    out = tmp_path / "out"
    run_checklists(
        _write(tmp_path / "c.json", customers), Project(ROOT), out, dt.date(2026, 11, 21)
    )
    names = []
    for page in [out / "index.html", out / "overview/2.html", out / "overview/3.html"]:
        rows = parse(page.read_text(encoding="utf-8")).iter("table")[-1].iter("tr")[1:]
        names += [words(r.iter("td")[3].text()) for r in rows]
    assert sorted(names) == sorted(f"C {n}" for n in range(8))
    assert not (out / "overview/4.html").exists()
    md_rows = (out / "overview/3.md").read_text(encoding="utf-8").count("\n| 2027-")
    assert md_rows == 2
    assert _all_links_resolve(out) > 20


def test_output_is_the_same_with_and_without_the_worker(tmp_path: Path) -> None:
    def files(parallel: bool) -> dict[str, bytes]:
        out = tmp_path / str(parallel)
        run_checklists(DEMO, Project(ROOT), out, dt.date(2026, 11, 21), parallel=parallel)
        return {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }

    assert files(True) == files(False)


def _retired_offers() -> list[tuple[str, str, str | None]]:
    """(migration id, offer name, offer id) of every retired offer of every definition."""
    return [
        (m.id, offer.name, offer.id)
        for m in load_migrations(ROOT / "content" / "migrations")
        for offer in m.retired.offers
    ]


@pytest.mark.parametrize(("migration_id", "name", "offer_id"), _retired_offers())
def test_a_heading_names_the_offer_as_its_definition_does(
    tmp_path: Path, migration_id: str, name: str, offer_id: str | None
) -> None:
    """However the data spells the offer (case, spacing) or if it gives only the id."""
    garbled = "  ".join(name.swapcase().split())
    subs = [{"offerName": garbled, "offerId": ""}]
    if offer_id:
        subs.append({"offerName": None, "offerId": offer_id.lower()})
    customers = [
        _customer(f"c{i}", f"Company {i}", "2027-06-30", culture="en-US", **sub)
        for i, sub in enumerate(subs)
    ]
    assert _run(_write(tmp_path / "in.json", customers), tmp_path / "out").exit_code == 0
    pages = sorted((tmp_path / "out").glob("company-*.md"))
    assert len(pages) == len(subs)
    for page in pages:
        headings = [
            line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
        ]
        assert f"## {escape_markdown(name)}" in headings, (page.name, headings)


@pytest.mark.parametrize("quantity", [1, 2, 1200])
def test_the_calendar_counts_licences_in_english(tmp_path: Path, quantity: int) -> None:
    customers = [_customer("c1", "Company", "2027-06-30", quantity=quantity)]
    assert _run(_write(tmp_path / "in.json", customers), tmp_path / "out").exit_code == 0
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "deadlines.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    noun = "license" if quantity == 1 else "licenses"
    assert f"({quantity:,} {noun})" in str(event["description"])
