"""english-left over every shipped locale, with invented sentences: English grammar left in
a translation is reported; what a locale writes in English by convention is not (a term
it borrows, a name going on with "for ...", a value in a table cell, an English title or
message beside its gloss, an expansion beside its acronym)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions
from sunsetkit.checks.base import Entry, Message, MessageContext
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.english import check_english_left
from sunsetkit.checks.kept_word import check_english_left_pages
from sunsetkit.checks.words import function_words

from .test_false_alarms import GLOSSARY, SHIPPED

LOCALES = [loc for loc in SHIPPED if not loc.startswith("en")]
#: Invented words of no language, to stand for the locale's own text.
OPTIONS = CheckOptions(glossary=GLOSSARY)
OWN = ["Zorvak", "telmi", "quandro", "vesh", "plorin", "dakkum"]


def _found(locale: str, source: str, text: str) -> list[str]:
    ctx = MessageContext(locale=locale, glossary=OPTIONS.locale_glossary(locale), md=None)
    return list(check_english_left(Entry(Message(source, text)), ctx))


CLAUSES = [
    "please review the billing details before you confirm the order",
    "the refund is credited to your account within two weeks",
    "customers who have not signed the agreement cannot buy it",
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("clause", CLAUSES)
def test_an_english_clause_left_is_reported(locale: str, clause: str) -> None:
    source = f"After the upgrade, {clause}."
    assert _found(locale, source, f"{OWN[0]} {OWN[1]}, {clause}.")
    assert _found(locale, source, source)  # the whole sentence copied


@pytest.mark.parametrize("locale", LOCALES)
def test_a_borrowed_term_without_english_grammar_is_no_english_left(locale: str) -> None:
    source = "Use the partner dashboard to track best practices and machine learning."
    text = f"{OWN[0]} partner dashboard {OWN[1]} best practices {OWN[2]} machine learning."
    assert _found(locale, source, text) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_value_or_name_in_a_cell_is_no_english_left(locale: str) -> None:
    for cell in ("Prorate fees when renew", "Contoso Cloud Minutes to EU for faculty"):
        assert _found(locale, cell, cell) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_name_going_on_with_for_is_a_name(locale: str) -> None:
    source = "Buy Contoso Print Pro for students and teachers now."
    text = f"{OWN[0]} Contoso Print Pro for students and teachers {OWN[1]}."
    assert _found(locale, source, text) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_long_english_title_with_its_gloss_is_kept_by_policy(locale: str) -> None:
    title = "How to plan and review the invoices of your customers in the new portal"
    source = f"Read [{title}](plan.md) first."
    inside = f"{OWN[0]} [{title} ({OWN[1]} {OWN[2]})](plan.md) {OWN[3]}."
    after = f"{OWN[0]} {title} ({OWN[1]} {OWN[2]}) {OWN[3]}."
    unclosed = f"{OWN[0]} {title} ({OWN[1]} {OWN[2]} {OWN[3]}."
    for text in (inside, after, unclosed):
        assert _found(locale, source, text) == [], text
    assert _found(locale, source, f"{OWN[0]} {title} {OWN[3]}.")  # no gloss: left


@pytest.mark.parametrize("locale", LOCALES)
def test_an_expansion_beside_its_acronym_is_a_term(locale: str) -> None:
    source = "The proof of execution (PoE) is due for the small to medium business (SMB) segment."
    text = f"{OWN[0]} proof of execution (PoE) {OWN[1]} small to medium business (SMB) {OWN[2]}."
    assert _found(locale, source, text) == []


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(LOCALES),
    words=st.lists(
        st.sampled_from(["invoice", "tenant", "billing", "portal", "refund"]),
        min_size=2,
        max_size=4,
    ),
    joiner=st.sampled_from(["to", "with", "from", "before", "because"]),
)
def test_english_grammar_between_copied_words_is_reported(
    locale: str, words: list[str], joiner: str
) -> None:
    """Two content words joined by an English function word that is no word of the locale:
    English left; the same words without it: a term the locale may borrow."""
    phrase = f"{words[0]} {joiner} {words[1]}"
    source = f"Send the {phrase} today."
    text = f"{OWN[0]} {phrase} {OWN[1]}."
    reported = bool(_found(locale, source, text))
    own = joiner in function_words(locale) | conventions(locale).english_shared
    assert reported is not own
    assert (
        _found(locale, f"Send the {words[0]} {words[1]} today.", text.replace(f" {joiner}", ""))
        == []
    )


#: Invented English past participles; a locale borrows English nouns, never these forms.
PARTICIPLES = ["reconciled", "transacted", "prorated", "deprovisioned", "invoiced"]


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(LOCALES),
    word=st.sampled_from(PARTICIPLES),
    before=st.sampled_from(OWN),
    after=st.sampled_from(OWN),
    end=st.sampled_from([".", "", " telmi.", ", vesh"]),
)
def test_a_lone_english_participle_inside_a_clause_is_reported(
    locale: str, word: str, before: str, after: str, end: str
) -> None:
    source = f"The customer receives a {word} credit for the unused days."
    text = f"Dakkum {before.lower()} {word} {after.lower()}{end}"
    assert _found(locale, source, text) == [f"English left untranslated: {word!r}"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("word", PARTICIPLES)
def test_a_participle_kept_as_a_value_title_or_code_is_not_reported(locale: str, word: str) -> None:
    source = f"The status is {word} when the order is {word}: see {word} orders."
    kept = [
        f"Telmi `{word}` vesh.",  # code
        f'Telmi "{word}" vesh.',  # a quoted value
        f"Telmi **{word}** vesh.",  # a label in bold: the ui check's
        f"Telmi, {word} vesh.",  # beside punctuation: a list of values, not a clause
        f"Telmi {word}.",  # at the end: a value after its label
        f"{word} orders (telmi vesh)",  # the English with its gloss
        f"Telmi {word} orders vesh.",  # a run of English: the copied-run rule's
    ]
    for text in kept:
        assert _found(locale, source, text) == [], text
    # a word the source does not have is no copy of it
    assert _found(locale, "The status is open.", f"Telmi {word} vesh.") == []


#: Invented text of Chinese, Japanese and Korean script, either side of the English word.
CJK_TEXT = [("在此", "中进行"), ("この", "を確認します"), ("이", "를 확인합니다")]
#: Ordinary English words no locale borrows (none a brand, tab name or listed loanword).
ORDINARY = ["prowess", "lookback", "timespan", "uncollectable", "fielding"]


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(LOCALES),
    word=st.sampled_from(ORDINARY),
    around=st.sampled_from(CJK_TEXT),
    spaced=st.booleans(),
)
def test_a_lower_case_english_word_amid_cjk_text_is_reported(
    locale: str, word: str, around: tuple[str, str], spaced: bool
) -> None:
    source = f"The {word} of the report is shown here."
    gap = " " if spaced else ""
    text = f"{around[0]}{gap}{word}{gap}{around[1]}"
    assert _found(locale, source, text) == [f"English left untranslated: {word!r}"]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_name_value_or_loanword_amid_cjk_text_is_not_reported(locale: str) -> None:
    before, after = CJK_TEXT[1]
    kept = {
        "The Contoso yammer group lists it.": "yammer",  # a brand lower-cased
        "Open the partner insights page.": "insights",  # a tab or feature name
        "Call the https endpoint.": "https",  # a scheme
        "Open contoso.com/prowess today.": "prowess",  # part of an address, not prose
        "The Lookback Window is set.": "lookback",  # capitalised in the source: a name
    }
    for source, word in kept.items():
        assert _found(locale, source, f"{before} {word} {after}") == [], source
    for word in conventions(locale).loanwords:
        if word.isalpha():
            assert _found(locale, f"The {word} is here.", f"{before} {word} {after}") == []
    # code and bold are no running text
    assert _found(locale, "The prowess is here.", f"{before} `prowess` {after}") == []
    assert _found(locale, "The prowess is here.", f"{before} **prowess** {after}") == []


def _page(locale: str, pairs: list[tuple[str, str]]) -> list[str]:
    """english-left's page-level findings over one page's (source, translation) pairs."""
    from sunsetkit.checks import CHECKS

    check = next(check for check in CHECKS if check.id == "english-left")
    assert check.entries is check_english_left_pages
    ctx = MessageContext(locale=locale, glossary=OPTIONS.locale_glossary(locale), md=None)
    entries = [Entry(Message(s, t, lineno=n)) for n, (s, t) in enumerate(pairs, 1)]
    return [f"{entry.line}: {message}" for entry, message in check.entries(entries, ctx)]


#: Invented lower-case English pairs a locale might borrow or not: only the page tells.
_PAIRS = st.sampled_from(["mini chart", "seat tracker", "spend digest", "renewal funnel"])


@settings(max_examples=60, deadline=None)
@given(_PAIRS, st.integers(min_value=2, max_value=5), st.sampled_from(LOCALES))
def test_english_the_page_translates_elsewhere_is_reported_where_left(
    pair: str, translated: int, locale: str
) -> None:
    ours = f"{OWN[2]}-{OWN[3]}"  # the locale's word for the pair, invented
    pairs = [(f"Open the {pair} now.", f"{OWN[0]} {ours} {OWN[1]}.") for _ in range(translated)]
    pairs.append((f"The {pair} shows a trend.", f"{OWN[4]} {pair} {OWN[5]} {OWN[1]}."))
    found = _page(locale, pairs)
    assert [f.split(":")[0] for f in found] == [str(translated + 1)]
    assert repr(pair) in found[0] and f"{translated} other message(s)" in found[0]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "pairs",
    [
        # kept in English in every message: a term the locale borrows
        [("Open the mini chart.", "Zorvak mini chart."), ("The mini chart.", "Telmi mini chart.")],
        # translated once only: no evidence against a borrowing
        [("Open the mini chart.", "Zorvak quandro."), ("The mini chart.", "Telmi mini chart.")],
        # kept as often as translated
        [
            ("Open the mini chart.", "Zorvak quandro."),
            ("Use the mini chart.", "Vesh quandro."),
            ("The mini chart.", "Telmi mini chart."),
            ("A mini chart.", "Plorin mini chart."),
        ],
        # kept beside its gloss, as a page keeps a UI label it leaves in English
        [
            ("Open the mini chart.", "Zorvak quandro."),
            ("Use the mini chart.", "Vesh quandro."),
            ("The mini chart shows it.", "Telmi mini chart (quandro) dakkum."),
        ],
    ],
)
def test_english_without_the_pages_evidence_is_not_reported(
    locale: str, pairs: list[tuple[str, str]]
) -> None:
    assert _page(locale, pairs) == []


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("label", ["Spend Digest", "Trackers", "**Seat tracker**"])
def test_a_label_kept_whole_where_the_page_translates_it_is_reported(
    locale: str, label: str
) -> None:
    """A cell or label left in English in one row while two others translate it."""
    pairs = [(label, "Zorvak quandro"), (label, "Zorvak quandro"), (label, label)]
    found = _page(locale, pairs)
    assert [f.split(":")[0] for f in found] == ["3"]
    assert "the label" in found[0] and "2 other message(s)" in found[0]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "pairs",
    [
        # translated once only: no evidence against a label the locale keeps
        [("Trackers", "Zorvak"), ("Trackers", "Trackers")],
        # kept more often than translated
        [("Trackers", "Zorvak"), ("Trackers", "Zorvak")] + [("Trackers", "Trackers")] * 3,
        # the page's own text uses the word where its source has none: a shared word
        [
            ("Trackers", "Zorvak"),
            ("Trackers", "Zorvak"),
            ("Trackers", "Trackers"),
            ("Open it now.", "Telmi trackers dakkum."),
        ],
        # code and camelCase field names are kept as written
        [("SeatTracker", "Zorvak"), ("SeatTracker", "Zorvak"), ("SeatTracker", "SeatTracker")],
    ],
)
def test_a_label_without_the_pages_evidence_is_not_reported(
    locale: str, pairs: list[tuple[str, str]]
) -> None:
    assert not [f for f in _page(locale, pairs) if "the label" in f]


def test_english_pages_are_not_checked_on_the_page_level() -> None:
    pairs = [("Open the mini chart.", "Open it.")] * 2 + [("The mini chart.", "A mini chart.")]
    assert _page("en-GB", pairs) == []


#: Tokens for texts that stress the page-level precondition: edge punctuation, code,
#: placeholders, links, apostrophes and hyphens inside words, names and line breaks.
_TOKENS = st.sampled_from(
    [
        "seat",
        "tracker",
        "spend",
        "digest",
        "renewal's",
        "roll-up",
        "(mini",
        "chart)",
        '"usage',
        'report"',
        "the",
        "`code`",
        "%(name)s",
        "[link](x.md)",
        "Office 365",
        "Azure",
        "x=1",
        "and",
        "*bold*",
        "\n",
        "url:",
        "it\u2019s",
        ",",
        "...",
        "wide-area",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_TOKENS, min_size=2, max_size=14),
    st.lists(_TOKENS, min_size=0, max_size=6),
    st.sampled_from(["", " ", "  ", "\t"]),
    st.sampled_from(LOCALES),
)
def test_every_content_pair_has_a_key_in_its_source_and_translation(
    words: list[str], around: list[str], space: str, locale: str
) -> None:
    """The page-level pass settles a message by its keys alone when source and translation
    share none: that is sound only if every content pair of the source has its key among
    the source's, and a translation keeping the pair has it among its own."""
    from sunsetkit.checks.english import _content_pairs, _holds_key, _key, _source_keys

    ctx = MessageContext(locale=locale, glossary=OPTIONS.locale_glossary(locale), md=None)
    source = (" " + space).join(words)
    keys = _source_keys(source)
    for a, b in _content_pairs(source, ctx):
        assert _key(a, b) in keys
        kept = " ".join([*around, f"x{a} {b}y", *around])
        folded = " ".join(kept.casefold().split())
        assert _holds_key(folded, {_key(a, b)})


