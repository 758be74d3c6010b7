"""Every check, as data: id, default severity, scope, description. `sunset check --list`."""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from ..i18n import MACHINE_FLAG
from .acronyms import check_acronyms
from .base import Check, Entry, MessageContext
from .collisions import check_repeated_item, check_table_collisions, may_repeat_item
from .compounds import check_compounds
from .dropped import check_dropped_on_page
from .english import check_english_left
from .glossary import (
    check_names,
    check_terms,
    check_ui_labels,
)
from .grammar import check_grammar
from .grammar_page import check_grammar_on_page
from .kept_word import check_english_left_pages
from .labels import check_bold_english, check_label_spelling
from .meaning import (
    check_doubled_word,
    check_negated_modal,
    check_negation,
    check_opposite,
    may_negate_a_modal,
)
from .messages import (
    check_code,
    check_end_punctuation,
    check_fuzzy,
    check_links,
    check_machine_flag,
    check_markup,
    check_placeholders,
    check_separated_list,
    check_untranslated,
    check_whitespace,
)
from .names import _may_hold_brand, brands, check_names_changed
from .numbers import (
    check_link_text,
    check_list_items,
    check_numbers,
    may_change_number,
    may_leave_item,
)
from .obligation import check_added_obligation, may_add_obligation
from .page_names import check_names_on_page
from .placement import check_placement
from .senses import check_sense, may_use_a_sense
from .spans import check_span_moved, marked
from .stutter import check_doubled_part, may_double_part
from .truncated import check_truncated, may_truncate
from .unsafe import check_unsafe_markup
from .usual import check_span_around_usual, check_span_off_usual
from .world import check_country_names, check_world_names

__all__ = ["CHECKS", "CHECKS_BY_ID"]


def _none(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """Checks whose work is done elsewhere (catalog or page level) register with this."""
    return iter(())


# Preconditions of checks whose modules others keep: each is a necessary condition of the
# check's first test, searched once in all of a message's sources or translations at once
# (a line break between them adds no word, capital pair or digit).

#: A word with a capital after a small letter (AppSource, SaaS): names.py's coined names
#: (as names.py: AppSource, 21Vianet). Opens with its capital, the letter before it looked
#: behind: a search scans for capitals in C, where an opening class of lower-case letters
#: and digits stopped at most letters.
_CAMEL = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=\d[A-Z])[a-z])")
#: Two capitals in a row: an acronym's least (acronyms.py reads no source without one).
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
_NON_WORD = re.compile(r"\W+")


def _translated_locale(ctx: MessageContext) -> bool:
    return ctx.locale is not None and not ctx.locale.startswith("en")


#: A word as names.py reads one (letters and digits, CJK aside); in ASCII text, a brand
#: word is a run of letters.
_NAME_WORD = re.compile(r"[^\W_\u2e80-\U0010ffff]+")
_LETTERS = re.compile(r"[a-z]+")


@functools.cache
def _latin_brands() -> bool:
    return all(_LETTERS.fullmatch(brand) for brand in brands())


def _words_with_brand(text: str) -> bool:
    """Whether a word of the text, folded, is a brand word (names.py's test)."""
    if text.isascii() and _latin_brands():
        words: Iterable[str] = _LETTERS.findall(text.lower())
    else:  # casefold() never makes a space: the folded words, split apart again
        words = " ".join(_NAME_WORD.findall(text)).casefold().split()
    return not brands().isdisjoint(words)


def _may_change_name(entry: Entry, ctx: MessageContext) -> bool:
    """name-changed reads a source only with a brand or a coined word among its words.
    Without a brand word it reports a coined word only where the translation has fewer
    of it (split, in another case), unless cleaning the source (an entity, emphasis or
    brackets dropped) may join a brand word out of two."""
    if not _translated_locale(ctx):
        return False
    sources = entry.sources
    # The brand substring gate first: names.py caches it per source, and the page's
    # brand passes ask it of the same sources after this.
    if _may_hold_brand(sources) and _words_with_brand(sources):
        return True
    if _CAMEL.search(sources) is None:
        return False
    return any(mark in sources for mark in _JOINING) or any(
        _coined_short(source, text) for source, text in entry.pairs
    )


