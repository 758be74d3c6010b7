"""The guides job: definitions x locales -> rendered pages, with per-locale coverage."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

import jinja2
from babel.messages.catalog import Catalog

from ..content.load import load_glossary, load_migrations
from ..content.model import Format, Glossary, Migration
from ..errors import SunsetError, UsageError, did_you_mean
from ..files import read_regular
from ..i18n import (
    SOURCE_LOCALE,
    Translator,
    Usage,
    discover_catalogs,
    load_catalog,
    select_locales,
)
from ..project import Project
from ..render import Vocabulary, create_environment, render_template, translation_context
from ..untrusted import escape_html, html_tags
from .images import ImageRenderer

__all__ = ["BuildResult", "Page", "Project", "build_guides", "other_format"]

TEMPLATE = "guide.md.j2"
#: What marks a side-by-side page (see SegmentWrapper).
SXS_MARK = b'<span data-ttu-id="'


@dataclass(frozen=True)
class Page:
    locale_id: str
    migration_id: str
    text: str
    usage: Usage

    @property
    def relpath(self) -> str:
        return f"{self.locale_id}/{self.migration_id}.md"


@dataclass
class BuildResult:
    pages: list[Page]
    coverage: dict[str, Usage] = field(default_factory=dict)
    below_minimum: list[str] = field(default_factory=list)
    locales: list[str] = field(default_factory=list)
    migrations: list[str] = field(default_factory=list)
    #: Shared files the pages link (images), by path relative to the output folder.
    assets: dict[str, str] = field(default_factory=dict)

    def percent(self, locale_id: str) -> float:
        usage = self.coverage[locale_id]
        return 100.0 * len(usage.translated) / len(usage.used) if usage.used else 100.0


def build_guides(
    project: Project,
    locales: Sequence[str] = (),
    migration_ids: Sequence[str] = (),
    fmt: Format = "markdown",
    min_coverage: float | None = None,
) -> BuildResult:
    """Render every selected page in memory; raise SunsetError before anything is written."""
    glossary = load_glossary(project.glossary_path)
    migrations = _select_migrations(
        load_migrations(project.migrations_dir, glossary), migration_ids
    )
    available = discover_catalogs(project.locales_dir)
    chosen = select_locales(list(locales), available)
    catalogs = {loc: load_catalog(available[loc], loc) for loc in chosen if loc in available}
    env = create_environment(project.templates_dir)

    result = BuildResult(pages=[], locales=chosen, migrations=[m.id for m in migrations])
    for migration in migrations:
        source = _render(env, migration, SOURCE_LOCALE, None, glossary, fmt, "")
        fingerprint = hashlib.sha256(source.text.encode("utf-8")).hexdigest()[:40]
        for locale_id in chosen:
            page = (
                source
                if locale_id == SOURCE_LOCALE
                else _render(
                    env, migration, locale_id, catalogs[locale_id], glossary, fmt, fingerprint
                )
            )
            result.pages.append(page)
            result.coverage.setdefault(locale_id, Usage()).merge(page.usage)
    if min_coverage is not None:
        result.below_minimum = [loc for loc in chosen if result.percent(loc) < min_coverage]
        result.pages = [p for p in result.pages if p.locale_id not in result.below_minimum]
    result.assets = page_assets(project, migrations, result.pages, glossary, catalogs)
    return result


def asset_paths(migrations: Sequence[Migration], pages: Sequence[Page]) -> list[str]:
    """Where the images each page links go, beside it: <locale>/images/..."""
    images = {m.id: [image.src for image in m.images] for m in migrations}
    wanted = {(p.locale_id, src) for p in pages for src in images.get(p.migration_id, [])}
    return [f"{locale_id}/{src}" for locale_id, src in sorted(wanted)]


def page_assets(
    project: Project,
    migrations: Sequence[Migration],
    pages: Sequence[Page],
    glossary: Glossary | None = None,
    catalogs: Mapping[str, Catalog] | None = None,
) -> dict[str, str]:
    """The images each page links, rendered in the page's language and written beside it,
    so links resolve. `glossary` and `catalogs`: what the caller has read already."""
    paths = asset_paths(migrations, pages)
    if not paths:
        return {}
    renderer = ImageRenderer(project, glossary, catalogs)
    rendered = {}
    for path in paths:
        locale_id, src = path.split("/", 1)
        rendered[path] = renderer.render(src, locale_id)
    return rendered


def _select_migrations(migrations: list[Migration], ids: Sequence[str]) -> list[Migration]:
    if not ids:
        return migrations
    by_id = {m.id: m for m in migrations}
    for wanted in ids:
        if wanted not in by_id:
            raise UsageError(
                f"no migration with id {wanted!r}",
                hint=did_you_mean(wanted, by_id) or f"known: {', '.join(by_id)}",
            )
    return [by_id[i] for i in sorted(set(ids))]


def _render(
    env: jinja2.Environment,
    migration: Migration,
    locale_id: str,
    catalog: Catalog | None,
    glossary: Glossary,
    fmt: Format,
    fingerprint: str,
) -> Page:
    vocabulary = Vocabulary(glossary, locale_id)
    handoff = catalog.revision_date if catalog is not None else None
    context = {
        "migration": migration,
        "source_fingerprint": fingerprint,
        "handoff": handoff.date() if isinstance(handoff, datetime) else None,
    }
    # Pass one renders as if the page were fully human-translated and learns which
    # messages it uses. Only when that guess was wrong (a fallback notice, MT) or the
    # side-by-side form is wanted is the page rendered a second time.
    probe = Translator(catalog)
    first = _page(env, {**context, **translation_context(probe, vocabulary), "usage": Usage()})
    usage = probe.usage
    # The HTML preview shows the English source on hover: it is built from the sxs form.
    wants_sxs = fmt in ("sxs", "html") and catalog is not None
    if usage.complete and usage.kind == "HT" and not wants_sxs:
        return Page(locale_id, migration.id, first, usage)
    wrap = _sxs_wrapper(migration.id) if wants_sxs else None
    translator = Translator(catalog, wrap)
    text = _page(env, {**context, **translation_context(translator, vocabulary), "usage": usage})
    return Page(locale_id, migration.id, text, usage)


_BLANK_RUN = re.compile(r"\n{3,}")


def other_format(root: Path, fmt: Format) -> Callable[[str], bool]:
    """Whether a file an earlier build left in `root` is a page of another format than
    `fmt`: a build owns its folder, so a partial build (--locale, --migration) in a new
    format leaves no page of the old one for `sunset check` to find. Images are every
    format's."""

    def other(relpath: str) -> bool:
        suffix = PurePosixPath(relpath).suffix
        if suffix == ".svg":
            return False
        if fmt == "html":
            return suffix == ".md"
        if suffix != ".md":
            return True  # the HTML site's pages and index
        if relpath.startswith(f"{SOURCE_LOCALE}/"):
            return False  # English pages read the same side by side and in Markdown
        try:
            side_by_side = SXS_MARK in read_regular(root / relpath)
        except SunsetError:
            return True  # unreadable: not a page this build can keep
        return side_by_side != (fmt == "sxs")

    return other


