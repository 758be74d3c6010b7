"""Round-9 noise of `term` (issue 16): a form written with another of the locale's links
between its nouns, a term inside a longer English name the translation keeps whole, and a
coordinated noun of several words between a form's words. Invented sentences over every
glossary term of the shipped locales; the broken form stays reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions
from sunsetkit.checks.conventions import locale_data

from .conftest import tiny_catalog as _catalog
from .test_term_forms import GLOSSARY, SHIPPED, _found


def _links(locale: str) -> list[str]:
    return [str(link) for link in locale_data(locale).get("term_links") or ()]


def _joint(link: str) -> str:
    """The link as it stands between two words: an elided one glued to the next."""
    return f" {link}" if link.endswith("'") else f" {link} "


def _linked_forms() -> list[tuple[str, str, str, str, str]]:
    """(locale, term, form, its link, another link) of every form with a link of the
    locale's data between two of its words."""
    cases = []
    for locale in SHIPPED:
        links = _links(locale)
        glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
        for term, forms in glossary.terms.items():
            form = forms[0]
            inner = [link for link in links if _joint(link) in form]
            if inner:
                link = max(inner, key=len)
                if form.replace(_joint(link), " ", 1) in forms:
                    continue  # the link dropped is itself accepted ("API Espace partenaires")
                other = next(x for x in links if x != link and not x.endswith("'"))
                cases.append((locale, term, form, link, other))
    return sorted(cases)


def test_the_shipped_data_has_forms_with_links() -> None:
    assert {case[0] for case in _linked_forms()} >= {"it-IT", "es-ES", "pt-BR"}


@pytest.mark.parametrize(("locale", "term", "form", "link", "other"), _linked_forms())
def test_a_form_may_join_its_nouns_with_another_link(
    tmp_path: Path, locale: str, term: str, form: str, link: str, other: str
) -> None:
    # "relazione del rivenditore" for "relazione di rivenditore"
    relinked = form.replace(_joint(link), f" {other} ", 1)
    linked = (f"Open the {term} now.", f"Mm {relinked} mm.")
    # the link dropped is no form
    dropped = form.replace(_joint(link), " ", 1)
    bare = (f"Open the {term} again.", f"Mm {dropped} mm.")
    found = _found(_catalog(tmp_path, locale, [linked, bare]))
    assert found == [bare[0]]


def _reported_kept() -> list[tuple[str, str]]:
    """(locale, term) of every term whose English kept alone is reported: a backed form."""
    cases = []
    for locale in SHIPPED:
        glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
        for term, forms in glossary.terms.items():
            backed = glossary.evidence.get(term, "").startswith(("agrees:", "portal:"))
            if backed and term not in forms[0] and " " in term:
                cases.append((locale, term))
    return sorted(cases)[::4]


@pytest.mark.parametrize(("locale", "term"), _reported_kept())
def test_a_term_inside_a_longer_name_kept_whole_is_the_names(
    tmp_path: Path, locale: str, term: str
) -> None:
    # "Microsoft Partner Center .NET SDK", "Partner Center Insights" of a longer name
    before = (f"See the Zorbit {term} page.", f"Mm Zorbit {term} mm.")
    after = (f"See the {term} Qorvex Trainer report.", f"Mm {term} Qorvex mm.")
    # the sentence's first word is no word of a name ("In Partner Center", Italian "In")
    first = (f"Zorbit {term} opens.", f"Zorbit {term} mm.")
    # a second use kept alone is still the term kept
    twice = (f"See Zorbit {term} and the {term} menu.", f"Mm Zorbit {term}, {term} mm.")
    # an operation in capitals is no word of a name ("POST Partner Center APIs")
    caps = (f"Use the ZORB {term} calls.", f"Mm ZORB {term} mm.")
    found = _found(_catalog(tmp_path, locale, [before, after, first, twice, caps]))
    assert found == [first[0], twice[0], caps[0]]


@pytest.mark.parametrize("locale", ["es-ES", "it-IT", "fr-FR"])
def test_a_coordinated_noun_of_several_words_may_stand_between_a_forms_words(
    tmp_path: Path, locale: str
) -> None:
    glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
    term, form = next((t, f[0]) for t, f in glossary.terms.items() if len(f[0].split()) >= 3)
    head, tail = form.split(" ", 1)
    # "Partner Center API updates and UI enhancements": "API e i miglioramenti dell'interfaccia
    # utente del Centro per i partner"
    between = f"{head} {_links(locale)[0]} qorvex zorbit plim utente {tail}"
    shared = (f"Open the {term} fixes and qorvex plims now.", f"Mm {between} mm.")
    alone = (f"Open the {term} now.", f"Mm {between} mm.")
    assert _found(_catalog(tmp_path, locale, [shared, alone])) == [alone[0]]


@pytest.mark.parametrize("locale", ["de-DE", "it-IT", "pt-BR"])
def test_an_empty_link_between_a_forms_words_leaves_the_form(tmp_path: Path, locale: str) -> None:
    glossary = CheckOptions(glossary=GLOSSARY).locale_glossary(locale)
    term, form = next((t, f[0]) for t, f in glossary.terms.items() if " " in f[0])
    head, tail = form.split(" ", 1)
    # "il nuovo piano di [](x) Azure": the link's place is the placement checks' defect
    emptied = (f"Open the {term} [now](x).", f"Mm {head} [](x) {tail} mm.")
    # a word put in the link's place is no form
    filled = (f"Open the {term} [again](x).", f"Mm {head} [qorvex](x) {tail} mm.")
    assert _found(_catalog(tmp_path, locale, [emptied, filled])) == [filled[0]]
