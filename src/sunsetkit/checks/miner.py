"""The glossary miner: how a docs team's human translations already render labels, names
and terms, as evidence for the glossary.

It reads what `sunset check` reads (catalogs, side-by-side pages, parallel Markdown trees)
as pairs of an English text and its human translation (machine-translated pages and
messages are no evidence of how people write: left out unless asked for), finds the bold,
italic, link and code spans of both with markdown-it-py, and pairs the spans of one kind
in order where both sides have as many. Labels are also found where a translation marks
them its own way or where they stand without marks: bold English against quoted text
(Chinese style: “...”, 「...」) when the translation has no bold, the items of `|` lists
(roles: "A | B | C"), and the whole text of a short table cell. Each English span then has
its translations per locale, counted, with the places they come from. A pair whose counts
differ proves nothing and is left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale
from markdown_it import MarkdownIt

from ..errors import SunsetError
from ..files import read_regular
from ..i18n import is_machine_translated, read_catalog
from .catalogs import catalog_locale
from .documents import front_matter_text, meta_locale
from .engine import discover
from .parallel import align, folder_locale, pairing, parse
from .sxs import is_side_by_side, read_side_by_side

__all__ = ["Evidence", "Mined", "Pair", "corpus_pairs", "mine", "report", "span_pairs", "spans"]

#: The inline spans whose text is a label, a name or a term, by markdown-it token.
SPAN_KINDS = {"strong_open": "bold", "em_open": "italic", "link_open": "link"}
_MACHINE_PAGE = re.compile(r"^ms\.translationtype:\s*['\"]?MT\b", re.MULTILINE)
#: Quotation marks a translation may put around a label instead of bold, open -> close;
#: not single quotes, which are apostrophes in French and Italian.
QUOTES = {"“": "”", "「": "」", "『": "』", "«": "»", "„": "“"}
_QUOTED = re.compile("|".join(f"{o}([^{o}{c}]+){c}" for o, c in QUOTES.items()))
#: A whole text as a label (a table cell, a list item) has at most this many English words.
LABEL_WORDS = 6
#: Places kept per translation: enough to open and judge, bounded however large the corpus.
EXAMPLES = 3


@dataclass(frozen=True)
class Pair:
    locale: str
    source: str
    translation: str
    where: str  # path:line
    cell: bool = False  # a table cell of its own (side-by-side pages put one per segment)


@dataclass
class Evidence:
    """One English span: its kinds, and per locale each translation with count and places."""

    kinds: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    places: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: (locale, form) -> how often each file has it: the counts a disagreement names.
    files: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)

    def add(self, kind: str, locale: str, form: str, where: str) -> None:
        self.kinds[kind] += 1
        self.forms[locale][form] += 1
        self.files.setdefault((locale, form), Counter())[where.rpartition(":")[0] or where] += 1
        seen = self.places.setdefault((locale, form), [])
        if len(seen) < EXAMPLES and where not in seen:
            seen.append(where)

    @property
    def count(self) -> int:
        return sum(self.kinds.values())


@dataclass
class Mined:
    terms: dict[str, Evidence] = field(default_factory=dict)
    files: int = 0
    pairs: int = 0
    unaligned: int = 0  # pairs whose spans of a kind differ in number
    machine: int = 0  # machine-translated pages and messages left out
    unreadable: list[str] = field(default_factory=list)


def mine(paths: Iterable[Path], locale: str | None = None, machine: bool = False) -> Mined:
    md = MarkdownIt("commonmark")
    mined = Mined()
    for pair in corpus_pairs(paths, locale, md, mined, machine):
        mined.pairs += 1
        for kind, english, translated in span_pairs(md, pair, mined):
            evidence = mined.terms.setdefault(english, Evidence())
            evidence.add(kind, pair.locale, translated, pair.where)
    return mined


def span_pairs(md: MarkdownIt, pair: Pair, mined: Mined) -> Iterator[tuple[str, str, str]]:
    """(kind, English span, translated span) for each kind both sides have as often; then
    bold against quotes, `|` list items and a short cell's whole text."""
    (source, plain), (translation, translated_plain) = (
        _inline(md, pair.source),
        _inline(md, pair.translation),
    )
    for kind in sorted(source.keys() | translation.keys()):
        english, translated = source.get(kind, []), translation.get(kind, [])
        if len(english) != len(translated):
            if kind != "bold" or translated:  # bold against no bold: maybe quotes, below
                mined.unaligned += 1
            continue
        yield from (
            (kind, one, other)
            for one, other in zip(english, translated, strict=True)
            if one and other
        )
    if source.get("bold") and not translation.get("bold"):
        yield from _quoted_labels(md, pair, mined)
    yield from _labels_unmarked(pair, source, plain, translation, translated_plain)


