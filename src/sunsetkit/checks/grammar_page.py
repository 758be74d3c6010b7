"""Broken grammar that only the page shows (`grammar` over a whole page or catalog): the
page's own translations are the evidence of how the locale writes a word.

- A noun in lower case after its article or a preposition ("der anzahl") in a locale that
  capitalises nouns, where the page writes the same word capitalised inside a sentence at
  least as often as in lower case ("die Anzahl").
- A kept name between a determiner or a preposition and the noun the English put after it
  ("la Power Automate soluzione" for "the Power Automate solution"): the English order of
  a noun adjunct, where the locale puts the noun first. The word is a noun where the page
  writes it after a determiner no verb follows and before no content word ("una soluzione
  di", not "il relativo documento"), or right before the name ("la soluzione Contoso").
  The locale's own name of a glossary name counts as the name ("la Centro de partners
  cuenta" for "the Partner Center account").
- An article of one gender before a noun the page writes only with the other's ("la
  compte" where the page writes "le compte" three times and never "la compte").
- A polite form of address in lower case ("um ihre Daten" for "your data") on a page that
  addresses the reader so ("Sie"), where the English says "you" more often than the
  translation writes the form capitalised and holds no third person ("they", "it": the
  lower-case forms are those too).
- A message that starts in lower case where the English starts with a capital, unless it
  goes on with the message before it in its paragraph (the English before ends a sentence
  and its translation does not: machine translation joined the two).
- A Korean verb's ending after a space ("선택 합니다") where the page joins the same noun
  to a verb elsewhere ("선택하여").
- A sentence that opens with a verb the page writes as an imperative with its polite
  pronoun ("Wählen Sie") and holds no subject pronoun ("Wählen auf der Seite X den Partner
  aus."), or writes the pronoun in lower case ("Verwenden sie"): the pronoun lost.

Locale knowledge is the `grammar` key of locale_data (README.md there): `determiners`,
`prepositions`, `relative_pronouns`, `capitalised_nouns`, `formal_address` and
`informal_address` (de), `determiners`, `prepositions`, `noun_openers` and
`name_before_noun` (es, fr, it, pt-BR); `gendered_articles` (es, fr, it, pt-BR);
`sentence_capital` (the Latin-script locales); `joined_endings` and `joined_stems` (ko);
English's `second_person` and `third_person`."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .grammar import check_grammar, lower_start

__all__ = ["PageGrammar", "check_grammar_on_page", "page_grammar"]


@dataclass(frozen=True)
class PageGrammar:
    #: Articles (and their contractions with a preposition), possessives, demonstratives.
    determiners: frozenset[str] = frozenset()
    #: The locale writes every noun with a capital (German).
    capitalised_nouns: bool = False
    #: Determiners that also open a relative clause after a comma ("Partner, die melden").
    relative_pronouns: frozenset[str] = frozenset()
    #: The locale puts a noun before the name that qualifies it (Romance languages).
    name_before_noun: bool = False
    #: Determiners no verb follows (no clitic pronoun spelled so): a word after one is a noun.
    noun_openers: frozenset[str] = frozenset()
    #: Prepositions a noun phrase follows ("di", "mit"; German "zu" and "um" take a verb).
    prepositions: frozenset[str] = frozenset()
    #: A noun after a name takes a preposition ("di"), never bare: a content word before a
    #: name and a noun after it is the English order too ("utilizzo Office 365 licenze").
    content_word_before_name: bool = False
    #: The polite forms of address, capitalised anywhere ("Sie", "Ihre"); the familiar ones.
    formal_address: frozenset[str] = frozenset()
    informal_address: frozenset[str] = frozenset()
    #: The imperative with its polite pronoun ("Wählen Sie"): for an English with no "you".
    imperative_address: re.Pattern[str] | None = None
    #: Subject pronouns ("Sie", "wir", "man"): a sentence with one has its subject. Words
    #: after a verb in -en that make it a title's verbal noun ("Erstellen von"), and the
    #: endings of a genitive adjective after one ("Suchen wichtiger IDs").
    subject_pronouns: frozenset[str] = frozenset()
    nominal_after: frozenset[str] = frozenset()
    nominal_endings: tuple[str, ...] = ()
    #: English: the reader's pronouns ("you") and the third persons ("they", "it").
    second_person: frozenset[str] = frozenset()
    third_person: frozenset[str] = frozenset()
    #: Each article (and contraction) that shows one gender -> that gender.
    gendered_articles: tuple[tuple[str, str], ...] = ()
    #: The locale starts every sentence with a capital (`grammar.lower_start`).
    sentence_capital: bool = False
    #: A verb's endings written joined to its noun (Korean "선택합니다"): one after a space
    #: where the page joins the noun so (`joined_stems`: "선택하", "추가된") is the word cut.
    joined_endings: re.Pattern[str] | None = None
    joined_stems: tuple[str, ...] = ()
    #: Each article (and contraction) that shows one number -> "singular" or "plural".
    numbered_articles: tuple[tuple[str, str], ...] = ()
    #: How a singular's ending turns plural ("ão" -> "ões"; "" -> "s": an ending added).
    plural_endings: tuple[tuple[str, str], ...] = ()
    #: Each preposition -> the endings of the cases it governs (Polish "do" -> genitive):
    #: a word after a kept name in one of them is the preposition's noun ("do Contoso
    #: pliku"), no verb or adverb ("do Contoso ponownie").
    case_endings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: A word after a verb only ("się"): the word before it is no noun.
    verb_markers: frozenset[str] = frozenset()
    #: Each oblique adjective ending -> the endings of the cases it shows (Polish "-ego" ->
    #: genitive): a word after a kept name in one of them is the adjective's noun ("nowego
    #: Contoso konta"); words so ending that are no adjectives (adverbs: "dalej") aside.
    adjective_cases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    not_adjectives: frozenset[str] = frozenset()


@functools.cache
def page_grammar(locale: str | None) -> PageGrammar:
    data = locale_data(locale).get("grammar")
    if not isinstance(data, dict):
        return PageGrammar()
    return PageGrammar(
        determiners=_set(data.get("determiners")),
        capitalised_nouns=bool(data.get("capitalised_nouns")),
        relative_pronouns=_set(data.get("relative_pronouns")),
        name_before_noun=bool(data.get("name_before_noun")),
        noun_openers=_set(data.get("noun_openers")),
        prepositions=_set(data.get("prepositions")),
        content_word_before_name=bool(data.get("content_word_before_name")),
        formal_address=_set(data.get("formal_address")),
        informal_address=_set(data.get("informal_address")),
        imperative_address=re.compile(str(data["imperative_address"]))
        if data.get("imperative_address")
        else None,
        subject_pronouns=frozenset(w.casefold() for w in _set(data.get("subject_pronouns"))),
        nominal_after=_set(data.get("nominal_after")),
        nominal_endings=tuple(map(str, data.get("nominal_endings") or ())),
        second_person=_set(data.get("second_person")),
        third_person=_set(data.get("third_person")),
        gendered_articles=_genders(data.get("gendered_articles")),
        sentence_capital=bool(data.get("sentence_capital")),
        joined_endings=_after_space(data.get("joined_endings")),
        joined_stems=tuple(map(str, data.get("joined_stems") or ())),
        numbered_articles=_genders(data.get("numbered_articles")),
        case_endings=_case_endings(data.get("case_endings"), data.get("preposition_cases")),
        verb_markers=_set(data.get("verb_markers")),
        adjective_cases=tuple(
            sorted(
                _case_endings(data.get("case_endings"), data.get("adjective_cases")),
                key=lambda pair: -len(pair[0]),
            )
        ),
        not_adjectives=_set(data.get("not_adjectives")),
        plural_endings=tuple(
            (str(pair[0]), str(pair[1])) for pair in data.get("plural_endings") or ()
        ),
    )


def _genders(data: object) -> tuple[tuple[str, str], ...]:
    """`gendered_articles` ({gender: [article, ...]}) as (article, gender) pairs; so too
    `numbered_articles` ({number: [article, ...]})."""
    if not isinstance(data, dict):
        return ()
    return tuple(
        (str(article), str(gender))
        for gender, articles in data.items()
        if isinstance(articles, list)
        for article in articles
    )


def _case_endings(endings: object, cases: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`preposition_cases` ({preposition: [case, ...]}) with `case_endings` ({case:
    [ending, ...]}) as (preposition, the endings of its cases) pairs."""
    if not isinstance(endings, dict) or not isinstance(cases, dict):
        return ()
    return tuple(
        (str(prep), tuple(str(end) for case in governed for end in endings.get(case) or ()))
        for prep, governed in cases.items()
        if isinstance(governed, list)
    )


