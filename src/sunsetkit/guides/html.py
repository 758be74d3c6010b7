"""HTML pages from rendered Markdown: whatever the Markdown says, the page says.

Checklists and guides are rendered to Markdown first; markdown-it-py turns that into the
body of a self-contained page (a Jinja template with autoescaping: inline CSS, no
external resources). Customer data reaches a checklist page only through the Markdown,
where it was escaped, and the checklist parser does not pass raw HTML through.
"""

from __future__ import annotations

import copy
import functools
import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple, cast

import jinja2
import yaml
from babel import Locale
from babel.core import get_global
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, text_join
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..errors import without_controls
from ..i18n import parse_locale
from ..render import create_environment
from ..untrusted import safe_html, safe_link
from .cjk import cjk_breaks

__all__ = [
    "CALLOUT_KINDS",
    "GuideBody",
    "checklist_html",
    "create_html_environment",
    "guide_html",
    "html_name",
    "language_name",
]

#: The admonitions a guide writes as `> [!NOTE]`, as GitHub and Microsoft Docs do.
CALLOUT_KINDS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
_CALLOUT = re.compile(r"^\[!([A-Z]+)\][ \t]*(?:\n|$)")
_ANCHOR_NAME = re.compile(r'<a\s+name="([^"]+)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def create_html_environment(templates: Path) -> jinja2.Environment:
    """The project's Jinja environment, autoescaping: every value is text unless Markup."""
    env = create_environment(templates)
    env.autoescape = True
    env.finalize = _finalize
    return env


def _finalize(value: Any) -> Any:
    """Every value a template prints, without the control characters HTML cannot hold
    (NUL, ESC, VT, FF from customer data), before it is escaped."""
    if isinstance(value, Markup):
        return Markup(without_controls(value))
    return without_controls(value) if isinstance(value, str) else value


def html_name(markdown_name: str) -> str:
    return markdown_name.removesuffix(".md") + ".html"


#: Distinct inline texts whose tokens are kept: a checklist's lines repeat across
#: customers (a license count, a task in one language), ids and names do not.
INLINE_CACHE = 20_000


@functools.cache
def _checklist_parser() -> MarkdownIt:
    # Only the syntax a checklist uses, and no raw HTML: less work per customer, and
    # nothing in the Markdown can become markup that the escaping did not intend.
    rules = ["heading", "list", "paragraph", "emphasis", "link", "escape", "entity", "newline"]
    md = MarkdownIt("zero", {"html": False}).enable(rules)
    setattr(md, "validateLink", safe_link)  # noqa: B010 (the project's one link policy)
    md.core.ruler.at("inline", _cached_inline(md))
    md.core.ruler.push("sunset_cjk_breaks", cjk_breaks)
    return md.use(tasklists_plugin, enabled=True, label=True)


def _cached_inline(md: MarkdownIt) -> Callable[[StateCore], None]:
    """markdown-it's inline step, remembering the tokens of texts seen before.

    Without reference definitions (the checklist parser has none) an inline text parses
    the same wherever it stands. Each use gets copies of the cached tokens: later rules
    edit them (the task list plugin a task's text, `cjk_breaks` a soft break into text,
    which text_join then joins into the text before it), and an edited cached token
    repeated a Chinese sentence in the next checklist that held it."""

    @functools.lru_cache(maxsize=INLINE_CACHE)
    def parse(content: str) -> tuple[Token, ...]:
        children: list[Token] = []
        md.inline.parse(content, md, {}, children)
        holder = Token("inline", "", 0, content=content, children=children)
        text_join(cast(StateCore, SimpleNamespace(tokens=[holder])))
        return tuple(holder.children or ())

    def inline(state: StateCore) -> None:
        for token in state.tokens:
            if token.type == "inline":
                token.children = [copy.copy(child) for child in parse(token.content)]

    return inline


def checklist_html(markdown: str) -> Markup:
    """A checklist's Markdown as HTML: task items become checkboxes that can be ticked."""
    return Markup(_checklist_parser().render(markdown))


@functools.cache
def _guide_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    # A link or image leaving the site is text, and raw HTML other than sunset's own
    # anchors and side-by-side spans is text: whatever a translation slipped through.
    setattr(md, "validateLink", safe_link)  # noqa: B010 (the project's one link policy)
    md.add_render_rule("html_inline", _own_html)
    md.add_render_rule("html_block", _own_html)
    md.add_render_rule("callout_title", _callout_title)
    # Before inline parsing: the marker is removed from the text, not from its tokens.
    md.core.ruler.before("inline", "sunset_callouts", _callouts)
    md.core.ruler.push("sunset_headings", _heading_ids)
    md.core.ruler.push("sunset_links", _links)
    md.core.ruler.push("sunset_cjk_breaks", cjk_breaks)
    return md


class GuideBody(NamedTuple):
    body: Markup
    front: dict[str, Any]


def guide_html(
    markdown: str, callout_titles: Mapping[str, str], link_targets: Mapping[str, str]
) -> GuideBody:
    """A guide's body as HTML and its front matter.

    `callout_titles` gives each admonition kind its title in the page's language;
    `link_targets` maps a relative Markdown link (`other-guide.md`) to where it points
    in the output, and a template such as `https://host/{locale}/{path}` under the key
    "*" for any other relative link. The guide's own HTML (anchors, the side-by-side
    spans) is kept: guides are the project's content, not customer data.
    """
    env: dict[str, Any] = {"callouts": callout_titles, "links": link_targets}
    tokens = _guide_parser().parse(markdown, env)
    front: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        loaded = yaml.safe_load(tokens[0].content)
        front = loaded if isinstance(loaded, dict) else {}
    html = _guide_parser().renderer.render(tokens, _guide_parser().options, env)
    return GuideBody(Markup(html), front)


def _own_html(self: Any, tokens: list[Token], index: int, options: Any, env: Any) -> str:
    return safe_html(tokens[index].content)


def _callout_title(self: Any, tokens: list[Token], index: int, options: Any, env: Any) -> str:
    return f'<p class="callout-title">{_escape(tokens[index].content)}</p>\n'


def _callouts(state: StateCore) -> None:
    """`> [!NOTE]` as a titled callout: `<blockquote class="callout note">`."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or index + 2 >= len(tokens):
            continue
        inline = tokens[index + 2]
        found = _CALLOUT.match(inline.content) if inline.type == "inline" else None
        if not found or found.group(1) not in CALLOUT_KINDS:
            continue
        kind = found.group(1)
        token.attrSet("class", f"callout {kind.lower()}")
        inline.content = inline.content[found.end() :]
        title = state.env["callouts"].get(kind, kind.title())
        heading = Token("callout_title", "", 0)
        heading.content = title
        tokens.insert(index + 1, heading)


def _heading_ids(state: StateCore) -> None:
    """A heading (or an unheaded phase's lead-in paragraph) carries the id of the
    `<a name>` anchor inside it, for `#anchor` links."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type not in ("heading_open", "paragraph_open") or index + 1 >= len(tokens):
            continue
        content = tokens[index + 1].content
        # a paragraph is a phase's lead-in only where the anchor opens it
        found = (
            _ANCHOR_NAME.search(content)
            if token.type == "heading_open"
            else _ANCHOR_NAME.match(content)
        )
        if found:
            token.attrSet("id", found.group(1))


def _links(state: StateCore) -> None:
    targets: Mapping[str, str] = state.env["links"]
    for token in state.tokens:
        for child in token.children or []:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                child.attrSet("href", _resolve(href, targets))


def _resolve(href: str, targets: Mapping[str, str]) -> str:
    if not href or href.startswith(("#", "/")) or _SCHEME.match(href):
        return href
    path, _, fragment = href.partition("#")
    target = targets.get(posixpath.normpath(path))
    if target is None and "*" in targets:
        target = targets["*"].format(path=path.removesuffix(".md"))
    if target is None:
        return href
    return f"{target}#{fragment}" if fragment else target


def _escape(text: str) -> str:
    return str(Markup.escape(text))


@functools.cache
def language_name(locale_id: str) -> str:
    """The language's name in itself, as a language switcher shows it: Nederlands, 한국어,
    简体中文. A script or country that is the language's default (ko-KR, nl-NL) is left
    out, and one that is not takes CLDR's own compound name (British English, 繁體中文):
    Babel has no localeDisplayPattern, and its "name (country)" is written the English
    way (한국어 (대한민국), 中文 (简体, 中国)). Only a locale CLDR has no name for is left
    to Babel's display name."""
    locale: Locale = parse_locale(locale_id)
    names = locale.languages
    script = locale.script or _likely(locale.language)[0]
    name = names.get(f"{locale.language}_{script}") or names.get(locale.language)
    default_territory = _likely(f"{locale.language}_{script}")[1] or _likely(locale.language)[1]
    if locale.territory and locale.territory != default_territory:
        name = names.get(f"{locale.language}_{locale.territory}")
    if locale.variant or not name:
        name = locale.get_display_name(locale) or locale_id
    return str(name[:1].upper() + name[1:])


def _likely(tag: str) -> tuple[str | None, str | None]:
    """The script and country CLDR takes a bare language (or language_Script) to mean."""
    likely = Locale.parse(str(get_global("likely_subtags").get(tag, f"{tag}_ZZ")))
    return likely.script, likely.territory
