"""Issue 8 beyond the fixtures: one verdict on a catalog, inert URLs, escaped terminal
text, the output folder's swap and ownership, a kill at any moment, hostile strings."""

from __future__ import annotations

import datetime as dt
import io
import json
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sunsetkit import write
from sunsetkit.checklists.model import Customer, Plan, PlanItem, Subscription
from sunsetkit.checklists.read import _DepthGuard
from sunsetkit.cli import main
from sunsetkit.content.load import load_glossary, load_migrations
from sunsetkit.content.model import Glossary
from sunsetkit.errors import ContentError, SunsetError, UsageError, printable
from sunsetkit.i18n import Translator, discover_catalogs, load_catalog
from sunsetkit.render import Vocabulary, create_environment, escape_markdown, translation_context
from sunsetkit.write import MANIFEST, OutputFolder, replace_folder

from .conftest import ROOT, offer_with_a_deadline
from .test_bad_input import CASES, _apply
from .test_bad_input import _snapshot as _tree

AS_OF = "2026-11-21"
OFFER = offer_with_a_deadline()


# --- one reader, one verdict ----------------------------------------------------------

CATALOG_CASES = [
    c
    for c in CASES
    if c.parent.name != "check-unknown-locale-folder"
    and any(
        ".po" in str(key)
        for part in ("write", "append", "replace")
        for key in (yaml.safe_load(c.read_text(encoding="utf-8")).get(part) or {})
    )
]


@pytest.mark.parametrize("case_file", CATALOG_CASES, ids=lambda p: p.parent.name)
def test_check_rejects_every_catalog_that_build_rejects(
    case_file: Path, project_copy: Path
) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    _apply(case, project_copy)
    build = CliRunner().invoke(main, ["build", "--project", str(project_copy), "--out", "x"])
    check = CliRunner().invoke(main, ["check", str(project_copy / "locales")])
    assert build.exit_code == 2
    assert check.exit_code != 0, check.output
    assert "Traceback" not in check.output


def test_catalog_cases_cover_every_catalog_example() -> None:
    names = {c.parent.name for c in CATALOG_CASES}
    assert {"po-two-msgstr", "po-duplicate-msgid", "plural-huge-nplurals"} <= names
    assert {"plural-broken-expression", "msgstr-unknown-placeholder"} <= names


# --- untrusted text: inert Markdown, escaped terminal output ----------------------------

LINKY = [
    "https://evil.example/x",
    "http://evil.example",
    "www.evil.example",
    "evil.example",
    "mailto:a@evil.example",
    "a@evil.example",
    "<https://evil.example>",
    "[x](https://evil.example)",
    "ftp://evil.example",
    "xmpp:a@evil.example",
]


def _linkify() -> MarkdownIt:
    return MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table"])


@pytest.mark.parametrize("text", LINKY)
def test_urls_in_untrusted_text_are_inert_in_every_renderer(text: str) -> None:
    escaped = f"Contoso {escape_markdown(text)} BV"
    assert "<a" not in _linkify().render(escaped)
    assert "<a" not in markdown.markdown(escaped)
    assert "<a" not in MarkdownIt("gfm-like").render(escaped)
    # and the reader still sees the text as written
    assert text.replace("<", "&lt;").replace(">", "&gt;") in _linkify().render(escaped)


def _no_catalog_customer(cid: str) -> dict[str, Any]:
    """A customer whose culture has no catalog: the warning about it shows its id."""
    return {
        "id": cid,
        "companyProfile": {"companyName": "Contoso"},
        "billingProfile": {"culture": "xx-QQ"},
        "subscriptions": [
            {"id": "s", "offerName": OFFER, "quantity": 1, "commitmentEndDate": AS_OF}
        ],
    }


