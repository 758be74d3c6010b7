"""Parallel Markdown trees (`docs/en/x.md` beside `docs/fr/x.md`, or `x.md` beside
`x.fr.md`, as Docusaurus, MkDocs and Hugo keep them): each page aligned with its English
block by block with markdown-it-py, every block pair checked as a message."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["Block", "Pairing", "align", "blocks", "folder_locale", "pairing", "parse"]

#: How English folders and suffixes are spelt, in the order they are tried.
ENGLISH = ("en-US", "en", "en_US", "en-GB", "en_GB")
_CONTAINERS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "th_open": "table cell",
    "td_open": "table cell",
}


@dataclass(frozen=True)
class Block:
    kind: str  # heading, paragraph, table cell, code
    text: str
    line: int


@dataclass(frozen=True)
class Pairing:
    source: Path | None  # the English page, when there is one
    locale: str | None  # BCP 47


@functools.cache
def folder_locale(name: str) -> str | None:
    """The BCP 47 id a folder or suffix name stands for (fr, fr-FR, pt_BR), else None."""
    if not name or not name[0].isalpha() or len(name) > 10:
        return None
    sep = "-" if "-" in name else "_"
    try:
        locale = Locale.parse(name, sep=sep)
    except (ValueError, UnknownLocaleError):
        return None
    # CLDR resolves aliases ("src" is Sardinian, "und" English): a folder must name its
    # language as it is.
    if locale.language != name.split(sep)[0].lower() or locale.language in ("root", "und"):
        return None
    return str(locale).replace("_", "-")


def _is_english(locale: str | None) -> bool:
    return locale is not None and locale.split("-")[0] == "en"


def pairing(path: Path) -> Pairing:
    """The English page of a translated page: in a sibling English folder at the same
    relative path, or `x.md` for `x.fr.md`."""
    stem, _, suffix = path.stem.rpartition(".")
    suffix_locale = folder_locale(suffix) if stem else None
    if suffix_locale is not None:
        if _is_english(suffix_locale):
            return Pairing(None, suffix_locale)
        for english in (
            path.with_name(f"{stem}.md"),
            *(path.with_name(f"{stem}.{e}.md") for e in ENGLISH),
        ):
            if english.is_file():
                return Pairing(english, suffix_locale)
        return Pairing(None, suffix_locale)
    for folder in path.parents:
        locale = folder_locale(folder.name)
        if locale is None:
            continue
        if _is_english(locale):
            return Pairing(None, locale)
        relative = path.relative_to(folder)
        for name in ENGLISH:
            candidate = folder.parent / name / relative
            if candidate.is_file():
                return Pairing(candidate, locale)
        return Pairing(None, locale)
    return Pairing(None, None)


def blocks(tokens: list[Token]) -> list[Block]:
    """The page's text blocks in order: headings, paragraphs (in lists and quotes too),
    table cells, and code blocks (whose text is never translated)."""
    found: list[Block] = []
    kind = "paragraph"
    line = 1
    for token in tokens:
        if token.type in _CONTAINERS:
            kind = _CONTAINERS[token.type]
            line = token.map[0] + 1 if token.map else line
        elif token.type == "inline":
            found.append(Block(kind, token.content, token.map[0] + 1 if token.map else line))
        elif token.type in ("fence", "code_block"):
            found.append(Block("code", token.content, token.map[0] + 1 if token.map else line))
    return found


def align(page: list[Block], source: list[Block]) -> Iterator[tuple[Block | None, Block | None]]:
    """Block pairs in order; (block, None) or (None, english) where the two do not align."""
    matcher = difflib.SequenceMatcher(
        None, [b.kind for b in source], [b.kind for b in page], autojunk=False
    )
    for op, s1, s2, p1, p2 in matcher.get_opcodes():
        if op == "equal":
            yield from zip(page[p1:p2], source[s1:s2], strict=True)
            continue
        for block in page[p1:p2]:
            yield block, None
        for english in source[s1:s2]:
            yield None, english


def parse(md: MarkdownIt, text: str) -> list[Block]:
    return blocks(md.parse(text))
