"""Grammar a machine translation broke where form alone shows it, read from the locale
data's `grammar` key (locale_data/README.md): a function word capitalised inside a German
sentence ("sowie Der Umsatz"), the infinitive's `zu` before a separable verb ("zu
ablehnen" for "abzulehnen"), a singular article before a plural country name ("nel Stati
Uniti"), a sentence that starts with a clause cut from its head (Japanese "場合は、") or
ends with a preposition ("para trabajar en.": English's stranded one), a Korean word
cut in two inside its ending ("하 여", "고객에 게"), and a title that ends in the
infinitive's marker with nothing to govern it ("Alle abonnementen op te halen").
A locale without the key is not checked; each rule reads only its own part of the key."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .spans import marked

__all__ = ["Grammar", "check_grammar", "grammar", "lower_start"]


@dataclass(frozen=True)
class Grammar:
    #: Function words never capitalised inside a sentence (German "Der", "Für"; polite
    #: "Sie" is not one). English lists its own: a source that capitalises one there is
    #: a title or a label, and its translation may too.
    capitalised_inside: re.Pattern[str] | None = None
    #: The infinitive's marker ("zu") and separable verbs -> their zu-infinitive
    #: ("ablehnen" -> "abzulehnen").
    infinitive_marker: str = ""
    separable: dict[str, str] = field(default_factory=dict)
    #: A singular article before a plural name ("nel Stati Uniti"): one search.
    singular_before_plural: re.Pattern[str] | None = None
    plural_names: tuple[str, ...] = ()
    #: An indefinite article before a name that takes none: English word order left ("un
    #: Centro de partners de incentivos" for "a Partner Center incentive program").
    indefinite_before_name: re.Pattern[str] | None = None
    bare_names: tuple[str, ...] = ()
    #: Two words glued together, the second capitalised ("inPartner", "ochBiblioteks"):
    #: for locales written in Latin script.
    glued_words: bool = False
    #: What no sentence starts with: a subordinate clause cut from its head ("場合は、").
    cut_starts: tuple[str, ...] = ()
    #: A sentence that ends in the plain form amid the locale's polite prose (Japanese
    #: "作成した。" for "作成しました。" or "作成してください。"): one search.
    plain_end: re.Pattern[str] | None = None
    #: Spoken contractions written prose has no place for (Japanese "切れてた" for
    #: "切れていた": the い dropped), after a kana; the words spelled so aside (かつてない).
    colloquial: re.Pattern[str] | None = None
    colloquial_aside: tuple[str, ...] = ()
    #: A noun written in lower case (German capitalises every noun): a long word that
    #: ends with one of the endings only nouns have (-ung, -keit, -dateien).
    lower_case_noun: re.Pattern[str] | None = None
    #: Words with such an ending that are no nouns (strong participles: übersprungen).
    not_nouns: frozenset[str] = frozenset()
    #: A word part left hanging by a hyphen ("Linux- Open-Source") with no conjunction
    #: after it (the locale's "and", "or": "Kunden- und Partnerdaten").
    hanging_hyphen: re.Pattern[str] | None = None
    #: A pronoun hyphenated to an infinitive that keeps its r ("tornar-o" for "torná-lo").
    infinitive_clitic: re.Pattern[str] | None = None
    #: A preposition that ends a sentence: the English order of a stranded preposition
    #: ("que necesita para trabajar en." for "you need to work on."), one search.
    final_preposition: re.Pattern[str] | None = None
    #: A word cut in two by a space inside its ending (Korean "하 여" for "하여", "고객에 게"
    #: for "고객에게"): the forms, and one search that reads them as whole words.
    split_forms: tuple[str, ...] = ()
    split_word: re.Pattern[str] | None = None
    #: A kept Latin name right before a verb of a noun and 하다/되다 ("Contoso 사용하여"):
    #: the particle that links them (를, 에, 에서) lost. One search.
    bare_name_verb: re.Pattern[str] | None = None
    #: A kept name that opens a sentence, then a word in an oblique case (Polish "Contoso
    #: raportu" for "Contoso report"): the case hangs off a noun the sentence lacks, the
    #: English noun-adjunct order left. One search, from the case's endings.
    oblique_after_name: re.Pattern[str] | None = None
    oblique_endings: tuple[str, ...] = ()
    #: A word that shows a gender and number right before a participle or adjective whose
    #: ending shows others (Polish "została zarejestrowane", "platformą handlowa",
    #: "Twoja organizacja jest zarejestrowane"): searches, each after a quick test (what
    #: the text must hold one of; none: always searched).
    disagreeing_pairs: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = ()

    #: A title that ends in the infinitive's marker and its verb ("Alle abonnementen op te
    #: halen" for "Get all subscriptions"): a clause's infinitive whose governing word
    #: ("om", "um", "helpen") machine translation lost. The words that govern one.
    marked_title: re.Pattern[str] | None = None
    marker_governors: frozenset[str] = frozenset()
    #: A kept name that opens a sentence right before a verb in the plural ("Partner Center
    #: kunnen helpen" for "Partner Center can help"): one search from the locale's plural
    #: verbs; the subject pronouns that show the name is no subject ("Contoso können Sie").
    name_plural_verb: re.Pattern[str] | None = None
    subject_pronouns: frozenset[str] = frozenset()
    #: The articles of the singular (`numbered_articles`) that are no preposition too:
    #: one before an acronym's English plural ("o RIs" for "the RIs") disagrees with it.
    singular_articles: frozenset[str] = frozenset()


@functools.cache
def grammar(locale: str | None) -> Grammar:
    """The locale's grammar data (empty without a `grammar` key)."""
    data = locale_data(locale).get("grammar")
    if not isinstance(data, dict):
        return Grammar()
    marker = str(data.get("infinitive_marker") or "")
    separable = {}
    for verb in data.get("separable_verbs") or ():
        prefix, _, stem = str(verb).partition("|")
        separable[prefix + stem] = f"{prefix}{marker}{stem}"
    return Grammar(
        capitalised_inside=_words(data.get("capitalised_inside")),
        infinitive_marker=marker,
        separable=separable,
        singular_before_plural=_before(data.get("singular_articles"), data.get("plural_names")),
        plural_names=_strings(data.get("plural_names")),
        cut_starts=tuple(str(form) for form in data.get("cut_starts") or ()),
        indefinite_before_name=_before(data.get("indefinite_articles"), data.get("bare_names")),
        bare_names=_strings(data.get("bare_names")),
        glued_words=bool(data.get("glued_words")),
        lower_case_noun=_endings(data.get("noun_endings")),
        plain_end=_plain(data.get("plain_endings"), data.get("polite_before")),
        colloquial=_colloquial(data.get("colloquial")),
        colloquial_aside=tuple(str(word) for word in data.get("colloquial_aside") or ()),
        not_nouns=frozenset(str(word) for word in data.get("not_nouns") or ()),
        infinitive_clitic=_clitics(data.get("infinitive_clitics")),
        hanging_hyphen=_hanging(data.get("hyphen_joins")),
        final_preposition=_final(data.get("final_prepositions")),
        split_forms=_strings(data.get("split_endings")) + _strings(data.get("split_particles")),
        split_word=_split(data.get("split_endings"), data.get("split_particles")),
        bare_name_verb=_name_verb(data.get("name_verb_endings"), data.get("name_verb_words")),
        oblique_after_name=_NAME_THEN_WORD if data.get("oblique_endings") else None,
        oblique_endings=_strings(data.get("oblique_endings")),
        singular_articles=_singular(data.get("numbered_articles"), data.get("prepositions")),
        disagreeing_pairs=_pairs(data.get("disagreeing_after"), data.get("agreement_between"))
        + _subjects(data, _strings(data.get("agreement_between"))),
        name_plural_verb=_name_then(data.get("plural_verbs")),
        subject_pronouns=frozenset(str(w).casefold() for w in data.get("subject_pronouns") or ()),
        marked_title=_marked_end(marker) if data.get("marker_governors") else None,
        marker_governors=frozenset(str(w).casefold() for w in data.get("marker_governors") or ()),
    )


