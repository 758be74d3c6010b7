"""Checks that read the glossary: names, UI labels, terms, English residue, consistency."""

from __future__ import annotations

import functools
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .base import _BRACKETS, Entry, LocaleGlossary, MessageContext
from .beside import stem
from .conventions import WIDE, Conventions, conventions, label_marked, locale_data
from .english import kept_with_gloss
from .evidence import backed, with_evidence
from .forms import (
    closed_up,
    content_words,
    cut_off,
    has_form,
    one_translation,
    particle_first,
    same_word,
    took_neighbour,
    word_outside,
)
from .messages import _emphasis_texts
from .placement import (
    SOURCE_LANGUAGE,
    Span,
    check_placement,
    glued,
    only_function_words,
    select_verbs,
    spans,
)
from .rendered import Renderings, renders_outside
from .spans import marked
from .words import frame_words, function_words, shifted, unglued, verb_suffixes

if TYPE_CHECKING:
    from ..content.model import Glossary

__all__ = [
    "GlossaryTerms",
    "check_consistency",
    "check_names",
    "check_terms",
    "check_ui_labels",
    "english_portal_page",
    "locale_glossary",
    "system_values_page",
]

_TRAILING = " .,:;!?。："


@dataclass(frozen=True)
class GlossaryTerms:
    """What the checks read of a glossary, as plain data: it travels to worker processes,
    which then load neither the definitions' model nor pydantic."""

    #: (source, kind, translations): a locale's approved form, or its accepted forms (the
    #: approved or base form first, then inflected forms, then also-accepted forms).
    terms: tuple[tuple[str, str, dict[str, str | tuple[str, ...]]], ...]
    label_format: dict[str, str]
    #: source -> locale -> evidence statement (checks/evidence.py).
    evidence: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, glossary: Glossary) -> GlossaryTerms:
        terms = tuple(
            (
                entry.source,
                entry.kind,
                {key: _accepted(entry.accepted(key)) for key in entry.translations},
            )
            for entry in glossary.terms
        )
        evidence = {
            entry.source: dict(entry.evidence) for entry in glossary.terms if entry.evidence
        }
        return cls(terms, dict(glossary.label_format), evidence)

    def format_label(self, locale_id: str | None, label: str) -> str:
        """A UI label in the locale's brackets: a literal substitution, never str.format."""
        return self.label_format.get(locale_id or "", "{label}").replace("{label}", label)


def _accepted(forms: list[str]) -> str | tuple[str, ...]:
    """One form as itself; several (inflected, also-accepted) as a tuple, approved first."""
    return forms[0] if len(forms) == 1 else tuple(forms)


