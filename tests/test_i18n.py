"""Locale ids, CLDR formatting, plural selection, fallback and translation state."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.content.load import load_glossary
from sunsetkit.errors import CatalogError, UsageError
from sunsetkit.guides import BuildResult, Project, build_guides
from sunsetkit.i18n import (
    MACHINE_FLAG,
    Translator,
    _check_each_line,
    bcp47,
    discover_catalogs,
    load_catalog,
    parse_locale,
    posix,
    suspect_lines,
)
from sunsetkit.render import create_environment

from .conftest import ROOT, most_used_message


@pytest.mark.parametrize("text", ["nl-NL", "nl_NL", " nl-NL "])
def test_locale_ids_are_accepted_in_both_spellings(text: str) -> None:
    locale = parse_locale(text)
    assert (bcp47(locale), posix(locale)) == ("nl-NL", "nl_NL")


def test_unknown_locale_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown locale"):
        parse_locale("qq-QQ")


@pytest.mark.parametrize(
    ("locale_id", "expected"),
    [
        ("en-US", "August 1, 2018"),
        ("nl-NL", "1 augustus 2018"),
        ("sv-SE", "1 augusti 2018"),
        ("fr-FR", "1er août 2018"),
        ("de-DE", "1. August 2018"),
        ("ja-JP", "2018 年 8 月 1 日"),
        ("pl-PL", "1 sierpnia 2018"),
    ],
)
def test_dates_come_from_cldr(locale_id: str, expected: str) -> None:
    env = create_environment(ROOT / "templates")
    rendered = env.from_string("{{ d|date }}").render(d=dt.date(2018, 8, 1), locale_id=locale_id)
    assert rendered == expected


def test_numbers_and_lists_come_from_cldr() -> None:
    env = create_environment(ROOT / "templates")
    template = env.from_string("{{ n|number }} / {{ items|join_list }}")
    assert template.render(n=12500, items=["a", "b", "c"], locale_id="de-DE") == (
        "12.500 / a, b und c"
    )
    assert template.render(n=12500, items=["a", "b", "c"], locale_id="fr-FR") == (
        "12\u202f500 / a, b et c"
    )


#: A message whose three Polish forms differ: "pozostał 1 dzień", "2 dni", "5 dni".
DAYS_LEFT = (
    "Deadline: %(deadline)s (%(days)s day left)",
    "Deadline: %(deadline)s (%(days)s days left)",
)
#: A message whose every form carries its number.
DAYS = (
    "A suspended subscription is de-provisioned automatically after %(days)s day. "
    "The customer is no longer billed for it.",
    "A suspended subscription is de-provisioned automatically after %(days)s days. "
    "The customer is no longer billed for it.",
)


@pytest.mark.parametrize(("n", "form"), [(1, 0), (2, 1), (4, 1), (5, 2), (12, 2), (22, 1), (25, 2)])
def test_polish_uses_three_plural_forms(n: int, form: int) -> None:
    catalog = load_catalog(discover_catalogs(ROOT / "locales")["pl-PL"], "pl-PL")
    singular, plural = DAYS_LEFT
    forms = catalog.get(singular).string
    assert len(set(forms)) == 3, "the three Polish forms must differ"
    translator = Translator(catalog)
    got = translator.ngettext(singular, plural, n, days=n, deadline="D")
    assert got == forms[form] % {"days": n, "deadline": "D"}


def test_japanese_has_one_form_that_carries_the_number() -> None:
    catalog = load_catalog(discover_catalogs(ROOT / "locales")["ja-JP"], "ja-JP")
    translator = Translator(catalog)
    text = translator.ngettext(*DAYS, 24, days=24)
    assert "24" in text
    assert translator.usage.complete


def test_source_locale_counts_every_message_as_translated() -> None:
    translator = Translator(None)
    assert translator.gettext("Hello %(x)s", x="you") == "Hello you"
    assert translator.ngettext("%(num)s day", "%(num)s days", 2) == "2 days"
    assert translator.usage.complete and translator.usage.kind == "HT"


def _edit_catalog(root: Path, locale_dir: str, edit) -> None:  # type: ignore[no-untyped-def]
    path = root / "locales" / locale_dir / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    edit(catalog)
    with path.open("wb") as handle:
        write_po(handle, catalog)


NOTICE = "Parts of this page are not translated yet and are shown in English."
#: The first definition and the first locale with a catalog, whichever exist.
FIRST_ID = sorted(p.stem for p in (ROOT / "content" / "migrations").glob("*.yaml"))[0]
TRANSLATED = sorted(discover_catalogs(ROOT / "locales"))


def test_missing_or_fuzzy_translation_falls_back_and_says_so(
    project_copy: Path, built: BuildResult
) -> None:
    """Every message of a page untranslated, or fuzzy (every other one): English, with
    the notice, and the portal's labels still in the page's language."""
    locale_id = TRANSLATED[0]
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    # the portal's labels in the locale's form (where it differs from the English one)
    labels = {
        f"**{glossary.format_label(locale_id, term.forms(locale_id)[0])}**"
        for term in glossary.terms
        if term.kind == "ui" and term.forms(locale_id)[0] != term.source
    }
    # the page that shows the most of them
    translated = max(
        (p for p in built.pages if p.locale_id == locale_id),
        key=lambda p: (sum(label in p.text for label in labels), p.migration_id),
    )
    shown = {label for label in labels if label in translated.text}
    assert shown, f"no {locale_id} page shows a portal label"
    english = next(
        p
        for p in built.pages
        if p.locale_id == "en-US" and p.migration_id == translated.migration_id
    )
    keys = sorted(
        (k for k in translated.usage.used if k[1] != NOTICE), key=lambda k: (k[0] or "", k[1])
    )

    def untranslate(catalog) -> None:  # type: ignore[no-untyped-def]
        for n, (context, msgid) in enumerate(keys):
            message = catalog.get(msgid, context=context)
            if n % 2:
                message.flags.add("fuzzy")
            else:
                message.string = (
                    "" if isinstance(message.string, str) else ("",) * len(message.string)
                )

    _edit_catalog(project_copy, posix(parse_locale(locale_id)), untranslate)
    result = build_guides(
        Project(project_copy), locales=[locale_id], migration_ids=[translated.migration_id]
    )
    page = next(p for p in result.pages if p.locale_id == locale_id)
    notice = (
        load_catalog(discover_catalogs(ROOT / "locales")[locale_id], locale_id).get(NOTICE).string
    )
    assert f"> [!NOTE]\n> {notice}" in page.text
    headings = re.findall(r'^##+ (<a name="[^"]+"></a>.+)$', english.text, re.M)
    assert headings and all(heading in page.text for heading in headings)
    assert "ms.translationtype: MT" in page.text
    assert result.percent(locale_id) < 100
    # the English fallback sentences still show the portal's labels of the locale
    assert all(label in page.text for label in shown), shown


def test_complete_human_catalog_gives_ht_and_no_notice(built: BuildResult) -> None:
    complete = [
        locale_id
        for locale_id, path in discover_catalogs(ROOT / "locales").items()
        if built.percent(locale_id) == 100
        and not any(MACHINE_FLAG in m.flags for m in load_catalog(path, locale_id))
    ]
    assert complete, "no locale has a complete catalog without machine translation"
    for page in built.pages:
        if page.locale_id in complete:
            assert "ms.translationtype: HT" in page.text, page.locale_id
            assert "[!NOTE]\n> " + NOTICE not in page.text
            assert page.usage.complete


def test_one_machine_translated_message_makes_the_page_mt(
    project_copy: Path, built: BuildResult
) -> None:
    key = context, msgid = most_used_message(built, "sv-SE")
    _edit_catalog(
        project_copy, "sv_SE", lambda c: c.get(msgid, context=context).flags.add(MACHINE_FLAG)
    )
    result = build_guides(Project(project_copy), locales=["sv-SE"])
    before = {p.migration_id: p for p in built.pages if p.locale_id == "sv-SE"}
    after = {p.migration_id: p for p in result.pages}
    assert after.keys() == before.keys()
    users = [i for i, page in after.items() if key in page.usage.used]
    assert users and any(before[i].usage.kind == "HT" for i in users)
    for migration_id, page in after.items():
        old = before[migration_id]
        expected = "MT" if migration_id in users else old.usage.kind
        assert f"ms.translationtype: {expected}\n" in page.text, migration_id
        # machine translated is still translated: no notice, nothing else changes
        assert page.usage.complete == old.usage.complete, migration_id
        kind = f"ms.translationtype: {old.usage.kind}\n"
        assert page.text.replace(f"ms.translationtype: {expected}\n", kind) == old.text
    assert result.percent("sv-SE") == built.percent("sv-SE")


@pytest.mark.parametrize(
    ("text", "bcp", "folder"),
    [
        ("zh-CN", "zh-CN", "zh_CN"),
        ("zh_Hans_CN", "zh-CN", "zh_CN"),
        ("zh-TW", "zh-TW", "zh_TW"),
        ("sr-Latn-RS", "sr-Latn-RS", "sr_Latn_RS"),
        ("pt_BR", "pt-BR", "pt_BR"),
    ],
)
def test_a_likely_script_is_left_out_of_locale_ids(text: str, bcp: str, folder: str) -> None:
    locale = parse_locale(text)
    assert (bcp47(locale), posix(locale)) == (bcp, folder)


# Pieces of PO lines, sound and broken: keywords, quotes, escapes, blanks and line ends.
_PO_PIECES = [
    "msgid",
    "msgctxt",
    "msgid_plural",
    "msgstr",
    "msgstr[0]",
    "msgstr[1]",
    "#~ msgstr",
    "# ",
    '"',
    '""',
    '"text"',
    "\\",
    '\\"',
    "\\\\",
    " ",
    "\t",
    "\x0c",
    "x",
    "\n",
    "\r",
    "\r\n",
]


@given(st.lists(st.sampled_from(_PO_PIECES), max_size=40))
@settings(max_examples=3000, deadline=None)
def test_the_whole_file_screen_never_clears_what_the_line_walk_rejects(pieces: list[str]) -> None:
    """The regular expressions that clear a sound catalog at once must suspect every
    file in which the line-by-line walk finds an unterminated string or a second msgstr."""
    data = "".join(pieces).encode()
    try:
        _check_each_line(data, Path("x.po"))
    except CatalogError:
        assert suspect_lines(data)


def test_the_whole_file_screen_clears_sound_catalogs() -> None:
    """Sound catalogs are cleared without the line walk (else the screen saves nothing)."""
    catalogs = [*sorted((ROOT / "locales").rglob("*.po")), ROOT / "locales" / "messages.pot"]
    for path in catalogs:
        assert not suspect_lines(path.read_bytes()), path
        assert not suspect_lines(path.read_bytes().replace(b"\n", b"\r\n")), path