TITLE = "Request a change to the billing profile"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "text",
    [
        # the gloss opens inside the link's text and closes after it: the link cuts it
        f"{OWN[0]} [{TITLE} ({OWN[1]}](x.md) {OWN[2]} {OWN[3]}).",
        # a link inside the gloss
        f"{OWN[0]} {TITLE} ([{OWN[1]} {OWN[2]}](x.md) {OWN[3]}).",
        # the gloss in bold
        f"{OWN[0]} {TITLE} (**{OWN[1]} {OWN[2]}**).",
    ],
)
def test_an_english_title_beside_a_gloss_cut_by_markup_is_kept_by_policy(
    locale: str, text: str
) -> None:
    assert _found(locale, f"See [{TITLE}](x.md) for details.", text) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_title_cut_by_a_link_without_a_gloss_is_still_english_left(locale: str) -> None:
    text = f"{OWN[0]} [{TITLE}](x.md) {OWN[2]}."
    assert _found(locale, f"See [{TITLE}](x.md) for details.", text)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_bold_name_the_source_bolds_is_no_english_the_page_translates(locale: str) -> None:
    """'**Login audit export**': the name of a file, kept as the source bolds it, though
    the page translates 'audit export' elsewhere; a bold clause is still English left."""
    pairs = [
        ("Open the audit export now.", f"{OWN[0]} {OWN[2]}-{OWN[3]} {OWN[1]}."),
        ("Read the audit export today.", f"{OWN[4]} {OWN[2]}-{OWN[3]} {OWN[5]}."),
        ("Download the **Login audit export** file.", f"{OWN[0]} **Login audit export** {OWN[1]}."),
    ]
    assert _page(locale, pairs) == []
    clause = "**Convert the trial to a paid subscription**"
    assert _found(locale, f"Select {clause}.", f"{OWN[0]} {clause}.")


