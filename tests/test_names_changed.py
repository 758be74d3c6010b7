"""`name-changed` (#16): a product, offer or plan name changed outside the glossary.

Every fixture is an invented sentence with an invented product ("Lantern") behind a brand
word of locale_data/en.yaml; the properties say that a name kept as it is, whatever the
words around it, is never reported, and that a brand put in lower case or a plan code
swapped always is."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions, locale_data
from sunsetkit.checks.glossary import GlossaryTerms, check_names, locale_glossary
from sunsetkit.checks.names import check_names_changed, name_runs
from sunsetkit.checks.page_names import check_names_on_page

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
BRANDS = sorted(conventions("en").brands)
#: Brands that are no English word: alone, in another case, they are a name changed.
COINED = sorted(conventions("en").brands - conventions("en").brand_words)


def _found(
    source: str,
    text: str,
    locale: str = "de-DE",
    names: tuple[str, ...] = (),
    glossary: GlossaryTerms | None = None,
) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(glossary, locale, names), MD)
    return list(check_names_changed(Entry(Message(source, text)), ctx))


def test_registered_documented_and_with_brands() -> None:
    check = next(check for check in CHECKS if check.id == "name-changed")
    assert check.description and check.func is check_names_changed
    assert "`name-changed`" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"microsoft", "azure", "dynamics"} <= set(BRANDS)
    assert conventions("en").brand_words <= conventions("en").brands


@pytest.mark.parametrize(
    ("source", "text", "how"),
    [
        # another plan code in the place of the source's
        ("Order Azure Lantern P2 today.", "Bestellen Sie heute Azure Lantern P4.", "another name"),
        # another brand in the place of the source's
        ("Microsoft Lantern 7 is retired.", "Office Lantern 7 wird eingestellt.", "another name"),
        # the plan code dropped
        ("Buy Microsoft Lantern K3 now.", "Kaufen Sie jetzt Microsoft Lantern.", "version mark"),
        # the version after the brand dropped
        ("Windows 14 Lantern ends.", "Windows Lantern endet.", "version mark"),
        # the brand in lower case
        ("Open Azure Lantern first.", "Öffnen Sie zuerst azure Lantern.", "another case"),
        ("Open Azure Lantern first.", "Öffnen Sie zuerst AZURE LANTERN.", "another case"),
        # a coined name and an identifier in another case
        ("Open the LanternHub portal.", "Öffnen Sie das lanternhub-Portal.", "another case"),
        ("Set the ReportName field.", "Legen Sie das Feld Reportname fest.", "another case"),
        # written as it is once, in another case the second time
        (
            "Open AppSource, then **AppSource** Home.",
            "Öffnen Sie AppSource, dann **appsource** Home.",
            "another case",
        ),
        # a brand or coined word split in two
        ("Ask Microsoft first.", "Vraag het eerst aan micro soft.", "split"),
        ("Open LanternHub.", "Open Lantern hub.", "split"),
        # both halves capitalised: no name Microsoft spells with a space
        ("Open LanternHub.", "Open Lantern Hub.", "split"),
        # one use kept whole does not excuse another split
        ("Ask Microsoft and Microsoft Lantern.", "Vraag Microsoft en micro soft Lantern.", "split"),
        # a coined name that opens with digits, split and recased
        ("Ask 21Lanternet first.", "Fragen Sie zuerst 21 lanternet.", "split"),
        # a word of the name replaced by a word of the locale, inside the name
        ("Teams Lantern Premium ships.", "Teams lantaarn Premium wordt geleverd.", "translated"),
    ],
)
def test_a_changed_name_is_reported(source: str, text: str, how: str) -> None:
    found = _found(source, text)
    assert len(found) == 1 and how in found[0], found


def test_a_word_dropped_from_a_known_name_is_reported() -> None:
    name = "Microsoft Lantern Business Deluxe"
    source, text = f"Assign {name} to users.", "Weisen Sie Microsoft Lantern Deluxe zu."
    found = _found(source, text, names=(name,))
    assert len(found) == 1 and "a word dropped" in found[0] and repr(name) in found[0]
    # or any word of it in another case
    cased = _found(source, "Weisen Sie Microsoft Lantern Business deluxe zu.", names=(name,))
    assert len(cased) == 1 and "another case" in cased[0]
    # beside another name that shares its first words
    listed = "Microsoft Lantern Business Basic, Microsoft Lantern Business Deluxe"
    both = "Microsoft Lantern Business de base, Microsoft Lantern Business deluxe"
    cased = _found(listed, both, names=(name,))
    assert len(cased) == 1 and "another case" in cased[0]
    # its last words translated, as Microsoft localizes many plan names, are left alone
    assert _found(source, "Weisen Sie Microsoft Lantern Negocios Deluxe zu.", names=(name,)) == []
    # the same words, in a name nobody listed: they may be a word translated and moved
    assert _found(source, text) == []
    # a known name with a part the locale gives its own form (locale_data names)
    known = ("Skype for Business Lantern",)
    assert (
        _found(
            "Use Skype for Business Lantern.", "Använd Skype för företag - Lantern.", "sv-SE", known
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "text", "locale"),
    [
        # kept, in a compound and with a no-break space
        ("Renew Azure Lantern P2.", "Verlängern Sie Azure\u00a0Lantern P2-Abonnements.", "de-DE"),
        # a Title Case heading whose ordinary words are translated
        ("Manage Azure Lantern Subscriptions", "Azure Lantern-Abonnements verwalten", "de-DE"),
        # words after a brand translated and put before it
        ("Find your Microsoft Lantern ID.", "Trouvez votre ID Microsoft Lantern.", "fr-FR"),
        ("Teams Lantern Premium for schools", "Salles Teams Premium pour les écoles", "fr-FR"),
        # the name the locale gives a product (locale_data names)
        ("Skype for Business Lantern is new.", "Skype Entreprise Lantern est nouveau.", "fr-FR"),
        # another brand added before the name
        ("Dynamics 365 Lantern ships.", "Microsoft Dynamics 365 Lantern wird geliefert.", "de-DE"),
        # a name left out or translated whole is no change of its words
        ("Azure Lantern P2 is new.", "Das Produkt ist neu.", "de-DE"),
        # code, hosts and link targets are no names
        ("Run `LanternHub`.", "Führen Sie `lanternhub` aus.", "de-DE"),
        ("Go to lanternhub.microsoft.com.", "Gehen Sie zu lanternhub.microsoft.com.", "de-DE"),
        ("[Azure Lantern](lantern.md)", "[Azure Lantern](lantern.md)", "de-DE"),
        # `for` translated inside a name, as Microsoft writes Skype voor Bedrijven
        ("Buy Office 365 Lantern for CSP.", "Koop Office 365 Lantern voor CSP.", "nl-NL"),
        # a date after `for` is no part of the name
        (
            "News of Azure Lantern for April 2031.",
            "Nieuws van Azure Lantern voor april 2031.",
            "nl-NL",
        ),
        # a word of a plan name before its number, as Microsoft localizes it
        ("Try Visio Lantern 1 now.", "Probeer nu Visio lantaarn 1.", "nl-NL"),
        # a word after an English function word: a phrase Microsoft localizes
        ("Get Azure Lantern Per User Pro.", "Ottieni Azure Lantern Per utente Pro.", "it-IT"),
        # both halves capitalised as Microsoft spells the name today (en.yaml spaced_names)
        ("Open PowerApps now.", "Öffnen Sie Power Apps jetzt.", "de-DE"),
        # the brand whole as often as the source has it, a split elsewhere aside
        ("Ask Microsoft first.", "Vraag het Microsoft, micro soft.", "nl-NL"),
        # a coined name that opens with digits, kept; a number before a word is no name
        ("Ask 21Lanternet first.", "21Lanternet に問い合わせます。", "ja-JP"),
        ("Within 30 Days, pay.", "Binnen 30 dagen betalen.", "nl-NL"),
        # an ordinary English word that is a brand too, alone
        ("Teams can share it.", "Die teams können es teilen.", "nl-NL"),
        # a plan code the sentence moves next to another word (ja: の)
        ("Move to Azure Lantern P3 plans.", "Azure Lantern の P3 プランに移行します。", "ja-JP"),
    ],
)
def test_a_kept_or_translated_name_is_not_reported(source: str, text: str, locale: str) -> None:
    assert _found(source, text, locale) == []


def test_a_glossary_name_the_name_check_reports_gets_no_second_finding() -> None:
    glossary = GlossaryTerms(terms=(("Office 365", "name", {}),), label_format={})
    source, text = "Buy Office 365 E3 now.", "Kaufen Sie jetzt Microsoft 365 E3."
    ctx = MessageContext("de-DE", locale_glossary(glossary, "de-DE"), MD)
    assert list(check_names(Entry(Message(source, text)), ctx))
    assert _found(source, text, glossary=glossary) == []


def test_english_is_not_checked() -> None:
    assert _found("Open Azure Lantern.", "Open azure Lantern.", "en-US") == []


def test_a_name_ends_where_punctuation_or_a_spaced_dash_stands() -> None:
    brands = conventions("en").brands
    runs = [n.shown for n in name_runs("Azure Lantern - FAQ, Microsoft Lantern (X)", brands)]
    assert runs == ["Azure Lantern", "Microsoft Lantern"]
    # a brand met again starts another name
    twice = name_runs("Azure Lantern Azure Beacon", brands)
    assert [n.shown for n in twice] == ["Azure Lantern", "Azure Beacon"]


_WORDS = st.sampled_from(["wird", "nun", "sehr", "oft", "gekauft", "und", "heute", "alle"])
_CAPS = st.sampled_from(["Lantern", "Beacon", "Harbor", "Quill", "Meadow"])
_CODES = st.sampled_from(["E3", "P2", "K7", "365", "2031"])


@st.composite
def _names(draw: st.DrawFn) -> tuple[str, list[str]]:
    brand = draw(st.sampled_from(BRANDS)).capitalize()
    words = [brand, *draw(st.lists(_CAPS, min_size=1, max_size=3, unique=True))]
    if draw(st.booleans()):
        words.append(draw(_CODES))
    return " ".join(words), words


@given(
    _names(), st.lists(_WORDS, max_size=5), st.lists(_WORDS, max_size=5), st.sampled_from(LOCALES)
)
def test_a_name_kept_as_it_is_is_never_reported(
    name: tuple[str, list[str]], before: list[str], after: list[str], locale: str
) -> None:
    written, _ = name
    source = f"Customers buy {written} now."
    text = " ".join([*before, written, *after]) + "."
    assert _found(source, text, locale) == []


@given(_names(), st.lists(_WORDS, max_size=4), st.sampled_from(LOCALES))
def test_a_brand_in_lower_case_is_always_reported(
    name: tuple[str, list[str]], before: list[str], locale: str
) -> None:
    written, words = name
    if locale.startswith("en"):
        return
    lowered = " ".join([words[0].lower(), *words[1:]])
    text = " ".join([*before, lowered]) + "."
    found = _found(f"Customers buy {written} now.", text, locale)
    assert len(found) == 1 and "another case" in found[0]


@given(_names(), st.sampled_from(["F9", "Q8", "X4"]), st.sampled_from(LOCALES))
def test_a_plan_code_swapped_is_always_reported(
    name: tuple[str, list[str]], other: str, locale: str
) -> None:
    written, words = name
    if locale.startswith("en"):
        return
    source = f"Customers buy {written} E5 now."
    text = f"Kunden kaufen {written} {other} jetzt."
    found = _found(source, text, locale)
    assert len(found) == 1 and "another name" in found[0], found
    del words


_PIECES = st.sampled_from(
    [
        *sorted(conventions("en").brands),
        "Win",
        "dows",
        "*",
        "[",
        "]",
        "\\",
        "&",
        "&amp;",
        "&#77;",
        "ﬃ",
        "é",
        " ",
        "-",
        "`",
        "x",
        "ce",
        "Of",
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_brand_precondition_never_misses_a_name(text: str) -> None:
    """The one-search precondition of name-changed is false only where no brand is a word
    of the text, raw or as `name_runs` cleans it: it skips work, never a name."""
    from sunsetkit.checks.names import _TOKEN, _clean, _may_hold_brand, brands

    words = {w.casefold() for w in _TOKEN.findall(text) + _TOKEN.findall(_clean(text))}
    if words & brands():
        assert _may_hold_brand(text)


def _page(pairs: list[tuple[str, str]], locale: str = "pl-PL") -> list[str]:
    """The page-level findings of name-changed over one page's (source, translation)."""
    check = next(check for check in CHECKS if check.id == "name-changed")
    assert check.entries is check_names_on_page
    ctx = MessageContext(locale, locale_glossary(None, locale, ()), MD)
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    return [f"{entry.line}: {message}" for entry, message in check.entries(entries, ctx)]


