"""Raw HTML and links off the site in a translation: what the renderers show as text.

The policy is sunsetkit.untrusted's, which every renderer applies; this check tells the
translator before a reader sees `<img onerror=...>` as text on the page."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import clip
from ..untrusted import html_tags, link_targets, opened_fences, unsafe_links, untrusted_html
from .base import Entry, MessageContext

__all__ = ["check_unsafe_markup"]


def check_unsafe_markup(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for _, text in entry.pairs:
        if "<" not in text and "]" not in text and "``" not in text and "~~" not in text:
            continue  # the usual case
        source = "\n".join(entry.ids)
        for fence in dict.fromkeys(opened_fences(text, source)):
            yield (
                f"a line opens a code block with {fence} that the source does not have: it "
                f"would run to the page's end, so pages show the marks as text (leave it out)"
            )
        for html in dict.fromkeys(untrusted_html(text, html_tags(source))):
            yield (
                f"raw HTML {clip(html)} that the source does not have: pages show it as "
                f"text (write it as the source does, or leave it out)"
            )
        for href in dict.fromkeys(unsafe_links(text, link_targets(source))):
            yield (
                f"link target {clip(href)} leaves the site: only a page of the site, https: "
                f"or mailto: is a link, so pages show it as text"
            )
