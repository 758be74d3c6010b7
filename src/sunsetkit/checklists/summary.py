"""summary.json, the checklists run for programs: an interface, with a version.

Within a version fields are only added; renaming or removing a field, or changing its
type, bumps VERSION. These TypedDicts are its shape: the writer builds its entries as
them (mypy checks every key and type) and `sunset schema summary` is derived from them,
so the schema and the file cannot drift apart. The file is streamed, customer by
customer, so the envelope is written in two parts around the entries.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic reads typing's only from Python 3.12

from .model import Plan, Urgency

__all__ = [
    "VERSION",
    "Summary",
    "SummaryCustomer",
    "SummarySubscription",
    "customer_entry",
    "envelope_head",
    "envelope_tail",
]

#: The shape's version: 1 is the first with `files` (a list) in each customer.
VERSION: Literal[1] = 1

_OURS = ConfigDict(extra="forbid")  # additionalProperties: false
_DATE = {"format": "date"}


@with_config(_OURS)
class SummarySubscription(TypedDict):
    """One retiring subscription of the customer."""

    subscription_id: Annotated[
        str, Field(min_length=1, description="The subscription's id in the input.")
    ]
    offer_name: Annotated[
        str | None,
        Field(description="Its offer name; null when the input has none."),
    ]
    migration: Annotated[
        str, Field(min_length=1, description="The id of the retirement it falls under.")
    ]
    quantity: Annotated[int, Field(ge=0, description="Its number of licenses.")]
    licensed: Annotated[
        bool,
        Field(
            description="Whether its offer counts licenses, as the retirement's definition "
            "says (else the input's unitType): false for a usage-based offer, whose "
            "quantity counts nothing and is shown nowhere."
        ),
    ]
    deadline: Annotated[
        str | None,
        Field(
            json_schema_extra=_DATE,
            description="The date it must be moved by (YYYY-MM-DD); null when its "
            "retirement has no deadline.",
        ),
    ]
    days_left: Annotated[
        int | None,
        Field(
            description="Days from as_of to the deadline, negative when past; null "
            "without a deadline."
        ),
    ]
    status: Annotated[
        Urgency,
        Field(description="overdue (past), urgent (30 days or fewer), ok, or no-deadline."),
    ]


@with_config(_OURS)
class SummaryCustomer(TypedDict):
    """One customer with a checklist."""

    id: Annotated[str, Field(min_length=1, description="The customer's id in the input.")]
    name: Annotated[str, Field(min_length=1, description="The company name.")]
    locale: Annotated[
        str, Field(min_length=1, description="The checklist's locale (BCP 47, e.g. nl-NL).")
    ]
    files: Annotated[
        list[str],
        Field(
            min_length=1, description="Its checklist's files, relative to the folder (.md, .html)."
        ),
    ]
    subscriptions: Annotated[
        list[SummarySubscription], Field(min_length=1, description="Its retiring subscriptions.")
    ]


@with_config(_OURS)
class Summary(TypedDict):
    """summary.json, written by `sunset checklists` into its output folder."""

    version: Annotated[
        Literal[1],
        Field(
            description="The shape's version: fields are only added within one; a "
            "rename, a removal or a type change bumps it."
        ),
    ]
    as_of: Annotated[
        str, Field(json_schema_extra=_DATE, description="The day days are counted from.")
    ]
    customers: Annotated[
        list[SummaryCustomer],
        Field(description="Every customer with a checklist, in input order."),
    ]
    unaffected: Annotated[
        int, Field(ge=0, description="How many customers have no retiring subscription.")
    ]
    warnings: Annotated[
        list[str], Field(description="Every warning: skipped records, cultures without a catalog.")
    ]


def envelope_head(as_of: str) -> str:
    """The envelope up to the first customer."""
    return f'{{"version": {VERSION},\n"as_of": {json.dumps(as_of)},\n"customers": ['


def envelope_tail(unaffected: int, warnings: list[str]) -> str:
    """The envelope after the last customer."""
    shown = json.dumps(warnings, ensure_ascii=False, indent=1)
    return f'\n],\n"unaffected": {unaffected},\n"warnings": {shown}}}\n'


def customer_entry(plan: Plan, written: Collection[str]) -> SummaryCustomer:
    stem = plan.file.removesuffix(".md")
    return {
        "id": plan.customer.id,
        "name": plan.customer.name,
        "locale": plan.locale_id,
        "files": [f"{stem}.{extension}" for extension in written],
        "subscriptions": [
            {
                "subscription_id": item.subscription.id,
                "offer_name": item.subscription.offer_name,
                "migration": item.migration.id,
                "quantity": item.subscription.quantity,
                "licensed": item.licensed,
                "deadline": item.deadline.isoformat() if item.deadline else None,
                "days_left": item.days_left,
                "status": item.urgency,
            }
            for item in plan.items
        ],
    }
