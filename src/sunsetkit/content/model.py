"""The typed definition of a migration and of the glossary, validated once at load.

A definition is the single source of truth of a retirement: its facts, its dated events,
its replacements, its procedure (phases of steps, some taken from the shared step
library) and how the old subscription ends. Templates only lay these out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..errors import clip
from ..i18n import bcp47
from ..kinds import Format

__all__ = [
    "ANCHORS",
    "TASK_CONTEXT",
    "TRANSLATABLE",
    "AlsoForm",
    "Article",
    "Ending",
    "Event",
    "EventKind",
    "Feature",
    "FieldError",
    "Format",
    "Glossary",
    "GlossaryTerm",
    "Image",
    "Link",
    "Migration",
    "Note",
    "Offer",
    "Option",
    "OptionGroup",
    "Phase",
    "Procedure",
    "Replacements",
    "Retired",
    "Section",
    "SharedStep",
    "Step",
    "StepLibrary",
    "Text",
    "fold",
    "nested_model",
    "placeholders",
]

#: The forms a guide is written in: plain Markdown, side by side with its English, or
#: an HTML preview site (the English on hover).

#: Marker in a field's JSON Schema: the field is English prose, extracted into the catalogs.
TRANSLATABLE = "x-translatable"
#: The message context of a phase's checklist task: a task is an instruction to the
#: partner, a phase title a heading, and languages word the two differently (Polish: a
#: noun for the heading, an imperative for the task), so they are distinct messages.
TASK_CONTEXT = "checklist task"

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: Lower-case words that join a sentence, never a product's name ("Dynamics 365 for Sales"
#: has "for"; "Sales from CRM Basic or CRMOL Basic" is a description). A name is never
#: translated, so such words would reach every locale in English.
PROSE_WORDS = frozenset(
    [
        "and",
        "or",
        "from",
        "the",
        "of",
        "to",
        "by",
        "is",
        "are",
        "was",
        "were",
        "which",
        "that",
        "than",
        "instead",
        "but",
        "formerly",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def _no_prose(value: str) -> str:
    words = [w for w in _WORD.findall(value) if w in PROSE_WORDS]
    if words:
        raise FieldError(
            f"{value!r} is a name, never translated, but holds the prose word {words[0]!r}",
            (),
            "write a description as prose (retired.families, a note) with the names as "
            "`names:` placeholders, and keep names for names",
        )
    return value


#: A product's or offer's name, shown verbatim in every locale.
ProductName = Annotated[Name, AfterValidator(_no_prose)]
#: One name or more: the input a list of names may also be written as (see `product`).
Names = Annotated[list[Name], Field(min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(
        json_schema_extra={TRANSLATABLE: True},
        description="English prose, translated through the catalogs. Facts are placeholders "
        "such as %(product)s (see docs/authoring.md); write a literal percent sign as %%.",
    ),
]
# A relative link: no scheme (no colon), no spaces or brackets that would break Markdown.
RelativeLink = Annotated[str, StringConstraints(pattern=r"^[^\s()<>:]+$")]
WebLink = Annotated[str, StringConstraints(pattern=r"^https://[^\s()<>]+$")]
#: The longest id of a definition, which names its pages (<id>.md, <id>.html): with the
#: staging folder's and the locale's names the path stays within every system's limits
#: (255 bytes a name; Windows' 260 a path, under a short output folder).
MAX_ID = 80
FileSlug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=MAX_ID)]
#: The largest number a definition may give (a count of days, a step's number): CLDR
#: formats numbers of up to 28 digits; no migration needs more than a few. Numbers and
#: flags are strict: pydantic would read `true` as 1 ("1 days") and "yes" as true.
MAX_NUMBER = 10**12
Number = Annotated[StrictInt, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
Days = Annotated[StrictInt, Field(gt=0, le=MAX_NUMBER)]
#: An image under images/: names of letters, digits, _ - and dots (never a leading dot,
#: so no ".." and no hidden file), each at most 100 characters.
ImagePath = Annotated[
    str,
    StringConstraints(
        pattern=r"^images/([A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}/){0,8}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,95}\.svg$"
    ),
]

#: The guide's fixed sections, by anchor; a note may be placed after any of them.
ANCHORS = (
    "before-you-begin",
    "find-affected-subscriptions",
    "when-to-transition",
    "replacement-options",
    "feature-comparison",
    "transition-steps",
)

_PLACEHOLDER = re.compile(r"%(?:(%)|\((\w+)\)[sd]|(.?))", re.DOTALL)


def placeholders(text: str) -> tuple[set[str], list[str]]:
    """The named placeholders of a prose string, and every malformed `%` use in it."""
    names: set[str] = set()
    bad: list[str] = []
    for match in _PLACEHOLDER.finditer(text):
        if match.group(2):
            names.add(match.group(2))
        elif match.group(1) is None:
            bad.append(text[match.start() : match.start() + 12])
    return names, bad


Loc = tuple[int | str, ...]


class FieldError(ValueError):
    """A mistake that a model's validator finds at one of its fields.

    `at` is the field's place below the model being validated (`("phases", 2, "id")`)
    and `fix` the one thing to do. The loader adds `at` to the model's own place, so
    the error names the line of the offending field, not of the model that holds it.
    """

    def __init__(self, message: str, at: Loc = (), fix: str | None = None) -> None:
        super().__init__(message)
        self.at = at
        self.fix = fix


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- dated events ----------------------------------------------------------------------


class EventKind(StrEnum):
    RETIREMENT = "retirement"
    END_OF_SALE = "end-of-sale"
    END_OF_RENEWAL = "end-of-renewal"
    AUTO_RENEW_OFF = "auto-renew-off"
    PRICE_CHANGE = "price-change"
    CANCELLATION = "cancellation"
    CUSTOM = "custom"


#: The kinds that say what happened to the offer; a definition has at most one of them.
LIFECYCLE = frozenset({EventKind.RETIREMENT, EventKind.END_OF_SALE, EventKind.END_OF_RENEWAL})


class Event(_Strict):
    """A dated fact. Its date is rendered through CLDR in every locale."""

    kind: EventKind = Field(
        description="retirement, end-of-sale, end-of-renewal (what happened to the offer); "
        "auto-renew-off (the day autoRenewEnabled was set to false); price-change; "
        "cancellation; custom (give a label)."
    )
    date: dt.date = Field(description="The day, as YYYY-MM-DD.")
    id: Key | None = Field(
        default=None,
        description="The placeholder that shows this date inside prose: %(id)s. "
        "Defaults to the kind with underscores (%(end_of_sale)s).",
    )
    label: Text | None = Field(
        default=None,
        description="What happens on that day, as a short noun phrase "
        '("Discounted transition pricing ends"). Required for kind custom and price-change.',
    )
    checklist: StrictBool = Field(
        default=True, description="Show this date in every affected customer's checklist."
    )

    @model_validator(mode="after")
    def _label_where_needed(self) -> Event:
        if self.kind in (EventKind.CUSTOM, EventKind.PRICE_CHANGE) and self.label is None:
            raise FieldError(
                f"an event of kind {self.kind.value} needs a 'label'",
                ("kind",),
                "add `label:` with a short noun phrase saying what happens that day",
            )
        return self

    @property
    def key(self) -> str:
        return self.id or self.kind.value.replace("-", "_")


# --- what is retired and what replaces it ----------------------------------------------


class Offer(_Strict):
    """A retired offer as it appears in partners' subscription data."""

    name: ProductName = Field(description="The offer's name, never translated; matched case-blind.")
    id: Name | None = Field(default=None, description="The Partner Center offer id, if known.")


