"""Checks of one message: state, placeholders, markup, code, links, spacing, punctuation.

Each check is a pure function of an Entry and a MessageContext that yields a sentence per
problem; it never raises to signal. Markup is read with markdown-it-py's inline parser.
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from babel.messages.catalog import PYTHON_FORMAT

from ..i18n import MACHINE_COMMENT, MACHINE_FLAG, malformed_placeholders
from .base import Entry, MessageContext
from .conventions import label_marked
from .words import function_words

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = [
    "check_code",
    "check_end_punctuation",
    "check_fuzzy",
    "check_links",
    "check_machine_flag",
    "check_markup",
    "check_placeholders",
    "check_separated_list",
    "check_untranslated",
    "check_whitespace",
    "placeholders",
]

_FORMATTER = string.Formatter()
_INLINE_CODE = re.compile(r"``.+?``|`[^`\n]+`")
# Sentence-final punctuation and what other scripts write for it.
_END_EQUIVALENTS = {
    ".": frozenset(".。．"),
    ":": frozenset(":：。"),
    "?": frozenset("?？;"),  # Greek question mark is ";"
    "!": frozenset("!！"),
}
_CLOSERS = "\"'”’»)]）」』*_`"
_ENDS = (".", "!", "**", "*", ")", "`", "_")
_URL_AT_END = re.compile(r"<?https?://\S+$")


def check_untranslated(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if not any(entry.strings):  # fuzzy or not: nothing to review, nothing to use
        yield "not translated"
    elif not entry.fuzzy and not all(entry.strings):
        missing = [str(i) for i, s in enumerate(entry.strings) if not s]
        yield f"plural form(s) {', '.join(missing)} not translated"


def check_machine_flag(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if MACHINE_FLAG in entry.flags and not entry.machine_comment:
        yield (
            f"the flag '#, {MACHINE_FLAG}' alone is lost by msgmerge and msgcat: add the "
            f"translator comment '# {MACHINE_COMMENT}'"
        )


def check_fuzzy(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if entry.fuzzy and any(entry.strings):
        yield "marked fuzzy: the translation needs review and is not used"


def placeholders(text: str, positional: bool) -> Counter[str]:
    """%(name)s and {name} placeholders, and with `positional` also %s-style ones.

    Inline code is left out: `{key}` or ``%s`` there is a literal, which the code check
    compares as a whole."""
    found: Counter[str] = Counter()
    if "%" not in text and "{" not in text:
        return found
    if "`" in text:
        text = _INLINE_CODE.sub(" ", text)
    for match in PYTHON_FORMAT.finditer(text):
        name, spec, kind = match.groups()
        if kind == "%" or (not name and _percentage(text, match.start(), spec)):
            continue  # "%%", and "60% faster", "100 %-Gutschrift": prose, no conversion
        if name:
            found[f"%({name}){kind}"] += 1
        elif positional:
            found[f"%{kind}"] += 1
    try:
        fields = [f for _, f, _, _ in _FORMATTER.parse(text) if f is not None]
    except ValueError:  # a lone brace: not a format string
        fields = []
    for name in fields:
        if name.isidentifier() or name.isdigit() or _HYPHENATED.fullmatch(name):
            found[f"{{{name}}}"] += 1
    return found


#: A parameter of a URL template ("/customers/{customer-id}/orders"): hyphenated words
#: are a name as much as "customer_id" is, and as little to translate.
_HYPHENATED = re.compile(r"[A-Za-z_]\w*(?:-\w+)+")


def check_placeholders(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if not any("%" in t or "{" in t for t in (*entry.ids, *entry.strings)):
        return
    positional = bool(entry.flags & {"python-format", "c-format", "python-brace-format"})
    sources = [placeholders(text, positional) for text in entry.ids]
    allowed = sources[0] | sources[-1]
    for index, text in enumerate(entry.strings):
        # The singular form may leave out the number, unless the locale also uses it for
        # other numbers (Japanese has one form; Russian uses form 0 for 21, 31, ...).
        if index == 0:
            required = sources[0] & sources[-1] if ctx.singular_only else sources[-1]
        else:
            required = sources[min(index, len(sources) - 1)]
        found = placeholders(text, positional)
        missing, extra = sorted((required - found).elements()), sorted((found - allowed).elements())
        where = f"form {index}: " if len(entry.strings) > 1 else ""
        if missing:
            yield f"{where}missing placeholder {', '.join(missing)}"
        if extra:
            yield f"{where}unknown placeholder {', '.join(extra)}"
        if broken := malformed_placeholders(entry.ids, text):  # what the build refuses
            yield f"{where}malformed placeholder {', '.join(broken)}: write a literal % as %%"
        if not missing and not extra:
            yield from _order(entry.ids[min(index, len(entry.ids) - 1)], text, where)


def _percentage(text: str, start: int, spec: str) -> bool:
    """A percent sign of prose: a space flag ("60% faster"), or after a number and a space
    ("100 %-Gutschrift", "100 %ige": the French and German way to write a percentage)."""
    if " " in spec:
        return True
    before = text[max(0, start - 2) : start]
    return len(before) == 2 and before[1] in _SPACES and before[0].isdigit()


_SPACES = frozenset(" \u00a0\u202f")


def _positional(text: str) -> list[str]:
    return [
        kind
        for match in PYTHON_FORMAT.finditer(text)
        for name, spec, kind in [match.groups()]
        if not name and kind != "%" and not _percentage(text, match.start(), spec)
    ]


def _order(source: str, text: str, where: str) -> Iterator[str]:
    """Positional placeholders (%s, %d) are filled in order: another order is another
    meaning, as `msgfmt -c` says. Named ones may move."""
    expected = _positional(source)
    if len(set(expected)) < 2:
        return
    found = _positional(text)
    if sorted(found) == sorted(expected) and found != expected:
        yield (
            f"{where}positional placeholders in another order: "
            f"{', '.join('%' + k for k in found)} where the source has "
            f"{', '.join('%' + k for k in expected)} (name them to reorder)"
        )


def _markup(tokens: list[Token]) -> Counter[str]:
    """How many of each inline construct, and literal markers left unparsed."""
    counts: Counter[str] = Counter()
    for token in tokens:
        if token.type in ("strong_open", "em_open", "link_open", "image", "code_inline"):
            counts[token.type.removesuffix("_open")] += 1
        elif token.type == "text":
            counts["stray **"] += token.content.count("**")
            counts["stray `"] += token.content.count("`")
    return counts


def _emphasis_texts(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    """(kind, text inside) for every bold or italic span."""
    stack: list[tuple[str, list[str]]] = []
    for token in tokens:
        if token.type in ("strong_open", "em_open"):
            stack.append((token.type.removesuffix("_open"), []))
        elif token.type in ("strong_close", "em_close") and stack:
            kind, parts = stack.pop()
            yield kind, "".join(parts)
        elif stack:
            stack[-1][1].append(token.content)


def check_markup(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    assert ctx.md is not None
    for source, text in entry.pairs:
        expected = _markup(entry.inline(ctx.md, source))
        found = _markup(entry.inline(ctx.md, text))
        spare = _marked_instead(source, text, ctx)
        upright = ctx.glossary.conventions.no_italics and not found["em"]
        for kind in sorted(set(expected) | set(found)):
            lost = expected[kind] - found[kind]
            if kind == "em" and upright:
                continue  # the script has no italic: every span set upright, none moved
            if kind in ("em", "strong") and 0 < lost <= spare:
                spare -= lost  # the locale marks these labels its own way ("提交")
                continue
            if expected[kind] != found[kind]:
                label = kind if kind.startswith("stray") else f"{kind} span(s)"
                yield f"{found[kind]} {label} where the source has {expected[kind]}"
        empty = Counter(_empty_emphasis(entry.inline(ctx.md, source)))
        for kind, inside in _empty_emphasis(entry.inline(ctx.md, text)):
            if empty[(kind, inside)]:  # the source has it too (`***word***`)
                empty[(kind, inside)] -= 1
                continue
            yield f"{kind} around {inside.strip() or 'nothing'!r}: emphasis holds no words"
        yield from _glued_items(source, text)


#: A list item's dash or plus at the start of a line, and the space after it, which
#: Markdown needs to read it as a list item ("- Item"). Numbers are left out: "1.注" is how
#: Chinese and Japanese number a heading.
_ITEM = re.compile(r"(?:^|\n|<br\s*/?>)[ \t]*([-+])( ?)(?=[^\W\d_]|\[|\*\*)")


def _glued_items(source: str, text: str) -> Iterator[str]:
    """A list item of the source whose marker lost its space in the translation ("-Item",
    "-注:"): Markdown shows the marker as text, and the list is broken."""
    if "- " not in source and "+ " not in source:
        return
    spaced = Counter(m.group(1) for m in _ITEM.finditer(source) if m.group(2))
    if not spaced:
        return
    glued = Counter(m.group(1) for m in _ITEM.finditer(source) if not m.group(2))
    for match in _ITEM.finditer(text):
        marker = match.group(1)
        if match.group(2) or not spaced[marker]:
            continue
        if glued[marker]:
            glued[marker] -= 1  # the source glues one too
            continue
        yield f"list marker {marker!r} glued to its text: without the space it is no list item"


def _empty_emphasis(tokens: list[Token]) -> list[tuple[str, str]]:
    """Bold or italic spans that hold no letter or digit."""
    return [
        (kind, inside)
        for kind, inside in _emphasis_texts(tokens)
        if not any(ch.isalnum() for ch in inside)
    ]


def _marked_instead(source: str, text: str, ctx: MessageContext) -> int:
    """How many more spans the translation sets apart with the locale's label marks
    (quotation marks, brackets) than the source: emphasis the locale writes so."""
    marks = ctx.glossary.conventions.label_marks
    if not marks:
        return 0
    return len(label_marked(text, marks)) - len(label_marked(source, marks))


def _code_spans(tokens: list[Token]) -> Counter[str]:
    return Counter(t.content for t in tokens if t.type == "code_inline")


def _targets(tokens: list[Token]) -> Counter[str]:
    found: Counter[str] = Counter()
    for token in tokens:
        if token.type == "link_open":
            found[str(token.attrs.get("href", ""))] += 1
        elif token.type == "image":
            found[str(token.attrs.get("src", ""))] += 1
    return found


def _same_literals(
    entry: Entry, ctx: MessageContext, literals: Callable[[list[Token]], Counter[str]]
) -> Iterator[tuple[str, str]]:
    """("missing" | "extra", literal) wherever source and translation differ."""
    assert ctx.md is not None
    for source, text in entry.pairs:
        expected = literals(entry.inline(ctx.md, source))
        found = literals(entry.inline(ctx.md, text))
        for literal in sorted((expected - found).elements()):
            yield "missing", literal
        for literal in sorted((found - expected).elements()):
            yield "extra", literal


def check_code(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for kind, code in _same_literals(entry, ctx, _code_spans):
        if kind == "missing":
            yield f"code `{code}` changed or missing: code is never translated"
        else:
            yield f"code `{code}` is not in the source"
    yield from _changed_ids(entry)


#: An id of an offer, product or tenant: a GUID, which every locale copies as written.
_GUID = re.compile(
    r"(?<![\w-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])"
)
#: Where an id is no prose of the message: code (the spans above compare it) and link
#: targets (the links check's).
_NOT_ID_TEXT = re.compile(r"``.+?``|`[^`\n]+`|\]\([^)\s]*\)")
#: Hyphens a GUID has: fewer in a source, and no GUID is sought.
_GUID_HYPHENS = 4


def _changed_ids(entry: Entry) -> Iterator[str]:
    """A GUID of the source's prose (a table cell, an offer's id) not in the translation
    as written: a letter lost, added or replaced by a word, or its case changed."""
    for source, text in entry.pairs:
        if source.count("-") < _GUID_HYPHENS:
            continue  # the usual case: no GUID to seek
        ids = _GUID.findall(_NOT_ID_TEXT.sub(" ", source))
        if not ids:
            continue
        prose = _NOT_ID_TEXT.sub(" ", text)
        kept = set(_GUID.findall(prose))
        folded = {guid.casefold() for guid in kept}
        for guid in dict.fromkeys(ids):
            # as written but joined to a word ("Protection-<id>"): the id itself is whole
            if guid not in kept and not _joined(guid, prose):
                how = "in another case" if guid.casefold() in folded else "changed"
                yield f"the id {guid} of the source is {how} in the translation: ids are copied"


def _joined(guid: str, prose: str) -> bool:
    """The id as written, joined to a word by a hyphen, no character added to it."""
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(guid)}(?![0-9A-Za-z])", prose) is not None


def check_links(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for kind, href in _same_literals(entry, ctx, _targets):
        if kind == "missing":
            yield f"link target {href!r} changed or missing"
        else:
            yield f"link target {href!r} is not in the source"


def check_whitespace(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for source, text in entry.pairs:
        if ctx.outer_space and (source[:1].isspace(), source[-1:].isspace()) != (
            text[:1].isspace(),
            text[-1:].isspace(),
        ):
            yield "leading or trailing white space differs from the source"
        if "  " in text and "  " not in source:
            yield "double space"


#: A source that ends with an abbreviation ("U.S.", "etc."): its dot ends no sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\betc\.)$")


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: link text without its target, no markup, no bare URL."""
    if ctx.md is not None and any(mark in text for mark in "[*_`<"):
        tokens = entry.inline(ctx.md, text)
        text = "".join(t.content for t in tokens if t.type in ("text", "code_inline"))
    return _without_url_at_end(text).rstrip().rstrip(_CLOSERS).rstrip()


