"""Checks that read the glossary: names, UI labels, terms, English residue, consistency."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Entry, LocaleGlossary, MessageContext
from .messages import _emphasis_texts
from .placement import Span, glued, only_function_words, spans
from .words import function_words

if TYPE_CHECKING:
    from ..content.model import Glossary

__all__ = [
    "GlossaryTerms",
    "check_consistency",
    "check_names",
    "check_terms",
    "check_ui_labels",
    "locale_glossary",
]

_TRAILING = " .,:;!?。："


@dataclass(frozen=True)
class GlossaryTerms:
    """What the checks read of a glossary, as plain data: it travels to worker processes,
    which then load neither the definitions' model nor pydantic."""

    #: (source, kind, translations): a locale's approved form, or its accepted forms.
    terms: tuple[tuple[str, str, dict[str, str | tuple[str, ...]]], ...]
    label_format: dict[str, str]

    @classmethod
    def of(cls, glossary: Glossary) -> GlossaryTerms:
        terms = tuple(
            (
                entry.source,
                entry.kind,
                {
                    key: value if isinstance(value, str) else tuple(value)
                    for key, value in entry.translations.items()
                },
            )
            for entry in glossary.terms
        )
        return cls(terms, dict(glossary.label_format))

    def format_label(self, locale_id: str | None, label: str) -> str:
        """A UI label in the locale's brackets: a literal substitution, never str.format."""
        return self.label_format.get(locale_id or "", "{label}").replace("{label}", label)


def locale_glossary(
    glossary: GlossaryTerms | None, locale: str | None, names: tuple[str, ...] = ()
) -> LocaleGlossary:
    """What the checks of one locale need from the glossary and the project's names."""
    words = function_words(locale)
    if glossary is None:
        return LocaleGlossary(names=names, function_words=words)
    locale = _glossary_locale(glossary, locale)
    verbatim, terms, labels, open_labels = [], {}, {}, set()
    translated: set[str] = set()
    for source, kind, translations in glossary.terms:
        forms = accepted_forms(translations, locale)
        if kind == "ui":
            if not forms:  # no approved label: bold, and one translation throughout
                open_labels.add(source)
                continue
            shown = glossary.format_label(locale, forms[0])
            labels[source] = tuple(dict.fromkeys((shown, *forms)))
            translated.add(source)
        elif not forms or forms == (source,):
            verbatim.append(source)
        else:
            terms[source] = forms
            translated.add(source)
    all_names = {*verbatim, *(name for name in names if name not in translated)}
    return LocaleGlossary(
        tuple(verbatim),
        terms,
        labels,
        frozenset(open_labels),
        tuple(sorted(all_names, key=lambda name: (-len(name), name))),
        words,
    )


def _glossary_locale(glossary: GlossaryTerms, locale: str | None) -> str | None:
    """The glossary's spelling of a locale: a page in a folder `fr` reads the fr-FR forms."""
    if locale is None:
        return None
    known = sorted({key for _, _, translations in glossary.terms for key in translations})
    if locale in known:
        return locale
    language = locale.split("-")[0]
    same = [key for key in known if key.split("-")[0] == language]
    return same[0] if len(same) == 1 else locale


def accepted_forms(
    translations: dict[str, str | tuple[str, ...]], locale: str | None
) -> tuple[str, ...]:
    """The forms a locale accepts for one glossary entry, the approved one first; empty when
    the locale has none. The one place that reads an entry's translations."""
    approved = translations.get(locale or "")
    if isinstance(approved, tuple):  # a term that inflects: every listed form is accepted
        return approved
    return (approved,) if approved else ()


#: Every space separator of Unicode (Zs: no-break, narrow no-break, thin...) reads as a space:
#: "Microsoft\u00a0365" is the name verbatim, as side-by-side pages and typographers write it.
_SPACES = {
    ord(c): " " for c in "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
}


def _spaced(text: str) -> str:
    return text.translate(_SPACES) if not text.isascii() else text


def _contains(text: str, phrase: str, fold: bool = False) -> bool:
    """`phrase` in `text` as whole words (Latin letters or digits do not continue it); any
    space separator matches a space."""
    text, phrase = _spaced(text), _spaced(phrase)
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
    """Whether the source holds a name or term; asked by two checks, searched once."""
    memo: dict[str, bool] = entry.__dict__
    if "_mentions_terms" not in memo:
        pattern = ctx.glossary.any_term
        memo["_mentions_terms"] = pattern is not None and any(
            pattern.search(_spaced(source)) for source in entry.ids
        )
    return memo["_mentions_terms"]


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
            forms = ctx.glossary.terms.get(term)
            if forms is not None and not any(_has_form(text, form) for form in forms):
                yield _term_problem(term, forms, text, ctx.locale)
        return


