"""A translation cut short where form shows it: a sentence whose modal verb ("können",
"kunnen", "może", "puede") has no verb to go with it ("Sie müssen lediglich das Paket."
for "You just need to purchase the pack."). Machine translation drops the verb of a
clause and leaves its modal; the locale data's `truncated` key lists the modals and the
form of an infinitive (locale_data/README.md). A locale without the key is not checked.

In a verb-final locale (`verb_final: true`: ja, ko) a sentence whose English has a name
after a preposition ("... in Partner Center.") and whose translation ends with that name
("…ダウンロードパートナー センター。") lost its verb: the name took the verb's place."""

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
    """check_truncated's precondition: a locale with modals, and an English one; or a
    verb-final locale and an English name after a preposition ending a sentence."""
    return (
        modals(ctx.locale).infinitive is not None
        and _ENGLISH_MODAL.search(entry.sources) is not None
    ) or (_verb_final(ctx.locale) and _ENGLISH_NAME_AFTER.search(entry.sources) is not None)


@functools.cache
def _verb_final(locale: str | None) -> bool:
    """The locale's sentence ends with its verb (locale data `verb_final`), or a place said
    before its verb does (`place_before_verb`)."""
    data = locale_data(locale)
    return bool(data.get("verb_final") or data.get("place_before_verb"))


@functools.cache
def _place_words(locale: str | None) -> tuple[str, ...]:
    """The words that open a place or a means said before its verb (zh 在, 通过); empty
    where every sentence ends with its verb."""
    words = locale_data(locale).get("place_before_verb")
    return tuple(map(str, words)) if isinstance(words, list) else ()


#: An English sentence ending with a preposition and a name ("in Partner Center.", "from
#: the Azure Marketplace"): the name in its group 1, a run of capitalised words.
_ENGLISH_NAME_LAST = re.compile(
    r"\b(?:in|on|to|from|through|via|into|within|using|with|at|by)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w-]*)\s*[.!]?[\s*_]*$"
)
#: A name after a preposition anywhere in the English ("sign into Partner Center
#: [dashboard]", "the Support section of Partner Center"): a verb-final translation that
#: ends with it moved it there and lost its verb.
_ENGLISH_NAME_AFTER = re.compile(
    r"\b(?:in|on|to|from|through|via|into|within|using|with|at|by|of)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w-]*)"
)
#: The English says where something is ("should be in Partner Center"): a translation may
#: end with the place after its own "be in" (zh 应在).
_ENGLISH_BE_IN = re.compile(
    r"\b(?:is|are|be|was|were|being|been)\s+\w+\s+(?:the\s+)?[A-Z][^.]*\.?\s*$"
)
#: A sentence's final stop in the translation, and what may close it.
_FINAL_STOP = re.compile(r"[。.！!][\s*_」』”\"']*$")
#: What a name ends at when it is a label's value, not the sentence's object.
_VALUE_MARKS = (":", "：", "-", "–", "—", "|")


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
    for message in _verbless_modals(entry, ctx):
        yield message
        return
    if _verb_final(ctx.locale):
        yield from _names_last(entry, ctx)


def _names_last(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A verb-final translation that ends with a name the English has after a preposition
    (in zh, with a place word, the one that ends the English): its verb was lost, machine
    translation put the name where its verb belongs. The name kept, or the glossary's or
    the locale data's form of it."""
    places = _place_words(ctx.locale)
    for source, text in entry.pairs:
        names = _english_names(source.strip(), bool(places))
        if not names:
            continue
        seen = text if ctx.md is None else marked(entry, ctx.md, text).text
        stop = _FINAL_STOP.search(seen)
        if stop is None:
            continue
        before = seen[: stop.start()]
        packed = before.replace(" ", "")
        if places and _ENGLISH_BE_IN.search(source.strip()):
            continue
        for form in (form for name in names for form in _name_forms(name, ctx)):
            rest = packed.removesuffix(form.replace(" ", ""))
            if rest == packed or not rest.strip() or rest.rstrip().endswith(_VALUE_MARKS):
                continue
            if not places or rest.endswith(places):
                yield (
                    f"the sentence ends with the name {form!r}, which the English has after a "
                    f"preposition: the verb that ends it is lost ({_tail(before)!r})"
                )
                return


#: A capitalised word just before: the "of" after it is a name's own.
_INSIDE_A_NAME = re.compile(r"\b[A-Z][\w-]*\s+$")


def _english_names(source: str, last_only: bool) -> list[str]:
    """The names the English has after a preposition, with their first two words or more
    ("Partner Center" of "Partner Center Migration"): only the one that ends it where a
    place word must show the verb was lost (zh)."""
    if last_only:
        found = _ENGLISH_NAME_LAST.search(source)
        return [found[1]] if found else []
    names: list[str] = []
    for found in _ENGLISH_NAME_AFTER.finditer(source):
        if found[0].startswith("of") and _INSIDE_A_NAME.search(source, 0, found.start()):
            continue  # "State Register of Law Units": "of" inside a name
        words = found[1].split()
        names += [" ".join(words[:end]) for end in range(len(words), 1, -1)] or words
    return names


def _name_forms(name: str, ctx: MessageContext) -> tuple[str, ...]:
    """A name as the translation may write it: kept, the glossary's forms, the locale's."""
    glossary = ctx.glossary
    return (
        name,
        *glossary.terms.get(name, ()),
        *glossary.conventions.names.get(name, ()),
    )


def _verbless_modals(entry: Entry, ctx: MessageContext) -> Iterator[str]:
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
