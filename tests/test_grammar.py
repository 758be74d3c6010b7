"""Broken grammar of machine translation that form shows (`grammar`, #16): a function word
capitalised inside a German sentence, `zu` before a separable verb, a singular article
before a plural country name, a Japanese sentence that starts with a cut clause.

Fixtures are invented sentences of each pattern; the properties run over whatever the
locale data lists (locale_data/*.yaml, key `grammar`)."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.grammar import grammar

from .conftest import ROOT

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
TRANSLATED = [locale for locale in LOCALES if not locale.startswith("en")]


def _found(source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(BY_ID["grammar"].func(Entry(Message(source, text)), ctx))


def _listed(locale: str, key: str) -> list[str]:
    data = locale_data(locale).get("grammar") or {}
    return [str(word) for word in data.get(key) or ()]


def test_registered_described_and_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BY_ID["grammar"].description
    assert "| `grammar` |" in readme


@pytest.mark.parametrize("locale", LOCALES)
def test_the_data_reads_as_words(locale: str) -> None:
    # YAML 1.1 would read a bare `no` or `on` as a boolean: every entry is its word
    keys = (
        "capitalised_inside",
        "separable_verbs",
        "singular_articles",
        "plural_names",
        "noun_endings",
        "not_nouns",
        "hyphen_joins",
        "infinitive_clitics",
        "final_prepositions",
        "split_endings",
        "split_particles",
        "joined_endings",
        "joined_stems",
        "name_verb_endings",
        "name_verb_words",
        "oblique_endings",
        "agreement_between",
        "copulas",
        "not_adjectives",
        "marker_governors",
        "plural_verbs",
        "subject_pronouns",
        "plain_endings",
        "polite_before",
        "colloquial",
        "colloquial_aside",
        "indefinite_articles",
        "bare_names",
        "determiners",
        "relative_pronouns",
        "noun_openers",
        "prepositions",
        "formal_address",
        "informal_address",
        "second_person",
        "third_person",
    )
    for key in keys:
        assert all(word.strip() and word not in {"True", "False"} for word in _listed(locale, key))
    for verb in _listed(locale, "separable_verbs"):
        prefix, bar, stem = verb.partition("|")
        assert bar and prefix.isalpha() and stem.isalpha(), (locale, verb)


# --- a function word capitalised inside a sentence --------------------------------------

CAPITALISED = [loc for loc in TRANSLATED if _listed(loc, "capitalised_inside")]


def test_german_lists_its_capitalised_words() -> None:
    assert {"de-DE", "it-IT"} <= set(CAPITALISED)


@pytest.mark.parametrize("locale", CAPITALISED)
def test_a_capitalised_word_the_english_holds_is_a_name_kept(locale: str) -> None:
    for word in _listed(locale, "capitalised_inside"):
        english = f"Contoso Plan {word} Seat shows the report."
        text = f"Danach zeigt Contoso Plan {word} sitz den Bericht."
        assert not _found(english, text, locale), word


@pytest.mark.parametrize("locale", CAPITALISED)
def test_every_listed_word_capitalised_inside_a_sentence_is_reported(locale: str) -> None:
    for word in _listed(locale, "capitalised_inside"):
        text = f"Danach zeigt Contoso {word} Bericht für Fabrikam."
        assert _found("Then Contoso shows the report.", text, locale), word
        # at the start of a sentence, or in lower case, it is grammar
        assert not _found("The report.", f"{word} Bericht für Fabrikam.", locale), word
        lower = f"Danach zeigt Contoso {word.lower()} Bericht."
        assert not _found("Then Contoso shows the report.", lower, locale), word


@given(
    word=st.sampled_from(_listed("de-DE", "capitalised_inside")),
    mark=st.sampled_from(["**", "„", '"', "[", "*"]),
)
@settings(max_examples=60, deadline=None)
def test_a_marked_label_or_a_title_cased_source_may_capitalise_it(word: str, mark: str) -> None:
    # markup between the words: a label that starts with the word, in bold or quotes
    text = f"Wählen Sie {mark}{word} Startseite{mark} aus."
    assert not _found("Select **Home**.", text, "de-DE")
    # an English source that capitalises a function word there too is a title
    assert not _found("See the Guide To The Portal.", f"Siehe Leitfaden {word} Portal.", "de-DE")


def test_polite_pronoun_and_code_are_no_finding() -> None:
    assert not _found("Select it.", "Wählen Sie es aus, bevor Sie Ihre Daten senden.", "de-DE")
    assert not _found("Run `a Der b`.", "Führen Sie `dann Der Befehl` aus.", "de-DE")


# --- zu before a separable verb -----------------------------------------------------------


SEPARABLE = [(loc, verb) for loc in TRANSLATED for verb in _listed(loc, "separable_verbs")]


@pytest.mark.parametrize(("locale", "verb"), SEPARABLE)
def test_zu_before_every_listed_separable_verb_is_reported(locale: str, verb: str) -> None:
    prefix, _, stem = verb.partition("|")
    marker = grammar(locale).infinitive_marker
    wrong = f"Contoso bittet Sie, den Bericht {marker} {prefix}{stem}."
    right = f"Contoso bittet Sie, den Bericht {prefix}{marker}{stem}."
    found = _found("Contoso asks you to do it.", wrong, locale)
    assert found and f"{prefix}{marker}{stem}" in found[0]
    assert not _found("Contoso asks you to do it.", right, locale)
    # the noun made of the verb is no infinitive
    noun = f"Hinweise {marker} {prefix.capitalize()}{stem}."
    assert not _found("Notes.", noun, locale)


def test_zu_before_an_inseparable_verb_or_an_adjective_is_grammar() -> None:
    for text in (
        "Um Ihre Daten zu abonnieren, wählen Sie Weiter.",
        "Weitere Informationen zu anderen Angeboten finden Sie hier.",
        "Es ist Zeit, zu antworten.",
    ):
        assert not _found("Some text.", text, "de-DE"), text


# --- a singular article before a plural name ---------------------------------------------

PLURAL = [
    (loc, article, name)
    for loc in TRANSLATED
    for article in _listed(loc, "singular_articles")
    for name in _listed(loc, "plural_names")
]


@pytest.mark.parametrize(("locale", "article", "name"), PLURAL)
def test_a_singular_article_before_a_plural_name_is_reported(
    locale: str, article: str, name: str
) -> None:
    text = f"Contoso 2031 {article} {name} Fabrikam."
    assert _found("Contoso in the United States.", text, locale)
    # the name alone, or as the first part of a hyphenated word, is no agreement
    assert not _found("Contoso in the United States.", f"Contoso: {name}.", locale)
    assert not _found("Contoso.", f"Contoso 2031 {article} {name}-Fabrikam.", locale)


# --- an indefinite article before a name -------------------------------------------------

BARE = [
    (loc, article, name)
    for loc in TRANSLATED
    for article in _listed(loc, "indefinite_articles")
    for name in _listed(loc, "bare_names")
]


@pytest.mark.parametrize(("locale", "article", "name"), BARE)
def test_an_indefinite_article_before_a_name_is_reported(
    locale: str, article: str, name: str
) -> None:
    source = "Enroll in a Partner Center program."
    assert _found(source, f"Contoso {article} {name} Fabrikam.", locale)
    assert not _found(source, f"Contoso {article} Fabrikam {name}.", locale)
    assert not _found(source, f"Contoso {article}{name} Fabrikam.".replace(" ", "_"), locale)


# --- two words glued together --------------------------------------------------------------

GLUED = [loc for loc in TRANSLATED if (locale_data(loc).get("grammar") or {}).get("glued_words")]


@pytest.mark.parametrize("locale", GLUED)
@given(
    # no i, o, u: no German noun ending (-ung, -heit, -konto) in the plain words
    first=st.text(alphabet="abcdefghjklmnprstvwz", min_size=2, max_size=8),
    second=st.text(alphabet="abcdefghjklmnprstvwz", min_size=3, max_size=8),
)
@settings(max_examples=20, deadline=None)
def test_two_words_glued_together_are_reported(locale: str, first: str, second: str) -> None:
    glued = f"{first}{second.capitalize()}"
    assert _found("Contoso and Fabrikam.", f"Contoso {glued} Fabrikam.", locale)
    assert not _found("Contoso and Fabrikam.", f"Contoso {first} {second} Fabrikam.", locale)
    # the source's own spelling (iPhone, code names), a path, code or an address is kept
    assert not _found(f"Contoso {glued}.", f"Contoso {glued} Fabrikam.", locale)
    for kept in (f"/{glued}/", f"`{glued}`", f"{glued}.md", f"[x](/{glued})"):
        assert not _found("Contoso and Fabrikam.", f"Contoso {kept} Fabrikam.", locale), kept


@pytest.mark.parametrize("locale", GLUED)
def test_a_camel_case_name_with_an_ending_is_one_word(locale: str) -> None:
    # a name of the source lower-cased with the locale's ending ("payPals"): no words glued
    assert not _found("Use FabriKam's portal.", "Contoso fabriKams Fabrikam.", locale)
    assert not _found("Use FabriKam's portal.", "Contoso fabriKamu Fabrikam.", locale)
    # a longer tail is another word glued to it
    assert _found("Use FabriKam's portal.", "Contoso fabriKamportal Fabrikam.", locale)


# --- a noun in lower case ----------------------------------------------------------------

NOUNS = [(loc, end) for loc in TRANSLATED for end in _listed(loc, "noun_endings")]


@pytest.mark.parametrize(("locale", "ending"), NOUNS)
@given(stem=st.text(alphabet="bcdfgklmnprstwz", min_size=6, max_size=12))
@settings(max_examples=15, deadline=None)
def test_a_lower_case_noun_is_reported(locale: str, ending: str, stem: str) -> None:
    noun = f"a{stem}{ending}"
    assert _found("Contoso shows it.", f"Contoso zeigt die {noun} an.", locale)
    assert not _found("Contoso shows it.", f"Contoso zeigt die {noun.capitalize()} an.", locale)
    # the English word, a path, a file or a hyphenated part is no German noun
    assert not _found(f"Contoso shows {noun}.", f"Contoso zeigt {noun} an.", locale)
    for kept in (f"/{noun}/", f"{noun}.md", f"Kunden-{noun}", f"`{noun}`"):
        assert not _found("Contoso shows it.", f"Contoso zeigt {kept} an.", locale), kept


@pytest.mark.parametrize(
    ("locale", "word"), [(loc, w) for loc in TRANSLATED for w in _listed(loc, "not_nouns")]
)
def test_a_participle_with_a_noun_ending_is_no_noun(locale: str, word: str) -> None:
    assert not _found("It is done.", f"Contoso wird {word}.", locale)


# --- a hyphen left hanging ------------------------------------------------------------------

HYPHENS = [loc for loc in TRANSLATED if _listed(loc, "hyphen_joins")]


@pytest.mark.parametrize("locale", HYPHENS)
def test_a_hyphen_left_hanging_without_a_conjunction_is_reported(locale: str) -> None:
    assert _found("Contoso and Fabrikam data", "Contoso- Fabrikamdaten", locale)
    for join in _listed(locale, "hyphen_joins"):
        assert not _found("Contoso and Fabrikam data", f"Contoso- {join} Fabrikamdaten", locale)
    # an English that parts with a dash or hangs a hyphen itself may be followed
    assert not _found("Contoso - Fabrikam data", "Contoso- Fabrikamdaten", locale)
    assert not _found("Contoso- Fabrikam data", "Contoso- Fabrikamdaten", locale)


# --- a pronoun after an infinitive that keeps its r --------------------------------------

CLITICS = [(loc, p) for loc in TRANSLATED for p in _listed(loc, "infinitive_clitics")]


@pytest.mark.parametrize(("locale", "pronoun"), CLITICS)
def test_a_pronoun_after_an_infinitive_that_keeps_its_r_is_reported(
    locale: str, pronoun: str
) -> None:
    assert _found("To make it visible.", f"Para deixar-{pronoun} visível.", locale)
    assert not _found("To make it visible.", f"Para deixá-l{pronoun} visível.", locale)
    # a link target or a hyphenated name is no pronoun
    assert not _found("See [it](a-for-a).", f"Veja [isto](ver-{pronoun}).", locale)
    assert not _found("Use it.", f"Use o ver-{pronoun}-mais.", locale)


# --- a sentence that starts with a cut clause --------------------------------------------

CUT = [(loc, form) for loc in TRANSLATED for form in _listed(loc, "cut_starts")]


@pytest.mark.parametrize(("locale", "form"), CUT)
def test_a_sentence_that_starts_with_a_cut_clause_is_reported(locale: str, form: str) -> None:
    source = "If you are not a member, you can join here."
    assert _found(source, f"{form}Contoso のメンバーです。", locale)
    assert _found(source, f"Contoso です。{form}Fabrikam です。", locale)
    # where the English is itself a fragment, the translation may be one too
    assert not _found("are not eligible", f"{form}Contoso です。", locale)
    # inside a sentence the word is grammar
    assert not _found(source, f"Contoso の{form}Fabrikam です。", locale)


# --- a plain ending amid polite prose ----------------------------------------------------

PLAIN = [(loc, end) for loc in TRANSLATED for end in _listed(loc, "plain_endings")]


@pytest.mark.parametrize(("locale", "ending"), PLAIN)
def test_a_plain_ending_amid_polite_prose_is_reported(locale: str, ending: str) -> None:
    assert _found("Try it.", f"Contoso を作成し{ending}", locale)
    assert _found("Try it.", f"Contoso を作成します。Fabrikam が読み込まれ{ending}", locale)
    for stem in _listed(locale, "polite_before"):
        assert not _found("It was done.", f"Contoso を作成{stem}{ending}", locale), stem


COLLOQUIAL = [(loc, form) for loc in TRANSLATED for form in _listed(loc, "colloquial")]


@pytest.mark.parametrize(("locale", "form"), COLLOQUIAL)
def test_a_spoken_contraction_is_reported(locale: str, form: str) -> None:
    assert _found("It has expired.", f"Contoso の期限が切れ{form}。", locale)
    # after a kanji, or followed by more kana, it is part of another word
    assert not _found("Assign it.", f"Contoso を割り当{form}、Fabrikam です。", locale)
    assert not _found("It expired.", f"期限が切れ{form}ものです。", locale)
    for word in _listed(locale, "colloquial_aside"):
        assert not _found("Never before.", f"Contoso は{word}ものです。", locale), word


@pytest.mark.parametrize("locale", LOCALES)
@given(text=st.text(max_size=200))
@settings(max_examples=40, deadline=None)
def test_any_text_never_raises(locale: str, text: str) -> None:
    assert isinstance(_found("Any source text.", text, locale), list)


# --- a sentence that ends with a preposition ----------------------------------------------

STRANDING = [loc for loc in TRANSLATED if _listed(loc, "final_prepositions")]


def test_the_languages_that_strand_no_preposition_list_theirs() -> None:
    assert {"es-ES", "fr-FR", "it-IT", "pt-BR", "pl-PL"} <= set(STRANDING)
    # German, Dutch and Swedish end sentences with a verb's particle spelled so ("an", "af")
    assert not {"de-DE", "nl-NL", "sv-SE"} & set(STRANDING)


@pytest.mark.parametrize("locale", STRANDING)
def test_a_sentence_that_ends_with_a_preposition_is_reported(locale: str) -> None:
    english = "Select the widget you work on. Then save it."
    for prep in _listed(locale, "final_prepositions"):
        for text in (f"Contoso zorvik quarzel {prep}. Fabrikam.", f"Contoso quarzel {prep}?"):
            assert _found(english, text, locale), (prep, text)


@pytest.mark.parametrize("locale", STRANDING)
def test_a_preposition_before_its_noun_or_in_a_name_or_label_is_no_finding(locale: str) -> None:
    for prep in _listed(locale, "final_prepositions"):
        for text in (
            f"Contoso zorvik {prep} Fabrikam.",  # before its noun phrase
            f"Contoso, Quarzel {prep}.",  # a name turned round ("Korea, Republic of")
            f"Contoso **zorvik {prep}**.",  # a label that ends so
            f"Contoso zorvik {prep}:",  # a list's lead-in
            f"Contoso zorvik {prep}.com",  # an address
        ):
            assert not _found("Contoso works on it.", text, locale), (prep, text)


# --- a word cut in two inside its ending ---------------------------------------------------

SPLITTING = [loc for loc in TRANSLATED if _listed(loc, "split_endings")]


def test_korean_lists_the_endings_a_space_cuts() -> None:
    assert "ko-KR" in SPLITTING


@pytest.mark.parametrize("locale", SPLITTING)
def test_a_stem_or_particle_cut_from_the_rest_of_its_word_is_reported(locale: str) -> None:
    for form in _listed(locale, "split_endings"):
        assert _found("Select it.", f"항목을 확인 {form} 저장합니다.", locale), form
        # the same syllables inside a word, or joined: no cut
        joined = form.replace(" ", "")
        assert not _found("Select it.", f"항목을 확인{joined} 저장합니다.", locale), form
        assert not _found("Select it.", f"항목을 확인{form}기 저장합니다.", locale), form
    for form in _listed(locale, "split_particles"):
        assert _found("Send it.", f"고객{form} 보냅니다.", locale), form
        assert not _found("Send it.", f"고객 {form} 보냅니다.", locale), form


# --- a name right before its verb, its particle lost -----------------------------------------

BARE_NAMES = [loc for loc in TRANSLATED if _listed(loc, "name_verb_endings")]


def test_korean_lists_the_verb_endings_after_a_name() -> None:
    assert "ko-KR" in BARE_NAMES


@pytest.mark.parametrize("locale", BARE_NAMES)
def test_a_kept_name_right_before_its_verb_is_reported(locale: str) -> None:
    english = "Use Contoso Fabrikam 365 to sign in."
    for ending in _listed(locale, "name_verb_endings"):
        text = f"Contoso Fabrikam 365 사용{ending} 로그인합니다."
        assert _found(english, text, locale), ending
        # the particle that links them, a name the English does not hold, markup between
        for other in (
            f"Contoso Fabrikam 365를 사용{ending} 로그인합니다.",
            f"Quarzel 사용{ending} 로그인합니다.",
            f"**Contoso** 사용{ending} 로그인합니다.",
            f"[Contoso](x) 사용{ending} 로그인합니다.",
        ):
            assert not _found(english, other, locale), (ending, other)
    for word in _listed(locale, "name_verb_words"):
        assert _found(english, f"Contoso Fabrikam 365 {word} 안내입니다.", locale), word
        assert not _found(english, f"Contoso Fabrikam 365에 {word} 안내입니다.", locale), word


@pytest.mark.parametrize("locale", BARE_NAMES)
def test_a_name_before_a_noun_of_one_syllable_or_a_longer_word_is_no_finding(
    locale: str,
) -> None:
    english = "Contoso roles and Contoso sales."
    # 역할 ("role") ends as a verb does; a verb's ending with a syllable after it is a noun
    for text in ("Contoso 역할 할당입니다.", "Contoso 사용하는것 안내.", "Contoso 할인 안내."):
        assert not _found(english, text, locale), text


# --- a name that opens a sentence, then a word in an oblique case ------------------------------

OBLIQUE = [loc for loc in TRANSLATED if _listed(loc, "oblique_endings")]


def test_polish_lists_the_oblique_endings() -> None:
    assert "pl-PL" in OBLIQUE


@pytest.mark.parametrize("locale", OBLIQUE)
def test_a_name_opening_a_sentence_before_an_oblique_case_is_reported(locale: str) -> None:
    english = "Contoso Fabrikam 365 widget report. Open it."
    for ending in _listed(locale, "oblique_endings"):
        word = f"zorbel{ending}"
        for text in (
            f"Contoso Fabrikam 365 {word} dziś.",
            f"**Contoso Fabrikam 365 {word}**",
            f"Otwórz go. Contoso Fabrikam 365 {word} dziś.",
            f"Raport: Contoso Fabrikam 365 {word}.",
        ):
            assert _found(english, text, locale), (ending, text)
        for text in (
            f"Otwórz Contoso Fabrikam 365 {word} dziś.",  # not at a sentence's start
            f"Contoso Fabrikam 365 {word}a dziś.",  # another ending
            f"Quarzel Fabrikam {word} dziś.",  # a name the English does not hold
        ):
            assert not _found(english, text, locale), (ending, text)
        # the English name before a function word or a verb's form in the English: no noun
        for other in ("Contoso Fabrikam 365 is a widget.", f"Contoso Fabrikam 365 {word}."):
            assert not _found(other, f"Contoso Fabrikam 365 {word} dziś.", locale), other


# --- an article of the singular before an acronym's plural -------------------------------------

NUMBERED = [loc for loc in TRANSLATED if grammar(loc).singular_articles]


def test_the_romance_locales_list_their_singular_articles() -> None:
    assert {"es-ES", "fr-FR", "it-IT", "pt-BR"} <= set(NUMBERED)
    # an article spelled as a preposition is no evidence of number ("atender a KPIs")
    assert "a" not in grammar("es-ES").singular_articles


@pytest.mark.parametrize("locale", NUMBERED)
def test_a_singular_article_before_an_acronym_s_plural_is_reported(locale: str) -> None:
    english = "Buy the QZRs and the QZR today."
    for article in sorted(grammar(locale).singular_articles):
        assert _found(english, f"Zorbel {article} QZRs hoje.", locale), article
        # the acronym in the singular, or a plural the English does not write
        assert not _found(english, f"Zorbel {article} QZR hoje.", locale), article
        assert not _found("Buy the QZR today.", f"Zorbel {article} QZRs hoje.", locale), article
        # no article right before it: a word of it (a compound), markup between
        assert not _found(english, f"Zorbel {article}QZRs hoje.", locale), article


# --- a participle or adjective of another gender or number than the word before it ------------

PAIRED = [loc for loc in TRANSLATED if grammar(loc).disagreeing_pairs]


def _pairs(locale: str) -> dict[str, list[str]]:
    data = locale_data(locale).get("grammar") or {}
    return {str(k): [str(e) for e in v] for k, v in (data.get("disagreeing_after") or {}).items()}


def test_polish_lists_the_disagreeing_pairs() -> None:
    assert "pl-PL" in PAIRED


@pytest.mark.parametrize("locale", PAIRED)
def test_a_second_word_that_disagrees_with_the_first_is_reported(locale: str) -> None:
    pairs = _pairs(locale)
    every = {ending for endings in pairs.values() for ending in endings}
    between = _listed(locale, "agreement_between")[0]
    english = "The widget was registered."
    for first, endings in pairs.items():
        head = f"zorbel{first[1:]}" if first.startswith("-") else first
        # an ending of the first word's own gender and number, which none of its list ends
        agreeing = sorted(
            e for e in every - set(endings) if not f"kwarpo{e}".endswith(tuple(endings))
        )
        for ending in endings:
            word = f"kwarpo{ending}"
            for text in (f"Ona {head} {word} dziś.", f"Ona {head} {between} {word}."):
                assert _found(english, text, locale), (first, text)
            for text in (
                f"Ona {head} {word.capitalize()} dziś.",  # a name's word
                f"Ona {head} zorbel {word} dziś.",  # an unlisted word between: another phrase
                f"Ona {head} {word}-zorbel dziś.",  # a compound
            ):
                assert not _found(english, text, locale), (first, text)
        for ending in agreeing:
            assert not _found(english, f"Ona {head} kwarpo{ending} dziś.", locale), (first, ending)


SUBJECTS = [loc for loc in PAIRED if _listed(loc, "copulas")]


@pytest.mark.parametrize("locale", SUBJECTS)
def test_a_predicate_of_another_gender_than_its_subject_s_determiner_is_reported(
    locale: str,
) -> None:
    data = locale_data(locale)["grammar"]
    copula, between = _listed(locale, "copulas")[0], _listed(locale, "agreement_between")[0]
    english = "Your widget is registered."
    for gender, determiners in data["subject_genders"].items():
        wrong = [str(e) for e in data["disagreeing_endings"][gender]]
        own = sorted({str(e) for es in data["disagreeing_endings"].values() for e in es} - {*wrong})
        for determiner in map(str, determiners):
            for ending in wrong:
                for text in (
                    f"Tak. {determiner} zorbel {copula} kwarpo{ending}.",
                    f"Tak. {determiner} zorbel nie {copula} {between} kwarpo{ending}.",
                ):
                    assert _found(english, text, locale), text
                # two words between the determiner and the copula: no longer its subject
                text = f"Tak. {determiner} zorbel quarzel {copula} kwarpo{ending}."
                assert not _found(english, text, locale), text
            for ending in own:  # the gender's own ending
                text = f"Tak. {determiner} zorbel {copula} kwarpo{ending}."
                assert not _found(english, text, locale), text


# --- a title that ends in the infinitive's marker -------------------------------------------

MARKED = [loc for loc in TRANSLATED if grammar(loc).marked_title is not None]


def test_dutch_and_german_read_a_marker_that_ends_a_title() -> None:
    assert {"de-DE", "nl-NL"} <= set(MARKED)


@pytest.mark.parametrize("locale", MARKED)
def test_a_title_that_ends_in_the_marker_and_its_verb_is_reported(locale: str) -> None:
    marker = grammar(locale).infinitive_marker
    ending = f"Zorbels quarzel {marker} flimmen"
    english = "Manage all of the zorbels"
    assert _found(english, ending, locale)
    assert _found(english, f"**{ending}**", locale)
    for text, source in (
        (f"{ending}.", "Manage all of the zorbels."),  # a sentence, no title
        (f"{ending}:", english),
        (f"Zorbels quarzel {marker} flimmen zorbel", english),  # no infinitive at the end
        (f"{marker} flimmen", english),  # the marker alone: nothing it lost
        (ending, "To manage all of the zorbels"),  # an infinitive clause in the English
    ):
        assert not _found(source, text, locale), text
    # a word that takes the marker before it: the infinitive is governed
    for governor in sorted(grammar(locale).marker_governors):
        text = f"Zorbels {governor} quarzel {marker} flimmen"
        # (a noun listed in lower case may be another rule's finding)
        found = _found(english, text, locale)
        assert not [message for message in found if "ends a title" in message], governor


# --- a name in the singular before a verb in the plural -------------------------------------

PLURAL_VERBS = [loc for loc in TRANSLATED if grammar(loc).name_plural_verb is not None]


def test_dutch_and_german_list_their_plural_verbs() -> None:
    assert {"de-DE", "nl-NL"} <= set(PLURAL_VERBS)


@pytest.mark.parametrize("locale", PLURAL_VERBS)
def test_a_name_before_a_verb_in_the_plural_is_reported(locale: str) -> None:
    english = "Contoso Hub can help. ZorbelX can help."
    pronoun = sorted(grammar(locale).subject_pronouns)[0]
    for verb in _listed(locale, "plural_verbs"):
        for text in (
            f"Contoso Hub {verb} quarzel.",
            f"Zorbel quarzel. ZorbelX {verb} quarzel.",
            f"**Contoso Hub** {verb} quarzel.",
        ):
            assert _found(english, text, locale), text
        for text, source in (
            (f"Zorbel Contoso Hub {verb} quarzel.", english),  # no sentence's start
            (f"Contoso Hub {verb} {pronoun} quarzel.", english),  # fronted: a subject after
            (f"Contoso Hubs {verb} quarzel.", "Contoso Hubs can help."),  # an English plural
            (f"Zorbel {verb} quarzel.", "Zorbel can help."),  # an ordinary word
            (f"Quarzel Hub {verb} quarzel.", english),  # a name the English does not hold
        ):
            assert not _found(source, text, locale), text
