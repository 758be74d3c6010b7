"""The checks that need no glossary (#16): spans found again by what they hold, one
spelling per label, collisions, numbers, link texts, list items, bold left in English.

Every fixture is an invented sentence of one pattern; the properties say that a
translation identical in structure to its source (every word replaced, one for one,
markup, numbers and names kept) gives none of these findings, in every shipped locale."""

from __future__ import annotations

import string

import pytest
from babel.messages.catalog import Message
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.collisions import _repeated, _repetition
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.glossary import locale_glossary

from .conftest import ROOT

MD = markdown_parser()
NEW = (
    "span-moved",
    "label-spelling",
    "bold-english",
    "table-collision",
    "repeated-item",
    "number",
    "link-text",
    "list-item",
)
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())


def _ctx(locale: str) -> MessageContext:
    return MessageContext(locale, locale_glossary(None, locale), MD)


def _entry(source: str, text: str, line: int = 1) -> Entry:
    return Entry(Message(source, text, lineno=line))


def _found(check_id: str, source: str, text: str, locale: str = "de-DE") -> list[str]:
    return list(BY_ID[check_id].func(_entry(source, text), _ctx(locale)))


def _page(check_id: str, pairs: list[tuple[str, str, int]], locale: str = "de-DE") -> list[str]:
    """Findings of a page-wide check, as 'line: message'."""
    check = BY_ID[check_id]
    assert check.entries is not None
    entries = [_entry(source, text, line) for source, text, line in pairs]
    return [f"{entry.line}: {message}" for entry, message in check.entries(entries, _ctx(locale))]


def test_every_new_check_is_registered_with_a_description() -> None:
    for check_id in NEW:
        assert check_id in BY_ID and BY_ID[check_id].description
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for check_id in NEW:
        assert f"`{check_id}`" in readme, f"README does not describe {check_id}"


# --- span-moved -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        (
            "Select **Contoso Ledger 2** to go on.",
            "Wählen Sie Contoso Ledger 2 **weiter** aus.",
            "moved off",
        ),
        # swallowed the name next to it
        (
            "Open **Billing** in Contoso Ledger.",
            "Ouvrez **Facturation dans Contoso Ledger**.",
            "swallowed",
        ),
        # the link's English left beside a link on other words
        (
            "See [Manage your ledger](ledger.md).",
            "Zie Manage your ledger ([Uw grootboek beheren](ledger.md)).",
            "moved off",
        ),
        # italic too
        (
            "Open the *Fabrikam Vault* page.",
            "Öffnen Sie die Seite *Tresor* von Fabrikam Vault.",
            "moved off",
        ),
    ],
)
def test_span_moved_reports(source: str, text: str, expected: str) -> None:
    found = _found("span-moved", source, text, "nl-NL")
    assert len(found) == 1 and expected in found[0], found


def test_span_moved_reads_german_names_as_pairs_of_capitalised_words() -> None:
    """German capitalises its nouns: two capitalised words that both texts have are a
    name, one alone ("Logo", "Ihr") is not."""
    moved = _found(
        "span-moved", "Select **Contoso Ledger** now.", "Wählen Sie Contoso Ledger **jetzt**."
    )
    assert len(moved) == 1 and "'Contoso', 'Ledger'" in moved[0]
    assert (
        _found(
            "span-moved", "In **Logo name**, name it.", "Geben Sie unter **Logoname** Ihr Logo ein."
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # a name joined to the locale's word by a hyphen is one word
        ("Open the Contoso [dashboard](x.md).", "Öffnen Sie das [Contoso-Dashboard](x.md)."),
        # spans reordered, each still on its words
        ("Pick **Contoso** or **Fabrikam**.", "Choisissez **Fabrikam** ou **Contoso**."),
        # a capitalised German noun is no name
        (
            "On the **Bank profile** page, enter your bank.",
            "Geben Sie auf der Seite **Bankprofil** Ihre Bank an.",
        ),
        # a link moved to "here" with its words translated: the locale's way to say it
        (
            "Learn more about [Contoso regions](x.md).",
            "Weitere Informationen zu Contoso-Regionen finden Sie [hier](x.md).",
        ),
        # another number of spans: the markup check's finding, not this one's
        ("Select **Contoso**.", "Wählen Sie Contoso."),
    ],
)
def test_span_moved_leaves_alone(source: str, text: str) -> None:
    assert _found("span-moved", source, text) == []


# --- label-spelling ---------------------------------------------------------------------


