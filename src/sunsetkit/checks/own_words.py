"""Function words at a span's edge that belong to the translated term itself, not to the
sentence around it: what the placement check's edge rule must not report. Chosen from the
development corpus's flags, per language."""

from __future__ import annotations

import re

__all__ = ["own_word"]


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
