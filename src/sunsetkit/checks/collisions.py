"""Two different source strings translated to one target where they stand side by side:
table cells of one row or one column ("Yes" and "No" both "Ja"), and the items of one
list ("monthly or yearly" as "monthly or monthly")."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from .base import Entry, MessageContext
from .coordination import coordinated_twice, coordinator_probes
from .labels import normal
from .numbers import list_words
from .words import function_words

__all__ = ["check_repeated_item", "check_table_collisions", "may_repeat_item"]

#: A cell is a value of a few words ("Yes", "Monthly", "Not available"); a longer one is
#: a sentence, which may well read like another.
_CELL_WORDS = 3
_WORD = re.compile(r"\w+")


def _cell(entry: Entry) -> tuple[str, str] | None:
    if not entry.translated or len(entry.ids) > 1:
        return None
    source, text = normal(entry.msgid), normal(entry.strings[0])
    words = source.split()
    if not 0 < len(words) <= _CELL_WORDS or not any(c.isalpha() for c in source):
        return None
    return source, text


def check_table_collisions(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """Table cells (messages that share a line: side-by-side segments of one row) whose
    sources differ and whose translations are one, in one row or one column."""
    rows: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.line is not None:
            rows[entry.line].append(entry)
    columns: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    table = 0
    previous: int | None = None
    usual: dict[str, Counter[str]] = defaultdict(Counter)  # source -> its translations
    #: Each cell's (source, translation) as compared, by id: normalised once, not again
    #: for its row and for its column.
    pairs: dict[int, tuple[str, str] | None] = {}
    groups: list[tuple[list[Entry], str]] = []
    for line in sorted(rows):
        cells = rows[line]
        if len(cells) < 2:
            previous = None
            continue
        if previous is None or line - previous > 2:  # a header rule (|---|) lies between
            table += 1
        previous = line
        groups.append((cells, "row"))
        for index, entry in enumerate(cells):
            columns[table, index].append(entry)
            pair = pairs[id(entry)] = _cell(entry)
            if pair is not None:
                usual[pair[0]][pair[1]] += 1
    groups += [(cells, "column") for _, cells in sorted(columns.items())]
    for cells, where in groups:
        yield from _collisions(cells, where, usual, pairs)


def _collisions(
    cells: list[Entry],
    where: str,
    usual: dict[str, Counter[str]],
    pairs: dict[int, tuple[str, str] | None],
) -> Iterator[tuple[Entry, str]]:
    """Cells whose translation is another source's too. The translation belongs to the
    source that is translated so most consistently in the document (a "Yes" always "Ja",
    where "No" is "Nein" as well); the cells of every other source are reported."""
    by_text: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for entry in cells:
        pair = pairs[id(entry)]
        if pair is not None:
            by_text[pair[1]].append((pair[0], entry))
    for text, uses in by_text.items():
        sources = list(dict.fromkeys(source for source, _ in uses))
        if len(sources) < 2:
            continue
        owner = max(
            sources,
            key=lambda s: (
                usual[s][text] / sum(usual[s].values()),
                usual[s][text],
                -sources.index(s),
            ),
        )
        before = next(entry for source, entry in uses if source == owner)
        for source, entry in uses:
            if source != owner and _differ(owner, source) and text not in (source, owner):
                yield (
                    entry,
                    f"{entry.msgid.strip()!r} reads {entry.strings[0].strip()!r}, as "
                    f"{before.msgid.strip()!r} does on line {before.line}: two cells of one "
                    f"table {where}, one translation",
                )


def _differ(first: str, second: str) -> bool:
    """Two sources that say two things: not one written with or without spaces
    (CustomerSegment), nor an acronym and its words (OS, Operating System)."""
    if _joined(first) == _joined(second) or _same_words(first, second):
        return False
    return not (_initials(first, second) or _initials(second, first))


def _same_words(first: str, second: str) -> bool:
    """The words of one are among the other's, function words aside, a word the same as
    one it begins ("Type of expiration", "Expiration type"; "Jun 11", "June 11")."""
    english = function_words("en")
    a, b = (_content(t, english) for t in (first, second))
    return _among(a, b) or _among(b, a)


def _content(text: str, english: frozenset[str]) -> list[str]:
    words = _WORD.findall(text)
    return [w for w in words if w not in english] or words  # "Yes", "No": only these


def _among(few: list[str], many: list[str]) -> bool:
    return all(any(w.startswith(v) or v.startswith(w) for v in many) for w in few)


def _joined(text: str) -> str:
    return "".join(_WORD.findall(text))


def _initials(short: str, long: str) -> bool:
    """Whether a word of `short` is the initials of words of `long` in a row."""
    initials = "".join(word[0] for word in long.split())
    return any(len(word) > 1 and word in initials for word in short.split())


def may_repeat_item(entry: Entry, ctx: MessageContext) -> bool:
    """check_repeated_item's precondition: the locale's "or" or "and" between spaces, or
    one of its coordinators (the wide scripts write them without spaces)."""
    probes = _probes(ctx.locale)
    return probes is not None and probes.search(entry.translations) is not None


@functools.cache
def _probes(locale: str | None) -> re.Pattern[str] | None:
    """One literal search for the locale's list joiners between spaces and its
    coordinators (C speed, where a search per word cost as much as the check)."""
    joiners = list_words(locale)
    words = set(_spaced(joiners) if joiners else ()) | set(coordinator_probes(locale))
    return re.compile("|".join(map(re.escape, sorted(words)))) if words else None


def check_repeated_item(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """One word on both sides of the locale's "or"/"and", the list ending there, where the
    source has two ("monthly or yearly." as "mensuel ou mensuel."). A word that goes on
    ("clientes y clientes de CSP") is two items. Beyond a list's end, an item said on both
    sides of a coordinator where the source joins two different words ("billing and
    invoicing" as "facturación y facturación consolidados": see coordination.py)."""
    joiners = list_words(ctx.locale)
    spaced = _spaced(joiners) if joiners else ()
    for source, text in entry.pairs:
        found = _repeated(text, joiners) if any(j in text for j in spaced) else None
        if found and not _SHARED_NOUN.search(source):
            yield (
                f"{found.group().strip()!r} on both sides of a list: one item stands for two "
                "of the source"
            )
            continue
        twice = coordinated_twice(source, text, ctx.locale)
        if twice:
            yield (
                f"{twice.strip()!r}: one item said twice where the source joins two different "
                "words; the second meaning is lost"
            )


#: A source that repeats a word around its "and"/"or", at most three words between
#: ("the same customer or customer", "licenses sold and licenses in use", "new customers
#: and churned customers"): each item holds the word, so the translation may too.
_SHARED_NOUN = re.compile(
    r"(?<![\w‐-])([^\W\d_]{3,})(?:[\s,]+[\w‐-]+){0,3}?,?\s+(?:and|or)\s+"
    r"(?:[\w‐-]+\s+){0,3}?\1(?!\w)",
    re.IGNORECASE,
)


@functools.cache
def _spaced(joiners: frozenset[str]) -> tuple[str, ...]:
    return tuple(f" {joiner} " for joiner in sorted(joiners))


def _repeated(text: str, joiners: frozenset[str]) -> re.Match[str] | None:
    """The first match of `_repetition(joiners)` in the text, the same as its search, but
    tried only at the word before each joiner: the pattern tried at every position of a
    long message cost more than the rest of the check. A match's first word is the run
    of word characters that ends before its comma and white space (the lookbehind
    refuses any later start), and matches found in joiner order are found leftmost first."""
    pattern = _repetition(joiners)
    for joiner in _joiner_between_spaces(joiners).finditer(text):
        start = joiner.start()  # the white space just before the joiner
        while start and text[start - 1].isspace():
            start -= 1
        if start and text[start - 1] == ",":
            start -= 1
        while start and _word_character(text[start - 1]):
            start -= 1
        found = pattern.match(text, start)
        if found:
            return found
    return None


def _word_character(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


@functools.cache
def _joiner_between_spaces(joiners: frozenset[str]) -> re.Pattern[str]:
    """A joiner with white space on both sides, as the repetition pattern has it."""
    alternatives = "|".join(map(re.escape, sorted(joiners)))
    return re.compile(rf"\s(?:{alternatives})(?=\s)", re.IGNORECASE)


@functools.cache
def _repetition(joiners: frozenset[str]) -> re.Pattern[str]:
    """A word of three letters or more, a joiner, the same word, and then punctuation or
    the end. Tried at word starts only: linear."""
    alternatives = "|".join(map(re.escape, sorted(joiners)))
    end = r"(?=\s*(?:[.,;:!?)。，；：！？]|$))"
    return re.compile(
        rf"(?<![\w‐-])([^\W\d_]{{3,}}),?\s+(?:{alternatives})\s+\1{end}", re.IGNORECASE
    )
