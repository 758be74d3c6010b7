"""Compounds split in two words: machine translation copies English spacing ("customer
account") into languages that write a compound noun as one word (de, nl, sv).

Two words are reported only with evidence from the same page or catalog, never from a
dictionary: the page writes them as one word elsewhere (closed, with one of the locale's
linking letters, or with a hyphen), or the first word ends a name of the source
("Microsoft Azure") and the second is a noun the page joins to a name with a hyphen
("Azure-reservationer"). Or the source's noun phrase is a determiner, a name and its noun
("the Contoso portal") and the translation writes the name and a noun apart: the English
noun kept, a noun by the locale's endings or articles, or any capitalised word in German
("Contoso portal" for "Contoso-portal"). Names kept in English, code, adjectives and a
genitive are left alone.

Also: two nouns side by side in Dutch or Swedish, the first with an ending only nouns have
and the second a noun by the page's other forms ("validatie mogelijkheid"); a hyphen cut
from the word it joins ("Cloud Solution Provider -Programm"); and a Korean word written in
its syllables where the page writes it as one ("테 넌 트" beside "테넌트").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from anyascii import anyascii

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .words import function_words

__all__ = ["check_compounds"]

#: A word: letters, digits and inner hyphens ("Azure-reservationer" is one word).
_WORD = re.compile(r"[^\W_](?:[\w]|-(?=\w))*")
#: What no word pair may span: code, link targets, HTML tags, line breaks, and the edge of
#: bold or italic ("Menü Partner Center **Vorteile**": a label beside a name).
_CUT = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|<[^<>\n]*>|\n|\*+")
_CODE = re.compile(r"[a-z][A-Z]|\d|_")
#: The shortest part of a compound considered: shorter words are too often others'
#: endings ("bevat ten" is no "bevatten").
_PART = 3
#: How much an adjective of the source and its cognate in the translation may differ in
#: length ("direct", "directe").
_COGNATE_SLACK = 3
_COGNATE_STEM = 4


@dataclass
class _Page:
    """The words of one page or catalog: every one-word form and where it first is, and the
    heads of its hyphenated words ("-reservationer")."""

    #: folded -> (as first written, its line)
    words: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    heads: dict[str, int | None] = field(default_factory=dict)
    #: Words written after an article only a noun follows ("en prenumeration"), folded.
    nouns: set[str] = field(default_factory=set)
    #: Each one-word form without one of the locale's noun endings ("prislist" of
    #: "prislistor") -> as first written, its line: the compound in another form.
    stems: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def add(self, word: str, line: int | None, rules: _Rules) -> None:
        folded = word.casefold()
        if folded not in self.words:
            self.words[folded] = (word, line)
            for stem in _stems(folded, rules, 2 * _PART):  # a compound: two parts
                self.stems.setdefault(stem, (word, line))
        if "-" in word:
            head = folded.rsplit("-", 1)[1]
            self.heads.setdefault(head, line)


def _text(text: str) -> str:
    """The visible words of a message, with code, link targets, tags and emphasis marks
    as breaks."""
    return _CUT.sub("\n", text)


def check_compounds(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """Two words the page writes as one elsewhere, or a name and a noun the page joins to
    a name with a hyphen: each use, with the line of the evidence."""
    data = conventions(ctx.locale)
    if data.standalone_syllables:
        yield from _syllables(entries, data.standalone_syllables, data.syllable_words)
    if data.detached_particles is not None:
        yield from _detached_particles(entries, data.detached_particles)
    if not data.compounds:
        return
    page = _Page()
    rules = _Rules.of(ctx.locale)
    for entry in entries:
        for _, text in entry.pairs:
            plain = _text(text)
            for match in _WORD.finditer(plain):
                page.add(match.group(), entry.line, rules)
            if rules.after_article is not None:
                page.nouns.update(w.casefold() for w in rules.after_article.findall(plain))
    for entry in entries:
        seen: set[str] = set()
        for source, text in entry.pairs:
            for message in (
                *_split(source, text, page, rules),
                *_bound(source, text, rules),
                *_linked(source, text, rules),
                *_detached(source, text, rules),
                *_two_nouns(source, text, page, rules),
            ):
                if message not in seen:
                    seen.add(message)
                    yield entry, message
            if rules.determined_name is None or not rules.determined_name.search(source):
                continue  # the usual case, settled by one search: no "the Contoso"
            for pair, message in _name_noun(source, text, page, rules, ctx):
                if not any(pair in said for said in seen):  # `_split` named it already
                    seen.add(message)
                    yield entry, message


#: One Hangul syllable, then one or more more, each a word of its own ("테 넌 트").
_SYLLABLE_RUN = re.compile(
    r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3](?: [\uac00-\ud7a3])+(?![\uac00-\ud7a3])"
)
_SYLLABLE_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
#: The longest run of syllables looked up: a word's starts up to this length are kept.
_LONGEST_RUN = 8


def _syllables(
    entries: list[Entry], standalone: frozenset[str], known: frozenset[str]
) -> Iterator[tuple[Entry, str]]:
    """A word written in its syllables, a space between each ("테 넌 트", "에 대 한"), where
    the page writes those syllables as one word, or the start of one, elsewhere ("테넌트",
    "대한"), or the run holds a word the locale data knows split so (`known`: "대 한").
    A run of syllables each a word of its own ("후 이", after + this) is left alone: the
    page's word may be another."""
    runs = [
        (entry, run.split(" "))
        for entry in entries
        for _, text in entry.pairs
        if " " in text
        for run in _SYLLABLE_RUN.findall(_text(text))
    ]
    runs = [(entry, run) for entry, run in runs if not standalone.issuperset(run)]
    if not runs:
        return  # the usual case: no such run on the page
    starts: dict[str, int | None] = {}
    for entry in entries:
        for _, text in entry.pairs:
            for word in _SYLLABLE_WORD.findall(_text(text)):
                for end in range(2, min(len(word), _LONGEST_RUN) + 1):
                    starts.setdefault(word[:end], entry.line)
    said: set[tuple[int, str]] = set()
    for entry, run in runs:
        joined = "".join(run)
        if joined in starts and (id(entry), joined) not in said:
            said.add((id(entry), joined))
            yield (
                entry,
                f"'{' '.join(run)}': one word written in its syllables, which the page "
                f"writes '{joined}' (line {starts[joined]})",
            )
    for entry, run in runs:  # the page's evidence first, then the locale data's
        spaced = f" {' '.join(run)} "
        word = next((w for w in sorted(known) if f" {' '.join(w)} " in spaced), "")
        if word and (id(entry), word) not in said:
            said.add((id(entry), word))
            yield (
                entry,
                f"'{' '.join(word)}': one word written in its syllables, which the locale "
                f"writes '{word}'",
            )