def locale_glossary(
    glossary: GlossaryTerms | None, locale: str | None, names: tuple[str, ...] = ()
) -> LocaleGlossary:
    """What the checks of one locale need from the glossary and the project's names."""
    words = function_words(locale)
    own = conventions(locale)
    if glossary is None:
        return LocaleGlossary(names=names, function_words=words, conventions=own)
    locale = _glossary_locale(glossary, locale)
    verbatim, terms, labels, open_labels, label_text = [], {}, {}, set(), {}
    translated: set[str] = set()
    for source, kind, translations in glossary.terms:
        forms = accepted_forms(translations, locale)
        if kind == "ui":
            if not forms:  # no approved label: bold, and one translation throughout
                open_labels.add(source)
                continue
            # the approved label shown first; every accepted form bare and in brackets
            shown = [glossary.format_label(locale, form) for form in forms]
            labels[source] = tuple(dict.fromkeys((shown[0], *forms, *shown[1:])))
            label_text[source] = forms[0]
            translated.add(source)
        elif not forms or forms == (source,):
            verbatim.append(source)
        else:
            terms[source] = forms
            translated.add(source)
    # A name the locale's data localizes is a known name even where the glossary lacks it.
    verbatim += [name for name in own.names if name not in translated and name not in verbatim]
    all_names = {*verbatim, *(name for name in names if name not in translated)}
    evidence = {
        source: by_locale[locale]
        for source, by_locale in glossary.evidence.items()
        if locale in by_locale and source in translated
    }
    return LocaleGlossary(
        tuple(verbatim),
        terms,
        labels,
        frozenset(open_labels),
        tuple(sorted(all_names, key=lambda name: (-len(name), name))),
        words,
        evidence,
        own,
        label_text,
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
# The typographic apostrophe (U+2019) is the straight one of the glossary's forms.
_SPACES[ord("\u2019")] = "'"


@functools.lru_cache(maxsize=256)
def _spaced(text: str) -> str:
    """The text with every space separator a space, the typographic apostrophe straight,
    and character references decoded (`Office&nbsp;365` in Markdown is the name with a
    no-break space)."""
    if "&" in text:
        text = html.unescape(text)
    return text.translate(_SPACES) if not text.isascii() else text


def _contains(text: str, phrase: str, fold: bool = False, inflected: bool = False) -> bool:
    """`phrase` in `text` as whole words (Latin letters or digits do not continue it); any
    space separator matches a space. `inflected`: letters may follow the phrase (an
    ending or a compound: "Azure-Plänen", "Azure-Planreservierungen", "Partner Centers")."""
    text, phrase = _spaced(text), _spaced(phrase)
    if fold:
        text, phrase = text.casefold(), phrase.casefold()
    start = text.find(phrase)
    while start >= 0:
        before = text[start - 1] if start else " "
        end = start + len(phrase)
        after = text[end] if end < len(text) else " "
        continued = after.isascii() and after.isalnum() and not (inflected and after.isalpha())
        if not (before.isascii() and before.isalnum()) and not continued:
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
            if _contains(source, name) and not _contains(text, name, inflected=True):
                if _localized(name, text, ctx):
                    continue
                if _contains(_unmarked(entry, ctx, text), name, inflected=True):
                    continue
                yield f"{name!r} must appear verbatim: it is never translated"
                break


def _unmarked(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text as read, bold and links read away: a name or term that a span cuts
    ("Office **365.**", "[365 E3](...)") is whole, the span's place the placement
    checks' defect, not a name or term changed. The text itself without a parser. A span
    read away leaves one space where its marks stood between two ("piano di [](x) Azure")."""
    if ctx.md is None or not any(mark in text for mark in "*_["):
        return text
    plain = marked(entry, ctx.md, text).text
    return _DOUBLED_SPACE.sub(" ", plain) if "  " in plain else plain


_DOUBLED_SPACE = re.compile(r"  +")


def _localized(name: str, text: str, ctx: MessageContext) -> bool:
    """The name as Microsoft localizes it in this locale (Skype Empresarial, Partnercentrum),
    or a term's form with such a name in it localized so ("Partnercentrum-API" for the
    form "Partner Center-API")."""
    forms = ctx.glossary.conventions.names.get(name, ())
    if any(_contains(text, form, inflected=True) for form in forms):
        return True
    localized = tuple(_with_localized_names(name, ctx))
    # the link before the localized name agrees with it ("API da Central de Parceiros"
    # for "API do Partner Center"): another of the locale's links
    return any(_has_form(text, form) for form in localized) or (
        bool(localized) and _linked_otherwise(_spaced(text), localized, ctx.locale)
    )


def _with_localized_names(term: str, ctx: MessageContext) -> Iterator[str]:
    """The term's accepted forms with each name of the locale data inside them written as
    the locale writes that name."""
    for form in ctx.glossary.terms.get(term, ()):
        for name, localized in sorted(ctx.glossary.conventions.names.items()):
            if name != term and name in form:
                yield from (form.replace(name, each) for each in localized)


def check_terms(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    # Longest first, and a longer term hides the shorter ones inside it: "Partner Center
    # API" has its own approved form, which need not contain the portal's.
    listed = _listed_labels(entry, ctx)
    if listed:
        yield listed
    if not _mentions_terms(entry, ctx):
        return
    longer_first = sorted([*ctx.glossary.terms, *ctx.glossary.verbatim], key=len, reverse=True)
    for source, text in entry.pairs:
        original = source
        for term in longer_first:
            if not _contains(source, term):
                continue
            source = source.replace(term, "\x00")
            forms = ctx.glossary.terms.get(term)
            if forms is None:
                continue
            forms = _without_particles(forms, ctx.locale)
            if any(_has_form(text, form) for form in forms):
                continue
            stemmed = _stem_inflected(text, forms, ctx.glossary.conventions)
            if stemmed in forms:
                continue
            words = ctx.glossary.function_words
            if any(
                _has_form(text, form) for form in _with_name_words(term, original, forms, words)
            ):
                continue
            if _kept_name(term, text, ctx) or _coordinated(term, original, text, forms, ctx):
                continue
            if any(_has_form(_unmarked(entry, ctx, text), form) for form in forms):
                continue
            if _linked_otherwise(_unmarked(entry, ctx, text), forms, ctx.locale):
                continue
            if _in_kept_name(term, original, text) or _opens_kept_name(term, original, text, words):
                continue
            if not _localized(term, text, ctx):
                # the English name in other capitals is the locale's way but for its
                # capitals only where the form is unverified (a kept name is accepted)
                names = () if backed(term, ctx.glossary) else (term,)
                problem = _term_problem(term, (*forms, *names), text, ctx.locale, stemmed)
                yield with_evidence(problem, term, ctx.glossary)
        return


#: A list of labels: cells between vertical bars, the first after a lead-in and its colon
#: ("**Appropriate roles**: Admin agent | Global admin").
_CELL_LEAD = re.compile(r"^[^|:：]*[:：]")


def _listed_labels(entry: Entry, ctx: MessageContext) -> str | None:
    """A glossary label that is a whole cell of a list of labels separated by vertical bars
    (the roles a task needs), and no accepted form of it in the translation: a list of
    names of the portal's roles or pages renders each as the portal does, and an
    unbolded list is no business of the `ui` check. The English label kept is
    `english-left`'s finding. Reported only where a cell shows the label broken: cut
    short after its first words ("Globale" for "Globale beheerder"), or ending in a
    function word ("Administrador de administración de"); other words ("Agente
    administrador" for "Agente administrativo", "판매 에이전트" for "영업 에이전트") may be a
    synonym or the portal's older name, even where human translations back the form."""
    if not ctx.glossary.labels:
        return None
    function = ctx.glossary.function_words
    for source, text in entry.pairs:
        if "|" not in source or "|" not in text:
            continue
        cells = _CELL_LEAD.sub("", _spaced(text), count=1).split("|")
        for label in _list_labels(source, ctx.glossary.labels):
            forms = _without_particles(ctx.glossary.labels[label], ctx.locale)
            if _lists_form(text, (*forms, label), ctx.locale):
                continue
            if _cell_with_words(cells, forms, function):
                continue
            cut = _cut_cell(cells, forms) or _dangling_cell(cells, function)
            if cut is None:
                continue  # other words may be a synonym, or the portal's older name
            approved = ctx.glossary.label_text[label]
            message = (
                f"{label!r} is {approved!r} in {ctx.locale}; a cell of the list is cut: {cut!r}"
            )
            return with_evidence(message, label, ctx.glossary)
    return None


def _list_labels(source: str, labels: dict[str, tuple[str, ...]]) -> list[str]:
    """The glossary labels that are whole cells of a list separated by vertical bars after
    a lead-in ("Roles: A | B"); a table's row has none, and its cells are values."""
    lead = _CELL_LEAD.match(source)
    if lead is None:
        return []
    cells = source[lead.end() :].split("|")
    if len(cells) < 2:
        return []
    folded = {label.casefold(): label for label in labels}
    found = (folded.get(cell.strip(" *_.").casefold()) for cell in cells)
    return [label for label in found if label is not None]


def _cut_cell(cells: list[str], forms: tuple[str, ...]) -> str | None:
    """A cell of the list that is a form's first words and not all of them ("Globale" for
    "Globale beheerder", "Globala" for "Global administratör", "globale" for "Globaler
    Administrator"), each word as the form writes it or with another ending."""
    for cell in cells:
        words = cell.strip(" *_.").casefold().split()
        for form in forms:
            parts = _spaced(form).strip(_BRACKETS).casefold().split()
            if 0 < len(words) < len(parts) and all(
                same_word(word, part) for word, part in zip(words, parts, strict=False)
            ):
                return cell.strip(" *_.")
    return None


#: The letters an inflection adds to a word of a form ("Globala" of "Global").
_ENDING = 3


def _dangling_cell(cells: list[str], function: frozenset[str]) -> str | None:
    """A cell of the list that ends in a function word of the locale: a label cut off
    after its preposition ("Administratörsbehörighet för"), another than the one sought
    maybe; the message quotes it."""
    for cell in cells:
        words = cell.strip(" *_.").split()
        if len(words) > 1 and words[-1].casefold() in function:
            return " ".join(words)
    return None


def _cell_with_words(cells: list[str], forms: tuple[str, ...], function: frozenset[str]) -> bool:
    """A cell that writes a form's content words in their order, each with an ending or
    none, its articles and prepositions the translator's, other words between them
    allowed: "Administrateur de gestion des utilisateurs" for "Administrateur de la
    gestion des utilisateurs", "Agente del departamento de soporte técnico"."""
    for cell in cells:
        words = [w for w in re.findall(r"[^\W_]+", cell.casefold()) if w not in function]
        for form in forms:
            wanted = [w for w in re.findall(r"[^\W_]+", form.casefold()) if w not in function]
            if wanted and _in_order(wanted, words):
                return True
    return False


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Each wanted word, in order, among the words (an ending of up to three letters)."""
    rest = iter(words)
    return all(
        any(word.startswith(part) and len(word) - len(part) <= _ENDING for word in rest)
        for part in wanted
    )


def _lists_form(text: str, forms: tuple[str, ...], locale: str | None) -> bool:
    """One of the forms in the text in any case, inflected; in a wide script with or
    without spaces ("ヘルプデスク エージェント", "ヘルプデスクエージェント")."""
    if any(_contains(text, form.strip(_BRACKETS), fold=True, inflected=True) for form in forms):
        return True
    if not any(ord(c) >= WIDE for c in text):
        return False
    joined = _QUOTES.sub("", _spaced(text))
    return any(_QUOTES.sub("", _spaced(form)).strip(_BRACKETS) in joined for form in forms)


#: Spaces and quotation marks, which a wide script's label may have or not ("“用户管理”管理员").
_QUOTES = re.compile(r"[\s“”「」\"]")


def _without_particles(forms: tuple[str, ...], locale: str | None) -> tuple[str, ...]:
    """The forms, and each with the locale's linking particle left out (zh "相应的角色"
    is "相应角色" too): the particle is the sentence's choice, not the term's."""
    particles = _linking_particles(locale)
    if not particles or not any(p in form for form in forms for p in particles):
        return forms
    dropped = (form.replace(p, "") for form in forms for p in particles if p in form)
    return tuple(dict.fromkeys((*forms, *dropped)))


@functools.cache
def _linking_particles(locale: str | None) -> tuple[str, ...]:
    return tuple(str(p) for p in locale_data(locale).get("linking_particles") or ())


@functools.cache
def _term_links(locale: str | None) -> tuple[str, ...]:
    """The locale's prepositions (with their articles) that join a term's nouns, longest
    first (locale data `term_links`)."""
    links = (str(link) for link in locale_data(locale).get("term_links") or ())
    return tuple(sorted(links, key=len, reverse=True))


def _linked_otherwise(text: str, forms: tuple[str, ...], locale: str | None) -> bool:
    """A form of several nouns written with another of the locale's links between them
    ("relazione del rivenditore", "relazione con il rivenditore" for "relazione di
    rivenditore", "API nel Centro per i partner" for "API del Centro per i partner"): the
    sentence's choice of preposition, not another term. Its nouns in their order and case,
    each with an ending or none; a link dropped, or a conjunction put in its place, is no
    form."""
    links = _term_links(locale)
    if not links:
        return False
    spaced = _spaced(text)
    return any(
        re.search(pattern, spaced) is not None
        for form in forms
        if (pattern := _linked_pattern(form, links)) is not None
    )


@functools.lru_cache(maxsize=256)
def _linked_pattern(form: str, links: tuple[str, ...]) -> str | None:
    """The form as a pattern whose every link (a run of the locale's links between two of
    its nouns) may be any link; None where the form has no link between nouns."""
    slot = "|".join(
        rf"{re.escape(link)}" if link.endswith("'") else rf"{re.escape(link)} " for link in links
    )
    found = re.compile(rf" (?:{slot})").split(f" {_spaced(form)} ".replace("' ", "'"))
    nouns = [part.strip() for part in found]
    if len(nouns) < 2 or not all(nouns):
        return None
    joined = rf"\w{{0,3}} (?:{slot})".join(map(re.escape, nouns))
    return rf"(?<![^\W\d_]){joined}\w{{0,3}}(?![^\W\d_])"


def _kept_name(term: str, text: str, ctx: MessageContext) -> bool:
    """A name (a term that starts with a capital: "Partner Center", "Azure portal") the
    translation keeps as the source writes it, or with its other words capitalised too
    ("Azure Portal", as Microsoft's own pages of several locales write it), where no
    human translation backs the glossary's form: an unverified form does not overrule
    Microsoft's own habit of keeping the name in English."""
    if not term[:1].isupper() or backed(term, ctx.glossary):
        return False
    # where the unverified form wraps the capitalised name ("witryna Azure Portal"), the
    # name alone is still the name kept: the locale's pages write "w Azure Portal" too
    kept = {term, " ".join(word[:1].upper() + word[1:] for word in term.split())}
    if ctx.glossary.conventions.compounds and " " in term:
        # a locale that joins nouns joins the name to its last noun ("Partner Center-API")
        kept |= {name[::-1].replace(" ", "-", 1)[::-1] for name in kept}
    return any(_contains(text, name, inflected=True) for name in kept)


def _stem_inflected(text: str, forms: tuple[str, ...], conv: Conventions) -> str | None:
    """The form whose last syllable dropped its e before one of the locale's endings
    ("Partnercentrets" for "Partnercenter"), found in any case: the form itself where the
    text writes it in the form's case, else the word as written (capitals lost)."""
    for form in forms:
        if form[-2:].casefold() not in conv.dropped_e or not form[-3:-2].isalpha():
            continue
        stem = re.escape(form[:-2] + form[-1])
        endings = "|".join(map(re.escape, sorted(conv.dropped_e_endings, key=len, reverse=True)))
        pattern = rf"(?<![^\W\d_]){stem}(?:{endings})(?![^\W\d_])"
        match = re.search(pattern, _spaced(text), re.IGNORECASE)
        if match:
            written = match.group()
            return form if written.startswith(form[:-2]) else written
    return None


#: How many words a coordinated noun may put between a form's words ("y el contrato", "e i
#: miglioramenti dell'interfaccia utente").
_COORDINATED = 6
#: The nouns a coordinated term may modify before the conjunction ("API updates and").
_MODIFIED = 2
#: A slash between two words ("API/du kit SDK"), spaced so as to read as a word of its own.
_SLASH = re.compile(r"(?<=\w) ?/ ?(?=\w)")


def _coordinated(
    term: str, source: str, text: str, forms: tuple[str, ...], ctx: MessageContext
) -> bool:
    """A modifier the source shares between coordinated nouns ("reseller relationship and
    agreement"): the translation writes the form's words with the other noun between
    them ("relación y el contrato de revendedor"), a function word among those. The term
    may itself modify a noun of the coordination ("Partner Center API updates and UI
    enhancements": "aggiornamenti delle API e [...] del Centro per i partner"). A slash
    between two words joins them as "or" does ("Partner Center API/SDK": "l'API/du kit SDK
    de l'Espace partenaires"), and in the translation it stands for the conjunction. A
    form may write a name of the locale's `names` as the locale localizes it, its link
    before the other noun another of the locale's ("a API e o SDK da Central de
    Parceiros" for "API do Partner Center")."""
    modified = rf"{re.escape(term)}(?: [^\W\d_]+){{0,{_MODIFIED}}}(?:,? (?:and|or) | ?/ ?)\w"
    if not re.search(modified, _spaced(source)):
        return False
    spaced = _SLASH.sub(" / ", _spaced(text))
    words, links = ctx.glossary.function_words, _term_links(ctx.locale)
    relink = "|".join(re.escape(link) for link in links if " " not in link)
    for form in (*forms, *_with_localized_names(term, ctx)):
        parts = _spaced(form).split()
        for cut in range(1, len(parts)):
            head, tail = " ".join(parts[:cut]), " ".join(parts[cut:])
            between = rf"\w{{0,3}},?((?: [^\s,.;:]+){{1,{_COORDINATED}}}) "
            # in the form's capitals but for a sentence's first letter ("Relación y el
            # contrato de revendedor"): "espace partenaires" stays the capitals wrong
            first = f"(?i:{re.escape(head[0])}){re.escape(head[1:])}"
            link, _, rest = tail.partition(" ")
            last = rf"(?:{relink}) {re.escape(rest)}" if rest and link in links else re.escape(tail)
            pattern = rf"(?<![^\W\d_]){first}{between}{last}"
            for match in re.finditer(pattern, spaced):
                noun = match.group(1).casefold()
                joined = any(w in words or w == "/" for w in noun.split())
                if joined and not _holds_part(noun, parts):
                    return True
    return False


def _holds_part(text: str, parts: list[str]) -> bool:
    """A word of the form among the words between its parts (folded): the form written
    twice, "espace partenaires ou API de l'espace partenaires", no noun set between."""
    return any(
        re.search(rf"(?<![^\W\d_]){re.escape(part.casefold())}(?![^\W\d_])", text)
        for part in parts
        if len(part) > 2
    )


def _with_name_words(
    term: str, source: str, forms: tuple[str, ...], words: frozenset[str] = frozenset()
) -> Iterator[str]:
    """The forms with a name's word the source writes against the term where the term's
    own word stands: "Microsoft Azure portal" is "portal do Microsoft Azure", the
    source's brand word in the translation too, no other term; and so with the form's
    function word beside that word dropped, the brand word in its place ("portale
    Microsoft Azure" for "portale di Azure")."""
    first, *_, last = term.split() if " " in term else (term, term)
    spaced = _spaced(source)
    before = {m.group(1) for m in re.finditer(rf"([A-Z][\w-]*) {re.escape(term)}", spaced)}
    after = {m.group(1) for m in re.finditer(rf"{re.escape(term)} ([A-Z][\w-]*)", spaced)}
    for form in forms:
        for word in sorted(before - set(term.split())):
            yield from _beside_forms(form, first, f"{word} {first}", words)
        for word in sorted(after - set(term.split())):
            yield from _beside_forms(form, last, f"{last} {word}", words)


def _beside_forms(form: str, word: str, words: str, function: frozenset[str]) -> Iterator[str]:
    """`form` with `word` written as `words`; and so with a function word just before or
    after it dropped ("portale di Azure" -> "portale Microsoft Azure")."""
    put = _put_beside(form, word, words)
    yield put
    tokens, inserted = put.split(), words.split()
    for start in range(len(tokens) - len(inserted) + 1):
        if tokens[start : start + len(inserted)] != inserted:
            continue
        end = start + len(inserted)
        for index in (start - 1, end):
            if 0 <= index < len(tokens) and tokens[index].casefold() in function:
                yield " ".join(tokens[:index] + tokens[index + 1 :])
        return


def _put_beside(form: str, word: str, words: str) -> str:
    """`form` with its whole word `word` (the first) written as `words`; as it is without."""
    return re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w])", lambda _: words, form, count=1)


def _in_kept_name(term: str, source: str, text: str) -> bool:
    """Every use of the term is part of a longer English name of the source that the
    translation keeps as it is: the term with Title-Case words before it or Title-Case
    words (or a dotted name) after it ("Partner Center Analytics", "Azure Plan Manager",
    "Microsoft Partner Center .NET SDK"), whole or its first words ("Partner Center
    Insights" of "Partner Center Insights Training Report"): the name's, not the term's."""
    spaced = _spaced(source)
    uses = re.finditer(rf"(?<![\w.-])((?:{_TITLED} )*){re.escape(term)}((?: {_AFTER})*)", spaced)
    found = False
    for match in uses:
        before, after = match.group(1).split(), match.group(2).split()
        if before and spaced[: match.start()].rstrip()[-1:] in ("", ".", "!", "?", ":"):
            before = before[1:]  # the sentence's first word ("In Partner Center"), no name's
        if not _kept_whole(term, before, after, text):
            return False
        found = True
    return found


def _opens_kept_name(term: str, source: str, text: str, function: frozenset[str]) -> bool:
    """Every use of the term opens a longer English name of the source and the text keeps
    the term as written, the name's head, where the rest of the name is translated: a
    Title-Case word after it ("a Partner Center Events connection" -> "una connessione
    Partner Center Eventi"), a solution's noun after it (en.yaml `solution_nouns`: "the
    Partner Center co-sell connector"), or "to" and a name the text keeps too ("Partner
    Center to Salesforce"). Microsoft keeps such names whole by convention; the term in
    running prose ("sign in to Partner Center") is still the term's, and so is the term the
    text puts after a function word or an elided article ("ID di Partner Center viene"):
    the text's prose, not the name's head."""
    if not _heads_name(term, text, function):
        return False
    spaced = _spaced(source)
    uses = list(re.finditer(rf"(?<![\w.-]){re.escape(term)}(?![\w-])((?: [\w-]+){{0,3}})", spaced))
    return bool(uses) and all(_name_goes_on(use.group(1).split(), text) for use in uses)


def _heads_name(term: str, text: str, function: frozenset[str]) -> bool:
    """The text writes the term as written with a word after it, not after a function word."""
    for use in re.finditer(rf"(\S*)\s*{re.escape(term)} \w", _spaced(text)):
        before = use.group(1).strip("*[(").casefold()
        if before[-1:] not in ("'", "\u2019") and before not in function:
            return True
    return False


def _name_goes_on(after: list[str], text: str) -> bool:
    """The words after a use of a term continue a name (see `_opens_kept_name`)."""
    if not after:
        return False
    if re.fullmatch(_TITLED, after[0]) and after[0].casefold() not in function_words("en"):
        return True
    if after[0] == "to" and len(after) > 1 and re.fullmatch(_TITLED, after[1]):
        return _contains(text, after[1])
    for word in after:  # "co-sell connector", not "and the connector": one name's words
        if word.casefold() in _solution_nouns():
            return True
        if word.casefold() in function_words("en"):
            return False
    return False


@functools.lru_cache(maxsize=1)
def _solution_nouns() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in locale_data("en").get("solution_nouns") or ())