#: How a retired offer is billed: per license, or by usage (a "quantity" of 1 means nothing).
Billing = Literal["licenses", "usage"]


class Retired(_Strict):
    families: list[Text] = Field(
        default_factory=list,
        description="Prose, one line per family that summarises the retired offers; names "
        "in it are placeholders (`names:`).",
    )
    offers: list[Offer] = Field(min_length=1, description="Every retired offer.")
    billing: Billing | None = Field(
        default=None,
        description="How the retired offers are billed: licenses (a checklist gives the "
        "subscription's number of licenses) or usage (usage-based: no number of licenses); "
        "leave out to follow each subscription's unitType in the partner's data.",
    )
    text: Text | None = Field(
        default=None,
        description="The sentence before the list of offers; default: "
        "This offer is retired / These offers are retired.",
    )

    @model_validator(mode="after")
    def _unique(self) -> Retired:
        names: dict[Loc, str] = {
            ("offers", i, "name"): fold(o.name) for i, o in enumerate(self.offers)
        }
        _require_unique(names, "retired offer name")
        ids: dict[Loc, str] = {("offers", i, "id"): o.id for i, o in enumerate(self.offers) if o.id}
        _require_unique(ids, "retired offer id")
        return self


class Note(_Strict):
    kind: Literal["note", "important", "tip"] = Field(
        default="note", description="The callout: note, important or tip."
    )
    text: Text
    after: str | None = Field(
        default=None,
        description="Top-level notes only: the anchor of the section (or phase) this note "
        "follows. Without it the note stands at the top of the page.",
    )