def test_label_spelling_reports_the_rare_spelling() -> None:
    pairs = [
        ("Select **Save draft**.", "Wählen Sie **Entwurf speichern** aus.", 3),
        ("Then select **Save draft** again.", "Wählen Sie erneut **Entwurf speichern**.", 7),
        (
            "Select **Save draft** to keep it.",
            "Wählen Sie **Entwurf sichern**, um ihn zu behalten.",
            9,
        ),
    ]
    found = _page("label-spelling", pairs)
    assert len(found) == 1 and found[0].startswith("9: ") and "line 3" in found[0], found


@pytest.mark.parametrize(
    "spellings",
    [
        ("„Entwurf speichern“", "entwurf  speichern", "Entwurf speichern."),  # quotes, case
        ("Kundenkonto", "Kundenkontos", "Kundenkonto"),  # forms of one word
        ("Entwurf speichern", "Entwurf sichern"),  # one against one: no evidence
        ("Entwurf speichern aus", "Entwurf speichern", "Entwurf speichern"),  # a particle
    ],
)
def test_label_spelling_leaves_alone(spellings: tuple[str, ...]) -> None:
    pairs = [
        (f"Select **Save draft** now {i}.", f"Wählen Sie jetzt **{s}** {i}.", i)
        for i, s in enumerate(spellings, 1)
    ]
    assert _page("label-spelling", pairs) == []


def test_label_spelling_also_reads_link_texts() -> None:
    pairs = [
        (f"See [Ledger rules](r.md) {i}.", f"Voir [{s}](r.md) {i}.", i)
        for i, s in enumerate(("règles du registre", "règles du registre", "lois comptables"), 1)
    ]
    found = _page("label-spelling", pairs, "fr-FR")
    assert [f.split(":")[0] for f in found] == ["3"]


# --- table-collision and repeated-item --------------------------------------------------


def _table(cells: list[list[tuple[str, str]]]) -> list[tuple[str, str, int]]:
    """Rows of a side-by-side table: every cell of a row on one line, a rule after the
    header."""
    pairs = []
    for number, row in enumerate(cells):
        line = 10 + number + (number > 0)
        pairs += [(source, text, line) for source, text in row]
    return pairs


def test_table_collision_reports_a_no_that_reads_yes() -> None:
    pairs = _table(
        [
            [("Region", "Region"), ("Available", "Verfügbar")],
            [("Contoso North", "Contoso Nord"), ("Yes", "Ja")],
            [("Contoso South", "Contoso Süd"), ("Yes", "Ja")],
            [("Contoso West", "Contoso West"), ("No", "Ja")],
        ]
    )
    found = _page("table-collision", pairs)
    assert len(found) == 1 and found[0].startswith("14: ") and "'No' reads 'Ja'" in found[0]


def test_table_collision_blames_the_source_translated_two_ways() -> None:
    """More "No" cells read "Ja" than "Yes" cells do, but "Yes" is always "Ja" and "No" is
    "Nein" too: the "No" cells are wrong."""
    pairs = _table(
        [
            [("Region", "Region"), ("Available", "Verfügbar")],
            [("Contoso North", "Contoso Nord"), ("Yes", "Ja")],
            [("Contoso South", "Contoso Süd"), ("No", "Ja")],
            [("Contoso West", "Contoso West"), ("No", "Ja")],
            [("Contoso East", "Contoso Ost"), ("No", "Nein")],
        ]
    )
    found = _page("table-collision", pairs)
    assert [f.split(":")[0] for f in found] == ["13", "14"], found


def test_table_collision_leaves_synonyms_alone() -> None:
    pairs = _table(
        [
            [("Date", "Datum"), ("Type of expiry", "Ablauftyp")],
            [("Jun 11", "11. Juni"), ("Expiry type", "Ablauftyp")],
            [("June 11", "11. Juni"), ("OS", "Betriebssystem")],
            [("Operating System", "Betriebssystem"), ("No", "Nein")],
        ]
    )
    assert _page("table-collision", pairs) == []


@pytest.mark.parametrize(
    ("locale", "source", "text", "reported"),
    [
        ("fr-FR", "Billed monthly or yearly.", "Facturé mensuel ou mensuel.", True),
        ("de-DE", "Select and review the plans.", "Pläne auswählen und auswählen.", True),
        ("es-ES", "New and existing customers.", "Clientes nuevos y clientes existentes.", False),
        ("es-ES", "New customers and CSP customers.", "Clientes y clientes de CSP.", False),
        ("de-DE", "Again and again.", "Immer und immer wieder.", False),  # the source too
        # the source's items share their noun, words between: so may the translation's
        ("de-DE", "Zqos sold and zqos in use.", "Verkaufte Zqos und zqos, die laufen.", False),
        ("sv-SE", "New zqas or lost zqas.", "Nya zqas eller zqas.", False),
        # the same noun, but more than three words apart: two items of the source
        ("sv-SE", "Zqas we sold in the last year or zqas.", "Zqas eller zqas.", True),
        # "pré-requisitos e requisitos": the first is part of a hyphenated word
        (
            "pt-BR",
            "Its prerequisites and requirements.",
            "Seus pré-requisitos e requisitos.",
            False,
        ),
    ],
)
def test_repeated_item(locale: str, source: str, text: str, reported: bool) -> None:
    found = _found("repeated-item", source, text, locale)
    assert bool(found) is reported, found


