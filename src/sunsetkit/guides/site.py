"""Guides as HTML pages: the preview site of `sunset build --format html`, and the guides
a checklist folder carries so that its links work wherever the folder goes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..content.load import load_glossary
from ..i18n import SOURCE_LOCALE, Translator, discover_catalogs, load_catalog
from ..project import Project
from ..render import Vocabulary, render_template, translation_context
from .build import Page
from .html import create_html_environment, guide_html, language_name

__all__ = ["DOCS_URL", "LocaleContexts", "guide_pages", "guide_site", "site_index"]

TEMPLATE = "guide.html.j2"
INDEX_TEMPLATE = "guides-index.html.j2"
#: Where the articles that guides link relatively (`next steps`) are published.
DOCS_URL = "https://learn.microsoft.com/{locale}/partner-center/"


@dataclass
class LocaleContexts:
    """A translator and vocabulary per locale, made once and reused for every page."""

    project: Project
    available: dict[str, Path] = field(default_factory=dict)
    glossary: Any = None
    cache: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.available = self.available or discover_catalogs(self.project.locales_dir)
        self.glossary = self.glossary or load_glossary(self.project.glossary_path)

    def __call__(self, locale_id: str) -> dict[str, Any]:
        if locale_id not in self.cache:
            catalog = (
                None
                if locale_id == SOURCE_LOCALE
                else load_catalog(self.available[locale_id], locale_id)
            )
            self.cache[locale_id] = translation_context(
                Translator(catalog), Vocabulary(self.glossary, locale_id)
            )
        return self.cache[locale_id]


def guide_pages(
    pages: Iterable[Page], contexts: LocaleContexts, env: jinja2.Environment | None = None
) -> dict[str, str]:
    """`<locale>/<id>.html` for every page; each links the same guide in the other locales
    given, and other guides given in its own locale."""
    env = env or create_html_environment(contexts.project.templates_dir)
    env.globals["guide_body"] = guide_html
    pages = list(pages)
    locales_of: dict[str, list[str]] = defaultdict(list)
    ids_of: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        locales_of[page.migration_id].append(page.locale_id)
        ids_of[page.locale_id].add(page.migration_id)
    files: dict[str, str] = {}
    for page in pages:
        languages = [
            {
                "locale_id": other,
                "name": language_name(other),
                "href": f"../{other}/{page.migration_id}.html",
            }
            for other in sorted(locales_of[page.migration_id])
        ]
        links = {f"{other}.md": f"{other}.html" for other in ids_of[page.locale_id]}
        links["*"] = DOCS_URL.format(locale=page.locale_id.lower()) + "{path}"
        context = {
            **contexts(page.locale_id),
            "markdown": page.text,
            "languages": languages,
            "links": links,
        }
        files[f"{page.locale_id}/{page.migration_id}.html"] = render_template(
            env, TEMPLATE, context
        )
    return files


def site_index(pages: Iterable[Page], titles: dict[str, str], env: jinja2.Environment) -> str:
    """The preview site's front page: every guide in every locale."""
    grid: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        grid[page.migration_id].append(page.locale_id)
    rows = [
        {
            "id": migration_id,
            "title": titles.get(migration_id, migration_id),
            "locales": [(loc, language_name(loc)) for loc in sorted(grid[migration_id])],
        }
        for migration_id in sorted(grid)
    ]
    return render_template(env, INDEX_TEMPLATE, {"locale_id": SOURCE_LOCALE, "rows": rows})


def guide_site(pages: list[Page], project: Project) -> dict[str, str]:
    """The whole preview site: every page as HTML, and index.html."""
    contexts = LocaleContexts(project)
    env = create_html_environment(project.templates_dir)
    files = guide_pages(pages, contexts, env)
    titles = {
        p.migration_id: str(guide_html(p.text, {}, {}).front.get("title", p.migration_id))
        for p in pages
        if p.locale_id == SOURCE_LOCALE
    }
    files["index.html"] = site_index(pages, titles, env)
    return files
