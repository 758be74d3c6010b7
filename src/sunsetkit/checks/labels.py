"""UI labels without a glossary: one translation per document, none left in English, no
two labels (or table cells, or list items) merged into one translation.

A label is a bold span or a link's text. Source and translation are paired where each
side has exactly one span of the kind, so a pair is never a guess; spellings are compared
with case, spaces, quotation marks and trailing punctuation aside, and spellings that are
one translation (checks/forms.py: "Kundenkonto", "Kundenkontos") are one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import locale_data
from .forms import (
    closed_up,
    cut_off,
    has_form,
    one_translation,
    particle_first,
    wide_in,
    word_outside,
)
from .placement import glued, only_function_words
from .spans import Plain, marked
from .words import frame_words, function_words, shifted, unglued, verb_suffixes

__all__ = [
    "QUOTES",
    "check_bold_english",
    "check_label_spelling",
    "core",
    "label_pairs",
    "normal",
]

QUOTES = '"“”„‟‚‛«»‹›「」『』[]【】<>〈〉《》'
#: The table that drops them, built once: built per call, it was half of normal()'s time.
_NO_QUOTES = {ord(q): None for q in QUOTES}
#: An elided article or preposition before a label (l', dell', d'): a form of the label.
_ELIDED = re.compile(r"(?<!\w)\w{1,5}['’](?=\w)")
_TRAILING = " .,:;!?。：，、…"
_SPACES = re.compile(r"\s+")


def normal(text: str) -> str:
    """A label as compared: case folded, one space for any run of spaces, no quotation
    marks, no punctuation after it."""
    text = _ELIDED.sub("", text.translate(_NO_QUOTES)).replace("’", "'")
    return _SPACES.sub(" ", text).strip().strip(_TRAILING + "'").casefold()


def core(label: str, function_words: frozenset[str]) -> str:
    """The label without function words at its edges ("die CSP-Region", "Einlösen aus"):
    where bold or a link takes in an article or a verb's particle, the label is the same."""
    words = label.split()
    while len(words) > 1 and words[0] in function_words:
        words.pop(0)
    while len(words) > 1 and words[-1] in function_words:
        words.pop()
    return " ".join(words)


def _is_label(plain: Plain, start: int, end: int, ctx: MessageContext) -> bool:
    """A span that holds a label, not words the markup was moved onto."""
    inside = plain.text[start:end]
    if not inside.strip() or only_function_words(inside, ctx):
        return False
    if particle_first(inside, ctx.glossary.function_words):
        return False
    return not (glued(plain.text[start - 1 : start]) or glued(plain.text[end : end + 1]))


def label_pairs(entry: Entry, ctx: MessageContext) -> Iterator[tuple[str, str, str]]:
    """(kind, source label, translated label) where each side has one span of the kind."""
    if ctx.md is None or not entry.translated or len(entry.ids) > 1:
        return
    source, text = entry.pairs[0]
    if source == text or not any(mark in text for mark in "*_["):
        return
    theirs, ours = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
    for kind in ("bold", "link"):
        a = [s for s in theirs.spans if s.kind == kind]
        b = [s for s in ours.spans if s.kind == kind]
        if len(a) == 1 and len(b) == 1 and _is_label(ours, b[0].start, b[0].end, ctx):
            if kind == "link" and not theirs.inside(a[0]).strip()[:1].isupper():
                continue  # "see the [payout statement](x)": a phrase that grammar bends
            label = normal(theirs.inside(a[0]))
            # a space bold left inside a CJK label ("与 帮助中心") is no other spelling
            translated = core(normal(closed_up(ours.inside(b[0]))), ctx.glossary.function_words)
            if translated == label and _gloss_after(ours.text[b[0].end :]):
                continue  # "**Billing** (Facturation)": the locale's way to show a kept label
            if _labelled(label) and translated and len(label.split()) <= _LABEL_WORDS:
                yield kind, label, translated


#: What may close around a span before the gloss after it: spaces, a bracket, a colon.
_BEFORE_GLOSS = " \u00a0]】」』）):"


def _gloss_after(rest: str) -> bool:
    """The locale's words for a label kept in English, in brackets after it."""
    return rest.lstrip(_BEFORE_GLOSS)[:1] in ("(", "（")