def _after_space(endings: object) -> re.Pattern[str] | None:
    """A space and one of the endings as a whole word; the search starts at the space (a
    literal: quick to scan for), the noun before it is read apart (`_noun_before`)."""
    if not isinstance(endings, list) or not endings:
        return None
    listed = "|".join(map(re.escape, sorted(map(str, endings), key=len, reverse=True)))
    return re.compile(rf" (?:{listed})(?![가-힣])")


def _set(words: object) -> frozenset[str]:
    return frozenset(map(str, words)) if isinstance(words, list) else frozenset()


def check_grammar_on_page(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """Each translated message once, with the first broken phrase the page shows."""
    own = page_grammar(ctx.locale)
    if not (
        own.determiners or own.gendered_articles or own.sentence_capital or own.joined_endings
    ) or (ctx.locale or "en").startswith("en"):
        return
    # the translations as written: each pass strips markup only from what it reads
    pairs = [(e, e.pairs[0][0], e.pairs[0][1]) for e in entries if e.pairs]
    plains = _Plains()
    found = itertools.chain(
        _lower_nouns(own, pairs, ctx.locale) if own.capitalised_nouns else (),
        _names_before_nouns(own, pairs, ctx) if own.name_before_noun else (),
        _lower_address(own, pairs) if own.formal_address else (),
        _disagreeing(own, _article_words(own.gendered_articles, pairs, plains, ctx.locale))
        if own.gendered_articles
        else (),
        _number_disagreeing(
            own, _article_words(own.numbered_articles, pairs, plains, ctx.locale), pairs
        )
        if own.numbered_articles
        else (),
        _lower_starts(entries) if own.sentence_capital else (),
        _bare_imperatives(own, own.imperative_address, pairs)
        if own.imperative_address is not None
        else (),
        _cut_endings(own, pairs) if own.joined_endings is not None else (),
    )
    done: set[int] = set()
    for entry, message in found:
        # one finding a message: none where the message's own grammar finds one
        if id(entry) not in done and next(check_grammar(entry, ctx), None) is None:
            done.add(id(entry))
            yield entry, message


#: What is no running prose: bold and italic (labels), code, quotes, link targets, tags;
#: an apostrophe between letters elides (l'account), it quotes nothing. Each alternative
#: opens with its mark, its look-behind after it: a search scans for the marks in C (one
#: that opens with a look-behind runs it at every position, four times the cost).
_MARKED = re.compile(
    r"\*\*[^*\n]*\*\*|\*(?<![\w*]\*)[^*\n]+\*|`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]*>"
    r"|\"[^\"\n]*\"|„[^“\n]*“|“[^”\n]*”|«[^»\n]*»|'(?<!\w')[^'\n]*'(?!\w)"
)


def _plain(text: str) -> str:
    """The running prose of a translation, each marked span a bar that no word joins."""
    return _MARKED.sub(" | ", text) if _MAY_MARK.search(text) else text


#: A character every marked span holds: a quick test before the substitution.
_MAY_MARK = re.compile(r"[*`\]<\"„“«']")


class _Plains(dict[str, str]):
    """Each translation's `_plain`, made once a page and only for the texts a pass reads."""

    def __missing__(self, text: str) -> str:
        self[text] = plain = _plain(text)
        return plain


# --- a noun in lower case -----------------------------------------------------------------

_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
#: A capitalised word inside a sentence (after a lower-case word), no capitalised word
#: after it: a noun, not a title or a name of several words. Both searches run over every
#: text of a page: each starts at a letter and looks behind from there (a scan for a
#: capital is quick; a look-behind first is tried at every character).
_CAPITAL_INSIDE = re.compile(
    rf"[{_UPPER}](?<=[{_LOWER}] [{_UPPER}])[{_LOWER}]{{3,}}(?=[ ,.;:!?)](?! *[{_UPPER}\d]))"
)
_LOWER_WORD = re.compile(rf"[{_LOWER}](?<![\w-][{_LOWER}])[{_LOWER}]{{3,}}(?![\w-])")
#: A determiner, maybe an adjective (a declined ending), a lower-case word, what follows.
_AFTER_DETERMINER = re.compile(
    rf"(?<![\w-])(?P<det>[^\W\d_]+) (?:(?P<adj>[{_LOWER}]{{3,}}(?:e|en|er|es|em)) )?"
    rf"(?P<word>[{_LOWER}]{{4,}})(?![\w-])(?P<next> *\S?)"
)


def _lower_nouns(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]], locale: str | None
) -> Iterator[tuple[Entry, str]]:
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    words = []
    pairs = [(entry, source, _plain(text)) for entry, source, text in pairs]
    for _, _, text in pairs:
        capital.update(_CAPITAL_INSIDE.findall(text))
        words.append(_LOWER_WORD.findall(text))
        lower.update(words[-1])
    if not capital:
        return
    function_words = conventions(locale).function_words | own.determiners
    for (entry, source, text), held in zip(pairs, words, strict=True):
        if not any(capital[w[0].upper() + w[1:]] >= lower[w] for w in held):
            continue  # most messages: no word the page writes capitalised more often
        found = _lower_noun(own, capital, lower, function_words, (source, text))
        if found:
            det, word = found
            noun = word[0].upper() + word[1:]
            yield (
                entry,
                f"{det} {word!r} in lower case: a noun, which this page writes "
                f"{noun!r} inside a sentence",
            )


