"""Bold, links and code on the wrong words: what machine translation does when it reorders
a sentence around markup it does not understand."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anyascii import anyascii

from .base import Entry, MessageContext
from .beside import left_beside, stem
from .conventions import WIDE, conventions, locale_data
from .own_words import link_phrase, own_word, reflexive_last
from .spans import marked
from .words import function_words

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["Span", "check_placement", "glued", "kept_at_edge", "only_function_words", "spans"]

_KINDS = {"strong_open": "bold", "em_open": "italic", "link_open": "link", "code_inline": "code"}
_CLOSE = {"strong_close", "em_close", "link_close"}
SOURCE_LANGUAGE = "en"  # the language of every source text


#: How much plain text either side of a span is kept: enough for the words next to it,
#: and bounded, so a message of 40,000 links costs 40,000 short strings, not 40,000 copies.
AROUND = 120


@dataclass(frozen=True)
class Span:
    kind: str  # bold, link or code
    inside: str
    before: str  # the plain text before it in the message, its last AROUND characters
    after: str  # the plain text after it, its first AROUND characters
    #: Whether the message has words outside the span at all (not only in `before`/`after`).
    words_outside: bool = True


def spans(tokens: list[Token]) -> list[Span]:
    """Every bold span, link and code span with the plain text around it. One pass over the
    tokens, so linear in the message."""
    plain: list[str] = []
    length = 0
    opened: list[tuple[str, int]] = []
    found: list[tuple[str, int, int]] = []  # kind, start, end in the joined plain text
    for token in tokens:
        if token.type in _KINDS and token.type != "code_inline":
            opened.append((_KINDS[token.type], length))
            continue
        if token.type in _CLOSE:
            if opened:
                kind, begin = opened.pop()
                found.append((kind, begin, length))
            continue
        piece = " " if token.type in ("softbreak", "hardbreak") else token.content
        if token.type == "code_inline":
            found.append(("code", length, length + len(piece)))
        plain.append(piece)
        length += len(piece)
    text = "".join(plain)
    # words[i]: how many letters or digits text[:i] holds, to ask "words outside?" at once.
    words = [0]
    for char in text:
        words.append(words[-1] + char.isalnum())
    return [
        Span(
            kind,
            text[a:b],
            text[max(0, a - AROUND) : a],
            text[b : b + AROUND],
            words[a] + words[-1] - words[b] > 0,
        )
        for kind, a, b in found
    ]


def glued(char: str) -> bool:
    """A letter of a spaced script: markup next to it is glued to a word."""
    return char.isalpha() and ord(char) < WIDE


def only_function_words(inside: str, ctx: MessageContext, words_of: str | None = None) -> bool:
    """One or two words, all function words ("in", "van uw"): what bold moved onto. The
    locale's function words, or those of `words_of` (the source's language)."""
    known = ctx.glossary.function_words if words_of is None else function_words(words_of)
    words = [w.strip(".,:;!?()'\"«»") for w in inside.casefold().split()]
    words = [w for w in words if w]
    return 0 < len(words) <= 2 and all(w in known for w in words)


def _number_at(text: str, end: bool) -> bool:
    tokens = text.split()
    near = tokens[-2:] if end else tokens[:1]
    return any(any(ch.isdigit() for ch in token) for token in near)


def _problems(span: Span, source: Span | None, ctx: MessageContext) -> Iterator[str]:
    what = f"{span.kind} {span.inside.strip()!r}"
    # A link may well say "here" (hier, こちら); bold marks a label, never "van uw".
    label = span.inside.strip().rstrip(_TRAILING) in ctx.glossary.label_forms  # "Weiter"
    moved = span.kind == "bold" and not label and only_function_words(span.inside, ctx)
    if moved and not (source and _closed_class(source.inside)):
        yield f"{what} holds only function words: the {span.kind} moved off its words"
    yield from _glue(span, source, what)
    if source is not None and not label and not moved:
        yield from _edges(span, source, ctx, what)
        yield from _shrunk(span, source, ctx, what)
        yield from _left_out(span, source, what)
    if source is not None and _particle_last(span, source, ctx):
        yield (
            f"{what} ends with the particle {span.inside.rstrip(_TRAILING + ' ')[-1]!r} of the "
            f"sentence: the {span.kind} took in its grammar, not only the label"
        )
    if source is not None and (verb := _see_taken_in(span, source, ctx)):
        edge = "ends" if span.inside.rstrip(_TRAILING + "。． ").endswith(verb) else "opens"
        yield (
            f'{what} {edge} with {verb!r}, the sentence\'s "see": the English link holds '
            "only what it names, the verb is outside it"
        )
    if source is not None and (pronoun := _subject_first(span, source, ctx)):
        yield (
            f"{what} holds {pronoun!r}, the subject of the sentence's verb, which the English "
            f"{span.kind} does not say: the {span.kind} took in the verb or its subject"
        )
    if source is not None and _past_colon(span, source):
        yield f"{what} runs on past the colon of the English {span.kind}'s label: it took in words"
    if (
        source is not None
        and _crosses(span.inside, _BRACKETS)
        and not _crosses(source.inside, _BRACKETS)
    ):
        yield f"{what} holds one bracket of a pair: it starts or ends inside the brackets"
    if source is not None and _crosses_quotes(span.inside) and not _crosses_quotes(source.inside):
        yield f"{what} holds one quotation mark of a pair: it crosses the quotes around its words"
    if _splits(span) and not (source and _splits(source)):
        around = f"{span.before.split()[-1]} … {span.after.split()[0]}"
        yield f"{what} splits {around!r}: it moved into the middle of a date or number"
    if source is not None and span.kind != "code" and not source.words_outside:
        outside = " ".join((span.before + " " + span.after).split())
        if span.words_outside and not (_clause_frame(span, ctx) or _glossed(span)):
            yield f"the whole source is the {span.kind}'s text; here {outside!r} is outside it"


#: The English span's content words from which a shrunk span is told, and the share of
#: its letters under which the translation's span holds only part of it. Letters, not
#: words: a compound ("Produkteinführungskalender") says three English words in one.
_SHRINK_WORDS = 3
_SHRINK_SHARE = 0.4


def _shrunk(span: Span, source: Span, ctx: MessageContext, what: str) -> Iterator[str]:
    """Bold or a link shrunk onto part of its words ("**Exibir** marca de seleção" for
    "**Display check mark**"): far fewer letters than the English span's content words, in
    a spaced script, the sentence around both."""
    if span.kind == "code" or not (span.words_outside and source.words_outside):
        return
    if any(ord(c) >= WIDE for c in span.inside + span.before + span.after):
        return
    english = function_words(SOURCE_LANGUAGE)
    words = [w.strip(".,:;!?()'\"") for w in source.inside.casefold().split()]
    content = [w for w in words if w and w not in english and any(c.isalnum() for c in w)]
    if len(content) < _SHRINK_WORDS or " ".join(words) in _GENERIC:
        return
    theirs = sum(len(w) for w in content)
    ours = sum(c.isalnum() for c in span.inside)
    if ours <= theirs * _SHRINK_SHARE:
        yield f"{what} holds a part of the English {source.inside.strip()!r}: it shrank"


#: How many first letters (transliterated, folded) a word and its cognate share: "domain"
#: and "Domäne", "licenses" and "licenser", "plan" and "Pläne".
_COGNATE = 4
_LETTERS = re.compile(r"[^\W\d_]+")


def _stem(word: str) -> str:
    return anyascii(word.casefold())[:_COGNATE]


def _left_out(span: Span, source: Span, what: str) -> Iterator[str]:
    """The word right after the span is the cognate of a word inside the English span and
    of none inside the translation's ("**Primäre** Domäne" for "**Primary domain**",
    "**Lägg till** produkter" for "**Add products**"): the span ends short of its words.
    Not where the English has that word after its span too (a word said twice)."""
    if span.kind == "code" or not span.after[:1].isspace() or span.inside.rstrip()[-1:] == ":":
        return  # "**Status:** Status of the check": a label, then its description
    found = _LETTERS.match(span.after.lstrip())
    word = found.group() if found else ""
    if len(word) < _COGNATE or ord(word[0]) >= WIDE:
        return
    stem, english = _stem(word), function_words(SOURCE_LANGUAGE)
    theirs = _LETTERS.findall(source.inside)
    if len(theirs) < 2 or any(_stem(w) == stem for w in _LETTERS.findall(span.inside)):
        return
    then = _LETTERS.findall(source.after)[:1]
    if then and _stem(then[0]) == stem:
        return
    said = [w for w in theirs if len(w) >= _COGNATE and w.casefold() not in english]
    if any(_stem(w) == stem for w in said):
        yield (
            f"{what} leaves {word!r} after it, a word of the English {source.kind} "
            f"{source.inside.strip()!r}: it ends short of its words"
        )


def _particle_last(span: Span, source: Span, ctx: MessageContext) -> bool:
    """Bold or a link that ends with the locale's case particle glued to its label
    ("**고객 연결을** 선택합니다", "**概要を**"; locale data `span_particles`), where both
    texts have words outside the span: a label never ends with one, the particle is the
    sentence's. A label kept in Latin letters takes it the same way ("**MPN을**")."""
    if span.kind == "code" or not (span.words_outside and source.words_outside):
        return False
    particles = _listed(ctx.locale, "span_particles")
    inside = span.inside.rstrip(_TRAILING + " ")
    if not inside or inside[-1] not in particles:
        return False
    label = inside[:-1].rstrip(" ]」』")  # "**[保存] を**": the label's marks may stand between
    if not label or label[-1] in particles:
        return False
    last = label[-1]
    return ord(last) >= WIDE or (last.isascii() and (last.isalnum() or last == ")"))