def _detached_particles(
    entries: list[Entry], particles: re.Pattern[str]
) -> Iterator[tuple[Entry, str]]:
    """A case particle standing as a word of its own after the end of bold, italic or a
    link ("**구입** 을 선택합니다", "[요청](x) 을"): the page's label with its particle is one
    word ("**구입**을"); machine translation left the space its markup needed. Not after bold
    that ends with a mark ("**설정(S)** 을"), which CommonMark closes only before a space."""
    for entry in entries:
        for _, text in entry.pairs:
            if "* " not in text and ") " not in text:
                continue  # the usual case: no span's end before a space
            for match in particles.finditer(text):
                yield (
                    entry,
                    f"{match.group()!r}: the particle {match.group('particle')!r} cut by a "
                    "space from the label it follows, one word with it",
                )
                break


@dataclass(frozen=True)
class _Rules:
    links: tuple[str, ...]
    skip: frozenset[str]  # function words of both languages and verb particles
    adjective: re.Pattern[str] | None
    english_adjective: re.Pattern[str] | None
    #: German capitalises nouns: the joined form must be written as one.
    nouns_capitalised: bool
    #: Titles end in their verb (Dutch "Uw abonnement beheren"): a word after a name in a
    #: title may be a verb.
    verb_final_titles: bool
    #: The endings only nouns have (Dutch "-ing", "-heid"), case folded.
    noun: re.Pattern[str] | None
    #: Endings that are never a word of their own (Dutch "baarheid"), case folded.
    bound: frozenset[str]
    #: Any of them as a word: the cheap test before the words are walked.
    bound_word: re.Pattern[str] | None
    #: A first part's ending with its linking letter (Swedish "-nings"), case folded.
    linked: re.Pattern[str] | None
    #: The words after which a linked form may be a genitive (Swedish), folded.
    linked_genitive: frozenset[str]
    #: One such ending before a space and a letter anywhere: the cheap test first (the
    #: endings without their anchor, a superset of what `linked` then confirms).
    linked_pair: re.Pattern[str] | None

    #: The endings of the locale's nouns in their other forms (Swedish "-or", "-en"),
    #: folded, and the length of the longest.
    endings: frozenset[str]
    longest_ending: int
    #: The same endings for one `str.endswith`: most words end in none of them.
    ending_tuple: tuple[str, ...]
    #: The determiners of the source language, and the prepositions a noun phrase follows.
    determiners: frozenset[str]
    #: The determiners alone ("the", "your"), demonstratives aside: one after a word
    #: opens its object.
    articles: frozenset[str]
    #: A word after an article only a noun follows ("en prenumeration"), one search a text.
    after_article: re.Pattern[str] | None
    #: A determiner, then a capitalised word: the cheap test before `_name_noun` walks.
    determined_name: re.Pattern[str] | None
    #: The words before which a hyphen opens a word ("und -Dienste"), folded.
    hyphen_joins: frozenset[str]
    #: The endings of a noun's definite forms (Swedish "-en", "-erna"), folded.
    definite: tuple[str, ...]
    #: A present participle's endings, which verbal nouns share (Swedish "-ande").
    participles: tuple[str, ...]
    #: Nouns of measure that take a bare noun after them (Dutch "hoeveelheid"), folded.
    measure: frozenset[str]
    #: A form only verbs have (Swedish passive "räknas").
    verb: re.Pattern[str] | None
    #: Verbs that take two objects ("ge", "geven", "geben"), folded: two nouns after one
    #: are its two objects ("ge kunder möjlighet"), no compound split.
    two_objects: frozenset[str]
    #: A word in lower case with a noun's ending, a space, and the next word in lower
    #: case (`_two_nouns`'s pairs, found by one search).
    noun_pair: re.Pattern[str] | None

    @staticmethod
    @functools.cache
    def of(locale: str | None) -> _Rules:
        data, english = conventions(locale), conventions("en")
        return _Rules(
            endings=data.noun_endings,
            longest_ending=max(map(len, data.noun_endings), default=0),
            ending_tuple=tuple(sorted(data.noun_endings)),
            determiners=english.determiners | english.noun_prepositions,
            # "that" and "this" also open a clause after a noun ("pages that include")
            articles=english.determiners - {"that", "this", "these", "those", "no"},
            after_article=re.compile(
                rf"(?<![\w-])(?i:{'|'.join(sorted(data.noun_articles))}) ([^\W\d_]+)"
            )
            if data.noun_articles
            else None,
            determined_name=_determined_name(english.determiners | english.noun_prepositions),
            hyphen_joins=data.hyphen_joins,
            definite=data.definite_endings,
            participles=data.participle_endings,
            measure=data.measure_nouns,
            verb=data.verb_form,
            two_objects=frozenset(
                str(w).casefold() for w in locale_data(locale).get("two_object_verbs") or ()
            ),
            noun_pair=re.compile(
                rf"(?<![\w-])([^\W\d_A-Z\u00c0-\u00de][^\W\d_]*?"
                rf"(?:{data.noun_form.pattern.replace('$', '')})) "
                rf"(?=([^\W\d_A-Z\u00c0-\u00de](?:\w|-(?=\w))*))"
            )
            if data.noun_form
            else None,
            links=("", *data.compound_links),
            skip=function_words(locale) | function_words("en") | data.particles,
            adjective=data.adjective_form,
            english_adjective=english.adjective_form,
            nouns_capitalised=(locale or "").casefold().startswith("de"),
            verb_final_titles=data.verb_final_titles,
            noun=data.noun_form,
            bound=data.bound_endings,
            bound_word=re.compile(
                rf"(?<![\w-])(?:{'|'.join(sorted(map(re.escape, data.bound_endings)))})(?![\w-])",
                re.IGNORECASE,
            )
            if data.bound_endings
            else None,
            linked=data.linked_form,
            linked_genitive=data.linked_genitive,
            linked_pair=re.compile(
                rf"\w(?:{data.linked_form.pattern.replace('$', '')}) [^\W\d_]", re.IGNORECASE
            )
            if data.linked_form
            else None,
        )