def _lower_noun(
    own: PageGrammar,
    capital: Counter[str],
    lower: Counter[str],
    function_words: frozenset[str],
    pair: tuple[str, str],
) -> tuple[str, str] | None:
    """The first lower-case word after a determiner or a preposition that the page writes
    capitalised inside a sentence at least as often (a noun, not a verb it nominalises), that
    no capitalised word or number follows (an adjective: "die folgenden Details") and that
    the English does not hold (a word kept from it)."""
    source, text = pair
    folded = source.casefold()
    for match in _AFTER_DETERMINER.finditer(text):
        det, adj, word = match.group("det"), match.group("adj"), match.group("word")
        noun = word[0].upper() + word[1:]
        if (
            det.lower() not in own.determiners | own.prepositions
            or word in function_words
            or (adj and adj in function_words)
            or capital[noun] < max(1, lower[word])
            or match.group("next").strip()[:1].isupper()
            or match.group("next").strip()[:1].isdigit()
            or word.casefold() in folded
            or _relative(own, det, text[: match.start()])
        ):
            continue
        return det, word
    return None


def _relative(own: PageGrammar, det: str, before: str) -> bool:
    """A relative pronoun after a comma: a verb may follow ("Kunden, die anmelden")."""
    return det in own.relative_pronouns and before.rstrip().endswith(",")


# --- a name before its noun ---------------------------------------------------------------

#: A name as the English writes it: capitalised words (and codes) one after another, after
#: a space or an apostrophe, looked behind from its capital (a search then scans for
#: capitals in C; one that opens with a look-behind runs it at every position).
_NAME = r"[A-Z](?<=[ '’][A-Z])[\w.+-]*(?: [A-Z0-9][\w.+-]*)*"


