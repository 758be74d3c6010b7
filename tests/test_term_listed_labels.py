"""Round-12 recall of `term` (issue 16): a glossary label that is a whole cell of a list
separated by vertical bars (the roles a task needs) broken: cut short after its first
words, or ending in a function word; other words are left alone (a synonym, whatever backs
the form). Invented labels in a glossary of their own, over several locales and scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.checks.glossary import GlossaryTerms

from .conftest import tiny_catalog as _catalog

#: Per locale: the forms of "Zorbit admin" and "Qorvex agent".
FORMS = {
    "nl-NL": ("Globale zorbitbeheerder", "Qorvexagent"),
    "fr-FR": ("Administrateur d'orbite", "Agent qorvex"),
    "ja-JP": ("ゾービット 管理者", "コルベックス エージェント"),
}
#: A function word of each locale (locale_data `function_words`).
DANGLING = {"nl-NL": "voor", "fr-FR": "de", "ja-JP": "の"}


def _glossary(locale: str, evidence: str) -> GlossaryTerms:
    admin, agent = FORMS[locale]
    terms = (
        ("Zorbit admin", "ui", {locale: admin}),
        ("Qorvex agent", "ui", {locale: agent}),
    )
    statements = {"Zorbit admin": {locale: evidence}, "Qorvex agent": {locale: evidence}}
    return GlossaryTerms(terms, {}, statements)


def _found(path: Path, glossary: GlossaryTerms) -> list[str]:
    findings = run_checks([path], CheckOptions(glossary=glossary)).findings
    return [f.msgid or "" for f in findings if f.check == "term"]


@pytest.mark.parametrize("locale", sorted(FORMS))
def test_a_listed_label_written_otherwise_is_reported(tmp_path: Path, locale: str) -> None:
    admin, agent = FORMS[locale]
    joined = agent.replace(" ", "") if locale == "ja-JP" else agent

    def row(n: int, cells: str, text: str) -> tuple[str, str]:
        return (f"**Roles {n}**: {cells}", f"**Rr {n}**: {text}")

    pairs = [
        # both forms, in any order, in another case; the wide script's space dropped (a
        # cell cut after a function word beside them: any label missing would be reported)
        row(1, "Zorbit admin | Qorvex agent", f"{agent} | {admin.lower()}"),
        row(2, "Qorvex agent | Zorbit admin", f"{joined} | {admin} | Wibbel {DANGLING[locale]}"),
        # one label cut short; other words for it, which may be a synonym
        row(3, "Zorbit admin | Qorvex agent", f"{admin.split()[0]} | {agent}"),
        row(4, "Zorbit admin | Qorvex agent", f"{admin} | Wibbel"),
        # no list: a label in running text is the `ui` check's, bold or not
        ("Ask a Zorbit admin to sign in 5.", "Wibbel 5."),
        # a cell that only holds a label's words is no label ("Zorbit admin rights")
        row(6, "Zorbit admin rights | Qorvex agent", f"Wibbel | {agent}"),
        # a table's row: its cells are values, kept or not
        ("| Zorbit admin | Qorvex agent 7 |", f"| Wibbel | {agent} 7 |"),
        # the form's content words, other function words and a word between them
        row(8, "Zorbit admin | Qorvex agent", f"{admin.replace(' ', ' de la ')} | {agent}"),
        # a cell that ends in the locale's function word: a label cut after it
        row(9, "Zorbit admin | Qorvex agent", f"{admin} | Wibbel {DANGLING[locale]}"),
    ]
    expected = [pairs[2][0], pairs[-1][0]]
    for evidence in ("agrees: 3 of 3 spans", "none: no article"):
        assert _found(_catalog(tmp_path, locale, pairs), _glossary(locale, evidence)) == expected
