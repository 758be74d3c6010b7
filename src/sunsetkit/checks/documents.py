"""Markdown files: which kind each is, and the checks of each kind.

- a side-by-side page (segments with their hidden English): every segment is a message;
- a rendered guide (front matter with ms.* keys, or in a locale folder): the page checks
  against its en-US page;
- a page of a parallel tree (`en/x.md` beside `fr/x.md`, `x.md` beside `x.fr.md`): every
  block aligned with its English block is a message, and blocks that do not align are a
  structure finding;
- anything else (a README) is left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.catalog import Message

from ..errors import SunsetError, clip
from ..files import read_regular
from ..i18n import SOURCE_LOCALE
from .acronyms import acronyms_in, operation_verbs, page_renderings, recurring_acronyms
from .base import Entry, Finding, MessageContext
from .catalog_file import entries_level, message_level
from .catalogs import finding
from .glossary import check_consistency, english_portal_page, system_values_page
from .options import CheckOptions
from .pages import check_page, page_locale
from .parallel import Block, align, folder_locale, pairing, parse
from .sxs import Segment, is_side_by_side, read_side_by_side

__all__ = ["Checked", "check_document"]

Checked = tuple[list[Finding], int]  # findings, and how many messages were compared


def check_document(path: Path, text: str, md: Any, options: CheckOptions) -> Checked | None:
    """The findings of one Markdown file; None when it is not a translation at all."""
    segments = read_side_by_side(text) if is_side_by_side(text) else []
    if segments:  # a page that only mentions the markup (this README) has none
        return _side_by_side(path, text, segments, md, options)
    pair = pairing(path)
    if _has_ms_keys(text) or (pair.source is not None and _has_ms_keys(_read(pair.source))):
        return _guide(path, text, md, options)
    if pair.source is not None and pair.locale is not None:
        return _parallel(path, text, pair.source, pair.locale, md, options)
    if text.startswith("---") and folder_locale(path.parent.name) is not None:
        return _guide(path, text, md, options)  # a guide without its en-US page
    return None


def _read(path: Path) -> str:
    """An English source page's text; "" when it cannot be read (never opens a pipe)."""
    try:
        return read_regular(path).decode("utf-8")
    except (SunsetError, UnicodeDecodeError):
        return ""


def front_matter_text(text: str) -> str:
    """The front matter between the --- lines, as text ("" where there is none)."""
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---", 3)
    return text[4:end] if end > 0 else ""


def _has_ms_keys(text: str) -> bool:
    return any(line.startswith("ms.") for line in front_matter_text(text).splitlines())


def meta_locale(text: str) -> str | None:
    for line in front_matter_text(text).splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "ms.contentlocale" and value.strip():
            return folder_locale(value.strip().strip("'\""))
    return None


def _context(
    locale: str | None,
    md: Any,
    options: CheckOptions,
    sources: list[str],
    translations: list[str],
) -> MessageContext:
    return MessageContext(
        locale=locale,
        glossary=options.locale_glossary(locale),
        md=md if options.markup == "markdown" else None,
        outer_space=False,  # a segment's or block's outer spaces render as nothing
        english_portal=english_portal_page(sources),
        system_values=system_values_page(sources),
        recurring_acronyms=recurring_acronyms(sources),
        translated_acronyms=acronyms_in(translations),
        operation_verbs=operation_verbs(sources),
        page_renderings=page_renderings(sources, translations),
    )


def _messages(
    path: Path, entries: list[Entry], ctx: MessageContext, options: CheckOptions
) -> list[Finding]:
    found = message_level(str(path), entries, ctx, options)
    found += entries_level(path, entries, ctx, options)
    if options.enabled_id("consistency"):
        # a page's short lines are headings and cells, its bold labels in sentences
        for entry, message in check_consistency(entries, ctx, roles=True):
            found.append(
                finding(
                    path, entry, ctx.locale, "consistency", options.severity("consistency"), message
                )
            )
    return found


def _entry(source: str, translation: str, line: int, context: str | None = None) -> Entry:
    return Entry(Message(source, translation, lineno=line, context=context))


def _side_by_side(
    path: Path, text: str, segments: list[Segment], md: Any, options: CheckOptions
) -> Checked:
    """Every segment against its hidden English, at the segment's line; the locale from
    ms.contentlocale (else the folder). `md` is the run's parser: one built per page cost
    as much as reading the page's links."""
    locale = meta_locale(text) or folder_locale(path.parent.name)
    entries = [_entry(seg.source, seg.translation, seg.line, seg.id) for seg in segments]
    ctx = _context(
        locale,
        md,
        options,
        [seg.source for seg in segments],
        [seg.translation for seg in segments],
    )
    found = _unknown_locale(path, text, locale, options)
    return found + _messages(path, entries, ctx, options), len(entries)


def _unknown_locale(
    path: Path, text: str, locale: str | None, options: CheckOptions
) -> list[Finding]:
    """An ms.contentlocale that names no locale: reported at its line, never guessed
    (the folder's locale, if any, is used for the checks)."""
    if not options.enabled_id("page-front-matter"):
        return []
    for number, line in enumerate(front_matter_text(text).splitlines(), 2):
        key, _, value = line.partition(":")
        written = value.strip().strip("'\"")
        if key.strip() == "ms.contentlocale" and written and folder_locale(written) is None:
            used = f"the checks of {locale} apply" if locale else "no locale's checks apply"
            message = (
                f"ms.contentlocale {clip(written)} is no locale: {used} "
                "(write the page's BCP 47 id, such as de-DE)"
            )
            severity = options.severity("page-front-matter")
            return [Finding(str(path), number, locale, "page-front-matter", severity, message)]
    return []


def _guide(path: Path, text: str, md: Any, options: CheckOptions) -> Checked:
    source_path = path.parent.parent / SOURCE_LOCALE / path.name
    source = None
    if path.parent.name != SOURCE_LOCALE and source_path.is_file():
        source = _read(source_path)
    locale = page_locale(path, None)
    return [
        Finding(
            str(path),
            problem.line,
            locale,
            problem.check,
            options.severity(problem.check),
            problem.message,
        )
        for problem in check_page(text, source, md)
        if options.enabled_id(problem.check)
    ], 0


def _parallel(
    path: Path, text: str, source_path: Path, locale: str, md: Any, options: CheckOptions
) -> Checked:
    entries: list[Entry] = []
    structure: list[Finding] = []
    last_line = 1
    for block, english in align(parse(md, text), parse(md, _read(source_path))):
        if block is not None:
            last_line = block.line
        if block is not None and english is not None:
            if block.kind != "code":
                entries.append(_entry(english.text, block.text, block.line))
        elif options.enabled_id("page-structure"):
            structure.append(
                _unaligned(path, locale, block, english, last_line, source_path, options)
            )
    ctx = _context(
        locale, md, options, [entry.ids[0] for entry in entries], [e.strings[0] for e in entries]
    )
    return structure + _messages(path, entries, ctx, options), len(entries)


def _unaligned(
    path: Path,
    locale: str,
    block: Block | None,
    english: Block | None,
    line: int,
    source_path: Path,
    options: CheckOptions,
) -> Finding:
    if block is not None:
        what = f"{block.kind} {_short(block.text)!r} has no counterpart in {source_path}"
        line = block.line
    else:
        assert english is not None
        what = (
            f"{english.kind} {_short(english.text)!r} of {source_path} (line {english.line}) "
            f"has no counterpart here"
        )
    return Finding(
        str(path), line, locale, "page-structure", options.severity("page-structure"), what
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"