#: A name and the lower-case word after it; the word before the name is read apart (a
#: search that starts at a capital is quicker than one that tries every determiner).
_NAME_THEN_WORD = re.compile(rf"(?P<name>{_NAME}) (?P<word>[{_LOWER}]{{3,}})(?![\w'’-])")
#: The word that ends right before a name: an elided one (l', dell') with no space.
_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]+['’]|[^\W\d_]+ )\Z")
#: The longest determiner or preposition with its space, and then some.
_REACH = 16
#: The fewest letters of a word before a name that is read as a content word.
_LOOSE = 4


def _after_determiners(
    own: PageGrammar, text: str, names: re.Pattern[str]
) -> Iterator[tuple[str, re.Match[str], str]]:
    """Each name with a lower-case word after it and, before it, a listed determiner or
    preposition as the locale writes one inside a sentence (lower case), or a lower-case
    word of `_LOOSE` letters or more (a noun or a verb the name's phrase follows: "dettagli
    di utilizzo Office 365 licenze"); the phrase and that word if it is no listed one."""
    for match in names.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - _REACH), match.start())
        word = before.group(1).rstrip() if before else ""
        if before and (
            word in own.determiners or word in own.prepositions or _adjective_cases(own, word)
        ):
            yield text[before.start() : match.end()], match, ""
        elif (
            before
            and own.content_word_before_name
            and len(word) >= _LOOSE
            and word.isalpha()
            and word.islower()
        ):
            yield text[before.start() : match.end()], match, word


#: The fewest letters of an adjective's stem before its ending ("now" + "ego"): "ich"
#: (their) and "tym" (this) alone are no adjectives of a noun phrase.
_ADJECTIVE_STEM = 3


def _adjective_cases(own: PageGrammar, word: str) -> tuple[str, ...]:
    """The endings of the cases an adjective's oblique ending shows ("nowego": genitive),
    none for a word that is no such adjective."""
    if word in own.not_adjectives:
        return ()
    for ending, endings in own.adjective_cases:
        if word.endswith(ending) and len(word) >= len(ending) + _ADJECTIVE_STEM:
            return endings
    return ()


def _own_names(ctx: MessageContext) -> dict[str, str]:
    """The locale's own names of the glossary's names ("Centro de partners" for Partner
    Center) -> the English name."""
    own = (*ctx.glossary.terms.items(), *ctx.glossary.conventions.names.items())
    return {
        form: english
        for english, forms in own
        if english[:1].isupper()
        for form in forms
        if form != english and form[:1].isupper()
    }


@functools.cache
def _own_name_then_word(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One of the locale's names and the lower-case word after it."""
    listed = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"(?<=[ '’])(?P<name>{listed}) (?P<word>[{_LOWER}]{{3,}})(?![\w'’-])")


@functools.cache
def _opened(words: frozenset[str]) -> re.Pattern[str]:
    """A word after one of the words, and the word after it (if any)."""
    listed = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w'’])(?:{listed})(?: |(?<=['’]))([{_LOWER}]{{3,}})(?![\w-])"
        r"(?: ?([^\W\d_]+|[.,;:!?)]))?"
    )


def _nouns(
    opened: re.Pattern[str], texts: Iterable[str], function_words: frozenset[str]
) -> Counter[str]:
    """The words written after a determiner no verb follows, and before a punctuation
    mark, a capitalised word or a function word: no adjective before its noun ("il relativo
    documento") or before markup ("nel relativo [post]")."""
    nouns: Counter[str] = Counter()
    for text in texts:
        for word, after in opened.findall(text):
            if after and (not after[0].islower() or after in function_words):
                nouns[word] += 1
    return nouns


