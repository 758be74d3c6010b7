"""Words of the locales: function words, and the project's names read from its definitions."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .conventions import conventions, locale_data

if TYPE_CHECKING:
    from ..content.model import Glossary

__all__ = [
    "definition_names",
    "frame_words",
    "function_words",
    "shifted",
    "unglued",
    "verb_suffixes",
]


def function_words(locale: str | None) -> frozenset[str]:
    """The locale's function words ("van", "uw", "in"), folded: the curated closed-class
    words of locale_data/; empty for a language without them."""
    return conventions(locale).function_words


@functools.cache
def _label_frame(locale: str | None) -> frozenset[str]:
    """The words that frame a UI label in running text (locale data `label_frame`: the
    noun naming its kind, "then"), folded."""
    words = locale_data(locale).get("label_frame")
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


@functools.cache
def verb_suffixes(locale: str | None) -> frozenset[str]:
    """The endings a verb's noun or infinitive adds to its stem (locale data
    `verb_noun_suffixes`), folded: empty where the locale has none."""
    words = locale_data(locale).get("verb_noun_suffixes")
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


def frame_words(label: str, locale: str | None) -> frozenset[str]:
    """The locale's words that frame a label (`**pagina Gegevens**` for `the **Export data**
    page`): none where the English label holds a frame word itself (`Account page`), whose
    translation then holds one as its own word."""
    if not _label_frame("en").isdisjoint(re.findall(r"[a-z]+", label.casefold())):
        return frozenset()
    return _label_frame(locale)


#: The letters a frame noun glued to a label (and the label's part left) has at least:
#: shorter endings ("vy", "menu") end too many words by chance.
_GLUED = 4
_TOKENS = re.compile(r"[^\s\-\u00a0\u202f]+")


@functools.cache
def _frame_compounds(locale: str | None) -> frozenset[str]:
    """The frame nouns the locale glues to a label's last word (locale data
    `frame_compounds`), folded: empty where the locale writes them apart."""
    words = locale_data(locale).get("frame_compounds")
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


def unglued(text: str, frame: frozenset[str], locale: str | None) -> str:
    """The spelling with a frame noun glued to the end of a word set apart
    ("kundkontosidan" as "kundkonto sidan", "Kundenkontoseite" as "Kundenkonto seite"):
    languages that compound put the kind's noun after the label, so the label's usual
    rendering is inside the compound. `frame`: the label's frame words (none where the
    English label holds one: `Account page`)."""
    # the longest first: "deelvenster" whole, not "venster" after a "deel"
    glued = sorted((f for f in frame & _frame_compounds(locale) if len(f) >= _GLUED), key=len)[::-1]
    if not glued:
        return text

    def apart(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = word.casefold()
        if folded in frame:
            return word  # a frame noun made of two ("deelvenster") is one
        for noun in glued:
            rest = len(folded) - len(noun)
            if rest >= _GLUED and folded.endswith(noun):
                return f"{word[:rest]} {word[rest:]}"
        return word

    return _TOKENS.sub(apart, text)


#: How many neighbouring words a span that shifted may have taken in.
_NEIGHBOURS = 2
_LABEL_WORDS = 12
_APOSTROPHES = str.maketrans({"’": " ", "'": " ", "\u00a0": " ", "\u202f": " "})


def shifted(one: str, other: str, words: frozenset[str]) -> bool:
    """Two markings of one translation, the span shifted over it: the end of one is the
    start of the other ("Quitar relación" and "vínculo Quitar"), the words they share hold
    one that is not in `words` (function words, and a name copied from the source), and
    one took in at most two neighbouring words. Then the second is
    bold or a link misplaced (the placement checks'), no second translation."""
    a = one.casefold().translate(_APOSTROPHES).split()
    b = other.casefold().translate(_APOSTROPHES).split()
    if max(len(a), len(b)) > _LABEL_WORDS:
        return False  # a phrase, not a label: and bounded work
    for first, second in ((a, b), (b, a)):
        for size in range(min(len(first), len(second)), 0, -1):
            shared = first[-size:]
            if shared != second[:size] or all(w in words for w in shared):
                continue
            if min(len(first), len(second)) - size <= _NEIGHBOURS:
                return True
    return False


def definition_names(folder: Path, glossary: Glossary | None = None) -> tuple[str, ...]:
    """Every string of the project's definitions that is never translated (product, offer,
    option and family names, ...), longest first.

    Collected generically from every non-translatable string field, so a change of the
    definitions' model needs no change here. `glossary`: the one beside the folder, if
    the caller has it already."""
    from ..content.extract import is_translatable
    from ..content.load import load_migrations

    found: set[str] = set()
    for migration in load_migrations(folder, glossary):
        found.update(_strings(migration, is_translatable))
    names = {name for name in found if " " in name or any(c.isupper() for c in name[1:])}
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


def _strings(value: Any, translatable: Any) -> Iterator[str]:
    from pydantic import BaseModel  # loaded already: the definitions were just read

    if isinstance(value, BaseModel):
        for key, info in type(value).model_fields.items():
            if not translatable(info):
                yield from _strings(getattr(value, key), translatable)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, translatable)
    elif isinstance(value, dict):  # names: and a step's names:, keyed by placeholder
        for item in value.values():
            yield from _strings(item, translatable)
