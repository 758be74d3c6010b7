"""A translation cut short where form shows it: a sentence whose modal verb ("können",
"kunnen", "może", "puede") has no verb to go with it ("Sie müssen lediglich das Paket."
for "You just need to purchase the pack."). Machine translation drops the verb of a
clause and leaves its modal; the locale data's `truncated` key lists the modals and the
form of an infinitive (locale_data/README.md). A locale without the key is not checked."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import locale_data
from .spans import NOUNS_CAPITALISED, Plain, marked

__all__ = ["Modals", "check_truncated", "may_truncate", "modals"]


@dataclass(frozen=True)
class Modals:
    #: The locale's modal verbs that take an infinitive, case folded.
    modals: frozenset[str] = frozenset()
    #: How an infinitive (with a pronoun joined to it: "devolverme", "editá-la") ends.
    infinitive: re.Pattern[str] | None = None
    #: A word before the modal that makes it no modal (Polish "być może": "maybe").
    not_after: frozenset[str] = frozenset()
    #: A word after the modal that makes it take a clause, not a verb ("puede que").
    not_before: frozenset[str] = frozenset()
    #: Nouns are capitalised (German): an infinitive is a word in lower case.
    lower_case: bool = False
    #: The infinitive ends its clause (German): only the word before the clause's end counts.
    verb_last: bool = False
    #: The conjunctions that end such a clause ("und", "oder").
    conjunctions: frozenset[str] = frozenset()
    #: Abbreviations whose full stop ends no sentence ("ggf.", "Nr."), folded, no stop.
    abbreviations: frozenset[str] = frozenset()


@functools.cache
def modals(locale: str | None) -> Modals:
    """The locale's modals (empty without a `truncated` key)."""
    data = locale_data(locale).get("truncated")
    if not isinstance(data, dict) or not data.get("modals") or not data.get("infinitive"):
        return Modals()
    return Modals(
        modals=_folded(data.get("modals")),
        infinitive=re.compile(str(data["infinitive"])),
        not_after=_folded(data.get("not_after")),
        not_before=_folded(data.get("not_before")),
        lower_case=language_of_locale(locale) in NOUNS_CAPITALISED,
        verb_last=bool(data.get("verb_last")),
        conjunctions=_folded(data.get("conjunctions")),
        abbreviations=frozenset(w.rstrip(".") for w in _folded(data.get("abbreviations"))),
    )


def language_of_locale(locale: str | None) -> str:
    return (locale or "").replace("_", "-").split("-")[0].casefold()


def _folded(words: object) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


#: The English modals whose verb the translation's modal goes with: a source without one
#: gives the translation's modal no verb to lose.
_ENGLISH_MODAL = re.compile(
    r"\b(?:can|cannot|could|must|should|may|might|need|needs|will|would|able)\b", re.IGNORECASE
)


#: An English modal with a word after it ("cannot resell", "need to purchase", "can't
#: see", "might or might not"): a source whose every modal ends it ("**I need to…**", a
#: prompt quoted cut) has no verb the translation could lose.
_ENGLISH_MODAL_VERB = re.compile(
    r"\b(?:can|cannot|could|must|should|may|might|need|needs|will|would|able)"
    r"(?:n?['’]t)?\s+(?:to\s+)?[\[*_]*(?!to\b)[A-Za-z]",
    re.IGNORECASE,
)


def may_truncate(entry: Entry, ctx: MessageContext) -> bool:
    """check_truncated's precondition: a locale with modals, and an English one."""
    return (
        modals(ctx.locale).infinitive is not None
        and _ENGLISH_MODAL.search(entry.sources) is not None
    )