def _see_taken_in(span: Span, source: Span, ctx: MessageContext) -> str:
    """The locale's "see" or "refer to" at the end of a link's text (`see_verbs`: "[「X」を
    参照してください](x)", "[X를 참조하세요](x)") or at its start (`see_verbs_first`: "[zobacz
    X](x)", "[consulte X](x)", after at most one word and a comma) where the English link
    text says no such thing ("see [X](x)"): the link took in the verb of the sentence. ""
    if not."""
    if span.kind != "link" or not span.inside:
        return ""
    inside = span.inside.rstrip(_TRAILING + "。． ")
    verb = next((v for v in _see_verbs(ctx.locale) if inside.endswith(v)), "")
    if not verb and (first := _SEE_FIRST.match(inside.casefold())):
        verb = next((v for v in _see_verbs_first(ctx.locale) if _opens(first[1], v)), "")
    if not verb:
        return ""
    english = set(_ENGLISH_WORD.findall(source.inside.casefold()))
    return "" if english.intersection(_see_verbs(SOURCE_LANGUAGE)) else verb


@functools.cache
def _see_verbs(locale: str | None) -> tuple[str, ...]:
    words = locale_data(locale).get("see_verbs")
    return tuple(str(w).casefold() for w in words) if isinstance(words, list) else ()