#: A word of a name before a term: Title-Case ("Microsoft"; not "POST", an operation).
_TITLED = r"[A-Z][a-z][\w-]*"
#: A word of a name after a term: capitalised, or a dotted name (".NET").
_AFTER = r"[A-Z.][\w.-]*"


def _kept_whole(term: str, before: list[str], after: list[str], text: str) -> bool:
    """The term with some of the name's words before it and after it, at least one, in
    the text as written."""
    for start in range(len(before) + 1):
        for end in range(len(after) + 1):
            if start == len(before) and end == 0:
                continue  # the term alone: no longer name
            if _contains(text, " ".join((*before[start:], term, *after[:end]))):
                return True
    return False


def _words_inflected(text: str, form: str) -> bool:
    """Each word of a form of several words with an ending of its own ("plans Azure" for
    "plan Azure", "Azure-abonnementen"): the case as the form has it."""
    words = _spaced(form).split()
    if len(words) < 2 or not all(w[-1:].isalpha() for w in words[:-1]):
        return False
    pattern = r"\w{0,3} ".join(map(re.escape, words))
    return re.search(rf"(?<![^\W\d_]){pattern}", _spaced(text)) is not None


def _has_form(text: str, form: str) -> bool:
    """The form as written, its words inflected; a form that starts in lower case may
    start a sentence."""
    if _contains(text, form, inflected=True) or _words_inflected(text, form):
        return True
    if not form[:1].islower():
        return False
    upper = form[0].upper() + form[1:]
    return (
        text.startswith(upper)
        or any(_contains(text, f"{mark} {upper}") for mark in (".", ":", "!", "?"))
        or any(f"{mark}{upper}" in text for mark in _OPENERS)
    )