def _quoted_labels(md: MarkdownIt, pair: Pair, mined: Mined) -> Iterator[tuple[str, str, str]]:
    """Bold English against the quoted stretches of a translation without bold, in order
    where both have as many; in a `|` list whose items pair up, item by item, so a quote
    inside an item ("“User management” admin") is never taken for a label outside it."""
    sources, translations = pair.source.split("|"), pair.translation.split("|")
    if len(sources) != len(translations):
        sources, translations = [pair.source], [pair.translation]
    for source, translation in zip(sources, translations, strict=True):
        bold, quoted = spans(md, source).get("bold", []), _quoted(translation)
        if bold and len(bold) != len(quoted):
            mined.unaligned += 1
        elif bold:
            yield from (
                ("quoted", one, other) for one, other in zip(bold, quoted, strict=True) if one
            )


def _labels_unmarked(
    pair: Pair,
    source: dict[str, list[str]],
    plain: str,
    translation: dict[str, list[str]],
    translated_plain: str,
) -> Iterator[tuple[str, str, str]]:
    """Labels that stand in a `|` list or a table cell of their own, unmarked."""
    english_items, items = _bar_items(plain), _bar_items(translated_plain)
    if len(english_items) > 1 and len(english_items) == len(items):
        yield from (("list", one, other) for one, other in zip(english_items, items, strict=True))
    elif pair.cell and not source and not translation and _short(plain) and translated_plain:
        yield "cell", plain, translated_plain


def _quoted(text: str) -> list[str]:
    """The quoted stretches of a text, in order, without the marks."""
    return [" ".join(next(g for g in m.groups() if g).split()) for m in _QUOTED.finditer(text)]


def _bar_items(text: str) -> list[str]:
    """The items of a `|` list ("Roles: A | B | C", a table row), each short enough to be
    a label; none unless every item is. A lead-in up to a colon is not an item."""
    if "|" not in text:
        return []
    items = [item.strip() for item in text.strip().strip("|").split("|")]
    head = items[0]
    cut = max(head.rfind(":"), head.rfind("："))
    items[0] = head[cut + 1 :].strip()
    labels = all(_short(item) and any(ch.isalnum() for ch in item) for item in items)
    return items if labels else []


def _short(text: str) -> bool:
    """Short enough to be a label: a few words, or a short run of CJK text."""
    return 0 < len(text) <= 60 and len(text.split()) <= LABEL_WORDS


def spans(md: MarkdownIt, text: str) -> dict[str, list[str]]:
    """The text of every bold, italic, link and code span, by kind, in order."""
    return _inline(md, text)[0]


def _inline(md: MarkdownIt, text: str) -> tuple[dict[str, list[str]], str]:
    """The spans of a text by kind, in order, and its plain text (markup removed), in one
    pass over markdown-it-py's tokens."""
    found: dict[str, list[str]] = defaultdict(list)
    plain: list[str] = []
    for block in md.parse(text):
        open_: list[tuple[str, list[str]]] = []  # kinds open now, each with its text
        for token in block.children or ():
            if token.type in SPAN_KINDS:
                open_.append((SPAN_KINDS[token.type], []))
            elif token.type.endswith("_close") and open_:
                kind, parts = open_.pop()
                found[kind].append(" ".join("".join(parts).split()))
            elif token.type == "code_inline":
                found["code"].append(token.content.strip())
            if token.type in ("text", "code_inline"):
                plain.append(token.content)
                for _, parts in open_:
                    parts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                plain.append(" ")
                for _, parts in open_:
                    parts.append(" ")
        plain.append(" ")
    return found, " ".join("".join(plain).split())


def corpus_pairs(
    paths: Iterable[Path], locale: str | None, md: MarkdownIt, mined: Mined, machine: bool
) -> Iterator[Pair]:
    """Every English text with its translation, from every catalog and page under paths."""
    catalogs, pages, missing = discover(list(paths))
    mined.unreadable += [f"{p}: no such file or folder" for p in missing]
    for path in catalogs:
        for pair in _catalog_pairs(path, locale, mined, machine):
            yield Pair(_locale_id(pair.locale), pair.source, pair.translation, pair.where)
    for path in pages:
        for pair in _page_pairs(path, locale, md, mined, machine):
            yield Pair(
                _locale_id(pair.locale), pair.source, pair.translation, pair.where, pair.cell
            )


