"""Names that the rest of the page keeps as written and one message changes (`name-changed`).

A Title-Case name of the English ("Cloud Solution Provider", "Open License", "Business
Voice") is Microsoft's to localize or keep, and one message cannot tell which: the locale
may translate it. The page can. Where other messages of the same page keep the name as
written more often than messages change it, the locale keeps it, and a message that
writes it otherwise (word by word, lower-cased, half translated, glued) renders one name
two ways in one document. No brand word is needed: the page's own use is the evidence.

Names of the glossary are the `name` and `term` checks' (their forms are the locale's);
a run with a month or weekday is a date, not a name.

A brand that is an ordinary English word too (locale_data/en.yaml `brand_words`: Teams,
Office, Power, Surface) names a product alone, and one message cannot tell it from the
word: "Teams" written "team" or "zespołów" may be either. Where two or more other
messages of the page keep it, and fewer messages lack it, the page says it is the
product's, and a message without it translated the product as a common noun.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from .base import Entry, MessageContext
from .conventions import conventions, locale_data
from .glossary import _contains, _localized
from .names import (
    _LONGEST,
    _MONTHS,
    _TOKEN,
    _clean,
    _may_hold_brand,
    _versioned,
    _words,
    brands,
    check_names_reordered,
)

__all__ = [
    "check_brand_words_on_page",
    "check_half_kept_names",
    "check_names_kept_on_page",
    "check_names_on_page",
]

#: Messages of the page that keep a name as written, at least, before one that does not is
#: reported: a single other use may be a name quoted in English once.
_KEPT = 2
#: Weekdays, like months (names.py `_MONTHS`), make a run a date, not a name: they cut it.
_WEEKDAYS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)


def _candidates(
    source: str, function_words: frozenset[str], owned: re.Pattern[str] | None
) -> set[str]:
    """Every stretch of two or more capitalised words (or version marks) side by side in
    the source, with a word that is no version mark first, a letter in it, and no function
    word or date word: the names it may hold (a longer one and the names inside it). The
    glossary's translated terms are cut out first: their forms are the locale's, and the
    words beside them ("Microsoft" before "Partner Center") no name of their own."""
    found: set[str] = set()
    cleaned = _clean(source)
    if owned is not None:
        cleaned = owned.sub("\n", cleaned)
    for run in _RUN.finditer(cleaned):
        pieces: list[list[str]] = [[]]
        for text in _GAP.split(run.group()):
            named = text.casefold() not in function_words
            if named and text not in _MONTHS and text not in _WEEKDAYS:
                pieces[-1].append(text)
            elif pieces[-1]:
                pieces.append([])
        for piece in pieces:
            found.update(_stretches(piece[:_LONGEST]))
    return found


#: Two or more capitalised words or numbers of the English (a word of letters and digits
#: that begins with a capital A-Z or a digit), joined as names.py's `_GLUE` joins
#: the words of a name: one search per message instead of a word-by-word walk.
_WORD = r"[A-Z0-9][^\W_]*"
_JOIN = r"(?:\s+\+\s+|\s+|[-\u2010\u2011&])"
#: No letter or digit before the first word, looked behind from its first character (a
#: search scans for that in C; a leading look-behind would run at every position).
_RUN = re.compile(rf"[A-Z0-9](?<![^\W_][A-Z0-9])[^\W_]*(?:{_JOIN}{_WORD})+(?![^\W_])")
_GAP = re.compile(_JOIN)


def _stretches(piece: list[str]) -> Iterator[str]:
    for start in range(len(piece)):
        for end in range(start + 2, len(piece) + 1):
            words = piece[start:end]
            if not _versioned(words[0]) and any(w.isalpha() for w in words):
                yield " ".join(words)


def _kept(name: str, text: str, ctx: MessageContext) -> bool:
    """The name as written (an ending or a compound after it), its words joined by hyphens
    as compounds join them ("MPN-ID"), or as the locale's data localizes it."""
    return (
        _contains(text, name, inflected=True)
        or _contains(text, name.replace(" ", "-"), inflected=True)
        or _localized(name, text, ctx)
    )


def _owned(ctx: MessageContext) -> re.Pattern[str] | None:
    """The glossary's terms and labels that the locale translates, as one search."""
    terms = sorted({*ctx.glossary.terms, *ctx.glossary.labels}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)")


