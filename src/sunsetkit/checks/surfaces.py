"""Checks of the rendered surfaces: the attributes and image text of HTML and SVG files.

A translated page's `alt`, `title`, `aria-label`, `placeholder` and readable `<meta
content>`, and the text of its SVG images, are read as its prose is: English left there
is an error (`surface-english`), and so is markup, which every browser shows as text
(`surface-markup`). Where the English build has the same file (the same path under
en-US), each text is compared with its English counterpart; everywhere, English is also
known by its function words (a Latin-script locale) or its Latin words (another script),
and by the glossary's labels and terms the locale writes otherwise. Names, numbers,
codes and URLs are never English left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from babel.messages.catalog import Message

from ..errors import SunsetError, clip
from ..files import read_utf8
from ..i18n import likely_script
from .base import Entry, Finding, MessageContext
from .english import check_english_left, prose_words
from .html import SUFFIXES, Read, Surface, read_surfaces
from .options import CheckOptions
from .parallel import folder_locale, pairing
from .words import function_words

__all__ = ["SUFFIXES", "check_surface_file", "discover_surfaces", "english_in", "markup_in"]

#: Markup a reader would see as text: tags (escaped or not), entities escaped twice,
#: Markdown emphasis, code, links and images, template and gettext syntax, side-by-side
#: segment markup.
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]*(?=[\s>/])|&(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9A-Fa-f]+);"
    r"|\*\*|__|`[^`\n]+`|!?\[[^\[\]]*\]\([^()\s]*\)|\{\{|\}\}|\{%|%\}|\{#|#\}"
    r"|%\([A-Za-z_]\w*\)[sdifr]|data-ttu-id|sxs-lookup"
)
#: English function words that no locale's own list holds are English. Two of them, at
#: least a fifth of the words, make a text English in a Latin-script locale.
ENGLISH_SHARE = 0.2
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def discover_surfaces(paths: Sequence[Path]) -> list[Path]:
    """The HTML and SVG files under the given paths, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES and path.is_file():
            found.add(path)
    return sorted(found)


def check_surface_file(path: Path, options: CheckOptions) -> list[Finding] | None:
    """The findings of one HTML or SVG file; None when it has no locale (not a page of a
    translation). An unreadable file is a read-error."""
    try:
        read = read_surfaces(read_utf8(path))
    except SunsetError as exc:
        message = f"{exc.message} ({exc.hint})" if exc.hint else exc.message
        return [Finding(str(path), exc.line, None, "read-error", "error", message)]
    locale = _locale(path, read)
    if locale is None:
        return None
    found: list[Finding] = []
    if options.enabled_id("surface-markup"):
        found += _markup(path, locale, read.surfaces, options)
    if options.enabled_id("surface-english") and locale.split("-")[0] != "en":
        found += _english(path, locale, read.surfaces, options)
    return found


def _locale(path: Path, read: Read) -> str | None:
    """The document's own language, else its locale folder's. An English document in
    another locale's folder is that locale's: its readers see it (an English image
    copied into every locale)."""
    folder = pairing(path).locale
    lang = folder_locale(read.lang.strip()) if read.lang else None
    if lang is None or (folder is not None and lang.split("-")[0] == "en"):
        return folder
    return lang


def _markup(
    path: Path, locale: str, surfaces: list[Surface], options: CheckOptions
) -> Iterator[Finding]:
    severity = options.severity("surface-markup")
    for surface in surfaces:
        found = markup_in(surface.text)
        if found is not None:
            message = (
                f"markup {found!r} in the {_where(surface)} {clip(surface.text, 80)}: a reader "
                "sees it as text (the text must be plain)"
            )
            yield Finding(str(path), surface.line, locale, "surface-markup", severity, message)


def markup_in(text: str) -> str | None:
    """The first markup a plain text holds, else None."""
    match = _MARKUP.search(text)
    return match.group() if match else None


def _english(
    path: Path, locale: str, surfaces: list[Surface], options: CheckOptions
) -> Iterator[Finding]:
    ctx = MessageContext(locale=locale, glossary=options.locale_glossary(locale), md=None)
    english = _counterparts(path, surfaces)
    severity = options.severity("surface-english")
    for index, surface in enumerate(surfaces):
        found = english_in(surface.text, english.get(index), ctx)
        if found is not None:
            message = f"{found}: the {_where(surface)} {clip(surface.text, 80)}"
            yield Finding(str(path), surface.line, locale, "surface-english", severity, message)