#: Products bought together: two names or more.
Bundle = Annotated[list[ProductName], Field(min_length=2)]


class Option(_Strict):
    """A replacement: a product name (never translated), a bundle of several products
    bought together, or a translatable label."""

    name: ProductName | None = Field(default=None, description="The offer's current name.")
    bundle: Bundle | None = Field(
        default=None,
        description="Two or more products the customer buys together, each never "
        "translated (Office 365 E3 and an add-on); shown joined with ' + '.",
    )
    label: Text | None = Field(
        default=None, description="Prose instead of a product name (rarely needed)."
    )
    formerly: ProductName | None = Field(
        default=None, description="The name the offer had before it was renamed (with 'name')."
    )
    note: Text | None = Field(
        default=None, description="A remark on this option only (price parity, a substitution)."
    )

    # Before the length check, for a fix of its own; the schema is the field's, as an
    # editor refuses a bundle of one just as the loader does.
    @field_validator("bundle", mode="before", json_schema_input_type=Bundle | None)
    @classmethod
    def _several(cls, value: Any) -> Any:
        if isinstance(value, list) and len(value) < 2:
            single = f"`name: {value[0]}`" if value else "`name:`"
            fix = f"write {single} for one product"
            raise FieldError("a bundle has two names or more", (), fix)
        return value

    @model_validator(mode="after")
    def _one_of(self) -> Option:
        given = [k for k in ("name", "bundle", "label") if getattr(self, k)]
        if len(given) != 1:
            raise FieldError(
                "an option is exactly one of 'name' (a product), 'bundle' (products "
                "bought together) or 'label' (prose)",
                (given[1],) if len(given) > 1 else (),
                f"keep '{given[0]}' and remove '{given[1]}'" if len(given) > 1 else "add `name:`",
            )
        bundle = self.bundle or []
        _require_unique({("bundle", i): fold(n) for i, n in enumerate(bundle)}, "bundle name")
        if self.formerly is not None and self.name is None:
            raise FieldError(
                "'formerly' is the earlier name of a product given as 'name'",
                ("formerly",),
                "remove 'formerly', or give the option its current `name:`",
            )
        return self

    @property
    def key(self) -> str:
        """What makes two options the same (names compared case- and space-blind)."""
        return fold(self.name or self.label or " + ".join(self.bundle or []))


class OptionGroup(_Strict):
    name: Text = Field(
        description="The family's name, translated where Microsoft's localized sites "
        'translate it ("Microsoft 365 for business").'
    )
    link: WebLink = Field(description="The family's product page.")
    options: list[Option] = Field(min_length=1, description="The family's plans.")


class Feature(_Strict):
    feature: Text
    included: list[StrictBool] = Field(description="One value per replacement option, in order.")


