"""What translators write is data: the one policy for raw HTML and links in a translation.

A translation may hold only the HTML its source has, tag for tag; any other `<` that could
open a tag, a comment or a declaration is written `&lt;`, so it shows as text in every
renderer and cannot close the side-by-side spans around it. A link or image may point
only at a page or anchor of the site, an https: address or a mailto: one: a
protocol-relative `//host`, `javascript:`, `data:` or a backslash leaves the site, and
such a target the source does not have is cut from its link (`]\\(`), which then reads
as text. A line that opens a fenced code block (```` ``` ````, `~~~`) where the source has
none would run to the page's end: its first mark is escaped. `sunset check` reports all
three (check `unsafe-markup`); the HTML renderers apply `safe_link` and `safe_html` to
everything they render.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = [
    "escape_html",
    "html_tags",
    "link_targets",
    "opened_fences",
    "safe_html",
    "safe_link",
    "unsafe_links",
    "untrusted_html",
    "untrusted_translation",
]

#: Where a tag longer than this would end, it is not read as one (and the scan stays linear).
_LONGEST_TAG = 2000
# A complete tag (or comment, declaration, autolink) as written, or a lone `<` that could
# start one: what markdown-it reads as raw HTML, at the start of a line or inside one.
_OPENING = re.compile(rf"<[A-Za-z/!?][^<>]{{0,{_LONGEST_TAG}}}>|<(?=[A-Za-z/!?])")
# CommonMark's autolinks: a URI with a scheme, or an e-mail address.
_AUTOLINK = re.compile(
    r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+)>"
)
_LONE = re.compile(r"<[A-Za-z/!?][^<>\s]{0,23}")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEMES = frozenset({"https", "mailto"})
# A link's or image's target (`](target`, with one level of parentheses inside it), or a
# reference definition's (`[label]: target` at the start of a line). The classes exclude
# the parentheses, so each target's scan ends at the next one. The target is read in a
# lookahead: a `](` inside another target's text (`]( [x](//host)`) starts a link of its
# own, as CommonMark reads it.
_DESTINATION = re.compile(
    r"\]\((?=[ \t\n]*(?P<inline><[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
    r"|^ {0,3}(?P<label>\[)[^\]\n]{1,999}\]:[ \t]*(?P<defined><[^<>\n]*>|\S+)",
    re.MULTILINE,
)


def html_tags(text: str) -> frozenset[str]:
    """The complete tags (and comments, autolinks) a text holds, as written."""
    return frozenset(m.group() for m in _OPENING.finditer(text) if m.end() - m.start() > 1)


def untrusted_html(text: str, allowed: frozenset[str], unfinished: bool = False) -> list[str]:
    """The raw HTML that markdown-it reads in `text` and that is neither among the
    `allowed` tags nor a safe autolink, as written. `<x>` inside code is text already.
    With `unfinished`, also a `<` in the prose that could open a tag that the text after
    the message finishes on the page (`<img src=x` and another message's ` onerror=...>`)."""
    if "<" not in text:
        return []
    found: list[str] = []
    for token in _reader().parse(text):
        if token.type == "html_block":
            found += _pieces(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                found += _pieces(child.content)
            elif child.type == "link_open" and child.markup == "autolink":
                found.append(f"<{child.attrGet('href')}>")
            elif unfinished and child.type == "text" and "<" in child.content:
                found += [m.group() for m in _LONE.finditer(child.content)]
    return [tag for tag in found if not _kept(tag, allowed)]


def _pieces(html: str) -> list[str]:
    """The tags of a piece of raw HTML; a `<` that opens an unfinished one with what follows."""
    return [
        m.group() if m.end() - m.start() > 1 else html[m.start() : m.start() + 24]
        for m in _OPENING.finditer(html)
    ] or [html[:24]]


@functools.cache
def _reader() -> MarkdownIt:
    """CommonMark as the renderers read it, every link kept so that none is missed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    # An entity or escape (`&lt;img`) stays a token of its own: it is text, never a tag.
    md.core.ruler.disable("text_join")
    setattr(md, "validateLink", lambda url: True)  # noqa: B010
    setattr(md, "normalizeLink", lambda url: url)  # noqa: B010 (targets as written)
    return md


def _kept(tag: str, allowed: frozenset[str]) -> bool:
    """A tag of the source, or an autolink (`<https://...>`, `<name@host>`) that is safe."""
    if tag in allowed:
        return True
    autolink = _AUTOLINK.fullmatch(tag)
    return autolink is not None and safe_link(autolink.group(1))


def escape_html(text: str, allowed: Callable[[str], bool]) -> str:
    """`text` with every tag that `allowed` refuses, and every lone `<` that could open
    one, written as text (`&lt;`)."""
    if "<" not in text:
        return text
    return _OPENING.sub(lambda m: m.group() if allowed(m.group()) else "&lt;" + m.group()[1:], text)


def safe_link(href: str) -> bool:
    """A page or anchor of the site, https: or mailto:. Not a protocol-relative `//host`,
    not another scheme (javascript:, data:, file:, http:), no backslash (which browsers
    read as a slash), no white space or control character (which they drop)."""
    if not href:
        return True
    if "\\" in href or "%5c" in href.casefold() or href.startswith("//"):
        return False
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in href):
        return False
    scheme = _SCHEME.match(href)
    return scheme is None or scheme.group(1).casefold() in _SCHEMES


def _targets(text: str) -> Iterator[tuple[int, str]]:
    """(where to cut, target) for every link, image and reference definition: where a
    backslash turns the link into text, and the target as a browser would read it."""
    from markdown_it.common.utils import unescapeAll

    for match in _DESTINATION.finditer(text):
        target = match.group("inline")
        if target is not None:
            yield match.start() + 1, unescapeAll(_unbracket(target))
        else:
            yield match.start("label"), unescapeAll(_unbracket(match.group("defined")))


def _unbracket(target: str) -> str:
    """`<target>` is CommonMark's way to write a target with spaces."""
    return target[1:-1] if target[:1] == "<" and target[-1:] == ">" else target


def link_targets(text: str) -> frozenset[str]:
    """Every link, image and reference target of a text."""
    if "](" not in text and "]:" not in text:
        return frozenset()
    return frozenset(href for _, href in _targets(text))


def unsafe_links(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The link and image targets of `text` that leave the site, `allowed` ones aside."""
    if "](" not in text and "]:" not in text:
        return []
    return [href for _, href in _targets(text) if href not in allowed and not safe_link(href)]


def untrusted_translation(text: str, source: str) -> str:
    """A translation as the renderers may use it: a link target leaving the site that its
    source lacks cut from its link, then raw HTML its source lacks written as text (in
    this order: a cut reference definition `[x]: data:...<script>` is prose again)."""
    if "](" in text or "]:" in text:
        sources = link_targets(source)
        cuts = [at for at, href in _targets(text) if href not in sources and not safe_link(href)]
        pieces, last = [], 0
        for at in cuts:
            pieces += [text[last:at], "\\"]
            last = at
        text = "".join([*pieces, text[last:]])
    if "<" in text:
        tags = html_tags(source)
        if untrusted_html(text, tags, unfinished=True):  # then every `<` of a tag is text
            text = escape_html(text, lambda tag: _kept(tag, tags))
    if opened_fences(text, source):
        text = _FENCE.sub(r"\1\\\2", text)
    return text


def opened_fences(text: str, source: str) -> list[str]:
    """The lines of `text` that open a fenced code block where `source` opens none."""
    if ("```" not in text and "~~~" not in text) or _FENCE.search(source):
        return []
    return [m.group(2) for m in _FENCE.finditer(text)]


# A line that opens a fenced code block: it runs to the block's closing fence or to the
# page's end, so a translation's would swallow the side-by-side English after it and the
# rest of the page. One the source lacks is written with its first mark escaped (text).
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})", re.MULTILINE)


# The HTML sunset itself writes into a guide's Markdown: anchors and side-by-side spans.
_OWN_TAG = re.compile(
    r'<a name="[\w.-]*">|</a>|<span data-[ts]tu-id="[\w-]*">|<span class="sxs-lookup">'
    r"|</span>|<br ?/?>"
)


def safe_html(html: str) -> str:
    """Raw HTML of a rendered guide with only sunset's own tags kept as markup."""
    return escape_html(html, lambda tag: _OWN_TAG.fullmatch(tag) is not None)
