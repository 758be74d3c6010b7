"""English left in a translation: copied runs of source words, names and code aside."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .words import function_words

__all__ = ["check_english_left", "check_english_left_on_page", "prose_words"]

#: A run of this many consecutive source words copied into a translation is English left;
#: two suffice when both are lower-case words in the source and in the translation.
ENGLISH_RUN = 3
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# What is never prose: inline code (Markdown and reST), placeholders, URLs, paths. A path
# is sought from the start of a word only: from every character, a long word without one
# would be scanned once per character.
NOT_PROSE = re.compile(
    r"``.+?``|`[^`]+`|%\([^()]*\)[a-zA-Z]|%[sdifr]|\{[\w.]*\}|https?://\S+"
    r"|\]\([^)\s\]]*\)|(?<!\S)\S+\.(?:md|py|html)\b|:[A-Za-z]+:|\n"
)
_EDGE_PUNCTUATION = "()[]{}<>,.;:!?\"'“”‘’«»*_|"
_BREAKS = frozenset(".:;!?|,)")
_EMPHASIS = frozenset("*_")
#: Short words that join the capitalised words of a name ("Skype for Business").
_NAME_JOINERS = frozenset({"for", "and", "of", "the", "in", "on", "with", "&", "to", "from"})


def _cut_names(text: str, ctx: MessageContext) -> str:
    pattern = ctx.glossary.any_name
    if pattern is None or not any(start in text for start in ctx.glossary.name_starts):
        return text
    # A name cut out stays a Title-Case name of two words, so that what goes on with it
    # ("for students" after "Kaizala Pro") is cut with it as a name's (_without_title_case).
    return pattern.sub(_NAME_MARK, text)


_NAME_MARK = "\nQname Qname "


def _runs(text: str) -> list[list[str]]:
    """Runs of consecutive plain words; code, placeholders, URLs, numbers, identifiers and
    acronyms break a run. Each word keeps its case."""
    runs: list[list[str]] = []
    for part in NOT_PROSE.split(text):
        run: list[str] = []
        capitals = 0  # fewer than two: no Title-Case name to cut out of the run
        for token in part.split():
            word = token.strip(_EDGE_PUNCTUATION)
            plain = token[:1] not in _EMPHASIS  # `*stdin*`: a parameter's name, not prose
            if plain and _is_word(word) and not (word.isupper() and len(word) > 1):
                run.append(word)
                capitals += word[0].isupper()
                if token[-1:] in _BREAKS:  # a clause ends
                    _add(runs, run, capitals)
                    run, capitals = [], 0
            else:
                _add(runs, run, capitals)
                run, capitals = [], 0
        _add(runs, run, capitals)
    return runs


def _add(runs: list[list[str]], run: list[str], capitals: int) -> None:
    if capitals < 2:
        if run:
            runs.append(run)
    else:
        runs.extend(piece for piece in _without_title_case(run) if piece)


def _is_word(word: str) -> bool:
    """_WORD in full; plain ASCII letters (most words) without the regular expression."""
    return (word.isalpha() and word.isascii()) or _WORD.fullmatch(word) is not None


def _without_title_case(run: list[str]) -> Iterator[list[str]]:
    """A run with its Title-Case names cut out ("Business Online Plan", "Finance and
    Operations"): two or more capitalised words, joined by short function words."""
    start = 0
    index = 0
    while index < len(run):
        end = index
        capitals = 0
        while end < len(run) and (
            run[end][0].isupper() or (capitals and run[end] in _NAME_JOINERS)
        ):
            capitals += run[end][0].isupper()
            end += 1
        while end > index and run[end - 1] in _NAME_JOINERS:
            end -= 1
        if capitals >= 2 and end < len(run) and run[end] == "for":
            end += 1  # "Azure Defender for container registries": the name goes on
            while end < len(run) and run[end].islower():
                end += 1
        if capitals >= 2:
            yield run[start:index]
            start = end
            index = end
        else:
            index += 1
    yield run[start:]


def prose_words(text: str, ctx: MessageContext) -> list[str]:
    """The plain words of a text once names, code and Title-Case names are cut out."""
    return [word for run in _runs(_cut_names(text, ctx)) for word in run]


def _ngrams(runs: Iterable[list[str]], size: int) -> Iterator[tuple[str, ...]]:
    for run in runs:
        for start in range(len(run) - size + 1):
            yield tuple(run[start : start + size])


def _is_prose(gram: tuple[str, ...], ctx: MessageContext) -> bool:
    """Ordinary English, not a run of proper names or a term the locale borrows: lower-case
    words, one of them a real word, and English grammar: a function word of English that
    is no word of the locale ("to", "with", "the"), beside a content word. A pair of words
    must not be words of the locale ("over", "was"). Without such a word, a run is a term
    the locale writes in English ("best practices", "machine learning", "data via")."""
    if not any(len(w) > 3 for w in gram):
        return False
    if len(gram) < ENGLISH_RUN:
        if not all(w.islower() and w not in ctx.glossary.function_words for w in gram):
            return False
    elif sum(w.islower() for w in gram) < 2:
        return False
    grammar = _english_only(ctx.locale)
    english = function_words("en")
    return any(w.casefold() in grammar for w in gram) and any(
        len(w) > 3 and w.casefold() not in english for w in gram
    )


@functools.cache
def _english_only(locale: str | None) -> frozenset[str]:
    """English function words that are no words of the locale: its function words and the
    words it shares with English (locale_data `english_shared`) left out."""
    own = conventions(locale)
    return function_words("en") - own.function_words - own.english_shared


def check_english_left(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    for source, text in entry.pairs:
        if source.strip() == text.strip():
            if _is_sentence(source, ctx) and not _catalog_row(source):
                yield "the translation is the English source text"
                return
            continue
        found = _copied_run(source, text, ctx)
        if found and _catalog_row(source):
            found = None  # offer names beside their ids: kept in English by policy
        if found:  # rare: only then is English kept by policy sought
            kept = _kept_by_policy(source, text, ctx.glossary.conventions.loanwords)
            found = _copied_run(source, kept, ctx) if kept != text else found
        found = found or _left_label(source, text, ctx) or _lone_english(source, text, ctx)
        if found:
            yield found
            return


#: An id of a catalog: offers, SKUs and products are listed with their GUIDs.
_GUID = re.compile(
    r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
)
#: A gloss the translation adds: up to six words and the parenthesis after them
#: ("Tax invoice under review (Fattura fiscale in revisione)"), escaped or not.
_GLOSSED = re.compile(r"(?:[^\s()]+[ \t]+){0,6}\\?\(([^()\n]*)\\?\)")
#: A link or bold span with a gloss in parentheses after it ("[English title](x) (Titel)").
_SPAN_GLOSSED = re.compile(
    r"(?:\[[^\[\]\n]+\]\([^()\s]*\)|\*\*[^*\n]+\*\*)[ \t]*[」』”\"]?[ \t]*\\?\(([^()\n]*)\\?\)"
)
#: A parenthesis, or one never closed (a gloss that runs to the end of the text); one
#: may open with a link ("Title ([Titel](x.md) weiter)").
_PARENTHESIS = re.compile(r"\\?\(((?:\[[^\[\]\n]*\]\([^()\s]*\))?[^()\n]*)(?:\\?\)|$)")
#: A gloss that opens inside a link's text and closes after the link, the English title
#: before it ("[English title (Titel](x.md) weiter)"): the link cuts the parenthesis.
_GLOSS_ACROSS_LINK = re.compile(r"\[[^\[\]\n]*\\?\([^()\[\]\n]*\]\([^()\s]*\)[^()\n]*\\?\)")
_TOKEN = re.compile(r"\S+")
#: Marks around a copied word: a link's brackets, bold, quotes.
_AROUND = _EDGE_PUNCTUATION + "\\「」『』"
#: Words before a gloss that go with it whether the source has them or not (as before).
_GLOSS_REACH = 6


def _without_glosses(source: str, text: str, ours: set[str]) -> str:
    """The text without each parenthesis the source does not have (a gloss, or the
    English beside a translation) and the words before it: at least six, and all the
    source's words copied in a row before it, however long the English title or message.
    The text is read once: no walk goes back past the cut before it."""
    copied = {t.strip(_AROUND) for t in source.replace("’", "'").split()} - {""}
    tokens = list(_TOKEN.finditer(text))
    cuts: list[tuple[int, int]] = []
    index = 0  # tokens before this one lie before the parenthesis sought
    floor = 0  # the first token after the last cut
    for match in _PARENTHESIS.finditer(text):
        while index < len(tokens) and tokens[index].start() < match.start():
            index += 1
        if match.group(1).strip() in ours:
            continue
        first = index
        while first > floor and (
            index - first < _GLOSS_REACH
            or tokens[first - 1].group().replace("’", "'").strip(_AROUND) in copied
        ):
            first -= 1
        start = tokens[first].start() if first < index else match.start()
        cuts.append((max(start, cuts[-1][1] if cuts else 0), match.end()))
        while index < len(tokens) and tokens[index].start() < match.end():
            index += 1
        floor = index
    return _cut(text, cuts)


def _cut(text: str, cuts: list[tuple[int, int]]) -> str:
    """The text with each (start, end) span, in order, become a line break: one pass."""
    pieces: list[str] = []
    last = 0
    for start, end in cuts:
        pieces += [text[last:start], "\n"]
        last = max(last, end)
    return "".join([*pieces, text[last:]])


_EXTERNAL_LINK = re.compile(r"\[[^\[\]\n]+\]\(https?://[^()\s]*\)")


def _catalog_row(source: str) -> bool:
    """A row of a catalog (an offer name and its id): names kept in English by policy."""
    return _GUID.search(source) is not None


def _kept_by_policy(source: str, text: str, loanwords: tuple[str, ...] = ()) -> str:
    """The translation without what is English by policy: a label or offer name kept in
    English beside a gloss in parentheses that the source does not have (either side of
    the parenthesis may be the English; the English may be a link or bold), the text of
    a link to an English page kept as the source has it (a title), and the loanwords the
    locale uses as they are (locale_data `loanwords`: test drive, dashboard)."""
    if loanwords:
        text = _loanwords(loanwords).sub("\n", text)
    if "(" in text:
        text = _GLOSS_ACROSS_LINK.sub("\n", text)
        ours = {m.group(1).strip() for m in _GLOSSED.finditer(source)}
        text = _without_glosses(source, text, ours)
        text = _SPAN_GLOSSED.sub(lambda m: m.group() if m.group(1).strip() in ours else "\n", text)
    if "](http" in text:
        words = set(_WORD.findall(source))  # once: a message may hold thousands of links
        text = _EXTERNAL_LINK.sub(
            lambda m: "\n" if _title_of(m.group(), words) else m.group(), text
        )
    if "(" in text:
        text = _without_expansions(text)
    if "**" in text:  # a file, export or label name the source bolds, kept as it is
        text = _BOLD.sub(lambda m: "\n" if _bold_name(m.group(), source) else m.group(), text)
    if '"' in text or "“" in text:  # a literal value quoted as the source quotes it
        text = _QUOTED.sub(lambda m: "\n" if m.group(1) in source else m.group(), text)
    return text


@functools.cache
def _loanwords(words: tuple[str, ...]) -> re.Pattern[str]:
    longest = sorted(words, key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in longest) + r")(?!\w)", re.IGNORECASE
    )


def _title_of(link: str, ours: set[str]) -> bool:
    """A link to a page outside kept with the source's English title (a word or two of it
    changed or not): most of its words are the source's words (`ours`)."""
    words = _WORD.findall(link[: link.index("](")])
    return sum(w in ours for w in words) * 2 > len(words)


#: An acronym in parentheses: "small to medium business (SMB)".
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_LONGEST_EXPANSION = 10


def _without_expansions(text: str) -> str:
    """The text without the English expansions kept beside their acronym ("Bring your own
    license (BYOL)", "proof of execution (PoE)"): a term written as Microsoft's documentation
    writes it, not English left. The words before the parenthesis spell the acronym, by
    their initials, with or without their function words."""
    cuts: list[tuple[int, int]] = []
    for match in _ACRONYM.finditer(text):
        tokens = list(_TOKEN.finditer(text, max(0, match.start() - 200), match.start()))
        start = _expansion_start(tokens[-_LONGEST_EXPANSION:], match.group(1).casefold())
        if start is not None:
            cuts.append((start, match.end()))
    return _cut(text, cuts)


def _expansion_start(tokens: list[re.Match[str]], acronym: str) -> int | None:
    english = function_words("en")
    for size in range(1, len(tokens) + 1):
        words = [t.group().strip(_AROUND) for t in tokens[-size:]]
        if not all(words):
            return None
        # a hyphenated word gives each of its parts' initials: "multi-factor
        # authentication (MFA)", "out-of-box experience (OOBE)"
        parts = [p for w in words for p in w.split("-") if p]
        runs = [
            words,
            parts,
            *([w for w in r if w.casefold() not in english] for r in (words, parts)),
        ]
        spelled = {"".join(w[0] for w in run).casefold() for run in runs if run}
        if acronym in spelled and words[0].casefold() not in english:
            return tokens[-size].start()
    return None


_BOLD = re.compile(r"\*\*[^*\n]+\*\*")
#: Words a bold name has at most: a longer bold span is a sentence, left in English.
_BOLD_NAME = 6


def _bold_name(span: str, source: str) -> bool:
    """A short bold span as the source bolds it, without English grammar: the name of a
    file, an export, a report ("**Login audit export**"); a label that reads as a clause
    ("**Convert trial to paid subscription**") is English left."""
    words = _WORD.findall(span)
    english = function_words("en")
    return (
        len(words) <= _BOLD_NAME
        and not any(w.casefold() in english for w in words)
        and span in source
    )


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")


#: Where a sentence ends (a colon: a lead-in), closing marks after it aside.
_SENTENCE_END = re.compile(r"[.!?:。！？：][\s*_\"'”’»)\]]*$")
#: Words a clause has at least, read as prose, when it has no end mark (a table cell).
_CLAUSE_WORDS = 8


def _is_sentence(source: str, ctx: MessageContext) -> bool:
    """A sentence or clause to translate, not a name, a value or a term kept as it is in
    a table cell ("Prorate fees when purchase", an offer, a campaign): it ends as a
    sentence does, or reads as a long clause of English."""
    if not _has_prose(source, ctx):
        return False
    if _SENTENCE_END.search(source) is not None:
        return True
    words = prose_words(source, ctx)
    grammar = _english_only(ctx.locale)
    return len(words) >= _CLAUSE_WORDS and any(w.casefold() in grammar for w in words)


def _has_prose(source: str, ctx: MessageContext) -> bool:
    plain = [t for t in source.split() if t.isalpha() and t.islower()]
    if len(plain) < 2 or not any(len(t) > 3 for t in plain):
        return False  # code, names, a label: no sentence to translate
    words = prose_words(source, ctx)
    return len(words) >= 2 and any(w.islower() and len(w) > 3 for w in words)


def _copied_run(source: str, text: str, ctx: MessageContext) -> str | None:
    # The quick reject, as written: most translations share no two tokens in a row.
    tokens = source.split()
    common = set(tokens).intersection(text.split())
    if len(common) < 2:
        return None
    common = {t for t in common if t.strip(_EDGE_PUNCTUATION).isalpha()}
    if len(common) < 2 or not _adjacent(tokens, common):
        return None
    shared = frozenset(token.strip(_EDGE_PUNCTUATION).casefold() for token in common)
    if not any(len(w) > 3 and w.isalpha() for w in shared):
        return None
    if shared.isdisjoint(_english_only(ctx.locale)):
        return None  # no English grammar shared: no run of them can be prose (_is_prose)
    shared_runs = _split_at(_runs(_cut_names(source, ctx)), shared)
    candidates = [
        gram
        for size in (ENGLISH_RUN, 2)
        for gram in _ngrams(shared_runs, size)
        if _is_prose(gram, ctx)
    ]
    if not candidates:
        return None
    text_runs = _runs(_cut_names(text, ctx))
    pairs = {gram for gram in _ngrams(text_runs, 2) if all(w.islower() for w in gram)}
    triples = {tuple(w.casefold() for w in gram) for gram in _ngrams(text_runs, ENGLISH_RUN)}
    for gram in candidates:
        if gram in pairs or tuple(w.casefold() for w in gram) in triples:
            return f"English left untranslated: {' '.join(gram)!r}"
    return None


def _split_at(runs: list[list[str]], shared: frozenset[str]) -> list[list[str]]:
    """The runs cut at every word the translation does not share."""
    pieces: list[list[str]] = []
    for run in runs:
        piece: list[str] = []
        for word in run:
            if word.casefold() in shared:
                piece.append(word)
            elif piece:
                pieces.append(piece)
                piece = []
        if len(piece) > 1:
            pieces.append(piece)
    return [piece for piece in pieces if len(piece) > 1]


def _adjacent(tokens: list[str], common: set[str]) -> bool:
    """Two plain words of the source in a row, one of them longer than three letters, are
    also in the translation."""
    previous = ""
    for token in tokens:
        current = token if token in common else ""
        if current and previous and len(current) + len(previous) > 5:
            return True
        previous = current
    return False


def _left_label(source: str, text: str, ctx: MessageContext) -> str | None:
    """A glossary label of several words (a role such as "Sales agent") copied in English
    where the locale has its own; bold labels are the ui check's."""
    pattern, quick = ctx.glossary.any_multiword_label, ctx.glossary.multiword_folded
    if pattern is None or quick is None:
        return None
    # The usual case: no such label in the source, or none left in the translation.
    if quick.search(source.casefold()) is None or quick.search(text.casefold()) is None:
        return None
    seen: set[str] = set()  # a label met again is answered already: each is sought once
    for match in pattern.finditer(source):
        if match.group().casefold() in seen:
            continue
        seen.add(match.group().casefold())
        label = next(k for k in ctx.glossary.labels if k.casefold() == match.group().casefold())
        forms = ctx.glossary.labels[label]
        if f"**{label}**" in source or not _has_phrase(text, label):
            continue
        glossed = kept_with_gloss(text, label, re.IGNORECASE)
        if glossed and not kept_with_gloss(source, label, re.IGNORECASE):
            continue  # "Sales agent (Vertriebsmitarbeiter)": the label kept, glossed
        if not any(_has_phrase(text, form) for form in forms):
            said = ctx.glossary.label_text[label]  # the approved form, no label brackets
            return f"{label!r} left in English: {ctx.locale} says {said!r}"
    return None


def kept_with_gloss(text: str, label: str, flags: int = 0) -> bool:
    """The English label kept whole with the locale's words for it in brackets right after
    it ("**Subscriptions** (Abonnements)"), or itself in brackets after them ("Abonnements
    (**Subscriptions**)"): Microsoft's convention for a label kept in English, whatever
    words the gloss chooses."""
    name = re.escape(label)
    return (
        re.search(rf"(?<!\w){name}\**\s*[(（][^()（）\n]*\w[^()（）\n]*[)）]", text, flags)
        is not None
        or re.search(rf"\w[^()（）\n]{{0,80}}[(（]\s*\**{name}\**\s*[)）]", text, flags) is not None
    )


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


#: An English past participle ("prorated", "transacted"): a form a locale never borrows.
_PARTICIPLE = re.compile(r"(?<![\w`/.\\-])[a-z]{3,}ed(?![\w`/\\-])")
_ED_END = re.compile(r"ed(?![\w`/\\-])")
#: What is no running text of the locale: code, a link's target, bold, a quoted value.
_NOT_CLAUSE = re.compile(
    r"`[^`\n]*`|\]\([^)\s]*\)|https?://\S+|\*\*[^*\n]*\*\*|[\"“][^\"“”\n]*[\"”]"
)
_NEIGHBOUR_REACH = 80


def _lone_english(source: str, text: str, ctx: MessageContext) -> str | None:
    """One English word of the source left alone inside a clause of the locale, where a
    locale never borrows it: a past participle, or any lower-case word amid Chinese,
    Japanese or Korean script (names, labels and terms the locale keeps are capitalised,
    bold, code or listed as its loanwords)."""
    # Quick rejects, as written: an ending "ed" found literally is far cheaper than a word
    # sought at every position.
    participle = _ED_END.search(text) is not None and _PARTICIPLE.search(text) is not None
    if not participle and _CJK_THEN_WORD.search(text) is None:
        return None
    clause = _NOT_CLAUSE.sub(" \x00 ", text)
    loanwords = frozenset(ctx.glossary.conventions.loanwords)
    return _lone_participle(source, clause, loanwords) or _amid_cjk(source, clause, loanwords)


#: A lower-case Latin word between two characters of Chinese, Japanese or Korean.
_CJK = r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]"
_AMID_CJK = re.compile(rf"(?<={_CJK}) ?([a-z]{{5,}}) ?(?={_CJK})")
_CJK_THEN_WORD = re.compile(rf"{_CJK} ?[a-z]{{5}}")
#: A lower-case word of the source that is prose: not part of a path, address or name.
_SOURCE_WORD = re.compile(r"(?<![\w.@/\\-])[a-z]+(?![\w.@/\\-])")


