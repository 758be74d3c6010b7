"""`compound`: a compound noun machine translation split in two words (de, nl, sv), found
only with the page's own evidence: the one-word form elsewhere on the page, or a name and a
noun the page joins with a hyphen elsewhere.

Every fixture is invented: made-up words and sentences of the pattern, no corpus segment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS_BY_ID
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.compounds import check_compounds
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.cli import main

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)
JOINING = [locale for locale in LOCALES if conventions(locale).compounds]
#: Invented parts of a compound: consonant clusters no language's function word is.
PARTS = st.text("bdfgklmnprtvz", min_size=3, max_size=7).map(lambda s: "q" + s + "o")


def _found(pairs: list[tuple[str, str]], locale: str) -> list[tuple[int, str]]:
    """(line, message) of every finding over one page of (source, translation) segments."""
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    entries = [
        Entry(Message(source, text, lineno=line, context=f"s{line}"))
        for line, (source, text) in enumerate(pairs, 1)
    ]
    return [(entry.line or 0, message) for entry, message in check_compounds(entries, ctx)]


def test_the_locales_that_join_nouns_are_checked() -> None:
    assert {"de-DE", "nl-NL", "sv-SE"} <= set(JOINING)
    assert CHECKS_BY_ID["compound"].scope == "catalog"


@pytest.mark.parametrize(
    ("locale", "joined", "split"),
    [
        ("nl-NL", "Open de vrachtbrieflijst.", "Bekijk de vrachtbrief lijst van vandaag."),
        ("nl-NL", "De verzendingsdatum staat vast.", "Kies een nieuwe verzending datum."),
        ("sv-SE", "Skriv ut fraktsedeln.", "Spara frakt sedeln som en fil."),
        ("de-DE", "Die Frachtrechnung ist fertig.", "Prüfen Sie jede Fracht Rechnung sofort."),
        ("de-DE", "Die Frachtrechnung ist fertig.", "Prüfen Sie die Fracht rechnung sofort."),
        ("de-DE", "Die Lagerkosten steigen.", "Wir senken die Lager kosten bald."),
    ],
)
def test_two_words_the_page_writes_as_one_are_reported(
    locale: str, joined: str, split: str
) -> None:
    found = _found([("One.", joined), ("Two.", split)], locale)
    assert [line for line, _ in found] == [2]
    assert "line 1" in found[0][1]


@given(first=PARTS, second=PARTS)
@settings(max_examples=40, deadline=None)
def test_any_split_with_the_joined_form_on_the_page_is_reported(first: str, second: str) -> None:
    page = [
        ("A.", f"Dit is het {first}{second} van de dag."),
        ("B.", f"Open het {first} {second} nu."),
    ]
    assert [line for line, _ in _found(page, "nl-NL")] == [2]
    # without the evidence, two words are two words
    assert _found(page[1:], "nl-NL") == []


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_is_reported_without_evidence_on_the_page(locale: str) -> None:
    page = [("Print the waybill list.", "Druk de vrachtbrief lijst af.")]
    assert _found(page, locale) == []


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc not in JOINING])
def test_locales_that_write_compounds_apart_are_left_alone(locale: str) -> None:
    page = [("One.", "vrachtbrieflijst"), ("Two.", "vrachtbrief lijst")]
    assert _found(page, locale) == []


def test_a_name_and_a_noun_the_page_hyphenates_elsewhere_are_reported() -> None:
    page = [
        ("Open the Fabrikam reports.", "Öppna Fabrikam-rapporterna."),
        ("Open the Contoso Ledger reports.", "Öppna Contoso Ledger rapporterna i dag."),
    ]
    found = _found(page, "sv-SE")
    assert [line for line, _ in found] == [2]
    assert "'Ledger-rapporterna'" in found[0][1]


def test_a_name_kept_whole_in_english_is_no_split() -> None:
    """Both words in the source: the name, kept as the locale keeps names."""
    page = [
        ("The Contoso-Ledger tool.", "Verktyget Contoso-Ledger."),
        ("Use Contoso Ledger today.", "Använd Contoso Ledger i dag."),
    ]
    assert _found(page, "sv-SE") == []


def test_a_single_capitalised_word_before_a_verb_is_no_name_compound() -> None:
    """'Fabrikam rapporterar': the subject and its verb, not a name of two words."""
    page = [
        ("The Contoso reports.", "Contoso-rapporterar."),
        ("Fabrikam reports daily.", "Fabrikam rapporterar dagligen."),
    ]
    assert _found(page, "sv-SE") == []


@pytest.mark.parametrize(
    ("locale", "joined", "split"),
    [
        # a genitive: "the store's balance" beside the compound "store balance"
        ("sv-SE", "Butikssaldo visas.", "Visa en butiks saldo."),
        ("de-DE", "Die Kundengeräte sind neu.", "Wählen Sie die Seite des Kunden Geräte aus."),
        # an adjective of the locale, and the cognate of an English adjective
        ("nl-NL", "Het snellepakket is er.", "Kies het snelle pakket."),
        ("sv-SE", "Digitalkvitto finns.", "Ett digital kvitto skickas."),
        # German writes a verb or an adjective in lower case: no noun
        ("de-DE", "Sie müssen das festlegen.", "Sie müssen das fest legen."),
    ],
)
def test_genitives_adjectives_and_verbs_are_no_split_compound(
    locale: str, joined: str, split: str
) -> None:
    sources = ("One.", "A digital receipt is sent." if "Digital" in joined else "Two.")
    assert _found([(sources[0], joined), (sources[1], split)], locale) == []


@pytest.mark.parametrize("locale", JOINING)
def test_code_and_link_targets_are_not_words(locale: str) -> None:
    page = [
        ("One.", "`vracht brief` and [x](vrachtbrief.md)"),
        ("Two.", "Zie `vrachtbrief` en [vracht](x.md) brief."),
    ]
    assert _found(page, locale) == []


def test_each_split_is_reported_once_per_message() -> None:
    page = [
        ("One.", "De vrachtbrieflijst."),
        ("Two.", "De vrachtbrief lijst en weer de vrachtbrief lijst."),
    ]
    assert [line for line, _ in _found(page, "nl-NL")] == [2]


def test_the_check_runs_over_a_catalog(tmp_path: Path) -> None:
    catalog = tmp_path / "nl_NL" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: nl_NL\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Open the waybill list."\nmsgstr "Open de vrachtbrieflijst."\n\n'
        'msgid "Print the waybill list."\nmsgstr "Druk de vrachtbrief lijst af."\n',
        encoding="utf-8",
    )
    glossary = str(ROOT / "content" / "glossary.yaml")
    result = CliRunner().invoke(
        main, ["check", "--glossary", glossary, "--format", "json", str(catalog)]
    )
    found = [f for f in json.loads(result.output)["findings"] if f["check"] == "compound"]
    assert [f["line"] for f in found] == [9], result.output


@pytest.mark.parametrize(
    ("locale", "pages"),
    [
        # the source's name goes on: the capitalised word translates a part of it
        (
            "de-DE",
            [
                ("Fabrikam Cloud Norway", "Fabrikam-Cloud-Norwegen"),
                ("Use Fabrikam Cloud Norway.", "Nutzen Sie Fabrikam Cloud Norwegen."),
            ],
        ),
        # an acronym after a name is kept as the source has it
        (
            "nl-NL",
            [
                ("Contoso Ledger APIs", "Contoso Ledger-API's"),
                ("Call the Contoso Ledger APIs.", "Roep de Contoso Ledger API's aan."),
            ],
        ),
        # coordinated by a slash: subject and object, no compound
        (
            "de-DE",
            [
                ("Seller products", "Händlerprodukte"),
                ("Buyers/sellers sell items.", "Käufer/Händler Produkte verkaufen."),
            ],
        ),
        # a linking letter missing after an article: two noun phrases
        (
            "nl-NL",
            [
                ("Driver skills", "Chauffeursvaardigheden"),
                ("When a driver skills has.", "Als een chauffeur vaardigheden heeft."),
            ],
        ),
        # German: a noun after an article, before another noun: two noun phrases
        (
            "de-DE",
            [
                ("Driver skills", "Fahrerkenntnisse"),
                ("When a driver has skills.", "Wenn ein Fahrer Kenntnisse hat."),
            ],
        ),
    ],
)
def test_two_noun_phrases_and_names_going_on_are_no_split(
    locale: str, pages: list[tuple[str, str]]
) -> None:
    assert _found(pages, locale) == []


def test_a_lower_case_noun_after_a_name_going_on_is_reported_all_the_same() -> None:
    """ "Contoso Ledger Reports" in title case: the lower-case Swedish noun is no part of it."""
    page = [
        ("Fabrikam reports", "Fabrikam-rapporter"),
        ("Open Contoso Ledger Reports", "Öppna Contoso Ledger rapporter"),
    ]
    assert [line for line, _ in _found(page, "sv-SE")] == [2]


def test_a_hyphen_joins_a_lower_case_word_to_others_than_nouns() -> None:
    """'privat eller inkognito-fönster': only the closed form is evidence for a lower-case
    first word."""
    page = [("One.", "ett zebra-fönster"), ("Two.", "ett randigt eller zebra fönster")]
    assert _found(page, "sv-SE") == []
    page = [("One.", "ett zebrafönster"), ("Two.", "ett randigt eller zebra fönster")]
    assert [line for line, _ in _found(page, "sv-SE")] == [2]


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a Swedish title: a lower-case noun after a name of two words
        ("sv-SE", "Contoso Ledger invoices", "Contoso Ledger fakturor"),
        # German capitalises nouns, not verbs: any sentence
        ("de-DE", "Open the Contoso Ledger invoices.", "Öffnen Sie die Contoso Ledger Rechnungen."),
    ],
)
def test_a_noun_after_a_name_of_two_words_wants_a_hyphen(
    locale: str, source: str, text: str
) -> None:
    found = _found([(source, text)], locale)
    assert [line for line, _ in found] == [1]
    assert "'Ledger-" in found[0][1]


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a sentence: the word after the name may be its verb
        ("sv-SE", "Contoso Ledger sends invoices.", "Contoso Ledger skickar fakturor."),
        # Dutch titles end in their verb
        ("nl-NL", "Renew your Contoso Ledger plan", "Uw Contoso Ledger verlengen"),
        # an adjective after the name, in the locale and in the source
        ("sv-SE", "Contoso Ledger available now", "Contoso Ledger tillgänglig nu"),
        ("de-DE", "Contoso Ledger technical notes", "Contoso Ledger Technische Hinweise"),
        # a German verb is written in lower case
        ("de-DE", "Contoso Ledger sends invoices.", "Contoso Ledger sendet Rechnungen."),
    ],
)
def test_verbs_and_adjectives_after_a_name_are_no_compound(
    locale: str, source: str, text: str
) -> None:
    assert _found([(source, text)], locale) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a noun's ending: reported in a title and in a sentence
        ("Lees de Contoso 365 ondersteuning voor klanten.", True),
        ("Contoso Ledger beschikbaarheid", True),
        # a verb ending a Dutch title is no noun
        ("Uw Contoso Ledger verlengen", False),
    ],
)
def test_dutch_takes_a_word_after_a_name_for_a_noun_by_its_ending(text: str, found: bool) -> None:
    source = "Read the Contoso 365 support for customers." if "365" in text else "Contoso Ledger x"
    source = source.replace(" x", " availability" if "beschik" in text else " renewal")
    assert bool(_found([(source, text)], "nl-NL")) == found


@pytest.mark.parametrize("locale", JOINING)
def test_an_ending_written_as_a_word_is_reported_without_other_evidence(locale: str) -> None:
    """Each locale's endings that never stand alone: one as a word after an invented stem
    is a split word, with no joined form on the page; the same ending inside a word, or a
    word of the source, is none."""
    endings = sorted(conventions(locale).bound_endings)
    assert endings
    for ending in endings:
        found = _found([("It is the qorbo level.", f"Zie de qorbo {ending} hier.")], locale)
        assert [message for _, message in found if f"'qorbo {ending}'" in message], ending
        assert not _found([("It is the qorbo level.", f"Zie de qorbo{ending} hier.")], locale)
        assert not _found([(f"Set {ending} now.", f"Zie {ending} hier.")], locale)


def test_an_ending_alone_after_no_word_is_reported_as_cut() -> None:
    found = _found([("A quick test.", "Hoge ighet: klaar.")], "sv-SE")
    assert found == [
        (
            1,
            "'Hoge ighet': 'ighet' is an ending, never a word of its own: one word split in "
            "two, or cut",
        )
    ]
    assert _found([("A quick test.", "**ighet** klaar.")], "sv-SE")


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("sv-SE", "Välj qorbnings metod nu.", True),
        ("sv-SE", "Ändra qorbhets villkor i listan.", True),
        ("nl-NL", "Qorbings plan kiezen.", True),
        ("nl-NL", "Lees nu qorbheids beleid.", True),
        # a genitive after an article or a number, an adjective, a capitalised name
        ("sv-SE", "Det gäller en qorbnings behov.", False),
        ("sv-SE", "Det är 3 qorbnings behov.", False),
        ("sv-SE", "Välj qorbnings tekniska data.", False),
        ("sv-SE", "I Reno, Qorbnings håller de på.", False),
        # one word, or a verb's passive s ("betalas") that is no first part
        ("sv-SE", "Välj en qorbningsmetod nu.", False),
        ("sv-SE", "Det qorbas snart.", False),
        # the noun a word of the English the locale shares; Dutch has no genitive so
        ("sv-SE", "Välj qorbnings method nu.", True),
        ("sv-SE", "Det gäller på qorbnings marknader.", True),  # a preposition, no genitive
        ("nl-NL", "Kies de qorbings method nu.", True),
        # German: a capitalised noun after it, or an English one of the source kept
        ("de-DE", "Wählen Sie die Qorbungs Zelmo aus.", True),
        ("de-DE", "Im Qorbheits method wählen.", True),
        ("de-DE", "Das Zelmo des Qorbungs ist neu.", False),  # no noun after it
        ("de-DE", "Wählen Sie die Qorbungs Method aus.", False),  # a name's word of the English
    ],
)
def test_a_first_part_with_its_linking_letter_before_a_noun_is_a_split(
    locale: str, text: str, found: bool
) -> None:
    """No joined form on the page needed: no word of the locale ends in `linked_form` but a
    compound's first part."""
    messages = [m for _, m in _found([("Pick a method now.", text)], locale)]
    assert bool([m for m in messages if "first part of a compound" in m]) is found, messages


