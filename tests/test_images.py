"""Images are rendered per locale: every word in them comes from the catalogs or the
glossary, numbers, amounts and dates are the locale's, and a translation is text, never
markup. Runs over whatever images the project's definitions use."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.messages.pofile import read_po, write_po
from babel.numbers import (
    format_currency,
    get_currency_symbol,
    get_territory_currencies,
    parse_decimal,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks.words import definition_names
from sunsetkit.content.load import load_migrations
from sunsetkit.guides.images import (
    EXAMPLE_MAGNITUDES,
    ImageRenderer,
    _day,
    _money,
    example_amount,
    local_currency,
    text_lines,
    text_width,
)
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs, parse_locale, posix
from sunsetkit.project import Project
from sunsetkit.render import format_day, format_number
from sunsetkit.untrusted import escape_html

from .conftest import ROOT, copy_project

SVG = "{http://www.w3.org/2000/svg}"
MARK = "Ŧ"  # the pseudo-translation's mark: a text node without it escaped translation
PSEUDO_LOCALE = sorted(discover_catalogs(ROOT / "locales"))[0]


def _images(root: Path) -> list[str]:
    return sorted(
        {i.src for m in load_migrations(root / "content" / "migrations") for i in m.images}
    )


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [
        "".join(node.itertext())
        for node in root.iter()
        if node.tag in (f"{SVG}text", f"{SVG}title", f"{SVG}tspan")
    ]


def _words(text: str) -> list[str]:
    """Runs of letters only: ids such as 4f1d mix digits and are no words."""
    return [w for w in re.findall(r"\w+", text) if w.isalpha() and len(w) > 1]


def _pseudo(text: str) -> str:
    return " ".join(MARK + word for word in text.split(" "))


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, tuple[str, ...]]:
    """The project with one locale pseudo-translated: every message and every glossary form
    of that locale starts with the mark."""
    root = copy_project(tmp_path_factory.mktemp("pseudo") / "project")
    path = root / "locales" / posix(parse_locale(PSEUDO_LOCALE)) / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            # every word marked: a sentence broken into lines keeps a mark on each
            strings = [_pseudo(ids[min(i, len(ids) - 1)]) for i in range(catalog.num_plurals)]
            message.string = strings[0] if isinstance(message.id, str) else tuple(strings)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=88)
    glossary_path = root / "content" / "glossary.yaml"
    glossary = yaml.safe_load(glossary_path.read_text(encoding="utf-8"))
    for term in glossary["terms"]:
        if term["kind"] != "name":
            term.setdefault("translations", {})[PSEUDO_LOCALE] = MARK + term["source"]
    glossary_path.write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    names = definition_names(root / "content" / "migrations")
    return Project(root), names


def test_every_word_of_every_image_is_translated(pseudo: tuple[Project, tuple[str, ...]]) -> None:
    project, names = pseudo
    renderer = ImageRenderer(project)
    checked = 0
    for src in _images(project.root):
        for text in _texts(renderer.render(src, PSEUDO_LOCALE)):
            rest = text
            for name in names:  # offer and product names stay as they are
                rest = rest.replace(name, "")
            if _words(rest):
                assert MARK in text, (src, text)
            checked += 1
    assert checked


@pytest.mark.parametrize("locale_id", sorted({SOURCE_LOCALE, *discover_catalogs(ROOT / "locales")}))
def test_images_are_well_formed_and_written_the_locale_s_way(locale_id: str) -> None:
    renderer = ImageRenderer(Project(ROOT))
    decimal = Locale.parse(posix(parse_locale(locale_id))).number_symbols["latn"]["decimal"]
    for src in _images(ROOT):
        svg = renderer.render(src, locale_id)
        root = ET.fromstring(svg)  # well-formed XML
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == locale_id
        for text in _texts(svg):
            assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), (locale_id, src, text)
            if decimal != ".":  # an amount written the English way in a locale that doesn't
                assert not re.search(r"\d,\d{3}\.\d{2}", text), (locale_id, src, text)


@given(
    st.sampled_from(sorted(discover_catalogs(ROOT / "locales"))),
    st.decimals(min_value=0, max_value=10**9, places=2),
    st.dates(),
)
def test_amounts_and_dates_are_babel_s(locale_id: str, amount: Decimal, day: dt.date) -> None:
    """An amount is CLDR's currency format, its digits grouped as the locale's other
    numbers are (Spanish and Polish group from five digits: 1500,00 €)."""
    locale = Locale.parse(posix(parse_locale(locale_id)))
    context = {"locale": locale, "image": "x.svg"}
    shown = _money(context, amount, "EUR")
    value = example_amount(amount, "EUR")[0]
    assert format_number(int(value), locale) in shown
    ungrouped = format_currency(value, "EUR", locale=locale, group_separator=False)
    assert [c for c in shown if c.isdigit()] == [c for c in ungrouped if c.isdigit()]
    assert _day(context, day.isoformat(), "short") == format_day(day, "short", locale)


@pytest.mark.parametrize("locale_id", sorted(discover_catalogs(ROOT / "locales")))
def test_amounts_are_in_the_currency_of_the_locale_s_country(locale_id: str) -> None:
    locale = Locale.parse(posix(parse_locale(locale_id)))
    assert local_currency(locale) == get_territory_currencies(locale.territory)[0]


def _amounts(svg: str, locale: Locale) -> list[Decimal]:
    """The amounts an image shows, in the order it shows them, read back with Babel."""
    symbol = get_currency_symbol(local_currency(locale), locale)
    return [
        parse_decimal(text.replace(symbol, "").strip(" \xa0\u202f"), locale, strict=True)
        for text in _texts(svg)
        if symbol in text and re.search(r"\d", text)
    ]


@pytest.mark.parametrize("locale_id", sorted(discover_catalogs(ROOT / "locales")))
def test_example_amounts_are_plausible_in_the_locale_s_currency(locale_id: str) -> None:
    """An example amount is stated in US dollars and shown as a plausible round figure in
    the reader's currency (₩2,000,000, not ₩1,500): each one is its dollar amount (as the
    source locale shows it) times the currency's illustrative magnitude, to rounding; and
    the amounts of an image keep their order (a test budget stays below production's)."""
    project = Project(ROOT)
    renderer = ImageRenderer(project)
    locale = Locale.parse(posix(parse_locale(locale_id)))
    source = Locale.parse(posix(parse_locale(SOURCE_LOCALE)))
    assert local_currency(source) == "USD"
    factor = EXAMPLE_MAGNITUDES[local_currency(locale)]  # every shipped currency has one
    shown_anywhere = False
    for src in _images(ROOT):
        dollars = _amounts(renderer.render(src, SOURCE_LOCALE), source)
        local = _amounts(renderer.render(src, locale_id), locale)
        assert len(local) == len(dollars), (locale_id, src, local, dollars)
        for usd, amount in zip(dollars, local, strict=True):
            assert abs(amount - usd * factor) <= usd * factor / 20, (locale_id, src, amount, usd)
            assert len(amount.normalize().as_tuple().digits) <= 2  # a round figure
        assert sorted(range(len(local)), key=local.__getitem__) == sorted(
            range(len(dollars)), key=dollars.__getitem__
        ), (locale_id, src)
        shown_anywhere = shown_anywhere or bool(local)
    assert shown_anywhere  # the test reads amounts, not an empty list


@given(
    st.sampled_from(sorted(EXAMPLE_MAGNITUDES)),
    st.decimals(min_value=Decimal("0.01"), max_value=10**7, places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=10**7, places=2),
)
def test_an_example_amount_is_a_round_figure_that_keeps_order(
    currency: str, first: Decimal, second: Decimal
) -> None:
    a, shown = example_amount(first, currency)
    b, _ = example_amount(second, currency)
    assert shown == currency
    assert (
        abs(a - first * EXAMPLE_MAGNITUDES[currency]) <= first * EXAMPLE_MAGNITUDES[currency] / 20
    )
    assert len(a.normalize().as_tuple().digits) <= 2  # a round figure: two digits at most
    assert (a <= b) if first <= second else (a >= b)


@given(st.decimals(min_value=0, max_value=10**7, places=2))
def test_a_currency_without_a_magnitude_shows_the_dollar_amount(amount: Decimal) -> None:
    """Rather than a dollar figure under another currency's symbol (₩1,500)."""
    assert example_amount(amount, "XTS") == (amount, "USD")


#: What a hostile or careless translator may write into a message an image shows.
HOSTILE = st.sampled_from(
    ["<script>alert(1)</script>", '"/><a href="x">', "</text><image href='y'/>", "&amp;", "]]>"]
)


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(copy_project(tmp_path_factory.mktemp("hostile") / "project"))


@settings(max_examples=15, deadline=None)
@given(
    HOSTILE,
    st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], exclude_characters="%"),
        max_size=12,
    ),
)
def test_a_translation_is_text_in_the_picture(
    hostile_project: Project, markup: str, tail: str
) -> None:
    path = (
        hostile_project.locales_dir
        / posix(parse_locale(PSEUDO_LOCALE))
        / "LC_MESSAGES"
        / "messages.po"
    )
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and isinstance(message.id, str) and "%(" not in message.id:
            message.string = markup + tail
    with path.open("wb") as handle:
        write_po(handle, catalog, width=88)
    renderer = ImageRenderer(hostile_project)
    for src in _images(hostile_project.root):
        english = ET.fromstring(renderer.render(src, SOURCE_LOCALE))
        root = ET.fromstring(renderer.render(src, PSEUDO_LOCALE))
        assert [e.tag for e in root.iter()] == [e.tag for e in english.iter()], src
        # The translation is in the picture as text: as written, or with the HTML a
        # catalog may not add written out (the project's policy for every output).
        texts = " ".join(_texts(ET.tostring(root, "unicode")))
        written_out = escape_html(markup + tail, lambda tag: False).strip()
        shown = (markup + tail.strip(), written_out)
        assert any(form in texts for form in shown), (src, texts)


@given(st.text(st.sampled_from("ab cd 移行顧客 ."), min_size=1, max_size=120), st.integers(60, 400))
def test_a_sentence_breaks_into_lines_that_fit(text: str, width: int) -> None:
    lines = text_lines(text, width)
    assert "".join("".join(line.split()) for line in lines) == "".join(text.split())
    for line in lines:  # a line is too wide only when it is one unbreakable piece
        assert (
            text_width(line) <= width or (len(line.split()) == 1 and " " in text) or len(line) == 1
        )


@given(
    st.lists(st.text(st.sampled_from("移行顧客订阅計画"), min_size=1, max_size=8), min_size=2),
    st.sampled_from(["\u3001", "\uff0c", "\u3002"]),
)
def test_wide_text_breaks_after_its_punctuation(phrases: list[str], mark: str) -> None:
    """Phrases that each fit a line are never cut: each line ends at a comma or full stop."""
    text = mark.join(phrases) + "\u3002"
    lines = text_lines(text, 13 * 9)  # nine wide characters: any phrase with its mark fits
    assert "".join(lines) == text
    assert all(line[-1] in "\u3001\uff0c\u3002" for line in lines)