def test_forged_lines_and_colours_are_escaped_on_the_terminal(tmp_path: Path) -> None:
    forged = "c-1\nsunset: error: forged\x1b[31mred\u202e"
    source = tmp_path / "in.json"
    customer = _no_catalog_customer(forged)
    source.write_text(json.dumps({"items": [customer, customer]}), encoding="utf-8")
    out = tmp_path / "out"
    for extra in ([], ["--skip-invalid"]):
        result = CliRunner().invoke(
            main, ["checklists", str(source), "--out", str(out), "--as-of", AS_OF, *extra]
        )
        assert "\x1b" not in result.output and "\u202e" not in result.output
        assert "\nsunset: error: forged" not in result.output
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("sunset:")]
    assert len(warnings) == len(result.stderr.splitlines()) == 2


def test_printable_keeps_ordinary_text() -> None:
    assert printable("Müller & Söhne: 東京, naïve") == "Müller & Söhne: 東京, naïve"
    assert printable("a\tb\x00") == "a\\x09b\\x00"


# --- hostile strings through every untrusted field --------------------------------------

TOKENS = [
    "*", "_", "`", "[", "]", "(", ")", "<", ">", "!", "#", "|", "~", "&", ":", "@", ".",
    "\\", "-", "+", "=", "1.", "\n", "\r\n", "\t", "\x1b[31m", "\x00", "\u202e", "\u2028",
    "https://", "www.", "evil.example", "a@b.co", "<script>", "](", "{{ 7*7 }}", "{%",
    "%(x)s", "%", "&amp;", "&#58;", "    ", "---", "> ", "- [ ] ", "**", "~~", "Ż", "東",
]  # fmt: skip
HOSTILE = st.one_of(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12).map("".join),
    st.text(min_size=1, max_size=30),
).filter(lambda s: bool(s.strip()))


@pytest.fixture(scope="module")
def renderer() -> Any:
    migration = load_migrations(ROOT / "content" / "migrations")[0]
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    catalog = load_catalog(discover_catalogs(ROOT / "locales")["nl-NL"], "nl-NL")
    template = create_environment(ROOT / "templates").get_template("checklist.md.j2")

    def render(name: str, cid: str, offer: str, label: str) -> str:
        terms = [
            t.model_copy(update={"translations": {**t.translations, "nl-NL": label}})
            if t.source == "Users and licenses"
            else t
            for t in glossary.terms
        ]
        hostile_glossary = Glossary.model_construct(label_format={}, terms=terms)
        sub = Subscription.model_construct(
            id=cid, offer_name=offer, quantity=5, commitment_end_date=dt.date(2027, 1, 1)
        )
        customer = Customer.model_construct(
            id=cid, name=name, domain=name, culture="nl-NL", subscriptions=(sub,)
        )
        item = PlanItem(sub, migration, dt.date(2027, 1, 1), 41, "../guides/nl-NL/x.md")
        plan = Plan(customer, "nl-NL", "f.md", dt.date(2026, 11, 21), (item,))
        vocabulary = Vocabulary(hostile_glossary, "nl-NL")
        context = {**translation_context(Translator(catalog), vocabulary), "plan": plan}
        return template.render(context)

    return render


def _structure(text: str) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for token in _linkify().parse(text):
        found.append((token.type, token.tag, str(token.level)))
        found += [("inline", child.type, child.tag) for child in token.children or []]
    return found


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=HOSTILE, cid=HOSTILE, offer=HOSTILE, label=HOSTILE)
def test_hostile_strings_never_change_the_structure(
    renderer: Any, name: str, cid: str, offer: str, label: str
) -> None:
    plain = renderer("Contoso", "c-1", OFFER, "Gebruikers")
    hostile = renderer(name, cid, offer, label)
    assert _structure(hostile) == _structure(plain)
    assert hostile.count("\n") == plain.count("\n")
    assert markdown.markdown(hostile).count("<a ") == markdown.markdown(plain).count("<a ")