def test_a_name_reordered_where_the_page_keeps_it_is_reported() -> None:
    found = _page(
        [
            ("Order Microsoft Lantern Kit today.", "Zamów Microsoft Lantern Kit już dziś."),
            ("Renew Microsoft Lantern Kit.", "Odnów subskrypcję Lantern Kit Microsoft."),
        ]
    )
    assert len(found) == 1 and found[0].startswith("2: ")
    assert "'Microsoft Lantern Kit' is written 'Lantern Kit Microsoft'" in found[0]
    assert "1 other message(s)" in found[0]


@pytest.mark.parametrize(
    "pairs",
    [
        # the brand put last in every message: the locale's word order, no evidence
        [
            ("Your Microsoft ID.", "Twój identyfikator ID Microsoft."),
            ("A Microsoft ID.", "ID Microsoft."),
        ],
        # alone on its page
        [("Renew Microsoft Lantern Kit.", "Odnów Lantern Kit Microsoft.")],
        # the other message keeps another name, not this one
        [
            ("Order Microsoft Beacon today.", "Zamów Microsoft Beacon już dziś."),
            ("Renew Microsoft Lantern Kit.", "Odnów Lantern Kit Microsoft."),
        ],
        # the name kept as written in the same message too
        [
            ("Order Microsoft Lantern Kit today.", "Zamów Microsoft Lantern Kit już dziś."),
            ("Microsoft Lantern Kit.", "Microsoft Lantern Kit (Lantern Kit Microsoft)."),
        ],
    ],
)
def test_a_brand_put_last_without_the_pages_evidence_is_not_reported(
    pairs: list[tuple[str, str]],
) -> None:
    assert _page(pairs) == []