class Replacements(_Strict):
    """None (leave the field out), one option, a flat list, groups, or prose."""

    options: list[Option] = Field(
        default_factory=list, description="A flat list; a single option reads in the singular."
    )
    groups: list[OptionGroup] = Field(
        default_factory=list, description="Options grouped by family, each with its page."
    )
    text: Text | None = Field(default=None, description="Prose after the list, or instead of it.")
    features: list[Feature] = Field(
        default_factory=list, description="A comparison table of the flat options."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Replacements:
        if self.options and self.groups:
            raise FieldError(
                "give 'options' or 'groups', not both",
                ("groups",),
                "move the flat options into a group, or the groups' options into 'options'",
            )
        if not (self.options or self.groups or self.text):
            raise FieldError(
                "'replacements' is empty",
                (),
                "give 'options', 'groups' or 'text'; leave 'replacements' out when there is none",
            )
        places: list[Loc] = [("options", i) for i in range(len(self.options))] + [
            ("groups", g, "options", i)
            for g, group in enumerate(self.groups)
            for i in range(len(group.options))
        ]
        keys: dict[Loc, str] = dict(zip(places, (o.key for o in self.all_options), strict=True))
        _require_unique(keys, "replacement option")
        if self.features and not self.options:
            raise FieldError(
                "'features' compares flat 'options' only",
                ("features",),
                "remove 'features', or list the options under 'options'",
            )
        for index, feature in enumerate(self.features):
            if len(feature.included) != len(self.options):
                raise FieldError(
                    f"feature {index + 1} has {len(feature.included)} 'included' values "
                    f"for {len(self.options)} options",
                    ("features", index, "included"),
                    f"give one true/false per option, {len(self.options)} in all",
                )
        return self

    @property
    def all_options(self) -> list[Option]:
        return list(self.options) + [o for g in self.groups for o in g.options]


# --- the procedure ---------------------------------------------------------------------


class Image(_Strict):
    src: ImagePath = Field(
        description="The image, an SVG file under content/images/ shared by every locale "
        "(images/azure/transition1.svg); pages carry a copy beside them."
    )
    alt: Text = Field(description="What the image shows, for readers who cannot see it.")


ParameterKind = Literal["ui", "name", "number"]
#: Where a use of a shared step gives a parameter of each kind.
PARAMETER_FIELDS: dict[str, str] = {"ui": "ui", "name": "names", "number": "numbers"}


class Step(_Strict):
    """One step: its own text, or `use` of a step of content/steps.yaml."""

    use: Slug | None = Field(
        default=None, description="The id of a step in content/steps.yaml to use here."
    )
    text: Text | None = Field(default=None, description="The step's instruction.")
    ui: dict[Key, Name] = Field(
        default_factory=dict,
        description="Portal labels used as %(key)s in the text: key -> the label's English "
        "form in content/glossary.yaml. Shown bold in the locale's approved form.",
    )
    names: dict[Key, ProductName] = Field(
        default_factory=dict, description="Names used as %(key)s in the text, never translated."
    )
    numbers: dict[Key, Number] = Field(
        default_factory=dict, description="Numbers used as %(key)s, formatted per locale."
    )
    substeps: list[Step] = Field(default_factory=list, description="A sub-list of steps.")
    note: Note | None = Field(default=None, description="A note inside the step.")
    image: Image | None = Field(default=None, description="A screenshot after the step.")

    @model_validator(mode="after")
    def _text_or_use(self) -> Step:
        if self.text is not None and self.use is not None:
            raise FieldError(
                "a step is its own 'text' or the 'use' of a shared step, not both",
                ("text",),
                "remove 'text' to use the shared step, or 'use' to write your own",
            )
        if self.text is None and self.use is None:
            raise FieldError(
                "a step needs its 'text' or the 'use' of a shared step",
                (),
                "add `text:` (your own sentence) or `use:` (an id of content/steps.yaml)",
            )
        return self


class SharedStep(Step):
    """A step of content/steps.yaml: a step that may declare parameters without a
    default, which every use gives (a number, a name or a label of its own)."""

    parameters: dict[Key, ParameterKind] = Field(
        default_factory=dict,
        description="Parameters without a default that every use must give: key -> ui, "
        "name or number (`parameters: {days: number}`; a use then says "
        "`numbers: {days: 30}`). Parameters with a default are the ui, names and numbers.",
    )

    @model_validator(mode="after")
    def _parameters_apart(self) -> SharedStep:
        for kind, field in PARAMETER_FIELDS.items():
            both = sorted(set(getattr(self, field)) & set(self.parameters))
            if both:
                raise FieldError(
                    f"{both[0]!r} is both a parameter without a default and a {kind} with one",
                    ("parameters", both[0]),
                    f"keep it under 'parameters' or under '{field}', not both",
                )
        return self

    def parameter_keys(self, field: str) -> set[str]:
        """The keys a use of this step may give in `field` (ui, names or numbers)."""
        kind = next(k for k, f in PARAMETER_FIELDS.items() if f == field)
        return set(getattr(self, field)) | {k for k, v in self.parameters.items() if v == kind}

    def used(self, step: Step) -> Step:
        """This step at a use site: the use's values over the defaults, its note,
        image and sub-steps where it gives them (a plain Step: no parameter is left)."""
        fields = {name: getattr(self, name) for name in Step.model_fields}
        fields.update(
            use=None,
            ui={**self.ui, **step.ui},
            names={**self.names, **step.names},
            numbers={**self.numbers, **step.numbers},
            note=step.note or self.note,
            image=step.image or self.image,
            substeps=step.substeps or self.substeps,
        )
        return Step.model_construct(**fields)


class Phase(_Strict):
    id: Slug = Field(description="The phase's anchor, an English slug.")
    title: Text = Field(
        description='The phase heading, an imperative ("Cancel the ..."); with style '
        "unheaded, the sentence its list of steps follows."
    )
    intro: Text | None = Field(default=None, description="A sentence before the steps.")
    steps: list[Step] = Field(min_length=1, description="The steps, in order.")
    outro: Text | None = Field(default=None, description="A sentence after the steps.")
    note: Note | None = Field(default=None, description="A note after the steps.")
    task: Text | None = Field(
        default=None,
        description="The checklist task for this phase, an instruction to the partner; "
        "default: the title. Either is translated as a task, apart from the heading.",
    )

    @property
    def task_text(self) -> str:
        """The English of its checklist task (message context TASK_CONTEXT)."""
        return self.task or self.title


class Ending(StrEnum):
    SUSPEND = "suspend"
    CANCEL = "cancel"
    EXPIRE = "expire"
    WORKFLOW = "workflow"


#: The endings that a phase of the procedure carries out (the last one).
ACTS = (Ending.SUSPEND, Ending.CANCEL)

#: The count (two) is the procedure's rule, with its fix, like which two may go together.
Choice = Annotated[
    list[Ending],
    Field(
        min_length=2, description="A choice of two endings: expire and one of suspend or cancel."
    ),
]


class Procedure(_Strict):
    # One naming of phases for every guide ("Step 1:"): lettered phases (A., B.) in one
    # guide and numbered ones in the next read as two different procedures.
    style: Literal["numbered", "unheaded"] = Field(
        default="numbered",
        description="Phase headings: numbered (Step 1:, every guide's one naming of phases) "
        "or unheaded (each phase's list follows its title as a sentence, with no heading "
        "and no list of phases).",
    )
    ends: Ending | Choice = Field(
        description="How the old subscription ends: suspend or cancel (the last phase does "
        "it, and the checklist's last task has the deadline); expire (it is canceled "
        "automatically at the end of its term: every phase is a task); workflow (the "
        "portal does it; no deadline task); or a choice [expire, cancel] / [expire, "
        "suspend] (the last phase cancels or suspends; the customer may let it expire "
        "instead)."
    )
    deprovision_days: Days | None = Field(
        default=None,
        gt=0,
        description="With an ending that suspends or cancels: days until the suspended or "
        "canceled subscription is de-provisioned (a note follows the last phase, and the "
        "checklist's last task says it).",
    )
    phases: list[Phase] = Field(min_length=1, description="The phases, in order.")

    @model_validator(mode="after")
    def _consistent(self) -> Procedure:
        _require_unique({("phases", i, "id"): p.id for i, p in enumerate(self.phases)}, "phase id")
        endings = self.endings
        pair = len(endings) == 2 and Ending.EXPIRE in endings and self.act is not None
        if len(endings) > 1 and not pair:
            raise FieldError(
                f"a choice of endings is expire and one of suspend or cancel, not "
                f"{', '.join(e.value for e in endings)}",
                ("ends",),
                "write `ends: [expire, cancel]` or `ends: [expire, suspend]`, or one ending",
            )
        if self.deprovision_days is not None and self.act is None:
            raise FieldError(
                f"needs an ending that suspends or cancels the subscription, and this "
                f"one ends by {endings[0].value}",
                ("deprovision_days",),
                "remove 'deprovision_days', or set `ends:` to suspend or cancel",
            )
        return self

    @property
    def endings(self) -> tuple[Ending, ...]:
        """The ending, or each of a choice of endings."""
        return tuple(self.ends) if isinstance(self.ends, list) else (self.ends,)

    @property
    def act(self) -> Ending | None:
        """suspend or cancel, when the last phase does it; else None."""
        return next((e for e in self.endings if e in ACTS), None)

    @property
    def expires(self) -> bool:
        """The subscription may end on its own at the end of its term."""
        return Ending.EXPIRE in self.endings

    @property
    def tasks(self) -> list[Phase]:
        """The phases that are checklist tasks as they stand: all but the one that
        suspends or cancels (its task carries the deadline)."""
        return self.phases[:-1] if self.act is not None else list(self.phases)


class StepLibrary(_Strict):
    """content/steps.yaml: steps shared by several migrations, by id."""

    steps: dict[Slug, SharedStep] = Field(description="Step id -> step.")

    @field_validator("steps")
    @classmethod
    def _no_nested_use(cls, value: dict[str, SharedStep]) -> dict[str, SharedStep]:
        for key, step in value.items():
            if step.use is not None:
                raise FieldError(
                    f"shared step {key!r} cannot 'use' another step",
                    (key, "use"),
                    "write its `text:` instead",
                )
        return value


# --- the rest of a definition ----------------------------------------------------------


class Link(_Strict):
    title: Text
    href: RelativeLink = Field(description="A relative link to the article.")


class Section(_Strict):
    """A section of prose of its own, after the procedure (tracking, billing, ...)."""

    id: Slug = Field(description="The section's anchor, an English slug.")
    title: Text
    paragraphs: list[Text] = Field(default_factory=list, description="Paragraphs of prose.")
    items: list[Text] = Field(default_factory=list, description="A bulleted list.")
    image: Image | None = Field(default=None, description="A screenshot at the section's end.")


class Article(_Strict):
    """Front matter of the published article."""

    date: dt.date = Field(description="ms.date: the English source's date.")
    topic: str = Field(default="article", description="ms.topic.")
    service: str = Field(default="partner-dashboard", description="ms.service.")
    subservice: str = Field(default="partnercenter-csp", description="ms.subservice.")
    localization_priority: str = Field(default="medium", description="ms.localizationpriority.")
    author: str | None = Field(default=None, description="author (GitHub account).")
    ms_author: str | None = Field(default=None, description="ms.author.")
    custom: str | None = Field(default=None, description="ms.custom.")


Deadline = Literal["commitment-end", "none"]


class Migration(_Strict):
    """One retirement: every fact a guide and a checklist need."""

    id: FileSlug = Field(description="The page's file name and top anchor.")
    product: list[ProductName] = Field(
        min_length=1,
        description="The retired product's name (or names), never translated: %(product)s. "
        "Several names are joined as a list in the locale's way.",
    )
    title: Text | None = Field(
        default=None, description="The page title; default: Transition customers from %(product)s."
    )
    description: Text | None = Field(
        default=None,
        description="The page's meta description, shown by search engines; default: How to "
        "move your customers from %(product)s to a replacement in Partner Center, step by step.",
    )
    summary: Text | None = Field(
        default=None,
        description="What changed, in one sentence; default: the sentence of "
        "the retirement event's kind.",
    )
    names: dict[Key, ProductName] = Field(
        default_factory=dict,
        description="More names for prose, never translated: key -> name, used as %(key)s.",
    )
    roles: list[Name] = Field(min_length=1, description="Partner Center roles (glossary ui).")
    events: list[Event] = Field(default_factory=list, description="The dated facts.")
    deadline: Deadline = Field(
        default="commitment-end",
        description="commitment-end: a customer must move before the subscription's "
        "commitment end date; none: there is no deadline (usage-based subscriptions).",
    )
    preconditions: list[Text] = Field(
        default_factory=list, description="What must be true before the transition."
    )
    retired: Retired = Field(description="The retired offers, as partners' data names them.")
    notes: list[Note] = Field(
        default_factory=list, description="Notes, at the top or after a section ('after')."
    )
    timing: Text | None = Field(
        default=None,
        description="When to move customers; default: the sentence for the deadline kind.",
    )
    replacements: Replacements | None = Field(
        default=None, description="Leave out when nothing replaces the offer."
    )
    procedure: Procedure = Field(description="How to move a customer, phase by phase.")
    sections: list[Section] = Field(
        default_factory=list, description="Sections of prose after the procedure."
    )
    next_steps: list[Link] = Field(default_factory=list, description="Articles to read next.")
    article: Article = Field(description="The published article's front matter.")

    # The JSON Schema says what an author may write: one name, or a list of names.
    @field_validator("product", mode="before", json_schema_input_type=Name | Names)
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return value if isinstance(value, list) else [value]

    @model_validator(mode="after")
    def _consistent(self) -> Migration:
        keys: dict[Loc, str] = {("events", i, "id"): e.key for i, e in enumerate(self.events)}
        _require_unique(keys, "event id", "give the event its own `id:` (its placeholder)")
        lifecycle = [i for i, e in enumerate(self.events) if e.kind in LIFECYCLE]
        if len(lifecycle) > 1:
            raise FieldError(
                "give at most one retirement, end-of-sale or end-of-renewal event",
                ("events", lifecycle[1], "kind"),
                "keep the one the page's summary follows; make the other `kind: custom` "
                "with a `label:`",
            )
        clash = sorted(set(keys.values()) & set(self.names))
        if clash:
            raise FieldError(
                f"{clash[0]!r} is both an event id and a name key",
                ("names", clash[0]),
                "rename the name key (and its placeholders)",
            )
        return self

    @property
    def lifecycle(self) -> Event | None:
        return next((e for e in self.events if e.kind in LIFECYCLE), None)

    @property
    def auto_renew_off(self) -> Event | None:
        return next((e for e in self.events if e.kind == EventKind.AUTO_RENEW_OFF), None)

    @property
    def all_options(self) -> list[Option]:
        return self.replacements.all_options if self.replacements else []

    @property
    def example_product(self) -> str | None:
        """The replacement the steps name as their example: always this migration's own."""
        return next((o.name for o in self.all_options if o.name), None)

    @property
    def anchors(self) -> set[str]:
        """Every section and phase of the page, which a note may follow: of the fixed
        sections, those the definition makes (a note after another would be lost)."""
        features = self.replacements is not None and bool(self.replacements.features)
        made = {
            "before-you-begin": bool(self.preconditions),
            "when-to-transition": self.timing is not None or self.deadline == "commitment-end",
            "replacement-options": self.replacements is not None,
            "feature-comparison": features,
        }
        fixed = {anchor for anchor in ANCHORS if made.get(anchor, True)}
        return fixed | {p.id for p in self.procedure.phases} | {s.id for s in self.sections}

    @property
    def images(self) -> list[Image]:
        """Every image of the page: of steps (and their sub-steps) and of sections."""
        found = [s.image for s in self.sections if s.image]
        stack = [step for phase in self.procedure.phases for step in phase.steps]
        while stack:
            step = stack.pop()
            found += [step.image] if step.image else []
            stack += step.substeps
        return sorted(found, key=lambda image: image.src)

    def notes_after(self, anchor: str | None) -> list[Note]:
        return [n for n in self.notes if n.after == anchor]


# --- the glossary ----------------------------------------------------------------------

GlossaryKind = Literal["name", "ui", "term"]
Forms = Annotated[list[Name], Field(min_length=1)]


def _locale_key(key: str) -> str:
    """A BCP 47 locale id that CLDR knows, spelt as everywhere else (sv-SE, not sv_SE):
    a misspelt key would make every page silently show the English form."""
    try:
        known = bcp47(Locale.parse(key, sep="-")) == key
    except (ValueError, UnknownLocaleError):
        known = False
    if not known:
        hint = key.replace("_", "-")
        raise ValueError(
            f"unknown locale key {key!r}: write a BCP 47 id"
            + (f" (did you mean {hint!r}?)" if hint != key else " such as sv-SE")
        )
    return key


LocaleKey = Annotated[str, AfterValidator(_locale_key)]


#: Where a form was seen: a verdict of `sunset mine`, a portal string, or none and why.
EvidenceStatement = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^(agrees|differs|portal|none): \S")
]


