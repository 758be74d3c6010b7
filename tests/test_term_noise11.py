"""Round-11 noise of `term` (issue 16): a term that modifies nouns joined by a slash, and a
name kept with its capitals where the locale's unverified form wraps it. Invented terms in
a glossary of their own, over several locales; the broken form stays reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.conventions import locale_data
from sunsetkit.checks.glossary import GlossaryTerms

from .conftest import tiny_catalog as _catalog
from .test_term_forms import GLOSSARY, SHIPPED

GLOSSARY_TERMS = GlossaryTerms.of(GLOSSARY)

TERM = "Zorbit Hub API"
FORMS = {
    "fr-FR": "API de l'Espace zorbit",
    "es-ES": "API del Centro zorbit",
    "it-IT": "API del Hub zorbit",
}


def _found(path: Path, glossary: GlossaryTerms) -> list[str]:
    """The sources of the catalog's `term` findings."""
    findings = run_checks([path], CheckOptions(glossary=glossary)).findings
    return [f.msgid or "" for f in findings if f.check == "term"]


def _glossary(term: str, forms: dict[str, tuple[str, ...]], evidence: str) -> GlossaryTerms:
    statements = dict.fromkeys(forms, evidence)
    return GlossaryTerms(((term, "term", dict(forms)),), {}, {term: statements})


@pytest.mark.parametrize("locale", sorted(FORMS))
def test_a_term_modifying_nouns_joined_by_a_slash_has_its_form_around_the_other(
    tmp_path: Path, locale: str
) -> None:
    form = FORMS[locale]
    glossary = _glossary(TERM, {locale: (form,)}, "agrees: 3 of 3 spans")
    head, tail = form.split(" ", 1)
    # "Partner Center API/SDK": "l'API/du kit SDK de l'Espace partenaires", "API/SDK de ..."
    pairs = [
        (f"Use the {TERM}/SDK 1.", f"Mm {head}/du qorvex SDK {tail} mm."),
        (f"Use the {TERM} / SDK 2.", f"Mm {head}/SDK {tail} mm."),
        # no slash in the source: no coordination to share the modifier
        (f"Use the {TERM} SDK 3.", f"Mm {head}/SDK {tail} mm."),
        # the form's tail lost, or in other capitals, is still reported
        (f"Use the {TERM}/SDK 4.", f"Mm {head}/du qorvex SDK mm."),
        (f"Use the {TERM}/SDK 5.", f"Mm {head}/du qorvex SDK {tail.swapcase()} mm."),
    ]
    found = _found(_catalog(tmp_path, locale, pairs), glossary)
    assert found == [pairs[2][0], pairs[3][0], pairs[4][0]]


@pytest.mark.parametrize("locale", ["pl-PL", "sv-SE", "de-DE"])
def test_an_unverified_form_wrapping_the_titled_name_does_not_overrule_it(
    tmp_path: Path, locale: str
) -> None:
    # pl "witryna Azure Portal": the locale's pages write "w Azure Portal" too
    forms = {locale: ("qorvexa Zorbit Console", "qorvexy Zorbit Console")}
    pairs = [
        ("Open the Zorbit console 1.", "Mm Zorbit Console mm."),
        ("Open the Zorbit console 2.", "Mm qorvexy Zorbit Console mm."),
        ("Open the Zorbit console 3.", "Mm zorbit console mm."),  # capitals lost
        ("Open the Zorbit console 4.", "Mm konsola Zorbit mm."),  # another form
    ]
    unverified = _glossary("Zorbit console", forms, "none: not in human translations")
    found = _found(_catalog(tmp_path, locale, pairs), unverified)
    assert found == [pairs[2][0], pairs[3][0]]
    # a form that human translations back overrules the bare name
    backed = _glossary("Zorbit console", forms, "agrees: 9 of 9 spans")
    found = _found(_catalog(tmp_path, locale, pairs), backed)
    assert found == [pairs[0][0], pairs[2][0], pairs[3][0]]


def _linked_localized() -> list[tuple[str, str, str, str, str, str]]:
    """(locale, term, form, name, localized, link) of every shipped form with a link of the
    locale's `term_links` before a name the locale's `names` localizes."""
    cases = []
    for locale in SHIPPED:
        glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
        links = [str(link) for link in locale_data(locale).get("term_links") or ()]
        for term, forms in glossary.terms.items():
            for name, localized in glossary.conventions.names.items():
                for link in links:
                    if name != term and f" {link} {name}" in forms[0]:
                        cases.append((locale, term, forms[0], name, localized[0], link))
    return sorted(cases)


@pytest.mark.parametrize(
    ("locale", "term", "form", "name", "localized", "link"), _linked_localized()
)
def test_a_localized_name_in_a_form_takes_the_link_that_agrees_with_it(
    tmp_path: Path, locale: str, term: str, form: str, name: str, localized: str, link: str
) -> None:
    # pt-BR "API do Partner Center": "API da Central de Parceiros", "API/SDK da Central ..."
    other = next(x for x in locale_data(locale)["term_links"] if x != link and " " not in x)
    head = form.split(f" {link} {name}")[0]
    written = f"{head} {other} {localized}"
    pairs = [
        (f"Open the {term} 1.", f"Mm {written} mm."),
        (f"Open the {term}/SDK 2.", f"Mm {head}/SDK {other} {localized} mm."),
        # the link dropped, or the localized name cut, is no form
        (f"Open the {term} 3.", f"Mm {head} {localized} mm."),
        (f"Open the {term}/SDK 4.", f"Mm {head}/SDK {other} {localized.split()[0]} mm."),
    ]
    found = _found(_catalog(tmp_path, locale, pairs), GLOSSARY_TERMS)
    assert found == [pairs[2][0], pairs[3][0]]