def test_english_pages_are_not_checked_for_reordered_names() -> None:
    pairs = [("Microsoft Lantern Kit.", "Microsoft Lantern Kit."), ("A.", "Lantern Kit Microsoft.")]
    assert _page(pairs, "en-GB") == []


@given(_names(), st.integers(min_value=1, max_value=4), st.sampled_from(LOCALES))
def test_a_reordered_name_is_reported_once_per_message_that_reorders_it(
    name: tuple[str, list[str]], kept: int, locale: str
) -> None:
    written, words = name
    moved = " ".join([*words[1:], words[0]])
    pairs = [(f"Buy {written} now.", f"{written} jetzt.") for _ in range(kept)]
    pairs += [(f"Renew {written}.", f"Neu {moved}."), (f"Use {written}.", f"Mit {written}.")]
    found = _page(pairs, locale)
    assert [f.split(":")[0] for f in found] == [str(kept + 1)]
    assert f"{kept + 1} other message(s)" in found[0]
    assert _page([(s, t.replace(moved, written)) for s, t in pairs], locale) == []


def _renamed() -> list[tuple[str, str]]:
    from sunsetkit.checks.conventions import locale_data

    renamed = locale_data("en").get("renamed") or {}
    return sorted((str(old), str(new)) for old, news in renamed.items() for new in news)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("old", "new"), _renamed())