#: Marks after which a text starts anew (a link's text, a parenthesis, bold, a quotation).
_OPENERS = ("[", "(", "*", "“", "«", "„", '"')


def _term_problem(
    term: str, forms: tuple[str, ...], text: str, locale: str | None, stemmed: str | None
) -> str:
    approved = forms[0]
    if stemmed:  # an inflected form in other capitals ("partnercentrets")
        return f"{term!r} is {approved!r} in {locale}, capitalised so: not {stemmed!r}"
    folded = text.casefold()
    # a form in another case, an ending or a compound's head after it ("partnercentrets",
    # "partnercenterrapport", "partner Center"): the capitals wrong
    for form in forms:
        start = folded.find(form.casefold())
        if start >= 0 and _contains(text, text[start : start + len(form)], inflected=True):
            end = start + len(form)
            while end < len(text) and text[end].isalpha():
                end += 1  # to the end of the word: "partnercentrets", not "partnercentr"
            shown = text[start:end]
            if shown != term:
                return f"{term!r} is {approved!r} in {locale}, capitalised so: not {shown!r}"
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
        wanted -= _verb_uses(source, wanted)
        if not wanted:
            continue
        marks = ctx.glossary.conventions.label_marks
        spans = [b.strip(_TRAILING) for b in _bold(entry, ctx, text)]
        spans += [m.strip(_TRAILING) for m in label_marked(text, marks)]
        for label, count in sorted(wanted.items()):
            forms = ctx.glossary.labels[label]
            if sum(_is_form(span, forms, ctx) for span in spans) >= count:
                continue
            if _label_glossed(text, label, forms) or _value_defined(label, source, spans):
                continue
            if kept_with_gloss(text, label) and not kept_with_gloss(source, label):
                continue  # a bracket the source has is no gloss
            if _kept_as_value(label, source, text, ctx):
                continue
            if ctx.english_portal and label in spans:
                continue  # the English portal's own label, kept as written
            if _inflected(label, source, forms, spans, ctx):
                continue
            yield with_evidence(_label_problem(label, forms, spans, text), label, ctx.glossary)
        return


#: A page's "Applies to" line before the portals it lists, and the marks around it.
_APPLIES_TO = re.compile(r"^\W*applies to\W*", re.IGNORECASE)


def english_portal_page(sources: list[str]) -> bool:
    """Whether a page applies to one portal alone whose UI is in English (`english_portals`
    in en.yaml): a line of the page that names it alone, after "Applies to" or without
    it ("Partner Center operated by 21Vianet"); a page that lists it beside others applies
    to the global portal too."""
    portals = conventions("en").english_portals
    return bool(portals) and any(
        _APPLIES_TO.sub("", source).strip(" *_.").casefold() in portals
        for source in sources
        if len(source) < _PORTAL_LINE
    )


#: A value as a system or API writes it: words run together, each capitalised
#: (InGracePeriod, PendingActivation), alone in bold, code or a table cell.
_CAMEL_VALUE = re.compile(r"(?:\*\*|`|\|\s*)([A-Z][a-z]+(?:[A-Z][a-z]+)+)(?:\*\*|`|\s*\|)")
#: How many CamelCase values mark a page that lists values.
_VALUES = 2


def system_values_page(sources: list[str]) -> bool:
    """Whether a page lists system or API values: two CamelCase values or more alone in
    bold, code or a cell (`Active`, `InGracePeriod`, `Suspended` in a table of states)."""
    found: set[str] = set()
    for source in sources:
        if "**" in source or "`" in source or "|" in source:
            found.update(_CAMEL_VALUE.findall(source))
            if len(found) >= _VALUES:
                return True
    return False


def _kept_as_value(label: str, source: str, text: str, ctx: MessageContext) -> bool:
    """An English state kept as the value the system writes (`Active`, **Suspended**)
    where the page lists such values, or a code span beside it in the source names one:
    a value, not a label left untranslated."""
    if " " in label or not re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text):
        return False
    return ctx.system_values or "`" in source


#: Longer than any portal's name with "Applies to" before it: a sentence, not read.
_PORTAL_LINE = 100


def _value_defined(label: str, source: str, spans: list[str]) -> bool:
    """A state or value the English defines (`**Active** = the user signed in ...`), kept
    in bold as the system writes it: the value's name, not a label left in English."""
    return label in spans and re.search(rf"\*\*{re.escape(label)}\*\*\s*=", source) is not None