def _plain(endings: object, polite: object) -> re.Pattern[str] | None:
    """A plain ending not preceded by one of the polite stems (ました, でした)."""
    if not isinstance(endings, list) or not endings:
        return None
    stems = polite if isinstance(polite, list) else []
    aside = "".join(f"(?<!{re.escape(str(stem))})" for stem in stems)
    return re.compile(f"{aside}(?:{'|'.join(map(re.escape, map(str, endings)))})")


def _colloquial(forms: object) -> re.Pattern[str] | None:
    """A form after a kana and before no kana: the end of a verb, not part of a word."""
    if not isinstance(forms, list) or not forms:
        return None
    alternatives = "|".join(map(re.escape, map(str, forms)))
    return re.compile(f"(?<=[ぁ-ゖ])(?:{alternatives})(?![ぁ-ゖ])")


def _hanging(joins: object) -> re.Pattern[str] | None:
    if not isinstance(joins, list) or not joins:
        return None
    alternatives = "|".join(map(re.escape, map(str, joins)))
    return re.compile(rf"\w*[^\W\d_]- (?!(?:{alternatives})(?![^\W\d_]))[^\W\d_]+")


#: The English parts two phrases with a dash, or hangs a hyphen itself: the translation
#: may follow it.
_ENGLISH_DASH = re.compile(r"\w- | [-–—] ?|—")


