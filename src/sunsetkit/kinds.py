"""Names of kinds that the command line offers and the modules use: no heavy imports, so
that `sunset check` starts without loading the definitions' model."""

from __future__ import annotations

from typing import Literal

__all__ = ["Format", "SchemaName"]

#: How `sunset build` writes the guides.
Format = Literal["markdown", "sxs", "html"]
#: The JSON Schemas `sunset schema` prints.
SchemaName = Literal["migration", "glossary", "steps", "summary"]
