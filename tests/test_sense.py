"""A domain word translated in its everyday sense (`sense`, #16): the source says "term",
"seat", "deal", "calling", "order", "churn", "ticket" or "claim" in the domain's sense, and
the translation holds the locale's rendering of the other sense and none of the domain's.
Fixtures are invented sentences; each test runs over every shipped locale whose data gives
the word, built from that data, so a locale's entry is tried as it is written."""

from __future__ import annotations

import pytest

from sunsetkit.checks import CHECKS
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.senses import Sense, _asides, senses

from .conftest import ROOT
from .one_message import findings
from .test_false_alarms import SHIPPED

#: The English of each word in an invented sentence, in the domain's sense.
SENTENCES = {
    "term": "The term of the Contoso plan ends in March.",
    "terms": "Read the terms of the Contoso agreement.",
    "seat": "Add one seat to the Contoso plan.",
    "deal": "The Contoso deal closes on Friday.",
    "test drive": "Start the test drive of the Contoso app.",
    "calling": "Teams calling is on for Contoso.",
    "recon": "Open the Contoso recon file.",
    "amount": "The amount is due on Friday.",
    "order": "Your Contoso order ships on Friday.",
    "referral": "Accept the Contoso referral by Friday.",
    "statement": "Download the payout statement for Contoso.",
    "developed market": "Contoso sells in a developed market.",
    "leads": "Contoso sends you new leads.",
    "meter": "Each meter has a price.",
    "credit limit": "Contoso reached its credit limit.",
    "retire": "The Contoso API will retire in March.",
    "promotion": "The Contoso promotion ends in March.",
    "churn": "Contoso churn fell in March.",
    "publisher": "The publisher of the Contoso app gets paid.",
    "voucher": "Redeem the Contoso voucher by Friday.",
    "readiness": "Read the Contoso readiness guide.",
    "engagement": "Start an engagement with Contoso.",
    "channel": "Contoso sells through the channel.",
    "claim": "Submit the Contoso claims by Friday.",
    "ticket": "Open a ticket for Contoso.",
    "withholding": "Enter the withholding total for Contoso.",
    "transact": "Partners transacting with Contoso get paid.",
    "incentive": "Join the Contoso incentive program.",
    "plan": "Buy an Azure plan for Contoso.",
    "subscription": "Cancel the Contoso subscription by Friday.",
    "sla credit": "Request an SLA credit for Contoso.",
    "offer": "Publish the Contoso offer by Friday.",
    "won": "Mark the Contoso deal as won.",
    "flat rate": "The Contoso plan has a flat rate.",
    "ip co-sell": "Contoso joined Azure IP co-sell in March.",
}
CASES = [
    (locale, sense) for locale in SHIPPED if not locale.startswith("en") for sense in senses(locale)
]


def _form(stem: str) -> str:
    """A word of a stem (`begriff*` -> `begriff`), as a translation would write it."""
    return stem.rstrip("*")


def _sense(source: str, text: str, locale: str) -> list[str]:
    return findings("sense", source, text, locale, "everyday sense")


def test_every_locale_with_senses_has_a_case_and_every_word_an_english_sentence() -> None:
    assert {locale for locale, _ in CASES} == {
        locale for locale in SHIPPED if locale_data(locale).get("senses")
    }
    assert {sense.word for _, sense in CASES} == SENTENCES.keys()
    assert len({locale for locale, _ in CASES}) >= 11


@pytest.mark.parametrize(("locale", "sense"), CASES, ids=lambda x: getattr(x, "word", x))
def test_the_wrong_rendering_alone_is_reported(locale: str, sense: Sense) -> None:
    source = SENTENCES[sense.word]
    text = f"Contoso {_form(sense.wrong[0])} Fabrikam."
    assert _sense(source, text, locale), (locale, sense.word, text)


@pytest.mark.parametrize(("locale", "sense"), CASES, ids=lambda x: getattr(x, "word", x))
def test_a_right_rendering_beside_it_or_the_english_kept_is_left_alone(
    locale: str, sense: Sense
) -> None:
    source = SENTENCES[sense.word]
    wrong = _form(sense.wrong[0])
    for right in sense.right:
        assert not _sense(source, f"Contoso {wrong} {_form(right)} Fabrikam.", locale)
    english = sense.forms[0]  # the form the sentence says
    if english not in sense.wrong:  # Dutch "term" is the wrong word, no English kept
        assert not _sense(source, f"Contoso {wrong} ({english}) Fabrikam.", locale)


@pytest.mark.parametrize(("locale", "sense"), CASES, ids=lambda x: getattr(x, "word", x))
def test_the_everyday_sense_in_the_source_is_left_alone(locale: str, sense: Sense) -> None:
    """A source without the word, or with it in an aside ("the term "Contoso""), may say the
    everyday sense: the wrong rendering is then right."""
    text = f"Contoso {_form(sense.wrong[0])} Fabrikam."
    assert not _sense("Contoso ships on Friday.", text, locale)
    phrases, context = _asides(sense)
    for phrase in phrases:  # the phrase holds the word
        assert not _sense(f"Contoso {phrase} Fabrikam.", text, locale), phrase
    for word in context:
        assert not _sense(f"Contoso {word} Fabrikam {sense.word}.", text, locale), word


def test_a_phrase_of_the_everyday_sense_leaves_only_its_own_word_aside() -> None:
    """ "in order to cancel the order": the phrase says the everyday sense, the second
    "order" the domain's; a context word ("MFA" beside a claim) leaves the whole message."""
    tried = 0
    for locale, sense in CASES:
        text = f"Contoso {_form(sense.wrong[0])} Fabrikam."
        phrases, context = _asides(sense)
        for phrase in phrases:
            if any(word in f" {phrase} " for word in context):
                continue  # "calling api" says a context word too, which leaves it all
            source = f"Contoso {phrase} Fabrikam, then the Contoso {sense.forms[0]}."
            assert _sense(source, text, locale), (locale, phrase)
            tried += 1
        for word in context:
            source = f"Contoso {word} Fabrikam, then the Contoso {sense.forms[0]}."
            assert not _sense(source, text, locale), (locale, word)
    assert tried >= 11


def test_a_word_inside_another_is_no_domain_word() -> None:
    """ "long-term" and "terminal" hold no "term"; "seats" in a word joined by a hyphen is
    another word."""
    locale = next(locale for locale, sense in CASES if sense.word == "term")
    wrong = _form(next(s for s in senses(locale) if s.word == "term").wrong[0])
    for source in ("A long-term plan for Contoso.", "Open the Contoso terminal."):
        assert not _sense(source, f"Contoso {wrong} Fabrikam.", locale), source


def test_english_locales_are_not_checked() -> None:
    assert not _sense("The term ends.", "The term ends.", "en-US")


def test_the_check_is_registered_on_by_default_and_documented() -> None:
    check = next(check for check in CHECKS if check.id == "sense")
    assert check.description and not check.opt_in and check.when is not None
    for doc in ("README.md", "docs/authoring.md", "src/sunsetkit/checks/locale_data/README.md"):
        assert "`sense`" in (ROOT / doc).read_text(encoding="utf-8"), doc
