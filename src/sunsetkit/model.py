"""The typed definition of a migration and of the glossary, validated once at load."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

__all__ = [
    "TRANSLATABLE",
    "Article",
    "Event",
    "EventKind",
    "Feature",
    "Format",
    "Glossary",
    "GlossaryTerm",
    "Link",
    "Migration",
    "Note",
    "Offer",
    "Option",
    "OptionGroup",
    "Retired",
    "Steps",
    "Text",
    "fold",
    "nested_model",
]

#: The forms a guide is written in: plain Markdown, or side by side with its English.
Format = Literal["markdown", "sxs"]

#: Marker in a field's JSON Schema: the field is English prose, extracted into the catalogs.
TRANSLATABLE = "x-translatable"

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(
        json_schema_extra={TRANSLATABLE: True},
        description="English prose, translated through the catalogs. May use %(product)s "
        "and %(portal)s; write a literal percent sign as %%.",
    ),
]
# A relative link: no scheme (no colon), no spaces or brackets that would break Markdown.
RelativeLink = Annotated[str, StringConstraints(pattern=r"^[^\s()<>:]+$")]
WebLink = Annotated[str, StringConstraints(pattern=r"^https://[^\s()<>]+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventKind(StrEnum):
    RETIREMENT = "retirement"
    END_OF_SALE = "end-of-sale"
    END_OF_RENEWAL = "end-of-renewal"


class Event(_Strict):
    """What happened to the offer, and when."""

    kind: EventKind
    date: dt.date = Field(description="The retirement, end of sale or end of renewal.")
    auto_renew_off: dt.date = Field(
        description="The day Partner Center set autoRenewEnabled to false on the subscriptions."
    )


class Offer(_Strict):
    """A retired offer as it appears in partners' subscription data."""

    name: Name
    id: Name | None = Field(default=None, description="The Partner Center offer id, if known.")


class Retired(_Strict):
    families: list[Name] = Field(
        default_factory=list, description="Names that summarise the retired offers."
    )
    offers: list[Offer] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Retired:
        _require_unique([fold(o.name) for o in self.offers], "retired offer name")
        _require_unique([o.id for o in self.offers if o.id], "retired offer id")
        return self


class Note(_Strict):
    kind: Literal["note", "important", "tip"] = "note"
    text: Text


class Option(_Strict):
    """A replacement: a product name (never translated) or a translatable label."""

    name: Name | None = None
    label: Text | None = None
    formerly: Name | None = Field(default=None, description="The product's earlier name.")

    @model_validator(mode="after")
    def _one_of(self) -> Option:
        if (self.name is None) == (self.label is None):
            raise ValueError("give exactly one of 'name' (a product) or 'label' (prose)")
        return self


class OptionGroup(_Strict):
    name: Name
    link: WebLink
    options: list[Option] = Field(min_length=1)


class Feature(_Strict):
    feature: Text
    included: list[bool] = Field(description="One value per replacement option, in order.")


class Steps(_Strict):
    style: Literal["numbered", "lettered"] = Field(
        default="numbered",
        description="numbered: Step 1, Step 2, Step 3; lettered: A, B, C.",
    )
    customers_in_left_menu: bool = Field(
        default=False, description="The steps reach Customers through the left menu."
    )


class Link(_Strict):
    title: Text
    href: RelativeLink


class Article(_Strict):
    """Front matter of the published article."""

    date: dt.date = Field(description="ms.date: the English source's date.")
    topic: str = "article"
    service: str = "partner-dashboard"
    subservice: str = "partnercenter-csp"
    localization_priority: str = "medium"
    author: str | None = None
    ms_author: str | None = None
    custom: str | None = None


class Migration(_Strict):
    """One retirement: every fact a guide and a checklist need."""

    id: Slug
    product: Name = Field(description="The retired product's name, never translated.")
    roles: list[Name] = Field(min_length=1, description="Partner Center roles (glossary ui).")
    event: Event
    retired: Retired
    notes: list[Note] = Field(default_factory=list)
    replacement_options: list[Option] = Field(default_factory=list)
    replacement_groups: list[OptionGroup] = Field(default_factory=list)
    features: list[Feature] = Field(default_factory=list)
    steps: Steps = Field(default_factory=Steps)
    deprovision_days: int = Field(default=120, gt=0)
    next_steps: list[Link] = Field(default_factory=list)
    article: Article

    @field_validator("replacement_options", "replacement_groups")
    @classmethod
    def _unique_options(cls, value: list[Any]) -> list[Any]:
        options = [o for item in value for o in getattr(item, "options", [item])]
        _require_unique([fold(_option_key(o)) for o in options], "replacement option")
        return value

    @field_validator("features")
    @classmethod
    def _one_value_per_option(cls, value: list[Feature], info: ValidationInfo) -> list[Feature]:
        options = info.data.get("replacement_options") or []
        if value and not options:
            raise ValueError("'features' compares flat 'replacement_options' only")
        for number, feature in enumerate(value, 1):
            if len(feature.included) != len(options):
                raise ValueError(
                    f"feature {number} has {len(feature.included)} 'included' values "
                    f"for {len(options)} replacement options"
                )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Migration:
        if bool(self.replacement_options) == bool(self.replacement_groups):
            raise ValueError("give exactly one of 'replacement_options' or 'replacement_groups'")
        if not any(o.name for o in self.all_options):
            raise ValueError("name at least one replacement product: the steps show it")
        return self

    @property
    def all_options(self) -> list[Option]:
        grouped = [o for g in self.replacement_groups for o in g.options]
        return list(self.replacement_options) + grouped

    @property
    def example_product(self) -> str:
        """The replacement the steps name as their example: always this migration's own."""
        return next(o.name for o in self.all_options if o.name)


GlossaryKind = Literal["name", "ui", "term"]


def _locale_key(key: str) -> str:
    """A BCP 47 locale id that CLDR knows, spelt as everywhere else (sv-SE, not sv_SE):
    a misspelt key would make every page silently show the English form."""
    try:
        known = str(Locale.parse(key, sep="-")).replace("_", "-") == key
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


class GlossaryTerm(_Strict):
    source: Name
    kind: GlossaryKind
    translations: dict[LocaleKey, Name] = Field(
        default_factory=dict, description="The approved form per locale (BCP 47 ids)."
    )
    note: str | None = Field(default=None, description="Guidance for translators.")

    @model_validator(mode="after")
    def _names_are_verbatim(self) -> GlossaryTerm:
        if self.kind == "name" and self.translations:
            raise ValueError("a 'name' is never translated: remove its 'translations'")
        return self


class Glossary(_Strict):
    label_format: dict[LocaleKey, str] = Field(
        default_factory=dict,
        description="How a locale writes a UI label; {label} stands for the label, once; "
        "no other braces.",
    )
    terms: list[GlossaryTerm]

    @model_validator(mode="after")
    def _unique(self) -> Glossary:
        _require_unique([t.source for t in self.terms], "glossary source")
        for locale, fmt in self.label_format.items():
            # A literal substitution, never str.format: "{label.__class__...}" would
            # reach any attribute of the process (os.environ) and publish it.
            if fmt.count("{label}") != 1 or {"{", "}"} & set(fmt.replace("{label}", "")):
                raise ValueError(
                    f"label_format for {locale} must hold '{{label}}' once and no other "
                    f"braces, as in '[{{label}}]'"
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


def _option_key(option: Option) -> str:
    return option.name or option.label or ""


def _require_unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what}: {value!r}")
        seen.add(value)
