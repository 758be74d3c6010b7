"""Every check, as data: id, default severity, scope, description. `sunset check --list`."""

from __future__ import annotations

from collections.abc import Iterator

from .acronyms import check_acronyms
from .base import Check, Entry, MessageContext
from .collisions import check_repeated_item, check_table_collisions
from .compounds import check_compounds
from .english import check_english_left
from .glossary import (
    check_names,
    check_terms,
    check_ui_labels,
)
from .labels import check_bold_english, check_label_spelling
from .meaning import check_doubled_word, check_negation
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
from .names import check_names_changed
from .numbers import check_link_text, check_list_items, check_numbers
from .placement import check_placement
from .spans import check_span_moved
from .unsafe import check_unsafe_markup
from .usual import check_span_off_usual

__all__ = ["CHECKS", "CHECKS_BY_ID"]


def _none(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """Checks whose work is done elsewhere (catalog or page level) register with this."""
    return iter(())


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
    ),
    Check(
        "markup",
        "error",
        "message",
        "Bold, italic, code, links and images balanced and as many as in the source; "
        "no emphasis around punctuation only.",
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
        "are links): every renderer shows it as text.",
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
        "a known name, or the brand in lower case.",
        check_names_changed,
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
        "translation, capitalised as approved.",
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
        "words, or the whole message.",
        check_english_left,
    ),
    Check(
        "placement",
        "error",
        "message",
        "Bold, a link or code on the wrong words: only function words in it, a function "
        "word taken in at its edge, glued to a word, splitting a date, or the source's "
        "whole text but not the translation's.",
        check_placement,
        markup=True,
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
        "one word elsewhere, or a name and a noun without the hyphen the page joins them with.",
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
    ),
    Check(
        "number",
        "error",
        "message",
        "A number or footnote mark of the source missing or changed, the locale's number "
        "and date formats aside.",
        check_numbers,
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
    ),
    Check(
        "acronym",
        "error",
        "message",
        "Every acronym of the source (POR, SA) appears in the translation, in capitals.",
        check_acronyms,
    ),
    Check(
        "separated-list",
        "error",
        "message",
        "A list separated by '|' (roles) has as many items as in the source, none of them "
        "empty or cut off.",
        check_separated_list,
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
        "doubled-word",
        "error",
        "message",
        "A word written twice in a row ('tiers tiers') that the source has once (the "
        "locale's function words aside: German 'die die' is grammar).",
        check_doubled_word,
    ),
    Check(
        "whitespace",
        "warning",
        "message",
        "Leading or trailing white space differs from the source, or a double space.",
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
