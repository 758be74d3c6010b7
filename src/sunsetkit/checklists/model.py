"""A partner's customers and subscriptions, as the Partner Center API describes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from ..content.model import Migration, fold

__all__ = ["STOPPED", "Customer", "Plan", "PlanItem", "Subscription"]

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _not_bool(value: object) -> object:
    # JSON true is not a count of licenses (pydantic would read it as 1).
    if isinstance(value, bool):
        raise ValueError("a number of licenses, not true or false")
    return value


Optional = BeforeValidator(_blank_to_none)
#: Far more licenses than any subscription has: a bound, so a 5,000-digit number is
#: refused by size rather than echoed.
MAX_QUANTITY = 10_000_000


class _Record(BaseModel):
    # The API adds fields over time: unknown ones are ignored, not errors.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class Subscription(_Record):
    id: Id
    offer_id: Annotated[str | None, Optional] = Field(default=None, alias="offerId")
    offer_name: Annotated[str | None, Optional] = Field(default=None, alias="offerName")
    friendly_name: Annotated[str | None, Optional] = Field(default=None, alias="friendlyName")
    quantity: Annotated[int, BeforeValidator(_not_bool)] = Field(ge=0, le=MAX_QUANTITY)
    unit_type: Annotated[str | None, Optional] = Field(default=None, alias="unitType")
    commitment_end_date: Annotated[dt.date | None, Optional] = Field(
        default=None, alias="commitmentEndDate"
    )
    auto_renew_enabled: Annotated[bool | None, Optional] = Field(
        default=None, alias="autoRenewEnabled"
    )
    status: Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True)] = "active"


class Customer(_Record):
    id: Id
    name: Id
    domain: str | None = None
    culture: str | None = None
    subscriptions: tuple[Subscription, ...] = ()


Urgency = Literal["overdue", "urgent", "ok", "no-deadline"]
URGENT_DAYS = 30

#: Partner Center's subscription statuses (its SubscriptionStatus: none, active, pending,
#: suspended, deleted, expired, disabled; the CSV export spells them the same) that
#: leave nothing to suspend or cancel: the subscription no longer runs, and its users may
#: already be without service. Deleted subscriptions are not matched at all; any other
#: status (active, pending, none, one the API adds later) counts as running.
STOPPED = ("suspended", "expired", "disabled")
#: Partner Center's unitType of a usage-based subscription (the other is "Licenses").
USAGE_BASED = "usage-based"


@dataclass(frozen=True)
class PlanItem:
    """One affected subscription with its deadline, if its migration has one."""

    subscription: Subscription
    migration: Migration
    deadline: dt.date | None  # None: the migration has no deadline (usage-based offers)
    days_left: int | None
    guide_link: str = ""

    @property
    def offer(self) -> str:
        """The retired offer as its definition names it: the data may spell it otherwise
        ("skype for business  online plan 1") or give only its id."""
        sub = self.subscription
        offers = self.migration.retired.offers
        wanted_id = (sub.offer_id or "").casefold()
        by_id = [o.name for o in offers if wanted_id and o.id and o.id.casefold() == wanted_id]
        by_name = [
            o.name for o in offers if sub.offer_name and fold(o.name) == fold(sub.offer_name)
        ]
        return next(iter(by_id + by_name), sub.offer_name or offers[0].name)

    @property
    def licensed(self) -> bool:
        """Whether the subscription counts licenses. The definition knows how its offers
        are billed; only where it is silent does the data's unitType decide."""
        billing = self.migration.retired.billing
        if billing is not None:
            return billing == "licenses"
        return (self.subscription.unit_type or "").strip().casefold() != USAGE_BASED

    @property
    def stopped(self) -> str | None:
        """The subscription's status when it no longer runs (see STOPPED), else None."""
        status = self.subscription.status
        return status if status in STOPPED else None

    @property
    def act_now(self) -> bool:
        """The tasks that keep the customer's service (every task before the one that
        suspends or cancels) are due now: the deadline has passed, or the subscription
        has stopped."""
        return self.urgency == "overdue" or self.stopped is not None

    @property
    def urgency(self) -> Urgency:
        if self.days_left is None:
            return "no-deadline"
        if self.days_left < 0:
            return "overdue"
        return "urgent" if self.days_left <= URGENT_DAYS else "ok"

    @property
    def urgent(self) -> bool:
        return self.urgency == "urgent"


@dataclass(frozen=True)
class Plan:
    """One affected customer: its locale, file name and affected subscriptions."""

    customer: Customer
    locale_id: str
    file: str
    as_of: dt.date
    items: tuple[PlanItem, ...]
