"""Placement by the page's own rendering of a label: bold or a link that holds the page's
usual translation and words of the sentence beside it, or only part of it. Invented
sentences: `zq` words are no word of any language; the CJK labels are invented too."""

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

from .conftest import ROOT

MD = markdown_parser()
PLACEMENT = next(check for check in CHECKS if check.id == "placement")
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
WORD = st.text("bcdfghjklmnpqrstvwxz", min_size=3, max_size=8).map(lambda w: f"zq{w}")


def _page(pairs: list[tuple[str, str]], locale: str) -> list[str]:
    assert PLACEMENT.entries is not None
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [f"{e.line}: {m}" for e, m in PLACEMENT.entries(entries, ctx)]


def _usual(label: str) -> list[tuple[str, str]]:
    """Two messages that bold the label one way: the page's usual translation."""
    return [
        ("Select **Ledger totals**.", f"Zqkies **{label}**."),
        ("Then select **Ledger totals** again.", f"Zqdan zqkies **{label}** zqweer."),
    ]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LOCALES), WORD, WORD, WORD)
def test_bold_that_took_in_a_word_beside_the_usual_translation_is_reported(
    locale: str, first: str, second: str, verb: str
) -> None:
    label = f"{first} {second}"
    pairs = [*_usual(label), ("Select **Ledger totals** to sum.", f"Zqom **{verb} {label}**.")]
    found = _page(pairs, locale)
    assert len(found) == 1 and found[0].startswith("3: ") and repr(verb) in found[0], found


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LOCALES), WORD, WORD, WORD)
def test_bold_on_part_of_the_usual_translation_is_reported(
    locale: str, first: str, second: str, rest: str
) -> None:
    label = f"{first} {second}"
    pairs = [*_usual(label), ("Select **Ledger totals** to sum.", f"{first} **{second}** {rest}.")]
    found = _page(pairs, locale)
    assert len(found) == 1 and found[0].startswith("3: ") and "only part" in found[0], found


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("[ゾル **グ設定] を選択します**", "only part"),  # starts inside it, takes the verb
        ("**次に、ゾルグ設定を** 選択します", "took in"),  # "then" and the particle
    ],
)
def test_a_cjk_span_across_or_beyond_the_usual_translation_is_reported(
    text: str, what: str
) -> None:
    pairs = [*_usual("ゾルグ設定"), ("Select **Ledger totals** to sum.", text)]
    found = _page(pairs, "ja-JP")
    assert len(found) == 1 and what in found[0], found


@pytest.mark.parametrize(
    "third",
    [
        ("Select **Ledger totals** to sum.", "Zqom **zqledger zqtotaal**."),  # in place
        ("Select **Ledger totals** to sum.", "Zqom **de zqledger zqtotaal**."),  # article
        ("Select **Ledger totals** to sum.", "Zqom **zqledger zqtotaalen**."),  # a form
        ("Select **Ledger totals**, not ledger totals.", "Zqom **zqa zqledger** zqtotaal."),
    ],
)
def test_the_usual_translation_in_place_or_unclear_evidence_is_left_alone(
    third: tuple[str, str],
) -> None:
    """The span holds the usual words (an article at its edge is the label's); a longer
    word is another form, not a neighbour; the source has the label outside its span."""
    assert _page([*_usual("zqledger zqtotaal"), third], "nl-NL") == []


def test_a_form_the_page_uses_twice_is_left_alone() -> None:
    pairs = [
        *_usual("zqledger zqtotaal"),
        *_usual("zqkies zqledger zqtotaal"),
        ("Select **Ledger totals**.", "Zqkies **zqledger zqtotaal**."),
    ]
    assert _page(pairs, "nl-NL") == []


# --- placement: bold that runs on past the colon of its label -----------------------------


