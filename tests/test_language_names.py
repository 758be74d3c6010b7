"""A language switcher names each language in itself, as CLDR names it: 한국어, 简体中文,
British English. Babel has no localeDisplayPattern, and its "name (country)" is written
the English way in every language (한국어 (대한민국), 中文 (简体, 中国)), so a name is
one of the locale's own CLDR language names, never a name with a pattern around it."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.core import get_global
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.guides.html import language_name
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs, parse_locale, posix

from .conftest import ROOT

SHIPPED = sorted({SOURCE_LOCALE, *discover_catalogs(ROOT / "locales")})
#: CLDR's locales with a country, as a project could add one (sr_Latn_RS, zh_Hant_TW).
WITH_COUNTRY = sorted(
    i
    for i in locale_identifiers()
    if Locale.parse(i).territory and Locale.parse(i).languages.get(Locale.parse(i).language)
)


def _own_names(locale: Locale) -> set[str]:
    """Every language name of the locale's CLDR data, as a switcher writes it."""
    return {name[:1].upper() + name[1:] for name in locale.languages.values()}


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_a_shipped_language_is_named_by_its_own_cldr_name(locale_id: str) -> None:
    locale = Locale.parse(posix(parse_locale(locale_id)))
    name = language_name(locale_id)
    assert name in _own_names(locale), (locale_id, name)
    assert not set(name) & set("(),\uff08\uff09\uff0c"), (locale_id, name)  # no pattern around it


def test_shipped_languages_have_distinct_names() -> None:
    names = [language_name(locale_id) for locale_id in SHIPPED]
    assert len(set(names)) == len(names), names


@given(st.sampled_from(WITH_COUNTRY))
def test_the_default_country_is_left_out_and_another_one_named(identifier: str) -> None:
    """ko_KR is 한국어; en_GB is British English (CLDR's compound name), never "English"
    alone, which would read as the same language as en_US."""
    locale = Locale.parse(identifier)
    name = language_name(identifier.replace("_", "-"))
    likely = get_global("likely_subtags")
    script = locale.script or Locale.parse(likely.get(locale.language, identifier)).script
    default = Locale.parse(likely.get(f"{locale.language}_{script}", likely[locale.language]))
    compound = locale.languages.get(f"{locale.language}_{locale.territory}")
    if locale.variant:
        return
    if locale.territory == default.territory:
        assert name in _own_names(locale), (identifier, name)
    elif compound:
        assert name == compound[:1].upper() + compound[1:], (identifier, name)
    else:  # no CLDR name for it: Babel's, which names the country
        babel_s = str(locale.get_display_name(locale))
        assert name == babel_s[:1].upper() + babel_s[1:], (identifier, name)