@pytest.mark.parametrize(
    ("locale", "source", "text", "joined"),
    [
        # the English noun kept after the name, in lower case
        (
            "nl-NL",
            "Open the Contoso Hub panel.",
            "Open het Contoso Hub panel.",
            "Contoso Hub-panel",
        ),
        (
            "sv-SE",
            "Sign in to your Fabrikam 365 dashboard.",
            "Logga in på Fabrikam 365 dashboard.",
            "Fabrikam 365-dashboard",
        ),
        # a noun of the locale by its ending (Dutch "-ing")
        (
            "nl-NL",
            "Read the ContosoHub guide.",
            "Lees de ContosoHub handleiding.",
            "ContosoHub-handleiding",
        ),
        # a noun by the article the page writes before it elsewhere (Swedish "en")
        ("sv-SE", "Renew a ContosoHub plan.", "Förnya ContosoHub plan.", "ContosoHub-plan"),
        # a preposition a noun phrase follows opens it as a determiner does
        (
            "nl-NL",
            "Read the notes of Contoso Hub panels.",
            "Lees de notities van Contoso Hub panels.",
            "Contoso Hub-panels",
        ),
        (
            "sv-SE",
            "Read the data from Fabrikam 365 dashboards.",
            "Läs data från Fabrikam 365 dashboards.",
            "Fabrikam 365-dashboards",
        ),
        # German capitalises its nouns; a capital inside marks the one-word name
        (
            "de-DE",
            "Run the ContosoShell script.",
            "Führen Sie das ContosoShell Skript aus.",
            "ContosoShell-Skript",
        ),
    ],
)
def test_a_name_and_its_noun_after_a_determiner_want_a_hyphen(
    locale: str, source: str, text: str, joined: str
) -> None:
    page = [(source, text)]
    if locale == "sv-SE" and "plan" in text:
        page.append(("Buy one plan.", "Köp en plan."))
    found = _found(page, locale)
    assert [line for line, _ in found] == [1]
    assert f"'{joined}'" in found[0][1]


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # a verb after the name: no noun of the locale by ending, article or case
        ("nl-NL", "Renew the Contoso Hub plan.", "Contoso Hub verlengen."),
        ("sv-SE", "Renew a ContosoHub plan.", "Förnya ContosoHub snart."),
        ("de-DE", "Renew the ContosoShell plan.", "Die ContosoShell verlängern."),
        # no determiner: the word after the name may be its verb ("Contoso Hub sends")
        ("nl-NL", "Contoso Hub panel updates.", "Contoso Hub panel updates."),
        # an ordinary word capitalised is no name ("the Revenue report")
        ("nl-NL", "Open the Revenue panel.", "Open het Revenue panel."),
        # the name goes on in the translation ("Contoso Portal"): a part of a name
        ("sv-SE", "Open the Contoso Hub portal.", "Öppna Contoso Hub Portal."),
        (
            "de-DE",
            "Open the Contoso Hub portal in Contoso Hub Admin.",
            "Öffnen Sie Contoso Hub Admin.",
        ),
        # English left whole: the determiner, or the words after the noun, kept with it
        ("nl-NL", "Join the Contoso Hub panel.", "Deelnemen aan the Contoso Hub panel."),
        ("sv-SE", "See the Contoso Hub panel notes.", "Se Contoso Hub panel notes nu."),
        # German: the kept English noun only where the page joins it to a word elsewhere
        ("de-DE", "Open the Contoso Hub panel.", "Öffnen Sie das Contoso Hub Panel."),
    ],
)
def test_no_name_and_noun_without_a_determiner_noun_and_name(
    locale: str, source: str, text: str
) -> None:
    assert _found([(source, text)], locale) == []