def _where(surface: Surface) -> str:
    if surface.where in ("text", "tspan", "textpath", "desc"):
        return f"image text <{surface.where}>"
    if surface.where == "title":
        return "title"
    return f"{surface.where} text" if surface.where.startswith("meta") else surface.where


def _counterparts(path: Path, surfaces: list[Surface]) -> dict[int, str | frozenset[str]]:
    """The English of each surface, by index, from the same file under en-US: the n-th of
    its kind (alt, image text, ...) where both files have as many of that kind, else
    every English text of that kind (a translation wraps into more lines of an image)."""
    source = pairing(path).source
    if source is None or source.suffix != path.suffix:
        return {}
    try:
        english = read_surfaces(read_utf8(source)).surfaces
    except SunsetError:
        return {}
    by_kind: dict[str, list[int]] = {}
    for index, surface in enumerate(surfaces):
        by_kind.setdefault(surface.where, []).append(index)
    english_by_kind: dict[str, list[str]] = {}
    for surface in english:
        english_by_kind.setdefault(surface.where, []).append(surface.text)
    pairs: dict[int, str | frozenset[str]] = {}
    for kind, indexes in by_kind.items():
        texts = english_by_kind.get(kind, [])
        if len(texts) == len(indexes):
            pairs.update(zip(indexes, texts, strict=True))
        elif texts:
            every = frozenset(texts)
            pairs.update(dict.fromkeys(indexes, every))
    return pairs


def english_in(text: str, english: str | frozenset[str] | None, ctx: MessageContext) -> str | None:
    """What is English in a translated text (compared with its English counterpart, or
    with every English text it may be, if known), else None."""
    if isinstance(english, frozenset):
        found = _as_counterpart(text, text, ctx) if text in english else None
        if found is not None:
            return found
    elif english is not None:
        found = _as_counterpart(text, english, ctx)
        if found is not None:
            return found
    return _left_term(text, ctx) or _by_words(text, ctx)


def _as_counterpart(text: str, english: str, ctx: MessageContext) -> str | None:
    if not english.strip():
        return None
    for problem in check_english_left(Entry(Message(english, text)), ctx):
        return problem
    words = _english_words(text, ctx)
    if (
        text.strip() == english.strip()
        and not _latin(ctx)
        and (len(words) >= 2 or any(w.islower() for w in words))
    ):
        return "English left untranslated (the English build's text)"
    return None


def _left_term(text: str, ctx: MessageContext) -> str | None:
    """A glossary label or term in its English form, where the locale writes it otherwise."""
    plain = prose_text(text, ctx)
    for source, forms in (*ctx.glossary.labels.items(), *ctx.glossary.terms.items()):
        if source in forms or source not in plain:
            continue
        if re.search(rf"(?<![\w-]){re.escape(source)}(?![\w-])", plain) and not any(
            form in text for form in forms
        ):
            return f"{source!r} left in English: {ctx.locale} says {forms[-1]!r}"
    return None


def prose_text(text: str, ctx: MessageContext) -> str:
    """The text with the never-translated names cut out."""
    pattern = ctx.glossary.any_name
    return pattern.sub("\n", text) if pattern is not None else text


def _by_words(text: str, ctx: MessageContext) -> str | None:
    """English told by its words: function words of English that are none of the
    locale's (a Latin-script locale), or English words at all (another script)."""
    words = _english_words(text, ctx)
    if _latin(ctx):
        english = function_words("en") - ctx.glossary.function_words
        own = [w for w in words if w.casefold() in english]
        if len(set(own)) >= 2 and len(own) >= ENGLISH_SHARE * len(words):
            return f"English left untranslated ({' '.join(dict.fromkeys(own))!r} are English)"
        return None
    lower = [w for w in words if w.islower()]
    if len(lower) >= 2 and any(len(w) > 3 for w in lower):
        return f"English left untranslated: {' '.join(lower[:4])!r}"
    return None


def _english_words(text: str, ctx: MessageContext) -> list[str]:
    """The plain Latin words of a text once names, code, URLs and Title-Case names are
    cut out (numbers and ids are no words)."""
    return [w for w in prose_words(text, ctx) if _LATIN_WORD.fullmatch(w)]


def _latin(ctx: MessageContext) -> bool:
    language, _, territory = (ctx.locale or "").partition("-")
    return likely_script(language, territory.split("-")[-1] or None) in (None, "Latn")