def _split(source: str, text: str, page: _Page, rules: _Rules) -> Iterator[str]:
    english_text = _text(source)
    english = set(_WORD.findall(english_text))
    folded_english = {word.casefold() for word in english}
    plain = _text(text)
    words = list(_WORD.finditer(plain))
    for index in range(1, len(words)):
        first, second = words[index - 1], words[index]
        a, b = first.group(), second.group()
        if plain[first.end() : second.start()] != " " or not _candidates(
            a, b, folded_english, rules
        ):
            continue
        before = words[index - 2] if index > 1 else None
        before_word = before.group() if before else ""
        if plain[first.start() - 1 : first.start()] == "/" or (
            b[:1].isupper() and _name_goes_on(a, english_text)
        ):
            continue  # "Herausgeber/Entwickler Produkte"; "Microsoft Cloud Deutschland"
        if (
            rules.nouns_capitalised
            and b[:1].isupper()
            and _after_article(a, before_word, english, rules)
        ):
            continue  # "wenn ein Benutzer Qualifikationen erworben hat": two noun phrases
        if _two_objects(plain, first.start(), rules):
            continue  # "ge kunder möjlighet att": the verb's two objects, no compound
        joined = _joined(a, b, before_word, page, folded_english, rules)
        if joined is not None:
            form, line = joined
            yield (
                f"'{a} {b}' is one word elsewhere on the page ('{form}', line {line}): "
                "a compound split in two"
            )
        elif (
            before is not None
            and plain[before.end() : first.start()] == " "
            and _ends_name(before_word, a, english)
            and (rules.nouns_capitalised or b[:1].islower())
            and b.casefold() in page.heads
        ):
            yield (
                f"'{before_word} {a} {b}': a name and a noun, which the page joins with a "
                f"hyphen ('-{b}' on line {page.heads[b.casefold()]}): '{a}-{b}'"
            )
        elif (
            before is not None
            and plain[before.end() : first.start()] == " "
            and _name_end(before_word, a, english)
            and _noun_after_name(a, b, english_text, rules, page)
        ):
            yield (
                f"'{before_word} {a} {b}': a name and a noun of the locale, which it joins "
                f"with a hyphen: '{a}-{b}'"
            )