#: Lower-case words that are no prose: a scheme named in a sentence ("the https URL").
_SCHEMES = frozenset({"http", "https", "ftp"})


def _amid_cjk(source: str, clause: str, loanwords: frozenset[str]) -> str | None:
    ours: set[str] | None = None
    # Not a brand lower-cased ("yammer group"), nor a word the portal names a tab or a
    # feature with ("partner insights", "customer"): left alone, those are names.
    english = conventions("en")
    names = english.brands | {w.casefold() for w in english.words_in_capitals} | _SCHEMES
    for match in _AMID_CJK.finditer(clause):
        word = match.group(1)
        ours = set(_SOURCE_WORD.findall(source)) if ours is None else ours
        kept = word in loanwords or word in names or _identifier(word, source)
        if word in ours and not kept:
            return f"English left untranslated: {word!r}"
    return None


def _identifier(word: str, source: str) -> bool:
    """A lower-case word the source names as a claim, property or field ("the
    tokenissuerclaims claim"): an identifier every locale keeps (locale_data/en.yaml
    `identifier_nouns`), not a word of English."""
    nouns = "|".join(map(re.escape, _identifier_nouns()))
    if not nouns:
        return False
    named = (
        rf"\b{re.escape(word)}[`'\"”]?\s+(?:{nouns})\b|\b(?:{nouns})\s+[`'\"“]?{re.escape(word)}\b"
    )
    return re.search(named, source) is not None


