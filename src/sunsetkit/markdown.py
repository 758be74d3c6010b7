"""The structure of a rendered page, read with markdown-it-py (never with regexes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

__all__ = ["Outline", "outline", "parser"]


def parser() -> MarkdownIt:
    """CommonMark with GFM tables and YAML front matter, as Microsoft Docs pages use."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


@dataclass
class Outline:
    """What must match between a page and its en-US source, whatever the language."""

    front_matter: str | None = None
    anchors: list[str] = field(default_factory=list)
    #: Number of items of each list, in document order (nested lists included).
    list_items: list[int] = field(default_factory=list)
    #: Each table as its number of cells per row, header row first.
    tables: list[list[int]] = field(default_factory=list)
    #: Source line (1-based) of each anchor, for messages.
    anchor_lines: list[int] = field(default_factory=list)


class _AnchorNames(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.names.extend(value for key, value in attrs if key == "name" and value)


def outline(text: str, md: MarkdownIt | None = None) -> Outline:
    tokens = (md or parser()).parse(text)
    lines = text.splitlines()
    result = Outline()
    list_stack: list[int] = []
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            result.front_matter = token.content
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            result.list_items.append(0)
            list_stack.append(len(result.list_items) - 1)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif token.type == "list_item_open":
            result.list_items[list_stack[-1]] += 1
        elif token.type == "table_open":
            result.tables.append([])
        elif token.type == "tr_open" and token.map:
            result.tables[-1].append(_written_cells(lines[token.map[0]]))
        elif token.type == "heading_open":
            _heading_anchors(tokens[index + 1], token, result)
        elif token.type == "paragraph_open":  # an unheaded phase: the anchor opens its lead-in
            _heading_anchors(tokens[index + 1], token, result, leading=True)
    return result


def _written_cells(row: str) -> int:
    """The cells a row really has: markdown-it pads a short row with empty cells."""
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return len(escapedSplit(row))


def _heading_anchors(inline: Token, heading: Token, result: Outline, leading: bool = False) -> None:
    names = _AnchorNames()
    children = inline.children or []
    for child in children[:1] if leading else children:
        if child.type == "html_inline":
            names.feed(child.content)
    line = heading.map[0] + 1 if heading.map else 0
    result.anchors.extend(names.names)
    result.anchor_lines.extend(line for _ in names.names)
