"""Plural rules from both worlds: a catalog's Plural-Forms header is judged by behaviour
against every rule in use for its language (CLDR's and the gettext tradition's), with
whichever supported Babel is installed."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.plurals import PLURALS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CheckOptions, run_checks
from sunsetkit.errors import CatalogError
from sunsetkit.i18n import discover_catalogs, read_catalog
from sunsetkit.plurals import (
    CLDR_ORDER,
    GETTEXT_TRADITION,
    SAMPLE,
    PluralRule,
    accepted_rules,
    disagreement,
    rule_forms,
)

from .conftest import ROOT

SHIPPED = sorted(discover_catalogs(ROOT / "locales"))

# CLDR's rule for French as Babel 2.19 writes it, and the gettext manual's, spelt as
# published catalogs spell them (spelling is not what is judged).
FRENCH_CLDR = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
FRENCH_GETTEXT = "nplurals=2; plural=(n > 1);"


def _catalog(tmp_path: Path, language: str, header: str | None, forms: int) -> Path:
    lines = ['msgid ""', 'msgstr ""']
    if language:
        lines.append(f'"Language: {language}\\n"')
    if header is not None:
        lines.append(f'"Plural-Forms: {header}\\n"')
    lines += ['"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    lines += ["#, python-format", 'msgid "%(n)s day"', 'msgid_plural "%(n)s days"']
    lines += [f'msgstr[{i}] "%(n)s x{i}"' for i in range(forms)]
    path = tmp_path / f"{language}-{forms}.po"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plural_findings(path: Path) -> list[str]:
    result = run_checks([path], CheckOptions())
    assert not [f for f in result.findings if f.check == "read-error"], result.findings
    return [f.message for f in result.findings if f.check == "plural-forms"]


@pytest.mark.parametrize("header", [FRENCH_CLDR, FRENCH_GETTEXT, "nplurals=2; plural=n>1;"])
def test_a_french_catalog_with_either_rule_is_accepted(tmp_path: Path, header: str) -> None:
    count = int(header.split(";")[0].split("=")[1])
    assert _plural_findings(_catalog(tmp_path, "fr_FR", header, count)) == []


@pytest.mark.parametrize(
    ("language", "header"),
    [
        ("pl_PL", "nplurals=2; plural=(n != 1);"),
        ("ja_JP", "nplurals=2; plural=(n != 1);"),
        ("de_DE", "nplurals=1; plural=0;"),
        # Two forms, but not where French puts them: 0 is singular in French.
        ("fr_FR", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_a_rule_not_in_use_is_an_error_that_names_the_accepted_ones(
    tmp_path: Path, language: str, header: str
) -> None:
    count = int(header.split(";")[0].split("=")[1])
    [message] = _plural_findings(_catalog(tmp_path, language, header, count))
    assert "is no rule in use" in message
    for rule in accepted_rules(language):
        assert f"nplurals={rule.count}" in message
    assert "give each plural message that many forms" in message


def test_plural_messages_without_a_header_are_reported(tmp_path: Path) -> None:
    [message] = _plural_findings(_catalog(tmp_path, "fr_FR", None, 2))
    assert "no Plural-Forms header" in message and "nplurals=3" in message


def test_a_language_babel_does_not_know_gets_no_verdict(tmp_path: Path) -> None:
    path = _catalog(tmp_path, "", "nplurals=4; plural=(n % 4);", 4)  # no Language header
    assert _plural_findings(path) == []


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_every_accepted_rule_of_a_shipped_locale_passes(tmp_path: Path, locale_id: str) -> None:
    language = locale_id.replace("-", "_")
    for rule in accepted_rules(locale_id):
        if rule.expression is not None:
            header = f"nplurals={rule.count}; plural={rule.expression};"
            assert _plural_findings(_catalog(tmp_path, language, header, rule.count)) == []


def test_cldr_comes_first_and_sorts_whole_numbers_into_its_categories() -> None:
    for locale_id in [*SHIPPED, "ar", "cy", "ru", "lt", "br"]:
        cldr, *_ = accepted_rules(locale_id)
        assert cldr.source == "CLDR"
        assert sorted(set(cldr.forms)) == list(range(cldr.count))
        assert len(cldr.categories) == cldr.count
        assert list(cldr.categories) == [c for c in CLDR_ORDER if c in cldr.categories]


def test_both_tables_are_accepted_for_every_language_they_name() -> None:
    """The installed Babel's table (any version) and the gettext tradition's are accepted
    for each language they list: upgrading Babel cannot turn a catalog red."""
    judged = 0
    for table in (PLURALS, GETTEXT_TRADITION):
        for language, (count, expression) in table.items():
            forms = rule_forms(expression)
            assert forms is not None, language
            rules = accepted_rules(language)  # () for a language CLDR lacks: no verdict
            assert not rules or any((r.count, r.forms) == (count, forms) for r in rules)
            judged += bool(rules)
    assert judged > len(GETTEXT_TRADITION)


def test_a_rule_that_fails_to_evaluate_sorts_nothing() -> None:
    assert rule_forms("n / (n - n)") is None
    assert rule_forms("n +") is None
    assert len(rule_forms("(n != 1)") or ()) == len(SAMPLE)


# --- a rule that singles out one number, anywhere --------------------------------------

_RULES = [
    (locale_id, rule)
    for locale_id in [*SHIPPED, "ar", "cy", "ga", "lt", "ru"]
    for rule in accepted_rules(locale_id)
    if rule.expression is not None
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    chosen=st.sampled_from(_RULES),
    odd=st.one_of(st.integers(0, 200_000), st.integers(0, 10**18)),
    offset=st.integers(1, 20),
)
def test_a_form_outside_the_catalog_for_one_number_is_refused_when_read(
    tmp_path: Path, chosen: tuple[str, PluralRule], odd: int, offset: int
) -> None:
    """`n==<odd> ? <no such form> : <a real rule>`: refused by every command's reader,
    on the header's line, however far beyond the checked sample the number is."""
    locale_id, rule = chosen
    header = (
        f"nplurals={rule.count}; plural=n=={odd} ? {rule.count - 1 + offset} : ({rule.expression});"
    )
    path = _catalog(tmp_path, locale_id.replace("-", "_"), header, rule.count)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert caught.value.line == 1 and "Plural-Forms" in str(caught.value)
    assert f"n = {odd:,}" in str(caught.value)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=st.sampled_from(_RULES), odd=st.one_of(st.integers(0, 2000), st.integers(0, 10**18)))
