# ruff: noqa: RUF001 (the full-width marks of CJK text are the point here)
"""Locale conventions as data (src/sunsetkit/checks/locale_data/): names Microsoft localizes,
acronyms written out, label marks, function words, and the checks that read them. Every
test runs over whatever the data files hold, with invented sentences."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.conventions import DATA, conventions, label_marked, written_out
from sunsetkit.checks.words import function_words
from sunsetkit.content.load import load_glossary

from .conftest import ROOT
from .conftest import tiny_catalog as _catalog
from .only_checks import OPTIONS, found

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
SHIPPED = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def _found(path: Path, check: str) -> list[str]:
    return found(path, check)


def test_every_shipped_locale_has_its_conventions() -> None:
    assert SHIPPED
    for locale in SHIPPED:
        assert (DATA / f"{locale}.yaml").is_file(), locale
        assert function_words(locale), locale
    assert function_words("en") and not function_words("xx")


def test_no_label_or_term_of_the_glossary_is_only_function_words() -> None:
    """A label or term is content: bold on it is never "moved onto function words"."""
    for locale in SHIPPED:
        glossary = OPTIONS.locale_glossary(locale)
        forms = {*glossary.label_forms, *(f for fs in glossary.terms.values() for f in fs)}
        assert forms, locale
        words = function_words(locale)
        assert not [f for f in forms if all(w.casefold() in words for w in f.split())], locale


@pytest.mark.parametrize("locale", SHIPPED)
def test_bold_on_a_function_word_is_misplaced_and_on_a_label_is_not(
    tmp_path: Path, locale: str
) -> None:
    glossary = OPTIONS.locale_glossary(locale)
    spaced = sorted(w for w in function_words(locale) if w.isalpha())
    labels = sorted(
        f
        for f in glossary.label_forms
        if f.isalpha() and f.casefold() not in function_words(locale)
    )
    assert spaced
    pairs = [
        (f"Select **Save** now ({i}).", f"Ok **{w}** Wort ({i}).") for i, w in enumerate(spaced)
    ]
    pairs += [
        (f"Select **Save** ({i}).", f"Ok **{label}** ({i}).") for i, label in enumerate(labels)
    ]
    found = set(_found(_catalog(tmp_path, locale, pairs), "placement"))
    assert found == {source for source, _ in pairs[: len(spaced)]}


def _names() -> list[tuple[str, str, str]]:
    return [
        (locale, name, form)
        for locale in SHIPPED
        for name, forms in conventions(locale).names.items()
        for form in forms
    ]


@pytest.mark.parametrize(("locale", "name", "form"), _names())
def test_a_name_the_locale_localizes_is_accepted_in_its_form(
    tmp_path: Path, locale: str, name: str, form: str
) -> None:
    good = (f"Open {name} now.", f"Ok {form} nu.")
    kept = (f"Open {name} later.", f"Ok {name} later nu.")
    garbled = (f"Open {name} again.", f"Ok {form[: len(form) // 2]}xyz nu.")
    path = _catalog(tmp_path, locale, [good, kept, garbled])
    reported = set(_found(path, "name")) | set(_found(path, "term"))
    assert good[0] not in reported and kept[0] not in reported
    assert garbled[0] in reported


@pytest.mark.parametrize("locale", SHIPPED)
def test_an_acronym_written_out_in_the_locale_is_not_missing(tmp_path: Path, locale: str) -> None:
    """Every acronym and written-out form of the locale's data, one message pair each in
    one catalog (the check reads each message alone): the written-out form is no finding,
    the lost acronym exactly one."""
    written: dict[str, tuple[str, str]] = {}
    lost: dict[str, tuple[str, str]] = {}
    pairs = []
    cases = [(a, f) for a, forms in conventions(locale).acronyms.items() for f in forms]
    for number, (acronym, form) in enumerate(cases):
        # an inflection's ending after the form; "er" where "en" is the acronym in lower case
        ending = "er" if acronym.casefold() == "en" else "en"
        kept = (f"Check the {acronym} first ({number}).", f"Zz {form.capitalize()}{ending} zz.")
        gone = (f"Check the {acronym} again ({number}).", "Zz qqq zz.")
        written[kept[0]] = lost[gone[0]] = (acronym, form)
        pairs += [kept, gone]
    found = Counter(_found(_catalog(tmp_path, locale, pairs), "acronym"))
    wrong = [case for source, case in written.items() if found[source]]
    wrong += [case for source, case in lost.items() if found[source] != 1]
    assert found.keys() <= {*written, *lost}
    assert not wrong, f"{locale}: written out but reported, or lost but not once: {wrong}"


@given(st.sampled_from(["a stem", "ab"]), st.text("xyz ", max_size=6))
def test_a_written_out_form_must_start_a_word(form: str, around: str) -> None:
    assert written_out((form,), f"{around} {form}{around}")
    assert not written_out((form,), f"q{form}")


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_country_code_may_be_the_locales_name_of_the_country(tmp_path: Path, locale: str) -> None:
    from babel import Locale

    names = Locale.parse(locale.replace("-", "_")).territories
    pairs = [
        ("Calls to USA and CAN are free.", f"Zz {names['US']} zz {names['CA']} zz."),
        ("Calls to USA are cheap.", "Zz qqq zz."),
    ]
    assert _found(_catalog(tmp_path, locale, pairs), "acronym") == [pairs[1][0]]


def test_an_acronym_spelled_out_in_english_is_kept(tmp_path: Path) -> None:
    pairs = [
        ("Join the CSP program.", "Treten Sie dem Cloud Solution Provider-Programm bei."),
        ("Join the CSP program now.", "Treten Sie dem Programm jetzt bei."),
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "acronym") == [pairs[1][0]]


@settings(max_examples=40, suppress_health_check=FUNCTION_SCOPED, deadline=None)
@given(
    items=st.lists(
        st.sampled_from(["全局管理员", "用户管理员", "销售代理", "Admin"]), min_size=2, max_size=5
    ),
    spacing=st.lists(st.sampled_from([" | ", "| ", " |", "|"]), min_size=4, max_size=4),
)
def test_bars_without_space_on_one_side_still_separate(
    tmp_path: Path, items: list[str], spacing: list[str]
) -> None:
    source = "**Roles**: " + " | ".join(f"Role {i}" for i in range(len(items)))
    text = "**角色**：" + "".join(
        item + (spacing[i % len(spacing)] if i < len(items) - 1 else "")
        for i, item in enumerate(items)
    )
    short = "**角色**：" + " | ".join(items[:-1])
    path = _catalog(tmp_path, "zh-CN", [(source, text), (source + ".", short + "。")])
    assert _found(path, "separated-list") == [source + "."]


def test_a_bar_in_a_link_text_is_no_list(tmp_path: Path) -> None:
    pairs = [
        (
            "See [Rules | Ethics](https://example.com/r).",
            "Siehe [Regeln zur Ethik](https://example.com/r).",
        )
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "separated-list") == []


def test_labels_in_the_locales_marks_are_marked_labels(tmp_path: Path) -> None:
    """zh-CN sets labels in quotation marks, ja-JP in brackets: no markup or ui finding.
    German has no such convention: a label in quotation marks lost its bold."""
    submit = {"zh-CN": "提交", "ja-JP": "送信", "de-DE": "Senden"}
    marked = {"zh-CN": "“提交”", "ja-JP": "[送信]", "de-DE": "„Senden“"}
    for locale, label in marked.items():
        pairs = [("When you're done, select **Submit**.", f"Zz {label} zz.")]
        path = _catalog(tmp_path, locale, pairs)
        found = set(_found(path, "markup")) | set(_found(path, "ui"))
        assert bool(found) == (locale == "de-DE"), locale
        assert submit[locale] in marked[locale]
    assert label_marked('选择“下载”和"客户"页', conventions("zh-CN").label_marks) == [
        "下载",
        "客户",
    ]
    assert label_marked("[紹介](x.md)", conventions("ja-JP").label_marks) == []


def test_english_kept_beside_a_gloss_or_as_a_title_is_no_english_left(tmp_path: Path) -> None:
    pairs = [
        (
            "The tax invoice under review is shown.",
            "Es wird tax invoice under review (Steuerrechnung in Prüfung) angezeigt.",
        ),
        (
            "Read [the planning guide for partners](https://example.com/g).",
            "Lesen Sie [the planning guide for partners](https://example.com/g).",
        ),
        (
            "Contoso Suite for small teams | 1f2e3d4c-0000-4000-8000-123456789abc",
            "Contoso Suite for small teams | 1f2e3d4c-0000-4000-8000-123456789abc",
        ),
        (
            "The remaining balance is refunded to your account.",
            "Das verbleibende Guthaben is refunded to your account.",
        ),
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "english-left") == [pairs[3][0]]


@pytest.mark.parametrize("locale", SHIPPED)
def test_bold_on_function_words_in_source_and_translation_is_not_moved(
    tmp_path: Path, locale: str
) -> None:
    """The source's bold holds English function words only ("**and**" ending a list item):
    the translation's on the locale's function words moved nowhere."""
    word = sorted(w for w in function_words(locale) if w.isalpha())[0]
    pairs = [
        ("Below the limit, **and**", f"Zz qqq, **{word}**"),
        ("Select **Save**.", f"Zz **{word}** qqq."),
    ]
    assert _found(_catalog(tmp_path, locale, pairs), "placement") == [pairs[1][0]]


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_term_with_an_ending_or_in_a_compound_is_its_form(tmp_path: Path, locale: str) -> None:
    glossary = OPTIONS.locale_glossary(locale)
    pairs = []
    for i, (term, forms) in enumerate(sorted(glossary.terms.items())):
        pairs.append((f"Use the {term} ({i}).", f"Zz {forms[0]}en ({i})."))
        pairs.append((f"Use the {term} again ({i}).", f"Zz qqq ({i})."))
    assert pairs
    found = set(_found(_catalog(tmp_path, locale, pairs), "term"))
    assert found == {source for source, _ in pairs[1::2]}


@given(st.sampled_from(["U.S.", "e.g.", "etc.", "U.K."]))
@settings(max_examples=8, suppress_health_check=FUNCTION_SCOPED, deadline=None)
def test_an_abbreviation_ending_the_source_ends_no_sentence(
    tmp_path: Path, abbreviation: str
) -> None:
    pairs = [
        (f"Both offers are available in {abbreviation}", "Beide Angebote gibt es dort"),
        ("Both offers are available now.", "Beide Angebote gibt es jetzt"),
    ]
    assert _found(_catalog(tmp_path, "de-DE", pairs), "end-punctuation") == [pairs[1][0]]


@pytest.mark.parametrize("locale", SHIPPED)
def test_no_place_is_listed_among_the_names_the_name_check_wants_verbatim(locale: str) -> None:
    """`names` holds Microsoft's localized product names, which `name` asks for; a country
    or language listed there would make its CLDR name (Estados Unidos) an error."""
    from babel import Locale

    english = Locale("en")
    places = {*english.territories.values(), *english.languages.values()}
    assert not places & set(conventions(locale).names)


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_country_under_its_cldr_name_is_no_name_changed(tmp_path: Path, locale: str) -> None:
    from babel import Locale

    for code in ("US", "GB", "CV", "BY"):
        english, local = (
            Locale("en").territories[code],
            Locale.parse(locale, sep="-").territories[code],
        )
        path = _catalog(tmp_path, locale, [(f"Customers in {english}.", f"Zz {local} zz.")])
        assert _found(path, "name") == [], (english, local)


def test_italics_set_upright_where_the_script_has_none(tmp_path: Path) -> None:
    """A script without italic (`no_italics`: Japanese, Chinese, Korean) may set every
    italic span of its source upright; one span kept of two is one moved or lost, in every
    locale, and so is every span dropped where the script has italic."""
    source = "Read *Zeta terms* and *Omega policy* first."
    upright = {loc for loc in SHIPPED if conventions(loc).no_italics}
    assert {"ja-JP", "zh-CN", "ko-KR"} <= upright < set(SHIPPED)
    for locale in ("ja-JP", "zh-CN", "de-DE"):
        dropped = _catalog(tmp_path, locale, [(source, "Zz Zeta terms zz Omega policy zz.")])
        assert bool(_found(dropped, "markup")) == (locale not in upright), locale
        one = _catalog(tmp_path, locale, [(source, "Zz *Zeta terms* zz Omega policy zz.")])
        assert _found(one, "markup"), locale