#: What names.py drops or unescapes before it seeks names: "Micro**soft**" is one word.
_JOINING = ("&", "*", "[", "]", "\\")


def _coined_short(source: str, text: str) -> bool:
    """A coined word of the source (AppSource, or an identifier: azureAppSource) fewer times
    as written in the translation."""
    coined = Counter(word for word in _NAME_WORD.findall(source) if _CAMEL.search(word))
    if not coined:
        return False
    have = Counter(_NAME_WORD.findall(text))
    return any(have[word] < count for word, count in coined.items())


def _adjacent_twice(text: str) -> bool:
    """Two neighbouring words of the text alike (meaning.py's quick test, compared in C)."""
    words = _NON_WORD.split(text)
    return any(map(operator.eq, words, words[1:]))


def _may_double(entry: Entry, ctx: MessageContext) -> bool:
    """doubled-word reads a translation only where two neighbouring words of the text a
    reader sees are one."""
    if not _translated_locale(ctx):
        return False
    if ctx.md is None:
        return _adjacent_twice(entry.translations)
    return any(_adjacent_twice(marked(entry, ctx.md, t).text) for _, t in entry.pairs)


def _may_lose_acronym(entry: Entry, ctx: MessageContext) -> bool:
    return _TWO_CAPITALS.search(entry.sources) is not None


def _may_hold_placeholders(entry: Entry, ctx: MessageContext) -> bool:
    return any("%" in t or "{" in t for t in (*entry.ids, *entry.strings))


def _may_separate(entry: Entry, ctx: MessageContext) -> bool:
    return "|" in entry.sources


def _machine_flagged(entry: Entry, ctx: MessageContext) -> bool:
    return MACHINE_FLAG in entry.flags