@functools.cache
def _identifier_nouns() -> tuple[str, ...]:
    return tuple(str(w) for w in locale_data("en").get("identifier_nouns") or ())


def _lone_participle(source: str, clause: str, loanwords: frozenset[str]) -> str | None:
    """One English past participle of the source, copied into a clause of the locale:
    both words beside it are the locale's (words the source does not have), with no
    punctuation between. A run of English words (a title with its gloss) is not this."""
    if _PARTICIPLE.search(clause) is None:
        return None
    ours = {w.casefold() for w in _WORD.findall(source)}
    for match in _PARTICIPLE.finditer(clause):
        word = match.group()
        if word not in ours or word in loanwords or len(word) < 6:
            continue
        before = clause[max(0, match.start() - _NEIGHBOUR_REACH) : match.start()].split()
        after = clause[match.end() : match.end() + _NEIGHBOUR_REACH].split()
        if (
            before
            and after
            and _locale_word(before[-1], ours, last=True)
            and _locale_word(after[0], ours, last=False)
        ):
            return f"English left untranslated: {word!r}"
    return None


def _locale_word(token: str, ours: set[str], *, last: bool) -> bool:
    """A word of the locale beside the participle: letters only (a following word may end
    its clause), and not a word of the source."""
    word = token if last else token.rstrip(_EDGE_PUNCTUATION)
    return word.isalpha() and word.casefold() not in ours


