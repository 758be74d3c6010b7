"""`sunset check` reads the surfaces it renders: the attributes of its HTML (guides, the
preview site, checklists) and the text of its SVG images.

The project's own build passes clean; each class of defect native reviewers found there
(English left in an image or an attribute, side-by-side markup escaped into `alt`) is
planted in a copy of a real built page of every locale and reported at its file and
line. Generic: the locales are whatever the build wrote, the pages whatever it holds."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.base import MessageContext
from sunsetkit.checks.html import read_surfaces
from sunsetkit.checks.surfaces import english_in, markup_in
from sunsetkit.checks.words import definition_names
from sunsetkit.cli import main
from sunsetkit.content.load import load_glossary
from sunsetkit.i18n import SOURCE_LOCALE, bcp47, discover_catalogs, parse_locale

from .conftest import ROOT

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
OPTIONS = CheckOptions(
    glossary=GLOSSARY, names=definition_names(ROOT / "content" / "migrations", GLOSSARY), jobs=1
)
SURFACE_CHECKS = ("surface-english", "surface-markup")
#: English a reader could meet in an attribute, invented: no build has written it.
ENGLISH = (
    "The dialog where you choose the plan that the customer moves to.",
    "Select the subscriptions and confirm that you want to move them.",
    "A table of the subscriptions with their status and the date they end.",
)
#: Markup that reached an attribute or image, around the text that was there.
MARKUP: dict[str, Callable[[str], str]] = {
    "escaped side-by-side span": lambda t: f'<span data-ttu-id="1">{t}</span>',
    "escaped twice": lambda t: f"&lt;span&gt;{t}&lt;/span&gt;",
    "bold": lambda t: f"**{t}**",
    "link": lambda t: f"[{t}](azure-plan-transition.md)",
    "template": lambda t: f"{{{{ {t} }}}}",
    "gettext": lambda t: f"%(name)s {t}",
}


def _locales() -> list[str]:
    return sorted(bcp47(parse_locale(f)) for f in discover_catalogs(ROOT / "locales"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = CliRunner().invoke(
        main, ["build", "--project", str(ROOT), "--out", str(out), "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def checklists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo customer per shipped locale, each a copy of the example's first."""
    data = json.loads((ROOT / "content" / "customers.example.json").read_text(encoding="utf-8"))
    first = data["items"][0]
    items = []
    for index, locale in enumerate(_locales()):
        customer = json.loads(json.dumps(first))
        customer["id"] = f"00000000-0000-4000-8000-{index:012d}"
        customer["companyProfile"]["companyName"] = f"Contoso {locale}"
        customer["billingProfile"]["culture"] = locale
        items.append(customer)
    root = tmp_path_factory.mktemp("checklists")
    source = root / "customers.json"
    source.write_text(json.dumps({"items": items}), encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(
        main,
        [
            *("checklists", str(source), "--project", str(ROOT), "--out", str(out)),
            *("--as-of", "2026-11-01", "--format", "html"),
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def _surface_findings(*paths: Path) -> list[tuple[str, int | None, str, str]]:
    result = run_checks(list(paths), OPTIONS)
    return [(f.path, f.line, f.check, f.message) for f in result.findings]


def test_the_projects_own_surfaces_pass_clean(site: Path, checklists: Path) -> None:
    result = run_checks([site, checklists], OPTIONS)
    assert result.findings == []
    surfaces = [p for p in site.rglob("*") if p.suffix in (".html", ".svg")]
    assert result.rendered >= len(surfaces) - 1  # every page and image but the locale index
    assert any(p.suffix == ".svg" for p in surfaces)


def test_sunset_check_strict_passes_the_projects_build(
    site: Path, checklists: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--strict", str(site), str(checklists)])
    assert result.exit_code == 0, result.output


def _copy(site: Path, locale: str, to: Path, english: bool = True) -> Path:
    for name in (locale, SOURCE_LOCALE) if english else (locale,):
        shutil.copytree(site / name, to / name)
    return to / locale


def _first(folder: Path, suffix: str, pattern: str) -> tuple[Path, re.Match[str]]:
    """The first file (by name) of the folder whose text has the pattern, and the match."""
    for path in sorted(folder.rglob(f"*{suffix}")):
        found = re.search(pattern, path.read_text(encoding="utf-8"))
        if found:
            return path, found
    raise AssertionError(f"no {suffix} file under {folder} has {pattern}")


def _replace(path: Path, found: re.Match[str], value: str, group: int = 1) -> int:
    """Put value in place of the match's group; the line it is on."""
    text = path.read_text(encoding="utf-8")
    start, end = found.span(group)
    path.write_text(text[:start] + value + text[end:], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def _reported(root: Path, path: Path, line: int, check: str) -> None:
    found = _surface_findings(root)
    assert (str(path), line, check) in {(p, n, c) for p, n, c, _ in found}, found


def _translated(locale: str) -> list[str]:
    return [locale] if locale != SOURCE_LOCALE else []


LOCALES = [loc for loc in _locales() if loc != SOURCE_LOCALE]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("how", ["instead", "after the translation"])
def test_an_alt_left_as_the_english_builds_is_reported(
    site: Path, tmp_path: Path, locale: str, how: str
) -> None:
    """The English alt in place of the translation, or after it (as side-by-side pages
    carried it into every alt)."""
    folder = _copy(site, locale, tmp_path)
    path, found = _first(folder, ".html", r'<img [^>]*alt="([^"]*)"')
    english_page = tmp_path / SOURCE_LOCALE / path.relative_to(folder)
    english = re.findall(r'<img [^>]*alt="([^"]*)"', english_page.read_text(encoding="utf-8"))
    planted = english[0] if how == "instead" else f"{found.group(1)} {english[0]}"
    line = _replace(path, found, planted)
    _reported(tmp_path, path, line, "surface-english")
    # without the English build, by its words alone
    shutil.rmtree(tmp_path / SOURCE_LOCALE)
    _reported(tmp_path, path, line, "surface-english")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("attribute", ["alt", "title", "aria-label", "meta"])
def test_english_in_an_attribute_without_an_english_build_is_reported(
    site: Path, tmp_path: Path, locale: str, attribute: str
) -> None:
    folder = _copy(site, locale, tmp_path, english=False)
    sentence = ENGLISH[len(locale) % len(ENGLISH)]
    if attribute == "meta":
        path, found = _first(folder, ".html", r'<meta name="description" content="([^"]*)"')
        line = _replace(path, found, sentence)
    elif attribute == "alt":
        path, found = _first(folder, ".html", r'<img [^>]*alt="([^"]*)"')
        line = _replace(path, found, sentence)
    else:  # an attribute the build does not write, added to the first heading
        path, found = _first(folder, ".html", r"<h1()")
        line = _replace(path, found, f' {attribute}="{sentence}"')
    _reported(tmp_path, path, line, "surface-english")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", sorted(MARKUP))
def test_markup_in_an_alt_is_reported(site: Path, tmp_path: Path, locale: str, kind: str) -> None:
    folder = _copy(site, locale, tmp_path)
    path, found = _first(folder, ".html", r'<img [^>]*alt="([^"]*)"')
    planted = html.escape(MARKUP[kind](html.unescape(found.group(1))))
    line = _replace(path, found, planted)
    _reported(tmp_path, path, line, "surface-markup")


def _svg_texts(path: Path) -> list[tuple[int, str]]:
    return [(s.line, s.text) for s in read_surfaces(path.read_text(encoding="utf-8")).surfaces]


@pytest.mark.parametrize("locale", LOCALES)
def test_english_left_in_an_image_is_reported(site: Path, tmp_path: Path, locale: str) -> None:
    """In each image, one image at a time, the longest translated text replaced by the
    longest text of the English image (a translation may wrap into more lines)."""
    folder = _copy(site, locale, tmp_path)
    images = sorted(folder.rglob("*.svg"))
    assert images
    for path in images:
        original = path.read_text(encoding="utf-8")
        english = _svg_texts(tmp_path / SOURCE_LOCALE / path.relative_to(folder))
        source = max((text for _, text in english), key=len)
        line, text = max(_svg_texts(path), key=lambda pair: len(pair[1]))
        assert text != source
        lines = original.splitlines(keepends=True)
        lines[line - 1] = re.sub(r">[^<]*<", f">{html.escape(source)}<", lines[line - 1], count=1)
        path.write_text("".join(lines), encoding="utf-8")
        _reported(tmp_path, path, line, "surface-english")
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("locale", LOCALES)
def test_an_english_image_copied_into_a_locale_is_reported(
    site: Path, tmp_path: Path, locale: str
) -> None:
    """The English SVG (which says xml:lang="en-US") in the locale's folder."""
    folder = _copy(site, locale, tmp_path)
    for path in sorted(folder.rglob("*.svg")):
        shutil.copyfile(tmp_path / SOURCE_LOCALE / path.relative_to(folder), path)
    found = _surface_findings(tmp_path)
    images = {Path(p) for p, _, check, _ in found if check == "surface-english"}
    assert images == set(folder.rglob("*.svg"))


@pytest.mark.parametrize("locale", LOCALES)
def test_markup_in_an_image_is_reported(site: Path, tmp_path: Path, locale: str) -> None:
    folder = _copy(site, locale, tmp_path)
    path, found = _first(folder, ".svg", r"<text [^>]*>([^<]+)</text>")
    line = _replace(path, found, html.escape(f"**{html.unescape(found.group(1))}**"))
    _reported(tmp_path, path, line, "surface-markup")


def test_checklists_of_every_locale_are_checked(checklists: Path, tmp_path: Path) -> None:
    """English and markup planted in each checklist's <title>, one locale at a time."""
    pages = sorted(checklists.glob("*.html"))
    langs = {}
    for page in pages:
        lang = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8"))
        assert lang is not None
        langs[page] = lang.group(1)
    assert set(LOCALES) <= set(langs.values())
    for page, locale in langs.items():
        if locale == SOURCE_LOCALE:
            continue
        for planted, check in (
            (ENGLISH[0], "surface-english"),
            ('&lt;span data-ttu-id="2"&gt;x&lt;/span&gt;', "surface-markup"),
        ):
            copy = tmp_path / locale / page.name
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(page, copy)
            found = re.search(r"<title>([^<]*)</title>", copy.read_text(encoding="utf-8"))
            assert found is not None
            line = _replace(copy, found, planted)
            _reported(tmp_path / locale, copy, line, check)


@given(st.text(min_size=1, max_size=40))
def test_plain_text_holds_no_markup_unless_it_has_some(text: str) -> None:
    plain = re.sub(r"[<>&*_`\[\]{}%]", "", text)
    assert markup_in(plain) is None
    for wrap in MARKUP.values():
        assert markup_in(wrap(plain or "x")) is not None


def test_names_numbers_and_urls_are_never_english(tmp_path: Path) -> None:
    """Names of the glossary and the definitions, numbers, ids and URLs in a non-English
    image are no English left."""
    translated = {t.source for t in GLOSSARY.terms if t.kind != "name"}
    names = [t.source for t in GLOSSARY.terms if t.kind == "name"]
    names += [name for name in OPTIONS.names if name not in translated]
    for locale in LOCALES:
        texts = [*names, "1,500.00", "2026-12-31", "https://example.com/a/b", "AB-1234"]
        body = "\n".join(f"<text>{html.escape(t)}</text>" for t in texts)
        svg = tmp_path / locale / "image.svg"
        svg.parent.mkdir()
        svg.write_text(f'<svg xml:lang="{locale}">\n{body}\n</svg>\n', encoding="utf-8")
    assert _surface_findings(tmp_path) == []


def test_an_unreadable_image_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not UTF-8: a read-error at its line; every other file is still checked."""
    folder = tmp_path / "fr-FR"
    folder.mkdir()
    (folder / "bad.svg").write_bytes(b'<svg xml:lang="fr-FR">\n<text>caf\xe9</text>\n</svg>\n')
    (folder / "good.svg").write_text(
        '<svg xml:lang="fr-FR">\n<title>**Le tableau**</title>\n</svg>\n', encoding="utf-8"
    )
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{folder / 'bad.svg'}:2: error read-error: not UTF-8 text" in result.output
    assert f"{folder / 'good.svg'}:2: error surface-markup" in result.output
    assert "Traceback" not in result.output


def test_a_file_given_alone_is_checked_and_one_without_a_locale_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    page = tmp_path / "page.html"
    page.write_text('<html lang="de-DE"><img alt="[Tabelle](x.md)"></html>\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page)])
    assert result.exit_code == 1
    assert f"{page}:1: error surface-markup" in result.output
    plain = tmp_path / "plain.html"
    plain.write_text('<html><img alt="[Tabelle](x.md)"></html>\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plain)])
    assert result.exit_code == 2  # nothing to check: no locale, no catalog, no page
    assert "nothing to check" in result.output


def test_a_glossary_label_in_english_is_found_alone_not_inside_a_name_or_a_word() -> None:
    """A one-word label is English left as a whole text (a button), not as a word of the
    locale's sentence ("Active la casilla" is Spanish); a label of several words anywhere
    but inside a longer name ("Azure Active Directory", "Microsoft Partner Center")."""
    for locale in LOCALES:
        ctx = MessageContext(locale, OPTIONS.locale_glossary(locale), None)
        english = {**ctx.glossary.labels, **ctx.glossary.terms}
        for source, forms in english.items():
            if source in forms:
                continue
            assert "left in English" in (english_in(source, None, ctx) or ""), (locale, source)
            inside = english_in(f"Contoso {source} Suite", None, ctx) or ""
            assert "left in English" not in inside, (locale, source, inside)
            if " " not in source:
                sentence = english_in(f"{source} 12 34", None, ctx) or ""
                assert "left in English" not in sentence, (locale, source, sentence)