#: English words after which a bold label is a verb of the sentence ("After you **submit**
#: the form", "you can **submit**", "you're prompted to **Continue**"), no click target:
#: the translation inflects the verb.
_VERB_AFTER = (
    "you|we|they|i|will|can|cannot|can't|must|should|may|might|could|"
    "would|have|has|had|don't|didn't|won't|then you|to be|(?:prompted|asked|want|wants|need|"
    "needs|required) to"
)
#: An adverb English sets between the auxiliary and its verb ("you can also **Cancel**
#: the order", "you then **Submit**"): the bold is still the sentence's verb.
_VERB_ADVERB = "also|then|now|still|only|simply|just|easily|always|never|not|first|later"


def _verb_uses(source: str, wanted: Counter[str]) -> Counter[str]:
    """How many of each label's bold uses in `source` are the English verb in a sentence:
    bold after a subject or an auxiliary ("you **submit**", "will **submit**"), an adverb
    between them or not ("can also **Cancel**")."""
    return Counter(
        {
            label: len(
                re.findall(
                    rf"\b(?:{_VERB_AFTER})(?: (?:{_VERB_ADVERB}))? "
                    rf"\*\*{re.escape(label)}[.,:;!?]?\*\*",
                    _spaced(source),
                    re.IGNORECASE,
                )
            )
            for label in wanted
        }
    )


#: Words before a bold label, at most, that may hold the verb that makes it a click
#: target ("select the **Submit**", "then click **Continue**").
_TARGET_WORDS = 3


def _inflected(
    label: str, source: str, forms: tuple[str, ...], spans: list[str], ctx: MessageContext
) -> bool:
    """A bold span that is the label inflected or made to agree ("**aktiven**
    Abonnements", "**attivi**", "quindi **inviare**") where the English bold is no click
    target (a status, an adjective, the sentence's verb: "all **Active** subscriptions",
    "then **Submit**"): grammar bends a label used in running text, and writes it in lower
    case as a word of the sentence ("**Started**, **Qualified**, **Active**" as
    "**iniciado**, **qualificado**, **ativo**"). A click target keeps its label; a span in
    other capitals, or with other words in it, is still reported."""
    if _click_target(source, label, select_verbs(SOURCE_LANGUAGE)):
        return False
    words = ctx.glossary.function_words
    english = content_words(label, words)
    predicate = _predicate(source, label)
    return any(
        _inflection(span, form.strip("[]「」"), words)
        or (span == form.lower() != form and (predicate or _state_value(source, label)))
        or (predicate and _verb_of(span, form.strip("[]「」")))
        for span in spans
        if content_words(span, words) != english  # the English kept: no form of the label
        for form in forms
    )


def _predicate(source: str, label: str) -> bool:
    """Whether a bold use of the label is what a subject is or becomes, after an English
    copula (en.yaml `copulas`: is, become, remain; an adverb between: "currently
    **Active**", "become **Active**"), and none names a control or a place: a state the
    sentence says, which the locale words as its own adjective or verb ("tornar-se
    **ativo**", "**activarse**")."""
    copulas = "|".join(sorted(map(re.escape, _copulas()), key=len, reverse=True))
    adverbs = f"{_VERB_ADVERB}|currently|already"
    found = re.search(
        rf"\b(?:{copulas})(?: (?:{adverbs}))? \*\*{re.escape(label)}[.,:;!?]?\*\*",
        _spaced(source),
        re.IGNORECASE,
    )
    return found is not None and not _framed(source, label)


@functools.cache
def _copulas() -> frozenset[str]:
    words = locale_data(SOURCE_LANGUAGE).get("copulas")
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


#: The letters a state's word and the locale's verb made of it share at least
#: ("activo", "activarse").
_VERB_OF = 5


def _verb_of(span: str, form: str) -> bool:
    """One word made of the label's one word, in lower case (a verb: "activarse" of
    "Activo"): its first letters the form's, folded."""
    if " " in span or " " in form or not span.isalpha() or not span[:1].islower():
        return False
    return len(form) >= _VERB_OF and span.startswith(form[:_VERB_OF].casefold())


def _state_value(source: str, label: str) -> bool:
    """Whether the English names the label as a value of a state (en.yaml `state_words`:
    status, state, stage: "your status will change to **Active**") and no use of it as a
    control or a place: the value is a word of the sentence, which the locale writes in
    lower case ("passe à **actif**")."""
    words = conventions("en").state_words
    said = re.findall(r"[a-z]+", source.casefold())
    return not words.isdisjoint(said) and not _framed(source, label)


def _framed(source: str, label: str) -> bool:
    """Whether a bold use of the label names a control or a place: a noun of its kind
    (en.yaml `label_frame`: page, list, menu) right after it or before it ("the
    **Customers** page", "the list **Customers**"), which keeps its capital as a name."""
    frame = frame_words("", "en")
    spaced = _spaced(source).casefold()
    for match in re.finditer(rf"\*\*{re.escape(label.casefold())}[.,:;!?]?\*\*", spaced):
        after = re.findall(r"[a-z]+", spaced[match.end() : match.end() + 20])[:1]
        before = re.findall(r"[a-z]+", spaced[max(0, match.start() - 20) : match.start()])[-1:]
        if not frame.isdisjoint(after + before):
            return True
    return False


def _click_target(source: str, label: str, verbs: frozenset[str]) -> bool:
    """Whether a bold use of the label follows a "select" verb within a few words."""
    spaced = _spaced(source)
    for match in re.finditer(rf"\*\*{re.escape(label)}[.,:;!?]?\*\*", spaced):
        before = re.findall(r"[a-z]+", spaced[: match.start()].casefold())[-_TARGET_WORDS:]
        # "selecting", "clicked", "choosing": the verb in any form
        if any(word.startswith(verb.rstrip("e")) for word in before for verb in verbs):
            return True
    return False


def _inflection(span: str, form: str, words: frozenset[str]) -> bool:
    """The span is the form with its words' endings changed (function words aside), not
    the form itself in other capitals. Letters only: a quotation mark or a word glued on
    ("客户"页") is bold moved, no ending."""
    ours, theirs = content_words(span, words), content_words(form, words)
    return (
        len(ours) == len(theirs) > 0
        and ours != theirs
        and all(word.isalpha() for word in ours)
        and all(same_word(a, b) for a, b in zip(ours, theirs, strict=True))
    )


def _label_glossed(text: str, label: str, forms: tuple[str, ...]) -> bool:
    """The English label kept in bold with the portal's label in brackets after it
    ("**Customers** (Clientes)", "**Continue (Continua)**"): the convention of articles
    written while the portal was in English, the label there in both languages."""
    bare = {form.strip("[]「」") for form in forms}
    return any(
        re.search(rf"{re.escape(label)}\**\s*[(（]\s*\**{re.escape(form)}\**\s*[)）]", text)
        for form in sorted(bare)
        if form
    )


def _is_form(span: str, forms: tuple[str, ...], ctx: MessageContext) -> bool:
    """The span is one of the label's forms, or one with a particle the locale writes
    onto it (Korean `고객을`: the label 고객 and the object particle 을)."""
    if span in forms:
        return True
    words = ctx.glossary.function_words
    return any(span.startswith(form) and span[len(form) :] in words for form in forms)


def _label_problem(label: str, forms: tuple[str, ...], spans: list[str], text: str) -> str:
    """What is wrong, naming the accepted form the translation comes nearest (an
    also-accepted one where it wrote that), else the approved one."""
    approved = forms[0]
    for form in forms:
        bare = form.strip("[]「」")
        wrapped = [s for s in spans if bare in s]
        if wrapped:
            return f"bold {wrapped[0]!r} should hold exactly the label {form!r} (for **{label}**)"
    for form in forms:
        if form.strip("[]「」") in text:
            return f"the label {form!r} (for **{label}**) is not bold"
    return f"**{label}** should be **{approved}**, the portal's label"