def _names_before_nouns(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    english_of = _own_names(ctx)
    forms = tuple(sorted(english_of))
    searches = [_NAME_THEN_WORD, *([_own_name_then_word(forms)] if forms else [])]
    may, plains = _determined_capital(own, forms), _Plains()
    found = [
        (e, s, m)
        for e, s, raw in pairs
        if may(raw)  # most messages: no capital right after a determiner
        and (
            m := [hit for names in searches for hit in _after_determiners(own, plains[raw], names)]
        )
    ]
    if not found:
        return  # most pages: no name between a determiner and a lower-case word
    function_words = conventions(ctx.locale).function_words
    english_words = conventions("en").function_words
    texts = [raw for _, _, raw in pairs]
    for entry, source, matches in found:
        for phrase, match, loose in matches:
            name, word = match.group("name", "word")
            if (
                (
                    loose
                    and _noun_put_first(loose, english_of.get(name, name), source, function_words)
                )
                or word in function_words
                or not _adjunct(english_of.get(name, name), word, source, english_words)
                or not (
                    _governed(own, phrase, match, english_of.get(name, name), source)
                    or (
                        not _adjective_head(own, phrase)
                        and _noun(own, word, name, texts, function_words, plains)
                    )
                )
            ):
                continue
            yield (
                entry,
                f"{phrase.rstrip()!r}: the English order "
                f"('{english_of.get(name, name)} <noun>') kept; the locale "
                f"puts the noun first ({word} ... {name})",
            )
            break


def _adjective_head(own: PageGrammar, phrase: str) -> bool:
    """Whether the phrase opens with an adjective, no listed determiner or preposition."""
    head = phrase.split(" ", 1)[0]
    return (
        head not in own.determiners
        and head not in own.prepositions
        and bool(_adjective_cases(own, head))
    )


def _governed(own: PageGrammar, phrase: str, match: re.Match[str], name: str, source: str) -> bool:
    """Whether the word after the name ends in a case its preposition governs (`case_endings`:
    "z Contoso pulpitu", genitive) or its adjective shows (`adjective_cases`: "nowego
    Contoso konta"), no verb marker follows it ("rozpoczyna się"), and the English opens
    the name's noun phrase with a function word ("from the Contoso dashboard", "for
    Contoso customers"), or, after an adjective, with any lower-case word ("your new
    Contoso account"): the name and the word are one noun phrase in both, the English
    order kept."""
    head = phrase.split(" ", 1)[0]
    adjective = _adjective_head(own, phrase)
    endings = _adjective_cases(own, head) if adjective else dict(own.case_endings).get(head)
    if not endings or not match.group("word").endswith(endings):
        return False
    after = _ENGLISH_WORD.match(match.string, match.end() + 1)
    if after and after.group() in own.verb_markers:
        return False
    english = conventions("en").function_words
    start = source.find(f" {name} ")
    while start >= 0:
        before = _WORD_BEFORE.search(source, max(0, start - _REACH), start + 1)
        noun = _ENGLISH_WORD.match(source, start + len(name) + 2)
        opener = before.group(1).rstrip() if before else ""
        if (
            (opener.lower() in english or (adjective and opener.islower()))
            and noun
            and noun.group().islower()
            and noun.group() not in english
        ):
            return True
        start = source.find(f" {name} ", start + 1)
    return False


@functools.cache
def _determined_capital(own: PageGrammar, forms: tuple[str, ...]) -> Callable[[str], bool]:
    """The precondition of `_after_determiners`, on a translation as written: a capital that
    may start a name (A-Z, or the first letter of one of the locale's `forms` of a name)
    right after one of the determiners (or any lower-case word, where the locale reads a
    content word there: `content_word_before_name`), as `_WORD_BEFORE` reads one. A
    plain search from a space and a capital, then a suffix test: no search that tries every
    determiner at every letter. Markup only ever parts words: what `_plain` leaves of the
    phrase was in the text as written."""
    firsts = "".join(sorted({re.escape(form[0]) for form in forms if not "A" <= form[0] <= "Z"}))
    capitals = re.compile(rf"[ '’][A-Z{firsts}]")
    loose = own.content_word_before_name
    suffixes = tuple(
        word if word.endswith(("'", "’")) else f"{word} "
        for word in sorted(own.determiners | own.prepositions)
    ) + tuple(f"{ending} " for ending, _ in own.adjective_cases)

    def may(text: str) -> bool:
        if capitals.search(text) is None:
            return False  # most texts: no capital after a space at all
        return any(
            (loose and text[hit.start() - 1 : hit.start()].islower())  # a word before it
            or text.endswith(suffixes, 0, hit.end() - 1)
            for hit in capitals.finditer(text)
        )

    return may


def _noun_put_first(before: str, name: str, source: str, function_words: frozenset[str]) -> bool:
    """The content word before a name is no evidence: a function word, or the English
    noun after the name already put first (its first three letters: "dashboard Insights
    dati" for "Insights dashboard", "portale" for "portal"), where what follows the name is
    another word machine translation added."""
    if before in function_words:
        return True
    start = source.find(f"{name} ")
    while start >= 0:
        after = _ENGLISH_WORD.match(source, start + len(name) + 1)
        if after and after.group()[:_COGNATE].casefold() == before[:_COGNATE].casefold():
            return True
        start = source.find(f"{name} ", start + 1)
    return False


#: The first letters a word and its cognate share ("portal", "portale").
_COGNATE = 3


def _adjunct(name: str, word: str, source: str, english_words: frozenset[str]) -> bool:
    """Whether the English writes the name before a lower-case word that is no function
    word (its noun: "the Contoso portal"), and not the translation's word itself."""
    if word.casefold() in _ENGLISH_WORD.findall(source.casefold()):
        return False
    start = source.find(f"{name} ")
    while start >= 0:
        after = _ENGLISH_WORD.match(source, start + len(name) + 1)
        if _starts_word(source, start) and after and after.group().islower():
            return after.group() not in english_words
        start = source.find(f"{name} ", start + 1)
    return False


_ENGLISH_WORD = re.compile(r"[^\W\d_]+")


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")


def _noun(
    own: PageGrammar,
    word: str,
    name: str,
    texts: list[str],
    function_words: frozenset[str],
    plains: _Plains | None = None,
) -> bool:
    """Whether the page shows the word for a noun: after a determiner no verb follows, and
    before no content word ("una soluzione di"), or right after a determiner and before
    the name (the locale's order: "la soluzione Contoso"). Only the texts that hold the
    word are read (a word markup never parts: `_plain` keeps it where it was)."""
    plains = _Plains() if plains is None else plains
    held = [plains[text] for text in texts if word in text]
    if _nouns(_opened(own.noun_openers), held, function_words)[word]:
        return True
    target = f"{word} {name}"
    return any(_before_name(own, text, target) for text in held if target in text)


def _before_name(own: PageGrammar, text: str, target: str) -> bool:
    """The text writes `target` (the word and the name) as whole words after a determiner."""
    start = text.find(target)
    while start >= 0:
        end = start + len(target)
        if end == len(text) or not (text[end].isalnum() or text[end] in "_-"):
            before = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
            if before and before.group(1).rstrip() in own.determiners:
                return True
        start = text.find(target, start + 1)
    return False


# --- the polite address in lower case -------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Capitalised forms inside a sentence a page writes at least this often: it addresses the
#: reader so (one may be a sentence start's).
_ADDRESSED = 2


def _lower_address(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]]
) -> Iterator[tuple[Entry, str]]:
    """Each message with a polite form in lower case where the English says "you" (see
    `_address_broken`), on a page that writes the forms capitalised inside sentences."""
    lower = frozenset(word.lower() for word in own.formal_address)
    search = _listed(lower).search
    held = [(e, s, t) for e, s, t in pairs if search(t)]
    if not held:
        return  # most pages: no lower-case form at all
    inside = _capitalised_inside(own.formal_address).search
    if (
        sum(1 for _ in itertools.islice(filter(inside, (t for _, _, t in pairs)), _ADDRESSED))
        < _ADDRESSED
    ):
        return  # the page writes the forms capitalised inside too few sentences
    english = page_grammar("en")
    for entry, source, text in held:
        found = _address_broken(own, english, lower, _plain(source), _plain(text))
        if found:
            yield (
                entry,
                f"{found!r}: the polite address in lower case; the English says 'you' here and "
                "the page addresses the reader with a capital",
            )