#: The fewest letters before a noun ending: shorter words ending so are no nouns (jung).
NOUN_STEM = 5


def _endings(endings: object) -> re.Pattern[str] | None:
    """A lower-case word ending with one of the endings, not part of a path, a file name,
    an address or a hyphenated word (`-verwaltung` continues a compound)."""
    if not isinstance(endings, list) or not endings:
        return None
    alternatives = "|".join(map(re.escape, sorted(map(str, endings), key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w\-/.#@_])[^\W\d_A-ZÄÖÜ][^\W\d_]{{{NOUN_STEM - 1},}}(?:{alternatives})"
        r"(?![\w\-/.@_])"
    )


def _clitics(pronouns: object) -> re.Pattern[str] | None:
    if not isinstance(pronouns, list) or not pronouns:
        return None
    alternatives = "|".join(map(re.escape, map(str, pronouns)))
    return re.compile(rf"(?<![\w/#-])[^\W\d_]+r-(?:{alternatives})(?![\w-])")


def _final(prepositions: object) -> re.Pattern[str] | None:
    """A listed preposition after a space and before a sentence's full stop, question or
    exclamation mark and then a space or the end (no address, no abbreviation)."""
    if not isinstance(prepositions, list) or not prepositions:
        return None
    alternatives = "|".join(map(re.escape, map(str, prepositions)))
    return re.compile(rf" (?:{alternatives})[.?!](?!\S)")


def _split(endings: object, particles: object) -> re.Pattern[str] | None:
    """A verb's stem standing alone before the rest of its ending ("하 여": no syllable
    before it), or a particle's two halves after a word ("고객에 게"); no syllable after."""
    alone, after = _strings(endings), _strings(particles)
    if not alone and not after:
        return None
    forms = [f"(?<![가-힣])(?:{'|'.join(map(re.escape, alone))})"] if alone else []
    forms += [f"(?<=[가-힣])(?:{'|'.join(map(re.escape, after))})"] if after else []
    return re.compile(f"(?:{'|'.join(forms)})(?![가-힣])")


def _name_verb(endings: object, words: object) -> re.Pattern[str] | None:
    """A Latin name (its words and codes: "Microsoft Cloud for US Government"), a space,
    and a verb: a noun of two syllables or more joined to one of the endings (a noun of
    one syllable before 할 is a word of its own: 역할, "role"), or one of the words (대한,
    통해), no syllable after it. The search starts at a letter and looks behind from there
    (a look-behind first is tried at every character)."""
    if not isinstance(endings, list) or not endings:
        return None
    listed = "|".join(map(re.escape, sorted(map(str, endings), key=len, reverse=True)))
    whole = "|".join(map(re.escape, sorted(_strings(words), key=len, reverse=True)))
    verb = rf"[가-힣]{{2,}}(?:{listed})" + (f"|{whole}" if whole else "")
    return re.compile(
        r"(?P<name>[A-Za-z](?<![\w.+-][A-Za-z])[A-Za-z0-9.+-]*(?: [A-Za-z0-9][A-Za-z0-9.+-]*)*)"
        rf" (?:{verb})(?![가-힣])"
    )


#: A name (capitalised words and codes) after a list number, if any, a space, and a
#: lower-case word: read where a sentence starts (`_name_then_case`).
_NAME_THEN_WORD = re.compile(
    r"(?:\d+\. )?(?P<name>[A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*)*) (?P<word>[^\W\d_A-Z]{3,})(?![\w-])"
)


def _pairs(after: object, between: object) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """A search for the first words (a whole word: "została") and one for the first
    endings (with a hyphen: "-ą", after three letters or more), each alternative its first
    (a literal first: quick to scan for; the words' common start is one), a space, one of
    the words allowed between (an adverb: "już"), if any, and a lower-case word of two
    letters or more before one of the endings the first one disagrees with."""
    if not isinstance(after, dict):
        return ()
    middle = "|".join(map(re.escape, _strings(between)))
    gap = f"(?:(?:{middle}) )?" if middle else ""
    words, endings = [], []
    for first, disagreeing in after.items():
        head = str(first).removeprefix("-")
        listed = "|".join(map(re.escape, sorted(_strings(disagreeing), key=len, reverse=True)))
        second = rf" {gap}{_LOWER}{{2,}}(?:{listed})(?![\w-])"
        if head == first:  # no letter, digit or hyphen before the word
            words.append(rf"{re.escape(head)}(?<![\w-]{re.escape(head)}){second}")
        else:  # three letters before the ending
            endings.append(rf"{re.escape(head)}(?<=[^\W\d_]{{{len(head) + 3}}}){second}")
    return tuple(((), re.compile("|".join(forms))) for forms in (words, endings) if forms)


def _subjects(
    data: dict[str, object], between: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """A determiner that shows a gender (`subject_genders`: "Twoja"), a noun, a copula
    (`copulas`: "jest"), after "nie" if it is denied, one of the words allowed between,
    if any, and a lower-case word before one of the endings that disagree with the
    gender (`disagreeing_endings`): "Twoja organizacja jest zarejestrowane". One search."""
    genders, endings, copulas = (
        data.get(key) for key in ("subject_genders", "disagreeing_endings", "copulas")
    )
    if not (isinstance(genders, dict) and isinstance(endings, dict) and copulas):
        return ()
    gap = f"(?:(?:{'|'.join(map(re.escape, between))}) )?" if between else ""
    verb = rf"(?:nie )?(?:{'|'.join(map(re.escape, _strings(copulas)))})"
    forms = []
    for gender, determiners in genders.items():
        listed = "|".join(map(re.escape, _strings(endings.get(gender))))
        if listed:
            heads = "|".join(map(re.escape, _strings(determiners)))
            forms.append(
                rf"(?:{heads}) {_LOWER}{{3,}} {verb} {gap}{_LOWER}{{2,}}(?:{listed})(?![\w-])"
            )
    if not forms:
        return ()
    # most texts hold no copula between spaces: no search (it starts with no literal)
    quick = tuple(f" {copula} " for copula in _strings(copulas))
    return ((quick, re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})")),)


#: A lower-case letter (of the Latin-script locales that read `_pairs`).
_LOWER = r"[^\W\d_A-ZĄĆĘŁŃÓŚŹŻ]"


def _singular(numbered: object, prepositions: object) -> frozenset[str]:
    """The singular articles, less those spelled as a preposition (Spanish "a")."""
    if not isinstance(numbered, dict):
        return frozenset()
    aside = set(_strings(prepositions))
    return frozenset(_strings(numbered.get("singular"))) - aside


def _name_then(verbs: object) -> re.Pattern[str] | None:
    """A name (capitalised words and numbers), one of the verbs, and the word after it."""
    listed = "|".join(map(re.escape, _strings(verbs)))
    if not listed:
        return None
    return re.compile(
        rf"(?:\d+\. )?(?P<name>[A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*)*) (?P<verb>{listed})"
        r"(?![\w-])(?: (?P<next>[^\W\d_]+))?"
    )


def _marked_end(marker: str) -> re.Pattern[str] | None:
    """The marker and an infinitive (a lower-case word ending in n) that end a text."""
    if not marker:
        return None
    return re.compile(rf"(?<![\w-]){re.escape(marker)} [^\W\d_A-ZÄÖÜ]+n\Z")


def _strings(words: object) -> tuple[str, ...]:
    return tuple(map(str, words)) if isinstance(words, list) else ()


def _words(words: object) -> re.Pattern[str] | None:
    """A capitalised word of the list after a word in lower case and one space, followed
    by a space and a letter: inside a sentence, and no UI value ("Ein/Aus")."""
    if not isinstance(words, list) or not words:
        return None
    alternatives = "|".join(map(re.escape, sorted(map(str, words), key=len, reverse=True)))
    return re.compile(rf" (?:{alternatives}) (?=[^\W\d_])")


def _before(articles: object, names: object) -> re.Pattern[str] | None:
    if not isinstance(articles, list) or not isinstance(names, list) or not articles:
        return None
    first = "|".join(map(re.escape, map(str, articles)))
    second = "|".join(map(re.escape, map(str, names)))
    return re.compile(rf"(?<![\w'’-])(?i:{first}) (?:{second})(?![\w-])")


#: A locale without grammar data; built once, not per message (a Grammar costs much to build).
_NO_GRAMMAR = Grammar()


def check_grammar(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    """Broken grammar of machine translation that the translation's form shows (see the
    module's doc); one finding per message, the first rule that finds one."""
    if not _has_grammar(ctx.locale):
        return
    own = grammar(ctx.locale)
    for source, text in entry.pairs:
        found = next(_broken(own, entry, ctx, source, text), None)
        if found:
            yield found
            return


@functools.cache
def _has_grammar(locale: str | None) -> bool:
    """Grammar data for a locale other than English: settled once, not a comparison of
    every field of two Grammars per message."""
    return grammar(locale) != _NO_GRAMMAR and not (locale or "en").startswith("en")


def _broken(
    own: Grammar, entry: Entry, ctx: MessageContext, source: str, text: str
) -> Iterator[str]:
    if own.capitalised_inside is not None:
        found = _capital_inside(own.capitalised_inside, source, text)
        if found:
            yield (
                f"{found!r} capitalised inside a sentence: a sentence start machine "
                "translation left, or a label that lost its bold or quotes"
            )
    seen = _visible(entry, ctx, text)
    english = _visible(entry, ctx, source)
    if own.separable:
        found = _zu_before(own, seen)
        if found:
            yield (
                f"{own.infinitive_marker} {found!r}: a separable verb takes its "
                f"{own.infinitive_marker!r} inside ({own.separable[found]!r})"
            )
    if own.singular_before_plural is not None and _holds(seen, own.plural_names):
        match = own.singular_before_plural.search(seen)
        if match:
            yield f"{match.group()!r}: a singular article before a plural name"
    if own.indefinite_before_name is not None and _holds(seen, own.bare_names):
        match = own.indefinite_before_name.search(seen)
        if match:
            yield (
                f"{match.group()!r}: an indefinite article before a name, the English word "
                "order ('a Partner Center program') left"
            )
    if own.glued_words:
        found = _glued(english, _prose(text))
        if found:
            yield f"{found!r}: two words glued together, a space lost"
    if own.lower_case_noun is not None:
        found = _lower_noun(own.lower_case_noun, own.not_nouns, english, _prose(text))
        if found:
            yield f"{found!r} in lower case: a noun, which the locale writes with a capital"
    if own.hanging_hyphen is not None and "- " in seen:
        match = own.hanging_hyphen.search(seen)
        if match and not _ENGLISH_DASH.search(english):
            yield (
                f"{match.group()!r}: a word part left hanging by its hyphen with no 'and' "
                "or 'or' after it"
            )
    if own.infinitive_clitic is not None:
        match = own.infinitive_clitic.search(seen)
        if match:
            yield (
                f"{match.group()!r}: a pronoun after an infinitive drops its r and takes "
                "an l (tornar-o: torná-lo)"
            )
    if own.final_preposition is not None:
        found = _stranded(own.final_preposition, _prose(text))
        if found:
            yield (
                f"{found!r}: a sentence that ends with a preposition, the English order of "
                "a stranded one ('to work on.') left"
            )
    if own.split_word is not None and _holds(seen, own.split_forms):
        match = own.split_word.search(seen)
        if match:
            yield (
                f"{match.group()!r}: a word cut in two by a space inside its ending "
                f"({match.group().replace(' ', '')!r})"
            )
    if own.bare_name_verb is not None:
        found = _bare_name(own.bare_name_verb, english, _prose(text))
        if found:
            yield (
                f"{found!r}: a name right before its verb, with no particle between them "
                "(을/를, 에, 에서 lost)"
            )
    if own.oblique_after_name is not None:
        found = _name_then_case(own.oblique_after_name, own.oblique_endings, english, seen)
        if found:
            yield (
                f"{found!r}: a name opens the sentence and a word in an oblique case follows "
                "it, the English order ('Contoso report') left: the noun goes first"
            )
    if own.name_plural_verb is not None:
        found = _name_plural(own.name_plural_verb, own.subject_pronouns, english, seen)
        if found:
            yield (
                f"{found!r}: a name in the singular opens the sentence with a verb in the "
                "plural (the English's noun after the name lost, or the verb's number wrong)"
            )
    if own.marked_title is not None:
        found = _marked_title(own.marked_title, own.marker_governors, english, seen)
        if found:
            yield (
                f"{found!r} ends a title: a title names its action with the bare infinitive; "
                "the word that takes this infinitive (the English 'to', 'by') is lost"
            )
    if own.singular_articles:
        found = _singular_acronym(own.singular_articles, english, seen)
        if found:
            yield (
                f"{found!r}: an article of the singular before an acronym the English writes "
                "in the plural"
            )
    if own.disagreeing_pairs:
        found = _disagreeing(own.disagreeing_pairs, seen)
        if found:
            yield (
                f"{found!r}: the second word's ending shows another gender or number "
                "than the first's, which it agrees with"
            )
    if own.plain_end is not None:
        match = own.plain_end.search(seen)
        if match:
            start = max(0, match.start() - 6)
            yield (
                f"{seen[start : match.end()]!r}: a sentence ends in the plain form amid polite "
                "prose (a tense or a request lost)"
            )
    if own.colloquial is not None:
        plain = seen
        for word in own.colloquial_aside:
            plain = plain.replace(word, "")
        match = own.colloquial.search(plain)
        if match:
            start = max(0, match.start() - 4)
            yield (
                f"{plain[start : match.end()]!r}: a spoken contraction in written prose "
                "(a sound dropped: 切れてた for 切れていた)"
            )
    if own.cut_starts:
        found = _cut_start(own.cut_starts, english, seen)
        if found:
            yield (
                f"a sentence starts with {found!r}: a clause cut from the sentence it belongs to"
            )


#: What may stand before a sentence's first word: a list item's marker, markup, a quote
#: of Markdown, a table's bar, a link's bracket.
_LEAD = re.compile(r"\s*(?:[-*+] |\d+\. )?[\s*_\[>#|]*")
#: The characters `_LEAD` may start with.
_LEAD_MARKS = frozenset(" \t\n-*+>#_[|0123456789")
#: The first word: letters, then word characters, apostrophes and hyphens.
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def lower_start(source: str, text: str) -> str | None:
    """The translation's first word where it is in lower case and the English's first
    word is capitalised, the English has two words or more (no one-word value) and neither
    is a list item that a semicolon or comma continues (French writes those in lower case;
    "Confirm digitally or," is a fragment of the next line's sentence). A word with a
    capital or a digit inside (eDiscovery, iOS, x64) or one the English holds itself (a
    value, a command kept) is a name or code, not a sentence start."""
    if not text[:1].islower() and text[:1] not in _LEAD_MARKS:
        return None  # most texts: a capital, a digit or code first, read without a search
    start = _LEAD.match(text).end()  # type: ignore[union-attr]  # matches the empty string
    if not text[start : start + 1].islower():
        return None  # most texts: a capital, a digit, code or markup first
    english = source[_LEAD.match(source).end() :]  # type: ignore[union-attr]
    if not (english[:1].isupper() and english[1:2].islower()) or " " not in english.strip():
        return None
    word = _FIRST_WORD.match(text, start)
    if word is None or any(t.rstrip(" *_").endswith((";", ",")) for t in (text, source)):
        return None
    first = word.group()
    if not first.islower() or any(c.isdigit() for c in first):
        return None
    if re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", source):
        return None
    return first


def _bare_name(search: re.Pattern[str], source: str, prose: str) -> str | None:
    """The first name and verb of the raw translation (bold or a link's bracket between
    them is markup, not prose) whose name the English holds: a name kept, not a word the
    translation wrote in Latin letters."""
    folded = source.casefold()
    for match in search.finditer(prose):
        if match.group("name").casefold() in folded:
            return match.group()
    return None


#: An acronym's English plural ("RIs", "APIs"): capitals and a lower-case s, a whole word.
_PLURAL_ACRONYM = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]+s(?![\w-])")


def _singular_acronym(articles: frozenset[str], source: str, seen: str) -> str | None:
    """The first article of the singular right before an acronym's plural that the English
    holds as written (the locale keeps the English plural: "os RIs")."""
    if _PLURAL_ACRONYM.search(source) is None:
        return None  # most texts: no acronym's plural in the English at all
    for match in _PLURAL_ACRONYM.finditer(seen):
        before = seen[: match.start()]
        if not before.endswith(" "):
            continue
        article = before[:-1].rsplit(" ", 1)[-1]
        if article in articles and re.search(rf"(?<![\w-]){match.group()}(?![\w-])", source):
            return f"{article} {match.group()}"
    return None


#: Where a sentence starts inside a text: after a stop or a colon and a space.
_SENTENCE_STARTS = re.compile(r"[.!?:] (?=[A-Z\d])")
#: What shows a sentence inside a text: a quick test before the search for its start.
_STOPS = (". ", ": ", "? ", "! ")


def _kept_before(match: re.Match[str], endings: tuple[str, ...], source: str) -> bool:
    """A quick test: the word ends with one of the endings and the English holds the name
    with a space after it (most sentence starts are the locale's words: "Po zakończeniu")."""
    return match.group("word").endswith(endings) and f"{match.group('name')} " in source


def _name_then_case(
    search: re.Pattern[str], endings: tuple[str, ...], source: str, seen: str
) -> str | None:
    """The first name and word where a sentence starts (the text's start, or after a stop
    or a colon) whose word ends with one of the endings and whose name the English holds
    before a lower-case content word (its noun: "Contoso report", no "Contoso is"), where
    the word is no word of the English (a value or term kept)."""
    first = search.match(seen) if seen[:1].isupper() or seen[:1].isdigit() else None
    found = [first] if first and _kept_before(first, endings, source) else []
    if any(map(seen.__contains__, _STOPS)):  # in C: no generator frame per stop
        for stop in _SENTENCE_STARTS.finditer(seen):
            match = search.match(seen, stop.end())
            if match and _kept_before(match, endings, source):
                found.append(match)
    if not found:
        return None  # most texts: no name and case word where a sentence starts
    english = conventions("en").function_words
    words = set(_WORD.findall(source.casefold()))
    for match in found:
        name, word = match.group("name", "word")
        if word.casefold() in words:
            continue
        for after in re.finditer(rf"(?<![\w-]){re.escape(name)} ([^\W\d_]+)", source):
            if after.group(1).islower() and after.group(1) not in english:
                return f"{name} {word}"
    return None


def _disagreeing(
    searches: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...], seen: str
) -> str | None:
    """The first pair of the text whose second word disagrees with the first, from the
    first's word start (an ending's search starts inside its word)."""
    for quick, search in searches:
        if quick and not _holds(seen, quick):
            continue
        match = search.search(seen)
        if match:
            start = match.start()
            while start and seen[start - 1].isalpha():
                start -= 1
            return seen[start : match.end()]
    return None


def _name_plural(
    search: re.Pattern[str], pronouns: frozenset[str], source: str, seen: str
) -> str | None:
    """The first name and verb where a sentence starts whose name the English holds as
    written, no English plural ("Microsoft Teams") and no ordinary word (two words or
    more, or a capital or digit inside: "Azure CSP", "User-Based"), and whose verb no
    subject pronoun follows (the name fronted as an object: "Contoso können Sie")."""
    first = search.match(seen) if seen[:1].isupper() or seen[:1].isdigit() else None
    found = [first] if first else []
    if any(map(seen.__contains__, _STOPS)):
        found += filter(
            None, (search.match(seen, m.end()) for m in _SENTENCE_STARTS.finditer(seen))
        )
    for match in found:
        name, verb, after = match.group("name", "verb", "next")
        if (
            f"{name} " in source
            and not name.endswith("s")
            and (" " in name or _INSIDE_CAPITAL.search(name))
            and (after or "").casefold() not in pronouns
        ):
            return f"{name} {verb}"
    return None


#: A capital or a digit after a name's first character: no ordinary word.
_INSIDE_CAPITAL = re.compile(r".[A-Z0-9]")


def _stranded(search: re.Pattern[str], prose: str) -> str | None:
    """The word and the preposition that end a sentence of the raw prose (a bold label or a
    link's text that ends so is a name: its mark stands before the stop), where the word
    before is in lower case: after a capital the preposition belongs to a name turned
    round ("Korea, Republic of" as "Corea, República de.")."""
    if "." not in prose and "?" not in prose and "!" not in prose:
        return None
    for match in search.finditer(prose):
        before = prose[: match.start()].rsplit(" ", 1)[-1]
        if before[:1].islower() and before.isalpha():
            return f"{before} {match.group()[1:-1]}"
    return None


def _holds(text: str, names: tuple[str, ...]) -> bool:
    """Whether the text holds one of the names at all: a quick test before the search."""
    return any(map(text.__contains__, names))  # in C: no generator frame per name


#: Inline code: a literal, never grammar.
_CODE = re.compile(r"`[^`\n]*`")
#: A link's target: an address, never grammar.
_TARGET = re.compile(r"\]\([^)\s]*\)")


def _prose(text: str) -> str:
    """The raw translation without code spans and link targets: the words and the markup
    between them (which a reader's text would lose). Most texts hold neither: no search."""
    if "`" not in text and "](" not in text:
        return text
    return _TARGET.sub("]", _CODE.sub("``", text))


def _capital_inside(pattern: re.Pattern[str], source: str, text: str) -> str | None:
    """The first listed word capitalised after a lower-case word of the raw translation
    (markup between them means a label: bold, a link, quotes), unless the English does
    the same (a title-cased source) or holds the word itself (a name kept: "Premium Per
    User" as "Premium Per utente")."""
    plain = _CODE.sub("``", text)
    for match in pattern.finditer(plain):
        if match.start() == 0 or not plain[match.start() - 1].islower():
            continue
        if re.search(rf"(?<![\w-]){re.escape(match.group().strip())}(?![\w-])", source):
            continue
        english = grammar("en").capitalised_inside
        if english is not None and _lower_before(english, _CODE.sub("``", source)):
            return None
        return match.group().strip()
    return None


def _lower_before(pattern: re.Pattern[str], text: str) -> bool:
    return any(m.start() and text[m.start() - 1].islower() for m in pattern.finditer(text))


def _lower_noun(
    pattern: re.Pattern[str], not_nouns: frozenset[str], source: str, seen: str
) -> str | None:
    """The first lower-case noun of the translation that the English does not hold (an
    English word, a value or a name kept as the source writes it)."""
    folded = source.casefold()
    for match in pattern.finditer(seen):
        if match.group() not in not_nouns and match.group().casefold() not in folded:
            return match.group()
    return None


#: A lower-case word of two letters or more, then a capitalised one, no space between;
#: not part of a path, an address or a code name.
_GLUED = re.compile(
    r"(?<![\w\-/.#@_])[^\W\d_A-ZÀ-ÖØ-Þ]{2,}[A-ZÀ-ÖØ-Þ][^\W\d_A-ZÀ-ÖØ-Þ]{2,}(?![\w\-/.@_])"
)


#: A quick test every glued pair of the Latin-script locales passes (Latin Extended-A,
#: ą to ž, mixes both cases: a superset is enough); its classes are cheaper than `_GLUED`'s.
_CASE_TURN = re.compile(r"[a-zß-ÿĀ-ž][A-ZÀ-ÞĀ-ž]")


def _glued(source: str, seen: str) -> str | None:
    """Two words the translation glued together that the English does not write so
    (iPhone, eBay and code names are the source's too)."""
    if not _CASE_TURN.search(seen):
        return None  # most texts: no lower-case letter before a capital at all
    folded = source.casefold()
    for match in _GLUED.finditer(seen):
        if match.group().casefold() not in folded and not _name_inflected(match.group(), source):
            return match.group()
    return None


#: A name of the source with a capital inside it ("PayPal", "LinkedIn").
_CAMEL = re.compile(r"[^\W\d_]*[a-zß-ÿ][A-ZÀ-Þ][^\W\d_]*")
#: The longest ending a locale puts on a name ("PayPals", "LinkedIns", "PayPalu").
_ENDING = 3


def _name_inflected(glued: str, source: str) -> bool:
    """A camel-case name of the source with an ending, its first letter lower-cased
    ("payPals" for PayPal's): one word of the name, no two words glued."""
    folded = glued.casefold()
    return any(
        folded.startswith(name.casefold()) and len(folded) - len(name) <= _ENDING
        for name in _CAMEL.findall(source)
    )


def _zu_before(own: Grammar, seen: str) -> str | None:
    marker = f"{own.infinitive_marker} "
    start = seen.find(marker)
    while start >= 0:
        if start == 0 or not seen[start - 1].isalnum():
            word = _WORD.match(seen, start + len(marker))
            if word and word.group() in own.separable:
                return word.group()
        start = seen.find(marker, start + 1)
    return None


_WORD = re.compile(r"\w+")
#: How a sentence (no title) ends, or a line that goes on in the next one.
_CLOSED = re.compile(r"[.:;!?,)\]]\Z")


def _marked_title(
    search: re.Pattern[str], governors: frozenset[str], source: str, seen: str
) -> str | None:
    """The marker and infinitive that end a one-line title (neither side ends as a
    sentence does) where no word of the translation governs the marker and the English
    holds no "to" (a title that is an infinitive clause: "To confirm", "Om te bevestigen")."""
    text, english = seen.strip(), source.strip()
    if not text.endswith("n") or "\n" in text or _CLOSED.search(english):
        return None  # most messages: a sentence, or no infinitive at the end
        return None
    match = search.search(text, max(0, text.rfind(" ", 0, text.rfind(" ")) - 1))
    if match is None or "to" in _WORD.findall(english.casefold()):
        return None
    before = _WORD.findall(text[: match.start()].casefold())
    if not before or governors.intersection(before):
        return None
    return match.group()


def _cut_start(forms: tuple[str, ...], source: str, seen: str) -> str | None:
    """A form that starts the translation or one of its sentences, where the English
    starts with a capital letter (a whole sentence, not a fragment of one)."""
    english = source.lstrip(" *_[")
    if not english[:1].isupper():
        return None
    for sentence in re.split(r"(?<=[。！？])", seen):
        head = sentence.lstrip(" *_[「")
        for form in forms:
            if head.startswith(form):
                return form
    return None


def _visible(entry: Entry, ctx: MessageContext, text: str) -> str:
    """The text a reader sees: markup and link targets aside."""
    return marked(entry, ctx.md, text).text if ctx.md is not None else text
