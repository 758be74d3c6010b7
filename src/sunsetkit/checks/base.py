"""The types every check shares: a finding, a check, and one message seen by the checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from babel.messages.catalog import Message

from ..i18n import MACHINE_COMMENT
from .conventions import Conventions

__all__ = [
    "Check",
    "Entry",
    "Finding",
    "LocaleGlossary",
    "MessageContext",
    "Precondition",
    "Scope",
    "Severity",
]

Severity = Literal["error", "warning"]
Scope = Literal["message", "catalog", "page"]
#: A check's precondition: (entry, context) -> whether the check may report anything.
Precondition = Callable[["Entry", "MessageContext"], bool]
IGNORE_TAG = "sunset-ignore:"
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int | None
    locale: str | None
    check: str
    severity: Severity
    message: str
    msgctxt: str | None = None
    msgid: str | None = None

    def __reduce__(self) -> tuple[type[Finding], tuple[object, ...]]:
        # Workers send tens of thousands of findings: a plain tuple pickles several times
        # faster than the default protocol for slotted dataclasses.
        return (
            Finding,
            (
                self.path,
                self.line,
                self.locale,
                self.check,
                self.severity,
                self.message,
                self.msgctxt,
                self.msgid,
            ),
        )


@dataclass(frozen=True, slots=True)
class Check:
    """One rule: a stable id, a default severity, what it looks at, and a one-line doc."""

    id: str
    severity: Severity
    scope: Scope
    description: str
    func: Callable[..., Iterable[str]]
    markup: bool = False  # off with --markup none
    #: Off unless the configuration enables it: a check whose precision on published
    #: translations falls short of the others' (`enable = ["negation"]`).
    opt_in: bool = False
    #: A check over every message of one catalog or page at once (a label's spellings):
    #: (entries, context) -> (entry, message) for each finding.
    entries: Callable[..., Iterable[tuple[Entry, str]]] | None = None
    #: A cheap test, once per translated message, that is false only where the check
    #: cannot report anything (no digit in the source: no number changed). Most checks
    #: find nothing in most messages: those are then never called. A hypothesis property
    #: (tests/test_preconditions.py) holds each to "false => no finding".
    when: Precondition | None = None


#: What a locale's label_format puts around a label, and spaces: no part of the form.
_BRACKETS = "[]「」『』【】《》 "


@dataclass(frozen=True)
class LocaleGlossary:
    """The glossary (and the project's names) as one locale needs them for checking."""

    #: Source forms that must appear verbatim (names, and terms this locale keeps).
    verbatim: tuple[str, ...] = ()
    #: Terms with an approved form in this locale: source -> the accepted forms, the
    #: approved one first.
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: UI labels: source -> the approved forms (with and without the locale's brackets).
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: UI labels this locale has no approved form for: bold, and one translation throughout.
    open_labels: frozenset[str] = frozenset()
    #: Names that are never translated and are not English left: glossary names, and the
    #: offer and product names of the project's definitions. Longest first.
    names: tuple[str, ...] = ()
    #: The locale's function words ("van", "uw", "in"): a bold span of only these is misplaced.
    function_words: frozenset[str] = frozenset()
    #: The glossary's evidence for this locale's forms: source -> statement (checks/evidence).
    evidence: dict[str, str] = field(default_factory=dict)
    #: How the locale writes names, acronyms and labels (locale_data/).
    conventions: Conventions = field(default_factory=Conventions)
    #: UI labels: source -> the approved form as running text writes it (no brackets).
    label_text: dict[str, str] = field(default_factory=dict)

    @cached_property
    def label_forms(self) -> frozenset[str]:
        """Every approved form of every UI label: bold on one is never misplaced."""
        return frozenset(form for forms in self.labels.values() for form in forms)

    @cached_property
    def entry_of_form(self) -> dict[str, str]:
        """Each accepted form of a label or term (approved, inflected, also-accepted),
        case folded and without label brackets -> its source: two spellings that are
        forms of one entry are one translation, whichever the glossary approves."""
        found: dict[str, str] = {}
        for source, forms in (*self.labels.items(), *self.terms.items()):
            for form in forms:
                found.setdefault(form.strip(_BRACKETS).casefold(), source)
        return found

    def one_entry(self, one: str, other: str) -> bool:
        """Both spellings are accepted forms of one glossary label or term."""
        entry = self.entry_of_form.get(one.strip(_BRACKETS).casefold())
        return entry is not None and entry == self.entry_of_form.get(
            other.strip(_BRACKETS).casefold()
        )

    @cached_property
    def name_forms(self) -> dict[str, str]:
        """Every form of a name or term in this locale, case folded -> its English: the
        name itself (kept), the glossary's forms, the locale's own names of it."""
        forms: dict[str, str] = {}
        for name in (*self.verbatim, *self.names):
            forms.setdefault(name.casefold(), name)
        for source, own in (*self.terms.items(), *self.conventions.names.items()):
            for form in own:
                forms.setdefault(form.casefold(), source)
        return forms

    @cached_property
    def any_term(self) -> re.Pattern[str] | None:
        """One search for "does this text hold any name or term at all?" (most do not)."""
        phrases = sorted([*self.verbatim, *self.terms], key=len, reverse=True)
        return re.compile("|".join(map(re.escape, phrases))) if phrases else None

    @cached_property
    def any_multiword_label(self) -> re.Pattern[str] | None:
        """One case-blind search for the labels of several words (roles: "Sales agent")."""
        labels = sorted((label for label in self.labels if " " in label), key=len, reverse=True)
        if not labels:
            return None
        return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, labels))})(?!\w)", re.IGNORECASE)

    @cached_property
    def multiword_folded(self) -> re.Pattern[str] | None:
        """The labels of several words, case folded: a plain search of the folded text
        before the case-blind one."""
        labels = sorted((label.casefold() for label in self.labels if " " in label), key=len)
        return re.compile("|".join(map(re.escape, labels))) if labels else None

    @cached_property
    def name_starts(self) -> tuple[str, ...]:
        """The first word of every name: a text without any of them holds no name."""
        return tuple(sorted({name.split()[0] for name in self.names}))

    @cached_property
    def any_name(self) -> re.Pattern[str] | None:
        """Every name, longest first, as whole words: they are cut out before English is sought."""
        if not self.names:
            return None
        alternatives = "|".join(map(re.escape, self.names))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])")