def test_a_renamed_product_written_with_its_current_name_is_no_name_changed(
    locale: str, old: str, new: str
) -> None:
    """Windows Azure as Microsoft Azure: the translation brought the name up to date."""
    assert _found(f"Sign in to {old} Lantern now.", f"Xx {new} Lantern yy.", locale) == []
    other = next(b for b in BRANDS if b.casefold() not in new.casefold() + old.casefold())
    changed = new.replace(new.split()[0], other.capitalize())
    assert _found(f"Sign in to {old} Lantern now.", f"Xx {changed} Lantern yy.", locale)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "identifier", ["LanternCount", "lanternCount", "LanternSKU", "LanternVsHubID"]
)
@pytest.mark.parametrize("marks", ["{}", "**{}**", "*{}*"])
def test_an_identifier_alone_translated_or_recased_is_reported(
    locale: str, identifier: str, marks: str
) -> None:
    """A field name alone in a cell ("PartnerLocation" as "Lokalizacja partnera"):
    translated, half translated, recased or glued otherwise."""
    source = marks.format(identifier)
    for written in ("Qqq zzz", "Qqq" + identifier[7:], identifier.lower(), "雪雪"):
        found = _found(source, marks.format(written), locale)
        assert len(found) == 1 and f"{identifier!r} is written" in found[0], (written, found)
        assert "identifier" in found[0] or "another case" in found[0]


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("LanternCount", "LanternCount"),  # kept
        ("**LanternCount**", "**LanternCount**"),  # kept, emphasis aside
        ("LanternCount", "LanternCount (Qqq zzz)"),  # kept with the locale's gloss
        ("LanternCount", "Zz LanternCount-qqq"),  # kept in a compound
        ("`LanternCount`", "`qqq`"),  # code is the code check's
        ("The LanternCount column", "La colonne Qqq"),  # not alone: a sentence
        ("PoE", "Qqq"),  # an acronym with one small letter, no identifier
        ("eLantern", "E-Lantern"),  # a word with a one-letter first part
    ],
)
def test_an_identifier_kept_or_no_identifier_alone_is_not_reported(source: str, text: str) -> None:
    assert _found(source, text, "fr-FR") == []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("marks", ["*{}*", "**{}**"])
