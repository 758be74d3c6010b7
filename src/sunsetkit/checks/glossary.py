"""Checks that read the glossary: names, UI labels, terms, English residue, consistency."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..model import Glossary
from .base import Entry, LocaleGlossary, MessageContext
from .messages import _emphasis_texts

__all__ = [
    "check_consistency",
    "check_english_left",
    "check_names",
    "check_terms",
    "check_ui_labels",
    "locale_glossary",
]

_TRAILING = " .,:;!?。："
#: A run of this many consecutive source words copied into a translation is English left.
ENGLISH_RUN = 3
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# What is never prose: inline code (Markdown and reST), placeholders, URLs, paths.
_NOT_PROSE = re.compile(
    r"``.+?``|`[^`]+`|%\([^)]*\)[a-zA-Z]|%[sdifr]|\{[\w.]*\}|https?://\S+"
    r"|\S+\.(?:md|py|html)\b|\n"
)


def locale_glossary(glossary: Glossary | None, locale: str | None) -> LocaleGlossary:
    """What the checks of one locale need from the glossary."""
    if glossary is None:
        return LocaleGlossary()
    verbatim, terms, labels = [], {}, {}
    for entry in glossary.terms:
        approved = entry.translations.get(locale or "", entry.source)
        if entry.kind == "ui":
            shown = glossary.format_label(locale, approved)
            labels[entry.source] = tuple(dict.fromkeys((shown, approved)))
        elif approved == entry.source:
            verbatim.append(entry.source)
        else:
            terms[entry.source] = approved
    return LocaleGlossary(tuple(verbatim), terms, labels)


def _contains(text: str, phrase: str, fold: bool = False) -> bool:
    """`phrase` in `text` as whole words (Latin letters or digits do not continue it)."""
    if fold:
        text, phrase = text.casefold(), phrase.casefold()
    start = text.find(phrase)
    while start >= 0:
        before = text[start - 1] if start else " "
        end = start + len(phrase)
        after = text[end] if end < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (
            after.isascii() and after.isalnum()
        ):
            return True
        start = text.find(phrase, start + 1)
    return False


def _mentions_terms(entry: Entry, ctx: MessageContext) -> bool:
    pattern = ctx.glossary.any_term
    return pattern is not None and any(pattern.search(source) for source in entry.ids)


def check_names(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if not _mentions_terms(entry, ctx):
        return
    for name in ctx.glossary.verbatim:
        for source, text in entry.pairs:
            if _contains(source, name) and not _contains(text, name):
                yield f"{name!r} must appear verbatim: it is never translated"
                break


def check_terms(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    # Longest first, and a longer term hides the shorter ones inside it: "Partner Center
    # API" has its own approved form, which need not contain the portal's.
    if not _mentions_terms(entry, ctx):
        return
    longer_first = sorted([*ctx.glossary.terms, *ctx.glossary.verbatim], key=len, reverse=True)
    for source, text in entry.pairs:
        for term in longer_first:
            if not _contains(source, term):
                continue
            source = source.replace(term, "\x00")
            approved = ctx.glossary.terms.get(term)
            if approved is not None and not _contains(text, approved, fold=True):
                found = f", not {term!r}" if _contains(text, term) else ""
                yield f"{term!r} is {approved!r} in {ctx.locale}{found}"
        return


def _bold(entry: Entry, ctx: MessageContext, text: str) -> list[str]:
    assert ctx.md is not None
    return [
        inside for kind, inside in _emphasis_texts(entry.inline(ctx.md, text)) if kind == "strong"
    ]


def check_ui_labels(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if not ctx.glossary.labels:
        return
    for source, text in entry.pairs:
        wanted = Counter(
            label
            for label in (b.strip(_TRAILING) for b in _bold(entry, ctx, source))
            if label in ctx.glossary.labels
        )
        if not wanted:
            continue
        spans = [b.strip(_TRAILING) for b in _bold(entry, ctx, text)]
        for label, count in sorted(wanted.items()):
            forms = ctx.glossary.labels[label]
            if sum(span in forms for span in spans) >= count:
                continue
            yield _label_problem(label, forms[0], spans, text)
        return


def _label_problem(label: str, approved: str, spans: list[str], text: str) -> str:
    bare = approved.strip("[]「」")
    wrapped = [s for s in spans if bare in s]
    if wrapped:
        return f"bold {wrapped[0]!r} should hold exactly the label {approved!r} (for **{label}**)"
    if bare in text:
        return f"the label {approved!r} (for **{label}**) is not bold"
    return f"**{label}** should be **{approved}**, the portal's label"


_EDGE_PUNCTUATION = "()[]{}<>,.;:!?\"'“”‘’«»*_"


def _prose_runs(text: str) -> list[list[str]]:
    """Runs of consecutive plain words; code, placeholders, URLs, numbers, identifiers and
    acronyms break a run. Each word keeps its source case."""
    runs: list[list[str]] = []
    for part in _NOT_PROSE.split(text):
        run: list[str] = []
        for token in part.split():
            word = token.strip(_EDGE_PUNCTUATION)
            if _WORD.fullmatch(word) and not (word.isupper() and len(word) > 1):
                run.append(word)
            else:
                runs.append(run)
                run = []
        runs.append(run)
    return [run for run in runs if run]


def _words(tokens: set[str]) -> set[str]:
    """Plain words among white-space separated tokens, edge punctuation removed."""
    words = {token.strip(_EDGE_PUNCTUATION) for token in tokens}
    return {w for w in words if len(w) > 1 and w.replace("-", "").replace("'", "").isalpha()}


def _ngrams(runs: Iterable[list[str]], size: int) -> Iterator[tuple[str, ...]]:
    for run in runs:
        for start in range(len(run) - size + 1):
            yield tuple(run[start : start + size])


def _is_prose(gram: tuple[str, ...]) -> bool:
    """Ordinary English, not a run of proper names: mostly lower case, one real word."""
    return any(len(w) > 3 for w in gram) and sum(w.islower() for w in gram) >= 2


def check_english_left(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    for source, text in entry.pairs:
        folded = text.casefold()
        common = set(source.casefold().split()).intersection(folded.split())
        if len(common) < 2:
            continue  # the quick reject: most translations share few words with the source
        shared = _words(common)
        if len(shared) < 2 or not any(len(w) > 3 for w in shared):
            continue
        tokens = [token.strip(_EDGE_PUNCTUATION) for token in source.casefold().split()]
        flags = [token in shared for token in tokens]
        if not any(all(flags[i : i + ENGLISH_RUN]) for i in range(len(flags) - ENGLISH_RUN + 1)):
            continue  # no run of shared words long enough in the source
        for name in ctx.glossary.verbatim if _mentions_terms(entry, ctx) else ():
            if name in source:  # names are expected verbatim
                source, text = source.replace(name, "\n"), text.replace(name, "\n")
        candidates = [
            gram
            for gram in _ngrams(_prose_runs(source), ENGLISH_RUN)
            if all(w.casefold() in shared for w in gram) and _is_prose(gram)
        ]
        if not candidates:
            continue
        copied = {
            tuple(w.casefold() for w in gram) for gram in _ngrams(_prose_runs(text), ENGLISH_RUN)
        }
        for gram in candidates:
            if tuple(w.casefold() for w in gram) in copied:
                yield f"English left untranslated: {' '.join(gram)!r}"
                return


def check_consistency(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """One source label translated two ways in one catalog (the Submit button with two names).

    Labels are paired where a message has one bold span on each side, and from short
    standalone messages. Glossary labels are left to the ui check.
    """
    seen: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for entry in entries:
        if not entry.translated or len(entry.ids) > 1:
            continue
        for label, translation in _label_pairs(entry, ctx):
            if label not in ctx.glossary.labels:
                seen[label].append((translation, entry))
    for label, uses in sorted(seen.items()):
        counts = Counter(translation for translation, _ in uses)
        if len(counts) < 2:
            continue
        usual = counts.most_common(1)[0][0]
        for translation, entry in uses:
            if translation != usual:
                yield (
                    entry,
                    (
                        f"{label!r} is translated {translation!r} here and "
                        f"{usual!r} elsewhere in this catalog"
                    ),
                )


def _label_pairs(entry: Entry, ctx: MessageContext) -> Iterator[tuple[str, str]]:
    source, text = entry.msgid, entry.strings[0]
    if ctx.md is not None:
        source_bold, text_bold = _bold(entry, ctx, source), _bold(entry, ctx, text)
        if len(source_bold) == 1 and len(text_bold) == 1:
            yield source_bold[0].strip(_TRAILING), text_bold[0].strip(_TRAILING)
    words = source.split()
    if 0 < len(words) <= 3 and source[-1:].isalnum() and "%" not in source:
        yield source.strip(), text.strip()