def _bound(source: str, text: str, rules: _Rules) -> Iterator[str]:
    """A word ending written as a word ("beschik baarheid", "hoge ighet"): a word the
    translation split, or cut. No dictionary: the locale's endings that never stand alone,
    and none of them a word of the source."""
    if rules.bound_word is None or not rules.bound_word.search(text):
        return  # the usual case, settled by one search
    english = {word.casefold() for word in _WORD.findall(source)}
    plain = _text(text)
    previous: re.Match[str] | None = None
    for match in _WORD.finditer(plain):
        word = match.group()
        folded = word.casefold()
        if folded in rules.bound and folded not in english:
            if previous is not None and plain[previous.end() : match.start()] == " ":
                yield (
                    f"'{previous.group()} {word}': '{word}' is an ending, never a word of its "
                    "own: one word split in two, or cut"
                )
            else:
                yield f"'{word}' is an ending, never a word of its own: a word cut or split"
        previous = match


def _linked(source: str, text: str, rules: _Rules) -> Iterator[str]:
    """A compound's first part, linking letter and all, then a noun ("betalnings villkor",
    "Abrechnungs Abschnitt"): no word of the locale ends so but a first part. The noun may
    be an English word of the source the locale shares ("fakturerings partner",
    "facturerings accounts"): the first part is the locale's, so no name kept in English.
    Not before an adjective, nor after a determiner or a number where any noun takes a
    genitive -s there (Swedish "en organisations behov"; German and Dutch have none so
    ending; after a preposition it is no genitive: "på utvecklings marknader")."""
    if rules.linked is None or rules.linked_pair is None or not rules.linked_pair.search(text):
        return
    english = {word.casefold() for word in _WORD.findall(source)}
    plain = _text(text)
    words = list(_WORD.finditer(plain))
    for index in range(1, len(words)):
        first, second = words[index - 1], words[index]
        a, b = first.group(), second.group()
        if plain[first.end() : second.start()] != " " or not rules.linked.search(a.casefold()):
            continue
        before = words[index - 2].group() if index > 1 else ""
        if (
            not _linked_noun(b, english, rules)
            or (index > 1 and not a[:1].islower() and not rules.nouns_capitalised)
            or not _candidates(a, b, english - {b.casefold()}, rules)
            or a.casefold() in english
            or _genitive_after(before, rules)
            or (rules.adjective is not None and rules.adjective.search(b.casefold()))
        ):
            continue
        yield f"'{a} {b}': '{a}' ends as the first part of a compound: one word split in two"


#: A word, a space, then a hyphen glued to a word ("Azure Marketplace -Gebühren"); the
#: word before may close bold, code or a bracket ("**PowerShell** -Skript"). It starts
#: after a space: a long word is read once, not from each of its letters.
_DETACHED = re.compile(r"(?<!\S)(\S*[\w*`)\]]) -([^\W\d_][\w-]*)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
#: A dash the English spaces (or a hyphen it leaves hanging): the translation may follow it.
_ENGLISH_DASH = re.compile(r"\w- | [-\u2013\u2014] ?|\u2014")


def _detached(source: str, text: str, rules: _Rules) -> Iterator[str]:
    """A hyphen written apart from the word before it and glued to the next ("Cloud
    Solution Provider -Programm", "**PowerShell** -Skript"): the compound's hyphen moved
    off its first part. Not after the locale's "and", "or" ("Produkte und -Dienste": the
    first part is left out), a comma or a slash, nor where the English has a spaced dash
    or the hyphenated word itself (a parameter, "-Force")."""
    if " -" not in text or not rules.hyphen_joins or _ENGLISH_DASH.search(source):
        return  # the usual case, settled by one search
    english = source.casefold()
    # code's letters as letters of one length: no hyphen inside code is read
    plain = _CODE_SPAN.sub(lambda code: f"`{'c' * (len(code.group()) - 2)}`", text)
    for match in _DETACHED.finditer(plain):
        before, word = match.group(1), match.group(2)
        last = before.strip("*`)]").rsplit("/", 1)[-1].casefold()
        if last in rules.hyphen_joins or f"-{word.casefold()}" in english:
            continue
        yield (
            f"'{text[match.start() : match.end()]}': a hyphen after a space, glued to the "
            f"word after it: '-{word}' is cut from the word it joins"
        )


def _genitive_after(before: str, rules: _Rules) -> bool:
    """A word after which the locale's linked form may be a genitive: an article, a
    determiner or a number (Swedish "en organisations behov", "3 organisations behov")."""
    if not rules.linked_genitive:
        return False
    return before.isdigit() or before.casefold() in rules.linked_genitive


def _linked_noun(word: str, english: set[str], rules: _Rules) -> bool:
    """What may follow a linked first part as its noun: a word in lower case (a noun of
    the locale, or of English), or in German a capitalised noun not of the source (an
    English name's word is capitalised too), or an English noun of the source kept."""
    if not rules.nouns_capitalised:
        return word[:1].islower()
    if word[:1].isupper():
        return word.casefold() not in english
    return word.casefold() in english


def _candidates(a: str, b: str, english: set[str], rules: _Rules) -> bool:
    """Two words that may be one compound: long enough, neither a function word, no
    code, and the second no English word of the source (a name kept in English)."""
    if len(a) < _PART or len(b) < _PART or "-" in b or b.isupper():
        return False  # an acronym after a name ("Partner Center API's") is kept as it is
    if a.casefold() in rules.skip or b.casefold() in rules.skip:
        return False
    if (_CODE.search(a) and not a.isdigit()) or _CODE.search(b):  # "Microsoft 365": a name
        return False
    return b.casefold() not in english


#: A source of at most this many words without a full stop is a title, a heading or a
#: cell: a noun phrase, where a word after a name is a noun, not the name's verb.
_TITLE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?:;。]\s*$")


