"""Function words at a span's edge that belong to the translated term itself, not to the
sentence around it: what the placement check's edge rule must not report. Chosen from the
development corpus's flags, per language."""

from __future__ import annotations

import re

from anyascii import anyascii

from .beside import content_words, stem

__all__ = ["link_openers", "link_phrase", "own_word", "reflexive_last"]

#: Words a link's text may begin with as part of the phrase it names, per language: the
#: prepositions (bare and articulated) that govern the phrase ("[del portale di Azure](x)",
#: "[o zachętach](x)" for "about incentives", "[an den Support](x)"), question words
#: ("[como habilitar](x)" for "enabling") and reflexives ("[ansluta sig](x)"). Pronouns and
#: conjunctions are none of these: "[u de Partner Network](x)", "[och svar](x)" took in the
#: sentence.
_LINK_OPENERS = {
    "de": "an auf aus bei beim für im in mit nach über um unter von vom zu zum zur wie sich",
    "es": "a al con de del desde en entre para por sobre cómo como se",
    "fr": "à au aux avec dans de du d des en par pour sur comment",
    "it": (
        "a al allo alla ai agli alle all con da dal dallo dalla dai dagli dalle dall di del"
        " dello della dei degli delle dell in nel nello nella nei negli nelle nell per su sul"
        " sullo sulla sui sugli sulle sull tra fra come si"
    ),
    "nl": "aan bij in met naar op over uit van via voor hoe zich",
    "pl": "dla do na o od po przez w we z ze jak się",
    "pt": "a ao aos à às com como da das de do dos em na nas no nos para pela pelo por sobre se",
    "sv": "av för från i inom med om på till under vid hur sig",
}
_WORD = re.compile(r"\w+")


#: Function words that are verbs too, told by the preposition after them: "[entre em
#: contato](x)" is "contact", "entre os usuários" is "between".
_VERBS = {
    "pt": {"entre": frozenset({"em", "no", "na", "nos", "nas", "com"})},
    "es": {"entre": frozenset({"en", "a", "al", "con"})},
    "fr": {"entre": frozenset({"dans", "en"})},
}
#: Pronouns that stand for the object before an infinitive: "[en savoir plus](x)" for
#: "learn more", "y accéder".
_BEFORE_INFINITIVE = {"fr": frozenset({"en", "y"})}
_INFINITIVE = re.compile(r"\w+(?:er|ir|re|oir)$")
#: Auxiliaries that end a clause in a verb-final language ("wie X berechnet werden"): kept
#: at the end where the English span has an auxiliary too ("how X is calculated").
_AUXILIARIES = {
    "de": frozenset(
        [
            "werden",
            "wird",
            "wurde",
            "wurden",
            "worden",
            "ist",
            "sind",
            "war",
            "waren",
            "sein",
            "hat",
            "haben",
            "hatte",
            "kann",
            "können",
            "muss",
            "müssen",
            "soll",
            "sollen",
        ]
    ),
    "nl": frozenset(
        [
            "worden",
            "wordt",
            "werd",
            "werden",
            "is",
            "zijn",
            "was",
            "waren",
            "heeft",
            "hebben",
            "kan",
            "kunnen",
            "moet",
            "moeten",
            "zal",
            "zullen",
        ]
    ),
}
_ENGLISH_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
    ]
)
#: A German extended attribute: preposition, its agent, a participle, the noun ("vom
#: Partner erworbene Guthaben" for "partner-earned credit"): the preposition is the term's.
_ATTRIBUTE = re.compile(
    r"^\w+ (?:(?:der|die|das|dem|den|des) )?[A-ZÄÖÜ][\w/-]* [a-zäöüß]\w+(?:e|en|er|es|em) [A-ZÄÖÜ]"
)