#: Messages of one page that must translate a pair of words before its English, kept in
#: another message, is English left rather than a term the locale borrows.
PAGE_EVIDENCE = 2


def check_english_left_on_page(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """Two lower-case English words in a row ("micro chart", "install base") kept in a
    message where more messages of the same page or catalog translate them: there the
    page shows the locale does not borrow them. One message alone cannot tell such a
    pair from a term the locale writes in English (`_is_prose`); glosses, English titles,
    quoted values and loanwords are left out first (`_kept_by_policy`). Also a label kept
    whole that the page translates (and in a wide script one word: kept_word.py, which
    reads this module's policy, runs after this pass)."""
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    labels = list(_kept_labels(entries, ctx))
    yield from labels
    yield from _kept_headings(entries, ctx, {id(entry) for entry, _ in labels})
    yield from _kept_pairs(entries, ctx)


def _kept_pairs(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """Lower-case English pairs kept where more messages of the page translate them."""
    left: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    translated: dict[tuple[str, str], int] = defaultdict(int)
    rest: list[tuple[str, str, set[str]]] = []
    for entry in entries:
        for source, text in entry.pairs[:1]:
            if source.strip() == text.strip():
                continue
            keys = _source_keys(source)
            folded = " ".join(text.casefold().split())
            if not _holds_key(folded, keys):  # no pair of it can be kept
                rest.append((source, folded, keys))
            else:
                _tally(entry, source, text, folded, ctx, left, translated)
    if not left:
        return
    # The other messages count only for the pairs some message kept.
    wanted = {_key(a, b) for a, b in left}
    for source, folded, keys in rest:
        if not keys.isdisjoint(wanted):
            for pair in _content_pairs(source, ctx):
                if pair in left and " ".join(pair) not in folded:
                    translated[pair] += 1
    reported: set[int] = set()
    for pair, found in left.items():
        others = translated[pair]
        if others < PAGE_EVIDENCE or len(found) >= others:
            continue
        for entry in found:
            if id(entry) in reported or any(check_english_left(entry, ctx)):
                continue
            reported.add(id(entry))
            yield (
                entry,
                f"English left untranslated: {' '.join(pair)!r} ({others} other message(s) "
                f"of this page translate it)",
            )


#: A label: one to four capitalised or lower-case words of letters (no code, no camelCase,
#: no acronym), with bold or a colon around it: a table cell, a column, a field's name.
_LABEL_CELL = re.compile(r"[*_]*([A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,3})[*_]*:?")


def _kept_labels(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """A label left in English whole ("Categories" in one row) where other messages of the
    page translate the same label, at least as often and twice: the page shows the locale does not
    keep it. Not reported: a label that is a name, or whose words the page's translated
    text uses where its source does not (a word the locale shares: "Details", "Status")."""
    kept: dict[str, list[Entry]] = defaultdict(list)
    translated: dict[str, int] = defaultdict(int)
    for entry in entries:
        for source, text in entry.pairs[:1]:
            cell = _LABEL_CELL.fullmatch(source.strip())
            if cell is None:
                continue
            if source.strip() == text.strip():
                kept[cell.group(1)].append(entry)
            elif cell.group(1).casefold() not in text.casefold():
                translated[cell.group(1)] += 1
    found = [
        label for label, left in kept.items() if translated[label] >= max(len(left), PAGE_EVIDENCE)
    ]
    if not found:
        return
    shared = _shared_words(entries, found)
    for label in found:
        if label.casefold() in shared or _cut_names(label, ctx) != label:
            continue
        for entry in kept[label]:
            yield (
                entry,
                f"English left untranslated: the label {label!r} ({translated[label]} other "
                "message(s) of this page translate it)",
            )


#: A bold heading or column header of one to four words: "**Response**", "**Type**".
_BOLD_LABEL = re.compile(r"\*\*([A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,3}):?\*\*:?")
#: Messages of the page with the word in their English that translate it, at least.
_WORD_EVIDENCE = 3
#: Of them, how many use it as a common word, in lower case, at least (not a name).
_COMMON_USES = 2
#: What holds no word of a translation: a link's target, code, an address.
_NO_WORDS = re.compile(r"\]\([^)]*\)|`[^`]*`|https?://\S+")


def _kept_headings(
    entries: list[Entry], ctx: MessageContext, reported: set[int]
) -> Iterator[tuple[Entry, str]]:
    """A bold heading or column header kept whole in English ("**Response**") on a page
    that translates its other bold headings, at least two and as many as it keeps, and
    translates a word of it everywhere else: three messages or more whose English has
    the word, two of them in lower case, and no translation of the page that holds it
    (a word the locale shares, "Status", "Details", is held somewhere). Sibling headings
    translated and the word translated in running text: the heading was left, not kept."""
    kept: dict[str, list[Entry]] = defaultdict(list)
    translated = 0
    for entry in entries:
        for source, text in entry.pairs[:1]:
            bold = _BOLD_LABEL.fullmatch(source.strip())
            if bold is None:
                continue
            if source.strip() != text.strip():
                translated += 1
            elif id(entry) not in reported and _cut_names(bold.group(1), ctx) == bold.group(1):
                kept[bold.group(1)].append(entry)
    if not kept or translated < max(PAGE_EVIDENCE, sum(map(len, kept.values()))):
        return
    english = function_words("en")
    words = {
        label: [w for w in _WORD.findall(label) if len(w) > 3 and w.casefold() not in english]
        for label in kept
    }
    evidence = _word_evidence(entries, {w.casefold() for ws in words.values() for w in ws})
    for label, left in kept.items():
        found = max((evidence.get(w.casefold(), 0) for w in words[label]), default=0)
        for entry in left if found >= 2 * len(left) else ():
            yield (
                entry,
                f"English left untranslated: the heading {label!r} (the page translates "
                f"its other headings, and the word in {found} other message(s))",
            )


def _word_evidence(entries: list[Entry], wanted: set[str]) -> dict[str, int]:
    """Each wanted word (folded) -> the messages that translate it, if at least
    _WORD_EVIDENCE do, _COMMON_USES of them in lower case, and no translation of the
    page holds it. One pass over the page, every word sought at once."""
    if not wanted:
        return {}
    alternatives = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
    anywhere = re.compile(alternatives)
    as_word = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    held: set[str] = set()
    uses: dict[str, int] = defaultdict(int)
    common: dict[str, int] = defaultdict(int)
    for entry in entries:
        for source, text in entry.pairs[:1]:
            if source.strip() == text.strip():
                continue
            held.update(anywhere.findall(_NO_WORDS.sub(" ", text).casefold()))
            found = as_word.findall(_NO_WORDS.sub(" ", source))
            for word in {use.casefold() for use in found}:
                uses[word] += 1
            for word in {use for use in found if use.islower()}:
                common[word] += 1
    return {
        word: count
        for word, count in uses.items()
        if word not in held and count >= _WORD_EVIDENCE and common[word] >= _COMMON_USES
    }


def _shared_words(entries: list[Entry], labels: list[str]) -> set[str]:
    """The labels (folded) the page's translations use where their source does not: words
    of the locale as much as of English."""
    wanted = {label.casefold() for label in labels}
    shared: set[str] = set()
    for entry in entries:
        for source, text in entry.pairs[:1]:
            folded, english = text.casefold(), source.casefold()
            shared |= {w for w in wanted if _has_phrase(folded, w) and not _has_phrase(english, w)}
    return shared


def _tally(
    entry: Entry,
    source: str,
    text: str,
    folded: str,
    ctx: MessageContext,
    left: dict[tuple[str, str], list[Entry]],
    translated: dict[tuple[str, str], int],
) -> None:
    """One message's content pairs: kept (in `left`) or translated (counted)."""
    pairs = _content_pairs(source, ctx)
    kept: dict[tuple[str, str], None] = {}
    if any(" ".join(pair) in folded for pair in pairs):  # rare: only then the policy
        kept = _content_pairs(
            _kept_by_policy(source, text, ctx.glossary.conventions.loanwords), ctx
        )
    named = _content_pairs(_listed_names(source, text), ctx) if kept else {}
    for pair in pairs:
        if pair in named:
            continue  # a name of a list of names, kept whole: the convention, no evidence
        if pair in kept:
            left[pair].append(entry)
        elif " ".join(pair) not in folded:
            translated[pair] += 1


#: What parts the items of an English list: a comma, a bar, a semicolon, "or", "and".
_LIST_SPLIT = re.compile(r"\s*(?:[,|;]|\bor\b|\band\b)\s*")
#: How many items opening with a capital make a list of names (roles, plans).
_NAMES = 3
#: The most words of one name in such a list.
_NAME_WORDS = 6


def _listed_names(source: str, text: str) -> str:
    """The names of an English list of names (three items or more of a few words, each
    opening with a capital: roles, "Global admin, Report viewer, or Executive report
    viewer") that the translation keeps whole, capital included: a role or plan kept in
    English by convention, no words of prose left, whatever the page does with a shorter
    name of its words ("Report viewer" translated)."""
    items = [item.strip(" *_.:") for item in _LIST_SPLIT.split(source)]
    named = [i for i in items if i[:1].isupper() and len(i.split()) <= _NAME_WORDS]
    if len(named) < _NAMES:
        return ""
    return " | ".join(i for i in named if " " in i and i in text)


# Why the keys: a content pair (a, b) of a source is two words of lower-case ASCII
# letters, apostrophes or hyphens, each longer than two, that end and start whitespace
# tokens of it (edge punctuation aside); "a b" kept in a translation ends and starts two
# of its tokens. The last three characters of a, a space and the first three of b are
# then a key of the source (found by the expression below, in C, at every position: a
# superset of the keys is harmless) and a substring of the folded translation. A
# message without a common key is settled without the costly word runs of
# `_content_pairs`.
_EDGE_CLASS = re.escape(_EDGE_PUNCTUATION)
_SOURCE_KEY = re.compile(rf"(?=([a-z'’-]{{3}})[{_EDGE_CLASS}]*\s+[{_EDGE_CLASS}]*([a-z'’-]{{3}}))")


def _key(a: str, b: str) -> str:
    return f"{a[-3:]} {b[:3]}"


def _source_keys(source: str) -> set[str]:
    return {f"{a} {b}" for a, b in _SOURCE_KEY.findall(source)}


def _holds_key(folded: str, keys: set[str]) -> bool:
    """Whether the folded translation holds a key of the source: a substring test per key
    in C (half the cost of seeking every key of the translation)."""
    return any(map(folded.__contains__, keys))


def _content_pairs(text: str, ctx: MessageContext) -> dict[tuple[str, str], None]:
    """Two lower-case words in a row, neither a function word of English or of the locale,
    one longer than three letters: names, code and Title-Case names cut out first. In the
    order of the text (a dict): findings do not depend on hashing."""
    english, own = function_words("en"), ctx.glossary.function_words
    return dict.fromkeys(
        (a, b)
        for a, b in _ngrams(_runs(_cut_names(text, ctx)), 2)
        if a.islower()
        and b.islower()
        and len(a) > 2
        and len(b) > 2
        and max(len(a), len(b)) > 3
        and not {a, b} & english
        and not {a, b} & own
    )
