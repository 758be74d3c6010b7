"""Line breaks inside Chinese and Japanese text: no space where the source has a newline.

A Markdown paragraph may join sentences with a newline; HTML shows it as a space, which
Chinese and Japanese never write between sentences (after 。 or between ideographs). CSS
Text 3 says to drop such a segment break between two wide characters, but browsers do
not, so the page's HTML leaves it out. Korean separates words with spaces: Hangul keeps
its break. Text the side-by-side form hides (the English under `sxs-lookup`) is not a
neighbour: the break sits between the two visible sentences.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["cjk_breaks"]

_HIDDEN_OPEN = re.compile(r'<span\s+class="sxs-lookup"')
_SPAN_OPEN = re.compile(r"<span\b")
_SPAN_CLOSE = re.compile(r"</span\s*>")


def _wide(char: str) -> bool:
    """A character written without spaces around it: wide or fullwidth, not Hangul."""
    if not char or unicodedata.east_asian_width(char) not in ("W", "F"):
        return False
    return not unicodedata.name(char, "").startswith(("HANGUL", "HALFWIDTH HANGUL"))


def cjk_breaks(state: StateCore) -> None:
    """A core rule: every soft break between two wide characters becomes empty text."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            _join(block.children)


def _join(children: list[Token]) -> None:
    hidden = 0  # depth of open spans inside a hidden sxs-lookup span (0: visible)
    before = ""  # the last visible character
    waiting: list[tuple[Token, str]] = []  # soft breaks and the character before each
    for token in children:
        if token.type == "html_inline":
            hidden = _hidden_depth(token.content, hidden)
        elif token.type == "softbreak" and not hidden:
            waiting.append((token, before))
        elif token.type in ("text", "code_inline") and token.content and not hidden:
            for softbreak, previous in waiting:
                if _wide(previous) and _wide(token.content[0]):
                    softbreak.type, softbreak.content = "text", ""
            waiting = []
            before = token.content[-1]


def _hidden_depth(tag: str, depth: int) -> int:
    if depth:
        if _SPAN_OPEN.match(tag):
            return depth + 1
        return depth - 1 if _SPAN_CLOSE.match(tag) else depth
    return 1 if _HIDDEN_OPEN.match(tag) else 0
