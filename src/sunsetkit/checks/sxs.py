"""Side-by-side pages as docs platforms publish them: each translated segment in a
`<span data-ttu-id="...">`, followed by its English in a hidden `sxs-lookup` span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Segment", "is_side_by_side", "read_side_by_side"]

MARKER = "data-ttu-id="


@dataclass(frozen=True)
class Segment:
    id: str
    translation: str
    source: str
    line: int


def is_side_by_side(text: str) -> bool:
    return MARKER in text and "sxs-lookup" in text


def read_side_by_side(text: str) -> list[Segment]:
    """Every segment with its source, in page order; a segment without its English is left
    out (it cannot be compared)."""
    reader = _Reader()
    reader.feed(_complete_tags_only(text))
    reader.close()
    return [
        Segment(seg_id, translation, reader.sources[seg_id], line)
        for seg_id, translation, line in reader.translations
        if seg_id in reader.sources
    ]


# A tag, comment, declaration or processing instruction that ends within reach; any other
# `<` is text. HTMLParser rescans from every `<` whose tag does not end (`<a <a <a`, an
# unclosed comment) to the end of the page: quadratic, minutes for a page of 50 KB.
_REACH = 2000
_COMPLETE = re.compile(
    rf"<(?:/?[A-Za-z][^<>]{{0,{_REACH}}}>|!--(?:[^<-]|-(?!->)){{0,{_REACH}}}-->"
    rf"|[!?][^<>]{{0,{_REACH}}}>)|<"
)


def _complete_tags_only(text: str) -> str:
    """The page with every `<` that opens no complete tag written `&lt;`: the same text
    to the reader (which decodes it), read in time linear in the page. An unfinished tag
    in a segment (`<a `) is thus text, not the start of a tag that swallows `</span>`."""
    if "<" not in text:
        return text
    return _COMPLETE.sub(lambda m: m.group() if len(m.group()) > 1 else "&lt;", text)


class _Reader(HTMLParser):
    """Collects the raw text (Markdown included) inside the ttu and stu spans."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.translations: list[tuple[str, str, int]] = []
        self.sources: dict[str, str] = {}
        self._open: tuple[str, str, int] | None = None  # "ttu" | "stu", id, line
        self._depth = 0
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open is not None:
            if tag == "span":
                self._depth += 1
            self._parts.append(self.get_starttag_text() or "")
            return
        values = dict(attrs)
        if tag == "span" and values.get("data-ttu-id"):
            self._start("ttu", values["data-ttu-id"] or "")
        elif tag == "span" and values.get("data-stu-id"):
            self._start("stu", values["data-stu-id"] or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._open is not None:  # <br/> inside a segment: kept as written, once
            self._parts.append(self.get_starttag_text() or "")

    def _start(self, kind: str, seg_id: str) -> None:
        self._open = (kind, seg_id, self.getpos()[0])
        self._depth = 0
        self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if self._open is None:
            return
        if tag != "span" or self._depth:
            self._depth -= tag == "span"
            self._parts.append(f"</{tag}>")
            return
        kind, seg_id, line = self._open
        text = "".join(self._parts)
        if kind == "ttu":
            self.translations.append((seg_id, text, line))
        else:
            self.sources.setdefault(seg_id, text)
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._parts.append(data)