def test_german_takes_the_kept_noun_the_page_joins_with_a_hyphen() -> None:
    page = [
        ("Open the Contoso Hub panel.", "Öffnen Sie das Contoso Hub Panel."),
        ("The Fabrikam panel.", "Das Fabrikam-Panel."),
    ]
    found = _found(page, "de-DE")
    assert [line for line, _ in found] == [1]
    assert "'Contoso Hub-Panel'" in found[0][1]


def test_a_hyphenated_noun_after_a_name_wants_a_hyphen_unless_it_joins_a_name_part() -> None:
    """'Contoso Hub Konten-ID' wants 'Contoso Hub-Konten-ID'; 'Contoso Hub Plus-Plan' joins
    a word of the source ("Plus") to its noun already."""
    found = _found(
        [("Find the Contoso Hub account ID.", "Suchen Sie die Contoso Hub Konten-ID.")], "de-DE"
    )
    assert len(found) == 1
    assert "'Contoso Hub-Konten-ID'" in found[0][1]
    page = [("Open the Contoso Hub plus plan.", "Öffnen Sie den Contoso Hub Plus-Plan.")]
    assert _found(page, "de-DE") == []


@pytest.mark.parametrize(
    ("locale", "joined", "split", "pair"),
    [
        # the page writes the compound in another form of its noun (plural, definite)
        ("sv-SE", "Skriv ut fraktlistan.", "Spara alla frakt listor nu.", "frakt listor"),
        ("sv-SE", "Öppna fraktlistan.", "Välj alla frakt listorna.", "frakt listorna"),
        ("nl-NL", "Open de vrachtlijsten.", "Print de vracht lijst nu.", "vracht lijst"),
        (
            "de-DE",
            "Die Frachtrechnungen sind da.",
            "Prüfen Sie jede Fracht Rechnung.",
            "Fracht Rechnung",
        ),
    ],
)
def test_a_compound_the_page_writes_in_another_form_is_a_split(
    locale: str, joined: str, split: str, pair: str
) -> None:
    found = _found([("The first.", joined), ("The second.", split)], locale)
    assert [line for line, _ in found] == [2]
    assert f"'{pair}'" in found[0][1]