def _subject_first(span: Span, source: Span, ctx: MessageContext) -> str:
    """The pronoun of address that follows its verb (`span_subjects`: nl "u", sv "du", de
    "Sie") opening a span right after a word, capitalised ("wählen **Sie Speichern** aus",
    "finden [Sie unter X](x)"; the edge rule reads the lower-case ones), or second in bold
    after its verb in lower case ("gaat u verder, **selecteert u Opslaan**", "**väljer du
    Spara**"), where the English span says no "you": the span took in the sentence's verb
    or subject, not only the label. A link's text may be a clause ("[hur du gör X](x)" for
    "[how to do X](x)"). "" if not."""
    words = [w.rstrip(_TRAILING) for w in span.inside.split()[:2]]
    if span.kind == "code" or not words or not any(c.isalnum() for c in span.before):
        return ""
    if "you" in source.inside.casefold():
        return ""
    subjects = _span_subjects(ctx.locale)
    if words[0] in subjects and words[0][:1].isupper() and span.before.rstrip()[-1:].isalpha():
        return words[0]
    second = len(words) == 2 and words[0].isalpha() and words[0].islower()
    return words[1] if second and span.kind != "link" and words[1] in subjects else ""


@functools.cache
def _span_subjects(locale: str | None) -> frozenset[str]:
    words = locale_data(locale).get("span_subjects")
    return frozenset(str(w) for w in words) if isinstance(words, list) else frozenset()


@functools.cache
def _see_verbs_first(locale: str | None) -> tuple[str, ...]:
    return tuple(sorted(_listed(locale, "see_verbs_first")))


#: A link's text after at most one word and a comma ("más información, consulte X").
_SEE_FIRST = re.compile(r"\s*(?:[^\W\d_]+,\s+)?(.*)", re.DOTALL)


def _opens(text: str, verb: str) -> bool:
    """`text` opens with the word `verb` (in a wide script, with its characters)."""
    if not text.startswith(verb):
        return False
    return ord(verb[-1]) >= WIDE or text[len(verb) : len(verb) + 1].isspace()


#: A colon and a word after it, in any script.
_COLON_THEN_WORD = re.compile(r"[:：]\s*\w")
_COLONS = ":："