def _name_end(before: str, word: str, english: set[str]) -> bool:
    """`before word` ends a name of the source of two words or more ("Microsoft 365",
    "Partner Center")."""
    return (
        before in english
        and word in english
        and before[:1].isupper()
        and (word[:1].isupper() or word.isdigit())
    )


def _noun_after_name(word: str, noun: str, english: str, rules: _Rules, page: _Page) -> bool:
    """A noun of the locale after a name: in German any capitalised word of the locale (it
    capitalises nouns, not verbs); in Dutch and Swedish a lower-case word that is no
    adjective and has a noun's ending (`noun_form`: "ondersteuning"), a form only nouns
    have elsewhere on the page (`definite_endings`, `noun_articles`), or, where titles do
    not end in their verb, any such word in a title or a cell (no verb of a sentence); and
    the source has a lower-case word after the name that is no English adjective ("Power
    BI usage") nor a verb before its object ("recognizes the")."""
    folded = noun.casefold()
    adjective = (
        rules.adjective is not None
        and bool(rules.adjective.search(folded))
        # a participle's ending, which a verbal noun shares: a noun where the page writes
        # it in a noun's other form ("erbjudanden", "erbjudandet"; "fristående" has none)
        and not (folded.endswith(rules.participles) and _definite_on_page(folded, page, rules))
    )
    if rules.nouns_capitalised:
        if not noun[:1].isupper() or adjective:
            return False
    elif not noun[:1].islower() or adjective:
        return False
    elif _page_noun(folded, page, rules) or _linked_compound(folded, page, rules):
        pass
    elif rules.noun is None or not rules.noun.search(folded):
        title = not _SENTENCE_END.search(english.strip()) and len(english.split()) <= _TITLE_WORDS
        if rules.verb_final_titles or not title:
            return False
    after = re.findall(rf"(?<![\w-]){re.escape(word)} +(\w+)(?: +(\w+))?", english)
    return bool(after) and all(
        w[:1].islower()
        and w.casefold() not in rules.skip
        and not (rules.english_adjective and rules.english_adjective.search(w))
        and next_word.casefold() not in rules.articles  # "Contoso recognizes the": a verb
        for w, next_word in after
    )


def _two_nouns(source: str, text: str, page: _Page, rules: _Rules) -> Iterator[str]:
    """Two nouns side by side in lower case, the first with an ending only nouns have
    (`noun_form`: "validatie mogelijkheid", "licentie vereisten"), the second a noun by the
    page's other forms (after "de", or definite: "de mogelijkheid", "licensen"): no phrase
    of the locale sets two bare nouns so but a compound split. Not a word of measure before
    its noun (`measure_nouns`: "hoeveelheid tijd"), an adjective or a participle, nor a
    word of the source (English kept)."""
    if rules.noun_pair is None or (not page.nouns and not rules.definite):
        return
    english: set[str] | None = None
    for match in rules.noun_pair.finditer(_text(text)):
        a, b = match.group(1), match.group(2)
        folded_a, folded_b = a.casefold(), b.casefold()
        if (
            folded_a in rules.measure
            or _definite_form(folded_a, rules)  # "fördelningen": no compound's first part
            or (rules.linked is not None and rules.linked.search(folded_b))  # `_linked`'s
            or (rules.adjective is not None and rules.adjective.search(folded_b))
            or not _page_noun(folded_b, page, rules)
        ):
            continue
        if _two_objects(match.string, match.start(1), rules):
            continue
        english = english if english is not None else {w.casefold() for w in _WORD.findall(source)}
        if _candidates(a, b, english, rules) and folded_a not in english:
            yield (
                f"'{a} {b}': two nouns side by side, the first with a noun's ending, which "
                f"the locale joins into one word ('{a}{b}'): a compound split in two"
            )