def check_consistency(
    entries: list[Entry], ctx: MessageContext, roles: bool = False
) -> Iterator[tuple[Entry, str]]:
    """One source label translated two ways in one catalog (the Submit button with two names).

    Labels are paired where a message has one bold span on each side and the translation's
    bold holds a label (not function words, not glued to a word, not moved off the label's
    words), and from short standalone messages. Labels with an approved form are left to
    the ui check. Spellings that are one translation (checks/forms.py: inflected forms,
    function words, capitalisation, bold spread over a neighbour) are one; a use whose
    bold keeps the English with a gloss in it or after it is the locale's convention, no
    spelling. An identifier kept in English is the label's; else the translation used
    most, or of those used equally the one the label's messages hold most, is, and only the
    others are reported; otherwise every use is, each naming the other translations' lines.

    `roles`: the messages are a page's, where a short message standing alone is a heading
    or a table cell and bold is a label in a sentence; grammar words the two differently
    (a noun and an imperative), so they are compared with each other only for the English
    left untranslated.
    """
    seen: dict[tuple[str, str], list[tuple[str, Entry]]] = defaultdict(list)
    # The English of a message that also stands without a context: the context (msgctxt)
    # tells two uses of it apart on purpose (a heading and a checklist task, worded as a
    # noun and as an imperative in Polish), so that one is not paired as a label.
    plain = {entry.msgid for entry in entries if entry.context is None}
    for entry in entries:
        if not entry.translated or len(entry.ids) > 1:
            continue
        apart = entry.context is not None and entry.msgid in plain
        for role, label, translation in _label_pairs(entry, ctx, apart):
            if label not in ctx.glossary.labels and not _glossed(label, translation):
                seen[label, role if roles else ""].append((translation, entry))
    reported: set[tuple[str, int]] = set()
    owner = _owners(seen)
    page = Renderings(entries)
    for (label, _), found in sorted(seen.items()):
        # a one-word cell's translation that is another label's ("Ja" of Yes among the
        # Nej of No) is no spelling of this one: a Yes/No column's cells, which a longer
        # label ("Geographical city location" as "Geographical location") is not
        if " " not in label:
            found = [(t, e) for t, e in found if owner.get(t, label) == label.casefold()]
        for entry, message in _inconsistent(label, found, ctx, roles, page):
            reported.add((label, id(entry)))
            yield entry, message
    if roles:
        yield from _english_left(seen, reported, ctx)


def _owners(seen: dict[tuple[str, str], list[tuple[str, Entry]]]) -> dict[str, str]:
    """Each translation -> the English label it translates most often in the catalog."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (label, _), found in seen.items():
        for translation, _entry in found:
            counts[translation][label.casefold()] += 1
    return {t: labels.most_common(1)[0][0] for t, labels in counts.items()}


def _inconsistent(
    label: str,
    found: list[tuple[str, Entry]],
    ctx: MessageContext,
    roles: bool,
    page: Renderings,
) -> Iterator[tuple[Entry, str]]:
    """The uses of one label (in one role) whose translation is not the label's."""
    same = _same_translations(label, [translation for translation, _ in found], ctx, roles)
    # a field's name kept in English where the English names it a field is the system's
    # spelling, no second translation of the label beside the page's own (an identifier,
    # `PretaxCharges`, is right kept: its translated uses are reported below)
    uses = [
        (same[translation], entry)
        for translation, entry in found
        if not (_kept_identifier(label, translation, entry) and not _identifier(label))
        and not _moved_off(label, translation, entry, list(same.values()), ctx, same[translation])
    ]
    lines: dict[str, list[int]] = defaultdict(list)
    for translation, entry in uses:
        lines[translation].append(entry.line or 0)
    if len(lines) < 2:
        return
    for numbers in lines.values():
        numbers.sort()
    usual = _usual(label, lines, [entry for _, entry in found], ctx)
    if usual is not None and _kept_by_most(label, usual, lines, ctx):
        return  # the uses that translate it are the page's right ones, not a second spelling
    if _established(label, lines, ctx.locale) and (usual is None or not _identifier(label)):
        return  # renderings the page uses each again and again: two settled, no wrong side
    # The first translations met, each with its first lines: a message of bounded
    # length, made in bounded time, however many uses the label has.
    first = sorted(lines.items(), key=lambda item: item[1][0])[: SHOWN + 1]
    spelled = {id(entry): translation for translation, entry in found}
    for translation, entry in uses:
        if (
            translation != usual
            and not _kept_identifier(label, translation, entry)
            # bold moved wholly onto a neighbour: the page renders other English so; it
            # still counts for the usual translation (the reported ones stay as they were)
            and not renders_outside(label, spelled[id(entry)], entry, page, ctx)
        ):
            yield entry, _consistency_message(label, translation, first, lines, len(uses))


def _english_left(
    seen: dict[tuple[str, str], list[tuple[str, Entry]]],
    reported: set[tuple[str, int]],
    ctx: MessageContext,
) -> Iterator[tuple[Entry, str]]:
    """Across roles, a use that keeps the English label where other uses translate it
    more often ("Description" in one table, "Beskrivning" in the next two)."""
    by_label: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for (label, _), found in sorted(seen.items()):
        by_label[label].extend(found)
    words = ctx.glossary.function_words
    for label, found in by_label.items():
        translated = [t for t, _ in found if t.casefold() != label.casefold()]
        kept = [e for t, e in found if t.casefold() == label.casefold()]
        if len(translated) <= len(kept) or not kept or _identifier(label):
            continue
        # the locale writes the label's words so ("exclusive", "exclusives"): no English
        if any(one_translation(t, label, label, words) for t in translated):
            continue
        lines: dict[str, list[int]] = defaultdict(list)
        for translation, entry in found:
            lines[translation].append(entry.line or 0)
        first = sorted(lines.items(), key=lambda item: min(item[1]))[: SHOWN + 1]
        for entry in kept:
            if (label, id(entry)) not in reported:
                yield entry, _consistency_message(label, label, first, lines, len(found))


#: How many uses make a rendering one the page has settled on: two renderings used alike
#: and each at least so often ("Fonctionnalités" and "Fonctions" for the headings of one
#: announcement page) are two acceptable ones, of which neither side is the wrong one.
_ESTABLISHED = 2

#: How many of a label's most used translations a use is compared with (bounded work).
_COMPARED = 8


def _glossed(label: str, translation: str) -> bool:
    """The English label kept with the locale's words beside it in brackets ("Payment
    method (Metoda płatności)"): the locale's convention for a label, no second
    spelling."""
    return (
        "(" in translation
        and translation.casefold() != label.casefold()
        and (_holds(translation, label))
    )


def _moved_off(
    label: str,
    translation: str,
    entry: Entry,
    others: list[str],
    ctx: MessageContext,
    own: str | None = None,
) -> bool:
    """Bold moved off the label, the placement check's, no second translation: the
    message has another translation of the label (or a form of it) outside its bold
    ("Seleccione **el botón** Actualizar" beside "**Actualizar**"), or a word of one
    while the bold holds none ("Una vez **configuradas** las cuentas, seleccione
    Referencias" beside "**opción Referencias**")."""
    words = ctx.glossary.function_words
    # the visible text: "Reseller-**MPN-ID**" holds "Reseller-MPN-ID"
    message = _plain_text(entry, ctx)
    distinct = [o for o in dict.fromkeys(others) if o != translation][:_COMPARED]
    for other in distinct:
        if _holds(message, other) and not _holds(translation, other):
            return True
        if has_form(message, other, words) and not has_form(translation, other, words):
            return True
        if cut_off(message, translation, other, label, words):
            return True
    if word_outside(message, translation, distinct, label, words):
        return True
    # the other renderings, not this one's own normal form (`3 mln` read as `3`)
    apart = [o for o in distinct if o != own]
    if apart and _misplaced_rendering(label, translation, entry, apart, ctx):
        return True
    if distinct and _on_sentence_words(label, translation, entry, ctx):
        return True
    return _took_neighbour(label, translation, entry, distinct, ctx)


#: The letters two words' cross-language stems share at least to be one word ("clicar"
#: and "click", "automaticamente" and "automatically").
_SHARED_STEM = 4