def _past_colon(span: Span, source: Span) -> bool:
    """A label's bold that ends with its colon in the English ("**Profile name:** Enter
    a name"), or that the colon follows ("**Profile name**: Enter a name"), and runs on
    past it here ("**Nome do perfil: insira** um nome"): the span took in the first
    words of the description."""
    if span.kind in ("code", "link"):
        return False
    ends, follows = source.inside.rstrip()[-1:], source.after.lstrip()[:1]
    if not ((ends and ends in _COLONS) or (follows and follows in _COLONS)):
        return False
    if _COLON_THEN_WORD.search(source.inside) or span.inside.rstrip()[-1:] in _COLONS:
        return False
    return _COLON_THEN_WORD.search(span.inside) is not None


#: Brackets and parentheses, opening and closing: ASCII, full-width, lenticular ("[保存]").
_BRACKETS = (("[", "]"), ("(", ")"), ("（", "）"), ("【", "】"))


def _crosses(inside: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """A bracket without its mate inside the span (`[ **アカウント設定] を**`, `**Azure
    (US**)`): the span starts or ends inside the brackets around its words."""
    return any(inside.count(opening) != inside.count(closing) for opening, closing in pairs)


#: Quotation marks, by the pairs a script writes ("…", “…”, „…“, «…»; 「…」, 『…』).
_QUOTES = ('"“”„«»', "「」『』")


def _crosses_quotes(inside: str) -> bool:
    """An odd number of one script's quotation marks: one of a pair inside, its mate
    outside (`**"帐户设置**"`, `"**付款和税务"**`)."""
    return any(sum(inside.count(mark) for mark in marks) % 2 for marks in _QUOTES)


#: What is no word: spaces and the punctuation that ends or joins a sentence.
_NO_WORD = str.maketrans("", "", " \u00a0\u3000.,:;!?。、，：；！？．")


def _clause_frame(span: Span, ctx: MessageContext) -> bool:
    """Only the locale's clause frame outside the span: the verb ending or polite request
    that a predicate-final language (ja, ko) or Chinese puts around a whole clause."""
    frame = ctx.glossary.conventions
    before, after = span.before.translate(_NO_WORD), span.after.translate(_NO_WORD)
    return (
        (not before or before in frame.clause_before)
        and (not after or after in frame.clause_after)
        and bool(frame.clause_before or frame.clause_after)
    )


_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]")


def _glossed(span: Span) -> bool:
    """Only a gloss in parentheses after the span: "**Expiry status** (有効期限の状態)", the
    English label kept with the locale's words beside it."""
    rest = _GLOSS.sub("", span.after, count=1) if _GLOSS.match(span.after) else span.after
    return not span.before.translate(_NO_WORD) and not rest.translate(_NO_WORD)


#: What may end a word at a span's edge: the sentence's punctuation, never a bracket ("(s)").
_TRAILING = ".,:;!?"
#: Pronouns that go with the verb they stand before, in the label itself ("vous inscrire",
#: "se connecter", "iscriversi" written apart): no neighbour taken in at a span's start.
_CLITICS = {
    "fr": frozenset({"me", "te", "se", "nous", "vous", "m", "t", "s"}),
    "es": frozenset({"me", "te", "se", "nos", "os"}),
    "it": frozenset({"mi", "ti", "si", "ci", "vi"}),
    "pt": frozenset({"me", "te", "se", "nos"}),
    "sv": frozenset({"att"}),  # the infinitive's mark: "[att hämta en lista]"
}
#: Articles: a link's text is a phrase, which may well begin with one ("[les demandes](x)");
#: a bold label holds none ("**der Seite**" took in its neighbours).
_ARTICLES = {
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "eines",
        ]
    ),
    "es": frozenset(["el", "la", "los", "las", "un", "una", "unos", "unas"]),
    "fr": frozenset(["le", "la", "les", "l", "un", "une", "des"]),
    "it": frozenset(["il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"]),
    "nl": frozenset(["de", "het", "een"]),
    "pt": frozenset(["o", "a", "os", "as", "um", "uma", "uns", "umas"]),
    "sv": frozenset(["en", "ett", "den", "det", "de"]),
}
#: Particles that end a verb of a label in the language ("**Lägg till**", "**Logga in**").
_PARTICLES = {"sv": frozenset(["till", "in", "ut", "upp", "av", "bort", "om", "fram", "ner", "på"])}
#: A link's text that names no words of the sentence: its translation is free ("ce lien").
_GENERIC = frozenset({"here", "this", "this link", "this article", "this page", "learn more"})


def _edge_words(inside: str) -> list[str]:
    return [w.strip(_TRAILING) for w in inside.split() if w.strip(_TRAILING)]