def _edge_kept(name: str, text: str, ctx: MessageContext) -> bool:
    """A name of three words or more whose first or last word alone is what the message
    does not keep: a word of the sentence at the run's edge ("Target Act Now", "Review
    Partner Center Insights"), translated with the sentence, not the name."""
    words = name.split()
    return len(words) > 2 and (
        _kept(" ".join(words[1:]), text, ctx) or _kept(" ".join(words[:-1]), text, ctx)
    )


def _reworded(name: str, source: str, text: str, ctx: MessageContext) -> bool:
    """The message writes the name otherwise in a way the locale may: what it changed is
    the sentence around it, its word order, or the name's abbreviation."""
    return (
        _edge_kept(name, text, ctx)
        or _words_kept(name, text)
        or _abbreviated(name, source, text)
        or _expanded(name, text)
        or _written_out_locally(name, text, ctx)
        or _fixed_kept_rest_translated(name, text)
    )


def _written_out_locally(name: str, text: str, ctx: MessageContext) -> bool:
    """The name's initials are an acronym the locale writes out (locale_data `acronyms`:
    CSP, "dostawca rozwiązań w chmurze") and the message holds that rendering: the
    locale's own name for it, however the page writes it elsewhere."""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    forms = ctx.glossary.conventions.acronyms.get(initials, ())
    folded = text.casefold()
    english = name.casefold()  # the name lower-cased is no rendering of the locale's
    return len(initials) == len(name.split()) and any(
        form in folded for form in forms if form != english
    )


def _fixed_kept_rest_translated(name: str, text: str) -> bool:
    """Every brand word, acronym and version mark of the name kept as written and every
    other word of it translated ("Azure 市场", "Umowa partnerska firmy Microsoft",
    "réservation Azure"): how Microsoft's own pages localize a name, in the locale's word
    order. A name half translated keeps one of its other words ("Teams kamers Premium"),
    or translates a word no locale translates ("Windows ... serwera"); a name lower-cased
    keeps no brand as written."""
    words = name.split()
    kept = brands() | _kept_words()
    fixed = [w for w in words if w.casefold() in kept or not w.isalpha() or w.isupper()]
    rest = [w for w in words if w not in fixed]
    if not rest or not any(w.isalpha() for w in fixed):  # a number alone is no brand
        return False
    if not all(_contains(text, word, inflected=True) for word in fixed):
        return False
    return not any(_contains(text, word, fold=True, inflected=True) for word in rest)


def _expanded(name: str, text: str) -> bool:
    """The name with an acronym of it written out in capitalised words of those initials
    ("Azure Active Directory" for "Azure AD"): the same name, spelt in full."""
    pattern = _written_out(name)
    return pattern is not None and pattern.search(text) is not None