def test_an_infinitive_beside_a_compound_of_its_stem_is_no_split() -> None:
    """'kan Contoso hjälpa' beside 'Contoso-hjälp': Swedish -a ends verbs too."""
    page = [("The first.", "Be om Contoso-hjälp."), ("Second.", "Hur kan Contoso hjälpa?")]
    assert _found(page, "sv-SE") == []


def test_a_german_verb_beside_a_compound_of_its_stem_is_no_split() -> None:
    """'das Lager übergangen' beside 'Lagerübergang': a participle, written in lower case."""
    page = [
        ("The first.", "Der Lagerübergang ist neu."),
        ("Second.", "Sie haben das Lager übergangen."),
    ]
    assert _found(page, "de-DE") == []


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        (
            "de-DE",
            "Open the Contoso Ledger (CL) portal.",
            "Öffnen Sie das Contoso Ledger -Portal (CL).",
        ),
        ("nl-NL", "Run the **ContosoShell** script.", "Voer het **ContosoShell** -script uit."),
        (
            "sv-SE",
            "A current Contoso or Fabrikam client.",
            "En aktuell Contoso eller Fabrikam -klient.",
        ),
        ("sv-SE", "Set the `qzorp` value.", "Ange `qz-orp` -värdet."),
    ],
)
def test_a_hyphen_cut_from_the_word_before_it_is_reported(
    locale: str, source: str, text: str
) -> None:
    found = _found([(source, text)], locale)
    assert [line for line, _ in found] == [1]
    assert "a hyphen after a space" in found[0][1]


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        # the first part left out after "and", "or", a comma or a slash
        ("de-DE", "Contoso products and services", "Contoso-Produkte und -Dienste"),
        ("nl-NL", "Contoso products or services", "Contoso-producten of -diensten"),
        (
            "sv-SE",
            "Contoso product, service, or feature",
            "Contoso-produkt, -tjänst eller -funktion",
        ),
        ("de-DE", "provision and/or support", "Bereitstellung und/oder -Unterstützung"),
        # a dash the English spaces, and a parameter the English has
        ("nl-NL", "Status - Active", "Status -actief"),
        ("de-DE", "Use the -Force switch", "Verwenden Sie den Schalter -Force"),
        # a hyphen inside code
        ("de-DE", "Run `Get-Item -Path x`.", "Führen Sie `Get-Item -Pfad x` aus."),
    ],
)
def test_a_hyphen_that_leaves_a_first_part_out_is_no_cut(
    locale: str, source: str, text: str
) -> None:
    assert _found([(source, text)], locale) == []


