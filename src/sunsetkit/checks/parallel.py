"""Parallel Markdown trees (`docs/en/x.md` beside `docs/fr/x.md`, or `x.md` beside
`x.fr.md`, as Docusaurus, MkDocs and Hugo keep them): each page aligned with its English
block by block with markdown-it-py, every block pair checked as a message."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

if TYPE_CHECKING:  # a run over catalogs alone never loads markdown-it
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


#: Blocks compared at once. A diff of block kinds (few distinct values) is quadratic in
#: its length: a long page is aligned window by window, so in time linear in its blocks.
WINDOW = 128
Pair = tuple[Block | None, Block | None]
Opcode = tuple[str, int, int, int, int]


def align(page: list[Block], source: list[Block]) -> Iterator[Pair]:
    """Block pairs in order; (block, None) or (None, english) where the two do not align."""
    page_kinds, source_kinds = [b.kind for b in page], [b.kind for b in source]
    i = j = 0  # the next source and page block
    while i < len(source) or j < len(page):
        a, b = source_kinds[i : i + WINDOW], page_kinds[j : j + WINDOW]
        last = i + WINDOW >= len(source) and j + WINDOW >= len(page)
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        di, dj = _settled(ops, len(a), len(b), last)
        yield from _pairs(ops, di, dj, source[i:], page[j:])
        i, j = i + di, j + dj


def _settled(ops: Sequence[Opcode], na: int, nb: int, last: bool) -> tuple[int, int]:
    """How far a window's alignment is kept: to the end in the last window; else up to
    about half the window, never through a difference that touches the window's end
    (beyond it, the blocks may well align)."""
    if last:
        return na, nb
    half = WINDOW // 2
    done = (0, 0)
    for op, a1, a2, b1, b2 in ops:
        if op == "equal":
            step = min(a2 - a1, max(1, half - max(a1, b1)))
            done = (a1 + step, b1 + step)
        elif (a2 == na or b2 == nb) and done != (0, 0):
            break
        else:
            done = (a2, b2)
        if max(done) >= half:
            break
    return done


def _pairs(
    ops: Sequence[Opcode],
    upto_a: int,
    upto_b: int,
    source: list[Block],
    page: list[Block],
) -> Iterator[Pair]:
    """The pairs of the opcodes, cut at (upto_a, upto_b)."""
    for op, a1, a2, b1, b2 in ops:
        a2, b2 = min(a2, upto_a), min(b2, upto_b)
        if a1 >= a2 and b1 >= b2:
            break
        if op == "equal":
            yield from zip(page[b1:b2], source[a1:a2], strict=True)
            continue
        for block in page[b1:b2]:
            yield block, None
        for english in source[a1:a2]:
            yield None, english


def parse(md: MarkdownIt, text: str) -> list[Block]:
    return blocks(md.parse(text))