def _has_form(text: str, form: str) -> bool:
    """The form as written; a form that starts in lower case may start a sentence."""
    if _contains(text, form):
        return True
    if not form[:1].islower():
        return False
    upper = form[0].upper() + form[1:]
    return text.startswith(upper) or any(
        _contains(text, f"{mark} {upper}") for mark in (".", ":", "!", "?")
    )


def _term_problem(term: str, forms: tuple[str, ...], text: str, locale: str | None) -> str:
    approved = forms[0]
    folded = text.casefold()
    for form in forms:
        start = folded.find(form.casefold())
        if start >= 0 and _contains(text, text[start : start + len(form)]):
            written = text[start : start + len(form)]
            return f"{term!r} is {approved!r} in {locale}, capitalised so: not {written!r}"
    found = f", not {term!r}" if _contains(text, term) else ""
    return f"{term!r} is {approved!r} in {locale}{found}"


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


def check_consistency(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """One source label translated two ways in one catalog (the Submit button with two names).

    Labels are paired where a message has one bold span on each side and the translation's
    bold holds a label (not function words, not glued to a word), and from short standalone
    messages. Labels with an approved form are left to the ui check. Every use of a label
    that is translated two ways is reported, each naming the other translations' lines.
    """
    seen: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    # The English of a message that also stands without a context: the context (msgctxt)
    # tells two uses of it apart on purpose (a heading and a checklist task, worded as a
    # noun and as an imperative in Polish), so that one is not paired as a label.
    plain = {entry.msgid for entry in entries if entry.context is None}
    for entry in entries:
        if not entry.translated or len(entry.ids) > 1:
            continue
        apart = entry.context is not None and entry.msgid in plain
        for label, translation in _label_pairs(entry, ctx, apart):
            if label not in ctx.glossary.labels:
                seen[label].append((translation, entry))
    for label, uses in sorted(seen.items()):
        lines: dict[str, list[int]] = defaultdict(list)
        for translation, entry in uses:
            lines[translation].append(entry.line or 0)
        if len(lines) < 2:
            continue
        for found in lines.values():
            found.sort()
        # The first translations met, each with its first lines: a message of bounded
        # length, made in bounded time, however many uses the label has.
        first = sorted(lines.items(), key=lambda item: item[1][0])[: SHOWN + 1]
        for translation, entry in uses:
            yield entry, _consistency_message(label, translation, first, lines, len(uses))


#: How many other translations (and lines of each) a consistency finding names.
SHOWN = 3


def _consistency_message(
    label: str,
    translation: str,
    first: list[tuple[str, list[int]]],
    lines: dict[str, list[int]],
    uses: int,
) -> str:
    others = [(t, found) for t, found in first if t != translation][:SHOWN]
    where = ", ".join(
        f"{t!r} (line{'s' if len(found) > 1 else ''} "
        f"{', '.join(map(str, found[:SHOWN]))}{', ...' if len(found) > SHOWN else ''})"
        for t, found in others
    )
    more = uses - len(lines[translation]) - sum(len(found) for _, found in others)
    rest = f" and {more} more use(s)" if more else ""
    return f"{label!r} is translated {translation!r} here and {where}{rest} elsewhere"


def _label_pairs(entry: Entry, ctx: MessageContext, apart: bool) -> Iterator[tuple[str, str]]:
    source, text = entry.msgid, entry.strings[0]
    if ctx.md is not None and "**" in text:
        source_bold = [s for s in spans(entry.inline(ctx.md, source)) if s.kind == "bold"]
        text_bold = [s for s in spans(entry.inline(ctx.md, text)) if s.kind == "bold"]
        if len(source_bold) == 1 and len(text_bold) == 1 and _is_label(text_bold[0], ctx):
            yield source_bold[0].inside.strip(_TRAILING), text_bold[0].inside.strip(_TRAILING)
    words = source.split()
    if not apart and 0 < len(words) <= 3 and source[-1:].isalnum() and "%" not in source:
        yield source.strip(), text.strip()


def _is_label(span: Span, ctx: MessageContext) -> bool:
    """Bold that holds a label, not words the bold was moved onto."""
    if only_function_words(span.inside, ctx):
        return False
    return not (glued(span.before[-1:]) or glued(span.after[:1]))