@pytest.mark.parametrize("locale", ["zh-CN", "ja-JP", "ko-KR"])
def test_an_identifier_the_source_names_so_amid_cjk_is_no_english_word(locale: str) -> None:
    """A word the source names a claim or property (en.yaml `identifier_nouns`); a long
    word of English left is still reported."""
    source = "Add the tokenissuerclaims claim and the refund amount to the token."
    assert _found(locale, source, "将 tokenissuerclaims 声明添加到令牌。") == []
    assert _found(locale, "The refund amount is shown.", "退款 amount 显示。")
    source = "It is used for compartmentalization of your resources."
    assert _found(locale, source, "它用于 compartmentalization 你的资源。")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("expansion", "acronym"), [("out-of-box flow", "OOBF"), ("multi-step sign", "MSS")]
)
def test_a_hyphenated_expansion_beside_its_acronym_is_a_term_on_the_page(
    locale: str, expansion: str, acronym: str
) -> None:
    # a hyphenated word spells the acronym by each of its parts' initials
    translated = [(f"Check the {expansion} {n}.", f"{OWN[0]} {OWN[n]} {n}.") for n in (1, 2, 3)]
    kept = (f"Set the {expansion} ({acronym}).", f"{OWN[0]} {expansion} ({acronym}) {OWN[4]}.")
    assert _page(locale, [*translated, kept]) == []
    # without the acronym beside it, the page shows the words are English left
    bare = (f"Set the {expansion} now.", f"{OWN[0]} {expansion} {OWN[4]}.")
    assert [f.split(":")[0] for f in _page(locale, [*translated, bare])] == ["4"]