def _colon(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if "past the colon" in m]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(LOCALES), WORD, WORD, WORD)
def test_bold_past_the_colon_of_its_label_is_reported(
    locale: str, label: str, verb: str, rest: str
) -> None:
    for source in ("**Ledger name:** Enter a name.", "**Ledger name**: Enter a name."):
        assert _colon(source, f"**{label}: {verb}** {rest}.", locale)
        assert _colon(source, f"**{label}\uff1a{verb}** {rest}.", locale)  # full-width colon


def test_a_whole_bold_message_is_no_label_before_a_colon() -> None:
    """No colon after the English bold, none in it: a colon of the translation's own."""
    assert _colon("**Ledger totals by zone**", "**Zqgrootboek: zqtotalen**", "nl-NL") == []


@pytest.mark.parametrize(
    "text",
    [
        "**Zqnaam:** Zqvoer zqnaam.",  # in place
        "**Zqnaam**: Zqvoer zqnaam.",  # the colon outside, the label bold
        "**Zqstap 1: Zqnaam:** Zqvoer zqnaam.",  # a colon of the translation's own inside
    ],
)
def test_bold_that_ends_at_its_colon_is_left_alone(text: str) -> None:
    assert _colon("**Ledger name:** Enter a name for the ledger.", text, "nl-NL") == []


def test_an_english_bold_with_a_colon_inside_is_no_evidence() -> None:
    source = "**Step 1: Ledger name:** Enter a name."
    assert _colon(source, "**Zqstap 1: Zqnaam: Zqvoer** zqnaam.", "nl-NL") == []


# --- placement: bold that took in the noun of its control, or a filler --------------------


def _listed(locale: str, key: str) -> list[str]:
    words = locale_data(locale).get(key) or []
    return sorted(str(w) for w in words)


NOUNS = [(loc, w) for loc in LOCALES for w in _listed(loc, "label_nouns")[:2]]
FILLERS = [(loc, w) for loc in LOCALES for w in _listed(loc, "label_fillers")]


def _taken(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if "takes in" in m]


@pytest.mark.parametrize(("locale", "noun"), NOUNS)
def test_bold_that_took_in_the_noun_of_its_control_is_reported(locale: str, noun: str) -> None:
    source = "Go to the **Ledger** page, then the **Ledger** tab."
    assert _taken(source, f"Zqga **{noun} Zqledger**, zqdan **Zqledger**.", locale)
    assert not _taken(source, f"Zqga {noun} **Zqledger**, zqdan **Zqledger**.", locale)


@pytest.mark.parametrize(("locale", "noun"), NOUNS)
def test_a_noun_the_english_bold_holds_or_does_not_say_is_left_alone(
    locale: str, noun: str
) -> None:
    assert not _taken("Go to **Ledger page** now.", f"Zqga **{noun} Zqledger** zqnu.", locale)
    assert not _taken("Go to **Ledger** now.", f"Zqga **{noun} Zqledger** zqnu.", locale)


def _alone(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if "only the noun" in m]


@pytest.mark.parametrize(("locale", "noun"), NOUNS)
def test_bold_on_the_control_noun_alone_is_reported(locale: str, noun: str) -> None:
    assert _alone("Open the **Ledger** page now.", f"Zqopen de **{noun}** Zqledger zqnu.", locale)
    assert not _alone("Open the **Ledger** page now.", f"Zqopen de {noun} **Zqledger**.", locale)
    # the English bold names the kind itself, or the English says no kind
    assert not _alone("Open the **Ledger page** now.", f"Zqopen **{noun}** Zqledger.", locale)
    assert not _alone("Open **Ledger** now.", f"Zqopen de **{noun}** Zqledger zqnu.", locale)
    # a label the locale translates as such a noun, the kind's noun beside it
    menu = "Open the **Ledger** menu now."
    assert not _alone(menu, f"Zqopen de {noun} **{noun}** zqnu.", locale)


