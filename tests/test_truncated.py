"""A clause cut short (`truncated`, #16): a modal verb of the translation with no verb to
go with it, where the English modal has one. Fixtures are invented sentences of the
pattern; the data tests run over whatever the locale data lists (key `truncated`)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from babel.messages.catalog import Message

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.truncated import _sentences, modals

from .conftest import ROOT

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
WITH_DATA = [locale for locale in LOCALES if locale_data(locale).get("truncated")]


def _found(source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    entry = Entry(Message(source, text))
    check = BY_ID["truncated"]
    if check.when is not None and not check.when(entry, ctx):
        return []
    return list(check.func(entry, ctx))


def test_registered_described_and_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BY_ID["truncated"].description
    assert "| `truncated` |" in readme


def test_several_locales_have_data() -> None:
    assert len(WITH_DATA) >= 5


@pytest.mark.parametrize("locale", WITH_DATA)
def test_the_data_reads_as_words_and_a_pattern(locale: str) -> None:
    data = locale_data(locale)["truncated"]
    for key in ("modals", "not_after", "not_before"):
        assert all(isinstance(word, str) and word for word in data.get(key) or ())
    own = modals(locale)
    assert own.modals and own.infinitive is not None
    assert all(" " not in modal for modal in own.modals)  # one word each: words are compared


CUT = [
    ("de-DE", "You must sign the agreement.", "Sie müssen die Vereinbarung."),
    ("de-DE", "How can I get access?", "Wie kann ich Zugriff?"),
    # German ends the clause with its infinitive: an inflected adjective is no verb
    ("de-DE", "You can work on the migrated deals.", "Sie können an den migrierten Deals."),
    ("nl-NL", "You must fill in the form.", "U moet het formulier."),
    ("pl-PL", "Partners can download the documents.", "Partnerzy mogą dokumenty."),
    ("es-ES", "Partners can download the reports.", "Los socios pueden informes."),
    ("es-ES", "Partners can download the reports.", "Los socios pueden descargan informes."),
    ("fr-FR", "You can download the report.", "Vous pouvez le rapport."),
    ("it-IT", "Customers can download the reports.", "I clienti possono i report."),
    ("pt-BR", "Partners can download the reports.", "Os parceiros podem os relatórios."),
]


@pytest.mark.parametrize(("locale", "source", "text"), CUT)
def test_a_modal_without_its_verb_is_reported(locale: str, source: str, text: str) -> None:
    found = _found(source, text, locale)
    assert len(found) == 1
    assert "no infinitive" in found[0]


WHOLE = [
    ("de-DE", "You must sign the agreement.", "Sie müssen die Vereinbarung unterzeichnen."),
    # a verb-final clause: the infinitive before its modal
    ("de-DE", "The list you can choose from is shown.", "Die Liste, die Sie auswählen können."),
    (
        "de-DE",
        "The list you can choose from.",
        "Die Liste, die Sie auswählen können, wird angezeigt.",
    ),
    # a list follows the colon
    ("de-DE", "You can:", "Sie können Folgendes:"),
    # a question opens with its modal
    ("de-DE", "Can I renew it?", "Kann ich es verlängern?"),
    # a capitalised word is a noun in German, never the verb, but "z. B." ends no sentence
    ("de-DE", "You can, for example, add users.", "Sie können z. B. Benutzer hinzufügen."),
    # an HTML tag glued to the clause's last word
    ("de-DE", "It must be <em>applied</em>.", "Sie muss <em>angewendet werden</em>."),
    ("fr-FR", "You can <b>download</b> it.", "Vous pouvez <b>télécharger</b>."),
    # an abbreviation's stop: before a lower-case word, or one of the locale's
    ("de-DE", "You must enter the tax ID.", "Sie müssen die Steuer-IdNr. angeben."),
    ("de-DE", "You must add invoices if needed.", "Sie müssen ggf. Rechnungen hinzufügen."),
    ("nl-NL", "You can add, for example, Teams.", "U kunt bijv. Teams toevoegen."),
    ("es-ES", "You can add about ten.", "Puede agregar aprox. diez."),
    # a link glued to the verb after it
    ("de-DE", "You can use [the APIs](x).", "Sie können [die APIs](x)verwenden."),
    (
        "de-DE",
        "You can work on the migrated deals.",
        "Sie können an den migrierten Deals arbeiten.",
    ),
    ("de-DE", "You can view and download reports.", "Sie können Berichte anzeigen und laden."),
    ("de-DE", "You can open the page (see below).", "Sie können die Seite öffnen (siehe unten)."),
    ("de-DE", "You can ask for help.", "Sie können sich an uns wenden, um Hilfe zu erhalten."),
    ("nl-NL", "You must fill in the form.", "U moet het formulier invullen."),
    # Dutch may put a phrase after the infinitive
    ("nl-NL", "You can contact your admin.", "U kunt contact opnemen met uw beheerder."),
    ("pl-PL", "Partners can download the documents.", "Partnerzy mogą pobrać dokumenty."),
    # "być może" is "maybe"
    ("pl-PL", "You may have an open action.", "Być może masz otwartą akcję."),
    # "należy do": "belongs to"
    ("pl-PL", "You can check which number belongs to it.", "Numer należy do klienta."),
    ("es-ES", "You can send it to me.", "Puedes enviármelo o el socio puede devolverme el pago."),
    ("es-ES", "Some earnings may be missing.", "Por eso puede que falten ganancias."),
    ("fr-FR", "You can download the report.", "Vous pouvez télécharger le rapport."),
    ("fr-FR", "Some parameters may be missing.", "Il se peut que des paramètres manquent."),
    # a label capitalises its verb
    ("fr-FR", "You can [send a request](x).", "Vous pouvez [Envoyer une demande](x)."),
    ("it-IT", "Can Microsoft refund me?", "Microsoft può rimborsarmi?"),
    ("it-IT", "Customers may have received it.", "I clienti potrebbero aver ricevuto il codice."),
    ("pt-BR", "You can reset it.", "Você poderá redefini-la."),
    ("pt-BR", "It can be useful.", "Isso pode ser útil."),
    # no modal in the English: the translation's has no verb of the source to lose
    ("de-DE", "Select the agreement.", "Sie müssen die Vereinbarung."),
    # the English modal ends its text too: a prompt quoted cut, with nothing to lose
    ("de-DE", "See **We need to…**", "Siehe dazu müssen **wir...**"),
    ("nl-NL", "See **We need to…**", "Zie moeten **we...**"),
    # a bold label holds its own verb-final clause; a separable particle follows it
    (
        "de-DE",
        "Select **Profile can't be managed**.",
        "Wählen Sie die Option **Profil kann nicht verwaltet werden** aus.",
    ),
]


@pytest.mark.parametrize("locale", WITH_DATA)
def test_every_listed_abbreviation_ends_no_sentence(locale: str) -> None:
    own = modals(locale)
    for word in own.abbreviations:
        assert _sentences(own, f"Aaaa bbbb {word}. Cccc dddd.") == [f"Aaaa bbbb {word}. Cccc dddd."]
    # another word of four letters before the stop does end one
    assert len(_sentences(own, "Aaaa bbbb xqzw. Cccc dddd.")) == 2


@pytest.mark.parametrize(("locale", "source", "text"), WHOLE)
def test_a_modal_with_its_verb_is_left_alone(locale: str, source: str, text: str) -> None:
    assert _found(source, text, locale) == []


@pytest.mark.parametrize("locale", ["sv-SE", "ja-JP", "zh-CN", "en-US"])
def test_a_locale_without_data_is_not_checked(locale: str) -> None:
    assert _found("You must sign it.", "Sie müssen die Vereinbarung.", locale) == []


# --- a verb-final sentence ending with the English's last name --------------------------

VERB_FINAL = [locale for locale in LOCALES if locale_data(locale).get("verb_final")]
#: An invented name, kept in every locale, and a sentence that ends with it after "in".
NAME_SOURCE = "You can download the file in Contoso Portal."


def _with_glossary(source: str, text: str, locale: str, forms: tuple[str, ...]) -> list[str]:
    glossary = replace(locale_glossary(None, locale), terms={"Contoso Portal": forms})
    entry = Entry(Message(source, text))
    ctx = MessageContext(locale, glossary, MD)
    check = BY_ID["truncated"]
    assert check.when is not None and check.when(entry, ctx)
    return list(check.func(entry, ctx))


def test_verb_final_locales_have_the_key() -> None:
    assert {"ja-JP", "ko-KR"} <= set(VERB_FINAL)


@pytest.mark.parametrize("locale", VERB_FINAL)
@pytest.mark.parametrize("stop", ["。", "."])
def test_a_verb_final_sentence_ending_with_the_name_lost_its_verb(locale: str, stop: str) -> None:
    assert _found(NAME_SOURCE, f"ファイルをダウンロードContoso Portal{stop}", locale)
    assert _found(NAME_SOURCE, f"파일을 다운로드 **Contoso Portal**{stop}", locale)


@pytest.mark.parametrize("locale", VERB_FINAL)
def test_the_glossarys_form_of_the_name_counts(locale: str) -> None:
    forms = ("コントソ ポータル",)
    assert _with_glossary(NAME_SOURCE, "ファイルをダウンロードコントソ ポータル。", locale, forms)
    whole = "コントソ ポータルでダウンロードできます。"
    assert not _with_glossary(NAME_SOURCE, whole, locale, forms)


@pytest.mark.parametrize("locale", VERB_FINAL)
@pytest.mark.parametrize(
    "text",
    [
        "Contoso Portal でファイルをダウンロードできます。",  # the verb ends it
        "Contoso Portal에서 파일을 다운로드할 수 있습니다.",
        "場所: Contoso Portal。",  # a label's value
        "Contoso Portal。",  # the name alone
        "ファイルをダウンロードContoso Portal",  # no stop: a title
    ],
)
def test_a_sentence_with_its_verb_or_a_value_is_whole(locale: str, text: str) -> None:
    assert not _found(NAME_SOURCE, text, locale)


@pytest.mark.parametrize(
    "source", ["Download the file: Contoso Portal.", "The file is from contoso portal."]
)
def test_an_english_name_after_no_preposition_is_no_evidence(source: str) -> None:
    for locale in VERB_FINAL:
        assert not _found(source, "ファイルをダウンロードContoso Portal。", locale)


def test_a_locale_whose_verb_may_come_first_is_not_read() -> None:
    for locale in ("de-DE", "fr-FR", "zh-CN"):
        assert "verb_final" not in locale_data(locale)
        assert not _found(NAME_SOURCE, "Laden Sie die Datei herunter im Contoso Portal.", locale)


PLACE_FIRST = [locale for locale in LOCALES if locale_data(locale).get("place_before_verb")]


def test_a_locale_saying_a_place_before_its_verb_has_the_key() -> None:
    assert "zh-CN" in PLACE_FIRST


@pytest.mark.parametrize("locale", PLACE_FIRST)
def test_a_place_word_and_the_name_ending_the_sentence_lost_the_verb(locale: str) -> None:
    source = "Users can work in Contoso Portal."
    for word in locale_data(locale)["place_before_verb"]:
        assert _found(source, f"用户可以{word} Contoso Portal。", locale), word
        assert not _found(source, f"用户可以{word} Contoso Portal 中工作。", locale), word
    assert not _found(source, "用户可以访问 Contoso Portal。", locale)  # its verb before it
    # the English says where something is: the translation's "be in" is its verb
    assert not _found("The ID should be in Contoso Portal.", "ID 应在 Contoso Portal。", locale)


@pytest.mark.parametrize("locale", VERB_FINAL)
def test_a_name_moved_from_inside_the_english_to_the_end_lost_the_verb(locale: str) -> None:
    source = "Sign in to Contoso Portal Home to see the files."
    assert _found(source, "ファイルを表示するには、サインインContoso Portal。", locale)
    assert not _found(source, "Contoso Portal Home にサインインしてファイルを表示します。", locale)


@pytest.mark.parametrize("locale", VERB_FINAL)
def test_of_inside_a_name_is_no_preposition(locale: str) -> None:
    source = "Register of Contoso Units for companies."
    assert not _found(source, "会社の Register of Contoso Units。", locale)