def _edges(span: Span, source: Span, ctx: MessageContext, what: str) -> Iterator[str]:
    """A function word at an edge of the span where the source's span has a content word
    ("**Aggiungere un percorso MPN di** seguito", "selecteert **u Upload**"): the span
    took in a neighbour of the sentence. Spaced scripts only, two words or more inside,
    and only a word in lower case (a capital starts the sentence, or a name: "AD")."""
    words, theirs = _edge_words(span.inside), _edge_words(source.inside.casefold())
    if len(words) < 2 or not theirs or not (span.words_outside and source.words_outside):
        return  # a span of the whole message has no neighbour to take in
    if " ".join(theirs) in _GENERIC:
        return
    if any(ord(c) >= WIDE for c in span.inside):
        return
    known, english = ctx.glossary.function_words, function_words(SOURCE_LANGUAGE)
    for index, side in ((-1, "end"), (0, "start")):
        word = words[index]
        if not (word.isalpha() and word.islower()) or word not in known:
            continue
        if _function_word(theirs[index], english) or word in kept_at_edge(ctx, span.kind, side):
            continue
        if side == "start" and _locution(source, words[1]):
            continue
        if side == "start" and _adverb_first(words, source.inside.split(), ctx):
            continue
        if side == "start" and span.kind != "link" and _copula_first(word, source, ctx):
            continue
        if _negated(word, ctx, theirs):
            continue
        if own_word(words, side, language_of(ctx), source.inside):
            continue
        if side == "start" and span.kind == "link" and _phrase(words, span, source, ctx):
            continue
        if side == "end" and span.kind == "link" and reflexive_last(words, language_of(ctx)):
            continue
        if side == "end" and _closes_own_verb(word, span, theirs, ctx):
            continue
        yield f"{what} has the function word {word!r} at its {side}: it took in a neighbour"
        return


def _closes_own_verb(word: str, span: Span, theirs: list[str], ctx: MessageContext) -> bool:
    """A separable verb's particle closing the span's own clause (`verb_particles`: "[Neem
    contact op](x)", "**Wählen Sie einen Partner aus:**" for "[Contact Support](x)", "**Select
    a partner:**"): the span opens the message, so the verb the particle belongs to is inside
    it, the English span has no such word, and no noun phrase follows the particle (a
    preposition governs one: "**Geschatte kosten in** de afgelopen maand")."""
    if word not in _listed(ctx.locale, "verb_particles") or word in theirs:
        return False
    if any(c.isalnum() for c in span.before):
        return False
    following = span.after.split()[:1]
    article = following[0].casefold() if following else ""
    return article not in _ARTICLES.get(language_of(ctx), frozenset())


def _phrase(words: list[str], span: Span, source: Span, ctx: MessageContext) -> bool:
    """A link's text opened by a preposition of its phrase, its content still inside, and
    the words of the sentence around it (what `spans` keeps of it) outside."""
    near = f"{span.before} {span.after}"
    around = f"{source.before} {source.after}"
    return link_phrase(words, language_of(ctx), near, (source.inside, around))


def _negated(word: str, ctx: MessageContext, theirs: list[str]) -> bool:
    """The locale's negation where the English span negates too, at another place ("*Not
    supported*" as "*Stöds inte*"): the label's own word."""
    ours = conventions(ctx.locale).negations
    mine = any(word == n or (n.endswith("*") and word.startswith(n[:-1])) for n in ours)
    return mine and any(w in _NEGATORS or w.replace("’", "'").endswith("n't") for w in theirs)


#: English words that negate a label ("Not supported", "No admin", "Never expires").
_NEGATORS = frozenset({"not", "no", "never", "cannot", "none", "without"})


def language_of(ctx: MessageContext) -> str:
    return (ctx.locale or "").split("-")[0].casefold()


def kept_at_edge(ctx: MessageContext, kind: str, side: str) -> frozenset[str]:
    """The function words a language keeps at that edge of a span of that kind."""
    language = language_of(ctx)
    if side == "end":
        return _PARTICLES.get(language, frozenset())
    if kind != "link":
        return _CLITICS.get(language, frozenset())
    # a link's text is a phrase: its article or demonstrative opens it ("[diese Seite](x)")
    opening = _ARTICLES.get(language, frozenset()) | conventions(ctx.locale).demonstratives
    return _CLITICS.get(language, frozenset()) | opening


