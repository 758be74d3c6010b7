"""Every portal label and term of the glossary says, per locale, where its approved form
comes from (or why nothing backs it): a form without evidence is a guess.

Generic: runs over whatever terms and locales the glossary and the catalogs hold; the
rule itself is held against invented glossaries, so adding a locale or a term without
evidence fails with a message naming both."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.content.load import load_glossary
from sunsetkit.content.model import Glossary, GlossaryTerm
from sunsetkit.errors import SunsetError
from sunsetkit.i18n import discover_catalogs

from .conftest import ROOT

NEEDS_EVIDENCE = ("ui", "term")


def evidence_problems(glossary: Glossary, catalog_locales: Iterable[str]) -> list[str]:
    """One line per missing or misplaced evidence statement (the model itself refuses a
    statement that is no verdict, portal string or 'none: ')."""
    known = set(catalog_locales)
    problems = []
    for term in glossary.terms:
        if term.kind not in NEEDS_EVIDENCE:
            continue
        for locale in sorted(set(term.translations) - set(term.evidence)):
            problems.append(
                f"{term.source!r} ({term.kind}) has no evidence for {locale}: add where "
                f"its form was seen (sunset mine --glossary), or 'none: ' and why"
            )
        for locale in sorted(set(term.evidence) - known - set(term.translations)):
            problems.append(
                f"{term.source!r} has evidence for {locale}, a locale neither the catalogs "
                f"nor its translations have: remove it or add the locale"
            )
    return problems


def _catalog_locales() -> list[str]:
    return sorted(discover_catalogs(ROOT / "locales"))


def test_every_label_and_term_has_evidence_for_each_of_its_locales() -> None:
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    assert any(t.kind in NEEDS_EVIDENCE for t in glossary.terms)
    assert evidence_problems(glossary, _catalog_locales()) == []


def test_every_catalog_locale_of_a_label_has_its_evidence() -> None:
    """A ui label has a form in every shipped locale, and so evidence for each."""
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    for term in glossary.terms:
        if term.kind == "ui":
            missing = set(_catalog_locales()) - set(term.evidence)
            assert not missing, f"{term.source!r}: no evidence for {sorted(missing)}"


LOCALES = st.sampled_from(["de-DE", "fr-FR", "ja-JP", "nl-NL", "pt-BR", "zh-CN"])
WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


def _term(source: str, kind: str, forms: dict[str, str], evidence: dict[str, str]) -> GlossaryTerm:
    return GlossaryTerm(source=source, kind=kind, translations=forms, evidence=evidence)


@given(
    st.dictionaries(LOCALES, WORD, min_size=1),
    st.sampled_from(NEEDS_EVIDENCE),
    st.data(),
)
def test_a_locale_or_term_without_evidence_is_named(
    forms: dict[str, str], kind: str, data: st.DataObject
) -> None:
    evidence = {loc: f"agrees: 1 of 1 spans in repo: {form}.md (1)" for loc, form in forms.items()}
    backed = _term("Backed label", kind, forms, evidence)
    assert evidence_problems(Glossary(terms=[backed]), forms) == []

    # a locale added to a term without its evidence
    dropped = data.draw(st.sampled_from(sorted(forms)))
    partial = {loc: text for loc, text in evidence.items() if loc != dropped}
    problems = evidence_problems(Glossary(terms=[_term("Label", kind, forms, partial)]), forms)
    assert len(problems) == 1
    assert "'Label'" in problems[0] and dropped in problems[0] and "sunset mine" in problems[0]

    # a new term without any evidence: one line per locale, each naming term and locale
    bare = _term("New label", kind, forms, {})
    problems = evidence_problems(Glossary(terms=[backed, bare]), forms)
    assert len(problems) == len(forms)
    assert all("'New label'" in p for p in problems)
    assert sorted(loc for loc in forms if any(loc in p for p in problems)) == sorted(forms)


@given(st.dictionaries(LOCALES, WORD, min_size=1), LOCALES)
def test_evidence_for_a_locale_nobody_ships_is_named(forms: dict[str, str], stray: str) -> None:
    evidence = dict.fromkeys(forms, "none: no article has it") | {stray: "none: x"}
    term = _term("Label", "ui", forms, evidence)
    problems = evidence_problems(Glossary(terms=[term]), [])
    assert (stray in forms) == (problems == [])
    if stray not in forms:
        assert stray in problems[0] and "neither the catalogs" in problems[0]
        assert evidence_problems(Glossary(terms=[term]), [stray]) == []


@pytest.mark.parametrize("statement", ["looked fine to me", "none:", "agrees:  ", "Agrees: 1"])
def test_a_shapeless_statement_is_refused_at_its_line(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "terms:\n  - source: Label\n    kind: term\n    translations: {fr-FR: Etiquette}\n"
        f"    evidence:\n      fr-FR: {json.dumps(statement)}\n",
        encoding="utf-8",
    )
    with pytest.raises(SunsetError) as caught:
        load_glossary(path)
    assert f"{path}:6:" in str(caught.value) and "evidence" in str(caught.value)


def test_names_need_no_evidence() -> None:
    term = GlossaryTerm(source="Contoso", kind="name")
    assert evidence_problems(Glossary(terms=[term]), ["fr-FR"]) == []