# --- number, link-text, list-item -------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "source", "text", "reported"),
    [
        (
            "de-DE",
            "Pay 1,250.50 USD by 12/2/2026.",
            "Zahlen Sie 1.250,50 USD bis 02.12.2026.",
            False,
        ),
        ("de-DE", "Pay 1,250.50 USD.", "Zahlen Sie 1.205,50 USD.", True),
        ("ja-JP", "Due on 2026-12-02.", "期限:2026 年 12 月 2 日", False),
        ("de-DE", "See note¹ below.", "Siehe Anmerkung² unten.", True),
        ("fr-FR", "The ledger keeps 4444444 entries.", "Le registre garde 44444444 entrées.", True),
        ("de-DE", "Wait 30 days.", "Warten Sie einige Tage.", True),
        ("de-DE", "Wait two or 3 days.", "Warten Sie zwei oder drei Tage.", False),  # a word
        ("de-DE", "Support is 24/7.", "Support rund um die Uhr.", False),
        ("zh-CN", "Up to 1 million items.", "最多 100 万个项目。", False),
        ("pt-BR", "Up to 20,000 seats.", "Até 20 mil licenças.", False),
        ("fr-FR", "On October 1, 2026.", "Le 1er octobre 2026.", False),
        ("de-DE", "Run `retry 5` now.", "Führen Sie `retry 5` aus.", False),  # code aside
        # a month as a name, a two-digit year in four digits; then a year changed
        ("de-DE", "On 2/11/17 and 11/16.", "Am 11.02.2017 und am 16. November.", False),
        ("de-DE", "Period 2/11/17 to 2/10/18.", "Zeitraum 11.02.2017 bis 10.02.2019.", True),
    ],
)
def test_number(locale: str, source: str, text: str, reported: bool) -> None:
    found = _found("number", source, text, locale)
    assert bool(found) is reported, found


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        ("See [the ledger](l.md) today.", "Siehe [](l.md) heute.", "no text"),
        ("[Learn more.](l.md) Then go on.", "[Mehr erfahren.](l.md)Dann weiter.", "glued"),
    ],
)
def test_link_text_reports(source: str, text: str, expected: str) -> None:
    found = _found("link-text", source, text)
    assert len(found) == 1 and expected in found[0], found


def test_link_text_leaves_alone_what_the_source_does() -> None:
    assert _found("link-text", "[Learn more.](l.md)Then.", "[Mehr erfahren.](l.md)Dann.") == []
    assert _found("link-text", "See [the ledger](l.md).", "[Das Register](l.md) ansehen.") == []


@pytest.mark.parametrize(
    ("source", "text", "reported"),
    [
        ("Contoso, Fabrikam, and Tailspin.", "Contoso, Fabrikam und.", True),
        ("Contoso, Fabrikam, and Tailspin.", "Contoso, , Tailspin.", True),
        ("Contoso, Fabrikam, and Tailspin.", "Contoso, Fabrikam und Tailspin.", False),
        ("Contoso, Fabrikam, and.", "Contoso, Fabrikam und.", False),  # the source's own
    ],
)
def test_list_item(source: str, text: str, reported: bool) -> None:
    assert bool(_found("list-item", source, text)) is reported


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if locale_data(loc).get("list_idioms")])
def test_a_list_idiom_ends_a_list_whole(locale: str) -> None:
    source = "Choose Contoso, Fabrikam, or both."
    for idiom in locale_data(locale)["list_idioms"]:
        assert _found("list-item", source, f"Contoso, Fabrikam {idiom}.", locale) == []
        # the idiom's list word alone at the end is still a list cut short
        joiner = idiom.split()[-1]
        assert _found(
            "list-item", "Contoso, Fabrikam, and Tailspin.", f"Contoso, Fabrikam {joiner}.", locale
        )