@dataclass(frozen=True)
class MessageContext:
    locale: str | None
    glossary: LocaleGlossary
    md: MarkdownIt | None  # None: markup checks are off
    #: The first plural form is used for the number 1 only (not for 0 or 21, say).
    singular_only: bool = True
    #: A message's outer white space can show: a catalog message may be joined to others
    #: in code ("Name: " + value); a Markdown segment's or block's renders as nothing.
    outer_space: bool = True
    #: The page applies to a portal whose UI is in English alone (`english_portals`):
    #: its English UI labels kept as written are that portal's labels.
    english_portal: bool = False
    #: The page lists system or API values (two CamelCase words or more in bold or code,
    #: `InGracePeriod`): English state names kept there are the values, not labels.
    system_values: bool = False
    #: The acronyms the page's English uses in two segments or more, and those its
    #: translation gives anywhere; None where no page is known (a catalog).
    recurring_acronyms: frozenset[str] | None = None
    translated_acronyms: frozenset[str] = frozenset()
    #: English words in capitals that open the page's operation names as GET does
    #: ("TRY Report Query" beside "GET Report Query"): verbs, not acronyms.
    operation_verbs: frozenset[str] = frozenset()
    #: How the page's translation renders the words an acronym stands for, where a
    #: segment defines it ("Asia-Pacific (APAC)" as "Asie-Pacifique (APAC)"): acronym ->
    #: the translation's words, case folded.
    page_renderings: Mapping[str, frozenset[str]] = field(default_factory=dict)


class Entry:
    """One catalog message as the checks see it; parsing is done once, when first needed."""

    __slots__ = (
        "__dict__",
        "context",
        "flags",
        "fuzzy",
        "ids",
        "ignored",
        "line",
        "machine_comment",
        "pairs",
        "sources",
        "strings",
        "translated",
        "translations",
    )

    def __init__(self, message: Message) -> None:
        msgid, raw = message.id, message.string
        self.ids: tuple[str, ...] = (msgid,) if isinstance(msgid, str) else tuple(msgid)
        self.strings: tuple[str, ...] = (
            (raw or "",) if isinstance(raw, str) or raw is None else tuple(s or "" for s in raw)
        )
        self.context: str | None = message.context
        self.line: int | None = message.lineno
        self.flags = message.flags
        self.fuzzy = "fuzzy" in self.flags
        self.translated = all(self.strings) and not self.fuzzy
        self.ignored = _ignored(message.user_comments) if message.user_comments else _NONE
        self.machine_comment = bool(message.user_comments) and any(
            c.strip().casefold() == MACHINE_COMMENT for c in message.user_comments
        )
        #: (source, translation) for every form: the plural source for forms after the first.
        #: Only translated messages are compared with their source.
        self.pairs: tuple[tuple[str, str], ...] = ()
        if self.translated:
            self.pairs = (
                ((self.ids[0], self.strings[0]),)
                if len(self.strings) == 1
                else tuple(
                    (self.ids[min(index, len(self.ids) - 1)], text)
                    for index, text in enumerate(self.strings)
                )
            )
        # Set here, not cached on first use: every message's are read by preconditions,
        # and a cached property's first read (it takes a lock) costs ten times as much.
        pairs = self.pairs
        #: Every compared source, one a line: what preconditions search once.
        self.sources: str = pairs[0][0] if len(pairs) == 1 else "\n".join(s for s, _ in pairs)
        #: Every compared translation, one a line.
        self.translations: str = pairs[0][1] if len(pairs) == 1 else "\n".join(t for _, t in pairs)

    @property
    def msgid(self) -> str:
        return self.ids[0]

    def inline(self, md: MarkdownIt, text: str) -> list[Token]:
        """The inline tokens of one text, cached per entry."""
        cache: dict[str, list[Token]] = self.__dict__.setdefault("_inline", {})
        if text not in cache:
            tokens = md.parseInline(text)
            cache[text] = tokens[0].children or [] if tokens else []
        return cache[text]


def _ignored(comments: Iterable[str]) -> frozenset[str]:
    """Checks silenced by a translator comment such as `# sunset-ignore: english-left`."""
    ids: set[str] = set()
    for comment in comments:
        text = comment.strip()
        if text.startswith(IGNORE_TAG):
            ids.update(part.strip() for part in text[len(IGNORE_TAG) :].split(",") if part.strip())
    return frozenset(ids)