def _on_sentence_words(label: str, translation: str, entry: Entry, ctx: MessageContext) -> bool:
    """Bold set on words that render English outside the English bold, no translation of
    the label: every content word of it is spelt alike with a word the English has beside
    its bold (`**automaticamente**` for "renews **Register now** automatically", `**clicar**`
    for "click **Register now**") and none with a word of the label. The placement is
    wrong, not the label's translation."""
    if ctx.md is None or any(ord(c) >= WIDE for c in translation):
        return False
    ours = [w for w in content_words(translation, ctx.glossary.function_words) if w.isalpha()]
    if not ours or any(len(w) < _SHARED_STEM for w in ours):
        return False
    bold = [s for s in spans(entry.inline(ctx.md, entry.msgid)) if s.kind == "bold"]
    if len(bold) != 1:
        return False
    outside = [
        w
        for w in re.findall(r"[A-Za-z]{4,}", f"{bold[0].before} {bold[0].after}")
        if w.casefold() not in _ENGLISH_WORDS
    ]
    inside = re.findall(r"[A-Za-z]+", label)
    return all(_alike(w, outside) for w in ours) and not any(_alike(w, inside) for w in ours)


def _alike(word: str, english: list[str]) -> bool:
    """Whether the word is spelt alike with one of the English words (a shared stem of
    at least `_SHARED_STEM` letters, the shorter one's whole stem)."""
    ours = stem(word)
    for other in english:
        theirs = stem(other)
        short, long = sorted((ours, theirs), key=len)
        if len(short) >= _SHARED_STEM and long.startswith(short):
            return True
    return False


def _misplaced_rendering(
    label: str, translation: str, entry: Entry, others: list[str], ctx: MessageContext
) -> bool:
    """Bold set on other words than the label's, no second translation of it: another
    rendering of the label with the English bold's neighbour taken in ("客户帐户" beside
    "帐户" for "customer **Account**"), or, where the placement check reports the bold,
    another rendering with words added or cut ("**la página** & productos" beside
    "**Azure & productos**"), or, a function word taken in at its edge, words that share
    no stem with any rendering of the label ("**tijdelijk in de** lijst" beside
    "**opgeschort**") unless the page keeps the English label (a real second spelling).
    Words the two share only in part ("achats périodiques" beside "achats récurrents")
    are a second translation."""
    wide = any(ord(c) >= WIDE for c in translation)
    ours = _rendering_words(translation, label, ctx)
    theirs = [_rendering_words(other, label, ctx) for other in others]
    if wide:
        grown = any(other and other != translation and other in translation for other in others)
    else:
        grown = any(t and t < ours for t in theirs)
    if grown and _english_neighbour(entry, ctx):
        return True
    problems = _bold_problems(entry, ctx) if ours else []
    if not problems:
        return False
    if any(t and (t <= ours or ours <= t) for t in theirs):
        return True
    # words of its own with a function word at an edge: the bold sits on the sentence
    kept = any(other.casefold() == label.casefold() for other in others)
    stems = {w[:_STEM] for w in ours}
    return (
        not kept
        and all(w.isalpha() for w in ours)  # `3 mln` for `3M`: a number is no sentence word
        and any("function word" in problem for problem in problems)
        and all(stems.isdisjoint(w[:_STEM] for w in t) for t in theirs)
    )


#: The letters two words of renderings are compared by ("cykliczne", "cyklicznych").
_STEM = 5


def _rendering_words(text: str, label: str, ctx: MessageContext) -> frozenset[str]:
    """The words of a rendering without function words and the nouns that frame a label;
    in a wide script its characters (no spaces to tell words by)."""
    if any(ord(c) >= WIDE for c in text):
        return frozenset(c for c in text if c.isalnum())
    skip = ctx.glossary.function_words | frame_words(label, ctx.locale)
    return frozenset(w for w in content_words(text, skip) if w not in skip)


def _bold_problems(entry: Entry, ctx: MessageContext) -> list[str]:
    """What the placement check reports of the message's bold (a function word taken in
    at its edge, a word of its English left beside it, the verb taken in); a case
    particle at its end aside, which leaves the label's word as it is."""
    if ctx.md is None:
        return []
    return [
        problem
        for problem in check_placement(entry, ctx)
        if problem.startswith("bold ") and "the particle" not in problem
    ]


def _took_neighbour(
    label: str, translation: str, entry: Entry, others: list[str], ctx: MessageContext
) -> bool:
    """Bold that took in the word the English has beside its bold ("the **Owner**
    status" as "**Besitzerstatus**" beside "**Besitzer**"): checks/forms.py's
    `took_neighbour`, only where the English bold has a content word beside it."""
    if not others or not _english_neighbour(entry, ctx):
        return False
    # a frame noun glued on too ("**Kundenkontoseite**" for "the customer **Account**
    # page") is set apart first: the neighbour and the label are the compound's words
    frame = frame_words(label, ctx.locale)
    words = ctx.glossary.function_words | frame
    ours = unglued(translation, frame, ctx.locale)
    return any(took_neighbour(ours, unglued(other, frame, ctx.locale), words) for other in others)


_ENGLISH_WORDS = function_words("en")


def _english_neighbour(entry: Entry, ctx: MessageContext) -> bool:
    """Whether the English message's one bold has a content word right beside it (the
    "status" of "the **Owner** status"), the word a translation's bold may take in."""
    if ctx.md is None:
        return False
    bold = [s for s in spans(entry.inline(ctx.md, entry.msgid)) if s.kind == "bold"]
    if len(bold) != 1:
        return False
    before, after = bold[0].before.split()[-1:], bold[0].after.split()[:1]
    return any(_content_word(w) for w in before + after)


def _content_word(word: str) -> bool:
    word = word.strip(_EDGES + "()\"'")
    return word.isalpha() and len(word) > 2 and word.casefold() not in _ENGLISH_WORDS


@functools.cache
def _identifier_words() -> frozenset[str]:
    """English words that name what a label is a field or entity of (locale data)."""
    words = locale_data(SOURCE_LANGUAGE).get("identifier_words")
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


def _kept_identifier(label: str, translation: str, entry: Entry) -> bool:
    """A field's or entity's name kept in English ("the **Opportunity** custom fields" as
    "**Opportunity-Feldern**"), where the English says it is one: the name as the system
    spells it, right however the label is translated elsewhere."""
    if not label[:1].isupper() or not (_holds(translation, label) or label in translation):
        return False
    english = re.findall(r"[a-z]+", entry.msgid.casefold())
    return not _identifier_words().isdisjoint(english)


def _identifier(label: str) -> bool:
    """An identifier (`SubscriptionEndDate`), which a translation may keep in English."""
    return " " not in label and any(c.isupper() for c in label[1:])


def _established(label: str, lines: dict[str, list[int]], locale: str | None) -> bool:
    """Renderings the page uses each at least `_ESTABLISHED` times, one more often or not
    ("Fonctions" 7 times and "Fonctionnalités" 6 for one announcement page's headings),
    none of them half English (a word of the label kept where another translates it:
    "Customer段" beside "客户细分" has a wrong side) nor holding a case particle the locale
    glues to a span's end (Korean "디바이스를" beside "장치": bold took in the particle),
    nor the label kept whole ("No" twice beside "Nee" twice: English left)."""
    if min(len(numbers) for numbers in lines.values()) < _ESTABLISHED:
        return False
    if any(t.casefold() == label.casefold() for t in lines):
        return False
    particles = tuple(str(p) for p in locale_data(locale).get("span_particles") or ())
    if particles and any(t.endswith(particles) for t in lines):
        return False
    english = set(re.findall(r"[a-z]{3,}", label.casefold()))
    kept = [bool(english & set(re.findall(r"[a-z]{3,}", t.casefold()))) for t in lines]
    return not any(kept) or all(kept)


def _kept_by_most(label: str, usual: str, lines: dict[str, list[int]], ctx: MessageContext) -> bool:
    """The English label kept by more uses than any translation of it (a table's
    "Description", "None" beside one "Beskrivning"; a word the locale shares, German
    "Details"): the kept uses are English left or the locale's word, and the one use that
    translates it is no wrong spelling. An identifier's or a name's translation is (a
    brand word in it: "Minecraft: Education Edition" translated once)."""
    if usual.casefold() != label.casefold() or _identifier(label):
        return False
    if not conventions(SOURCE_LANGUAGE).brands.isdisjoint(re.findall(r"\w+", label.casefold())):
        return False
    if any(name in label for name in ctx.glossary.names):
        return False
    return len(lines[usual]) > max(len(n) for t, n in lines.items() if t != usual)


