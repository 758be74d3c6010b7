# ruff: noqa: RUF001 (typographic apostrophes and quotes are what the texts are made of)
"""Searches whose look-behind was moved after their first character (speed: a search then
scans for that character in C, where a leading look-behind runs at every position) find
what the look-behind-first forms found: the same matches, spans and groups, over random
texts of the characters either form tells apart. A broken variant (the look-behind
dropped) differs on the same texts, so the comparison can fail."""

from __future__ import annotations

import re
from random import Random
from typing import Any

import pytest

from sunsetkit.checks.acronyms import _ACRONYM, _LEADING_ACRONYM, LONGEST
from sunsetkit.checks.grammar_page import _LOWER, _MARKED, _NAME_THEN_WORD
from sunsetkit.checks.names import _EMPHASIZED, _IDENTIFIER
from sunsetkit.checks.page_names import _JOIN, _RUN, _WORD
from sunsetkit.checks.truncated import _SENTENCE_END

#: The look-behind-first forms, as they were written before the move.
BEFORE = {
    "marked": re.compile(
        r"\*\*[^*\n]*\*\*|(?<![\w*])\*[^*\n]+\*|`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]*>"
        r"|\"[^\"\n]*\"|„[^“\n]*“|“[^”\n]*”|«[^»\n]*»|(?<!\w)'[^'\n]*'(?!\w)"
    ),
    "name then word": re.compile(
        rf"(?<=[ '’])(?P<name>[A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*)*) "
        rf"(?P<word>[{_LOWER}]{{3,}})(?![\w'’-])"
    ),
    "acronym": re.compile(rf"(?<![\w&-])([A-Z][A-Z0-9]{{1,{LONGEST - 1}}})s?(?![\w&-])"),
    "leading acronym": re.compile(rf"(?<![\w&-])([A-Z][A-Z0-9]{{1,{LONGEST - 1}}})s?(?![\w&])"),
    "run": re.compile(rf"(?<![^\W_]){_WORD}(?:{_JOIN}{_WORD})+(?![^\W_])"),
    "emphasized": re.compile(rf"(?<![*\w])(\*\*?)({_IDENTIFIER.pattern})\1(?![*\w])"),
    "sentence end": re.compile(r"(?<=[^\W\d_]{4}[.!?])\s+(?=[^\W\d_])"),
}
AFTER = {
    "marked": _MARKED,
    "name then word": _NAME_THEN_WORD,
    "acronym": _ACRONYM,
    "leading acronym": _LEADING_ACRONYM,
    "run": _RUN,
    "emphasized": _EMPHASIZED,
    "sentence end": _SENTENCE_END,
}
#: Pieces the forms tell apart: capitals, small letters, digits, marks before and after.
PIECES = ["A", "B", "Ab", "Co", "ab", "abc", "é", "1", "_", "-", "&", "*", "**", "'", "’"]
PIECES += [" ", " ", "\n", "`", '"', "«", "»", "“", "”", "„", "](x)", "<b>", "+", "s", "ID"]
PIECES += ["*abID*", "**CoID**"]  # identifiers between emphasis marks
PIECES += ["abcd.", "Abcd!", "ab1d?", "\t"]  # sentence ends


def _texts(count: int = 3000) -> list[str]:
    rng = Random(16)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 12))) for _ in range(count)]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], Any]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_the_moved_look_behind_finds_the_same(name: str) -> None:
    before, after = BEFORE[name], AFTER[name]
    assert before.pattern != after.pattern
    for text in _texts():
        assert _matches(after, text) == _matches(before, text), text


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_a_dropped_look_behind_is_caught(name: str) -> None:
    broken = re.compile(re.sub(r"\(\?<[!=][^()]*(?:\([^()]*\))?[^()]*?\)", "", AFTER[name].pattern))
    assert broken.pattern != AFTER[name].pattern
    assert any(_matches(broken, t) != _matches(BEFORE[name], t) for t in _texts())
