"""Rendered HTML and SVG: the text a reader sees outside the page's prose.

Attributes a browser or screen reader shows (`alt`, `title`, `aria-label`, `placeholder`,
a readable `<meta content>`) and the text of SVG images (`<text>` with its `<tspan>`s,
`<title>`, `<desc>`), each with its line. The standard library's HTMLParser reads both
(SVG as the tag soup a browser reads); it never rescans, so reading is linear.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["SUFFIXES", "Surface", "read_surfaces"]

#: The files read here.
SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".svg"})

#: Attributes whose value is shown or read out.
ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder"})
#: <meta name|property=...> whose content is prose (search results, link previews).
META_PROSE = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:image:alt",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
    }
)
#: Elements whose text is the text of an image (and the page's <title>).
TEXT_ELEMENTS = frozenset({"text", "tspan", "title", "desc", "textpath"})


@dataclass(frozen=True, slots=True)
class Surface:
    line: int
    #: Where the text is: an attribute ("alt"), "meta description", or an element ("text").
    where: str
    text: str


@dataclass
class Read:
    surfaces: list[Surface]
    #: The document's own language (<html lang>, <svg xml:lang>), if it says one.
    lang: str | None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.surfaces: list[Surface] = []
        self.lang: str | None = None
        self._depth = 0  # inside a text element, nested <tspan>s counted
        self._parts: list[str] = []
        self._start = (0, "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if self.lang is None and tag in ("html", "svg"):
            self.lang = next((v for k, v in attrs if k in ("lang", "xml:lang") and v), None)
        for name, value in attrs:
            if name in ATTRIBUTES and value and value.strip():
                self.surfaces.append(Surface(line, name, value))
        if tag == "meta":
            self._meta(line, dict(attrs))
        if tag in TEXT_ELEMENTS:
            if self._depth == 0:
                self._start = (line, tag)
                self._parts = []
            self._depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = self._depth
        self.handle_starttag(tag, attrs)
        self._depth = depth  # <tspan/> opens nothing

    def handle_endtag(self, tag: str) -> None:
        if tag in TEXT_ELEMENTS and self._depth:
            self._depth -= 1
            if self._depth == 0:
                self._flush()

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._parts.append(data)

    def _meta(self, line: int, attrs: dict[str, str | None]) -> None:
        kind = (attrs.get("name") or attrs.get("property") or "").casefold()
        content = attrs.get("content")
        if kind in META_PROSE and content and content.strip():
            self.surfaces.append(Surface(line, f"meta {kind}", content))

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.surfaces.append(Surface(self._start[0], self._start[1], text))
        self._parts = []

    def finish(self) -> Read:
        self.close()
        if self._depth:  # an element left open at the end still showed its text
            self._depth = 0
            self._flush()
        return Read(self.surfaces, self.lang)


def read_surfaces(text: str) -> Read:
    """Every shown attribute and image text of an HTML or SVG document, in order."""
    reader = _Reader()
    reader.feed(text)
    return reader.finish()