def _locution(source: Span, after: str) -> bool:
    """One lower-case English word (no label: "overdue"; the message's first word may be
    either) as a locution of the language in lower case ("en retard", "de inmediato"), not
    a label with a word taken in ("u Upload")."""
    words = source.inside.split()
    lower = words[0].islower() or not source.before.strip() if len(words) == 1 else False
    return lower and not after[:1].isupper()


def _adverb_first(words: list[str], english: list[str], ctx: MessageContext) -> bool:
    """The span opens with one of the locale's adverbs written as a locution that starts
    with a preposition (`adverb_locutions`: "est **à présent disponible**", "**de nouveau
    disponible**") where the English span opens in lower case (an adverb, no label): the
    adverb of the English span, no word taken in."""
    locutions = _listed(ctx.locale, "adverb_locutions")
    return (
        bool(locutions)
        and bool(english)
        and english[0].islower()
        and any(
            " ".join(words[:size]).casefold() in locutions
            for size in range(2, min(len(words), 4) + 1)
        )
    )


def _copula_first(word: str, source: Span, ctx: MessageContext) -> bool:
    """The locale's copula or auxiliary opening bold (`copulas`: "já **está
    disponível**") where the English says one just before its bold, and the bold is a
    phrase of a few words in lower case, no label ("is **now available**"): the locale
    puts the verb with its adjective and the adverb before both, the bold's own words.
    Not a link, whose text names what it links to ("[creating a profile](x)")."""
    if word not in _listed(ctx.locale, "copulas"):
        return False
    before = source.before.casefold().split()[-1:]
    inside = source.inside.split()
    return (
        bool(before and inside)
        and len(inside) <= _COPULA_SPAN
        and inside[0].islower()
        and before[0] in _listed("en", "copulas")
    )


#: The most words of an English bold phrase after a copula ("now generally available").
_COPULA_SPAN = 3


#: Question words, which the language's own begins a phrase with ("[how to move](x)" as
#: "[come eseguire](x)").
_WH = frozenset({"how", "what", "when", "where", "which", "who", "whom", "whose", "why"})


#: English closed-class words a translation says with a function word of its own: "Create
#: **one**" as "Criar **uma**", "**Yes**" as "**Sí**", "**All**" as "**Todos**".
_CLOSED = frozenset(
    {"one", "ones", "yes", "all", "none", "both", "each", "every", "any", "some", "other"}
)


def _closed_class(inside: str) -> bool:
    words = [w.strip(".,:;!?()'\"") for w in inside.casefold().split()]
    words = [w for w in words if w]
    english = function_words(SOURCE_LANGUAGE)
    return bool(words) and all(w in english or w in _CLOSED for w in words)


def _function_word(word: str, english: frozenset[str]) -> bool:
    """An English function word, or a verb made negative ("can't", "cannot"), whose "ne"
    or "nicht" the translation may well put at the span's edge."""
    word = word.replace("’", "'")
    negative = word.endswith("n't") or word in conventions(SOURCE_LANGUAGE).negations
    return word in english or word in _WH or word in _CLOSED or negative


def _glue(span: Span, source: Span | None, what: str) -> Iterator[str]:
    """Text glued to the span in a spaced script, where the source has a space."""
    after = glued(span.after[:1]) and span.inside[-1:].isalnum()
    before = glued(span.before[-1:]) and span.inside[:1].isalnum()
    if after and not (source and glued(source.after[:1])):
        yield f"{what} is glued to the next word {span.after.split()[0]!r}"
    elif before and not (source and glued(source.before[-1:])):
        yield f"{what} is glued to the word before it {span.before.split()[-1]!r}"


#: What may stand around a name in a span: punctuation and quotation marks.
_AROUND_NAME = ".,:;!?。、，：；！？ \u00a0\"'“”„«»「」"


def _onto_name(span: Span, theirs: list[Span], outside: str, ctx: MessageContext) -> Iterator[str]:
    """A span that holds only a name (or term, or an acronym kept) that the English
    (`outside`: its text outside the spans of the kind, folded) has outside every span of
    the kind: "Sign in to the Partner Center [dashboard](x)" as "[Partnercenter.](x)", the
    link moved off its words onto the name beside them."""
    kept = span.inside.strip(_AROUND_NAME)
    inside = kept.casefold()
    english = ctx.glossary.name_forms.get(inside) if inside else None
    if english is None and _ACRONYM.fullmatch(kept) and not _spelt_out(kept, theirs):
        english = kept  # an acronym kept as the English writes it ("**CSP**")
    if english is None or not theirs:
        return
    folded = english.casefold()
    if any(folded in source.inside.casefold() for source in theirs):
        return
    if re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", outside):
        yield (
            f"{span.kind} {span.inside.strip()!r} holds only the name {english!r}, which the "
            f"English has outside its {span.kind}: the {span.kind} moved onto the name"
        )


