"""The plural rules a catalog's Plural-Forms header may use for its language.

Two traditions are in use, and gettext's `msgfmt -c` accepts both. Babel's table followed
the gettext manual up to Babel 2.18 (French: two forms, `n > 1`); from 2.19 it follows CLDR
(French: one, many for exact millions, other), which is what `pybabel init` now writes.
Most published catalogs still carry the older rule. A rule is accepted when it behaves as
one of these on every whole number that tells rules apart, however it is spelt, so that
neither a Babel release nor a translator's choice of tradition turns a check red.
"""

from __future__ import annotations

import functools
import gettext
import itertools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import PLURALS

__all__ = [
    "MAX_SPAN",
    "PluralRule",
    "accepted_rules",
    "checkable",
    "disagreement",
    "rule_forms",
    "rule_span",
    "stray_form",
]

#: Whole numbers that tell the rules of every language apart: all below 1,100 (teens,
#: hundreds, the 11-19 and 12-14 exceptions) and round and near-round large ones (CLDR's
#: many for exact millions, Breton's n % 1000000).
SAMPLE: tuple[int, ...] = tuple(
    sorted(
        {*range(1100)}
        | {m * 10**k for k in range(3, 10) for m in (1, 2, 3, 5, 11, 12, 21, 25, 101)}
    )
)

#: CLDR's categories in the order gettext gives them their form numbers (Babel 2.19's
#: table is generated in this order).
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")