def test_a_korean_word_written_in_its_syllables_is_reported() -> None:
    page = [("Find your ledger ID", "쿼 즈 로 ID 찾기"), ("The ledger", "쿼즈로를 엽니다")]
    found = _found(page, "ko-KR")
    assert [line for line, _ in found] == [1]
    assert "'쿼즈로'" in found[0][1]


@pytest.mark.parametrize(
    "page",
    [
        # no joined form on the page
        [("Find your ledger ID", "쿼 즈 로 ID 찾기")],
        # each syllable a word of its own ("after this"): the page's word is another
        [("After adding it, add this", "추가한 후 이 항목을 추가합니다"), ("Later", "후이즈")],
    ],
)
def test_korean_syllables_without_the_pages_word_or_each_a_word_are_left_alone(
    page: list[tuple[str, str]],
) -> None:
    assert _found(page, "ko-KR") == []


def test_a_korean_word_the_locale_data_knows_split_is_reported_without_the_page() -> None:
    known = sorted(conventions("ko-KR").syllable_words)
    assert known
    for word in known:
        found = _found([("About the ledger", f"쿼즈로에 {' '.join(word)} 설명")], "ko-KR")
        assert len(found) == 1 and repr(word) in found[0][1], found
        assert _found([("About the ledger", f"쿼즈로에 {word} 설명")], "ko-KR") == []