# --- an imperative without its polite pronoun -----------------------------------------------

#: Markup that parts no words: bold marks, a link's brackets and its target.
_UNMARK = re.compile(r"\]\([^)\s]*\)|\*\*|[\[\]]")
#: A capitalised verb in -en where a sentence starts, the next word, the sentence's rest.
_OPENING_VERB = re.compile(
    rf"(?:^|(?<=[.!?] ))(?P<verb>[{_UPPER}][{_LOWER}]+en) (?P<next>[^\W\d_][\w-]*)"
    r"(?P<rest>[^.!?]*)(?P<end>[.!?]?)"
)


def _bare_imperatives(
    own: PageGrammar, search: re.Pattern[str], pairs: list[tuple[Entry, str, str]]
) -> Iterator[tuple[Entry, str]]:
    """Each sentence that opens with a verb the page writes as an imperative with its
    polite pronoun (`imperative_address`: "Wählen Sie") and holds no subject pronoun
    ("Wählen auf der Seite X den Partner aus.", "Verwenden Contoso Hub."), or writes that
    pronoun in lower case ("Verwenden sie Contoso Hub."): a sentence ended by a stop,
    no title's verbal noun ("Erstellen von", "Suchen wichtiger IDs")."""
    imperatives: dict[str, str] = {}
    for _, _, text in pairs:
        if any(map(text.__contains__, own.formal_address)):  # in C: most texts hold none
            for match in search.finditer(_UNMARK.sub("", text)):
                verb, *_, pronoun = match.group().split()
                imperatives[verb] = pronoun
    if not imperatives:
        return  # most pages of a locale: no imperative with its pronoun
    verbs = tuple(imperatives)
    for entry, _, text in pairs:
        if not any(map(text.__contains__, verbs)):
            continue  # most messages: none of the page's imperatives (a search in C)
        found = _bare_imperative(own, imperatives, _UNMARK.sub("", text))
        if found:
            yield entry, found


def _bare_imperative(own: PageGrammar, imperatives: dict[str, str], text: str) -> str | None:
    for match in _OPENING_VERB.finditer(text):
        verb, after, rest = match.group("verb", "next", "rest")
        pronoun = imperatives.get(verb)
        if pronoun is None or match.group("end") != "." or ":" in rest:
            continue
        if after == pronoun.lower() != pronoun:
            return f"'{verb} {after}': the imperative's polite pronoun in lower case ('{pronoun}')"
        words = {word.casefold() for word in _WORDS.findall(rest)} | {after.casefold()}
        if (
            after.casefold() in own.determiners | own.prepositions | own.nominal_after
            or (after.islower() and after.endswith(own.nominal_endings))
            or words & own.subject_pronouns
        ):
            continue
        return (
            f"'{verb} {after}': an imperative without its polite pronoun, which the page "
            f"writes ('{verb} {pronoun}')"
        )
    return None


@functools.cache
def _capitalised_inside(forms: frozenset[str]) -> re.Pattern[str]:
    """A capitalised form after a lower-case word: inside a sentence, not its start."""
    listed = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<=[{_LOWER}] )(?:{listed})(?![\w-])")


@functools.cache
def _listed(forms: frozenset[str]) -> re.Pattern[str]:
    """One of the forms as a word of its own, in the case listed."""
    listed = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{listed})(?![\w-])")


def _address_broken(
    own: PageGrammar, english: PageGrammar, lower: frozenset[str], source: str, text: str
) -> str | None:
    """The first lower-case form with the word before it, where the English holds more
    second persons than the translation writes forms capitalised (an imperative's aside:
    "Wählen Sie" for "Select"), and no third person; a translation in the familiar
    address, or one that writes none capitalised for several "you" (the message turned to
    the third person: "Partner und ihre Kunden"), aside."""
    words = _WORDS.findall(text)
    if not own.informal_address.isdisjoint(words):
        return None
    said = [word.lower() for word in _WORDS.findall(source)]
    you = sum(word in english.second_person for word in said)
    if not you or not english.third_person.isdisjoint(said):
        return None
    capitals = sum(word in own.formal_address for word in words)
    if capitals == 0 and you > 1:
        return None
    if own.imperative_address is not None:
        capitals -= len(own.imperative_address.findall(text))
    if capitals >= you:
        return None
    for before, word in itertools.pairwise(["", *words]):
        if word in lower:
            return f"{before} {word}".strip()
    return None


# --- an article of the other gender -------------------------------------------------------

#: Uses of a noun with articles of one gender a page shows, none with the other's, before
#: the other gender's article in one message is read as a slip (the development part: two
#: uses let a noun of two genders or meanings through).
_AGREED = 3


@functools.cache
def _article_then_word(articles: tuple[str, ...]) -> re.Pattern[str]:
    """An article in lower case right before a lower-case word (no elision, no hyphen:
    "l'", "lo-" read nothing), and the word or mark after it (if any). Each article opens
    its alternative, the look-behind after it: a search scans for the articles' first
    letters in C, where an opening look-behind ran at every position."""
    listed = "|".join(
        rf"{re.escape(article)}(?<![\w'’-]{re.escape(article)})"
        for article in sorted(articles, key=len, reverse=True)
    )
    return re.compile(
        rf"({listed}) ([{_LOWER}][{_LOWER}]{{2,}})(?![\w'’-])"
        r"(?: ?([^\W\d_]+|[.,;:!?)|]))?"
    )