def _two_objects(plain: str, start: int, rules: _Rules) -> bool:
    """The word at `start` follows a verb that takes two objects, at most one function word
    between ("ge kunder möjlighet", "geef uw klanten toegang"): the first of two nouns is
    the verb's indirect object, the second its direct one."""
    if not rules.two_objects:
        return False
    words = [w.casefold() for w in _WORD.findall(plain[max(0, start - 40) : start])[-2:]]
    if words and words[-1] in rules.two_objects:
        return True
    return len(words) == 2 and words[0] in rules.two_objects and words[1] in rules.skip


def _definite_form(folded: str, rules: _Rules) -> bool:
    """A noun in a definite form ("fördelningen" of "fördelning"), which never starts a
    compound."""
    return rules.noun is not None and any(
        folded.endswith(end) and rules.noun.search(folded[: -len(end)]) for end in rules.definite
    )


def _linked_compound(folded: str, page: _Page, rules: _Rules) -> bool:
    """A closed compound whose first part ends with the locale's linking form and whose
    last part the page writes as a word of its own ("uitbetalings" + "overzicht"): a noun,
    as the compounds so joined are."""
    if rules.linked is None:
        return False
    return any(
        rules.linked.search(folded[:end]) and folded[end:] in page.words
        for end in range(2 * _PART, len(folded) - _PART)
    )


def _page_noun(folded: str, page: _Page, rules: _Rules) -> bool:
    """A noun by the page: written after an article only a noun follows, or in a noun's
    other forms; never a form only verbs have ("en räknas": "en" is "one" too)."""
    if rules.verb is not None and rules.verb.search(folded):
        return False
    return folded in page.nouns or _definite_on_page(folded, page, rules)


def _definite_on_page(folded: str, page: _Page, rules: _Rules) -> bool:
    """A noun by the page's other forms: the page writes the word itself in a definite
    form ("funktionerna" of "funktioner", "kontot" of "konto"), or its stem, without one of
    the locale's noun endings, after an article only a noun follows ("en licens" of
    "licenser", "en sida" of "sidan"). No verb is written so ("lagrar"); a verb's stem with
    a noun's ending is another word ("använd" + "arna"), so stems need the article."""
    if not rules.definite:
        return False
    if any(folded + end in page.words for end in rules.definite):
        return True
    stems = set(_stems(folded, rules))
    stems.update(folded[: -len(end)] for end in rules.definite if folded.endswith(end))
    return any(stem in page.nouns for stem in stems if len(stem) >= _PART)


def _name_goes_on(word: str, english: str) -> bool:
    """The source's name goes on after `word` with a capitalised word ("Microsoft Cloud
    Germany"): a capitalised next word of the translation translates a part of the name
    ("Deutschland"); a lower-case one is a noun of the locale all the same."""
    found = list(_next_words(word, english))
    return bool(found) and all(next_word[:1].isupper() for next_word in found)


_SPACED_WORD = re.compile(r" +(\w+)")


def _next_words(word: str, english: str) -> Iterator[str]:
    r"""The word after each use of `word` that starts a word of `english` and is followed by
    spaces and a word, uses that overlap no earlier one's next word: what a search for
    `(?<![\w-])word +(\w+)` finds, with no pattern compiled for each word (a word a call,
    thousands a page)."""
    start = english.find(word)
    while start >= 0:
        edge = english[start - 1 : start]  # what re's \w is: a letter, a digit or "_"
        after = _SPACED_WORD.match(english, start + len(word))
        if after is not None and not (edge.isalnum() or edge in ("_", "-")):
            yield after.group(1)
            start = english.find(word, after.end())
        else:
            start = english.find(word, start + 1)


def _after_article(word: str, before: str, english: set[str], rules: _Rules) -> bool:
    """A noun of the locale after an article or a number, before another capitalised
    noun: in German, as likely two noun phrases as one compound."""
    return word not in english and (before.isdigit() or before.casefold() in rules.skip)


def _joined(
    a: str, b: str, before: str, page: _Page, english: set[str], rules: _Rules
) -> tuple[str, int | None] | None:
    """The page's one-word form of `a b` and its line, if it has one that is no English
    word of the source (a name split, "micro soft", is the name checks')."""
    stems: list[str] | None = None
    for link in (*rules.links, "-"):
        form = f"{a}{link}{b}".casefold()
        found = page.words.get(form)
        if found is None and rules.endings:
            stems = _inflections(b, rules) if stems is None else stems
            found = _inflected(f"{a}{link}".casefold(), stems, page) if stems else None
        if found is None or form in english:
            continue
        if link == "-" and not a[:1].isupper():
            continue  # "privat eller inkognito-fönster": a hyphen joins more than nouns
        written, line = found
        if rules.nouns_capitalised and not written[:1].isupper():
            return None  # "bekannt geben", "zur Auszahlung berechtigt": no noun
        if not link and _genitive(a, before, rules):
            return None
        if link not in ("", "-") and (before.isdigit() or before.casefold() in rules.skip):
            return None  # "een gebruiker vaardigheden": two noun phrases, no linking letter
        if _adjective(a, english, rules):
            return None
        return written, line
    return None