@pytest.mark.parametrize(
    ("locale", "text", "word"),
    [
        ("nl-NL", "Gebruik twee Contoso 365 grootboekingsapps, zoals Zorg.", "De apps zijn klaar."),
        ("sv-SE", "Använd två Contoso 365 huvudboksningsappar, som Zorg.", "Alla appar är klara."),
    ],
)
def test_a_compound_joined_by_a_linking_form_after_a_name_is_a_noun(
    locale: str, text: str, word: str
) -> None:
    """Its last part a word of the page: a compound so joined is a noun."""
    source = "Use two Contoso 365 ledger apps, such as Zorg."
    assert [line for line, _ in _found([(source, text), ("Apps", word)], locale)] == [1]
    assert _found([(source, text), ("Apps", "Zqapps zqklaar.")], locale) == []


@pytest.mark.parametrize(
    "text",
    ["**쿼즈로** 을 선택합니다.", "[쿼즈 요청](x.md) 에서 엽니다.", "*쿼즈로 7* 의 값"],
)
def test_a_korean_particle_spaced_from_its_span_is_reported(text: str) -> None:
    found = _found([("Select **Zorg**.", text)], "ko-KR")
    assert len(found) == 1 and "particle" in found[0][1], found


@pytest.mark.parametrize(
    "text",
    [
        "**쿼즈로**을 선택합니다.",  # glued: right
        "**쿼즈로(S)** 을 선택합니다.",  # bold after a mark closes only before a space
        "**쿼즈로** 이 항목",  # "this": a word of its own
        "**쿼즈로** 을지로",  # a longer word, no particle
    ],
)
def test_a_glued_particle_or_a_word_after_a_span_is_left_alone(text: str) -> None:
    assert not [m for _, m in _found([("Select **Zorg**.", text)], "ko-KR") if "particle" in m]