#: Each message with (article, word, whether the word is read as a noun) of its articles.
_ArticleWords = list[tuple[Entry, list[tuple[str, str, bool]]]]


def _article_words(
    articles: tuple[tuple[str, str], ...],
    pairs: list[tuple[Entry, str, str]],
    plains: _Plains,
    locale: str | None,
) -> _ArticleWords:
    """Each message's listed articles before a word (the gendered ones, or the numbered
    ones: each pass its own search, which takes the word after each noun). An article
    before a word in a text's prose is one in the text as written (markup only parts
    words): most messages hold none, and are neither stripped nor read. Markup, quotes and
    code part the words (`_plain`, made once a page for both): a bold label may start with
    its own article."""
    search = _article_then_word(tuple(article for article, _ in articles))
    held = [search.search(text) is not None for _, _, text in pairs]
    if not any(held):
        return []  # most pages of a locale without the data's articles: nothing to read
    function_words = conventions(locale).function_words
    return [
        (entry, _article_nouns(search, plains[text], function_words))
        for (entry, _, text), hit in zip(pairs, held, strict=True)
        if hit
    ]


def _article_nouns(
    search: re.Pattern[str], text: str, function_words: frozenset[str]
) -> list[tuple[str, str, bool]]:
    """(article, word, whether the word is read as a noun) of each listed article right
    before a word that is no function word. A noun is a word no content word follows
    (a mark, a capital, a function word or nothing): no adjective before its noun ("las
    siguientes opciones") and no compound's other noun ("la fecha del pedido" pairs each
    article with its own noun)."""
    return [
        (art, word, not after or not after[0].islower() or after in function_words)
        for art, word, after in search.findall(text)
        if word not in function_words
    ]


def _disagreeing(own: PageGrammar, articles: _ArticleWords) -> Iterator[tuple[Entry, str]]:
    """Each message that writes a noun after an article of one gender where the page's
    other messages write the word `_AGREED` times or more with articles of another gender
    (once at least as a noun) and never with this one."""
    gender = dict(own.gendered_articles)
    uses = [
        (entry, [(art, word, gender[art], noun) for art, word, noun in found if art in gender])
        for entry, found in articles
    ]
    seen = Counter((word, kind) for _, found in uses for _, word, kind, _ in found)
    mixed = {word for word, n in Counter(word for word, _ in seen).items() if n > 1}
    if not mixed:
        return  # most pages: each word with the only gender the page gives it
    as_noun = Counter((word, kind) for _, found in uses for _, word, kind, noun in found if noun)
    for entry, found in uses:
        if any(noun and word in mixed for _, word, _, noun in found):
            found_here = _disagreement(found, mixed, seen, as_noun)
            if found_here:
                yield entry, found_here


def _disagreement(
    found: list[tuple[str, str, str, bool]],
    mixed: set[str],
    seen: Counter[tuple[str, str]],
    as_noun: Counter[tuple[str, str]],
) -> str | None:
    """The first noun of a message, of the words the page writes with both genders, whose
    article the page's other messages contradict: `_AGREED` uses or more with the other
    gender, one at least as a noun, none with this one."""
    for art, word, kind, noun in found:
        if not noun or word not in mixed:
            continue
        here = Counter((k, n) for _, w, k, n in found if w == word)
        shown = next(k for w, k in seen if w == word and k != kind)
        others = seen[word, shown] - here[shown, True] - here[shown, False]
        if (
            seen[word, kind] == here[kind, True] + here[kind, False]
            and others >= _AGREED
            and as_noun[word, shown] > here[shown, True]
        ):
            return (
                f"'{art} {word}': an article of another gender than the page gives "
                f"{word!r} ({others} times {shown}, never {kind})"
            )
    return None


# --- an article of the other number ---------------------------------------------------------


def _number_disagreeing(
    own: PageGrammar, articles: _ArticleWords, pairs: list[tuple[Entry, str, str]]
) -> Iterator[tuple[Entry, str]]:
    """Each message that writes a word after an article of one number ("as", "do") where
    the word is the other number's form of a word the page writes: after this number's
    articles, the form the article wants, where no ending of this number ends the word
    ("as avaliação" beside "as avaliações", "do conjuntos" beside "o conjunto"; Italian
    "le nuove" beside "i nuovi" is no evidence), or anywhere where the page writes the
    word itself after the other number's articles at least as often ("dos cliente"
    beside "o cliente" and "clientes"). An invariant word has no other form ("o status",
    "os status"); a verb after an article spelled as a pronoun ("os vendem") has none the
    page writes."""
    number = dict(own.numbered_articles)
    uses = [
        (entry, [(art, word, number[art]) for art, word, _ in found if art in number])
        for entry, found in articles
    ]
    seen = Counter((word, kind) for _, found in uses for _, word, kind in found)
    other = _other_forms(own.plural_endings, seen, number)
    if not other:
        return  # most pages: no word whose other number's form the page may write
    words: Counter[str] | None = None
    for entry, found in uses:
        for art, word, kind in found:
            forms, balanced = other.get((word, kind), ((), False))
            if not forms or _english_holds(entry, word):
                continue  # a word kept from the English ("nei data center"): its own grammar
            loose = _other_number(word, kind, own.plural_endings)
            against = next((k for k in set(number.values()) if k != kind), kind)
            shown = [form for form in forms if seen[form, kind]] if loose else []
            if not shown and balanced:
                # the page's words as written: a form in a label shows the word as well
                words = words or Counter(w for _, _, t in pairs for w in _WORDS.findall(t))
                shown = [form for form in forms if words[form]]
            if shown:
                yield (
                    entry,
                    f"'{art} {word}': a {kind} article before a {against} "
                    f"(the page writes {shown[0]!r})",
                )
                break