def _page(env: jinja2.Environment, context: dict[str, object]) -> str:
    """The rendered page; optional parts of the layout leave no runs of blank lines."""
    return _BLANK_RUN.sub("\n\n", render_template(env, TEMPLATE, context))


def _sxs_wrapper(article: str) -> SegmentWrapper:
    return SegmentWrapper(hashlib.sha256(article.encode("utf-8")).hexdigest()[:5])


@dataclass(frozen=True)
class SegmentWrapper:
    """The side-by-side review form: a translated segment, then its hidden English source.

    A message used twice on a page (one wording, other values) gets "-2", "-3": each
    segment's id is unique on its page, as review tools expect."""

    article: str
    seen: Counter[str] = field(default_factory=Counter)

    def __call__(self, key: str, translated: str, source: str) -> str:
        self.seen[key] += 1
        count = self.seen[key]
        seg = f"{self.article}-{key}" + (f"-{count}" if count > 1 else "")
        # Review tools read the spans as HTML, code spans or not: no tag the English does
        # not have may stand in the translation, or it could close its span.
        tags = html_tags(source)
        translated = escape_html(translated, tags.__contains__)
        return (
            f'<span data-ttu-id="{seg}">{translated}</span>'
            f'<span class="sxs-lookup"><span data-stu-id="{seg}">{source}</span></span>'
        )