@functools.cache
def _locale_id(locale: str) -> str:
    """language-TERRITORY, as glossaries key their forms: zh-Hans-CN is zh-CN."""
    try:
        parsed = Locale.parse(locale, sep="-")
    except (ValueError, TypeError):
        return locale
    return f"{parsed.language}-{parsed.territory}" if parsed.territory else parsed.language


def _catalog_pairs(path: Path, forced: str | None, mined: Mined, machine: bool) -> Iterator[Pair]:
    try:
        catalog = read_catalog(path)
    except SunsetError as exc:
        mined.unreadable.append(str(exc))
        return
    locale = catalog_locale(catalog, path, forced)
    if path.suffix == ".pot" or locale is None:
        return
    mined.files += 1
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        if not machine and is_machine_translated(message):
            mined.machine += 1
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        if source and target:
            yield Pair(locale, source, target, f"{path}:{message.lineno}")


def _page_pairs(
    path: Path, forced: str | None, md: MarkdownIt, mined: Mined, machine: bool
) -> Iterator[Pair]:
    text = _read(path, mined)
    if text is None:
        return
    if not machine and _MACHINE_PAGE.search(front_matter_text(text)):
        mined.machine += 1
        return
    if is_side_by_side(text):
        segments = read_side_by_side(text)
        locale = forced or meta_locale(text) or folder_locale(path.parent.name)
        if segments and locale:
            mined.files += 1
            lines = text.split("\n")
            for seg in segments:
                cell = 0 < seg.line <= len(lines) and lines[seg.line - 1].lstrip().startswith("|")
                yield Pair(locale, seg.source, seg.translation, f"{path}:{seg.line}", cell)
        return
    pair = pairing(path)
    locale = forced or pair.locale
    if pair.source is None or locale is None:  # an English page, or one without its English
        return
    source = _read(pair.source, mined)
    if source is None:
        return
    mined.files += 1
    for block, english in align(parse(md, text), parse(md, source)):
        if block is not None and english is not None and block.kind != "code":
            yield Pair(locale, english.text, block.text, f"{path}:{block.line}")


def _read(path: Path, mined: Mined) -> str | None:
    try:
        return read_regular(path).decode("utf-8")
    except SunsetError as exc:
        mined.unreadable.append(str(exc))
    except UnicodeDecodeError:
        mined.unreadable.append(f"{path}: not UTF-8 text (save it as UTF-8)")
    return None


def report(mined: Mined, min_count: int, glossary: Any = None) -> dict[str, Any]:
    """The mined evidence as plain data (YAML or JSON): each English span seen at least
    min_count times, its likely kind, and per locale its translations, most used first;
    with a glossary, whether its approved form is the one the translators use, and that
    verdict with its places as the entry's evidence statement."""
    entries = []
    approved = _approved(glossary)
    for source in sorted(mined.terms, key=lambda s: (s.casefold(), s)):
        evidence = mined.terms[source]
        if evidence.count < min_count:
            continue
        translations: dict[str, Any] = {}
        for locale in sorted(evidence.forms):
            ranked = sorted(evidence.forms[locale].items(), key=lambda kv: (-kv[1], kv[0]))
            translations[locale] = [
                {"form": form, "count": count, "seen": evidence.places[(locale, form)]}
                for form, count in ranked
            ]
        entry: dict[str, Any] = {
            "source": source,
            "kind": _kind(source, evidence),
            "seen": dict(sorted(evidence.kinds.items())),
            "translations": translations,
        }
        if source in approved:
            entry["glossary"] = _verdicts(approved[source], translations)
            entry["evidence"] = _evidence(approved[source], translations, entry["glossary"])
            also = _also(approved[source], translations, evidence)
            if also:
                entry["also"] = also
        entries.append(entry)
    return {
        "files": mined.files,
        "pairs": mined.pairs,
        "unaligned": mined.unaligned,
        "machine_translated_left_out": mined.machine,
        "terms": entries,
    }


def _kind(source: str, evidence: Evidence) -> str:
    """name: kept as written in every locale (or code); ui: mostly bold; else term."""
    kept = all(set(forms) == {source} for forms in evidence.forms.values())
    if kept or evidence.kinds.most_common(1)[0][0] == "code":
        return "name"
    marked = evidence.kinds["bold"] + evidence.kinds["quoted"]
    return "ui" if marked * 2 > evidence.count else "term"


def _approved(glossary: Any) -> dict[str, Any]:
    return {term.source: term for term in glossary.terms} if glossary is not None else {}