#: Where an also-accepted form was seen: human translations or the portal, never a guess.
AttestedStatement = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^(agrees|portal): \S")
]

_ALSO_FIX = (
    'write it as {form: ..., evidence: "agrees: N of M spans in ..."} as `sunset mine '
    "--glossary` proposes it, or remove the form"
)


class AlsoForm(_Strict):
    """A second form of a label or term that Microsoft's own human translations use beside
    the approved one: `sunset check` accepts it, templates never render it."""

    form: Name = Field(description="The form as the human translations write it.")
    evidence: AttestedStatement = Field(
        description="Where it was seen, as `sunset mine --glossary` gives it ('agrees: N of "
        "M spans in ...: <article> (count), ...'), or 'portal: ' and where the portal shows it."
    )

    @model_validator(mode="before")
    @classmethod
    def _attested(cls, value: Any) -> Any:
        # An unattested second form would silence the check on any wording: refused with
        # the reason, not pydantic's "missing field".
        if isinstance(value, str):
            raise _unattested(value)
        if isinstance(value, dict) and "form" in value and not value.get("evidence"):
            raise _unattested(value["form"])
        evidence = value.get("evidence") if isinstance(value, dict) else None
        if isinstance(evidence, str) and evidence.strip().startswith(("none:", "differs:")):
            raise FieldError(
                f"also-accepted form {value.get('form')!r}: evidence {clip(evidence, 40)} "
                "does not attest it",
                ("evidence",),
                "an also-accepted form is one human translations or the portal use: "
                "'agrees: ...' or 'portal: ...'; else remove it",
            )
        return value


