"""The page's meta description: a definition's own `description` where it gives one, else
the shared message of the guide template, each translated in every locale.

Nothing here names a definition or a translation: the expected text is the catalog's
translation of the chosen message (its English where a catalog lacks it), filled with
the definition's facts the way every prose field is. The shipped definitions are checked
as they are, and again with the field turned around: removed where a definition gives
one, added (a sentence no catalog translates) where it does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from sunsetkit.content.load import load_migrations, load_yaml
from sunsetkit.content.model import Migration
from sunsetkit.guides import BuildResult, Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE, discover_catalogs
from sunsetkit.markdown import outline
from sunsetkit.render import escape_markdown, format_day, join_list

from . import stripped
from .conftest import ROOT, copy_project

#: The guide template's translator comment on its meta description message.
COMMENT = "The page's meta description, shown by search engines."
#: A description no catalog translates: where a definition gives it, every page shows it.
ADDED = "Step by step: how to move your customers from %(product)s in Partner Center."


def _shared_msgid() -> str:
    """The template's meta description message, found in the template catalog by its
    translator comment (the content's own descriptions carry it too, from the content)."""
    with (ROOT / "locales" / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    found = [
        m.id
        for m in template
        if m.id
        and isinstance(m.id, str)
        and COMMENT in m.auto_comments
        and all(path.startswith("templates/") for path, _ in m.locations)
    ]
    assert len(found) == 1, found
    return found[0]


def _catalogs(project: Project) -> dict[str, Catalog]:
    catalogs = {}
    for locale_id, path in discover_catalogs(project.locales_dir).items():
        with path.open("rb") as po:
            catalogs[locale_id] = read_po(po)
    return catalogs


def _translation(catalog: Catalog | None, msgid: str) -> str:
    message = catalog.get(msgid) if catalog is not None else None
    if message is None or message.fuzzy or not message.string:
        return msgid
    assert isinstance(message.string, str)
    return message.string


def _facts(m: Migration, locale_id: str) -> dict[str, Any]:
    locale = Locale.parse(locale_id, sep="-")
    facts: dict[str, Any] = {
        "product": join_list([escape_markdown(p) for p in m.product], locale),
        **{key: escape_markdown(name) for key, name in m.names.items()},
        **{e.key: format_day(e.date, "long", locale) for e in m.events},
    }
    if m.example_product is not None:
        facts["example"] = escape_markdown(m.example_product)
    return facts


def described_pages(built: BuildResult) -> dict[tuple[str, str], str]:
    """Each page's front matter description by (locale, definition)."""
    pages = {}
    for page in built.pages:
        meta = yaml.safe_load(outline(page.text).front_matter or "")
        pages[page.locale_id, page.migration_id] = meta["description"]
    return pages


def _assert_descriptions(project: Project, built: BuildResult) -> dict[str, Migration]:
    shared = _shared_msgid()
    catalogs = _catalogs(project)
    migrations = {m.id: m for m in load_migrations(project.migrations_dir)}
    described = described_pages(built)
    assert {i for _, i in described} == set(migrations)
    for (locale_id, migration_id), text in described.items():
        m = migrations[migration_id]
        catalog = catalogs.get(locale_id) if locale_id != SOURCE_LOCALE else None
        facts = _facts(m, locale_id)
        expected = _translation(catalog, m.description or shared) % facts
        assert text == expected, f"{locale_id}/{migration_id}"
        if m.description:  # the definition's own, not the shared message
            assert text != _translation(catalog, shared) % facts, f"{locale_id}/{migration_id}"
    return migrations


def test_each_page_describes_itself_with_its_definitions_message(
    project: Project, built: BuildResult
) -> None:
    _assert_descriptions(project, built)


def test_a_description_given_or_taken_away_changes_every_locales_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    folder = root / "content" / "migrations"
    turned: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data, _ = load_yaml(path)
        if "description" in data:
            del data["description"]
        else:
            data["description"] = ADDED
        turned[data["id"]] = data
        path.unlink()
    stripped.write(turned, folder)
    project = Project(root)
    migrations = _assert_descriptions(project, build_guides(project))
    shipped = {m.id: m for m in load_migrations(ROOT / "content" / "migrations")}
    assert set(migrations) == set(shipped)
    for migration_id, m in migrations.items():
        assert m.description == (None if shipped[migration_id].description else ADDED)