@settings(max_examples=12, deadline=None, database=None)
@given(cid=HOSTILE)
def test_hostile_cultures_never_change_the_terminal_line_count(cid: str) -> None:
    """A culture from the data is printed in a warning (it has no catalog): one line."""
    customer = {**_no_catalog_customer("c-1"), "billingProfile": {"culture": "xx-" + cid}}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.json")
        source.write_text(json.dumps({"items": [customer]}), encoding="utf-8")
        args = ["checklists", str(source), "--out", str(Path(folder, "out")), "--as-of", AS_OF]
        result = CliRunner().invoke(main, [*args, "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert len(result.stderr.splitlines()) == 1 and len(result.stdout.splitlines()) == 1
    assert result.stderr.startswith("sunset: warning: 1 customer has culture xx-")
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in result.stderr.strip())


# --- the output folder ----------------------------------------------------------------


def test_replace_keeps_a_persons_files_and_drops_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_folder(out, "build", {"a.md": "a\n", "sub/b.md": b"b\n"})
    (out / "mine.txt").write_text("mine", encoding="utf-8")
    removed = replace_folder(out, "build", {"c.md": "c\n"}, keep=lambda rel: rel == "a.md")
    assert removed == ["sub/b.md"]
    assert _tree(out) == {
        MANIFEST: (out / MANIFEST).read_bytes(),
        "a.md": b"a\n",
        "c.md": b"c\n",
        "mine.txt": b"mine",
    }
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8")) == {
        "owner": "build",
        "files": ["a.md", "c.md"],
    }


