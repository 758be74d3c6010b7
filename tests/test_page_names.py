"""`name-changed` over a page (#16): a Title-Case name that other messages of the same page
keep as written, changed in one message (translated word by word, lower-cased, half
translated), with no brand word needed.

Every fixture is an invented page with an invented name ("Lantern Beacon Suite"); the
properties say that the page's evidence decides, for any such name and locale: kept in
enough other messages, the one that changes it is reported; kept too rarely, or changed
as often as kept, nothing is."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions, locale_data
from sunsetkit.checks.glossary import GlossaryTerms, locale_glossary
from sunsetkit.checks.page_names import check_names_kept_on_page, check_names_on_page

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
NAME = "Lantern Beacon Suite"


def _page(
    pairs: list[tuple[str, str]], locale: str = "de-DE", glossary: GlossaryTerms | None = None
) -> list[str]:
    """The page-level findings of name-changed, as 'line: message'."""
    ctx = MessageContext(locale, locale_glossary(glossary, locale, ()), MD)
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    return [f"{entry.line}: {message}" for entry, message in check_names_on_page(entries, ctx)]


def _kept(count: int, name: str = NAME) -> list[tuple[str, str]]:
    return [(f"Open {name} now.", f"Öffnen Sie {name} jetzt ({n}).") for n in range(count)]


def test_registered_as_name_changed_page_evidence() -> None:
    check = next(check for check in CHECKS if check.id == "name-changed")
    assert check.entries is check_names_on_page


@pytest.mark.parametrize(
    "written",
    [
        "Laternen-Leuchtfeuer-Suite",  # translated word by word
        "lantern beacon suite",  # lower-cased
        "Lantern Leuchtfeuer Suite",  # one word translated inside it
        "LanternBeacon Suite",  # glued
    ],
)
@pytest.mark.parametrize(
    "shown",
    [
        NAME,
        f"**{NAME}**",
        f"[{NAME}](x.md)",
        NAME.replace(" ", "&nbsp;"),
        "Lantern **Beacon** Suite",
    ],
)
def test_a_name_the_page_keeps_changed_in_one_message_is_reported(written: str, shown: str) -> None:
    """However the source marks or spaces the name (emphasis, a link, an entity)."""
    found = _page([*_kept(2), (f"Use {shown} daily.", f"Nutzen Sie {written} täglich.")])
    assert len(found) == 1 and found[0].startswith("3: ")
    assert f"{NAME!r} is not written as 2 other message(s)" in found[0]


@pytest.mark.parametrize(
    "pairs",
    [
        # one other message keeps it: a name quoted once in English is no evidence
        [*_kept(1), (f"Use {NAME} daily.", "Nutzen Sie die Laternen-Suite täglich.")],
        # changed as often as kept: the locale translates it, no evidence either way
        [
            *_kept(2),
            (f"Use {NAME} daily.", "Nutzen Sie die Laternen-Suite täglich."),
            (f"Buy {NAME}.", "Kaufen Sie die Laternen-Suite."),
        ],
        # kept only in messages left in English: no evidence of the locale's choice
        [(f"Open {NAME} now.", f"Open {NAME} now.")] * 3
        + [(f"Use {NAME} daily.", "Nutzen Sie die Laternen-Suite täglich.")],
        # kept with its words joined by hyphens, as compounds join them
        [*_kept(2), (f"Use {NAME} daily.", "Nutzen Sie Lantern-Beacon-Suite täglich.")],
        # the sentence's word at the run's edge translated, the name kept
        [*_kept(2), (f"Review {NAME} daily.", f"Prüfen Sie {NAME} täglich.")],
        # every word of it kept as written, in the locale's word order
        [*_kept(2), (f"Use {NAME} daily.", "Usa la Suite Beacon di Lantern ogni giorno.")],
        # an acronym of it written out in capitalised words of its initials
        [
            *[(f"Open Lantern BS now ({n}).", f"Öffnen Sie Lantern BS ({n}).") for n in "ABC"],
            ("Use Lantern BS daily.", "Nutzen Sie Lantern Beacon Suite täglich."),
        ],
        # its initials in the name's place (LBS), more often than the source has them
        [*_kept(2), (f"Use {NAME} daily.", "Nutzen Sie LBS täglich.")],
    ],
)
def test_without_the_pages_evidence_nothing_is_reported(pairs: list[tuple[str, str]]) -> None:
    assert _page(pairs) == []


def test_a_name_kept_inside_a_longer_one_is_no_evidence_for_it() -> None:
    """'Lantern Beacon' kept only as part of 'Lantern Beacon Suite' says nothing of how
    the page writes 'Lantern Beacon' alone."""
    pairs = [*_kept(3), ("Use Lantern Beacon daily.", "Nutzen Sie Laternen-Leuchtfeuer täglich.")]
    assert _page(pairs) == []


def test_a_glossary_term_the_locale_translates_is_left_to_the_term_check() -> None:
    glossary = GlossaryTerms((("Lantern Beacon", "term", {"de-DE": "Laternenfeuer"}),), {})
    pairs = [
        *[(f"Open Lantern Beacon {n}.", f"Öffnen Sie Lantern Beacon {n}.") for n in "ABC"],
        ("Use Lantern Beacon daily.", "Nutzen Sie Laternenfeuer täglich."),
    ]
    assert _page(pairs, glossary=glossary) == []


def test_english_pages_are_not_checked() -> None:
    pairs = [*_kept(3), (f"Use {NAME} daily.", "Use the lantern suite daily.")]
    assert _page(pairs, "en-GB") == []


def test_a_reordered_name_is_reported_once() -> None:
    """The reorder finding names the defect; the page-evidence finding is not added."""
    pairs = [
        *[(f"Order Microsoft Lantern Kit {n}.", f"Zamów Microsoft Lantern Kit {n}.") for n in "AB"],
        ("Renew Microsoft Lantern Kit.", "Odnów subskrypcję Lantern Kit Microsoft."),
    ]
    found = _page(pairs, "pl-PL")
    assert len(found) == 1 and "(reordered)" in found[0]


_WORD = st.text(alphabet="bcdfghklmnprstvz", min_size=3, max_size=7).map(str.capitalize)


@given(
    st.lists(_WORD, min_size=2, max_size=4, unique=True),
    st.integers(2, 5),
    st.sampled_from(LOCALES),
)
def test_the_page_decides_for_any_name_and_locale(words: list[str], kept: int, locale: str) -> None:
    name = " ".join(words)
    lowered = name.lower()
    pairs = [(f"Open {name} now.", f"Xx {name} yy {n}.") for n in range(kept)]
    pairs.append((f"Use {name} daily.", f"Zz {lowered} ww."))
    ctx = MessageContext(locale, locale_glossary(None, locale, ()), MD)
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    found = list(check_names_kept_on_page(entries, ctx))
    assert [entry.line for entry, _ in found] == [kept + 1]
    assert f"{name!r} is not written as {kept} other message(s)" in found[0][1]
    # as many messages changing it as keeping it: no evidence, nothing reported
    entries += [Entry(Message(f"Buy {name}.", f"Qq {lowered}.")) for _ in range(kept)]
    assert list(check_names_kept_on_page(entries, ctx)) == []


BRANDED = "Azure Lantern Beacon"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "written",
    [
        "Laternen-Leuchtfeuer für Azure",  # the brand kept, its other words translated
        "Azure 灯笼信标",  # the brand kept, the rest in the locale's script
        "laternenfeuer Azure-Dienste",  # the brand with an ending or a compound after it
    ],
)
def test_a_brand_kept_with_its_other_words_translated_is_the_locales_rendering(
    locale: str, written: str
) -> None:
    """However often the page keeps the name in English: Microsoft's own pages localize
    a name around its brand ("Azure 市场", "réservation Azure")."""
    pairs = [*_kept(3, BRANDED), (f"Use {BRANDED} daily.", f"Xx {written} yy.")]
    assert _page(pairs, locale) == []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "written",
    [
        "Azure Laternen Beacon",  # half translated: one other word kept
        "azure Laternen-Leuchtfeuer",  # the brand lower-cased
        "Laternen-Leuchtfeuer",  # the brand dropped
    ],
)
def test_a_name_half_translated_around_its_brand_is_still_reported(
    locale: str, written: str
) -> None:
    pairs = [*_kept(3, BRANDED), (f"Use {BRANDED} daily.", f"Xx {written} yy.")]
    found = _page(pairs, locale)
    assert len(found) == 1 and found[0].startswith("4: ")


def _written_out_acronyms() -> list[tuple[str, str, str]]:
    """(locale, acronym, a form the locale's data writes it out as) of every locale."""
    from sunsetkit.checks.conventions import conventions

    found = []
    for locale in LOCALES:
        acronyms = conventions(locale).acronyms
        for acronym, forms in sorted(acronyms.items()):
            if acronym.isalpha() and acronym.isupper() and len(acronym) > 2 and forms:
                found.append((locale, acronym, forms[0]))
                break
    return found


@pytest.mark.parametrize(("locale", "acronym", "form"), _written_out_acronyms())
def test_a_name_written_out_as_the_locale_writes_its_acronym_is_not_reported(
    locale: str, acronym: str, form: str
) -> None:
    """A name of the acronym's initials ("Cloud Solution Provider") in the form the locale
    writes that acronym out (pl "dostawca rozwiązań w chmurze")."""
    name = " ".join(f"{letter}ovel" for letter in acronym)
    pairs = [*_kept(3, name), (f"Use {name} ({acronym}) daily.", f"Xx {form} ({acronym}) yy.")]
    assert _page(pairs, locale) == []
    # another rendering, not the locale's, is still reported
    other = [*_kept(3, name), (f"Use {name} ({acronym}) daily.", "Xx qqq zzz yy.")]
    assert len(_page(other, locale)) == 1


def test_a_word_no_locale_translates_translated_beside_the_brand_is_reported() -> None:
    """'Windows Server' as 'Windows ... serwera': the brand kept, but 'Server' is a word
    of the name that Microsoft keeps in every locale (en.yaml `name_words_kept`)."""
    from sunsetkit.checks.conventions import locale_data

    for word in locale_data("en").get("name_words_kept") or ():
        name = f"Azure Lantern {word}"
        pairs = [*_kept(3, name), (f"Use {name} daily.", "Xx Azure Laternen qqq yy.")]
        assert len(_page(pairs, "pl-PL")) == 1


@pytest.mark.parametrize("locale", LOCALES)
def test_a_number_alone_is_no_brand_and_the_name_lower_cased_is_no_rendering(
    locale: str,
) -> None:
    """'Lantern Group 3' translated around its number is a name changed; so is 'Cobalt
    Stone Pier' lower-cased, though the locale's data may list the lower-cased English
    among the written-out forms of its acronym."""
    numbered = "Lantern Group 3"
    pairs = [*_kept(3, numbered), (f"Use {numbered} daily.", "Xx Laternengruppe 3 yy.")]
    assert len(_page(pairs, locale)) == 1
    name = "Cloud Solution Provider"
    lowered = [*_kept(3, name), (f"Use the {name} channel.", f"Xx {name.lower()} yy.")]
    assert len(_page(lowered, locale)) == 1


def test_the_initials_alone_where_the_source_gives_name_and_initials_are_the_name() -> None:
    name = "Lantern Beacon Suite"
    pairs = [*_kept(3), (f"Join the {name} (LBS) program.", "Treten Sie dem LBS-Programm bei.")]
    assert _page(pairs) == []


def test_initials_kept_in_parentheses_beside_a_changed_name_do_not_excuse_it() -> None:
    name = "Lantern Beacon Suite"
    pairs = [*_kept(3), (f"Join the {name} (LBS) program.", "Treten Sie Laterne Feuer (LBS) bei.")]
    assert len(_page(pairs)) == 1


#: Brands of en.yaml as it spells them, the company's name aside (never a product's).
PAGE_BRANDS = sorted(str(b) for b in locale_data("en")["brands"] if b != "Microsoft")


def _brand_page(brand: str, kept: int, written: str) -> list[tuple[str, str]]:
    """`kept` messages that keep the brand, then one that writes `written` in its place."""
    pairs = [(f"Open {brand} now ({n}).", f"Xx {brand} yy ({n}).") for n in range(kept)]
    return [*pairs, (f"Plan the move to {brand} today.", f"Zz {written} ww.")]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("brand", PAGE_BRANDS)
def test_a_brand_translated_or_dropped_where_the_page_keeps_it_is_reported(
    locale: str, brand: str
) -> None:
    """A brand word as "team" or "zespołów", a brand left out: the page keeps it elsewhere."""
    ordinary = brand.casefold() in conventions("en").brand_words
    for written in ("qqqs", brand.lower()[:-1] + "q", "雪雪", ""):
        found = _page(_brand_page(brand, 2, written), locale)
        assert len(found) == 1 and found[0].startswith("3: "), (written, found)
        assert f"{brand!r} is not in this message, and 2 other" in found[0]
        assert ("common word" in found[0]) is ordinary


@pytest.mark.parametrize("brand", PAGE_BRANDS)
@pytest.mark.parametrize(
    ("kept", "written"),
    [
        (1, "qqqs"),  # kept once: a name quoted in English once is no evidence
        (2, "{lower}"),  # kept in another case: the name, not the word
        (2, "{brand}-Qqq"),  # kept in a compound
    ],
)
def test_a_brand_without_the_pages_evidence_or_kept_is_not_reported(
    brand: str, kept: int, written: str
) -> None:
    pairs = _brand_page(brand, kept, written.format(brand=brand, lower=brand.lower()))
    assert _page(pairs, "pl-PL") == []


@pytest.mark.parametrize("brand", PAGE_BRANDS)
def test_only_an_ordinary_word_opening_a_sentence_may_be_the_word(brand: str) -> None:
    """In "Power users plan the move" the word; in "Azure users ..." the product still."""
    pairs = _brand_page(brand, 2, "qqqs")
    pairs[-1] = (f"{brand} users plan the move.", "Zz qqqs ww.")
    found = _page(pairs, "pl-PL")
    assert (found == []) is (brand.casefold() in conventions("en").brand_words)


def test_the_company_name_left_out_is_not_reported() -> None:
    """Translations drop "Microsoft" before a product or write it as the company's."""
    pairs = _brand_page("Microsoft", 3, "qqqs")
    assert _page(pairs, "ja-JP") == []


def test_a_brand_the_page_lacks_as_often_as_it_keeps_is_not_reported() -> None:
    pairs = _brand_page("Teams", 2, "qqqs")
    pairs.append(("Move to Teams.", "Zz qqqs."))
    assert _page(pairs, "sv-SE") == []


def test_a_brand_inside_a_glossary_name_is_left_to_the_name_check() -> None:
    """The brand "Office" of "Office 365", a glossary name: the `name` check's."""
    glossary = GlossaryTerms((("Office 365", "name", {}),), {})
    pairs = [(f"Open Office 365 now ({n}).", f"Xx Office 365 yy ({n}).") for n in range(3)]
    pairs.append(("Buy Office 365 today.", "Zz biuro 365 ww."))
    assert _page(pairs, "pl-PL", glossary) == []


def test_a_message_with_a_changed_name_is_not_reported_again_for_its_brand() -> None:
    name = "Teams Lantern Kit"
    pairs = [(f"Open {name} now ({n}).", f"Xx {name} yy ({n}).") for n in range(3)]
    pairs.append((f"Use {name} daily.", "Zz zespoły lantern kit ww."))
    found = _page(pairs, "pl-PL")
    assert len(found) == 1 and f"{name!r} is not written as" in found[0]


def _spaced_joiners() -> list[tuple[str, str]]:
    """Each locale with a spaced "and" of its own, and that word."""
    found = []
    for locale in LOCALES:
        data = locale_data(locale)
        if data.get("coordinators") and not data.get("coordinators_glued"):
            found.append((locale, str(data["coordinators"][0])))
    return found


JOINED = "Harbor Signal and Tidewatch"


@pytest.mark.parametrize(("locale", "joiner"), _spaced_joiners())
def test_a_name_joined_by_and_half_kept_is_reported(locale: str, joiner: str) -> None:
    """The words before the joiner kept as written, the capitalised word after it
    written as a lower-case word: the message itself keeps the name, then translates it."""
    found = _page(
        [(f"Buy {JOINED} Plan now.", f"X Harbor Signal {joiner} tidewatch Plan.")], locale
    )
    assert len(found) == 1 and "'Harbor Signal and Tidewatch Plan' is half kept" in found[0]


@pytest.mark.parametrize(
    "written",
    [
        "Harbor Signal {j} Tidewatch",  # kept whole
        "Hafensignal {j} Gezeitenwache",  # translated whole
        "Harbor Signal {j} les tidewatch",  # a function word: a noun phrase of its own
        "Signal {j} tidewatch",  # one word kept before the joiner: no name shown kept
    ],
)
@pytest.mark.parametrize(("locale", "joiner"), _spaced_joiners())
def test_a_name_joined_by_and_kept_or_translated_whole_is_not(
    written: str, locale: str, joiner: str
) -> None:
    words = conventions(locale).function_words
    if "les" not in words and "les" in written:
        written = written.replace(" les ", f" {sorted(words)[0]} ")
    assert _page([(f"Buy {JOINED}.", f"X {written.format(j=joiner)}.")], locale) == []


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Harbor Signal and UI", "Harbor Signal et interface"),  # an acronym after it
        ("Harbor Signal and Tide Post", "Harbor Signal et marée Tide Post"),  # the word kept
        ("Harbor Signal and Lantern Beacon", "Harbor Signal et feu de lanterne"),  # glossary
    ],
)
def test_after_the_joiner_an_acronym_a_kept_word_or_a_glossary_term_is_not_reported(
    source: str, text: str
) -> None:
    glossary = GlossaryTerms((("Lantern Beacon", "term", {"fr-FR": "feu de lanterne"}),), {})
    assert _page([(source, text)], "fr-FR", glossary) == []