def test_only_locales_with_detached_particles_read_them() -> None:
    assert _found([("Select **Zorg**.", "**Zqorg** 을 zq.")], "nl-NL") == []


@pytest.mark.parametrize(
    ("locale", "evidence", "text", "found"),
    [
        # Swedish: a definite form of the word, or its stem after an article, is a noun's
        ("sv-SE", "En licens förnyas.", "Du köper Contoso Ledger licenser här.", True),
        ("sv-SE", "Licenserna förnyas.", "Du köper Contoso Ledger licenser här.", True),
        ("sv-SE", "Den lagrade filen.", "Du ser att Contoso Ledger lagrar filer här.", False),
        # the word itself in a definite form is no evidence ("redan" beside "reda")
        ("sv-SE", "Ta reda på mer.", "Du ser att Contoso Ledger redan finns här.", False),
        # Dutch: a word the page writes after "de" is a noun; a participle is none
        ("nl-NL", "Open de catalogus.", "U opent de Contoso Ledger catalogus hier.", True),
        ("nl-NL", "De toegewezen rol.", "U hebt geen Contoso Ledger toegewezen rol.", False),
    ],
)
def test_a_word_after_a_name_is_a_noun_by_the_pages_other_forms(
    locale: str, evidence: str, text: str, found: bool
) -> None:
    source = "You can see that the Contoso Ledger xqz is here."
    page = [("Evidence.", evidence), (source, text)]
    assert bool(_found(page, locale)) == found


