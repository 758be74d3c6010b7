# ruff: noqa: RUF001 (full-width and look-alike letters are what the properties try)
"""A check's precondition (`Check.when`) never hides a finding: over generated messages,
wherever it says no, the check itself reports nothing. The messages are built from words
that each check reacts to (brand words, coined words, acronyms, digits, list separators,
the locale's "or", bars, placeholders, markup, a word twice) and from characters whose
case folding changes their length or script, so a precondition that tests less than its
check reads is found."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS, CheckOptions
from sunsetkit.checks.base import Check, Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.names import brands
from sunsetkit.checks.numbers import list_words

from .test_false_alarms import GLOSSARY, SHIPPED

# Run without the coverage tracer: hundreds of drawn messages per check rerun the code
# the checks' own tests cover, at twice the cost under the tracer.
pytestmark = pytest.mark.no_cover

OPTIONS = CheckOptions(glossary=GLOSSARY)
MD = markdown_parser()
GUARDED = [check for check in CHECKS if check.when is not None]
LOCALES = [*SHIPPED, None]


#: Names: coined words, names with a brand and a plan code, halves of a brand word (which
#: emphasis between them joins: "Micro**soft**").
NAMES = [
    "AppSource",
    "SaaS",
    "OneDrive",
    "Micro",
    "soft",
    "Share",
    "Point",
    "Microsoft 365 E3",
    "Microsoft 365 E5",
    "Dynamics 365 Sales",
    "Office 365",
]
#: Acronyms, numbers, list and placeholder marks, markup.
MARKS = [
    "CSP",
    "POR",
    "FY21",
    "365",
    "1,000",
    "10.5",
    "²",
    "٣",
    "|",
    "||",
    ",",
    ";",
    "、",
    "，",
    "%s",
    "%(name)s",
    "{count}",
    "**",
    "`",
    "[",
    "](x)",
    "&amp;",
    ".",
    "!",
]
#: Letters whose case folding changes their length or script: a precondition that folds
#: or tokenizes otherwise than its check is caught on them.
FOLDING = [
    "ﬀ",  # folds to "ff"
    "\u212a",  # Kelvin sign: folds to "k"
    "ſ",  # long s: folds to "s"
    "\uab70",  # Cherokee small letter: folds to a capital below the CJK range
    "İ",
    "ß",
    "日本",
]


def _pieces(locale: str | None) -> st.SearchStrategy[str]:
    """The words a message is made of: each kind as likely as the others."""
    brand = sorted(brands())
    joiners = sorted(list_words(locale)) if locale else []
    return st.one_of(
        st.sampled_from([*brand, *(b.capitalize() for b in brand), *(b.upper() for b in brand)]),
        st.sampled_from(NAMES),
        st.sampled_from(MARKS),
        st.sampled_from(["tiers", "Tiers", "and", "or", *joiners, "can", "MUST", "können"]),
        st.sampled_from(FOLDING),
        st.text(min_size=1, max_size=4),
    )


@st.composite
def _messages(draw: st.DrawFn, locale: str | None) -> tuple[str, str]:
    """A source of such words, and a translation edited from it as translations differ:
    a word replaced, dropped, doubled or put in another case, text added around it."""
    piece = _pieces(locale)
    glue = st.sampled_from([" ", "", "  ", "\n", "-", " - "])
    parts = draw(st.lists(st.tuples(piece, glue), max_size=8))
    edited: list[tuple[str, str]] = []
    for word, between in parts:
        how = draw(st.sampled_from(["keep", "keep", "replace", "drop", "double", "case"]))
        if how == "replace":
            edited.append((draw(piece), between))
        elif how == "double":
            edited += [(word, " "), (word, between)]
        elif how == "case":
            edited.append((draw(st.sampled_from([word.lower(), word.upper()])), between))
        elif how == "keep":
            edited.append((word, between))
    around = draw(st.lists(st.tuples(piece, glue), max_size=3))
    source = "".join(w + g for w, g in parts)
    translation = "".join(w + g for w, g in [*edited, *around])
    return source, translation


@pytest.mark.parametrize("check", GUARDED, ids=lambda c: c.id)
@pytest.mark.parametrize("markup", [False, True], ids=["plain", "markdown"])
@settings(max_examples=150)
@given(data=st.data())
def test_precondition_false_means_no_finding(
    check: Check, markup: bool, data: st.DataObject
) -> None:
    locale = data.draw(st.sampled_from(LOCALES))
    source, translation = data.draw(_messages(locale))
    plural = data.draw(st.booleans())
    flags = data.draw(st.sampled_from([(), ("machine",), ("python-format",)]))
    message = (
        Message((source, source + " s"), (translation, translation + " 2", "x"), flags=flags)
        if plural
        else Message(source, translation, flags=flags)
    )
    entry = Entry(message)
    if not entry.translated:
        return
    ctx = MessageContext(locale, OPTIONS.locale_glossary(locale), MD if markup else None)
    if not check.when(entry, ctx):
        assert list(check.func(entry, ctx)) == []


@pytest.mark.parametrize("check", GUARDED, ids=lambda c: c.id)
def test_precondition_lets_its_check_fire(check: Check) -> None:
    """Each precondition says yes somewhere: a test that always said no would pass the
    property above and silence its check."""
    for locale in [loc for loc in SHIPPED if not loc.startswith("en")]:
        ctx = MessageContext(locale, OPTIONS.locale_glossary(locale), None)
        own = sorted(list_words(locale)) or ["or"]
        for source, text in [
            ("Buy Microsoft 365 E3 or AppSource plans | 5, POR %s {n}", f"x x {own[0]} ,, 6"),
            ("Contoso AppSource, SaaS CSP 10", "Contoso Contoso, 11"),
            ("You can buy Contoso.", "Contoso puede Contoso."),
            ("You can't buy Contoso.", "Contoso x."),
            ("The term of the Contoso plan ends.", "Contoso x."),
            ("Contoso Fabrikam", "Contosofabrikamfabrikam"),
            ("You want to buy Contoso.", "Contoso を購入する必要があります。"),
        ]:
            entry = Entry(Message(source, text, flags=("machine",)))
            if check.when(entry, ctx):
                return
    pytest.fail(f"{check.id}'s precondition never holds")


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # a brand word joined only once emphasis is dropped, beside a coined word kept
        ("Order Micro**soft** 365 E3 in AppSource", "Zorvak Micro**soft** 365 E5 telmi AppSource"),
        ("Open Share[Point] Online as SaaS", "Quandro share[point] Online vesh SaaS"),
        # a coined word written in another case, no brand word at all
        ("Publish it in AppSource today", "Plorin telmi Appsource dakkum"),
        # an identifier in lower camel case, translated (hypothesis drew this shape)
        ("zorvakTelmiCode ", "zorvak"),
    ],
)
def test_name_changed_precondition_on_rare_paths(source: str, translation: str) -> None:
    """The paths of name-changed that the generated messages seldom reach: the
    precondition lets each through, and the check does report there."""
    ctx = MessageContext("de-DE", OPTIONS.locale_glossary("de-DE"), None)
    entry = Entry(Message(source, translation))
    check = next(c for c in GUARDED if c.id == "name-changed")
    assert check.when is not None and check.when(entry, ctx)
    assert list(check.func(entry, ctx))
