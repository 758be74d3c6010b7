"""Guides as Markdown for renderers other than Microsoft's docs platform.

The build writes the docs platform's Markdown ("learn"): `> [!NOTE]` callouts, docs
front matter, relative links to the platform's other articles. Another flavor rewrites
that text through markdown-it-py's tokens (their line maps), and changes only:

- callouts: GitHub alerts stay `> [!NOTE]`; MkDocs gets `!!! note "Hinweis"` with a
  4-space-indented body; plain CommonMark a blockquote led by the bold, translated title;
- front matter: none for GitHub and CommonMark, `title` and `description` for MkDocs;
- links: a relative link to a file the build does not write becomes absolute under the
  base URL of the page's locale; links to guides and images in the build stay relative.
"""

from __future__ import annotations

import functools
import posixpath
import re
import string
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import get_args
from urllib.parse import urljoin

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..errors import UsageError
from ..kinds import MarkdownFlavor as Flavor
from ..render import escape_markdown
from .build import Page
from .site import DOCS_URL, LocaleContexts

__all__ = [
    "CALLOUT_TITLES",
    "DOCS_URL",
    "FLAVORS",
    "Flavor",
    "Publisher",
    "check_base_url",
    "publish",
    "publish_pages",
]

FLAVORS: tuple[Flavor, ...] = get_args(Flavor)
#: Each callout kind's title: the messages the HTML guides use too (templates/guide.html.j2).
CALLOUT_TITLES = {"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important"}
#: The admonition types MkDocs' Material theme styles, per callout kind.
_MKDOCS_TYPES = {
    "NOTE": "note",
    "TIP": "tip",
    "IMPORTANT": "info",
    "WARNING": "warning",
    "CAUTION": "danger",
}
_CALLOUT = re.compile(r"\[!([A-Z]+)\][ \t]*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_QUOTE = re.compile(r"^([ \t]*)>[ ]?(.*)$")


def check_base_url(base_url: str) -> str:
    """The base URL of articles outside the build, checked: absolute, {locale} only."""
    try:  # {locale} alone: no other name, no attribute, index, conversion or format
        fields = [field for _, *field in string.Formatter().parse(base_url) if field[0] is not None]
    except ValueError:
        fields = [["", "", None]]
    if any(field != ["locale", "", None] for field in fields):
        raise UsageError(
            f"--base-url {base_url!r} has a placeholder other than {{locale}}",
            hint="use {locale} only, e.g. https://learn.microsoft.com/{locale}/partner-center/",
        )
    if not re.match(r"^https?://[^\s<>()]+/$", base_url):
        raise UsageError(
            f"--base-url {base_url!r} is not an absolute http(s) URL ending in '/'",
            hint="give a folder URL such as https://learn.microsoft.com/{locale}/partner-center/",
        )
    return base_url


@dataclass(frozen=True)
class Publisher:
    """What one page needs to be rewritten: its flavor, its callouts' titles in its
    language, where its out-of-build articles live, and which files the build writes."""

    flavor: Flavor
    titles: Mapping[str, str]
    base_url: str
    built: Collection[str]
    folder: str

    def link(self, href: str) -> str:
        """Relative links to files the build writes stay; any other becomes absolute."""
        if not href or href.startswith("#") or _SCHEME.match(href):
            return href
        path, hash_, fragment = href.partition("#")
        if posixpath.normpath(posixpath.join(self.folder, path)) in self.built:
            return href
        article = path.removesuffix(".md") if path.endswith(".md") else path
        return urljoin(self.base_url, article) + hash_ + fragment


def publish(text: str, publisher: Publisher) -> str:
    """The page in `publisher.flavor`; "learn" is the text as the build wrote it."""
    if publisher.flavor == "learn":
        return text
    tokens = _parser().parse(text)
    lines = text.split("\n")
    apart: set[int] = set()  # lines that must follow a blank line
    if publisher.flavor == "mkdocs":
        lines, apart = _four_space_lists(lines, tokens)
    edits: dict[int, tuple[int, list[str]]] = {}  # first line -> (end, new lines)
    for index, token in enumerate(tokens):
        if token.type == "front_matter" and token.map:
            edits[token.map[0]] = (token.map[1], _front_matter(token.content, publisher.flavor))
        elif token.type == "blockquote_open" and token.map:
            inline = tokens[index + 2] if index + 2 < len(tokens) else None
            found = _callout_kind(inline)
            if found:
                start, end = token.map
                new = _callout(lines[start:end], found, publisher, token.level > 0)
                if end < len(lines) and lines[end].strip():
                    new.append("")  # the next block starts apart, inside a list too
                edits[start] = (end, new)
    out: list[str] = []
    line = 0
    while line < len(lines):
        if line in edits:
            end, new = edits[line]
            out.extend(new)
            line = end
        else:
            if line in apart and out and out[-1].strip():
                out.append("")
            out.append(lines[line])
            line += 1
    return _relink("\n".join(out).lstrip("\n"), tokens, publisher)


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # hrefs as written
    return md


def _callout_kind(inline: Token | None) -> str | None:
    if inline is None or inline.type != "inline":
        return None
    found = _CALLOUT.match(inline.content.split("\n", 1)[0])
    return found.group(1) if found and found.group(1) in _MKDOCS_TYPES else None


def _callout(lines: list[str], kind: str, publisher: Publisher, nested: bool) -> list[str]:
    """A `> [!KIND]` blockquote's lines in the flavor's admonition. GitHub shows an alert
    only at the top level, not inside a list item: there, the CommonMark form."""
    quoted = [_QUOTE.match(line) for line in lines]
    pad = quoted[0].group(1) if quoted[0] else ""
    body = [
        m.group(2) if m else line.strip() for m, line in zip(quoted[1:], lines[1:], strict=True)
    ]
    title = publisher.titles.get(kind, kind.title())
    if publisher.flavor == "github" and not nested:
        return lines  # GitHub's alerts are this syntax
    if publisher.flavor == "mkdocs":
        # a translation is text, not markup; a title of quotes alone would be "", which
        # MkDocs reads as "no title": the kind's own name then
        shown = escape_markdown(title.replace('"', "")).strip() or kind.title()
        head = f'{pad}!!! {_MKDOCS_TYPES[kind]} "{shown}"'
        return [head] + [f"{pad}    {text}" if text.strip() else "" for text in body]
    label = f"{pad}> **{escape_markdown(title)}**"  # a translation is text, not markup
    return [label, f"{pad}>"] + [f"{pad}> {text}".rstrip() for text in body]


_MARKER = re.compile(r"^ *(?:\d{1,9}[.)]|[-+*])(?: {1,4}|$)")


def _four_space_lists(lines: list[str], tokens: list[Token]) -> tuple[list[str], set[int]]:
    """Lines inside list items indented 4 spaces a level, as Python-Markdown (MkDocs)
    needs: a sub-list or callout under `1. ` at 3 spaces is CommonMark's, not its. And
    the items that follow an item's indented block: a blank line first, or
    Python-Markdown reads them as the block's text."""
    items = []
    for token in tokens:
        if token.type == "list_item_open" and token.map:
            found = _MARKER.match(lines[token.map[0]])
            if found:
                items.append((token.map[0], token.map[1], len(found.group(0))))
    out = list(lines)
    for number, line in enumerate(lines):
        width = len(line) - len(line.lstrip(" "))
        inside = sorted(c for start, end, c in items if start < number < end and c <= width)
        if line.strip() and inside:
            out[number] = " " * (4 * len(inside) + width - inside[-1]) + line.lstrip(" ")
    starts = {start for start, _, _ in items}
    apart = {n for n in starts if n - 1 not in starts and n > 0 and lines[n - 1].strip()}
    return out, apart


def _front_matter(content: str, flavor: Flavor) -> list[str]:
    """MkDocs reads a page's title and description from front matter; others show it."""
    if flavor != "mkdocs":
        return []
    loaded = yaml.safe_load(content)
    front = loaded if isinstance(loaded, dict) else {}
    kept = {key: str(front[key]) for key in ("title", "description") if key in front}
    if not kept:
        return []
    dumped = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=10_000)
    return ["---", *dumped.rstrip("\n").split("\n"), "---"]