# --- bold-english -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text", "reported"),
    [
        ("Select **Save draft**.", "Wählen Sie **Save draft** aus.", True),
        ("Open **Add a location**.", "Öffnen Sie **Add a location**.", True),
        ("Open **Contoso Ledger**.", "Öffnen Sie **Contoso Ledger**.", False),  # a name
        ("Enter the **MPN id**.", "Geben Sie die **MPN id** ein.", False),  # an identifier
        # the source's acronym written in lower case: an identifier still
        ("Enter the **Contoso ID**.", "Geben Sie die **Contoso id** ein.", False),
        ("Set **max_items**.", "Legen Sie **max_items** fest.", False),  # code
        ("Select **Save draft**.", "Wählen Sie **Save draft** (Entwurf speichern).", False),
        ("Select **Save draft**.", "Select **Save draft**.", False),  # untranslated: not here
    ],
)
def test_bold_english(source: str, text: str, reported: bool) -> None:
    assert bool(_found("bold-english", source, text)) is reported


# --- properties: a translation identical in structure gives no finding -------------------

_LOWER = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=8)
_WORDS = st.lists(_LOWER, min_size=1, max_size=4).map(" ".join)
_NAMES = st.sampled_from(["Contoso", "Fabrikam Ledger", "Tailspin 365", "CSP", "2026", "1,500"])
_PIECE = st.one_of(
    _WORDS,
    _NAMES,
    st.tuples(st.sampled_from(["**", "*"]), st.one_of(_WORDS, _NAMES)).map(
        lambda t: f"{t[0]}{t[1]}{t[0]}"
    ),
    st.tuples(st.one_of(_WORDS, _NAMES), st.sampled_from(["a.md", "b.md"])).map(
        lambda t: f"[{t[0]}]({t[1]})"
    ),
    st.one_of(_WORDS, _NAMES).map(lambda w: f"`{w}`"),
)
_SENTENCE = st.lists(_PIECE, min_size=1, max_size=8).map(lambda parts: " ".join(parts) + ".")


def _translate(text: str, table: dict[str, str]) -> str:
    """Every lower-case word replaced by its own invented one (outside code), one for one:
    a translation identical in structure to its source."""
    out, code = [], False
    word = ""
    for char in text + " ":
        if char.islower() and not code:
            word += char
            continue
        if word:
            out.append(table.setdefault(word, f"zq{len(table):04d}x"))
            word = ""
        code ^= char == "`"
        out.append(char)
    return "".join(out)[:-1]


@settings(max_examples=150, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=6), st.sampled_from(LOCALES))
@example(["Tailspin 365 billion."], "de-DE")  # the scale word translated, the digits kept
def test_a_translation_identical_in_structure_gives_no_finding(
    sources: list[str], locale: str
) -> None:
    table: dict[str, str] = {}
    pairs = [(source, _translate(source, table), line) for line, source in enumerate(sources, 1)]
    ctx = _ctx(locale)
    entries = [_entry(source, text, line) for source, text, line in pairs]
    for check_id in NEW:
        check = BY_ID[check_id]
        if check.entries is not None:
            assert list(check.entries(entries, ctx)) == [], check_id
        for entry in entries:
            assert list(check.func(entry, ctx)) == [], (check_id, entry.pairs)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Yes", "No", "Monthly", "Yearly", "Contoso"]), min_size=2, max_size=12
    ),
    st.sampled_from(LOCALES),
)
def test_a_table_translated_cell_for_cell_gives_no_collision(cells: list[str], locale: str) -> None:
    table: dict[str, str] = {}
    pairs = _table([[(cell, _translate(cell.lower(), table))] * 2 for cell in cells])
    assert _page("table-collision", pairs, locale) == []


# The pieces a repetition is made of, and what can spoil one: case, a comma, runs of white
# space of several kinds, digits, hyphens and underscores glued to a word, punctuation.
_REPETITION_PIECES = st.sampled_from(
    [
        *("mensuel", "Mensuel", "MENSUEL", "annuel", "ab", "et", "ET", "ou", "und", "oder"),
        *("y", "o", " ", "  ", "\n", "\u00a0", "\t", ",", ", ", ".", "!", ")", "-", "\u2010"),
        *("_", "1", "é"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_REPETITION_PIECES, max_size=30).map("".join),
    st.sampled_from([frozenset({"et", "ou"}), frozenset({"und", "oder"}), frozenset({"y", "o"})]),
)
@example("mensuel et mensuel.", frozenset({"et", "ou"}))
@example("x_mensuel, \n ET  mensuel", frozenset({"et", "ou"}))
def test_repeated_item_tried_at_each_joiner_finds_what_the_whole_search_finds(
    text: str, joiners: frozenset[str]
) -> None:
    """The repeated-item check tries its pattern only before each joiner, for speed: it
    must find the first match that the pattern's search over the whole text finds."""
    whole = _repetition(joiners).search(text)
    found = _repeated(text, joiners)
    assert (found and (found.span(), found.groups())) == (whole and (whole.span(), whole.groups()))