def _determined_name(determiners: frozenset[str]) -> re.Pattern[str] | None:
    """A determiner, a space and a capital or a digit ("the Contoso"), searched from the
    capital: a plain scan for a capital, not a look-behind tried at every letter. A
    look-behind is of one width, so one a length of determiner."""
    if not determiners:
        return None
    by_length: dict[int, list[str]] = {}
    for word in sorted(determiners):
        by_length.setdefault(len(word), []).append(re.escape(word))
    behind = "|".join(
        rf"(?<=(?<![\w-])(?i:{'|'.join(words)}) .)" for _, words in sorted(by_length.items())
    )
    return re.compile(rf"[A-Z0-9](?:{behind})")


def _stems(folded: str, rules: _Rules, shortest: int = _PART) -> list[str]:
    """A folded word without each noun ending it has, `shortest` letters or more left
    ("listor" -> "list"): a slice and a set lookup per ending length."""
    if len(folded) <= shortest or not folded.endswith(rules.ending_tuple):
        return []
    return [
        folded[:-size]
        for size in range(1, rules.longest_ending + 1)
        if folded[-size:] in rules.endings and len(folded) - size >= shortest
    ]


def _inflections(b: str, rules: _Rules) -> list[str]:
    """`b` folded and its stems, for the page's compound in another form of its noun
    ("prislistan" for "pris listor"); none for a German word in lower case (a verb:
    "das Konto übergangen" beside "Kontoübergang")."""
    if not rules.endings or (rules.nouns_capitalised and not b[:1].isupper()):
        return []
    folded = b.casefold()
    return [folded, *_stems(folded, rules)]


def _inflected(first: str, stems: list[str], page: _Page) -> tuple[str, int | None] | None:
    """A one-word form of the page whose stem is `first` and one of `stems` (the first of
    them `b` itself, whose own form `_joined` looked up already)."""
    for index, stem in enumerate(stems):
        form = f"{first}{stem}"
        found = page.words.get(form) if index else None
        found = found or page.stems.get(form)
        if found is not None:
            return found
    return None


def _genitive(word: str, before: str, rules: _Rules) -> bool:
    """Two nouns that may be two noun phrases: a first word ending in `s` ("ditt
    företags konto", "12 månaders intäkter"), or in a linking letter after an article or
    a number ("des Kunden Geräte")."""
    if word.endswith("s"):
        return True
    after_article = before.isdigit() or before.casefold() in rules.skip
    return after_article and any(word.endswith(link) for link in rules.links if link)


def _adjective(word: str, english: set[str], rules: _Rules) -> bool:
    """An adjective before a noun ("directe factuur", "total betalning"): written as the
    locale writes adjectives, or a cognate of an adjective of the source."""
    folded = word.casefold()
    if rules.adjective is not None and rules.adjective.search(folded):
        return True
    if rules.english_adjective is None:
        return False
    stem = anyascii(folded)[:_COGNATE_STEM]
    return any(
        other.startswith(stem)
        and abs(len(other) - len(folded)) <= _COGNATE_SLACK
        and rules.english_adjective.search(other)
        for other in english
    )


def _ends_name(before: str, word: str, english: set[str]) -> bool:
    """`before word` is the end of a name of the source of two words or more, both
    capitalised (or codes) and kept: "Microsoft Azure", "Power BI"."""
    return (
        word in english
        and before in english
        and word[:1].isupper()
        and before[:1].isupper()
        and not _CODE.search(word)
    )


#: In the source: a word (a determiner, if `_Rules.determiners` has it), a name of
#: capitalised words and codes, and a lower-case word ("the Contoso 365 portal").
_NAME_PHRASE = re.compile(r"(?<![\w-])(\w+) ([A-Z][\w]*(?: [A-Z0-9][\w]*)*) ([a-z]+)(?![\w-])")
_NEXT_WORD = re.compile(r"\W*(\w+)")