def test_a_rule_that_moves_one_number_to_another_form_is_reported(
    tmp_path: Path, chosen: tuple[str, PluralRule], odd: int
) -> None:
    """`n==<odd> ? <another form> : <a real rule>`: the catalog reads, and `sunset check`
    names the number, wherever it is (not only in the sample)."""
    locale_id, rule = chosen
    real = gettext.c2py(rule.expression or "0")
    if rule.count < 2 or any(
        r.count == rule.count and gettext.c2py(r.expression or "0")(odd) != real(odd)
        for r in accepted_rules(locale_id)
    ):
        return  # one form only, or the accepted rules themselves differ there
    other = (real(odd) + 1) % rule.count
    header = f"nplurals={rule.count}; plural=n=={odd} ? {other} : ({rule.expression});"
    path = _catalog(tmp_path, locale_id.replace("-", "_"), header, rule.count)
    [message] = _plural_findings(path)
    assert f"n = {odd:,}" in message or "is no rule in use" in message


@pytest.mark.parametrize(
    "expression",
    ["n / 2 == 3 ? 1 : 0", "n * 2 > 5", "n - 1", "(n + 1) % 2", "n % 0", "n==3 ? 0-1 : 0"],
)
def test_arithmetic_beyond_modulo_is_no_plural_rule(tmp_path: Path, expression: str) -> None:
    """Such a rule cannot be shown to give a form for every n (n / (n - 4999) divides by
    zero at 4,999 only): no language's rule needs it, so the reader refuses it."""
    path = _catalog(tmp_path, "de_DE", f"nplurals=2; plural={expression};", 2)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert caught.value.line == 1


#: CLDR's rules as Plural-Forms expressions, for a Babel too old to give them (< 2.19).
_CLDR_EXPRESSIONS = {
    "pl": "n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2",
    "ru": "n % 10 == 1 && n % 100 != 11 ? 0 : "
    "n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2",
    "ar": "(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : "
    "n % 100 >= 11 && n % 100 <= 99 ? 4 : 5)",
    "fr": "(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2",
    "cy": "(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5)",
}


@pytest.mark.parametrize("locale_id", ["pl", "ru", "ar", "fr", "cy"])
def test_a_rule_known_only_by_its_cldr_categories_is_compared_on_every_number(
    locale_id: str,
) -> None:
    """With a Babel older than 2.19 CLDR's rule has no expression: the comparison then
    asks Babel's CLDR rule itself, over the span of both rules' numbers."""
    cldr = accepted_rules(locale_id)[0]
    # the catalog's header: this Babel's expression, else CLDR's rule written by hand
    expression = cldr.expression or _CLDR_EXPRESSIONS[locale_id]
    categories_only = PluralRule(cldr.count, cldr.forms, "CLDR", None, cldr.categories)
    assert disagreement(expression, categories_only, locale_id) is None
    odd = 4321
    moved = (gettext.c2py(expression)(odd) + 1) % cldr.count
    changed = f"n=={odd} ? {moved} : ({expression})"
    assert disagreement(changed, categories_only, locale_id) == (
        odd,
        moved,
        gettext.c2py(expression)(odd),
    )


@pytest.mark.parametrize(
    ("expression", "count"),
    [("n%7==3 ? 1 : n%10==1 ? 0 : 1", 2), ("(n % 4)", 4), ("!n", 2)],
)
def test_a_rule_of_another_shape_is_checked_number_by_number(
    tmp_path: Path, expression: str, count: int
) -> None:
    """Moduli that do not nest, n returned or negated: every number of the rule's span
    (here small) is evaluated instead."""
    path = _catalog(tmp_path, "", f"nplurals={count}; plural={expression};", count)
    assert read_catalog(path).num_plurals == count
    wrong = _catalog(tmp_path, "", f"nplurals={count}; plural=n==69 ? 9 : {expression};", count)
    with pytest.raises(CatalogError, match="gives form 9 for n = 69"):
        read_catalog(wrong)


def test_a_rule_whose_span_is_too_large_to_evaluate_is_refused(tmp_path: Path) -> None:
    path = _catalog(tmp_path, "", "nplurals=2; plural=n%999983==1 && n%999979==1;", 2)
    with pytest.raises(CatalogError, match="cannot be checked for every number"):
        read_catalog(path)