@pytest.mark.parametrize(("locale", "filler"), FILLERS)
def test_bold_that_took_in_a_filler_is_reported(locale: str, filler: str) -> None:
    assert _taken("Select **Ledger**.", f"Zqkies **{filler} Zqledger**.", locale)
    assert not _taken("Select **Ledger**.", f"Zqkies {filler} **Zqledger**.", locale)
    assert not _taken("Select **Ledger item**.", f"Zqkies **{filler} Zqledger**.", locale)


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("sv-SE", "I **listrutan Zqledger** väljer du en rad.", True),
        ("it-IT", "Selezionare una riga **dall'elenco Zqledger**.", True),
        ("sv-SE", "I listrutan **Zqledger** väljer du en rad.", False),
    ],
)
def test_bold_that_took_in_a_drop_down_list_is_reported(
    locale: str, text: str, found: bool
) -> None:
    """The English names the control with two words ("drop-down list") or one ("dropdown")."""
    for source in (
        "From the **Ledger** drop-down list, pick a row.",
        "In the **Ledger** dropdown, pick a row.",
    ):
        assert bool(_taken(source, text, locale)) is found


def test_a_label_whose_translation_opens_with_a_control_noun_is_left_alone() -> None:
    """French "tableau de bord" is the Dashboard label itself, no table taken in."""
    source = "From the **Dashboard** menu, select **Customers**."
    assert not _taken(
        source, "Dans le menu **Tableau de bord**, sélectionnez **Clients**.", "fr-FR"
    )


@pytest.mark.parametrize(("locale", "noun"), NOUNS)
def test_a_label_translated_as_a_control_noun_and_its_modifier_is_left_alone(
    locale: str, noun: str
) -> None:
    """ "**Strona główna**" ("main page") for "the **Home** option": the label's own words."""
    source = "Select the **Zqhome** option on the map."
    assert not _taken(source, f"Zqkies **{noun} zqglowna** zqop zqmap.", locale)
    # the label's own word beside the noun, or its cognate, or a control named with two
    # words the bold may hold ("drop-down list") is the noun taken in
    assert _taken(source, f"Zqkies **{noun} Zqglowna** zqop zqmap.", locale)
    assert _taken(source, f"Zqkies **{noun} zqhomes** zqop zqmap.", locale)
    listed = "From the **Zqhome** drop-down list, pick a row."
    assert _taken(listed, f"Zqkies **{noun} zqglowna** zqop zqmap.", locale)


def test_every_locale_with_label_nouns_is_paired_with_english_ones() -> None:
    assert {"page", "tab", "button", "option", "menu", "list"} <= set(_listed("en", "label_nouns"))
    assert {"table", "drop", "dropdown", "form", "wizard", "screen"} <= set(
        _listed("en", "label_nouns")
    )
    assert FILLERS and all(w == w.casefold() for _, w in NOUNS + FILLERS)


# --- placement: a CJK span that ends with the sentence's case particle ---------------------


def _particle(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if "particle" in m]


PARTICLES = [(loc, w) for loc in LOCALES for w in _listed(loc, "span_particles")]


@pytest.mark.parametrize(("locale", "particle"), PARTICLES)
def test_a_span_that_ends_with_a_case_particle_is_reported(locale: str, particle: str) -> None:
    label = "ゾルグ設定" if locale.startswith("ja") else "졸그 설정"
    spaced = f"**[{label}] {particle}**"  # the label's brackets and a space before it
    assert _particle("Select **Zorg settings** now.", f"{spaced} 선택합니다.", locale)
    for mark in ("**{}**", "[{}](x.md)"):
        source = f"Select {mark.format('Zorg settings')} now."
        assert _particle(source, f"{mark.format(label + particle)} 선택합니다.", locale)
        assert not _particle(source, f"{mark.format(label)}{particle} 선택합니다.", locale)


@pytest.mark.parametrize(("locale", "particle"), PARTICLES)
def test_a_latin_label_with_a_particle_inside_its_span_is_reported(
    locale: str, particle: str
) -> None:
    for label in ("ZQL", "Zorg 7", "ZQL (Zorg)"):
        source = f"Select **{label}** now."
        assert _particle(source, f"**{label}{particle}** 선택합니다.", locale)
        assert not _particle(source, f"**{label}**{particle} 선택합니다.", locale)