#: A page with three bold headings: two translated, one kept; the kept one's word is
#: translated in three sentences, two of them in lower case.
_HEADINGS = [
    ("**Query qorvex**", "**Zorvak quandro**"),
    ("**Request payload**", "**Vesh plorin**"),
    ("**Trackers**", "**Trackers**"),
    ("Trackers list the seats.", "Telmi vesh dakkum."),
    ("Open the trackers now.", "Plorin quandro."),
    ("Each of the trackers counts.", "Dakkum zorvak."),
]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_heading_kept_whose_siblings_and_word_the_page_translates_is_reported(
    locale: str,
) -> None:
    found = _page(locale, _HEADINGS)
    assert [f.split(":")[0] for f in found] == ["3"]
    assert "the heading 'Trackers'" in found[0]


@pytest.mark.parametrize("locale", ["de-DE", "sv-SE", "ja-JP"])
@pytest.mark.parametrize(
    "change",
    [
        # the locale's text holds the word elsewhere: a word it shares
        {5: ("Each of the trackers counts.", "Dakkum trackers.")},
        # the sibling headings kept too: the page keeps its headings
        {0: ("**Query qorvex**", "**Query qorvex**")},
        # the word only capitalised elsewhere: a name, not a common word
        {4: ("Open Trackers now.", "Plorin quandro."), 5: ("Trackers count.", "Dakkum.")},
    ],
)
def test_a_heading_without_the_pages_evidence_is_not_reported(
    locale: str, change: dict[int, tuple[str, str]]
) -> None:
    pairs = [change.get(n, pair) for n, pair in enumerate(_HEADINGS)]
    assert not [f for f in _page(locale, pairs) if "the heading" in f]


