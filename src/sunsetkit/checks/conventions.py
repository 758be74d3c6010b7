"""How each locale writes what the checks compare, read from locale_data/<locale>.yaml:
the names Microsoft localizes there, acronyms written out, marks around UI labels besides
bold, and function words. locale_data/README.md says what each key holds and its sources."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Conventions", "conventions", "label_marked", "locale_data", "written_out"]

DATA = Path(__file__).resolve().parent / "locale_data"
WIDE = 0x2E80  # from here on, scripts written without spaces (CJK)


@dataclass(frozen=True)
class Conventions:
    #: English name -> the locale's own forms of it (Microsoft's localized names).
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: English name of a country -> the locale's names of it that CLDR lacks (`world-name`,
    #: `country-name`); kept apart from `names`, which the name check wants verbatim.
    place_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Acronym -> its written-out forms in the locale, case folded (stems allowed).
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: (opening, closing) marks that set a UI label apart besides bold.
    label_marks: tuple[tuple[str, str], ...] = ()
    function_words: frozenset[str] = frozenset()
    #: Words a sentence puts before and after a span holding a whole clause (ja: します).
    clause_before: frozenset[str] = frozenset()
    clause_after: frozenset[str] = frozenset()
    #: English words the locale uses as they are (test drive, dashboard), case folded.
    loanwords: tuple[str, ...] = ()
    #: Words spelled as English function words that the locale writes too (sv "via").
    english_shared: frozenset[str] = frozenset()
    #: English only: ordinary words written in capitals (ZERO, UPDATE), never acronyms.
    words_in_capitals: frozenset[str] = frozenset()
    #: Words that say no (not, without, never, impossible, instead), folded; a trailing
    #: `*` marks a stem. English: the verbal negations the `negation` check reads.
    negations: tuple[str, ...] = ()
    #: English only: phrases whose negation a translation may say without a negator
    #: ("not limited to", "unless", "only").
    negation_aside: tuple[str, ...] = ()
    #: Words with which a translation leaves a negation's polarity open or turns it around
    #: without a negator: "whether" (ob, czy, 是否, 여부) and "only" (nur, tylko, のみ).
    negation_open: tuple[str, ...] = ()
    #: Verb particles spelled as a preposition that may follow them (Swedish `ladda upp
    #: upp till`): written twice in a row by grammar, not by a stutter (`doubled-word`).
    particles: frozenset[str] = frozenset()
    #: English only: brand words that make a run of capitalised words a product name
    #: (Microsoft, Azure, Dynamics), case folded.
    brands: frozenset[str] = frozenset()
    #: English only: the brand words that are ordinary English words too (Office, Teams),
    #: case folded: one alone in another case is no name changed.
    brand_words: frozenset[str] = frozenset()
    #: English only: abbreviations of ordinary phrases (TBD, N/A as NA, ASAP), which a
    #: translation writes out or gives the locale's own abbreviation (N/D, 日程未定).
    phrase_abbreviations: frozenset[str] = frozenset()
    #: English only: customary abbreviations of country names (DRC) -> ISO 3166 code (CD).
    territory_acronyms: dict[str, str] = field(default_factory=dict)
    #: English only: the portals whose UI is in English (and their country's language)
    #: whatever the reader's locale, folded: a page that applies to one alone keeps its
    #: English UI labels (`ui`).
    english_portals: frozenset[str] = frozenset()
    #: English only: the nouns a value of a state goes with (status, state, stage), folded.
    state_words: frozenset[str] = frozenset()
    #: The locale joins nouns into one word (Computebetriebssystem): a written-out form
    #: of an acronym may end a compound.
    compounds: bool = False
    #: Each side of an opposite pair (enable, disable) -> the locale's words for it, folded
    #: (`opposite`); `opposites_weak`: words that say the side only sometimes.
    opposites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    opposites_weak: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: English: a modal's negated forms ("can": cannot, can't; "must": don't have to);
    #: a locale: its words for the modal said ("can": kann, peut, できます), folded
    #: (`negated-modal`).
    negated_modals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    modals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: English only: the pairs of sides `opposite` compares.
    opposite_pairs: tuple[tuple[str, str], ...] = ()
    #: Letters that join the parts of a compound (German Kunde-n-konto, Swedish
    #: betalning-s-metod): the `compounds` check tries each between two words.
    compound_links: tuple[str, ...] = ()
    #: How the locale writes an adjective before a noun (Dutch "directe"), case folded; in
    #: en.yaml, English adjectives: two words whose first is one are no compound split.
    adjective_form: re.Pattern[str] | None = None
    #: Titles put their verb last (Dutch "Uw abonnement beheren"), so a word after a name
    #: in a title may be a verb: `compound` takes it for a noun only in other locales.
    verb_final_titles: bool = False
    #: The script has no italic (Japanese, Chinese, Korean): a translation may drop every
    #: italic span of its source, which `markup` then does not count as lost.
    no_italics: bool = False
    #: The endings only nouns have in the locale (Dutch "-ing", "-heid"), case folded: a
    #: word so written after a name is a noun that `compound` wants joined to it.
    noun_form: re.Pattern[str] | None = None
    #: Word endings that never stand alone (Dutch "baarheid", Swedish "lighet"), case
    #: folded: one written as a word is a word split or cut ("beschik baarheid").
    bound_endings: frozenset[str] = frozenset()
    #: The endings of a compound's first part with its linking letter (Swedish "-nings",
    #: Dutch "-ings"), case folded: a word so written before a noun is half a compound.
    linked_form: re.Pattern[str] | None = None
    #: The words after which any noun may take a genitive -s, folded (Swedish "en
    #: organisations behov"): a linked form after one, or after a number, may be a
    #: genitive, which `compound` leaves alone.
    linked_genitive: frozenset[str] = frozenset()
    #: Final syllables whose e drops before an ending (Swedish "center" -> "centret",
    #: "centrets"), and the endings that follow the stem then: a term's form so
    #: inflected is the form (`term`).
    dropped_e: tuple[str, ...] = ()
    dropped_e_endings: tuple[str, ...] = ()
    #: Demonstratives (German "diese", Swedish "denna"), folded: like an article, one opens
    #: the noun phrase a link's text names ("[diese Einstellungen](x)"), no neighbour.
    demonstratives: frozenset[str] = frozenset()
    #: The endings of the locale's nouns in their other forms (plural, definite: Swedish
    #: "-or", "-en"), folded: a compound the page writes in one form is the same compound
    #: split in another (`compound`).
    noun_endings: frozenset[str] = frozenset()
    #: English only: determiners, folded ("the", "your"): one before a name and a word
    #: ("the Contoso portal") opens a noun phrase whose word is its noun, no verb.
    determiners: frozenset[str] = frozenset()
    #: English only: prepositions a noun phrase follows, folded ("from", "of"): one before
    #: a name and a word ("from Contoso dashboards") opens a noun phrase as well.
    noun_prepositions: frozenset[str] = frozenset()
    #: Articles only a noun follows (Swedish "en", "ett"), folded: a word the page writes
    #: after one is a noun (`compound`).
    noun_articles: frozenset[str] = frozenset()
    #: The words before which a hyphen opens a word of its own (German "und", Swedish
    #: "eller": "Produkte und -Dienste"), folded: elsewhere a word that starts with a hyphen
    #: after a space was cut from the word before it (`compound`).
    hyphen_joins: frozenset[str] = frozenset()
    #: Syllables that are words of their own in a script written in syllable blocks (Korean
    #: "후", "이"), for `compound`: a run of one-syllable words that holds another syllable
    #: and that the page writes as one word elsewhere is a word split into its syllables.
    standalone_syllables: frozenset[str] = frozenset()
    #: Words of a script written in syllable blocks that machine translation writes in
    #: their syllables (Korean "대한" as "대 한"), for `compound`, wherever the page lacks
    #: the joined word.
    syllable_words: frozenset[str] = frozenset()
    #: The end of bold, italic or a link, a space, and one of the case particles a word
    #: never is (Korean "을", "에서"), for `compound`: the particle cut from its label.
    detached_particles: re.Pattern[str] | None = None
    #: The endings of a noun's definite forms (Swedish "-en", "-et", "-erna"), folded: a
    #: word the page also writes with one, itself or its stem ("licenser", "licensen"), is
    #: a noun, no verb ("lagrar") (`compound`).
    definite_endings: tuple[str, ...] = ()
    #: A present participle's endings (Swedish "-ande", "-ende"), folded, which the verbal
    #: noun shares ("erbjudande", offer): a word so ending that the page writes in a noun's
    #: other form ("erbjudanden") is that noun, no adjective (`compound`).
    participle_endings: tuple[str, ...] = ()
    #: Nouns of measure that take a bare noun after them (Dutch "hoeveelheid tijd"),
    #: folded: two nouns so are no compound split (`compound`).
    measure_nouns: frozenset[str] = frozenset()
    #: A form only verbs have (Swedish passive "räknas"), case folded: no noun, whatever
    #: article the page writes before it (`compound`).
    verb_form: re.Pattern[str] | None = None


@functools.cache
def conventions(locale: str | None) -> Conventions:
    """The conventions of a locale (de-DE, or a page's de-de, or de), empty for a locale
    without a file."""
    data = locale_data(locale)
    if not data:
        return Conventions()
    return Conventions(
        names={str(k): tuple(map(str, v)) for k, v in (data.get("names") or {}).items()},
        place_names={
            str(k): tuple(map(str, v)) for k, v in (data.get("place_names") or {}).items()
        },
        acronyms={
            str(k): tuple(str(form).casefold() for form in v)
            for k, v in (data.get("acronyms") or {}).items()
        },
        label_marks=tuple((str(m)[0], str(m)[-1]) for m in data.get("label_marks") or ()),
        function_words=frozenset(str(w).casefold() for w in data.get("function_words") or ()),
        clause_before=_frame(data, "before"),
        clause_after=_frame(data, "after"),
        loanwords=tuple(sorted({str(w).casefold() for w in data.get("loanwords") or ()})),
        english_shared=frozenset(str(w).casefold() for w in data.get("english_shared") or ()),
        words_in_capitals=frozenset(str(w).upper() for w in data.get("words_in_capitals") or ()),
        negations=_folded(data, "negations"),
        negation_aside=_folded(data, "negation_aside"),
        negation_open=_folded(data, "negation_open"),
        particles=frozenset(str(w).casefold() for w in data.get("particles") or ()),
        brands=frozenset(str(w).casefold() for w in data.get("brands") or ()),
        brand_words=frozenset(str(w).casefold() for w in data.get("brand_words") or ()),
        phrase_abbreviations=frozenset(
            str(w).upper() for w in data.get("phrase_abbreviations") or ()
        ),
        territory_acronyms={
            str(k): str(v) for k, v in (data.get("territory_acronyms") or {}).items()
        },
        english_portals=frozenset(str(w).casefold() for w in data.get("english_portals") or ()),
        state_words=frozenset(str(w).casefold() for w in data.get("state_words") or ()),
        compounds=bool(data.get("compounds")),
        opposites=_sides(data, "opposites"),
        opposites_weak=_sides(data, "opposites_weak"),
        negated_modals=_sides(data, "negated_modals"),
        modals=_sides(data, "modals"),
        opposite_pairs=tuple(
            (str(pair[0]), str(pair[1]))
            for pair in data.get("opposite_pairs") or ()
            if isinstance(pair, list) and len(pair) == 2
        ),
        compound_links=tuple(str(link) for link in data.get("compound_links") or ()),
        bound_endings=frozenset(str(w).casefold() for w in data.get("bound_endings") or ()),
        linked_form=_pattern(data.get("linked_form")),
        linked_genitive=frozenset(str(w).casefold() for w in data.get("linked_genitive") or ()),
        adjective_form=_pattern(data.get("adjective_form")),
        verb_final_titles=bool(data.get("verb_final_titles")),
        no_italics=bool(data.get("no_italics")),
        noun_form=_pattern(data.get("noun_form")),
        dropped_e=_folded_list(data.get("dropped_e"), "syllables"),
        dropped_e_endings=_folded_list(data.get("dropped_e"), "endings"),
        demonstratives=frozenset(str(w).casefold() for w in data.get("demonstratives") or ()),
        noun_endings=frozenset(str(w).casefold() for w in data.get("noun_endings") or ()),
        determiners=frozenset(str(w).casefold() for w in data.get("determiners") or ()),
        noun_prepositions=frozenset(str(w).casefold() for w in data.get("noun_prepositions") or ()),
        noun_articles=frozenset(str(w).casefold() for w in data.get("noun_articles") or ()),
        hyphen_joins=frozenset(
            str(w).casefold() for w in (data.get("grammar") or {}).get("hyphen_joins") or ()
        ),
        standalone_syllables=frozenset(str(w) for w in data.get("standalone_syllables") or ()),
        detached_particles=_detached(data.get("detached_particles")),
        syllable_words=frozenset(str(w) for w in data.get("syllable_words") or ()),
        definite_endings=tuple(str(w).casefold() for w in data.get("definite_endings") or ()),
        verb_form=_pattern(data.get("verb_form")),
        measure_nouns=frozenset(str(w).casefold() for w in data.get("measure_nouns") or ()),
        participle_endings=tuple(str(w).casefold() for w in data.get("participle_endings") or ()),
    )


def _detached(particles: object) -> re.Pattern[str] | None:
    """The end of a span (bold or italic after a letter or digit, or a link's target), a
    space, then one of `particles` as a whole word: the text the `compound` pass seeks."""
    if not isinstance(particles, list) or not particles:
        return None
    words = "|".join(sorted((re.escape(str(p)) for p in particles), key=len, reverse=True))
    return re.compile(
        r"(?P<span>\*\*[^*\n]*[^\W_]\*\*|\*[^*\n]*[^\W_]\*|\[[^\]\n]*\]\([^()\s]*\))"
        rf" (?P<particle>{words})(?=[\s.,;:!?)]|$)"
    )


def _folded_list(value: object, key: str) -> tuple[str, ...]:
    """A mapping's list under `key`, case folded (empty when the value is none)."""
    items = value.get(key) if isinstance(value, dict) else None
    return tuple(str(item).casefold() for item in items or ())


def _sides(data: dict[str, object], key: str) -> dict[str, tuple[str, ...]]:
    sides = data.get(key)
    if not isinstance(sides, dict):
        return {}
    return {
        str(side): tuple(str(w).casefold() for w in words or ()) for side, words in sides.items()
    }


@functools.cache
def locale_data(locale: str | None) -> dict[str, Any]:
    """The locale's data file as read (empty for a locale without one): checks with keys
    of their own (`grammar`) read them here rather than widen `Conventions`."""
    path = _file(locale)
    if path is None:
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    return data if isinstance(data, dict) else {}


def _pattern(value: object) -> re.Pattern[str] | None:
    return re.compile(str(value)) if value else None


def _folded(data: dict[str, object], key: str) -> tuple[str, ...]:
    words = data.get(key)
    return (
        tuple(sorted({str(w).casefold() for w in words or ()})) if isinstance(words, list) else ()
    )


def _frame(data: dict[str, object], side: str) -> frozenset[str]:
    frame = data.get("clause_frame")
    words = frame.get(side) if isinstance(frame, dict) else None
    return frozenset("".join(str(w).split()) for w in words or ())


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc,valid-type]
    """YAML 1.2's booleans only: the word lists hold "no", "on", "off" and "yes" (English
    and Spanish function words, a negation), which YAML 1.1 reads as true or false."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_LOADER = _Loader


def _file(locale: str | None) -> Path | None:
    """The data file of a locale: its own, else the only one of its language."""
    if not locale:
        return None
    files = {path.stem.casefold(): path for path in DATA.glob("*.yaml")}
    wanted = locale.replace("_", "-").casefold()
    if wanted in files:
        return files[wanted]
    language = wanted.split("-")[0]
    same = [path for stem, path in files.items() if stem.split("-")[0] == language]
    return same[0] if len(same) == 1 else None


#: The shortest written-out form found inside a compound (Betriebssystem, not KI).
COMPOUND_PART = 6


def written_out(forms: tuple[str, ...], folded: str, compounds: bool = False) -> bool:
    """Whether one of the (case-folded) forms is in the case-folded text; a form that
    starts with a letter of a spaced script must start a word there, or, with
    `compounds`, may end a compound if it is COMPOUND_PART letters or more."""
    for form in forms:
        start = folded.find(form)
        inside = compounds and len(form) >= COMPOUND_PART
        while start >= 0:
            before = folded[start - 1] if start else " "
            if inside or not (form[:1].isalnum() and ord(form[0]) < WIDE and before.isalnum()):
                return True
            start = folded.find(form, start + 1)
    return False


@functools.cache
def _marked(marks: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not marks:
        return None
    # never a link's text: "[text](target)" is no label in brackets
    parts = [
        f"{re.escape(a)}([^{re.escape(a + b)}\\n]{{1,80}}){re.escape(b)}(?!\\()" for a, b in marks
    ]
    return re.compile("|".join(parts))


def label_marked(text: str, marks: tuple[tuple[str, str], ...]) -> list[str]:
    """The texts set apart by the locale's label marks ("“提交”" gives 提交)."""
    pattern = _marked(marks)
    if pattern is None:
        return []
    return [next(g for g in m.groups() if g is not None) for m in pattern.finditer(text)]