#: A sentence may end at a full stop, question or exclamation mark after a word of four
#: letters or more ("z. B.", "1." end none) and before a letter; `_sentences` keeps
#: those before a lower-case word or after one of the locale's abbreviations. The mark is
#: looked behind from the first space: a search that opens with a look-behind runs it at
#: every position, one that opens with a space class scans for spaces in C (4x quicker).
_SENTENCE_END = re.compile(r"\s(?<=[^\W\d_]{4}[.!?]\s)\s*(?=[^\W\d_])")
#: An HTML tag: markup, no word ("werden</em>" ends with the verb).
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
#: The word before a full stop (abbreviations hold hyphens: "USt-IdNr.").
_LAST_WORD = re.compile(r"([\w-]+)\.$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ELISION = re.compile("['’]")
#: What may close a sentence after its last word: a colon or semicolon there means the
#: sentence goes on in a list.
_CLOSERS = " \t\n\"'”’»)]*_"
#: How many words before a modal may be its infinitive (verb-final clauses: "die Sie
#: auswählen können", "teilnehmen zu können").
_BEFORE = 2


def check_truncated(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    own = modals(ctx.locale)
    if own.infinitive is None:
        return
    for source, text in entry.pairs:
        if not _ENGLISH_MODAL_VERB.search(source):
            continue
        seen = text if ctx.md is None else _words_apart(marked(entry, ctx.md, text))
        if "<" in seen:
            seen = _HTML_TAG.sub(" ", seen)
        if not _may_hold_modal(own, seen):
            continue  # no sentence of it has a modal: none split, none tokenized
        for sentence in _sentences(own, seen):
            if not _may_hold_modal(own, sentence):
                continue  # most sentences: no modal, no words tokenized
            modal = _verbless_modal(own, sentence)
            if modal:
                yield (
                    f"{modal!r} has no infinitive after it in {_tail(sentence)!r}: the "
                    "clause lost its verb (cut short), or has it in the wrong form"
                )
                return


def _may_hold_modal(own: Modals, text: str) -> bool:
    """Whether a modal may be a word of the text: a (folded) word of it is a substring of
    the folded text, as casefold() folds letter by letter; a substring test per modal."""
    return any(map(text.casefold().__contains__, own.modals))


def _sentences(own: Modals, text: str) -> list[str]:
    """The text's sentences. A stop before a lower-case word, or after an abbreviation
    ("die USt-IdNr. angeben", "ggf. Rechnungen"), ends none."""
    sentences: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, start, end.start())
        if text[end.end()].islower() or (before is not None and _abbreviation(own, before[1])):
            continue
        sentences.append(text[start : end.start()])
        start = end.end()
    return [*sentences, text[start:]]


def _abbreviation(own: Modals, word: str) -> bool:
    """One of the locale's abbreviations, or a compound ending in one ("USt-IdNr")."""
    folded = word.casefold()
    return folded in own.abbreviations or folded.rsplit("-", 1)[-1] in own.abbreviations


#: Marks a span's edge: a bold label or a link holds its own clause ("die Option **Mein
#: Profil kann nicht verwaltet werden** aus": the label's verb ends the label, not the
#: sentence). A separator control, which str.split() takes for a space.
_EDGE = "\x1f"


def _words_apart(plain: Plain) -> str:
    """The visible text, code spans blanked (a literal is no verb) and a space and an edge
    mark at every span's edge: a link glued to the word after it ("[APIs](x)verwenden") is
    two words."""
    chars = list(plain.text)
    for span in plain.spans:
        if span.kind == "code":
            chars[span.start : span.end] = " " * (span.end - span.start)
    edges = {edge for span in plain.spans for edge in (span.start, span.end)}
    apart = " " + _EDGE
    return "".join(apart + char if index in edges else char for index, char in enumerate(chars))


def _verbless_modal(own: Modals, sentence: str) -> str | None:
    """The sentence's first modal with no infinitive after it or just before it; a modal
    that opens the sentence (a question) or ends it (a verb-final clause) is left alone,
    and so is a sentence that goes on in a list after a colon."""
    if sentence.rstrip(_CLOSERS)[-1:] in (":", ";", "："):
        return None
    words: list[str] = _WORD.findall(sentence)
    folded = [word.casefold() for word in words]
    for index, word in enumerate(folded):
        if word not in own.modals or index in (0, len(words) - 1):
            continue
        following = _ELISION.split(folded[index + 1])[0]  # qu'il: que
        if folded[index - 1] in own.not_after or following in own.not_before:
            continue
        before = words[max(0, index - _BEFORE) : index]
        after = _clause_after(own, sentence, index) if own.verb_last else words[index + 1 :]
        if not any(_infinitive(own, w) for w in [*before, *after]):
            return words[index]
    return None


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[,;:.!?()\x1f]")


def _clause_after(own: Modals, sentence: str, index: int) -> list[str]:
    """The last word before each comma, bracket, stop, span edge or conjunction after the
    modal (the modal's `index`-th word): where a verb-final clause has its infinitive."""
    seen = -1
    lasts: list[str] = []
    last = ""
    for token in _TOKEN.findall(sentence):
        word = token[:1].isalpha()
        seen += word
        if seen <= index:
            continue
        if not word or token.casefold() in own.conjunctions:
            lasts.append(last)
            last = ""
        else:
            last = token
    return [*lasts, last]


def _infinitive(own: Modals, word: str) -> bool:
    """A word written as an infinitive; where nouns are capitalised, only in lower case
    (a capitalised German word is a noun: "können Hinzufügen von Benutzern"). Elsewhere
    a label may capitalise its verb ("pouvez [Envoyer une demande]")."""
    assert own.infinitive is not None
    if own.lower_case and not word.islower():
        return False
    return own.infinitive.fullmatch(word.casefold()) is not None


_TAIL = 60


def _tail(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= _TAIL else "…" + text[-_TAIL:]