def _labelled(label: str) -> bool:
    """A label, not a link's "here" or "this article"."""
    english = _english_function_words()
    return len(label) > 2 and not all(word in english for word in label.split())


@functools.cache
def _english_function_words() -> frozenset[str]:
    return function_words("en") | {"article", "page", "link", "topic"}


#: A label has at most this many words; a longer link text is a phrase, which grammar
#: may bend differently in every sentence.
_LABEL_WORDS = 4


def check_label_spelling(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """One English label (bold or link text), two spellings in one document or catalog.

    The spelling used most, at least twice, is the document's; every use of a rarer
    spelling is reported with the line of the usual one."""
    uses: dict[tuple[str, str], list[tuple[str, Entry]]] = defaultdict(list)
    approved = {normal(label) for label in ctx.glossary.labels}
    for entry in entries:
        for kind, label, translated in label_pairs(entry, ctx):
            if label not in approved:  # approved labels: the ui check's
                uses[kind, label].append((translated, entry))
    for (kind, label), found in sorted(uses.items(), key=lambda item: item[0]):
        # words copied from the English label (a name) tie no two spellings together
        # and the words that frame a label (its kind's noun: "page", "tab") mark no spelling
        framing = frame_words(label, ctx.locale)
        ignored = ctx.glossary.function_words | framing | frozenset(label.casefold().split())
        counts = Counter(translated for translated, _ in found)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda t: (counts[t], -_first(found, t)))
        if counts[usual] < 2 or usual == label:
            continue  # one use against one, or English kept: no clear evidence
        first = next(entry for translated, entry in found if translated == usual)
        for translated, entry in found:
            if counts[translated] == counts[usual] or not _differ(
                translated, usual, label, ignored, ctx
            ):
                continue
            if _moved_off(entry, ctx, translated, label, usual):
                continue
            yield (
                entry,
                f"{kind} {label!r} is {translated!r} here and {usual!r} on line "
                f"{first.line} ({counts[usual]} use(s)): one label, one translation",
            )


def _moved_off(entry: Entry, ctx: MessageContext, translated: str, label: str, usual: str) -> bool:
    """The message has the usual spelling (or a form of it) outside the span, or a word
    of it while the span holds none: the span moved onto a neighbour ("la **columna**
    Estado"), the placement checks' defect, not a second spelling."""
    assert ctx.md is not None
    plain = closed_up(marked(entry, ctx.md, entry.strings[0]).text)
    words = ctx.glossary.function_words
    if has_form(plain, usual, words) and not has_form(translated, usual, words):
        return True
    if wide_in(plain, usual) and not wide_in(translated, usual):
        return True
    if cut_off(plain, translated, usual, label, words):
        return True
    return word_outside(plain, translated, [usual], label, words)


_JOINERS = re.compile(r"[\s\-‐–()（）]+")


def _differ(
    translated: str, usual: str, label: str, ignored: frozenset[str], ctx: MessageContext
) -> bool:
    """Two spellings that are two labels: not two accepted forms of one glossary entry
    (an approved and an also-accepted one), not one written with or without spaces or
    hyphens (CSP-Programmgids), not one translation (checks/forms.py: forms of one word,
    function words aside, one holding the other), and not shifted over each other (bold
    or a link that took in a neighbour is the span-moved and placement checks')."""
    a, b = _JOINERS.sub("", translated), _JOINERS.sub("", usual)
    frame = frame_words(label, ctx.locale)
    words = ctx.glossary.function_words | frame
    # a frame noun compounded with the label ("kundkontosidan") is set apart to compare
    one, other = unglued(translated, frame, ctx.locale), unglued(usual, frame, ctx.locale)
    return not (
        ctx.glossary.one_entry(translated, usual)  # two attested forms of one entry
        or a in b
        or b in a
        or _reordered(translated, usual, words)
        or _name_kept(translated, usual, label, ctx.locale)
        or one_translation(one, other, label, words, verb_suffixes(ctx.locale))
        or shifted(one, other, ignored)
    )