def _usual(
    label: str, lines: dict[str, list[int]], entries: list[Entry], ctx: MessageContext
) -> str | None:
    """The label's translation. An identifier (`SubscriptionEndDate`, a field's or
    parameter's name) kept in English is right however often it is translated elsewhere.
    Else the one used most; of equally used ones, the one the label's messages hold most
    (bold moved off a use leaves the page's usual words beside it: "Sincronizar con
    **Centro de partners**"), or else the one translated; None if that still leaves
    several."""
    if _identifier(label):
        kept = [t for t in lines if t.casefold() == label.casefold()]
        if kept:
            return kept[0]
    most = max(len(numbers) for numbers in lines.values())
    first = [t for t, numbers in lines.items() if len(numbers) == most]
    if len(first) > 1:
        first = _most_held(first, entries, ctx)
    if len(first) > 1:
        first = [t for t in first if t != label]
    return first[0] if len(first) == 1 else None


def _most_held(translations: list[str], entries: list[Entry], ctx: MessageContext) -> list[str]:
    """Of equally used translations, those the most of the label's messages hold (a form
    of), bold or not."""
    words = ctx.glossary.function_words
    texts = [_plain_text(entry, ctx) for entry in entries[: _COMPARED * 4]]
    held = {t: sum(has_form(text, t, words) for text in texts) for t in translations}
    most = max(held.values())
    return [t for t in translations if held[t] == most]


def _plain_text(entry: Entry, ctx: MessageContext) -> str:
    """A message's visible text: markup aside, so a label cut by bold reads whole."""
    text = entry.strings[0]
    return closed_up(marked(entry, ctx.md, text).text if ctx.md is not None else text)


def _same_translations(
    label: str, translations: list[str], ctx: MessageContext, page: bool = True
) -> dict[str, str]:
    """Each translation -> the one it is a spelling of: itself, or a more used one that is
    one translation with it (`one_translation`), or one it overlaps (bold shifted onto a
    neighbour: `shifted`). Each is compared with the _COMPARED most used only: bounded
    work however many ways a label is translated."""
    # the words that frame a label (its kind's noun: "page", "tab") are no part of it:
    # bold moved onto them leaves one translation ("pagina Gegevens", "Gegevens")
    frame = frame_words(label, ctx.locale)
    words = ctx.glossary.function_words | frame
    # words copied from the English label (a name) tie no two translations together
    ignored = words | frozenset(label.casefold().split())
    kept: list[str] = []
    same: dict[str, str] = {}
    counts = Counter(translations)
    # a frame noun compounded with the label ("kundkontosidan") is set apart to compare
    apart = {t: unglued(t, frame, ctx.locale) for t in counts}
    # a page words a label as a noun or an imperative by its place (a heading, a step);
    # a catalog's one message without a context is one string in both places
    suffixes = verb_suffixes(ctx.locale) if page else frozenset()
    # one spelling with or without spaces, hyphens or a linking particle ("Sub-segmento",
    # "Subsegmento"; "估计的结束日期", "估计结束日期"), a date in either format
    bare = {t: _bare(t, ctx.locale) for t in counts}
    # the most used first: the spans moved off a label are grouped with it, not chained
    for translation in sorted(counts, key=lambda t: (-counts[t], len(t), t)):
        inner = next(
            (
                k
                for k in kept[:_COMPARED]
                if bare[translation] == bare[k]
                or one_translation(apart[translation], apart[k], label, words, suffixes)
                or shifted(apart[translation], apart[k], ignored)
                or ctx.glossary.one_entry(translation, k)
            ),
            None,
        )
        if inner is None:
            kept.append(translation)
            inner = translation
        same[translation] = inner
    return same


#: What joins a label's words or leaves them apart (spaces, hyphens), and a number's
#: digits and marks, whose format is the locale's ("2021-06-04", "04/06/2021").
_JOINTS = re.compile(r"[\s\-‐–]+|[\d/.,:]*\d[\d/.,:]*")
_CAMEL = re.compile(r"[a-z][A-Z]")


def _bare(translation: str, locale: str | None) -> str:
    """A translation folded without its joints, its numbers (a date in the locale's
    format or the source's is one label: the `number` check reads the number) and its
    linking particles (Chinese 的, a modifier's particle the locale may leave out:
    `linking_particles`). An identifier (a capital inside a word: `PartnerLocation`) is
    as written: written apart, it is changed."""
    if _CAMEL.search(translation):
        return translation
    text = _JOINTS.sub("", translation.casefold())
    for particle in _linking_particles(locale):
        text = text.replace(particle, "")
    return text


def _holds(longer: str, shorter: str) -> bool:
    """`shorter` in `longer` as whole words, case aside (in CJK text, anywhere)."""
    text, part = _spaces(longer.casefold()), _spaces(shorter.casefold())
    start = text.find(part)
    while start >= 0 and part:
        end = start + len(part)
        edges = (text[start - 1] if start else " ", text[end] if end < len(text) else " ")
        if not any(c.isalnum() and ord(c) < WIDE for c in edges):
            return True
        start = text.find(part, start + 1)
    return False


def _spaces(text: str) -> str:
    """No-break spaces as spaces: "Microsoft\u00a0Azure" is "Microsoft Azure"."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


#: From here on, scripts written without spaces (CJK): no word boundary to respect.


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


def _label_pairs(entry: Entry, ctx: MessageContext, apart: bool) -> Iterator[tuple[str, str, str]]:
    """(role, English label, translation): bold in a sentence, or a short message alone."""
    source, text = entry.msgid, entry.strings[0]
    if ctx.md is not None and "**" in text:
        source_bold = [s for s in spans(entry.inline(ctx.md, source)) if s.kind == "bold"]
        text_bold = [s for s in spans(entry.inline(ctx.md, text)) if s.kind == "bold"]
        if (
            len(source_bold) == 1
            and len(text_bold) == 1
            and _is_label(text_bold[0], ctx)
            and not _moved(source_bold[0], text_bold[0])
            and not _kept_glossed(source_bold[0], text_bold[0])
        ):
            inside = closed_up(text_bold[0].inside).strip(_EDGES)
            yield "bold", source_bold[0].inside.strip(_EDGES), inside
    words = source.split()
    if not apart and 0 < len(words) <= 3 and source[-1:].isalnum() and "%" not in source:
        yield "alone", source.strip(), closed_up(text.strip())


#: What bold may take in at its edges that is no part of a label: punctuation, dashes.
_EDGES = _TRAILING + "—–-"
_PAIRS = (("[", "]"), ("(", ")"), ("「", "」"), ("“", "”"), ('"', '"'))


def _moved(source: Span, span: Span) -> bool:
    """Bold that is not on the label's translation: a word of the source's label kept
    outside the bold (a name: "Marketplace"), or bold that cuts a bracket pair."""
    inside = span.inside
    if any(inside.count(a) != inside.count(b) or inside.count(a) % 2 * (a == b) for a, b in _PAIRS):
        return True
    words = [w for w in source.inside.split() if len(w) > 2 and w[:1].isupper()]
    return any(_has_word(f"{span.before} {span.after}", w) for w in words) and not any(
        _has_word(inside, w) for w in words
    )


def _kept_glossed(source: Span, span: Span) -> bool:
    """The English label kept in bold with the locale's words after it in brackets
    ("**Dispute** (Widersprechen)"): the locale's convention, no second spelling."""
    kept = source.inside.strip(_EDGES).casefold() == span.inside.strip(_EDGES).casefold()
    return kept and span.after.lstrip(" :").startswith(("(", "（"))


def _has_word(text: str, word: str) -> bool:
    """A word of the text that is `word` or starts with it ("Contoso-Vertrag")."""
    return any(token.startswith(word) for token in text.split())


def _is_label(span: Span, ctx: MessageContext) -> bool:
    """Bold that holds a label, not words the bold was moved onto."""
    inside = span.inside
    if only_function_words(inside, ctx) or particle_first(inside, ctx.glossary.function_words):
        return False
    return not (glued(span.before[-1:]) or glued(span.after[:1]))