#: How many of a message's spans of a kind `_left_whole` reads (a real message has a few).
_LEFT_WHOLE_SPANS = 16


def _left_whole(theirs: list[Span], ours: list[Span], outside: str, kept: str) -> Iterator[str]:
    """An English span of two words or more kept word for word in the translation, outside
    every span of its kind (`outside` and `kept`: each text without them, folded), which the
    English does not say outside its spans and no span here holds (`Lees Cloud Solution
    Providers over de [marketplace.](x)`, `wählen Sie Logo Builder **(Logo-Generator) aus.**`):
    the span moved off the words it marked. Not a gloss in brackets (`**Beheerder** (Admin
    Agent)`), the English kept beside its translation. The first `_LEFT_WHOLE_SPANS` spans
    only: each is searched for in the whole text, so all of a message of thousands of spans
    would cost their number squared."""
    held = "\0".join(s.inside.casefold() for s in ours)
    for source in theirs[:_LEFT_WHOLE_SPANS]:
        label = source.inside.strip().rstrip(_TRAILING).strip().casefold()
        if len(label.split()) < 2 or not any(c.isalpha() for c in label):
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
        if pattern.search(outside) or pattern.search(held):
            continue
        found = pattern.search(kept)
        if found and kept.count("(", 0, found.start()) <= kept.count(")", 0, found.start()):
            kind = source.kind
            yield (
                f"the English {kind}'s words {source.inside.strip()!r} stand outside every "
                f"{kind} here: the {kind} moved off them"
            )


def _spelt_out(acronym: str, theirs: list[Span]) -> bool:
    """An English span whose words' initials spell the acronym ("**Admin on Behalf Of**"
    for AOBO): the bold on the acronym says the same."""
    return any("".join(w[0] for w in source.inside.split()).upper() == acronym for source in theirs)


@functools.cache
def select_verbs(locale: str | None) -> frozenset[str]:
    """How the locale tells the reader to select, choose or click (locale data)."""
    return _listed(locale, "select_verbs")


@functools.cache
def _listed(locale: str | None, key: str) -> frozenset[str]:
    words = locale_data(locale).get(key)
    return frozenset(str(w).casefold() for w in words) if isinstance(words, list) else frozenset()


@functools.cache
def modifier_links(locale: str | None) -> tuple[str, ...]:
    """The prepositions (with their articles) that put a modifier after its noun in the
    locale: `term_links`, and `modifier_links` where the locale has no term links."""
    data = locale_data(locale)
    links = [*(data.get("term_links") or ()), *(data.get("modifier_links") or ())]
    return tuple(sorted({str(link).casefold() for link in links}, key=len, reverse=True))


_ENGLISH_WORD = re.compile(r"[a-z]+")
#: An acronym: two capitals or more, digits after the first ("CSP", "M365").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")


def _verb_taken_in(
    span: Span, theirs: list[Span], outside: str, ctx: MessageContext
) -> Iterator[str]:
    """Bold that opens with the locale's "select" before its label ("**seleccione Listo**"
    for "select **Done**"), where no English bold holds such a verb and the English says
    it outside them (`outside`, folded): the bold took in the verb before it. So too the
    locale's noun for the kind of control ("**pagina Oplossingen**" for "the **Solutions**
    page", `label_nouns`), and a word its machine translation puts before any label that
    no English says ("**pozycję Zapisz**", `label_fillers`)."""
    words = span.inside.split()
    if len(words) == 1:
        yield from _noun_alone(span, theirs, outside, ctx)
    first = words[0].strip(_TRAILING).casefold() if len(words) > 1 else ""
    if not first:
        return
    if first in select_verbs(ctx.locale):
        english = select_verbs(SOURCE_LANGUAGE)
        if any(verb in s.inside.casefold() for s in theirs for verb in english):
            return  # a label that says it ("Select all", "SelectClause")
        if english.intersection(_ENGLISH_WORD.findall(outside)):
            yield _taken(span, words[0], "the verb before its label")
        return
    nouns = _listed(SOURCE_LANGUAGE, "label_nouns")
    held = {w for s in theirs for w in _ENGLISH_WORD.findall(s.inside.casefold())}
    if held & nouns:
        return  # a label that names its kind ("List view", "Item details")
    if first in _listed(ctx.locale, "label_fillers"):
        yield _taken(span, words[0], "a word the translation puts before a label")
    elif (
        first in _listed(ctx.locale, "label_nouns")
        and nouns & set(_ENGLISH_WORD.findall(outside))
        and not _own_noun(words, theirs, ctx)
    ):
        yield _taken(span, words[0], "the noun beside its label")


