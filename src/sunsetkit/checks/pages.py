"""Checks of rendered pages: each locale's page against the en-US page of the same name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..content.load import safe_load_bounded
from ..errors import ContentError, clip
from ..i18n import SOURCE_LOCALE
from ..markdown import Outline, outline, parser
from .parallel import folder_locale

__all__ = ["PageProblem", "check_page", "page_locale"]

#: Keys a translation adds to the English page's front matter.
TRANSLATION_KEYS = frozenset(
    {
        "ms.translationtype",
        "ms.lasthandoff",
        "ms.openlocfilehash",
        "ms.sourcegitcommit",
        "ms.locfileid",
    }
)
_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|%\([A-Za-z_]\w*\)[sdr]")
# A block of this many words, identical to a block of the English page, is fallback text.
FALLBACK_WORDS = 4


@dataclass(frozen=True)
class PageProblem:
    check: str
    line: int | None
    message: str


def page_locale(path: Path, front_matter: dict[str, object] | None) -> str | None:
    value = (front_matter or {}).get("ms.contentlocale")
    return str(value) if value else path.parent.name or None


def _front_matter(shape: Outline) -> dict[str, object] | None:
    return _read_front_matter(shape)[0]


def _read_front_matter(shape: Outline) -> tuple[dict[str, object] | None, PageProblem | None]:
    """The front matter's keys, or the problem that makes it unreadable: YAML that is
    broken or has a tag plain YAML lacks (!!python/..., a custom !tag)."""
    if shape.front_matter is None:
        return None, None
    try:
        data = safe_load_bounded(shape.front_matter)
    except ContentError as exc:  # nested deeper than any page's metadata
        return None, PageProblem("page-parse", 1, f"the front matter cannot be read: {exc.message}")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not YAML"
        line = mark.line + 2 if mark is not None else 1  # after the opening ---
        return None, PageProblem("page-parse", line, f"front matter: {clip(problem, 100)}")
    return (data if isinstance(data, dict) else None), None


def _locale_problem(meta: dict[str, object], front_matter: str) -> PageProblem | None:
    """ms.contentlocale that names no locale: reported, never guessed from the folder."""
    value = meta.get("ms.contentlocale")
    if value is None or folder_locale(str(value)) is not None:
        return None
    lines = front_matter.splitlines()
    line = next((n for n, t in enumerate(lines, 2) if t.startswith("ms.contentlocale")), 1)
    return PageProblem(
        "page-front-matter",
        line,
        f"ms.contentlocale {clip(str(value))} is no locale (write the page's BCP 47 id, "
        "such as de-DE)",
    )


def check_page(
    text: str, source_text: str | None, md: MarkdownIt | None = None
) -> Iterator[PageProblem]:
    md = md or parser()
    tokens = md.parse(text)
    shape = outline(text, md)
    meta, unreadable = _read_front_matter(shape)
    if unreadable is not None:
        yield unreadable
    elif meta is None:
        yield PageProblem("page-parse", 1, "no YAML front matter between --- lines")
    else:
        locale_problem = _locale_problem(meta, shape.front_matter or "")
        if locale_problem is not None:
            yield locale_problem
    yield from _leftovers(tokens)
    if source_text is None:
        return
    source_shape = outline(source_text, md)
    source_meta = _front_matter(source_shape) or {}
    if meta is not None:
        missing = sorted(set(source_meta) - set(meta))
        extra = sorted(set(meta) - set(source_meta) - TRANSLATION_KEYS)
        if missing or extra:
            yield PageProblem(
                "page-front-matter",
                1,
                f"front matter keys differ from en-US: missing {missing}, extra {extra}",
            )
    yield from _compare(shape, source_shape)
    if meta is not None and meta.get("ms.contentlocale") != SOURCE_LOCALE:
        yield from _fallback(tokens, md.parse(source_text))


def _compare(shape: Outline, source: Outline) -> Iterator[PageProblem]:
    if shape.anchors != source.anchors:
        yield PageProblem(
            "page-anchors",
            _first_difference(shape, source),
            f"anchors {shape.anchors} differ from en-US {source.anchors}",
        )
    if shape.list_items != source.list_items:
        yield PageProblem(
            "page-lists",
            None,
            f"list items per list {shape.list_items} differ from en-US {source.list_items}",
        )
    if shape.tables != source.tables:
        yield PageProblem(
            "page-tables",
            None,
            f"table shape (cells per row) {shape.tables} differs from en-US {source.tables}",
        )


def _first_difference(shape: Outline, source: Outline) -> int | None:
    for index, anchor in enumerate(shape.anchors):
        if index >= len(source.anchors) or source.anchors[index] != anchor:
            return shape.anchor_lines[index]
    return None


def _leftovers(tokens: list[Token]) -> Iterator[PageProblem]:
    for block, child in _texts(tokens):
        found = _LEFTOVER.search(child.content)
        if found:
            line = block.map[0] + 1 if block.map else None
            yield PageProblem(
                "page-leftover", line, f"leftover template or gettext syntax {found.group()!r}"
            )


def _texts(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    """(block, text child) for all prose: code and raw HTML are not text."""
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                yield token, child


def _blocks(tokens: list[Token]) -> Iterator[tuple[Token, str]]:
    for token in tokens:
        if token.type == "inline":
            yield token, "".join(c.content for c in token.children or [] if c.type == "text")


def _fallback(tokens: list[Token], source_tokens: list[Token]) -> Iterator[PageProblem]:
    # Sentences only: lists of offer names are the same in every language.
    english = {
        text.strip()
        for _, text in _blocks(source_tokens)
        if len(text.split()) >= FALLBACK_WORDS and text.rstrip()[-1:] in ".:?!"
    }
    copied = [(block, text) for block, text in _blocks(tokens) if text.strip() in english]
    if copied and not _has_notice(tokens):
        block, text = copied[0]
        line = block.map[0] + 1 if block.map else None
        yield PageProblem(
            "page-fallback",
            line,
            f"{len(copied)} block(s) are still English ({text.strip()[:60]!r}) "
            f"and the page does not say so",
        )


def _has_notice(tokens: list[Token]) -> bool:
    """An admonition right below the title: where sunset tells the reader of English text."""
    for index, token in enumerate(tokens):
        if token.type == "heading_close" and token.tag == "h1":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            return following is not None and following.type == "blockquote_open"
    return False