def _links(tokens: Iterable[Token]) -> Iterable[str]:
    for token in tokens:
        for child in token.children or []:
            if child.type == "link_open":
                yield str(child.attrGet("href") or "")
            elif child.type == "image":
                yield str(child.attrGet("src") or "")


def _relink(text: str, tokens: list[Token], publisher: Publisher) -> str:
    """Every link destination the tokens found, replaced where it is written."""
    changed = {href: publisher.link(href) for href in _links(tokens)}
    for old, new in sorted(changed.items()):
        if old != new:
            written = re.compile(rf"\]\({re.escape(old)}(?=[ )])")
            text = written.sub("](" + new.replace("\\", "\\\\"), text)
    return text


def publish_pages(
    pages: Iterable[Page],
    contexts: LocaleContexts,
    flavor: Flavor,
    base_url: str,
    built: Collection[str],
) -> dict[str, str]:
    """`<locale>/<id>.md` for every page in `flavor`; `built`: every file the build writes."""
    files = {}
    for page in pages:
        gettext = contexts(page.locale_id)["gettext"]
        publisher = Publisher(
            flavor,
            {kind: str(gettext(title)) for kind, title in CALLOUT_TITLES.items()},
            base_url.format(locale=page.locale_id.lower()),
            built,
            page.locale_id,
        )
        files[page.relpath] = publish(page.text, publisher)
    return files