def _reordered(one: str, other: str, words: frozenset[str]) -> bool:
    """The same words in another order, function words and joints aside ("Support für
    Partner Center", "Partner Center-Support"): one translation the grammar turned."""
    mine = sorted(w for w in _JOINERS.split(one) if w and w not in words)
    theirs = sorted(w for w in _JOINERS.split(other) if w and w not in words)
    return len(mine) > 1 and mine == theirs


_LATIN_RUN = re.compile(r"[a-z][a-z0-9]*", re.IGNORECASE)
_PART_EDGES = " \u00a0/-‐–:：,、"


def _name_kept(translated: str, usual: str, label: str, locale: str | None) -> bool:
    """One translation with a word of the English label kept as written, a name in its
    product's own spelling ("商业marketplace/概述" beside "商业市场/概述"; Korean "상업용
    marketplace/개요를", its object particle aside): every other part of it stands, in
    order, in the usual spelling, which translates that word. An English label kept whole
    has no other part, and stays reported."""
    english = {w.casefold() for w in _LATIN_RUN.findall(label)}
    kept = [w for w in _LATIN_RUN.findall(translated) if w.casefold() in english]
    if not kept or any(w.casefold() in english for w in _LATIN_RUN.findall(usual)):
        return False
    particles = tuple(str(p) for p in locale_data(locale).get("span_particles") or ())
    parts = [p.strip(_PART_EDGES) for p in _LATIN_RUN.split(translated)]
    parts = [p.removesuffix(next((x for x in particles if p.endswith(x)), "")) for p in parts]
    parts = [p for p in parts if p]
    if not parts or _LATIN_RUN.sub("", translated).strip(_PART_EDGES) == "":
        return False
    at = 0
    for part in parts:
        found = usual.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def _first(found: list[tuple[str, Entry]], translated: str) -> int:
    return next(i for i, (t, _) in enumerate(found) if t == translated)


_CODE_LIKE = re.compile(r"[_./@\\<>{}=]|[a-z][A-Z]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


def check_bold_english(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """A bold label of the source copied unchanged into a translated sentence, where the
    glossary has no approved form kept in English. Names, acronyms and code aside: the
    label must hold a lower-case word that is no function word ("Add a location",
    "Billing profile"), which no name of Title-Case words ("Cloud for US Government")
    does."""
    assert ctx.md is not None
    if (ctx.locale or "en").split("-")[0].casefold() == "en":
        return
    for source, text in entry.pairs:
        if "**" not in text or source == text:
            continue
        theirs, ours = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
        # the source's own spelling: "Microsoft ID" written "Microsoft id" is still an
        # identifier, which the translation's case no longer shows
        english = {
            normal(theirs.inside(s)): theirs.inside(s).strip()
            for s in theirs.spans
            if s.kind == "bold"
        }
        if not english or normal(_words_only(ours.text)) == normal(_words_only(theirs.text)):
            continue
        for span in ours.spans:
            inside = ours.inside(span).strip()
            if (
                span.kind == "bold"
                and normal(inside) in english
                and _english_label(inside, ctx)
                and _english_label(english[normal(inside)], ctx)
                # "**Billing** (Facturation)": the locale's way to show a label it keeps
                and not ours.text[span.end :].lstrip().startswith(("(", "（"))
            ):
                yield f"bold {inside!r} is the English label, not translated"


def _words_only(text: str) -> str:
    return " ".join(_LATIN_WORD.findall(text))


def _english_label(label: str, ctx: MessageContext) -> bool:
    glossary = ctx.glossary
    if label in glossary.label_forms or _CODE_LIKE.search(label) or label.isupper():
        return False
    if label.casefold() in glossary.conventions.loanwords:
        return False  # English the locale uses as it is ("Dashboard")
    if any(name in label for name in (*glossary.names, *glossary.verbatim)):
        return False
    words = label.split()
    if not all(_LATIN_WORD.fullmatch(word.strip(".,:;!?()")) for word in words):
        return False  # digits, symbols: a value, not a label
    if any(len(word) > 1 and word.isupper() for word in words):
        return False  # an acronym in it: an identifier ("MPN ID"), which locales keep
    # A lower-case word that is not one joining a name's words ("Skype for Business").
    english = _english_function_words()
    return len(words) > 1 and any(w[:1].islower() and w not in english for w in words[1:])