def _verdicts(term: Any, translations: dict[str, Any]) -> dict[str, str]:
    """Per locale: whether the translators' spans hold an approved form (as a whole span or
    within one that swallowed a neighbour, in any case), and how often."""
    verdicts = {}
    for locale, ranked in translations.items():
        forms = [_core(form) for form in term.forms(locale)]
        total = sum(f["count"] for f in ranked)
        held = sum(f["count"] for f in ranked if any(_holds(f["form"], form) for form in forms))
        if held * 2 >= total:
            verdicts[locale] = f"agrees: {held} of {total} spans"
        else:
            verdicts[locale] = (
                f"differs: the glossary has {term.forms(locale)[0]!r} ({held} of {total} "
                f"spans), translators mostly {ranked[0]['form']!r}"
            )
    return verdicts


def _evidence(term: Any, translations: dict[str, Any], verdicts: dict[str, str]) -> dict[str, str]:
    """Per locale, the verdict with the places to open, as a glossary entry's `evidence`
    records it: where the approved form was seen (else where the translators' form was)."""
    statements = {}
    for locale, ranked in translations.items():
        forms = [_core(form) for form in term.forms(locale)]
        held = [f for f in ranked if any(_holds(f["form"], form) for form in forms)]
        places = [place for f in (held or ranked[:1]) for place in f["seen"]][:EXAMPLES]
        statements[locale] = f"{verdicts[locale]}; seen: {', '.join(places)}"
    return statements


#: An also-accepted form is proposed where the translators write it in at least this many
#: spans of at least ALSO_FILES files: a single span is as often a misaligned pair (another
#: role of a `|` list) as a wording, and one article's habit is one translator's; a form
#: that two articles write is Microsoft's. (Over the Partner Center articles every second
#: form in two or more files was a real wording; the single spans held the misalignments.)
ALSO_SPANS = 2
ALSO_FILES = 2


def _also(term: Any, translations: dict[str, Any], evidence: Evidence) -> dict[str, Any]:
    """Per locale, the other forms human translators write often enough beside the
    glossary's accepted ones, each with its evidence, as a glossary entry's `also` holds
    them. The English kept is never one (it is what the checks report as untranslated);
    nor a span that holds an accepted form (bold that took in a neighbour)."""
    proposed: dict[str, Any] = {}
    for locale, ranked in translations.items():
        if locale not in term.translations:
            continue  # an also-accepted form sits beside an approved one
        accepted = [_core(form) for form in term.accepted(locale)] + [_core(term.source)]
        total = sum(f["count"] for f in ranked)
        groups: dict[str, list[str]] = defaultdict(list)
        for f in ranked:  # most used first: the group's first spelling is its form
            if not any(_holds(f["form"], form) for form in accepted):
                groups[_core(f["form"])].append(f["form"])
        found = [
            _proposal(spellings, locale, total, evidence)
            for spellings in groups.values()
            if _core(spellings[0])
        ]
        found = [item for item in found if item is not None]
        if found:
            proposed[locale] = found
    return proposed


def _proposal(
    spellings: list[str], locale: str, total: int, evidence: Evidence
) -> dict[str, str] | None:
    """One form's proposal, or None below the threshold: its spans counted per file."""
    files: Counter[str] = Counter()
    for spelling in spellings:
        files.update(evidence.files[(locale, spelling)])
    spans = sum(files.values())
    if spans < ALSO_SPANS or len(files) < ALSO_FILES:
        return None
    ranked = sorted(files.items(), key=lambda kv: (-kv[1], kv[0]))
    named = ", ".join(f"{path} ({count})" for path, count in ranked[:EXAMPLES])
    more = f" and {len(ranked) - EXAMPLES} more" if len(ranked) > EXAMPLES else ""
    return {
        "form": spellings[0].strip(_MARKS),
        "evidence": f"agrees: {spans} of {total} spans (human-translated): {named}{more}",
    }


#: Label marks and trailing punctuation a span may carry around a form ([送信], «Envoyer»).
_MARKS = "[]「」『』“”„‟\"'«»‹› .,:;!?。：，、；"


def _core(text: str) -> str:
    """A span as compared: without marks around it, in any case, one apostrophe."""
    return text.strip(_MARKS).casefold().replace("\u2019", "'")


def _holds(span: str, form: str) -> bool:
    core = _core(span)
    if core == form:
        return True
    at = core.find(form)
    # within a span that swallowed a neighbour: the form as a whole word (or CJK run)
    return at >= 0 and _edge(core, at - 1) and _edge(core, at + len(form))


def _edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not text[index].isalnum() or ord(text[index]) > 0x2E80