def _without_url_at_end(text: str) -> str:
    """The text without a URL that ends it. The pattern is tried on the last word only:
    on the whole text it would scan every "https://" of a long word to the word's end."""
    body = text.removesuffix("\n")
    last = body.rsplit(None, 1)[-1] if body and not body[-1].isspace() else ""
    found = _URL_AT_END.search(last)
    return body[: len(body) - len(last) + found.start()] if found else text


def check_end_punctuation(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A sentence whose full stop was lost. Question marks and colons are left alone: a
    question in a table header may be a noun phrase in the locale, and a colon before a
    list is the locale's choice."""
    for source, text in entry.pairs:
        last = text.rstrip()[-1:]
        if not (last.isalnum() or last in _CLOSERS) or not source.rstrip().endswith(_ENDS):
            continue  # the usual case: the translation ends with a mark of its own
        seen = _visible(entry, ctx, source)
        if seen[-1:] not in (".", "!") or len(seen.split()) < 3 or _ABBREVIATION.search(seen):
            continue
        if _visible(entry, ctx, text)[-1:].isalnum():
            yield f"the source ends with {seen[-1]!r}, the translation with no punctuation"


def check_separated_list(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    for source, text in entry.pairs:
        if "|" not in source:
            continue
        expected = _bars(source)
        if not expected:
            continue
        # Where every bar of the source separates items, so does every bar of the
        # translation, spaced or not (CJK text and MT drop the spaces); then each item
        # must be there whole.
        every = _bars(source, spaced=False) == expected
        found = _bars(text, spaced=not every)
        if found != expected:
            yield (f"{found + 1} item(s) separated by '|' where the source has {expected + 1}")
        elif every:
            yield from _broken_items(_items(source), _items(text), ctx.glossary.function_words)


def _items(text: str) -> list[str]:
    """The list's items; the first without the label before it ("**Roles**: a | b")."""
    items = [item.strip() for item in re.split("[|｜]", _INLINE_CODE.sub("code", text))]
    items[0] = _LABEL.sub("", items[0]).strip()
    return items


_LABEL = re.compile(r"^.*[:：][*_]*")


def _broken_items(
    sources: list[str], items: list[str], function_words: frozenset[str]
) -> Iterator[str]:
    """An item left empty, or cut off where the source's is whole: at a hyphen
    ("Helpdesk-|") or after a function word ("Rechte für |")."""
    for number, (source, item) in enumerate(zip(sources, items, strict=True), 1):
        if source and not item:
            yield f"item {number} of the '|'-separated list is empty"
        elif _cut(item, function_words) and not _cut(source, _english_function_words()):
            yield f"item {number} of the '|'-separated list is cut off: {item[-30:]!r}"


@functools.cache
def _english_function_words() -> frozenset[str]:
    return function_words("en")


def _cut(item: str, function_words: frozenset[str]) -> bool:
    last = item.rsplit(None, 1)[-1] if item.strip() else ""
    return last.endswith(("-", "‐")) or (" " in item.strip() and last.casefold() in function_words)


def _bars(text: str, spaced: bool = True) -> int:
    """Bars (or full-width bars) outside code and link texts (a page title such as
    "Criteria | Ethics" is no list); with `spaced`, only those with white space (or the
    line's edge, or a character of a script without spaces) on one side at least: `a|b`
    in a word is no separator, `a |b` or `全局|用户` is one."""
    text = f" {_LINK_TEXT.sub(' link ', _INLINE_CODE.sub(' ', text))} "
    return sum(
        1
        for i, ch in enumerate(text)
        if ch in "|｜" and (not spaced or _apart(text[i - 1]) or _apart(text[i + 1]))
    )


_LINK_TEXT = re.compile(r"\[[^\[\]\n]*\]\([^()\s]*\)")


def _apart(char: str) -> bool:
    """A character beside a bar that makes the bar a separator: a space, or a letter of a
    script written without spaces (CJK text and machine translation drop them)."""
    return char.isspace() or ord(char) >= 0x2E80