def _english_holds(entry: Entry, word: str) -> bool:
    return word.casefold() in _ENGLISH_WORD.findall(entry.pairs[0][0].casefold())


@functools.cache
def _number_endings(endings: tuple[tuple[str, str], ...], kind: str) -> tuple[str, ...]:
    """The endings (other than none) of one number's forms."""
    return tuple({pl if kind == "plural" else sg for sg, pl in endings} - {""})


def _other_number(word: str, kind: str, endings: tuple[tuple[str, str], ...]) -> bool:
    """Whether no ending of its article's number (other than none) ends the word."""
    return not word.endswith(_number_endings(endings, kind))


def _other_forms(
    endings: tuple[tuple[str, str], ...], seen: Counter[tuple[str, str]], number: dict[str, str]
) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """(word, its article's number) -> the forms of the other number the word would have
    if it were that number's form (a plural's singulars, a singular's plurals), and
    whether the page writes the word after the other number's articles at least as often
    as after this one's (it reads the word so: "dos cliente" where "o cliente" is
    written too). Only words with such a form the page may show: one it writes after
    this number's articles where no ending of this number ends the word, or any where
    the word is so balanced."""
    forms: dict[tuple[str, str], tuple[list[str], bool]] = {}
    kinds = set(number.values())
    for (word, kind), uses in seen.items():
        against = next((k for k in kinds if k != kind), kind)
        balanced = uses <= seen[word, against]
        if not balanced and not _other_number(word, kind, endings):
            continue  # most words: of their article's number, as far as the page shows
        if kind == "singular":
            made = [
                word[: len(word) - len(pl)] + sg
                for sg, pl in endings
                if word.endswith(pl) and len(word) > len(pl) + 2
            ]
        else:
            made = [word[: len(word) - len(sg)] + pl for sg, pl in endings if word.endswith(sg)]
        if made and (balanced or any(seen[form, kind] for form in made)):
            forms[word, kind] = (made, balanced)
    return forms


# --- a sentence that starts in lower case -------------------------------------------------

#: How a sentence ends: a message after one starts a sentence of its own.
_SENTENCE_END = re.compile(r"[.!?。][\s*_)\]”“\"»]*\Z")


def _lower_starts(entries: list[Entry]) -> Iterator[tuple[Entry, str]]:
    """Each message that starts in lower case where its English starts with a capital
    (`grammar.lower_start`), unless it goes on with the message before it in its paragraph
    (`_continued`)."""
    before: Entry | None = None
    for entry in entries:
        previous, before = before, entry
        if not entry.pairs:
            continue
        source, text = entry.pairs[0]
        found = lower_start(source, text)
        if found is None or _continued(previous, entry):
            continue
        yield (
            entry,
            f"{found!r} starts the sentence in lower case, where the English starts with a capital",
        )


def _continued(previous: Entry | None, entry: Entry) -> bool:
    """Whether the message goes on with the one before it on the same line: the English
    before ends a sentence and its translation does not (machine translation joined two
    English sentences: "…von Microsoft, | die Sie dann weitervertreiben."). A table row's
    cells share a line too, and their English ends no sentence: each cell starts its own."""
    if previous is None or previous.line is None or previous.line != entry.line:
        return False
    if not previous.pairs:
        return False
    source, text = previous.pairs[0]
    return bool(_SENTENCE_END.search(source.rstrip())) and not _SENTENCE_END.search(text.rstrip())


# --- a verb's ending cut from its noun (Korean) ---------------------------------------------


def _cut_endings(
    own: PageGrammar, pairs: list[tuple[Entry, str, str]]
) -> Iterator[tuple[Entry, str]]:
    """Each message that writes a noun, a space and a verb's ending ("선택 합니다") where
    the page's translations write the same noun joined to the verb ("선택하여", "선택한")."""
    search = own.joined_endings
    assert search is not None
    found = [(entry, text, m) for entry, _, text in pairs for m in search.finditer(text)]
    if not found:
        return  # most pages: every ending joined
    joined = _joined_nouns((text for _, _, text in pairs), frozenset(own.joined_stems))
    for entry, text, match in found:
        noun = _noun_before(text, match.start())
        if noun is not None and noun in joined:
            yield (
                entry,
                f"'{noun}{match.group()}': a verb's ending cut from its noun by a space; this "
                f"page writes {noun!r} joined to it",
            )


#: A word of Hangul syllables.
_HANGUL_WORD = re.compile(r"[가-힣]{3,}")


def _joined_nouns(texts: Iterable[str], stems: frozenset[str]) -> set[str]:
    """Every start of two syllables or more of a page's words that a stem syllable follows
    ("선택" of "선택하여"): the nouns the page joins to a verb, read in one pass."""
    words = {word for text in texts for word in _HANGUL_WORD.findall(text)}
    return {word[:k] for word in words for k in range(2, len(word)) if word[k] in stems}


def _noun_before(text: str, end: int) -> str | None:
    """The word of Hangul syllables that ends at `end`, if it has two or more."""
    start = end
    while start and "가" <= text[start - 1] <= "힣":
        start -= 1
    return text[start:end] if end - start >= 2 else None