def test_an_error_before_commit_leaves_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_folder(out, "checklists", {"a.md": "old\n"})
    with pytest.raises(RuntimeError), OutputFolder(out, "checklists") as folder:
        folder.write("a.md", "new\n")
        raise RuntimeError("input broke half-way")
    assert (out / "a.md").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_live_runs_folder_is_never_taken_for_litter(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputFolder(out, "build") as first:
        first.write("a.md", "a\n")
        with pytest.raises(UsageError, match="another sunset run is writing"):
            replace_folder(out, "build", {"b.md": "b\n"})  # a second run meanwhile
        write._remove_litter(out)  # should one get past the run's lock
        assert first.stage.is_dir()
        first.commit()
    assert (out / "a.md").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_litter_of_a_killed_run_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_folder(out, "build", {"a.md": "a\n"})
    (tmp_path / ".out.sunset-new-dead").mkdir()
    (tmp_path / ".out.sunset-new-dead" / "x.md").write_text("x", encoding="utf-8")
    replace_folder(out, "build", {"a.md": "a\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_without_an_atomic_exchange_a_kill_between_renames_is_repaired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    replace_folder(out, "build", {"a.md": "old\n"})
    replace_folder(out, "build", {"a.md": "new\n"})
    assert (out / "a.md").read_text(encoding="utf-8") == "new\n"
    out.rename(tmp_path / ".out.sunset-old-killed")  # killed after the first rename
    replace_folder(out, "build", {"b.md": "b\n"})
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "b.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_of_an_older_sunset_is_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.md").write_text("old", encoding="utf-8")
    (out / MANIFEST).write_text('["old.md"]', encoding="utf-8")
    assert replace_folder(out, "checklists", {"new.md": "new"}) == ["old.md"]


def test_symlinked_output_folder_is_replaced_behind_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    replace_folder(real, "build", {"a.md": "a"})
    link = tmp_path / "link"
    link.symlink_to(real)
    replace_folder(link, "build", {"b.md": "b"})
    assert link.is_symlink() and (link / "b.md").is_file() and not (real / "a.md").exists()


def test_write_errors_are_sunset_errors(tmp_path: Path) -> None:
    with (
        pytest.raises(SunsetError, match="two outputs would share"),
        OutputFolder(tmp_path / "out", "build") as folder,
    ):
        folder.write("a.md", "a")
        folder.write("a.md", "b")


# --- a kill at any moment ----------------------------------------------------------------


def _customers(path: Path, count: int) -> None:
    items = [
        {
            "id": f"c-{n}",
            "companyProfile": {"companyName": f"Customer {n}"},
            "billingProfile": {"culture": ["nl-NL", "fr-FR", "en-US"][n % 3]},
            "subscriptions": [
                {
                    "id": f"s-{n}",
                    "offerName": OFFER,
                    "quantity": n % 50 + 1,
                    "commitmentEndDate": "2027-03-01",
                }
            ],
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"items": items}), encoding="utf-8")


def _command(source: Path, out: Path, as_of: str) -> list[str]:
    code = "from sunsetkit.cli import main; main()"
    args = ["checklists", str(source), "--project", str(ROOT), "--out", str(out)]
    return [sys.executable, "-c", code, *args, "--as-of", as_of, "--format", "markdown"]


def test_a_kill_at_any_moment_leaves_old_or_new_and_no_litter(tmp_path: Path) -> None:
    """Each round kills a run that turns one version into the other at a later moment
    (reading, writing the sibling, swapping, removing the old), then lets a run finish."""
    source = tmp_path / "customers.json"
    _customers(source, 800)
    versions: dict[str, dict[str, bytes]] = {"2026-11-21": {}, "2026-12-01": {}}
    durations = []
    for as_of in versions:
        folder = tmp_path / as_of / "out"
        started = time.monotonic()
        subprocess.run(_command(source, folder, as_of), check=True, capture_output=True)
        durations.append(time.monotonic() - started)
        versions[as_of] = _tree(folder)
    assert versions["2026-11-21"] != versions["2026-12-01"]
    run = tmp_path / "run" / "out"
    subprocess.run(_command(source, run, "2026-11-21"), check=True, capture_output=True)
    for number, fraction in enumerate((0.4, 0.7, 0.85, 0.95, 1.05)):
        target = list(versions)[(number + 1) % 2]
        process = subprocess.Popen(_command(source, run, target), stderr=subprocess.DEVNULL)
        time.sleep(min(durations) * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _tree(run) in versions.values(), f"old and new mixed at {fraction}"
        subprocess.run(_command(source, run, target), check=True, capture_output=True)
        assert _tree(run) == versions[target]
        assert [p.name for p in run.parent.iterdir()] == ["out"], "the litter is removed"


# --- bounded readers ------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 65536])
def test_json_depth_is_counted_outside_strings_across_any_chunking(size: int) -> None:
    tricky = '[[[{{\\"\\\\' * 40 + '"]]'  # brackets, escaped quotes and backslashes
    text = json.dumps({"items": [{"id": tricky, "x": [[[{"y": tricky}]]]}]}).encode()
    guard = _DepthGuard(io.BytesIO(text), Path("in.json"))
    while guard.read(size):
        pass
    assert guard.depth == 0
    deep = b'{"a": "' + b"]" * 80 + b'", "b": ' + b"[" * 65 + b"]" * 65 + b"}"
    guard = _DepthGuard(io.BytesIO(deep), Path("in.json"))
    with pytest.raises(ContentError, match="nested deeper than 64"):
        while guard.read(size):
            pass


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml here")
def test_libyaml_and_pure_loaders_read_every_yaml_file_alike() -> None:
    """Sound files are read through libyaml's parser; whatever it reads must be what the
    pure loader (whose errors are reported) reads: data and line of every key."""
    from sunsetkit.content import load

    files = sorted(ROOT.glob("content/**/*.yaml")) + sorted(ROOT.glob("tests/fixtures/**/*.yaml"))
    compared = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            pure = load._BoundedLoader(text).get_single_node()
        except (yaml.YAMLError, ContentError):
            continue  # a bad fixture: the pure loader reports it, as load_yaml does
        fast = load._FastLoader(text).get_single_node()
        assert (pure is None) == (fast is None), path
        if pure is not None and fast is not None:
            budget = load._Budget(path)
            pure_lines: dict[Any, int] = {}
            fast_lines: dict[Any, int] = {}
            try:
                pure_data = load._build(pure, (), pure_lines, budget)
            except ContentError as exc:  # a tag a definition refuses (!!binary): both do
                with pytest.raises(ContentError) as fast_error:
                    load._build(fast, (), fast_lines, load._Budget(path))
                assert str(fast_error.value) == str(exc)
                continue
            assert load._build(fast, (), fast_lines, load._Budget(path)) == pure_data, path
            assert fast_lines == pure_lines, path
            compared += 1
    assert compared >= 10