def _country(code: str, locale: str = "en") -> str:
    from babel import Locale

    return str(Locale.parse(locale.replace("-", "_")).territories[code])


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc[:2] in ("ja", "ko", "zh")])
def test_a_country_kept_in_english_in_a_list_the_page_translates_is_reported(
    locale: str,
) -> None:
    cells = [(_country(code), _country(code, locale)) for code in ("AT", "BE")]
    kept = (_country("CA"), _country("CA"))
    found = _page(locale, [*cells, kept])
    assert [f.split(":")[0] for f in found] == ["3"]
    assert _country("CA", locale) in found[0]
    # one other country written in the locale is no list the page translates
    assert _page(locale, [cells[0], kept]) == []


@pytest.mark.parametrize("locale", ["de-DE", "fr-FR", "pl-PL"])
def test_a_country_kept_in_a_spaced_script_is_not_reported(locale: str) -> None:
    cells = [(_country(code), f"Zorvak {code}") for code in ("AT", "BE", "DE")]
    assert _page(locale, [*cells, (_country("CA"), _country("CA"))]) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_name_of_a_list_of_names_kept_whole_is_the_convention(locale: str) -> None:
    # a role of a list of roles kept whole, capital included, while the page translates
    # a shorter role of its words: a name kept by convention
    roles = "Sign in as Global admin, Account admin, Zorvak viewer, or Chief zorvak viewer."
    translated = [
        (f"Open the zorvak viewer {n}.", f"{OWN[0]} quandro {OWN[1]} {n}.") for n in (1, 2)
    ]
    kept = (roles, f"{OWN[4]} Quandro, Chief zorvak viewer {OWN[5]}.")
    assert _page(locale, [*translated, kept]) == []
    # not a list of names: the words kept in prose stay reported
    prose = ("The chief zorvak viewer shows it.", f"{OWN[4]} chief zorvak viewer {OWN[5]}.")
    assert _page(locale, [*translated, prose])