@functools.lru_cache(maxsize=1024)
def _written_out(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if not any(_acronym(word) for word in words):
        return None
    parts = [
        r"\s+".join(rf"{letter}\w+" for letter in word) if _acronym(word) else re.escape(word)
        for word in words
    ]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


@functools.cache
def _kept_words() -> frozenset[str]:
    """Words of product names no locale translates (locale_data/en.yaml `name_words_kept`:
    "Server" in "Windows Server"), folded: like a brand, the name keeps them."""
    return frozenset(str(w).casefold() for w in locale_data("en").get("name_words_kept") or ())


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _words_kept(name: str, text: str) -> bool:
    """Every word of the name in the translation as written, apart: the locale's word
    order around a name ("Marketplace privato di Azure", "E3 systemu Windows"), which
    Microsoft's own translations use, not a word of it changed."""
    written = {word.text for run in _words(text) for word in run}
    return all(word in written for word in name.split())


def _abbreviated(name: str, source: str, text: str) -> bool:
    """The translation writes the name's initials ("CSP" for "Cloud Solution Provider")
    more often than the source, or as often where the source gives both: it put the
    abbreviation in the name's place, as Microsoft's translators often do."""
    pattern = _initials(name)
    if pattern is None:
        return False
    written, given = len(pattern.findall(text)), len(pattern.findall(source))
    # where the source gives both ("Cloud Solution Provider (CSP)"), the initials alone
    # as often say the same
    return written > given or (written == given > 0 and _initials_for_both(name, source, text))


def _initials_for_both(name: str, source: str, text: str) -> bool:
    """The source gives the name and its initials in parentheses; the translation the
    initials alone, out of parentheses ("programme CSP"). Initials kept in parentheses
    stand beside the name's rendering, which is then to be judged ("moln lösnings
    leverantör (CSP)")."""
    initials = "".join(w[0] for w in name.split())
    return f"{name} ({initials})" in source and f"({initials})" not in text


@functools.lru_cache(maxsize=1024)
def _initials(name: str) -> re.Pattern[str] | None:
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    if len(initials) < 2 or len(initials) != len(name.split()):
        return None
    return re.compile(rf"(?<![A-Za-z]){initials}(?![a-z])")


def check_names_kept_on_page(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    words = _english_function_words()
    owned = _owned(ctx)
    kept: Counter[str] = Counter()
    changed: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    for entry in entries:
        if not entry.translated:
            continue
        source, text = entry.pairs[0]
        if source == text or not _PAIR.search(source):
            continue  # left in English (no evidence of the locale's choice), or no name
        names = _candidates(source, words, owned)
        if not names:
            continue
        cleaned = _clean(text)
        held = {name for name in names if _kept(name, cleaned, ctx)}
        for name in held:
            # kept inside a longer name kept too: evidence for that name, not this one
            if not any(name in other and name != other for other in held):
                kept[name] += 1
        for name in names - held:
            changed[name].append((entry, cleaned))
    # how a message changed a name is asked only where the page keeps the name
    for name, uses in changed.items():
        if kept[name] >= _KEPT:
            changed[name] = [(e, t) for e, t in uses if not _reworded(name, e.pairs[0][0], t, ctx)]
    yield from _report(kept, changed, ctx)


#: Two capitalised words or numbers side by side, as `_RUN` finds them, emphasis, link
#: brackets or an entity between them aside (a superset): a message without them holds
#: no name to check. A plain first character lets the search skip ahead.
_PAIR = re.compile(
    r"[A-Z0-9][^\W_]*[*_\[\]\\]*(?:\s+\+)?(?:\s+|[-\u2010\u2011&]|&#?\w+;)[*_\[\]\\]*[A-Z0-9]"
)


def _report(
    kept: Counter[str], changed: dict[str, list[tuple[Entry, str]]], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """Each message once per name, the longest name first: the names inside a reported
    one are that one's change."""
    reported: dict[int, list[str]] = defaultdict(list)
    verbatim = set(ctx.glossary.verbatim)  # the `name` check's
    for name in sorted(changed, key=lambda n: (-len(n), n)):
        if kept[name] < _KEPT or kept[name] <= len(changed[name]) or name in verbatim:
            continue
        for entry, _ in changed[name]:
            done = reported[id(entry)]
            if any(name in longer for longer in done):
                continue
            done.append(name)
            yield (
                entry,
                f"{name!r} is not written as {kept[name]} other message(s) of this page "
                "keep it: a name is kept as it is, one way in one page",
            )


def _english_function_words() -> frozenset[str]:
    return conventions("en").function_words


def check_names_on_page(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """`name-changed` over the whole page: a name reordered, or changed, where the page
    keeps it as written, or a brand word translated as a common word; a message reported
    reordered is not reported again, nor a message with a name changed for its brand word."""
    reordered: set[int] = set()
    for entry, message in check_names_reordered(entries, ctx):
        reordered.add(id(entry))
        yield entry, message
    named: set[int] = set()
    for entry, message in check_names_kept_on_page(entries, ctx):
        if id(entry) not in reordered:
            named.add(id(entry))
            yield entry, message
    # a brand word inside a name already reported is that name's change
    for entry, message in check_brand_words_on_page(entries, ctx):
        if id(entry) not in reordered and id(entry) not in named:
            named.add(id(entry))
            yield entry, message
    for entry, message in check_half_kept_names(entries, ctx):
        if id(entry) not in reordered and id(entry) not in named:
            yield entry, message


def check_brand_words_on_page(
    entries: list[Entry], ctx: MessageContext
) -> Iterator[tuple[Entry, str]]:
    """A brand alone ("Teams", "Azure") that a message lacks in any case, where the page
    keeps it in `_KEPT` other messages or more, and in more than lack it: the product
    translated as a common noun ("team", "équipes", "团队") or dropped."""
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    owned = _verbatim(ctx)
    kept: Counter[str] = Counter()
    lacking: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if not entry.translated:
            continue
        source, text = entry.pairs[0]
        if source == text:
            continue  # left in English: no evidence of the locale's choice
        found = _brand_words(source, owned)
        if not found:
            continue
        for word in found:
            if _brand_kept(word, text):
                kept[word] += 1
            else:
                lacking[word].append(entry)
    for word, missing in sorted(lacking.items()):
        if kept[word] >= _KEPT and kept[word] > len(missing):
            how = (
                "translated as a common word or dropped"
                if _ordinary(word)
                else "dropped or translated"
            )
            for entry in missing:
                yield (
                    entry,
                    f"{word!r} is not in this message, and {kept[word]} other message(s) of "
                    f"this page keep it: a product name {how}",
                )


def _brand_kept(word: str, text: str) -> bool:
    """The brand in the translation, in any case: a case changed is another finding's."""
    return word.casefold() in _clean(text).casefold()


def _brand_words(source: str, owned: re.Pattern[str] | None) -> set[str]:
    """The source's brands as en.yaml spells them, outside a glossary name (the `name`
    check's); one that is an English word too not as a sentence's first word before a
    lower-case one ("Power users", "Office hours": the word, not the product)."""
    if not _may_hold_brand(source) or not _brand_search().search(source):
        return set()  # most: no brand as a substring (the reordered pass asked already)
    cleaned = _clean(source)
    if owned is not None:
        cleaned = owned.sub("\n", cleaned)
    found: set[str] = set()
    for match in _TOKEN.finditer(cleaned):
        word = match.group()
        if word not in _page_brands():
            continue
        if not (_ordinary(word) and _opens_phrase(cleaned, match.start(), match.end())):
            found.add(word)
    return found


def _opens_phrase(text: str, start: int, end: int) -> bool:
    """The word opens a sentence (or the text) and a lower-case word follows it."""
    before = text[:start].rstrip(" \t\"'“(")
    if before and before[-1] not in ".!?:\n":
        return False
    after = text[end:].lstrip(" ")
    return after[:1].islower()


def _verbatim(ctx: MessageContext) -> re.Pattern[str] | None:
    """The glossary's names kept verbatim, as one search: a brand inside one ("Office"
    in "Office 365") is that name's, the `name` check's."""
    names = sorted(ctx.glossary.verbatim, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


#: The company's name is no product's: translations drop it before a product's name or
#: write it as the company ("firmy Microsoft"), and Japanese human translations write it
#: in katakana (マイクロソフト). Its absence says nothing of a product translated.
_COMPANY = "Microsoft"


@functools.cache
def _page_brands() -> frozenset[str]:
    """The brands of locale_data/en.yaml `brands` as it spells them, the company aside."""
    return frozenset(str(b) for b in locale_data("en").get("brands") or ()) - {_COMPANY}


def _ordinary(word: str) -> bool:
    """A brand that is an ordinary English word too (en.yaml `brand_words`)."""
    return word.casefold() in conventions("en").brand_words


@functools.cache
def _brand_search() -> re.Pattern[str]:
    """Any of `_page_brands` as spelled, as one search: most messages hold none."""
    words = sorted(map(re.escape, _page_brands()), key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(words) + r")(?![^\W_])")


#: A Title-Case name that joins its parts with "and" or "&" ("Information Protection and
#: Governance", "CloudAscent Products & Models"): capitalised words (a hyphen inside one:
#: "Pass-Through"), the joiner, and at least one capitalised word after it. The message
#: gate is a plain search for the joiner between spaces.
_CAP = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_JOINED = re.compile(rf"(?<![\w-])((?:{_CAP} )+{_CAP}) (?:and|&) ({_CAP}(?: {_CAP})*)(?![\w-])")


def check_half_kept_names(entries: list[Entry], ctx: MessageContext) -> Iterator[tuple[Entry, str]]:
    """A name joined by "and" half kept: the translation keeps two or more of its
    capitalised words before the joiner as written, then the locale's joiner and a
    lower-case word where the English has a capitalised one that the translation lacks
    ("Information Protection och styrning", "Online Services en software Channel",
    "Act Now et évaluer"), or a word of the locale's script after it (`Microsoft Learning
    및 파트너 대학`). The message itself shows the words before the joiner a name it
    keeps, so the word after it is the name's too, translated or recased. Not after the
    joiner: a function word (`et les abonnements`: the translator made a noun phrase of
    its own), an elided article, a word of the glossary the locale translates (`Partner
    Center` as `l'Espace partenaires`), an acronym or a code (`UI`, `ID`). Spaced scripts
    only: the locales that glue their joiners write names around them otherwise."""
    if ctx.locale is None or ctx.locale.startswith("en"):
        return
    joiner = _joiner(ctx.locale)
    if joiner is None:
        return
    owned = _owned(ctx)
    words = conventions(ctx.locale).function_words
    english: list[str] = []  # the page's English, read once a name is found
    for entry in entries:
        if not entry.translated:
            continue
        source, text = entry.pairs[0]
        if source == text or (" and " not in source and " & " not in source):
            continue
        for name, left, after in _half_kept(_clean(source), _clean(text), joiner, owned):
            if not english:
                english.append("\n".join(_clean(e.pairs[0][0]) for e in entries))
            if after.casefold() in words or _common(name, left, english[0]):
                continue
            second = name[len(left) :].split()[1:]
            rendered = _after(_clean(text), left, joiner)
            if not _translated_apart(second, rendered, entries, entry):
                yield (
                    entry,
                    f"{name!r} is half kept: {left!r} as written, then {after!r} for "
                    f"its part after the joiner: a name is kept whole or translated whole",
                )
                break


def _half_kept(
    source: str, text: str, joiner: str, owned: re.Pattern[str] | None
) -> Iterator[tuple[str, str, str]]:
    """(name, words kept before the joiner, the translation's word after its joiner)."""
    for match in _JOINED.finditer(source):
        first = match.group(2).split()[0]
        if first.isupper() or not any(c.islower() for c in first[1:]):
            continue  # an acronym or a code after the joiner (`UI`, `ID`, `E5`)
        if owned is not None and owned.match(source, match.start(2)):
            continue  # the glossary's term, the locale's to translate
        if re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text):
            continue
        before = match.group(1).split()
        for start in range(len(before) - 1):
            left = before[start:]
            if sum(any(c.isalpha() for c in w) for w in left) < 2:
                break
            kept = re.search(
                rf"(?<![\w-]){re.escape(' '.join(left))} (?:{joiner}|&) (\w+)(?![\w'’-])",
                text,
            )
            if kept is not None and _translated_word(kept.group(1)):
                name = f"{' '.join(left)}{source[match.end(1) : match.end()]}"
                yield name, " ".join(left), kept.group(1)
                break


def _translated_apart(
    second: list[str], rendered: list[str], entries: list[Entry], entry: Entry
) -> bool:
    """The name after the joiner (two words or more of it) is one the page translates on
    its own: another message's English holds it apart and its translation lacks it as
    written but holds the words this one writes for it, the last one's ending aside
    (`Audio Conferencing` as `오디오 회의` elsewhere, so `Enterprise Voice 및 오디오
    회의`: two names, one kept, one the locale localizes). `rendered`: the translation's
    words from the one after its joiner on."""
    for end in range(min(len(second), len(rendered)), 1, -1):
        *words, last = rendered[:end]
        stem = last[:-1] if len(last) > 1 else last
        said = re.compile(rf"(?<!\w){re.escape(' '.join((*words, stem)))}")
        written = re.escape(" ".join(second[:end]))
        name = re.compile(rf"(?<![\w-]){written}(?![\w-])")
        # apart: not itself after "and" (the joined name again, however translated)
        alone = re.compile(rf"(?<!and )(?<!& )(?<![\w-]){written}(?![\w-])")
        for other in entries:
            if other is entry or not other.translated:
                continue
            source, text = other.pairs[0]
            if alone.search(source) and not name.search(text) and said.search(text):
                return True
    return False


def _after(text: str, left: str, joiner: str) -> list[str]:
    """The text's words after the kept words and their joiner."""
    found = re.search(rf"{re.escape(left)} (?:{joiner}|&) ", text)
    return text[found.end() :].split() if found else []


def _common(name: str, left: str, english: str) -> bool:
    """The words after the joiner (two or more) that the page's English writes in lower
    case too (`server subscriptions` beside `Azure Reservations and Server
    Subscriptions`): a common noun phrase the source capitalised in a title, the
    locale's to translate."""
    after = name[len(left) :].split(maxsplit=1)[1].split()
    return len(after) > 1 and _contains(english, " ".join(after).lower())


def _translated_word(word: str) -> bool:
    """A lower-case word, or a word of another script than the English's (Hangul: the
    name's word translated, `Microsoft Learning 및 파트너 대학`)."""
    first = word[:1]
    return first.islower() or (first.isalpha() and not first.isascii() and not first.isupper())


@functools.cache
def _joiner(locale: str) -> str | None:
    """The locale's "and" and "or" words as one alternation, spaced scripts only."""
    data = locale_data(locale)
    words = data.get("coordinators") or ()
    if not words or data.get("coordinators_glued"):
        return None
    return "|".join(map(re.escape, sorted(map(str, words), key=len, reverse=True)))