def _name_noun(
    source: str, text: str, page: _Page, rules: _Rules, ctx: MessageContext
) -> Iterator[tuple[str, str]]:
    """A name and its noun written apart ("Contoso portal" for "Contoso-portal"), where
    the source's noun phrase is a determiner, the name and a noun ("the Contoso portal"):
    the translation keeps the name and writes a noun after it. The pair and the message.
    Its precondition, `_Rules.determined_name` on the source, is the caller's."""
    english, plain = _text(source), _text(text)
    capitalised: set[str] = set()
    words: set[str] = set()
    for match in _NAME_PHRASE.finditer(english):
        determiner, name, noun = match.groups()
        if (
            determiner.casefold() not in rules.determiners
            or name not in plain
            or not _english_noun(noun, rules)
            or not _a_name(name)
        ):
            continue
        if not words:  # the source's words, once a name of it is found in the translation
            found = _WORD.findall(english)
            words = {w.casefold() for w in found}
            capitalised = {w.casefold() for w in found if w[:1].isupper()}
        for before, word, end in _after_name(name, plain):
            if before.casefold() == determiner.casefold():
                continue  # "in the Contoso portal" kept: English left, not a compound
            if word.casefold() == noun:
                if not _kept_noun(word, plain, end, english, capitalised, page, rules):
                    continue
            elif _of_source(word, words) or not _locale_noun(word, capitalised, page, rules):
                continue  # part of a name ("Contoso Admin", "Contoso Co-Op-Plan")
            if len(word) >= _PART and word.casefold() not in rules.skip and not _CODE.search(word):
                yield (
                    f"{name.rsplit(' ', 1)[-1]} {word}",
                    f"'{name} {word}': a name and its noun ('{determiner} {name} {noun}' in "
                    f"the English), which the locale joins with a hyphen: '{name}-{word}'",
                )


#: A word after a name (hyphenated words whole), and the word before it.
_NEXT = re.compile(r" (\w+(?:-\w+)*)(?![\w/'’-])")
_BEFORE = re.compile(r"(\w+) $")


def _after_name(name: str, plain: str) -> Iterator[tuple[str, str, int]]:
    """Each place the translation writes `name` as words of their own, then a space and a
    word: the word before it (or ""), the word after it and where that word ends."""
    start = plain.find(name)
    while start != -1:
        edge = plain[start - 1 : start]
        after = _NEXT.match(plain, start + len(name))
        if after is not None and not (edge.isalnum() or edge in "-_"):
            before = _BEFORE.search(plain, max(0, start - 60), start)
            yield (before.group(1) if before else ""), after.group(1), after.end()
        start = plain.find(name, start + 1)


def _a_name(name: str) -> bool:
    """Two capitalised words or more ("Contoso Ledger"), or one that is no ordinary word
    capitalised: a code, an acronym, a capital inside ("ContosoHub"), or a brand."""
    return (
        " " in name
        or any(c.isupper() or c.isdigit() for c in name[1:])
        or name.casefold() in conventions("en").brands
    )


def _english_noun(word: str, rules: _Rules) -> bool:
    """A lower-case word after a name that may be its noun: no function word, adverb or
    adjective of English."""
    return (
        len(word) >= _PART
        and word not in rules.skip
        and not word.endswith("ly")
        and not (rules.english_adjective and rules.english_adjective.search(word))
    )


def _of_source(word: str, words: set[str]) -> bool:
    """The word, or its start up to a hyphen, is a word of the source ("Admin",
    "Co-Op-Plan" after "co-op"): a part of the name, not the locale's noun."""
    parts = word.casefold().split("-")
    return any("-".join(parts[:end]) in words for end in range(1, len(parts) + 1))


def _kept_noun(
    word: str,
    plain: str,
    end: int,
    english: str,
    capitalised: set[str],
    page: _Page,
    rules: _Rules,
) -> bool:
    """The source's noun kept after the name ("Contoso portal"), as a noun of the locale:
    in lower case where the locale writes nouns so; in German, a noun the page joins to
    another word with a hyphen ("-Portal"); nowhere a word the source capitalises (a part
    of a name: "Contoso Portal"), nor the start of an English phrase the translation
    keeps whole ("Contoso portal settings")."""
    folded = word.casefold()
    if folded in capitalised:
        return False
    if rules.nouns_capitalised and folded not in page.heads:
        return False
    if not rules.nouns_capitalised and not word[:1].islower():
        return False
    after = _NEXT_WORD.match(plain, end)
    return after is None or f"{word} {after.group(1)}".casefold() not in english.casefold()


def _locale_noun(word: str, capitalised: set[str], page: _Page, rules: _Rules) -> bool:
    """A noun of the locale: in German any capitalised word that is no word of a name of
    the source ("Contoso Ledger Portal" names the portal); elsewhere a lower-case word
    that is no adjective and has a noun's ending, that the page writes after an article
    only a noun follows ("en prenumeration"), or a compound joined by a linking form."""
    folded = word.casefold()
    if rules.adjective is not None and rules.adjective.search(folded):
        return False
    if rules.nouns_capitalised:
        return word[:1].isupper() and folded not in capitalised
    if not word[:1].islower():
        return False
    return (
        bool(rules.noun and rules.noun.search(folded))
        or folded in page.nouns
        or _linked_compound(folded, page, rules)
    )
