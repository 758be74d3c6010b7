"""sunset: localized migration guides for retired cloud offers.

The public API; everything else lives in modules whose names say what they own.
"""

from __future__ import annotations

from .errors import CatalogError, ContentError, SunsetError, TemplateError, UsageError
from .guides import BuildResult, Page, Project, build_guides
from .i18n import SOURCE_LOCALE, Translator, Usage, bcp47, parse_locale
from .load import load_glossary, load_migration, load_migrations
from .markdown import Outline, outline
from .model import Glossary, GlossaryTerm, Migration
from .render import escape_markdown

__all__ = [
    "SOURCE_LOCALE",
    "BuildResult",
    "CatalogError",
    "ContentError",
    "Glossary",
    "GlossaryTerm",
    "Migration",
    "Outline",
    "Page",
    "Project",
    "SunsetError",
    "TemplateError",
    "Translator",
    "Usage",
    "UsageError",
    "bcp47",
    "build_guides",
    "escape_markdown",
    "load_glossary",
    "load_migration",
    "load_migrations",
    "outline",
    "parse_locale",
]