@pytest.mark.parametrize(("locale", "particle"), PARTICLES)
def test_a_span_of_the_whole_text_may_end_with_a_particle(locale: str, particle: str) -> None:
    assert not _particle("**Zorg settings**", f"**졸그 설정{particle}**", locale)


def test_only_the_locales_with_particles_read_them() -> None:
    assert {loc[:2] for loc, _ in PARTICLES} == {"ja", "ko"}
    assert not _particle("Select **Zorg** now.", "Zqkies **zqzorgを** zqnu.", "nl-NL")


# --- placement: a span that starts or ends inside brackets --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[ **ゾルグ設定] を** 選択します。",
        "Zqkies **Zqledger (zqtotaal** zqsom).",
        "Zqkies (zqzie **zqonder) Zqledger**.",
    ],
)
def test_a_span_across_brackets_is_reported(text: str) -> None:
    found = _placement_messages("Select **Ledger** (see below).", text)
    assert any("one bracket of a pair" in m for m in found), found


@pytest.mark.parametrize(
    "text",
    [
        "**[ゾルグ設定]** を選択します。",
        "Zqkies **Zqledger (zqtotaal)** zqsom.",
        "Zqkies **Zqledger** (zq).",
    ],
)
def test_brackets_paired_inside_or_outside_are_left_alone(text: str) -> None:
    found = _placement_messages("Select **Ledger** (see below).", text)
    assert not any("bracket" in m for m in found), found


def test_an_english_span_with_one_bracket_is_no_evidence() -> None:
    found = _placement_messages("Select **Step 1)** now.", "Zqkies **Zqstap 1)** zqnu.")
    assert not any("bracket" in m for m in found), found