CHECKS: tuple[Check, ...] = (
    # catalog state
    Check(
        "untranslated",
        "warning",
        "message",
        "A message (or one of its plural forms) has no translation.",
        check_untranslated,
    ),
    Check(
        "fuzzy",
        "warning",
        "message",
        "A translation is marked fuzzy: it needs review and is not used (--strict refuses it).",
        check_fuzzy,
    ),
    Check(
        "machine-flag",
        "warning",
        "message",
        "A machine translation marked only with the flag '#, machine', which msgmerge and "
        "msgcat drop: mark it with the translator comment '# machine-translated'.",
        check_machine_flag,
        when=_machine_flagged,
    ),
    Check(
        "obsolete", "warning", "catalog", "An obsolete (#~) message is still in the catalog.", _none
    ),
    Check(
        "coverage",
        "error",
        "catalog",
        "The share of translated messages is below --min-coverage.",
        _none,
    ),
    Check(
        "plural-forms",
        "error",
        "catalog",
        "The Plural-Forms header is no rule in use for the locale (CLDR's or the gettext "
        "tradition's), or is missing though the catalog has plural messages.",
        _none,
    ),
    # per message, every plural form
    Check(
        "placeholders",
        "error",
        "message",
        "The translation has other %(name)s / {name} placeholders than the source, or its "
        "positional ones (%s, %d) in another order.",
        check_placeholders,
        when=_may_hold_placeholders,
    ),
    Check(
        "markup",
        "error",
        "message",
        "Bold, italic, code, links and images balanced and as many as in the source; "
        "no emphasis around punctuation only; a list item's dash not glued to its text.",
        check_markup,
        markup=True,
    ),
    Check(
        "code",
        "error",
        "message",
        "Inline code spans identical to the source: a literal is never translated.",
        check_code,
        markup=True,
    ),
    Check(
        "links",
        "error",
        "message",
        "Link and image targets identical to the source (the link text may change).",
        check_links,
        markup=True,
    ),
    Check(
        "unsafe-markup",
        "error",
        "message",
        "Raw HTML the source does not have (<img>, </span>, a comment), or a link off the "
        "site (//host, javascript:, data:, a backslash; only pages, https: and mailto: "
        "are links), or a line opening a code block (```) the source has none of: every "
        "renderer shows it as text.",
        check_unsafe_markup,
        markup=True,
    ),
    Check(
        "name",
        "error",
        "message",
        "Every glossary name (and term the locale keeps) in the source appears verbatim.",
        check_names,
    ),
    Check(
        "name-changed",
        "error",
        "message",
        "A product, offer or plan name of the source (capitalised words with a brand word: "
        "Microsoft 365 E3, Dynamics 365 Sales) changed in the translation, glossary or not: "
        "another brand or plan code in its place, a plan code dropped, a word dropped from "
        "a known name, or the brand in lower case; or its brand moved after its other "
        "words, or any Title-Case name written otherwise (translated, lower-cased, half "
        "translated), where the rest of the page or catalog keeps it as written; a brand "
        "alone the page keeps translated or dropped; an identifier alone translated; a "
        "name joined by 'and' half kept (Information Protection och styrning).",
        check_names_changed,
        entries=check_names_on_page,
        when=_may_change_name,
    ),
    Check(
        "ui",
        "error",
        "message",
        "A bold glossary UI label in the source is the locale's approved label, in bold, "
        "in the translation (labels without an approved form: see consistency).",
        check_ui_labels,
        markup=True,
    ),
    Check(
        "term",
        "error",
        "message",
        "A glossary term in the source has one of the locale's accepted forms in the "
        "translation, capitalised as approved; a glossary label in a list after a lead-in "
        "(Appropriate roles: Admin agent | Global admin) not cut short.",
        check_terms,
    ),
    Check(
        "consistency",
        "error",
        "catalog",
        "One source label translated two ways in one catalog (each use is reported).",
        _none,
    ),
    Check(
        "english-left",
        "error",
        "message",
        "English source words (names, Title-Case names and code aside) copied into the "
        "translation: three in a row, two lower-case ones, a glossary label of several "
        "words, or the whole message; or two lower-case English words kept where more "
        "messages of the same page or catalog translate them, or a label (a cell) kept whole "
        "where two or more translate it; in a wide script (ja, zh, ko), one lower-case "
        "English word kept where three or more messages of the page translate it.",
        check_english_left,
        entries=check_english_left_pages,
    ),
    Check(
        "placement",
        "error",
        "message",
        "Bold, italic, a link or code on the wrong words: only function words in it, a "
        "function word taken in at its edge, a word of its English left beside it, across "
        "quotation marks or one bracket of a pair, glued to a word, splitting a date, the "
        "source's whole text but not the translation's; the locale's verb, control noun, "
        "case particle or \"see\" taken in, a label's colon run past; or the page's usual "
        "translation of its label only in part in it, or with words beside it.",
        check_placement,
        markup=True,
        entries=check_span_around_usual,
    ),
    Check(
        "span-moved",
        "error",
        "message",
        "Bold, italic or a link found again by what it holds (numbers, names, acronyms) "
        "or by the page's usual translation of its label: one that moved off its words, "
        "vanished, or swallowed its neighbours.",
        check_span_moved,
        markup=True,
        entries=check_span_off_usual,
    ),
    Check(
        "label-spelling",
        "error",
        "catalog",
        "One English label (bold or link text, in the glossary or not) spelled two ways in "
        "one page or catalog, case, spaces, quotes and word endings aside.",
        _none,
        markup=True,
        entries=check_label_spelling,
    ),
    Check(
        "bold-english",
        "error",
        "message",
        "A bold label of the source left in English in a translated sentence (names, "
        "acronyms, code and glossary labels aside).",
        check_bold_english,
        markup=True,
    ),
    Check(
        "compound",
        "error",
        "catalog",
        "A compound noun split in two words (de, nl, sv) that the page or catalog writes as "
        "one word elsewhere, or a name and a noun without the hyphen the page joins them with; "
        "a hyphen cut from the word it joins; a Korean word written in its syllables or a "
        "particle spaced from its label.",
        _none,
        entries=check_compounds,
    ),
    Check(
        "table-collision",
        "error",
        "catalog",
        "Two different cells of one table row or column translated alike (a 'No' that reads "
        "'Yes').",
        _none,
        entries=check_table_collisions,
    ),
    Check(
        "repeated-item",
        "error",
        "message",
        "One word on both sides of the locale's 'or' or 'and' where the source has two "
        "('monthly or yearly' as 'monthly or monthly').",
        check_repeated_item,
        when=may_repeat_item,
    ),
    Check(
        "number",
        "error",
        "message",
        "A number or footnote mark of the source missing or changed, the locale's number "
        "and date formats aside; or a GUID of the source not kept as written.",
        check_numbers,
        when=may_change_number,
    ),
    Check(
        "link-text",
        "error",
        "message",
        "A link with no text, or text glued to a link whose text ends in punctuation.",
        check_link_text,
        markup=True,
    ),
    Check(
        "list-item",
        "error",
        "message",
        "A list item left empty (', ,') or a list cut off after its 'and'/'or'.",
        check_list_items,
        when=may_leave_item,
    ),
    Check(
        "truncated",
        "error",
        "message",
        "A clause cut short: a modal verb of the translation (können, kunnen, może, puede, "
        "peut) with no verb to go with it where the source's modal has one ('Sie müssen "
        "lediglich das Paket.' for 'You just need to purchase the pack.'); in ja, ko and zh a "
        "sentence that ends with a name its English has after a preposition, where its verb "
        "belongs.",
        check_truncated,
        when=may_truncate,
    ),
    Check(
        "acronym",
        "error",
        "message",
        "Every acronym of the source (POR, SA) appears in the translation, in capitals.",
        check_acronyms,
        when=_may_lose_acronym,
    ),
    Check(
        "separated-list",
        "error",
        "message",
        "A list separated by '|' (roles) has as many items as in the source, none of them "
        "empty or cut off.",
        check_separated_list,
        when=_may_separate,
    ),
    Check(
        "negation",
        "error",
        "message",
        "The source negates a verb (cannot, don't, never) and the translation has none of the "
        "locale's words that say no: it says the opposite, or lost the clause.",
        check_negation,
        opt_in=True,
    ),
    Check(
        "negated-modal",
        "error",
        "message",
        "The source denies a modal (you can't, you don't have to) and the translation says "
        "the modal (kann, peut, 必要があります) with no negation at all: the opposite.",
        check_negated_modal,
        when=may_negate_a_modal,
    ),
    Check(
        "added-obligation",
        "error",
        "message",
        "The translation says 'must' (必要があります, 해야 합니다) where the source says a wish "
        "or a possibility (want, may, unable) and no obligation.",
        check_added_obligation,
        when=may_add_obligation,
    ),
    Check(
        "opposite",
        "error",
        "message",
        "The source says one side of an opposite pair (first-party, enable, inbound, "
        "include, upload) and not the other; the translation has the locale's word for the "
        "other side and none for this one.",
        check_opposite,
    ),
    Check(
        "sense",
        "error",
        "message",
        "A word the domain uses in a sense of its own (a subscription's term, a seat, a "
        "deal, a test drive) translated in its everyday sense (a word, a chair, a market, a "
        "disk drive): the locale's wrong rendering and none of its right ones.",
        check_sense,
        when=may_use_a_sense,
    ),
    Check(
        "world-name",
        "error",
        "message",
        "A currency, month or weekday the source names in English is named in the "
        "translation: the locale's CLDR name (a form of it), the English name, its code "
        "or a month's number ('Korean won' read as the verb 'win').",
        check_world_names,
    ),
    Check(
        "country-name",
        "error",
        "message",
        "A country, region or language the source names in English is named in the "
        "translation: the locale's CLDR name (a form of it), a name the locale data gives, "
        "the English name or its code ('Lithuania' as 'Argentina').",
        check_country_names,
        opt_in=True,
    ),
    Check(
        "dropped-part",
        "error",
        "catalog",
        "A part of the English missing from its translation, by the page's own evidence: "
        "two or more words the page translates one way in most messages have none of their "
        "renderings here, two of them close together in the English, and the translation is "
        "far shorter than the page's usual length.",
        _none,
        entries=check_dropped_on_page,
        opt_in=True,
    ),
    Check(
        "doubled-word",
        "error",
        "message",
        "A word written twice in a row ('tiers tiers') that the source has once (the "
        "locale's function words aside: German 'die die' is grammar).",
        check_doubled_word,
        when=_may_double,
    ),
    Check(
        "doubled-part",
        "error",
        "message",
        "A part of a word written twice inside it that the source says once: a compound "
        "('vervolgkeuzekeuze', 'Benutzerverwaltungverwaltung') or a run of wide letters "
        "('パートナーパートナー'); parts of five letters or more (three of one wide script).",
        check_doubled_part,
        when=may_double_part,
    ),
    Check(
        "grammar",
        "error",
        "message",
        "Broken grammar of machine translation that form shows, per locale: a function word "
        "capitalised inside a German or Italian sentence ('sowie Der', 'pagina Del'), a German "
        "noun in lower case, "
        "'zu' before a separable verb ('zu ablehnen'), a singular article before a plural "
        "country ('nel Stati Uniti'), 'un Centro de partners de', two words glued together, a "
        "hyphen left hanging ('Linux- Open'), 'tornar-o', a "
        "Japanese sentence that starts with a cut clause ('場合は、') or ends in the plain past, a "
        "Japanese spoken contraction ('切れてた'), a Romance or Polish sentence that ends with a "
        "preposition ('para trabajar en.'), a Korean word cut inside its ending ('하 여'), a "
        "Polish kept name opening a sentence before an oblique case ('Contoso raportu'), a "
        "singular article before an English plural acronym ('o RIs'); and "
        "where the page shows it: a German noun in "
        "lower case that the page capitalises ('der anzahl'), a kept name before the noun the "
        "locale puts first ('la Power Automate soluzione', 'w Contoso programie', 'nowego "
        "Contoso konta'), a German "
        "polite address in lower case for the English 'you' ('um ihre Daten'), an article of the "
        "gender the page never gives its noun ('nella portale'), a sentence that starts in lower "
        "case where the English starts with a capital ('vous pouvez'), a Korean verb's ending "
        "cut from a noun the page joins it to ('선택 합니다').",
        check_grammar,
        entries=check_grammar_on_page,
    ),
    Check(
        "whitespace",
        "warning",
        "message",
        "Leading or trailing white space differs from the source (in a catalog message, where "
        "it can show; not in a Markdown segment), or a double space.",
        check_whitespace,
    ),
    Check(
        "end-punctuation",
        "warning",
        "message",
        "A sentence of the source ends with a full stop and the translation with no "
        "punctuation at all.",
        check_end_punctuation,
    ),
    # rendered pages, each against the en-US page of the same name
    Check(
        "page-parse",
        "error",
        "page",
        "The page parses with markdown-it-py and has front matter.",
        _none,
    ),
    Check(
        "page-front-matter",
        "error",
        "page",
        "The front matter has the same keys as the en-US page.",
        _none,
    ),
    Check(
        "page-anchors",
        "error",
        "page",
        "The same heading anchors in the same order as the en-US page.",
        _none,
    ),
    Check(
        "page-lists",
        "error",
        "page",
        "The same number of items in every list as the en-US page.",
        _none,
    ),
    Check(
        "page-tables",
        "error",
        "page",
        "The same tables, with the same number of cells in every row, as the en-US page.",
        _none,
    ),
    Check(
        "page-structure",
        "error",
        "page",
        "A page of a parallel tree has the blocks of its English page, in order (headings, "
        "paragraphs, table cells, code).",
        _none,
    ),
    Check(
        "page-leftover",
        "error",
        "page",
        "No leftover template or gettext syntax ({{ }}, {% %}, %(name)s) in the text.",
        _none,
    ),
    Check(
        "page-fallback",
        "error",
        "page",
        "No English fallback text on a page that does not tell its reader so.",
        _none,
    ),
    # rendered surfaces: HTML attributes and SVG text (checks/surfaces.py)
    Check(
        "surface-english",
        "error",
        "page",
        "No English left in a translated page's alt, title, aria-label, placeholder or meta "
        "text, or in the text of its SVG images.",
        _none,
    ),
    Check(
        "surface-markup",
        "error",
        "page",
        "No markup (tags, escaped or not, Markdown, {{ }}, %(name)s) in an attribute or in "
        "the text of an image: a reader would see it as text.",
        _none,
    ),
    # input
    Check("read-error", "error", "catalog", "The file cannot be read or parsed.", _none),
)

CHECKS_BY_ID = {check.id: check for check in CHECKS}
