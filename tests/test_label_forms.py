"""One translation of a label or two (checks/forms.py), as `consistency` and
`label-spelling` read it: inflected forms, function words, capitalisation and bold spread
over a neighbour are one translation; two different words stay two, in every locale.

Every fixture is invented: made-up words of the pattern, not a corpus sentence."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.forms import has_form, one_translation, one_verb, same_word
from sunsetkit.checks.glossary import check_consistency, locale_glossary
from sunsetkit.checks.labels import check_label_spelling
from sunsetkit.checks.words import frame_words, unglued, verb_suffixes

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)
#: Invented words: letters no locale's function words are made of alone.
STEMS = st.text("bcdfgklmnprstvz", min_size=4, max_size=9).map(lambda s: "q" + s)
ENDINGS = st.text("aeiouyn", min_size=0, max_size=3)


def _ctx(locale: str) -> MessageContext:
    return MessageContext(locale, locale_glossary(None, locale), MD)


def _words(locale: str) -> frozenset[str]:
    return conventions(locale).function_words


def _consistency(
    pairs: list[tuple[str, str]], locale: str = "de-DE", roles: bool = True
) -> list[int]:
    """The lines `consistency` reports, each pair a segment of a page (its own id)."""
    entries = [
        Entry(Message(source, text, lineno=line, context=f"s{line}"))
        for line, (source, text) in enumerate(pairs, 1)
    ]
    return sorted(entry.line or 0 for entry, _ in check_consistency(entries, _ctx(locale), roles))


def _spelling(pairs: list[tuple[str, str]], locale: str = "de-DE") -> list[int]:
    entries = [
        Entry(Message(source, text, lineno=line)) for line, (source, text) in enumerate(pairs, 1)
    ]
    return sorted(entry.line or 0 for entry, _ in check_label_spelling(entries, _ctx(locale)))


# --- the comparison -------------------------------------------------------------------


@given(STEMS, ENDINGS, ENDINGS)
def test_two_endings_of_one_stem_are_one_word(stem: str, one: str, other: str) -> None:
    assert same_word(stem + one, stem + other)


@given(STEMS, STEMS)
def test_two_stems_are_two_words(one: str, other: str) -> None:
    # the stems differ from their second letter on, beyond what an ending may change
    if one[1] != other[1]:
        assert not same_word(one, other)


@pytest.mark.parametrize("locale", LOCALES)
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(STEMS, ENDINGS, ENDINGS), min_size=1, max_size=3))
def test_inflected_word_for_word_is_one_translation(
    locale: str, words: list[tuple[str, str, str]]
) -> None:
    first = " ".join(stem + a for stem, a, _ in words)
    second = " ".join(stem + b for stem, _, b in words).capitalize()
    assert one_translation(first, second, "Open the thing", _words(locale))


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if _words(loc)])
def test_function_words_inside_a_label_do_not_make_it_another(locale: str) -> None:
    a, b = sorted(_words(locale))[:2]
    first, second = f"Qzarv {a} qlintor", f"qzarv {b} Qlintor"
    assert one_translation(first, second, "Thing of things", _words(locale))
    assert not one_translation("Qzarv qlintor", "Qzarv qmorbek", "Thing list", _words(locale))


def test_bold_spread_over_two_different_neighbours_is_one_translation() -> None:
    words = _words("sv-SE")
    # the label's one word, bold taking in the word before in one use, after in another
    assert one_translation("qvarnet Qlintor", "Qlintor-qsidan", "Report", words)
    # an English name kept with different neighbours: still the name, kept
    assert one_translation("qvarnet Contoso", "Contoso-qsidan", "Contoso", words)
    # a part of a name shared by two translations does not make them one
    assert not one_translation(
        "Contoso Hub qsynken", "Sync with Contoso Hub", "Sync with Contoso Hub", words
    )
    # one word of two shared, the other different: two translations
    assert not one_translation("Qneue Qanfrage", "qneue Qanforderung", "New request", words)


def test_a_message_holds_a_form_of_a_spelling() -> None:
    words = _words("pl-PL")
    assert has_form(
        "Qotwórz kreator **Qtworzenia qoferty** qzakupu.", "Qtworzenie qoferty qzakupu", words
    )
    assert not has_form("Qotwórz kreator **Qtworzenia** teraz.", "Qtworzenie qoferty", words)


# --- consistency over a page -----------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_one_label_spelled_two_ways_stays_reported(locale: str) -> None:
    pairs = [
        (f"Select **Save draft** now {n}.", f"Qq **Qentwurf qspeichern** {n}.") for n in range(3)
    ]
    pairs.append(("Select **Save draft** again.", "Qq **Qentwurf qsichern** qq."))
    assert _consistency(pairs, locale) == [4]
    assert _spelling(pairs, locale) == [4]


@pytest.mark.parametrize("locale", LOCALES)
def test_inflected_uses_of_a_label_are_not_reported(locale: str) -> None:
    forms = [
        "Qdodatkowe qzasoby",
        "qdodatkowych qzasobach",
        "Qdodatkowe qzasoby",
        "qdodatkowym qzasobom",
    ]
    pairs = [
        (f"See **Extra sources** here {n}.", f"Qq **{form}** {n}.") for n, form in enumerate(forms)
    ]
    assert _consistency(pairs, locale) == []
    assert _spelling(pairs, locale) == []


def test_a_heading_and_a_bold_label_are_two_roles_on_a_page() -> None:
    # the heading a noun, the button in a sentence an imperative: grammar, no defect
    pairs = [
        ("Reassign licenses", "Qponowne qprzypisanie qlicencji"),
        ("Select **Reassign licenses**.", "Qwybierz **Qprzypisz qlicencje**."),
        ("Then select **Reassign licenses**.", "Qpotem **Qprzypisz qlicencje**."),
    ]
    assert _consistency(pairs, "pl-PL") == []
    # in a catalog, the two are compared: a context (msgctxt) tells roles apart there
    assert _consistency(pairs, "pl-PL", roles=False) == [1]


def test_a_cell_left_in_english_is_reported_across_roles() -> None:
    pairs = [
        ("Description", "Description"),
        ("Read the **Description** first.", "Qläs **Qbeskrivning** qförst."),
        ("Then edit the **Description**.", "Qsedan **Qbeskrivning** qq."),
    ]
    assert _consistency(pairs, "sv-SE") == [1]


def test_cells_of_one_role_translated_two_ways_are_reported() -> None:
    pairs = [("Required", "Qobligatorisk"), ("Required", "Qobligatorisk"), ("Required", "Qkrävs")]
    assert _consistency(pairs, "sv-SE") == [3]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_english_label_kept_with_a_gloss_is_no_second_spelling(locale: str) -> None:
    # the locale's convention "English (gloss)": the gloss explains, it is no label
    pairs = [
        (f"Select **Payment method** {n}.", f"Qq **Qformy qpłatności** {n}.") for n in range(2)
    ]
    pairs.append(("Select **Payment method** now.", "Qq **Payment method (Qmetoda qpłatności)**."))
    assert _consistency(pairs, locale) == []
    pairs.append(("Select **Payment method** later.", "Qq **Payment method** qq."))
    assert _consistency(pairs, locale) == [4]


@pytest.mark.parametrize("locale", LOCALES)
def test_bold_moved_wholly_onto_another_word_leaves_the_label_alone(locale: str) -> None:
    # the label's word stands outside the bold, the bold on a word of the sentence: the
    # placement defect; the one translated use is then no second spelling of anything
    pairs = [
        ("Select the **Referrals** option.", "Qq **qopción Qreferrals** qq."),
        ("Then select **Referrals** in the menu.", "Qq **qconfiguradas** qq Qreferrals qq."),
    ]
    assert _consistency(pairs, locale) == []
    other = [*pairs, ("Open **Referrals** again.", "Qq **Qempfehlungen** qq.")]
    assert 3 in _consistency(other, locale)


def test_english_kept_is_reported_only_against_a_translation_used_more() -> None:
    pairs = [
        ("Details", "Details"),
        ("Read the **Details** first.", "Qlies **Qinformationen** qzuerst."),
    ]
    assert _consistency(pairs, "de-DE") == []  # one against one: no evidence
    pairs.append(("Then read the **Details**.", "Qdann **Qinformationen** qq."))
    assert _consistency(pairs, "de-DE") == [1]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_translation_beside_more_uses_kept_in_english_is_not_reported(locale: str) -> None:
    # the page keeps the label in English more often than it translates it: the one
    # translated use is no wrong spelling (the kept ones are English left, or the locale's
    # own word); a name's translation (a brand word in it) stays reported
    pairs = [("Overview", "Overview"), ("Overview", "Overview"), ("Overview", "Qübersicht")]
    assert _consistency(pairs, locale) == []
    named = [(s.replace("Overview", "Azure Overview"), t) for s, t in pairs]
    named = [(s, t.replace("Overview", "Azure Overview")) for s, t in named]
    assert _consistency(named, locale) == [3]


@pytest.mark.parametrize("locale", LOCALES)
def test_two_renderings_each_used_again_and_again_alike_are_not_reported(locale: str) -> None:
    # no side is the wrong one where the page settled on both equally
    pairs = [("Charge date", "Qgebührdatum"), ("Charge date", "Qkostendatum")] * 2
    assert _consistency(pairs, locale) == []
    # one use each, or one rendering half in English, still has a wrong side
    assert _consistency(pairs[:2], locale) == [1, 2]
    half = [(s, t.replace("Qkostendatum", "Charge Qdatum")) for s, t in pairs]
    assert _consistency(half, locale) == [1, 2, 3, 4]


def test_a_label_the_locale_writes_with_the_english_word_is_no_english_left() -> None:
    pairs = [
        ("Exclusive", "Exclusive"),
        ("Mark it **Exclusive** now.", "Qmarquez **qexclusives** qq."),
        ("Then mark it **Exclusive**.", "Qpuis **qexclusives** qq."),
    ]
    pairs = [(s, t.replace("qexclusives", "exclusives")) for s, t in pairs]
    assert _consistency(pairs, "fr-FR") == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_span_moved_wholly_off_the_label_is_no_second_spelling(locale: str) -> None:
    usual = [(f"Open the **Status** list {n}.", f"Qq **Qstatus qlista** {n} qq.") for n in range(2)]
    # a word of the usual spelling (in another form) outside, none inside the span
    moved = ("Read the **Status** list.", "Qq **qförklaras** qq qlistan.")
    other = ("Check the **Status** list.", "Qq **Qtillstånd** qq.")
    assert _spelling([*usual, moved], locale) == []
    assert _spelling([*usual, moved, other], locale) == [4]


def test_a_span_that_starts_with_a_particle_is_no_label() -> None:
    # Japanese: bold or a link that begins with a hiragana particle moved onto grammar
    words = _words("ja-JP")
    particle = next(w for w in sorted(words) if all("\u3040" <= c <= "\u309f" for c in w))
    pairs = [(f"Select **User rights** {n}.", f"「**権限管理**」を選択 {n}。") for n in range(2)]
    pairs.append(("Then select **User rights**.", f"次に権限管理 **{particle}選択します**。"))
    assert _consistency(pairs, "ja-JP") == []
    assert _spelling(pairs, "ja-JP") == []


def test_a_cjk_span_beside_the_usual_spelling_is_moved() -> None:
    pairs = [(f"Select **User rights** {n}.", f"选择 **用户权限** {n}。") for n in range(2)]
    pairs.append(("Select **User rights** from the menu.", "从 **左侧菜单** 中选择“用户权限”。"))
    assert _spelling(pairs, "zh-CN") == []
    pairs.append(("Select **User rights** again.", "再次选择 **用户许可**。"))
    assert _spelling(pairs, "zh-CN") == [4]


def test_a_cognate_held_in_a_spread_span_is_one_translation() -> None:
    # "historia" is like "history" but no copy of the English: the span took in neighbours
    words = _words("pl-PL")
    assert one_translation("Historia", "pozycję Historia zamówień", "Order history", words)
    assert not one_translation("Historia", "Rejestr zamówień", "Order history", words)


@pytest.mark.parametrize("locale", LOCALES)
@settings(max_examples=20, deadline=None)
@given(near=STEMS, neighbour=STEMS, first=STEMS, second=STEMS, other=STEMS)
def test_bold_that_cuts_the_label_in_two_is_no_second_spelling(
    locale: str, near: str, neighbour: str, first: str, second: str, other: str
) -> None:
    # the usual span took one neighbour, this one another and left the label's last word
    # outside: the message still holds the usual span's run of the label's words, the
    # span a shorter one (no shared edge: not the shifted span of words.py)
    stems = (near, neighbour, first, second, other)
    if any(same_word(a, b) for i, a in enumerate(stems) for b in stems[i + 1 :]):
        return
    usual = [
        (f"See the **Export data** list {n}.", f"Qq **{near} {first} {second}** {n}.")
        for n in range(2)
    ]
    cut = ("The **Export data** page.", f"Qq **{neighbour} {first}** {second} qq.")
    assert _consistency([*usual, cut], locale) == []
    assert _spelling([*usual, cut], locale) == []
    # a span holding another translation, nothing of the usual one outside: still reported
    another = ("Then **Export data** again.", f"Qq **{other} {neighbour}** qq.")
    assert 4 in _consistency([*usual, cut, another], locale)


# --- round 4: the kept identifier, the gloss, the page's usual one, a neighbour glued ---


@pytest.mark.parametrize("locale", LOCALES)
@settings(max_examples=10, deadline=None)
@given(head=STEMS, tail=STEMS, word=STEMS, other=STEMS)
def test_an_identifier_kept_in_english_is_the_labels_translation(
    locale: str, head: str, tail: str, word: str, other: str
) -> None:
    # a field's name (CamelCase) kept in English is right, however often it is translated
    field = head.capitalize() + tail.capitalize()
    pairs = [(f"Read **{field}** {n}.", f"Qq **{word} {other}** {n}.") for n in range(2)]
    pairs.append((f"Then read **{field}**.", f"Qq **{field}** qq."))
    assert _consistency(pairs, locale) == [1, 2]
    # a label of words kept in English where two uses translate it stays reported
    words = [(s.replace(field, "Save draft"), t.replace(field, "Save draft")) for s, t in pairs]
    assert _consistency(words, locale) == [3]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("opening", ["(", "\uff08", ": ("])
def test_english_kept_with_a_gloss_after_the_bold_is_no_spelling(locale: str, opening: str) -> None:
    # "**Dispute** (Qwidersprechen)": the English label kept, the locale's words beside it
    pairs = [(f"Select **Dispute** {n}.", f"Qq **Qkonflikt** {n}.") for n in range(2)]
    pairs.append(("Then select **Dispute**.", f"Qq **Dispute**{opening}Qwidersprechen) qq."))
    assert _consistency(pairs, locale) == []
    pairs.append(("Select **Dispute** again.", "Qq **Dispute** qq."))
    assert _consistency(pairs, locale) == [4]


@pytest.mark.parametrize("locale", LOCALES)
@settings(max_examples=10, deadline=None)
@given(first=STEMS, second=STEMS, third=STEMS, moved=STEMS)
def test_of_two_translations_used_once_the_one_the_page_holds_is_the_labels(
    locale: str, first: str, second: str, third: str, moved: str
) -> None:
    # the bold of a third use moved off the label, its words left beside it: that page's
    # usual translation is the label's, only the other one is reported
    stems = (first, second, third, moved)
    if any(same_word(a, b) for i, a in enumerate(stems) for b in stems[i + 1 :]):
        return
    pairs = [
        ("Select **Save draft** now.", f"Qq **{first} {second}** qq."),
        ("Select **Save draft** later.", f"Qq **{first} {third}** qq."),
        ("Then select **Save draft** again.", f"Qq {first} {second} **{moved}** qq."),
    ]
    assert _consistency(pairs, locale) == [2]
    # without that evidence, each is reported
    assert _consistency(pairs[:2], locale) == [1, 2]


@pytest.mark.parametrize("locale", LOCALES)
@settings(max_examples=10, deadline=None)
@given(label=STEMS, neighbour=STEMS, other=STEMS)
def test_bold_that_glued_the_english_neighbour_to_the_label_is_no_spelling(
    locale: str, label: str, neighbour: str, other: str
) -> None:
    # "the **Owner** status" as "**Besitzerstatus**" beside "**Besitzer**": the bold took
    # in the word the English has beside its bold; the placement checks' defect
    if any(same_word(a, b) for a, b in ((label, neighbour), (label, other), (neighbour, other))):
        return
    if label in other or other in label:
        return  # the other word a compound of the label's: the glued case itself
    usual = [(f"Select **Owner** {n}.", f"Qq **{label.capitalize()}** {n} qq.") for n in range(2)]
    glued = ("Read the **Owner** status.", f"Qq **{label.capitalize()}{neighbour}** qq.")
    assert _consistency([*usual, glued], locale) == []
    assert _spelling([*usual, glued], locale) == []
    # with no English word beside the bold, the longer word is another translation
    alone = ("See the **Owner**.", f"Qq **{label.capitalize()}{neighbour}** qq.")
    assert _consistency([*usual, alone], locale) == [3]
    # and a different word beside the English neighbour stays reported
    another = ("Read the **Owner** status.", f"Qq **{other.capitalize()}** qq.")
    assert _consistency([*usual, another], locale) == [3]


@pytest.mark.parametrize("locale", LOCALES)
def test_bold_narrowed_inside_a_hyphenated_label_is_no_spelling(locale: str) -> None:
    # "Qreseller-**QMPN-ID**" holds the usual "Qreseller-QMPN-ID": only the bold narrowed
    usual = [
        (f"Enter the **Reseller ID** {n}.", f"Qq **Qreseller-Qmpn-ID** {n}.") for n in range(2)
    ]
    narrowed = ("Enter the **Reseller ID** now.", "Qq Qreseller-**Qmpn-ID** qq.")
    assert _consistency([*usual, narrowed], locale) == []


def _framed_locales() -> list[tuple[str, str]]:
    """(locale, one of its words that frame a label) of every locale whose data has them."""
    return [(loc, min(frame_words("Export data", loc))) for loc in LOCALES if frame_words("x", loc)]


@pytest.mark.parametrize(("locale", "frame"), _framed_locales())
def test_bold_moved_onto_the_word_that_frames_the_label_is_no_spelling(
    locale: str, frame: str
) -> None:
    # "the **Export data** page" as "**pagina Gegevens** exporteren": bold took in the
    # page's noun and left a word of the label outside; one translation, misplaced
    usual = [(f"Select **Export data** {n}.", f"Qq **Qexport Qdaten** {n}.") for n in range(2)]
    framed = ("Open the **Export data** page.", f"Qq **{frame} Qdaten** qexport qq.")
    assert _consistency([*usual, framed], locale) == []
    assert _spelling([*usual, framed], locale) == []
    # another word beside the frame stays another translation
    other = ("Open the **Export data** page.", f"Qq **{frame} Qausfuhr** qq.")
    assert _consistency([*usual, other], locale) == [3]
    assert _spelling([*usual, other], locale) == [3]


@pytest.mark.parametrize(("locale", "frame"), _framed_locales())
def test_a_frame_word_of_the_english_label_is_the_labels_own(locale: str, frame: str) -> None:
    # "Orders page": the translation's noun for the page is a word of the label
    usual = [(f"Select **Orders page** {n}.", f"Qq **Qorders {frame}** {n}.") for n in range(2)]
    other = ("Open **Orders page** now.", "Qq **Qorders qlista** qq.")
    assert _consistency([*usual, other], locale) == [3]
    assert _spelling([*usual, other], locale) == [3]


def _compounding_locales() -> list[tuple[str, str]]:
    """(locale, a frame noun it glues to a label) of every locale whose data has them."""
    found = []
    for loc in LOCALES:
        frame = frame_words("x", loc)
        glued = [w for w in frame if unglued(f"Qzqz{w}", frame, loc) == f"Qzqz {w}"]
        if glued:
            found.append((loc, min(glued)))
    return found


@pytest.mark.parametrize(("locale", "noun"), _compounding_locales())
def test_a_frame_noun_glued_into_the_label_is_one_translation(locale: str, noun: str) -> None:
    # "the **Account** page" as "**Kontoseite**", "**kontosidan**": the usual rendering
    # inside the compound the page's noun made
    usual = [(f"Open **Qaccount** {n}.", f"Qq **Qkonto** {n}.") for n in range(2)]
    glued = ("Open the **Qaccount** page.", f"Qq **Qkonto{noun}** qq.")
    assert _consistency([*usual, glued], locale) == []
    # the English neighbour glued in as well ("the customer **Account** page")
    both = ("Open the customer **Qaccount** page.", f"Qq **Qkundqkonto{noun}** qq.")
    assert _consistency([*usual, both], locale) == []
    # another word inside the compound stays another translation
    other = ("Open the **Qaccount** page.", f"Qq **Qzahlung{noun}** qq.")
    assert _consistency([*usual, other], locale) == [3]
    assert _spelling([*usual, other], locale) == [3]


def _verb_locales() -> list[tuple[str, str]]:
    """(locale, a verbal-noun ending) of every locale whose data has them."""
    return [
        (loc, max(sorted(verb_suffixes(loc)), key=len)) for loc in LOCALES if verb_suffixes(loc)
    ]


@pytest.mark.parametrize(("locale", "suffix"), _verb_locales())
def test_a_verbs_imperative_and_its_noun_are_one_translation(locale: str, suffix: str) -> None:
    # "**Dodaj produkty**" in a step, "**Dodawanie produktów**" naming it: one verb
    stem = "qbrakt"
    usual = [(f"Select **Add qitems** {n}.", f"Qq **{stem}y qitemy** {n}.") for n in range(2)]
    noun = ("**Add qitems**: the list of qitems.", f"**{stem}{suffix} qitemy**: qq.")
    assert _consistency([*usual, noun], locale) == []
    assert _spelling([*usual, noun], locale) == []
    # another verb stays another translation
    other = ("**Add qitems**: the list of qitems.", f"**qzorg{suffix} qitemy**: qq.")
    assert _consistency([*usual, other], locale) == [3]


@pytest.mark.parametrize("locale", [loc for loc, _ in _verb_locales()])
def test_a_bare_stem_and_a_longer_word_are_two_words(locale: str) -> None:
    # "Podsegment" and "Podsegmentowanie": no imperative's ending, another noun
    suffixes = verb_suffixes(locale)
    longest = max(suffixes, key=len)
    assert one_verb("qbrakty", f"qbrakt{longest}", suffixes)
    assert not one_verb("qbrakt", f"qbraktqqqq{longest}"[:12], suffixes)
    assert not one_verb("qbrakty", "qbraktzzzzz", suffixes)


def _page_with_renderings(first: str, second: str) -> list[tuple[str, str]]:
    """A page whose messages render "calendar" as Qkalendarz and "guide" as Qprzewodnik,
    filler around them, and two uses of the label **new**, translated `first`, `second`."""
    pairs = [
        ("**New** calendar of launches.", f"Qq {first} qkalendarz qstart."),
        ("**New** guide for promotions.", f"Qq {second} qprzewodnik qpromo."),
    ]
    for n in range(2):
        pairs.append((f"Open the calendar {n} today.", f"Qotw qkalendarz {n} qdzis."))
        pairs.append((f"Read the guide {n} today.", f"Qczyt qprzewodnik {n} qdzis."))
    pairs += [(f"Filler sentence number {n}.", f"Qzdanie qwypeln {n}.") for n in range(10)]
    return pairs


@pytest.mark.parametrize("locale", LOCALES)
def test_bold_moved_wholly_onto_a_neighbour_the_page_renders_is_no_spelling(
    locale: str,
) -> None:
    # "The **new** calendar" as "Nowy **kalendarz**": the bold holds the page's rendering of
    # "calendar", outside the English bold, no translation of the label
    moved = _page_with_renderings("Qnowy", "Qnowy")
    moved[0] = (moved[0][0], "Qnowy **Qkalendarz** qstart.")
    moved[1] = (moved[1][0], "Qnowy **Qprzewodnik** qpromo.")
    assert _consistency(moved, locale) == []
    # the label truly translated two ways, with no such evidence, stays reported
    two = _page_with_renderings("Qnowy", "Qnowy")
    two[0] = (two[0][0], "**Qnowy** qkalendarz qstart.")
    two[1] = (two[1][0], "**Qswieze** qprzewodnik qpromo.")
    assert _consistency(two, locale) == [1, 2]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_label_kept_in_english_with_a_gloss_after_it_is_no_second_spelling(
    locale: str,
) -> None:
    source = "Open the [**Frobnicate widgets**](https://contoso.com/w) page."
    uses = [(source, "Xyz [**Qorvindel blusk**](https://contoso.com/w) xyz.")] * 2
    glossed = "Xyz [**[Frobnicate widgets]**](https://contoso.com/w) (Qorvindel blusk) xyz."
    assert _spelling([*uses, (source, glossed)], locale) == []
    # kept without the gloss, it is still reported
    kept = "Xyz [**Frobnicate widgets**](https://contoso.com/w) xyz."
    assert _spelling([*uses, (source, kept)], locale) == [3, 3]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_label_written_with_or_without_a_hyphen_or_space_is_one_translation(
    locale: str,
) -> None:
    pairs = [("Sub Zorblat", "Sub-zorblat"), ("Sub Zorblat", "Subzorblat")] * 2
    pairs += [("Sub Zorblat", "Sub zorblat")]
    assert _consistency(pairs, locale) == []
    assert _consistency([*pairs[:4], ("Sub Zorblat", "Qorvindel")], locale) == [5]


def test_a_chinese_label_with_or_without_its_linking_particle_is_one_translation() -> None:
    pairs = [("**Zorblat date**: xyz", "**估计结束日期**\uff1a某某")] * 2
    with_particle = ("**Zorblat date**: xyz", "**估计的结束日期**\uff1a某某")
    assert _consistency([*pairs, with_particle], "zh-CN") == []
    # another word is still another translation
    other = ("**Zorblat date**: xyz", "**估计开始日期**\uff1a某某")
    assert set(_consistency([*pairs, other], "zh-CN")) == {3}


@pytest.mark.parametrize("locale", ["de-DE", "nl-NL", "sv-SE", "fr-FR"])
def test_a_label_of_the_same_words_in_another_order_is_one_spelling(locale: str) -> None:
    source = "See the [Zorblat help](https://contoso.com/h) page."
    usual = [(source, "Xyz [Zorblat-Qorvindel](https://contoso.com/h) xyz.")] * 2
    turned = (source, "Xyz [Qorvindel Zorblat](https://contoso.com/h) xyz.")
    assert _spelling([*usual, turned], locale) == []
    other = (source, "Xyz [Blusketo Zorblat](https://contoso.com/h) xyz.")
    assert _spelling([*usual, other], locale) == [3]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_date_in_the_locales_format_or_the_sources_is_one_translation(locale: str) -> None:
    pairs = [("Zorblat: 2031-06-04", "Qorvindel: 04/06/2031")] * 2
    pairs += [("Zorblat: 2031-06-04", "Qorvindel: 2031-06-04")]
    assert _consistency(pairs, locale) == []
    assert _consistency([*pairs[:2], ("Zorblat: 2031-06-04", "Blusketo: 2031-06-04")], locale)


@pytest.mark.parametrize(
    ("locale", "usual", "kept"),
    [
        ("zh-CN", "北风账本/概述", "北风Ledger/概述"),
        ("ko-KR", "노스윈드 원장/개요", "노스윈드 Ledger/개요를"),
    ],
)
def test_a_name_kept_in_its_own_spelling_is_no_second_spelling(
    locale: str, usual: str, kept: str
) -> None:
    # one word of the label kept as the product writes it, the rest as the page has it
    pairs = [
        (f"Select **Northwind Ledger/Overview** {n}.", f"Qq **{usual}** {n}.") for n in range(2)
    ]
    pairs.append(("Then select **Northwind Ledger/Overview**.", f"Qq **{kept}** qq."))
    assert _spelling(pairs, locale) == []
    # another word in its place stays reported
    pairs[2] = (
        "Then select **Northwind Ledger/Overview**.",
        f"Qq **{kept.replace('/', '计划/')}** qq.",
    )
    assert _spelling(pairs, locale) == [3]