def _placement_messages(source: str, text: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext("ja-JP", locale_glossary(None, "ja-JP"), MD)
    return list(PLACEMENT.func(entry, ctx))


# --- placement: a link that took in the sentence's "see" ----------------------------------


def _see(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if 'sentence\'s "see"' in m]


SEE = [(loc, w) for loc in LOCALES for w in _listed(loc, "see_verbs")]


@pytest.mark.parametrize(("locale", "verb"), SEE)
def test_a_link_that_took_in_the_verb_see_is_reported(locale: str, verb: str) -> None:
    source = "For details, see [Zorg ledger totals](x.md)."
    assert _see(source, f"졸그 [졸그 합계 {verb}](x.md).", locale)
    assert _see(source, f"졸그 [졸그 합계 {verb}.](x.md)", locale)  # its full stop too
    assert not _see(source, f"졸그 [졸그 합계](x.md) {verb}.", locale)


@pytest.mark.parametrize(("locale", "verb"), SEE)
def test_a_link_whose_english_says_see_or_learn_may_end_with_it(locale: str, verb: str) -> None:
    for english in ("Learn more", "here", "See the zorg ledger"):
        assert not _see(f"[{english}](x.md) about zorgs.", f"[졸그 {verb}](x.md)", locale)
    # the link moved onto the verb alone: the English link names no verb either
    assert _see("See [Zorg ledger totals](x.md).", f"졸그 합계 [{verb}](x.md)", locale)


def test_only_wide_locales_list_a_see_verb_and_english_its_own() -> None:
    assert SEE and {"see", "learn", "read", "here"} <= set(_listed("en", "see_verbs"))


SEE_FIRST = [(loc, w) for loc in LOCALES for w in _listed(loc, "see_verbs_first")]


@pytest.mark.parametrize(("locale", "verb"), SEE_FIRST)
def test_a_link_that_opens_with_the_verb_see_is_reported(locale: str, verb: str) -> None:
    source = "For details, see [Zorg ledger totals](x.md)."
    gap = "" if ord(verb[-1]) > 0x2E80 else " "
    assert _see(source, f"Zorg, [{verb}{gap}Zorg ledger](x.md).", locale)
    assert _see(source, f"Zorg zorg, [zorg, {verb}{gap}Zorg ledger](x.md).", locale)
    assert not _see(source, f"Zorg, {verb}{gap}[Zorg ledger](x.md).", locale)
    # the English link says see or learn itself; a word that only starts like the verb
    assert not _see("[See Zorg ledger](x.md).", f"[{verb}{gap}Zorg ledger](x.md).", locale)
    if gap:
        assert not _see(source, f"Zorg, [{verb}zorg ledger](x.md).", locale)


def test_spaced_locales_list_a_see_verb_that_opens_a_link() -> None:
    assert {loc for loc, _ in SEE_FIRST} >= {"pl-PL", "es-ES", "it-IT", "pt-BR"}


def _listed_as_written(locale: str, key: str) -> list[str]:
    words = locale_data(locale).get(key)
    return [str(w) for w in words] if isinstance(words, list) else []


SUBJECTS = [(loc, w) for loc in LOCALES for w in _listed_as_written(loc, "span_subjects")]


@pytest.mark.parametrize(("locale", "pronoun"), SUBJECTS)
def test_a_span_that_took_in_the_subject_after_its_verb_is_reported(
    locale: str, pronoun: str
) -> None:
    def opens(source: str, text: str, edge: bool = False) -> list[str]:
        entry = Entry(Message(source, text, lineno=1))
        ctx = MessageContext(locale, locale_glossary(None, locale), MD)
        found = list(PLACEMENT.func(entry, ctx))
        # a pronoun in lower case at the start is the edge rule's function word
        also = f"function word {pronoun!r} at its start" if edge else "the subject of"
        return [m for m in found if "the subject of" in m or also in m]

    assert opens("Select **Zorg ledger** now.", f"Zorgen **{pronoun} Zorg ledger** jetzt.", True)
    assert opens("See [Zorg ledger](x.md).", f"Zorgen [{pronoun} Zorg ledger](x.md).", True)
    # the whole imperative in the span, a span opening the message, English "you" inside
    assert not opens("[Select Zorg](x.md) now.", f"[Zorgen {pronoun} Zorg](x.md) jetzt.")
    assert not opens("**Select Zorg** now.", f"**{pronoun} Zorg** jetzt.")
    assert not opens("So **you can zorg**.", f"Zorgen **{pronoun} zorgen**.")
    # second, after its verb in lower case: bold, not a link's clause
    assert opens("Then select **Zorg ledger**.", f"Dan, **zorgt {pronoun} Zorg ledger**.")
    assert not opens("See [how to zorg](x.md).", f"Zie [hoe {pronoun} zorgt](x.md).")
    assert not opens("**Zorg ledger** now.", f"**zorgt {pronoun} Zorg ledger** nu.")


#: Particles that are prepositions too (the function words a span's edge is read for).
VERB_PARTICLES = [
    (loc, w)
    for loc in LOCALES
    for w in [p for p in _listed(loc, "verb_particles") if p in _listed(loc, "function_words")][:3]
]


def _edge(source: str, text: str, locale: str) -> list[str]:
    entry = Entry(Message(source, text, lineno=1))
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return [m for m in PLACEMENT.func(entry, ctx) if "at its end" in m]


@pytest.mark.parametrize(("locale", "particle"), VERB_PARTICLES)
def test_a_separable_verbs_particle_closing_the_spans_own_clause_is_left_alone(
    locale: str, particle: str
) -> None:
    """ "[Neem contact op](x)" for "[Contact Support](x)": the verb and its particle."""
    source = "[Zqcontact zqsupport](x) for zqhelp."
    assert not _edge(source, f"[Zqneem zqcontact {particle}](x) zqmet zqhulp.", locale)
    # the verb before the span ("select **Submit**" as "wählen Sie **Senden aus.**"), or a
    # preposition that governs the noun phrase after it, is a neighbour taken in
    assert _edge(source, f"Zqkies zqu [Zqneem zqcontact {particle}](x) zqmet.", locale)
    article = {"de": "der", "nl": "het"}[locale[:2]]
    assert _edge(source, f"[Zqneem zqcontact {particle}](x) {article} zqhulp.", locale)