def test_a_name_before_its_verb_and_an_object_is_no_compound() -> None:
    # "Contoso Ledger recognizes the stages": the name is the subject, the word its object
    page = [
        ("Open the stages.", "Open de verkoopfasen."),
        (
            "This is how Contoso Ledger recognizes the sales stages.",
            "Zo herkent Contoso Ledger verkoopfasen.",
        ),
    ]
    assert _found(page, "nl-NL") == []


@pytest.mark.parametrize(
    ("evidence", "source", "text", "found"),
    [
        # a verbal noun the page writes in its plural: the name's noun
        (
            "Nya erbjudanden.",
            "Contoso Ledger (Fabrikam 365 offer)",
            "Contoso Ledger (Fabrikam 365 erbjudande)",
            True,
        ),
        # a participle the page writes in no noun's form: an adjective
        (
            "Nya produkter.",
            "Contoso Ledger (Fabrikam 365 standalone)",
            "Contoso Ledger (Fabrikam 365 fristående)",
            False,
        ),
    ],
)
def test_a_swedish_verbal_noun_after_a_name_is_told_from_a_participle_by_the_page(
    evidence: str, source: str, text: str, found: bool
) -> None:
    assert bool(_found([("New.", evidence), (source, text)], "sv-SE")) == found


@pytest.mark.parametrize(
    ("locale", "evidence", "text", "found"),
    [
        # a noun's ending, then a noun the page writes after "de" or in a definite form
        ("nl-NL", "Open de qzorplijst.", "Lees de validatie qzorplijst hier.", True),
        ("sv-SE", "Öppna qzorpboken.", "Läs förnyelse qzorpbok här.", True),
        # a noun of measure takes a bare noun; a definite noun starts no compound
        ("nl-NL", "Open de qzorplijst.", "Lees de hoeveelheid qzorplijst hier.", False),
        ("sv-SE", "Öppna qzorpboken.", "Läs fördelningen qzorpbok här.", False),
        # a passive verb after "en" ("one") is no noun
        ("sv-SE", "Om en räknas.", "Om prenumerationen räknas inte.", False),
        # without the page's evidence, two words are left alone
        ("nl-NL", "Niets.", "Lees de validatie qzorplijst hier.", False),
    ],
)
def test_two_nouns_the_first_with_a_nouns_ending_are_a_split(
    locale: str, evidence: str, text: str, found: bool
) -> None:
    page = [("Evidence.", evidence), ("Read the list here.", text)]
    assert bool(_found(page, locale)) == found


@pytest.mark.parametrize(
    ("locale", "joined", "objects", "split"),
    [
        ("sv-SE", "Se kundvagnar.", "Ge kund vagnar nu.", "Spara kund vagnar nu."),
        ("nl-NL", "Zie de klantwagens.", "Geef de klant wagens.", "Zie de klant wagens."),
        ("de-DE", "Die Frachtrechnung.", "Gib Fracht Rechnung.", "Prüfe Fracht Rechnung."),
    ],
)
def test_a_verbs_two_objects_are_no_split(
    locale: str, joined: str, objects: str, split: str
) -> None:
    """Two nouns after a verb of giving (`two_object_verbs`) are its recipient and its
    object, though the page joins them elsewhere; after another verb they are a split."""
    assert conventions(locale) and _found([("One.", joined), ("Two.", objects)], locale) == []
    assert [line for line, _ in _found([("One.", joined), ("Two.", split)], locale)] == [2]
