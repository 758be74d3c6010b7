"""Broken grammar only the page shows (`grammar` over a page, checks/grammar_page.py, #16):
a noun in lower case where the locale capitalises nouns and the page writes it so, a
kept name between its determiner and the noun the English put after it, and an article of
the gender the page never gives a noun.

Fixtures are invented pages (Contoso, Fabrikam, made-up nouns), run for every locale whose
data has the key, with every word the data lists."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, LocaleGlossary, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions, locale_data
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.grammar_page import page_grammar

from .conftest import ROOT

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
CAPITALISING = [loc for loc in LOCALES if page_grammar(loc).capitalised_nouns]
NAME_LAST = [loc for loc in LOCALES if page_grammar(loc).name_before_noun]
FORMAL = [loc for loc in LOCALES if page_grammar(loc).formal_address]
GENDERED = [loc for loc in LOCALES if page_grammar(loc).gendered_articles]
CAPITAL_FIRST = [loc for loc in LOCALES if page_grammar(loc).sentence_capital]
JOINING = [loc for loc in LOCALES if page_grammar(loc).joined_endings is not None]
NUMBERED = [loc for loc in LOCALES if page_grammar(loc).numbered_articles]
CASED = [loc for loc in LOCALES if page_grammar(loc).case_endings]


def _page(locale: str, *pairs: tuple[str, str], line: int | None = None) -> list[str]:
    """The translations the page-level grammar reports, in page order (every message on
    `line`: one paragraph's sentences, as a side-by-side page has them)."""
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    entries = [Entry(Message(source, text, lineno=line)) for source, text in pairs]
    entries_check = BY_ID["grammar"].entries
    assert entries_check is not None
    return [entry.strings[0] for entry, _ in entries_check(entries, ctx)]


def test_the_languages_that_show_the_patterns_have_the_data() -> None:
    assert "de-DE" in CAPITALISING
    assert "de-DE" in FORMAL
    assert {"fr-FR", "es-ES", "it-IT", "pt-BR", "pl-PL"} <= set(NAME_LAST)
    assert not page_grammar("pl-PL").content_word_before_name
    assert page_grammar("it-IT").content_word_before_name
    for locale in (*CAPITALISING, *NAME_LAST):
        assert page_grammar(locale).determiners, locale


# --- a noun in lower case ------------------------------------------------------------------

#: The page's evidence: the invented noun capitalised inside a sentence.
SHOWN = ("Contoso shows the widget.", "Danach zeigt Contoso die Quarzel an.")


def _openers(locale: str) -> list[str]:
    own = page_grammar(locale)
    return sorted(own.determiners | own.prepositions)


@pytest.mark.parametrize("locale", CAPITALISING)
def test_a_noun_in_lower_case_the_page_capitalises_is_reported(locale: str) -> None:
    for det in _openers(locale):
        text = f"Danach öffnet Contoso {det} quarzel heute."
        assert _page(locale, SHOWN, ("Contoso opens it.", text)) == [text], det
        # an adjective between them: one noun phrase still
        text = f"Danach öffnet Contoso {det} neuen quarzel heute."
        assert _page(locale, SHOWN, ("Contoso opens it.", text)) == [text], det
        # capitalised as the page writes it: grammar
        right = f"Danach öffnet Contoso {det} Quarzel heute."
        assert not _page(locale, SHOWN, ("Contoso opens it.", right)), det


@pytest.mark.parametrize("locale", CAPITALISING)
def test_without_the_page_s_evidence_a_lower_case_word_is_no_finding(locale: str) -> None:
    det = sorted(page_grammar(locale).determiners)[0]
    text = f"Danach öffnet Contoso {det} quarzel heute."
    # the page never capitalises it
    assert not _page(locale, ("Contoso opens it.", text))
    # the page writes it in lower case more often: a verb it also nominalises
    verbs = ("Contoso can do it.", "Contoso kann quarzel und dann quarzel.")
    assert not _page(locale, SHOWN, verbs, ("Contoso opens it.", text))
    # a capitalised word after it: the word is an adjective of that noun
    adjective = f"Danach öffnet Contoso {det} quarzel Berichte heute."
    assert not _page(locale, SHOWN, ("Contoso opens it.", adjective))
    # the English holds the word: kept from the source
    assert not _page(locale, SHOWN, ("Contoso opens quarzel.", text))
    # marked: a label or code, not prose
    for marked in (f"**{det} quarzel**", f"`{det} quarzel`", f'"{det} quarzel"'):
        assert not _page(locale, SHOWN, ("Contoso opens it.", f"Contoso öffnet {marked}.")), marked


@pytest.mark.parametrize("locale", CAPITALISING)
def test_a_relative_pronoun_after_a_comma_may_take_a_verb(locale: str) -> None:
    for pronoun in sorted(page_grammar(locale).relative_pronouns):
        text = f"Kunden von Contoso, {pronoun} quarzel, sehen es."
        assert not _page(locale, SHOWN, ("Customers who do it see it.", text)), pronoun


# --- a kept name before its noun -----------------------------------------------------------

ENGLISH = "Open the Contoso Fabrikam widget in the portal."


def _before(det: str) -> str:
    """The determiner, then the name: an elided one (l', dell') with no space."""
    return det if det.endswith(("'", "\u2019")) else f"{det} "


def _evidence(locale: str) -> tuple[str, str]:
    """The page writes the invented noun after a word no verb follows: a noun."""
    opener = sorted(page_grammar(locale).noun_openers)[0]
    return ("A widget.", f"Voir {opener} zorbel.")


@pytest.mark.parametrize("locale", NAME_LAST)
def test_a_name_between_its_determiner_and_its_noun_is_reported(locale: str) -> None:
    own = page_grammar(locale)
    for det in sorted(own.determiners | own.prepositions):
        text = f"Abrir {_before(det)}Contoso Fabrikam zorbel hoy."
        assert _page(locale, _evidence(locale), (ENGLISH, text)) == [text], det
        # apostrophes of elision around it quote nothing
        elided = f"Abrir d'abord {_before(det)}Contoso Fabrikam zorbel l'autre."
        assert _page(locale, _evidence(locale), (ENGLISH, elided)) == [elided], det
        # the locale's order: the noun, then the name
        right = f"Abrir {_before(det)}zorbel Contoso Fabrikam hoy."
        assert not _page(locale, _evidence(locale), (ENGLISH, right)), det


@pytest.mark.parametrize("locale", NAME_LAST)
def test_a_name_after_a_content_word_before_its_noun_where_the_locale_says_so(
    locale: str,
) -> None:
    text = "Abrir datos Contoso Fabrikam zorbel hoy."
    found = _page(locale, _evidence(locale), (ENGLISH, text))
    # a noun after a name takes a preposition in the locale, or its genitive follows bare
    assert found == ([text] if page_grammar(locale).content_word_before_name else [])
    # the English noun already put first ("widget"): the word after the name is another
    first = "Abrir widgets Contoso Fabrikam zorbel hoy."
    assert not _page(locale, _evidence(locale), (ENGLISH, first))


@pytest.mark.parametrize("locale", NAME_LAST)
def test_a_name_before_a_word_the_page_shows_for_no_noun_is_no_finding(locale: str) -> None:
    det = sorted(page_grammar(locale).determiners)[0]
    text = f"Abrir {_before(det)}Contoso Fabrikam zorbel hoy."
    # no evidence that the word is a noun (a verb or an adjective after the name)
    assert not _page(locale, (ENGLISH, text))
    # the English puts no noun after the name ("Contoso Fabrikam to"), or holds the word
    assert not _page(locale, _evidence(locale), ("Use Contoso Fabrikam to open it.", text))
    assert not _page(locale, _evidence(locale), ("Open the Contoso Fabrikam zorbel.", text))
    # at the start of a sentence the name is the subject: a verb may follow it
    start = f"{det.capitalize()} Contoso Fabrikam zorbel hoy."
    assert not _page(locale, _evidence(locale), (ENGLISH, start))


@pytest.mark.parametrize("locale", NAME_LAST)
def test_a_noun_is_what_the_page_writes_before_no_content_word(locale: str) -> None:
    own = page_grammar(locale)
    opener = sorted(own.noun_openers)[0]
    text = f"Abrir {_before(sorted(own.determiners)[0])}Contoso Fabrikam zorbel hoy."
    # before a content word or markup it may be an adjective ("il relativo documento")
    for after in ("grande", "[grande](x)"):
        adjective = ("A big widget.", f"Voir {opener} zorbel {after}.")
        assert not _page(locale, adjective, (ENGLISH, text)), after
    # before a function word or a name it is a noun
    for after in (sorted(conventions(locale).function_words)[0], "Contoso"):
        noun = ("A widget.", f"Voir {opener} zorbel {after} Fabrikam.")
        assert _page(locale, noun, (ENGLISH, text)) == [text], after
    # right before the name, after a determiner (one a verb may follow): the locale's
    # own order shows a noun (Polish has none but its openers, the prepositions)
    det = (sorted(own.determiners - own.noun_openers) or sorted(own.determiners))[0]
    first = ("The widget.", f"Ver {_before(det)}zorbel Contoso Fabrikam.")
    assert _page(locale, first, (ENGLISH, text)) == [text]


@pytest.mark.parametrize("locale", CASED)
def test_a_name_before_a_word_in_its_preposition_s_case_is_reported(locale: str) -> None:
    # no page evidence of the noun: the preposition's case and the English phrase show it
    own = page_grammar(locale)
    for prep, endings in own.case_endings:
        text = f"Otwórz {prep} Contoso Fabrikam zorbel{endings[0]} dziś."
        assert _page(locale, (ENGLISH, text)) == [text], prep
        # the English has no function word before the name: no noun phrase shown
        bare = ("Contoso Fabrikam widget opens it.", text)
        assert not _page(locale, bare), prep
        # a verb marker after the word: a verb ("rozpoczyna się")
        marker = sorted(own.verb_markers)[0]
        verb = f"Otwórz {prep} Contoso Fabrikam zorbel{endings[0]} {marker} dziś."
        assert not _page(locale, (ENGLISH, verb)), prep


@pytest.mark.parametrize("locale", CASED)
def test_a_word_in_no_case_its_preposition_governs_is_no_finding(locale: str) -> None:
    own = page_grammar(locale)
    every = {end for _, endings in own.case_endings for end in endings}
    for prep, endings in own.case_endings:
        others = sorted(every - set(endings), key=len, reverse=True)
        # an ending of no case the preposition takes, and no ending of one after it
        ending = next(end for end in others if not end.endswith(tuple(endings)))
        text = f"Otwórz {prep} Contoso Fabrikam zorbel{ending} dziś."
        assert not _page(locale, (ENGLISH, text)), prep


ADJECTIVED = [loc for loc in LOCALES if page_grammar(loc).adjective_cases]
#: An adjective before the name in the English: its noun phrase holds the name.
ADJECTIVE_ENGLISH = "Open your new Contoso Fabrikam widget today."


@pytest.mark.parametrize("locale", ADJECTIVED)
def test_a_name_between_an_adjective_and_a_word_in_its_case_is_reported(locale: str) -> None:
    # an oblique adjective ("nowego") and a word in a case it shows: one noun phrase
    own = page_grammar(locale)
    every = {end for _, endings in own.adjective_cases for end in endings}
    for ending, endings in own.adjective_cases:
        text = f"Otwórz now{ending} Contoso Fabrikam zorbel{endings[0]} dziś."
        assert _page(locale, (ADJECTIVE_ENGLISH, text)) == [text], ending
        # the English name before a function word: no noun after it, no phrase shown
        loose = ("Open your new Contoso Fabrikam in the widget.", text)
        assert not _page(locale, loose), ending
        # a word in no case the adjective shows: no agreement, two phrases
        other = next(e for e in sorted(every - set(endings)) if not e.endswith(endings))
        apart = f"Otwórz now{ending} Contoso Fabrikam zorbel{other} dziś."
        assert not _page(locale, (ADJECTIVE_ENGLISH, apart)), ending
    # a word listed as no adjective (an adverb of comparison, a relative pronoun) agrees
    # with no word after the name
    for word in sorted(own.not_adjectives):
        endings = next(ends for end, ends in own.adjective_cases if word.endswith(end))
        text = f"Otwórz {word} Contoso Fabrikam zorbel{endings[0]} dziś."
        assert not _page(locale, (ADJECTIVE_ENGLISH, text)), word


@pytest.mark.parametrize("locale", NAME_LAST)
def test_the_locale_s_own_name_of_a_glossary_name_before_its_noun_is_reported(
    locale: str,
) -> None:
    own = page_grammar(locale)
    det = sorted(own.determiners)[0]
    english = "Open your Contoso Portal widget."
    text = f"Abrir {_before(det)}Portal kontoso zorbel hoy."
    terms = {"Contoso Portal": ("Portal kontoso",)}  # a word in lower case: no kept name
    glossary = LocaleGlossary(terms=terms, conventions=conventions(locale))
    ctx = MessageContext(locale, glossary, MD)
    entries = [Entry(Message(*pair)) for pair in (_evidence(locale), (english, text))]
    assert BY_ID["grammar"].entries is not None
    found = list(BY_ID["grammar"].entries(entries, ctx))
    assert [entry.strings[0] for entry, _ in found] == [text]
    assert "Contoso Portal" in found[0][1]
    # without the glossary the page's name is no name of the English
    assert not _page(locale, _evidence(locale), (english, text))


# --- the polite address in lower case -------------------------------------------------------

#: The page addresses the reader with the capitalised form inside sentences, twice.
ADDRESSED = (
    ("Then you open the widget.", "Danach öffnen Sie die Quarzel."),
    ("Later you close the widget.", "Später schließen Sie die Quarzel."),
)


def _forms(locale: str) -> list[str]:
    return sorted(page_grammar(locale).formal_address)


@pytest.mark.parametrize("locale", FORMAL)
def test_a_polite_form_in_lower_case_for_you_is_reported(locale: str) -> None:
    for form in _forms(locale):
        text = f"Danach zeigt Contoso {form.lower()} Quarzel."
        assert _page(locale, *ADDRESSED, ("Contoso then shows your widget.", text)) == [text]
        # one "you" said with the capital, the other in lower case
        both = f"Danach zeigt {form} Contoso {form.lower()} Quarzel."
        english = "Contoso then shows you your widget."
        assert _page(locale, *ADDRESSED, (english, both)) == [both], form
        # an imperative's pronoun answers no "you" of the English ("Open ...")
        imperative = f"Öffnen Sie danach {form.lower()} Quarzel."
        assert _page(locale, *ADDRESSED, ("Then open your widget.", imperative)) == [imperative]
        # capitalised: the address kept
        right = f"Danach zeigt Contoso {form} Quarzel."
        assert not _page(locale, *ADDRESSED, ("Contoso then shows your widget.", right)), form


@pytest.mark.parametrize("locale", FORMAL)
def test_a_lower_case_form_is_no_finding_where_it_may_be_a_third_person(locale: str) -> None:
    form = _forms(locale)[0].lower()
    text = f"Danach zeigt Contoso {form} Quarzel."
    # the English has a third person: "they", "it", "her" are spelled so too
    for english in ("Contoso shows their widget to you.", "Contoso shows it to you."):
        assert not _page(locale, *ADDRESSED, (english, text)), english
    # the English has no "you"
    assert not _page(locale, *ADDRESSED, ("Contoso then shows the widget.", text))
    # several "you" and no capitalised form: the message turned to the third person
    turned = ("You and your team see your widget.", text)
    assert not _page(locale, *ADDRESSED, turned)
    # the page never writes the capitalised form inside a sentence: no evidence
    assert not _page(locale, ("Contoso then shows your widget.", text))
    # a message in the familiar address is left alone
    informal = sorted(page_grammar(locale).informal_address)[0]
    familiar = f"Danach zeigt {informal} Contoso {form} Quarzel."
    assert not _page(locale, *ADDRESSED, ("Contoso then shows your widget.", familiar))
    # in bold: a label, not prose
    bold = f"Danach zeigt Contoso **{form} Quarzel**."
    assert not _page(locale, *ADDRESSED, ("Contoso then shows **your widget**.", bold))


def test_a_locale_without_the_data_is_not_checked() -> None:
    pages = [
        (SHOWN, ("Contoso opens it.", "Danach öffnet Contoso die quarzel heute.")),
        (("A widget.", "Voir un zorbel."), (ENGLISH, "Abrir la Contoso Fabrikam zorbel hoy.")),
        (*ADDRESSED, ("Contoso then shows your widget.", "Danach zeigt Contoso ihre Quarzel.")),
    ]
    for locale in [loc for loc in LOCALES if loc not in (*CAPITALISING, *NAME_LAST, *FORMAL)]:
        for pairs in pages:
            assert not _page(locale, *pairs), locale


# --- an article of the other gender ---------------------------------------------------------


def _genders(locale: str) -> dict[str, list[str]]:
    """The locale's gendered articles by gender."""
    by: dict[str, list[str]] = {}
    for article, gender in page_grammar(locale).gendered_articles:
        by.setdefault(gender, []).append(article)
    return by


def _shown(articles: list[str], times: int = 3) -> list[tuple[str, str]]:
    """The page's evidence: the invented noun after articles of one gender, before a mark."""
    return [
        ("Contoso opens the widget.", f"Contoso {articles[i % len(articles)]} quarzel {i}.")
        for i in range(times)
    ]


def test_the_romance_locales_have_the_gendered_articles() -> None:
    assert {"fr-FR", "es-ES", "it-IT", "pt-BR"} <= set(GENDERED)
    for locale in GENDERED:
        assert len(_genders(locale)) == 2, locale


@pytest.mark.parametrize("locale", GENDERED)
def test_an_article_of_the_gender_the_page_never_gives_the_noun_is_reported(locale: str) -> None:
    (one, ones), (_, others) = _genders(locale).items()
    for article in others:
        text = f"Contoso {article} quarzel."
        assert _page(locale, *_shown(ones), ("Contoso opens it.", text)) == [text], article
    # and the other way round, before a capitalised name or a function word
    for article in ones:
        text = f"Contoso {article} quarzel Fabrikam."
        assert _page(locale, *_shown(others), ("Contoso opens it.", text)) == [text], (one, article)


@pytest.mark.parametrize("locale", GENDERED)
def test_an_article_the_page_does_not_contradict_is_left_alone(locale: str) -> None:
    (_, ones), (_, others) = _genders(locale).items()
    text = f"Contoso {others[0]} quarzel."
    # too few uses to know the noun's gender
    assert not _page(locale, *_shown(ones, 2), ("Contoso opens it.", text))
    # the page writes it with both genders: a noun of two genders or meanings
    both = ("Contoso opens it.", f"Fabrikam {others[-1]} quarzel.")
    assert not _page(locale, *_shown(ones), both, ("Contoso opens it.", text))
    # an adjective before its noun: a content word follows ("las siguientes opciones")
    adjective = f"Contoso {others[0]} quarzel zorvik."
    assert not _page(locale, *_shown(ones), ("Contoso opens it.", adjective))
    # a bold label or a quote starts with its own article
    for marked in (f"Contoso **{others[0]} quarzel**.", f'Contoso "{others[0]} quarzel".'):
        assert not _page(locale, *_shown(ones), ("Contoso opens it.", marked)), marked
    # elided or capitalised (a title, a sentence start): no gendered article read
    for other in ("Contoso l'quarzel.", f"{others[0].capitalize()} quarzel Contoso."):
        assert not _page(locale, *_shown(ones), ("Contoso opens it.", other)), other


# --- an article of the other number --------------------------------------------------------


def _numbers(locale: str) -> dict[str, list[str]]:
    by: dict[str, list[str]] = {}
    for article, number in page_grammar(locale).numbered_articles:
        by.setdefault(number, []).append(article)
    return by


def _number_forms(locale: str) -> tuple[str, str]:
    """An invented noun's singular and plural by the locale's first plural ending."""
    singular, plural = page_grammar(locale).plural_endings[0]
    return f"quarz{singular}", f"quarz{plural}"


def test_the_romance_locales_have_the_numbered_articles() -> None:
    assert {"fr-FR", "es-ES", "it-IT", "pt-BR"} <= set(NUMBERED)
    for locale in NUMBERED:
        assert set(_numbers(locale)) == {"singular", "plural"}, locale
        assert page_grammar(locale).plural_endings, locale


@pytest.mark.parametrize("locale", NUMBERED)
def test_an_article_of_the_other_number_than_its_word_is_reported(locale: str) -> None:
    numbers, (one, many) = _numbers(locale), _number_forms(locale)
    # the page writes the word after an article of its number, and its other form
    for article in numbers["plural"]:
        text = f"Contoso {article} {one}."
        page = (("A widget.", f"Contoso {numbers['singular'][0]} {one}."), ("It.", f"{many} ok"))
        assert _page(locale, *page, ("Contoso opens them.", text)) == [text], article
    for article in numbers["singular"]:
        text = f"Contoso {article} {many} Fabrikam."
        page = (("Widgets.", f"Contoso {numbers['plural'][0]} {many}."), ("It.", f"{one} ok"))
        assert _page(locale, *page, ("Contoso opens it.", text)) == [text], article


@pytest.mark.parametrize("locale", NUMBERED)
def test_an_article_before_a_word_of_its_own_number_on_the_page_is_left_alone(
    locale: str,
) -> None:
    numbers, (one, many) = _numbers(locale), _number_forms(locale)
    text = f"Contoso {numbers['singular'][0]} {many}."
    evidence = ("Widgets.", f"Contoso {numbers['plural'][0]} {many}.")
    # the page writes no singular form of the word: no evidence of its number
    assert not _page(locale, evidence, ("Contoso opens it.", text))
    # the page writes the word after singular articles more often: an invariant noun
    page = (evidence, ("It.", f"{one} ok"), ("It.", f"Fabrikam {numbers['singular'][-1]} {many}."))
    assert not _page(locale, *page, ("Contoso opens it.", text))
    # a bold label starts with its own article
    marked = f"Contoso **{numbers['singular'][0]} {many}**."
    assert not _page(locale, evidence, ("It.", f"{one} ok"), ("Contoso opens it.", marked))


@pytest.mark.parametrize("locale", NUMBERED)
def test_the_form_an_article_wants_written_after_one_of_its_number_is_evidence(
    locale: str,
) -> None:
    numbers, (one, many) = _numbers(locale), _number_forms(locale)
    plural, singular = numbers["plural"][0], numbers["singular"][0]
    # the page writes the plural after a plural article, never the word after a singular
    text = f"Contoso {plural} {one}."
    page = ("Widgets.", f"Contoso {numbers['plural'][-1]} {many}.")
    assert _page(locale, page, ("Contoso opens them.", text)) == [text]
    # and the other way round, unless an ending of the singular may end the plural too
    # (Italian "le nuove" beside "i nuovi": "nuove" is a singular's form as well)
    text = f"Contoso {singular} {many}."
    page = ("A widget.", f"Contoso {numbers['singular'][-1]} {one}.")
    endings = {sg for sg, _ in page_grammar(locale).plural_endings} - {""}
    expected = [] if many.endswith(tuple(endings)) else [text]
    assert _page(locale, page, ("Contoso opens it.", text)) == expected
    # a word the English holds is kept from it, with the English's grammar
    kept = (f"Open the {one}.", f"Contoso {plural} {one}.")
    assert not _page(locale, page, ("Widgets.", f"Contoso {plural} {many}."), kept)


# --- a sentence that starts in lower case ------------------------------------------------


def test_the_latin_script_locales_start_their_sentences_with_a_capital() -> None:
    latin = {"de-DE", "nl-NL", "sv-SE", "pl-PL", "fr-FR", "es-ES", "it-IT", "pt-BR"}
    assert latin <= set(CAPITAL_FIRST)
    assert not {"ja-JP", "zh-CN", "ko-KR"} & set(CAPITAL_FIRST)


@pytest.mark.parametrize("locale", CAPITAL_FIRST)
def test_a_sentence_that_lost_its_capital_is_reported(locale: str) -> None:
    for source, text in (
        ("Open the Contoso widget.", "quarzel zorvik Contoso."),
        ("- **Open** the widget", "- **quarzel** zorvik"),
        ("1. Open the widget", "1. quarzel zorvik"),
        ("[Open the widget](x.md)", "[quarzel zorvik](x.md)"),
    ):
        assert _page(locale, (source, text)) == [text], text


@pytest.mark.parametrize("locale", CAPITAL_FIRST)
def test_a_lower_case_start_the_english_allows_is_no_finding(locale: str) -> None:
    for source, text in (
        ("Open the widget.", "Quarzel zorvik."),  # the capital kept
        ("open the widget", "quarzel zorvik"),  # the English in lower case too
        ("Widget", "quarzel"),  # a one-word value
        ("Open the widget.", "eQuarzel zorvik."),  # a name with a capital inside
        ("Build the widget.", "x64 zorvik."),  # code
        ("Run contoso now.", "contoso zorvik."),  # a word the English keeps
        ("Open the widget", "quarzel zorvik ;"),  # a list item a semicolon continues
        ("Open the widget or,", "quarzel zorvik"),  # the English goes on on the next line
        ("Open the widget.", "`quarzel` zorvik."),  # code first
    ):
        assert not _page(locale, (source, text)), text


@pytest.mark.parametrize("locale", CAPITAL_FIRST)
def test_a_sentence_that_goes_on_with_the_one_before_it_keeps_its_lower_case(locale: str) -> None:
    joined = ("Contoso opens it.", "Contoso quarzel,"), ("Then it closes.", "zorvik Fabrikam.")
    assert not _page(locale, *joined, line=3)
    ended = ("Contoso opens it.", "Contoso quarzel."), joined[1]
    assert _page(locale, *ended, line=3) == ["zorvik Fabrikam."]
    # another paragraph (no line in common): a sentence of its own
    assert _page(locale, *joined) == ["zorvik Fabrikam."]
    # a table row's cells share a line, and their English ends no sentence
    row = ("Contoso widget", "Contoso quarzel"), ("Open the widget now", "zorvik Fabrikam")
    assert _page(locale, *row, line=3) == ["zorvik Fabrikam"]


# --- a verb's ending cut from its noun --------------------------------------------------------


def _joined(locale: str) -> tuple[list[str], list[str]]:
    data = locale_data(locale)["grammar"]
    return [str(e) for e in data["joined_endings"]], [str(s) for s in data["joined_stems"]]


def test_korean_joins_a_verb_s_ending_to_its_noun() -> None:
    assert "ko-KR" in JOINING


@pytest.mark.parametrize("locale", JOINING)
def test_an_ending_cut_from_a_noun_the_page_joins_is_reported(locale: str) -> None:
    endings, stems = _joined(locale)
    for stem in stems:
        shown = ("Select the item.", f"항목을 쿼젤{stem} 저장합니다.")
        for ending in endings:
            text = f"**저장** 을 쿼젤 {ending} 확인."
            assert _page(locale, shown, ("Select it.", text)) == [text], (stem, ending)


@pytest.mark.parametrize("locale", JOINING)
def test_an_ending_after_a_word_the_page_never_joins_is_no_finding(locale: str) -> None:
    endings, _ = _joined(locale)
    for ending in endings:
        # an adverb before the verb ("그렇게 하면"), written apart on every page
        text = f"쿼젤 {ending} 확인."
        assert not _page(locale, ("Do so.", text), ("Save it.", "항목을 저장합니다.")), ending


# --- an imperative without its polite pronoun -----------------------------------------------

IMPERATIVE = [loc for loc in LOCALES if page_grammar(loc).imperative_address is not None]
#: A page that writes the imperative with its pronoun: the evidence.
WITH_PRONOUN = ("Select **Widgets**.", "Quarzen Sie **Widgets** aus.")


def test_german_reads_an_imperative_without_its_pronoun() -> None:
    assert "de-DE" in IMPERATIVE


@pytest.mark.parametrize("locale", IMPERATIVE)
def test_an_imperative_without_its_pronoun_is_reported(locale: str) -> None:
    for text in (
        "Quarzen **Contoso Hub** aus.",
        "Quarzen [Contoso Hub](x) auf der Seite aus.",
        "Zorbel. Quarzen Contoso aus.",
        "Quarzen sie Contoso aus.",  # the pronoun in lower case: "they"
    ):
        assert _page(locale, WITH_PRONOUN, ("Select Contoso Hub.", text)) == [text], text
    for text in (
        "Quarzen Contoso aus",  # no stop: a title
        "Quarzen von Contoso.",  # a title's verbal noun
        "Quarzen eines Widgets.",
        "Quarzen wichtiger Widgets.",
        "Quarzen Contoso: Zorbel.",
        "Quarzen Contoso, wenn es Widgets gibt.",  # a subject pronoun
        "Flimmen Contoso aus.",  # a verb the page never writes with the pronoun
    ):
        assert _page(locale, WITH_PRONOUN, ("Select Contoso Hub.", text)) == [], text
    # no evidence on the page: nothing reported
    assert _page(locale, ("Select Contoso Hub.", "Quarzen Contoso aus.")) == []
