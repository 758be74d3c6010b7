"""The shipped catalogs are complete, in step with the sources, and well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from sunsetkit.i18n import bcp47, discover_catalogs, is_machine_translated, load_catalog
from sunsetkit.plurals import accepted_rules, rule_forms

from .conftest import ROOT

CATALOGS = discover_catalogs(ROOT / "locales")
SHIPPED = sorted(CATALOGS)


def _pot() -> Catalog:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        return read_po(handle)


def _keys(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


def test_every_catalog_has_its_header_locale_and_plural_rule() -> None:
    assert SHIPPED, "no catalog found"
    for locale_id, path in CATALOGS.items():
        catalog = load_catalog(path, locale_id)
        assert catalog.locale is not None and bcp47(catalog.locale) == locale_id
        assert catalog.plural_forms, f"{locale_id}: no Plural-Forms header"


def test_pot_is_up_to_date_with_templates_and_content() -> None:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    extracted = {
        (msg if isinstance(msg, str) else msg[0], context)
        for _, _, msg, _, context in extract_from_dir(
            str(ROOT), method_map, options_map, comment_tags=("Translators:",)
        )
    }
    assert extracted == _keys(_pot()), "run the extract command in README.md"


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_catalog_is_complete_and_current(locale_id: str) -> None:
    catalog = load_catalog(CATALOGS[locale_id], locale_id)
    assert _keys(catalog) == _keys(_pot()), "run `pybabel update` and translate"
    assert not catalog.obsolete
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{locale_id}: fuzzy {message.id!r}"
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(forms), f"{locale_id}: untranslated {message.id!r}"
        assert not is_machine_translated(message), f"{locale_id}: machine-translated"


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_plural_forms_follow_cldr(locale_id: str) -> None:
    """The project's own catalogs use CLDR's rule (what `pybabel init` writes), judged by
    behaviour, so the verdict is the same with every Babel the project supports."""
    catalog = load_catalog(CATALOGS[locale_id], locale_id)
    cldr = accepted_rules(locale_id)[0]
    assert cldr.source == "CLDR"
    assert (catalog.num_plurals, rule_forms(catalog.plural_expr)) == (cldr.count, cldr.forms)
    for message in catalog:
        if message.pluralizable:
            assert len(message.string) == cldr.count, f"{locale_id}: {message.id[0]!r}"


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_babel_checkers_find_nothing(locale_id: str) -> None:
    """Babel's own checks: python-format placeholders and plural counts."""
    catalog = load_catalog(CATALOGS[locale_id], locale_id)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert problems == []


@pytest.mark.parametrize("locale_id", SHIPPED)
def test_translators_did_not_bold_or_copy(locale_id: str) -> None:
    """Labels arrive bold through placeholders; no message may add or drop bold, or stay English."""
    catalog = load_catalog(CATALOGS[locale_id], locale_id)
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        for form in forms:
            assert form.count("**") == ids[0].count("**"), f"{locale_id}: {form!r}"
            words = [w for w in ids[0].split() if "%(" not in w]
            if len(words) >= 2:
                assert form != ids[-1] and form != ids[0], f"{locale_id}: English {form!r}"


def test_catalog_paths_use_posix_folders() -> None:
    for locale_id, path in CATALOGS.items():
        assert path.relative_to(ROOT) == Path(
            "locales", locale_id.replace("-", "_"), "LC_MESSAGES", "messages.po"
        )
