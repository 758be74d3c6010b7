"""What sunset once accepted silently, each with generated variants: a value of the wrong
type in a definition, a YAML tag, a side-by-side page whose ms.contentlocale is no
locale, and the pages of another format left in a build's folder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.parallel import folder_locale
from sunsetkit.cli import main
from sunsetkit.content.load import PLAIN_TAGS, load_glossary, load_migration, load_steps, load_yaml
from sunsetkit.errors import ContentError
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs

from .conftest import ROOT, copy_project

DEFINITIONS = sorted((ROOT / "content" / "migrations").glob("*.yaml"))
GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
LIBRARY = load_steps(ROOT / "content" / "steps.yaml", GLOSSARY)
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def _leaves(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every scalar of a definition with its place."""
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*loc, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in _leaves(value, (*loc, i))]
    return [(loc, data)]


def _set(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _wrong_values(value: Any) -> st.SearchStrategy[Any]:
    """Values of another YAML type than `value`: what strict fields must refuse."""
    if isinstance(value, bool):
        return st.one_of(st.integers(-5, 5), st.sampled_from(["yes", "true", "1"]))
    if isinstance(value, int):
        return st.one_of(st.booleans(), st.floats(0.5, 99.5), st.just(str(value)))
    return st.one_of(st.booleans(), st.integers(-(10**6), 10**6), st.floats(0.5, 1e6))


_TYPED = [
    (path, loc, value)
    for path in DEFINITIONS
    for loc, value in _leaves(load_yaml(path)[0])
    if isinstance(value, bool | int | str) and not isinstance(value, dt.date)
]


@settings(max_examples=150, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(leaf=st.sampled_from(_TYPED), data=st.data())
def test_a_value_of_the_wrong_type_is_an_error_at_its_line(
    tmp_path: Path, leaf: tuple[Path, tuple[Any, ...], Any], data: st.DataObject
) -> None:
    """Any number, flag or text of a shipped definition, given as a value of another type
    (true for a count, 365 for a name, 1 for a flag): refused at that value's line, never
    converted ("1 days")."""
    path, loc, value = leaf
    wrong = data.draw(_wrong_values(value))
    definition, _ = load_yaml(path)
    _set(definition, loc, wrong)
    broken = tmp_path / path.name
    broken.write_text(yaml.safe_dump(definition, allow_unicode=True), encoding="utf-8")
    lines = load_yaml(broken)[1]
    with pytest.raises(ContentError) as caught:
        load_migration(broken, LIBRARY, GLOSSARY)
    assert caught.value.line == lines[loc], str(caught.value)


_TAGS = st.one_of(
    st.sampled_from(
        [
            "!!python/object:os.system",
            "!!python/name:os.system",
            "!!python/tuple",
            "!!set",
            "!!omap",
            "!!pairs",
        ]
    ),
    st.from_regex(r"![a-z][a-z0-9]{0,8}", fullmatch=True),
)


def _nodes(node: yaml.Node) -> list[yaml.Node]:
    found = [node]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found += _nodes(key) + _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _nodes(item)
    return found


@settings(max_examples=120, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(path=st.sampled_from(DEFINITIONS), tag=_TAGS, data=st.data())
def test_any_tag_beyond_plain_yaml_is_refused_at_its_line(
    tmp_path: Path, path: Path, tag: str, data: st.DataObject
) -> None:
    """A tag on any node of a definition (a key, a scalar, a list, a mapping): refused
    with the tag and its line, never dropped with its value used."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert root is not None
    nodes = _nodes(root)
    target = nodes[data.draw(st.integers(0, len(nodes) - 1))]
    target.tag = tag.replace("!!", "tag:yaml.org,2002:")
    broken = tmp_path / path.name
    broken.write_text(yaml.serialize(root, allow_unicode=True), encoding="utf-8")
    tagged = [
        n
        for n in _nodes(yaml.compose(broken.read_text(encoding="utf-8"), Loader=yaml.BaseLoader))
        if n.tag not in PLAIN_TAGS
    ]
    with pytest.raises(ContentError) as caught:
        load_yaml(broken)
    assert "unsupported YAML" in str(caught.value)
    assert caught.value.line == tagged[0].start_mark.line + 1


def test_plain_tags_written_out_are_read_as_usual(tmp_path: Path) -> None:
    path = tmp_path / "tags.yaml"
    path.write_text("a: !!str 365\nb: !!int '7'\nc: !!map {d: !!seq [1]}\n", encoding="utf-8")
    assert load_yaml(path)[0] == {"a": "365", "b": 7, "c": {"d": [1]}}


# --- side-by-side pages: ms.contentlocale ----------------------------------------------


@pytest.fixture(scope="module")
def sxs_page() -> str:
    translated = sorted(discover_catalogs(ROOT / "locales"))[0]
    pages = build_guides(Project(ROOT), [translated], fmt="sxs").pages
    return next(p.text for p in pages if p.locale_id == translated)


_NOT_LOCALES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,20}", fullmatch=True).filter(
    lambda v: folder_locale(v) is None and v.lower() not in ("true", "false", "null", "yes", "no")
)


@settings(max_examples=40, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(value=_NOT_LOCALES, folder=st.sampled_from(["de-DE", "docs", "fr"]))
def test_a_side_by_side_page_whose_contentlocale_is_no_locale_is_reported(
    tmp_path: Path, sxs_page: str, value: str, folder: str
) -> None:
    text = re.sub(r"(?m)^ms\.contentlocale: .*$", f"ms.contentlocale: {value}", sxs_page)
    page = tmp_path / folder / "page.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("ms.content"))
    result = run_checks([page], CheckOptions(glossary=GLOSSARY))
    reported = [f for f in result.findings if f.check == "page-front-matter"]
    assert [(f.line, "is no locale" in f.message) for f in reported] == [(line, True)]
    assert {f.locale for f in result.findings} == {folder_locale(folder)}


def test_a_rendered_guide_whose_contentlocale_is_no_locale_is_reported(tmp_path: Path) -> None:
    out = tmp_path / "guides"
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = next(p for p in sorted(out.glob("*/*.md")) if p.parent.name != SOURCE_LOCALE)
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^ms\.contentlocale: .*$", "ms.contentlocale: xx-99", text))
    found = run_checks([page], CheckOptions(glossary=GLOSSARY)).findings
    assert any(f.check == "page-front-matter" and "is no locale" in f.message for f in found)


# --- a build owns its folder: one format's pages ---------------------------------------

FORMATS = ("markdown", "sxs", "html")
_LOCALES = sorted(discover_catalogs(ROOT / "locales"))[:2]


def _formats_in(out: Path) -> set[str]:
    found = set()
    for page in out.rglob("*"):
        if page.suffix == ".html":
            found.add("html")
        elif page.suffix == ".md" and page.parent.name != SOURCE_LOCALE:
            text = page.read_text(encoding="utf-8")
            found.add("sxs" if 'data-ttu-id="' in text else "markdown")
    return found


@settings(max_examples=5, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(
    runs=st.lists(
        st.tuples(st.sampled_from(FORMATS), st.lists(st.sampled_from(_LOCALES), unique=True)),
        min_size=2,
        max_size=3,
    )
)
def test_a_build_leaves_only_its_formats_pages(
    tmp_path_factory: pytest.TempPathFactory, runs: list[tuple[str, list[str]]]
) -> None:
    """Builds in any order of formats, whole or of some locales: the folder then holds
    the last format's pages only, for `sunset check` to check."""
    out = tmp_path_factory.mktemp("formats") / "guides"
    migration = yaml.safe_load(DEFINITIONS[0].read_text(encoding="utf-8"))["id"]
    for fmt, locales in runs:
        args = ["build", "--project", str(ROOT), "--out", str(out), "--format", fmt]
        args += ["--migration", migration, *(a for loc in locales for a in ("--locale", loc))]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert _formats_in(out) == {fmt}, (fmt, locales)


@settings(max_examples=40, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(
    tag=st.one_of(
        st.sampled_from(["!!python/object:os.system", "!!python/name:os.system"]),
        st.from_regex(r"![a-z][a-z0-9]{0,8}", fullmatch=True),
    ),
    key=st.sampled_from(["title", "ms.topic", "ms.contentlocale"]),
)
def test_a_tag_in_a_pages_front_matter_is_reported_at_its_line(
    sxs_page: str, tag: str, key: str
) -> None:
    from sunsetkit.checks.pages import check_page

    text = re.sub(rf"(?m)^{re.escape(key)}: ", f"{key}: {tag} ", sxs_page, count=1)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith(f"{key}: "))
    problems = [p for p in check_page(text, None) if p.check == "page-parse"]
    assert [(p.line, p.message.startswith("front matter:")) for p in problems] == [(line, True)]


@pytest.mark.parametrize("field", ["topic", "service", "subservice", "localization_priority"])
def test_article_values_cannot_forge_front_matter_keys(tmp_path: Path, field: str) -> None:
    """A definition's article values are data in the front matter: a newline in one
    forges no key of its own."""
    root = copy_project(tmp_path / "project")
    path = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    forged = "x\nms.forged: yes\n# comment"
    data.setdefault("article", {})[field] = forged
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out / "en-US" / f"{data['id']}.md"
    front = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
    assert "ms.forged" not in front
    key = {"localization_priority": "ms.localizationpriority"}.get(field, f"ms.{field}")
    assert front[key] == forged