def _unattested(form: object) -> PydanticCustomError:
    """A form without its evidence: the shape is wrong (the schema says so too), so its
    error is no value error; it carries the reason and the fix as a FieldError does."""
    return PydanticCustomError(
        "also_without_evidence",
        "also-accepted form {form} has no evidence",
        {"form": repr(form), "error": FieldError("", (), _ALSO_FIX)},
    )


class GlossaryTerm(_Strict):
    source: Name = Field(description="The English form, as the source text has it.")
    kind: GlossaryKind = Field(
        description="name: never translated; ui: a portal label (bold in steps); term: "
        "terminology with an approved form per locale."
    )
    translations: dict[LocaleKey, Name | Forms] = Field(
        default_factory=dict,
        description="The approved form per locale (BCP 47 ids). A term that inflects may "
        "list its accepted forms, the first being its base form.",
    )
    note: str | None = Field(default=None, description="Guidance for translators.")
    evidence: dict[LocaleKey, EvidenceStatement] = Field(
        default_factory=dict,
        description="Per locale, where the approved form was seen: published human-translated "
        "articles with counts as `sunset mine` gives them (repository, branch, paths), or the "
        "portal string ('portal: ' and where); or 'none: ' and why there is none. A form "
        "without evidence is a guess.",
    )

    also: dict[LocaleKey, Annotated[list[AlsoForm], Field(min_length=1)]] = Field(
        default_factory=dict,
        description="Per locale, other forms that published human translations use beside "
        "the approved one (a second wording of a label), each with its evidence: accepted by "
        "`sunset check`, never rendered.",
    )

    @model_validator(mode="after")
    def _names_are_verbatim(self) -> GlossaryTerm:
        if self.kind == "name" and self.translations:
            raise FieldError(
                "a 'name' is never translated",
                ("translations",),
                "remove its 'translations', or make it `kind: term`",
            )
        if self.kind == "name":
            try:
                _no_prose(self.source)
            except FieldError as error:
                raise FieldError(str(error), ("source",), error.fix) from None
        if self.kind == "ui":
            for locale, value in self.translations.items():
                if isinstance(value, list) and len(value) > 1:
                    raise FieldError(
                        f"a UI label has one form per locale ({locale})",
                        ("translations", locale),
                        "keep the form the portal shows",
                    )
        self._also_beside_approved()
        return self

    def _also_beside_approved(self) -> None:
        """An also-accepted form sits beside an approved form of its locale, once."""
        for locale, also in self.also.items():
            if self.kind == "name" or locale not in self.translations:
                raise FieldError(
                    f"an also-accepted form needs an approved form in {locale} beside it",
                    ("also", locale),
                    f"add the approved form under 'translations: {locale}', or remove this",
                )
            seen = set(self.forms(locale))
            for index, item in enumerate(also):
                if item.form in seen:
                    raise FieldError(
                        f"{item.form!r} is listed twice for {locale}",
                        ("also", locale, index, "form"),
                        "keep it once (an approved form is accepted already)",
                    )
                seen.add(item.form)

    def forms(self, locale_id: str) -> list[str]:
        """Every accepted form in a locale, base form first (the source where none)."""
        value = self.translations.get(locale_id, self.source)
        return [value] if isinstance(value, str) else list(value)

    def accepted(self, locale_id: str) -> list[str]:
        """What `sunset check` accepts in a locale: the forms, then the also-accepted ones."""
        return [*self.forms(locale_id), *(item.form for item in self.also.get(locale_id, ()))]