def test_a_joiner_glued_in_a_wide_script_is_not_read() -> None:
    assert _page([(f"Buy {JOINED}.", "购买 Harbor Signal 和 tidewatch。")], "zh-CN") == []


def test_a_name_joined_by_and_half_translated_into_hangul_is_reported() -> None:
    """Korean writes its "and" apart: the word after it in Hangul is the name's translated."""
    found = _page([(f"Join {JOINED} today.", "Harbor Signal 및 조수 감시에 가입하세요.")], "ko-KR")
    assert len(found) == 1 and "half kept" in found[0]
    assert (
        _page([(f"Join {JOINED} today.", "Harbor Signal 및 Tidewatch에 가입하세요.")], "ko-KR")
        == []
    )


def test_words_after_the_joiner_the_pages_english_writes_in_lower_case_are_a_common_noun() -> None:
    """`Server Tide Logs` capitalised in a title, `server tide logs` in the page's prose:
    the locale's to translate, however the words before the joiner are kept."""
    half = ("Buy Harbor Signal and Server Tide Logs.", "Achetez Harbor Signal et journaux.")
    assert len(_page([half], "fr-FR")) == 1
    prose = ("Store server tide logs.", "Stockez les journaux.")
    assert _page([half, prose], "fr-FR") == []


@pytest.mark.parametrize(("locale", "joiner"), _spaced_joiners())
def test_a_second_name_the_page_translates_on_its_own_is_no_half_kept_name(
    locale: str, joiner: str
) -> None:
    """`Enterprise Voice 및 오디오 회의` where another message writes `Audio Conferencing`
    alone as `오디오 회의`: two names, the second one the page localizes."""
    half = ("Buy Harbor Signal and Tide Watch now.", f"X Harbor Signal {joiner} tidal watch z.")
    assert len(_page([half], locale)) == 1
    apart = ("Open Tide Watch today.", "Y tidal watches z.")  # the last word's ending aside
    assert _page([half, apart], locale) == []
    # kept as written there, or only the first word the same, is no such evidence
    kept = ("Open Tide Watch today.", "Y Tide Watch tidal watch z.")
    other = ("Open Tide Watch today.", "Y tidal mare z.")
    assert len(_page([half, kept], locale)) == 1
    assert len(_page([half, other], locale)) == 1
    # the joined name again elsewhere, translated the same, is no name apart
    again = ("See Harbor Signal and Tide Watch.", f"Y Harbor Signal {joiner} tidal watch z.")
    assert len(_page([half, again], locale)) == 2
