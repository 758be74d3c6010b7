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

import functools
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

__all__ = ["SUFFIXES", "check_surface_file", "discover_surfaces", "english_in", "markup_in"]

#: Markup a reader would see as text: tags (escaped or not), entities escaped twice,
#: Markdown emphasis, code, links and images, template and gettext syntax, side-by-side
#: segment markup.
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]*(?=[\s>/])|&(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9A-Fa-f]+);"
    r"|\*\*|__|`[^`\n]+`|!?\[[^\[\]]*\]\([^()\s]*\)|\{\{|\}\}|\{%|%\}|\{#|#\}"
    r"|%\([A-Za-z_]\w*\)[sdifr]|data-ttu-id|sxs-lookup"
)
#: English closed-class words: articles, pronouns, auxiliaries, prepositions and
#: conjunctions (the stop-words package's English list holds 1,300 words, "page" and
#: "general" among them, which other languages write too).
ENGLISH_FUNCTION_WORDS = frozenset(
    """a an the this that these those it its they them their you your we our he she his her
    is are was were be been being has have had do does did will would can could should may
    must shall of to in on at by for with from into onto over under about after before
    between through during without within and or but if then than so because while when
    where which who whom whose what how not no all each every any some both either neither
    there here also only just more most very""".split()  # noqa: SIM905 (a paragraph reads better)
)
#: English function words that no locale's own list holds are English. Two of them, at
#: least a fifth of the words, make a text English in a Latin-script locale; so do three
#: uses of two or more in a longer text (English appended to its translation).
ENGLISH_SHARE = 0.2
RUN = 3
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
    """A glossary label or term in its English form where the locale writes it otherwise:
    a label of one word as the whole text (a button), one of several words anywhere but
    inside a longer name (`Azure Active Directory`, `Microsoft Partner Center`)."""
    plain = text  # names are not cut out: "Partner Center API" holds one
    whole = plain.strip(_EDGES)
    for source, forms in (*ctx.glossary.labels.items(), *ctx.glossary.terms.items()):
        if source in forms or source not in plain:
            continue
        if " " in source:
            found = any(_alone(plain, m.start(), m.end()) for m in _phrase(source).finditer(plain))
        else:
            found = whole == source
        if found and not any(form in text for form in forms):
            said = ctx.glossary.label_text.get(source, forms[0])  # the approved form
            return f"{source!r} left in English: {ctx.locale} says {said!r}"
    return None


_EDGES = " .,:;!?()[]\"'“”‘’«»„"


@functools.cache
def _phrase(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(source)}(?![\w-])")


def _alone(text: str, start: int, end: int) -> bool:
    """Not a part of a longer Title-Case name: no capitalised word right before or after."""
    before = text[:start].rstrip(" ").rsplit(" ", 1)[-1] if text[:start].endswith(" ") else ""
    after = text[end:].lstrip(" ").split(" ", 1)[0] if text[end:].startswith(" ") else ""
    return not (before[:1].isupper() or after[:1].isupper())


def _by_words(text: str, ctx: MessageContext) -> str | None:
    """English told by its words: function words of English that are none of the
    locale's (a Latin-script locale), or English words at all (another script)."""
    words = _english_words(text, ctx)
    if _latin(ctx):
        english = ENGLISH_FUNCTION_WORDS - ctx.glossary.function_words
        own = [w for w in words if w.casefold() in english]
        if len(set(own)) >= 2 and (len(own) >= RUN or len(own) >= ENGLISH_SHARE * len(words)):
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