def test_an_identifier_in_emphasis_translated_or_recased_is_reported(
    locale: str, marks: str
) -> None:
    """In "Sum the **LanternCount** column" the field's name, whatever the sentence does."""
    source = f"Sum the {marks.format('LanternCount')} column of the file."
    for written in ("Qqq zzz", "QqqCount", "Lanterncount", "雪雪"):
        found = _found(source, f"Xx {marks.format(written)} yy.", locale)
        assert len(found) == 1 and found[0].startswith("'LanternCount' is "), found
        assert "identifier" in found[0] or "another case" in found[0]
    # kept, a particle of the locale touching it or not
    for kept in ("LanternCount", "LanternCount의", "LanternCountを"):
        assert _found(source, f"Xx {marks.format(kept)} yy.", locale) == []
    # not in emphasis: a word of the sentence may be translated
    assert _found("Sum the LanternCount column.", "Xx yy.", locale) == []


def test_an_identifiers_plural_written_as_the_identifier_is_kept() -> None:
    """The English plural "LanternErrors" as ``LanternError``: the identifier itself."""
    assert _found("LanternErrors", "Les ``LanternError``", "fr-FR") == []
    assert _found("LanternErrors", "Les erreurs de lanterne", "fr-FR")


def _brand_word_names() -> list[str]:
    from sunsetkit.checks.conventions import locale_data

    return sorted(str(n) for n in locale_data("en")["brand_word_names"])


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("product", _brand_word_names())
def test_a_product_translated_with_its_ordinary_word_brand_is_reported(
    locale: str, product: str
) -> None:
    """Power Automate as "energia automatizada": no locale translates these brands."""
    ordinary = conventions("en").brand_words
    brand = next(w for w in product.split() if w.casefold() in ordinary)
    source = f"Open {product} Lantern today."
    written = product.replace(brand, "qqqo").lower()
    found = _found(source, f"Xx {written} lantern yy.", locale)
    assert len(found) == 1 and f"without {brand!r}" in found[0], found
    # the brand kept, the rest translated or lower-cased: no word-by-word translation
    assert not any("without" in f for f in _found(source, f"Xx {brand} qqq yy.", locale))


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # a Title-Case phrase that starts with such a word is no product
        ("See the Exchange Rate Date.", "Voir la date du taux de change."),
        ("Audio/Visual Talks", "Documents multimédia"),
        ("Read the Power Lantern Guide.", "Lisez le guide de la lanterne."),
    ],
)
def test_an_ordinary_word_brand_outside_a_product_translated_is_not_reported(
    source: str, text: str
) -> None:
    assert _found(source, text, "fr-FR") == []


ORDINARY = sorted(str(w) for w in locale_data("en")["brand_words"])


@pytest.mark.parametrize("locale", ["nl-NL", "fr-FR", "ja-JP"])
def test_an_ordinary_word_brand_amid_lower_case_words_put_in_lower_case_is_reported(
    locale: str,
) -> None:
    """`interactive Teams meeting` as `interactieve teams vergadering`: capitalised beside
    lower-case words, the source's brand is the product, and its lower case a name recased;
    a title's capitals, a sentence's first word or the source's own lower case are not."""
    for brand in ORDINARY:
        low = brand.lower()
        found = _found(f"Hold a quick {brand} call.", f"Xx een snelle {low} yy.", locale)
        assert len(found) == 1 and "another case" in found[0], (brand, found)
        # after a comma, before "and": a list of products ("Dynamics 365, Teams, and more")
        found = _found(f"Use Lantern 365, {brand}, and more.", f"Xx Lantern 365, {low} yy.", locale)
        assert len(found) == 1 and "another case" in found[0], (brand, found)
        for source in (
            f"Plan Your {brand} Rollout",  # a title's capitals
            f"{brand} are set up first.",  # the sentence's first word
            f"Hold a quick {brand} call with {low} of yours.",  # the word in lower case too
        ):
            assert _found(source, f"Xx {low} yy.", locale) == [], (brand, source)