#: What a locale's label_format may write around a label.
LABEL_DECORATION = frozenset("[]「」『』【】《》\"'“”„«» *_\u00a0\u202f")


class Glossary(_Strict):
    label_format: dict[LocaleKey, str] = Field(
        default_factory=dict,
        description="How a locale writes a UI label; {label} stands for the label, once, "
        "with only brackets, quotes, ** or spaces around it.",
    )
    terms: list[GlossaryTerm] = Field(description="Every name, UI label and term.")

    @model_validator(mode="after")
    def _unique(self) -> Glossary:
        sources: dict[Loc, str] = {
            ("terms", i, "source"): t.source for i, t in enumerate(self.terms)
        }
        _require_unique(sources, "glossary source")
        for locale, fmt in self.label_format.items():
            # A literal substitution, never str.format: "{label.__class__...}" would
            # reach any attribute of the process (os.environ) and publish it.
            if fmt.count("{label}") != 1 or {"{", "}"} & set(fmt.replace("{label}", "")):
                raise FieldError(
                    f"label_format for {locale} must hold '{{label}}' once and no other braces",
                    ("label_format", locale),
                    "write it as in '[{label}]'",
                )
            # Every page shows it around every label: markup, a link or HTML in it would
            # be on every page. Brackets, quotes, bold and spaces only.
            odd = sorted(set(fmt.replace("{label}", "")) - LABEL_DECORATION)
            if odd:
                raise ValueError(
                    f"label_format for {locale} may put only brackets, quotes, ** or spaces "
                    f"around '{{label}}', not {''.join(odd)!r}, as in '[{{label}}]' or "
                    f"'**{{label}}**'"
                )
        return self

    def format_label(self, locale_id: str | None, label: str) -> str:
        """A UI label in the locale's brackets: a literal substitution, never str.format."""
        return self.label_format.get(locale_id or "", "{label}").replace("{label}", label)


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as list[Note] or Option | None, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def fold(text: str) -> str:
    """Case and spacing folded, as offer names are matched."""
    return " ".join(text.casefold().split())


def _require_unique(values: Mapping[Loc, str], what: str, fix: str | None = None) -> None:
    """Each value once; a repeat is reported at its own place, naming the first."""
    seen: dict[str, Loc] = {}
    for loc, value in values.items():
        if value in seen:
            first = ".".join(map(str, seen[value]))
            raise FieldError(
                f"duplicate {what}: {value!r}",
                loc,
                fix or f"keep one of the two (the first is {first}), or change this one",
            )
        seen[value] = loc
