"""Names of kinds that the command line offers and the modules use: no heavy imports, so
that `sunset check` starts without loading the definitions' model."""

from __future__ import annotations

from typing import Literal

__all__ = ["Format", "MarkdownFlavor", "SchemaName"]

#: How `sunset build` writes the guides.
Format = Literal["markdown", "sxs", "html"]
#: Whose Markdown `sunset build --format markdown` writes: Microsoft Learn's, or one that
#: GitHub, MkDocs or any CommonMark renderer shows as meant.
MarkdownFlavor = Literal["learn", "github", "mkdocs", "commonmark"]
#: The JSON Schemas `sunset schema` prints.
SchemaName = Literal["migration", "glossary", "steps", "summary"]