#: The gettext tradition: Babel's table from 2.14 to 2.18, unchanged over those releases
#: (sunset supports 2.16 on); Babel 2.19 replaced it with CLDR's rules.
GETTEXT_TRADITION: dict[str, tuple[int, str]] = {
    "af": (2, "(n != 1)"),
    "ar": (
        6,
        "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5)",  # noqa: E501
    ),
    "be": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "bg": (2, "(n != 1)"),
    "bn": (2, "(n != 1)"),
    "bo": (1, "0"),
    "br": (
        6,
        "(n==1 ? 0 : n%10==1 && n%100!=11 && n%100!=71 && n%100!=91 ? 1 : n%10==2 && n%100!=12 && n%100!=72 && n%100!=92 ? 2 : (n%10==3 || n%10==4 || n%10==9) && n%100!=13 && n%100!=14 && n%100!=19 && n%100!=73 && n%100!=74 && n%100!=79 && n%100!=93 && n%100!=94 && n%100!=99 ? 3 : n%1000000==0 ? 4 : 5)",  # noqa: E501
    ),
    "bs": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "ca": (2, "(n != 1)"),
    "cs": (3, "((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2)"),
    "cv": (1, "0"),
    "cy": (5, "(n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 0)"),
    "da": (2, "(n != 1)"),
    "de": (2, "(n != 1)"),
    "dz": (1, "0"),
    "el": (2, "(n != 1)"),
    "en": (2, "(n != 1)"),
    "eo": (2, "(n != 1)"),
    "es": (2, "(n != 1)"),
    "et": (2, "(n != 1)"),
    "eu": (2, "(n != 1)"),
    "fa": (1, "0"),
    "fi": (2, "(n != 1)"),
    "fr": (2, "(n > 1)"),
    "fur": (2, "(n > 1)"),
    "ga": (5, "(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4)"),
    "gl": (2, "(n != 1)"),
    "ha": (2, "(n != 1)"),
    "he": (2, "(n != 1)"),
    "hi": (2, "(n != 1)"),
    "hr": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "hu": (1, "0"),
    "hy": (1, "0"),
    "is": (2, "(n%10==1 && n%100!=11 ? 0 : 1)"),
    "it": (2, "(n != 1)"),
    "ja": (1, "0"),
    "ka": (1, "0"),
    "kg": (2, "(n != 1)"),
    "km": (1, "0"),
    "ko": (1, "0"),
    "ku": (2, "(n != 1)"),
    "lo": (1, "0"),
    "lt": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "lv": (3, "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2)"),
    "mt": (
        4,
        "(n==1 ? 0 : n==0 || ( n%100>=1 && n%100<=10) ? 1 : (n%100>10 && n%100<20 ) ? 2 : 3)",
    ),
    "nb": (2, "(n != 1)"),
    "nl": (2, "(n != 1)"),
    "nn": (2, "(n != 1)"),
    "no": (2, "(n != 1)"),
    "pa": (2, "(n != 1)"),
    "pl": (3, "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "pt": (2, "(n != 1)"),
    "pt_BR": (2, "(n > 1)"),
    "ro": (3, "(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2)"),
    "ru": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "sk": (3, "((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2)"),
    "sl": (4, "(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3)"),
    "sr": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "st": (2, "(n != 1)"),
    "sv": (2, "(n != 1)"),
    "th": (1, "0"),
    "tr": (1, "0"),
    "uk": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "ve": (2, "(n != 1)"),
    "vi": (1, "0"),
    "xh": (2, "(n != 1)"),
    "zh": (1, "0"),
}


@dataclass(frozen=True)
class PluralRule:
    """One accepted rule: its form count, how it sorts the SAMPLE, where it comes from."""

    count: int
    forms: tuple[int, ...]
    source: str
    #: A Plural-Forms expression with this behaviour, or None where only CLDR's
    #: categories are known (a Babel older than 2.19 has no such expression).
    expression: str | None
    categories: tuple[str, ...] = ()

    def describe(self) -> str:
        """The header to copy, or CLDR's categories where no expression is known."""
        if self.expression is not None:
            return f"`nplurals={self.count}; plural={self.expression};` ({self.source})"
        return f"nplurals={self.count} with forms {', '.join(self.categories)} ({self.source})"


@functools.cache
def rule_forms(expression: str) -> tuple[int, ...] | None:
    """The form a Plural-Forms expression picks for each SAMPLE number; None if it fails."""
    try:
        rule: Callable[[int], int] = gettext.c2py(expression)
        return tuple(rule(n) for n in SAMPLE)
    except (ValueError, SyntaxError, ArithmeticError, RecursionError):
        return None


#: What every language's rule is written with (CLDR's, Babel's and gettext's tables): n,
#: whole numbers, the comparisons, %, &&, ||, ! and ?:. Such a rule repeats beyond its
#: largest number with the least common multiple of its moduli, so a finite span shows
#: all it does; `+`, `-`, `*` and `/` of n would not, and no language needs them.
_TOKEN = re.compile(r"\s*(?:(?P<mod>%\s*)?(?P<number>\d+)|n|==|!=|<=|>=|&&|\|\||[<>!?:()])")
_CLDR_NUMBER = re.compile(r"(?P<mod>(?:%|mod)\s*)?(?P<number>\d+)")
#: The largest span checked number by number (Breton's rule, n % 1000000, needs 2,000,001).
MAX_SPAN = 2_100_000


def _int(digits: str) -> int:
    """A number of the expression (its length is bounded: no more than 200 characters)."""
    return int(digits) if len(digits) <= 400 else 10**400


def _bounds(numbers: Iterable[re.Match[str]]) -> tuple[int, int]:
    """A rule's largest number and the lcm of its moduli: beyond the first it repeats
    with the second, so numbers 0..largest + lcm show every form it picks."""
    largest, period = 0, 1
    for match in numbers:
        value = _int(match["number"])
        largest = max(largest, value)
        if match["mod"] is not None:
            period = min(math.lcm(period, max(value, 1)), MAX_SPAN + 1)
    return largest, period


def _tokens(expression: str) -> list[re.Match[str]] | None:
    """Every token of the expression; None if it has one no plural rule needs."""
    position, tokens = 0, []
    while position < len(expression.rstrip()):
        match = _TOKEN.match(expression, position)
        if match is None or match.end() == position:
            return None
        tokens.append(match)
        position = match.end()
    return tokens


def _numbers(tokens: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    return [token for token in tokens if token["number"] is not None]


def rule_span(expression: str) -> int | None:
    """The numbers 0..span that show every form a Plural-Forms expression picks; None if
    it is written with more than n, numbers, comparisons, %, &&, ||, ! and ?:."""
    tokens = _tokens(expression)
    if tokens is None:
        return None
    largest, period = _bounds(_numbers(tokens))
    return largest + period


_COMPARISONS = frozenset({"==", "!=", "<=", ">=", "<", ">"})
#: (numbers compared with, moduli) of a rule whose every n is compared with a number.
Shape = tuple[frozenset[int], frozenset[int]]


def _shape(expression: str) -> Shape | None:
    """The numbers a rule compares n (or n % m) with and its moduli, when every n of it
    is so compared (as every language's rule does); None for any other rule."""
    tokens = [t.group().strip().replace(" ", "") for t in _tokens(expression) or ()]
    for index, token in enumerate(tokens):
        if token == "n":
            after = (
                index + 2 if index + 1 < len(tokens) and tokens[index + 1][0] == "%" else index + 1
            )
            if not (_compared(tokens, after, 1) or _compared(tokens, index - 1, -1)):
                return None
    numbers = [t for t in tokens if t[0].isdigit() or t[0] == "%"]
    return (
        frozenset(_int(t) for t in numbers if t[0] != "%"),
        frozenset(max(_int(t[1:]), 1) for t in numbers if t[0] == "%"),
    )


def _compared(tokens: list[str], index: int, step: int) -> bool:
    """Whether a comparison with a plain number follows (step 1) or precedes (-1) an
    operand of n, brackets aside."""
    while 0 <= index < len(tokens) and tokens[index] in ("(", ")"):
        index += step
    if not (0 <= index < len(tokens) and tokens[index] in _COMPARISONS):
        return False
    index += step
    while 0 <= index < len(tokens) and tokens[index] in ("(", ")"):
        index += step
    return 0 <= index < len(tokens) and tokens[index][0].isdigit()


def _telling_numbers(shape: Shape) -> list[int] | None:
    """Whole numbers that show every form a rule of this shape picks: one for each way
    n and n % m (moduli each dividing the next) fall between its numbers. A rule
    compares only, so n within one gap between its numbers (and their successors) acts
    alike; a gap as long as the next smaller modulus holds every residue of it. None if
    the moduli do not nest (then the whole span is checked)."""
    compared, moduli = shape
    levels = sorted(moduli)
    if any(high % low for low, high in itertools.pairwise(levels)):
        return None
    top = max(compared, default=0) + 2  # above every number, n compares alike
    found, previous = [0], 1
    for modulus in [*levels, top]:
        cuts = sorted({0, modulus} | {c + d for c in compared for d in (0, 1) if c + d < modulus})
        level: list[int] = []
        for start, end in itertools.pairwise(cuts):
            if end - start >= previous:
                level += [start + (r - start) % previous for r in found]
            else:
                level += range(start, end)
        if modulus != top:
            found, previous = level, modulus
        else:
            base = previous * -(-top // previous)  # beyond: every residue once more
            return sorted({*level, *(base + r for r in found)})
    return None  # not reached: the last level is `top`


def checkable(expression: str) -> bool:
    """Whether every form a rule picks can be checked: a rule that compares n with
    numbers and nests its moduli always, any other within MAX_SPAN numbers."""
    shape = _shape(expression)
    telling = _telling_numbers(shape) if shape is not None else None
    return telling is not None or (rule_span(expression) or 0) <= MAX_SPAN


def _checked_numbers(shape: Shape | None, span: int) -> Iterable[int]:
    numbers = _telling_numbers(shape) if shape is not None else None
    return numbers if numbers is not None else range(min(span, MAX_SPAN) + 1)


@functools.cache
def stray_form(expression: str, count: int) -> tuple[int, int] | None:
    """The first whole number (and its form) for which a rule picks no form of
    0..count - 1; None if there is none."""
    rule: Callable[[int], int] = gettext.c2py(expression)
    for n in _checked_numbers(_shape(expression), rule_span(expression) or 0):
        form = rule(n)
        if not 0 <= form < count:
            return n, form
    return None


def _rule_function(rule: PluralRule, locale_id: str) -> tuple[Callable[[int], int], str]:
    """An accepted rule as a function of n, and the text its numbers are read from."""
    if rule.expression is not None:
        return gettext.c2py(rule.expression), rule.expression
    plural_form = Locale.parse(locale_id.replace("-", "_")).plural_form
    categories = rule.categories
    return (lambda n: categories.index(plural_form(n))), " ".join(plural_form.rules.values())


@functools.cache
def disagreement(expression: str, rule: PluralRule, locale_id: str) -> tuple[int, int, int] | None:
    """The first whole number where `expression` and an accepted rule (which agree on
    the SAMPLE) pick different forms: (n, its form, the rule's form); None if none."""
    theirs, text = _rule_function(rule, locale_id)
    ours: Callable[[int], int] = gettext.c2py(expression)
    their_numbers = list(_CLDR_NUMBER.finditer(text))
    shape, their_shape = _shape(expression), _shape(text) if rule.expression else None
    if rule.expression is None:  # CLDR's rules compare only
        their_shape = (
            frozenset(_int(m["number"]) for m in their_numbers if m["mod"] is None),
            frozenset(max(_int(m["number"]), 1) for m in their_numbers if m["mod"]),
        )
    both = None
    if shape is not None and their_shape is not None:
        both = (shape[0] | their_shape[0], shape[1] | their_shape[1])
    largest, period = _bounds(_numbers(_tokens(expression) or ()))
    their_largest, their_period = _bounds(their_numbers)
    span = max(largest, their_largest) + math.lcm(period, their_period)
    for n in _checked_numbers(both, span):
        if ours(n) != theirs(n):
            return n, ours(n), theirs(n)
    return None


def _table_entry(table: dict[str, tuple[int, str]], locale: Locale) -> tuple[int, str] | None:
    """The entry for the locale (pt_BR), else its language (pt); no default guessed."""
    return table.get(str(locale)) or table.get(locale.language)


def _cldr_rule(locale: Locale) -> PluralRule:
    category = locale.plural_form
    names = [category(n) for n in SAMPLE]
    seen = set(names)
    used = tuple(c for c in CLDR_ORDER if c in seen)
    forms = tuple(used.index(name) for name in names)
    return PluralRule(len(used), forms, "CLDR", None, used)


@functools.cache
def accepted_rules(locale_id: str) -> tuple[PluralRule, ...]:
    """The rules in use for a locale (nl_NL or nl-NL), CLDR's first; () if Babel does not
    know it."""
    try:
        locale = Locale.parse(locale_id.replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return ()
    cldr = _cldr_rule(locale)
    rules = [cldr]
    tables = (("Babel's table", PLURALS), ("gettext tradition", GETTEXT_TRADITION))
    for source, table in tables:
        entry = _table_entry(table, locale)
        forms = rule_forms(entry[1]) if entry else None
        if entry is None or forms is None:
            continue
        rule = PluralRule(entry[0], forms, source, entry[1])
        same = next(
            (i for i, r in enumerate(rules) if (r.count, r.forms) == (rule.count, forms)), None
        )
        if same is None:
            rules.append(rule)
        elif rules[same].expression is None:  # CLDR's rule, now with an expression to show
            rules[same] = PluralRule(rule.count, forms, "CLDR", entry[1], cldr.categories)
    return tuple(rules)
