"""sunset: localized migration guides for retired cloud offers.

The public API; everything else lives in modules whose names say what they own.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import CatalogError, ContentError, SunsetError, TemplateError, UsageError

if TYPE_CHECKING:
    from .content.load import load_glossary, load_migration, load_migrations
    from .content.model import Glossary, GlossaryTerm, Migration
    from .guides import BuildResult, Page, Project, build_guides
    from .i18n import SOURCE_LOCALE, Translator, Usage, bcp47, parse_locale
    from .markdown import Outline, outline
    from .render import escape_markdown

# Loaded on first use: `sunset check` should not pay for Jinja and the guide pipeline.
_LAZY = {
    "BuildResult": "guides",
    "Page": "guides",
    "Project": "guides",
    "build_guides": "guides",
    "SOURCE_LOCALE": "i18n",
    "Translator": "i18n",
    "Usage": "i18n",
    "bcp47": "i18n",
    "parse_locale": "i18n",
    "load_glossary": "load",
    "load_migration": "load",
    "load_migrations": "load",
    "Outline": "markdown",
    "outline": "markdown",
    "Glossary": "model",
    "GlossaryTerm": "model",
    "Migration": "model",
    "escape_markdown": "render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