def own_word(words: list[str], side: str, language: str, source: str) -> bool:
    """The function word at the edge belongs to the translated term itself: a verb it is
    too, a pronoun before an infinitive, a locution doubled around it ("pas à pas"), a
    clause's auxiliary or a German participial attribute."""
    first, second = words[0].casefold(), words[1].casefold()
    if side == "start":
        after = _VERBS.get(language, {}).get(first)
        pronoun = first in _BEFORE_INFINITIVE.get(language, frozenset())
        attribute = language == "de" and bool(_ATTRIBUTE.match(" ".join(words)))
        return (
            bool(after and second in after)
            or (pronoun and bool(_INFINITIVE.match(second)))
            or attribute
        )
    last = words[-1].casefold()
    doubled = len(words) >= 3 and words[-3].casefold() == last
    english = {w.strip(".,:;!?") for w in source.casefold().split()}
    clause = last in _AUXILIARIES.get(language, frozenset()) and bool(
        english & _ENGLISH_AUXILIARIES
    )
    return doubled or clause


#: The reflexive pronoun that ends a reflexive verb's phrase ("[ansluta sig](x)", "[Dowiedz
#: się](x)"): never "si"/"se", which also say "if" in the Romance languages.
_REFLEXIVES = {"de": "sich", "nl": "zich", "pl": "się", "sv": "sig"}


def reflexive_last(words: list[str], language: str) -> bool:
    """A link's text that ends in the reflexive of the verb before it, inside the link."""
    last, before = words[-1].casefold(), words[-2]
    return last == _REFLEXIVES.get(language) and before.isalpha() and len(before) > 2


def link_openers(language: str) -> frozenset[str]:
    """The words a link's text may open with in the language (see `_LINK_OPENERS`)."""
    return frozenset(_LINK_OPENERS.get(language, "").split())


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if len(w) >= 4 or w.isdigit()}


def link_phrase(words: list[str], language: str, near: str, english: tuple[str, str]) -> bool:
    """The function word that opens a link's text belongs to the phrase the link names, and
    the link still holds the English link text's content: a cognate, number or name of it
    inside, its head noun among them, none standing in the text `near` the link instead,
    and no cognate of the English sentence around its link (`english`: the link's text,
    the text around it) taken in. Otherwise the link moved off its head noun or onto the
    sentence. One opener only ("[op met X](x)", "[się z X](x)" took in the verb's words),
    a content word last, brackets paired ("[X (Oferty](x)" cut a gloss)."""
    openers = link_openers(language)
    first, second, last = (w.casefold() for w in (words[0], words[1], words[-1]))
    if first not in openers or second in openers or last in openers:
        return False
    text = " ".join(words)
    if any(text.count(a) != text.count(b) for a, b in ("()", "[]", "（）")):
        return False
    inside = _stems(" ".join(words[1:]))
    wanted = {stem(w) for w in content_words(english[0])}
    around = _stems(english[1])
    if not wanted & inside or (wanted - inside - around) & _stems(near):
        return False
    if not _holds_head(english[0], words[1:]):
        return False
    return not (around - wanted) & inside


#: Where an English noun phrase's first noun group ends: the word before is its head
#: ("[list] of available contacts", "CSP Program [Guide]").
_HEAD_END = re.compile(r"\s(?:of|for|in|on|to|with|from|by|and|or)\s|[(:,|]", re.IGNORECASE)


#: A shorter head noun's stem is found by chance inside other words ("add" in "AD").
_SHORT_HEAD = 4


def _holds_head(english: str, words: list[str]) -> bool:
    """The link holds the English phrase's head noun, by its cognate (also inside a
    compound: "organisatieprofiel" for "organization profile"): "Guia [do Programa CSP](x)"
    for "[CSP Program Guide](x)" lost it to the sentence."""
    group = _WORD.findall(_HEAD_END.split(f" {english} ", maxsplit=1)[0])
    if not group:
        return True
    if len(group[-1]) < _SHORT_HEAD:  # "SDK", "Add": the word itself, no stem of it
        return group[-1].casefold() in {w.casefold() for w in words}
    head = stem(group[-1])
    return any(head in stem(w) or head in anyascii(w).casefold() for w in words)