def _noun_alone(span: Span, theirs: list[Span], outside: str, ctx: MessageContext) -> Iterator[str]:
    """Bold that holds only the locale's noun for the kind of control ("het **veld**
    Zorg" for "the **Zorg** field", `label_nouns`) where no English bold names a kind and
    the English says one outside them: the bold moved off the label onto its noun. Not
    beside another such noun: a label translated as one ("el menú **Panel**", Dashboard)."""
    word = span.inside.strip().strip(_TRAILING).casefold()
    kinds = _listed(ctx.locale, "label_nouns")
    if word not in kinds:
        return
    beside = span.before.split()[-2:] + span.after.split()[:2]
    if any(w.strip(_TRAILING).casefold() in kinds for w in beside):
        return  # the kind said beside it ("el menú **Panel**"): the bold is the label's word
    nouns = _listed(SOURCE_LANGUAGE, "label_nouns")
    held = {w for s in theirs for w in _ENGLISH_WORD.findall(s.inside.casefold())}
    if not held & nouns and nouns & set(_ENGLISH_WORD.findall(outside)):
        yield (
            f"bold {span.inside.strip()!r} holds only the noun for the kind of control: "
            "the English bold holds the label, the bold moved off it"
        )


def _own_noun(words: list[str], theirs: list[Span], ctx: MessageContext) -> bool:
    """A label whose own translation opens with a control noun ("**Strona główna**",
    "main page", for "the **Home** option"): the bold is the noun and one lower-case word
    (no function word, no cognate of the English label's one word), and the English names
    the control with one noun after its bold (not "the **Environments** drop-down list",
    whose two words the bold may hold instead of the label)."""
    if len(theirs) != 1 or len(words) != 2:
        return False
    label = _ENGLISH_WORD.findall(theirs[0].inside.casefold())
    second = words[1].strip(_TRAILING)
    if len(label) != 1 or not (second.isalpha() and second.islower()):
        return False
    if second in ctx.glossary.function_words or stem(second) == stem(label[0]):
        return False
    nouns = _listed(SOURCE_LANGUAGE, "label_nouns")
    after = [w.strip(_TRAILING).casefold() for w in theirs[0].after.split()[:2]]
    return bool(after) and after[0] in nouns and (len(after) < 2 or after[1] not in nouns)


def _taken(span: Span, word: str, what: str) -> str:
    return (
        f"bold {span.inside.strip()!r} takes in {word!r}, {what}: the English bold holds "
        "the label only"
    )


def _splits(span: Span) -> bool:
    return _number_at(span.before, end=True) and _number_at(span.after, end=False)


def check_placement(entry: Entry, ctx: MessageContext) -> Iterator[str]:
    assert ctx.md is not None
    for source, text in entry.pairs:
        if not any(mark in text for mark in ("*", "[", "`")):
            continue
        source_spans = spans(entry.inline(ctx.md, source))
        text_spans = spans(entry.inline(ctx.md, text))
        for kind in ("bold", "italic", "link", "code"):
            theirs = [s for s in source_spans if s.kind == kind]
            ours = [s for s in text_spans if s.kind == kind]
            if not theirs:
                continue  # an extra span is the markup check's
            for index, span in enumerate(ours):
                counterpart = theirs[index] if len(ours) == len(theirs) else None
                yield from _problems(span, counterpart, ctx)
            if kind != "code" and ours:
                outside = marked(entry, ctx.md, source).outside(kind, " ").casefold()
                if len(ours) == len(theirs):
                    kept = marked(entry, ctx.md, text).outside(kind, " ").casefold()
                    yield from _left_whole(theirs, ours, outside, kept)
                for span in ours:
                    yield from _onto_name(span, theirs, outside, ctx)
                    if kind == "bold":
                        yield from _verb_taken_in(span, theirs, outside, ctx)
        if source != text:
            plain_source, plain_text = marked(entry, ctx.md, source), marked(entry, ctx.md, text)
            for kind in ("bold", "italic", "link"):
                yield from left_beside(plain_source, plain_text, kind, modifier_links(ctx.locale))
