"""`sunset check` treats a glossary form with evidence differently from a guess: a label
or term written otherwise than a form the published human translations or the portal
back ("agrees: ", "portal: ") is an error that names the evidence; against a form that
is unverified ("none: ", "differs: ", or no statement) it is a warning that says so.

Invented glossaries and messages; the statement kinds and locales are drawn."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions, Finding, run_checks
from sunsetkit.content.model import Glossary, GlossaryTerm

LOCALES = st.sampled_from(["de-DE", "fr-FR", "nl-NL", "pl-PL", "sv-SE", "es-ES"])
WORD = st.text("bcdfghjklmnprstvwz", min_size=4, max_size=8).map(lambda w: w + "a")
BACKED = st.sampled_from(["agrees: 9 of 10 spans in repo: a.md (9)", "portal: Billing page"])
UNVERIFIED = st.sampled_from(
    ["none: the articles are machine-translated", "differs: 1 of 5 spans in repo: b.md (1)", ""]
)


def _findings(
    tmp_path: Path, locale: str, glossary: Glossary, pairs: list[tuple[str, str]]
) -> list[Finding]:
    catalog = Catalog(locale=locale.replace("-", "_"))
    for source, text in pairs:
        catalog.add(source, text)
    path = tmp_path / f"{locale}.po"
    with path.open("wb") as out:
        write_po(out, catalog)
    options = CheckOptions(glossary=glossary, jobs=1)
    return [f for f in run_checks([path], options).findings if f.check in ("ui", "term")]


def _glossary(locale: str, label: str, term: str, statement: str) -> Glossary:
    evidence = {locale: statement} if statement else {}
    return Glossary(
        terms=[
            GlossaryTerm(
                source="Submit", kind="ui", translations={locale: label}, evidence=evidence
            ),
            GlossaryTerm(
                source="Partner Center",
                kind="term",
                translations={locale: term},
                evidence=evidence,
            ),
        ]
    )


MESSAGES = [
    ("Then select **Submit**.", "Xyz **Wrongly**."),
    ("Sign in to Partner Center.", "Xyz wrongly placed."),
]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LOCALES, WORD, WORD, BACKED)
def test_against_evidence_an_error_that_names_it(
    tmp_path: Path, locale: str, label: str, term: str, statement: str
) -> None:
    found = _findings(tmp_path, locale, _glossary(locale, label, term, statement), MESSAGES)
    assert {f.check for f in found} == {"ui", "term"}
    for finding in found:
        assert finding.severity == "error"
        assert f"(evidence: {statement})" in finding.message


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LOCALES, WORD, WORD, UNVERIFIED)
def test_against_a_guess_a_warning_that_says_so(
    tmp_path: Path, locale: str, label: str, term: str, statement: str
) -> None:
    found = _findings(tmp_path, locale, _glossary(locale, label, term, statement), MESSAGES)
    assert {f.check for f in found} == {"ui", "term"}
    for finding in found:
        assert finding.severity == "warning"
        assert "unverified form, a warning" in finding.message
        assert (statement.split("; ")[0] if statement else "records no evidence") in (
            finding.message
        )


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LOCALES, WORD, WORD, st.one_of(BACKED, UNVERIFIED))
def test_a_translation_with_the_form_is_fine_either_way(
    tmp_path: Path, locale: str, label: str, term: str, statement: str
) -> None:
    right = [("Then select **Submit**.", f"Xyz **{label}**."), ("Partner Center.", f"{term}.")]
    assert _findings(tmp_path, locale, _glossary(locale, label, term, statement), right) == []


def test_a_configured_severity_still_lowers_an_evidenced_finding(tmp_path: Path) -> None:
    glossary = _glossary("de-DE", "Senden", "Partnercenter", "portal: the Submit button")
    catalog = Catalog(locale="de_DE")
    catalog.add("Then select **Submit**.", "Dann **Absenden**.")
    path = tmp_path / "de.po"
    with path.open("wb") as out:
        write_po(out, catalog)
    options = CheckOptions(glossary=glossary, jobs=1, severities={"ui": "warning"})
    found = [f for f in run_checks([path], options).findings if f.check == "ui"]
    assert [f.severity for f in found] == ["warning"]
