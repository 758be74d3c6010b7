"""Matching subscriptions to retirements, deadlines, the customer's locale, its file name."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale

from ..content.model import Migration, fold
from ..i18n import bcp47, likely_script
from .model import Customer, Plan, PlanItem, Subscription
from .romanize import romanize

__all__ = ["Matcher", "file_name", "negotiate_locale", "plan_customer"]

IGNORED_STATUSES = frozenset({"deleted"})


class Matcher:
    """Finds the retirement a subscription belongs to: by offer id, else by offer name."""

    def __init__(self, migrations: Iterable[Migration]) -> None:
        self.by_id: dict[str, Migration] = {}
        self.by_name: dict[str, Migration] = {}
        for migration in migrations:
            for offer in migration.retired.offers:
                self.by_name[fold(offer.name)] = migration
                if offer.id:
                    self.by_id[offer.id.casefold()] = migration

    def match(self, subscription: Subscription) -> Migration | None:
        if subscription.status in IGNORED_STATUSES:
            return None
        if subscription.offer_id and subscription.offer_id.casefold() in self.by_id:
            return self.by_id[subscription.offer_id.casefold()]
        if subscription.offer_name:
            return self.by_name.get(fold(subscription.offer_name))
        return None


def negotiate_locale(culture: str | None, available: Sequence[str]) -> str | None:
    """The shipped locale for a billing culture: exact, else the same written language (the
    same language in the same script: zh-TW is Traditional Chinese, which a zh-CN catalog
    is not) in its most likely country (CLDR), else any of it; None when none fits."""
    if not culture:
        return None
    written = culture.strip().replace("-", "_")
    try:
        wanted = Locale.parse(written)
        script = _likely_script(written)
    except (ValueError, UnknownLocaleError):
        return None
    if bcp47(wanted) in available:
        return bcp47(wanted)
    same = [
        a
        for a in available
        if a.split("-")[0] == wanted.language and _likely_script(a.replace("-", "_")) == script
    ]
    likely = str(get_global("likely_subtags").get(wanted.language, "")).split("_")
    for candidate in same:
        if candidate.split("-")[-1] in likely:
            return candidate
    return same[0] if same else None


def _likely_script(locale_id: str) -> str:
    """The script a locale is written in: its own, else CLDR's likely one (zh_TW: Hant).
    Parsed as written: Locale.parse drops a script it finds likely."""
    language, territory, script = parse_locale(locale_id)[:3]
    return script or likely_script(language, territory) or ""


_UNSAFE = re.compile(r"[^a-z0-9]+")


#: The slug's and the id hash's length: a name is at most 48 + 1 + 64 + 5 ASCII bytes
#: (".html"), within every file system's 255, whatever the customer's name and id.
SLUG_CHARS = 48
DIGEST_CHARS = 12
#: Of a long name only its start is read: the slug keeps 48 letters of it.
_READ_CHARS = 4 * SLUG_CHARS


def file_name(customer: Customer, digits: int = DIGEST_CHARS, locale_id: str = "") -> str:
    """A readable, safe and unique file name: a slug of the name and a hash of the id.

    Each script is read as its readers read it (romanize: Japanese in Hepburn, Korean in
    the Revised Romanization, others by anyascii), so no letter is dropped; kanji alone
    are read as Japanese for a Japanese customer (`locale_id` ja). Lower-case ASCII
    letters, digits and "-" only: the same file on every system, case-blind ones
    included, never a reserved device name (the hash follows). Two ids whose hashes
    share their first `digits` are told apart by the caller with all 64."""
    name = " ".join(_words(customer.name))[:_READ_CHARS]
    latin = romanize(name, japanese=locale_id.split("-")[0].lower() == "ja")
    slug = _UNSAFE.sub("-", latin.lower()).strip("-")[:SLUG_CHARS].rstrip("-")
    digest = hashlib.sha256(customer.id.encode("utf-8")).hexdigest()[:digits]
    return f"{slug or 'customer'}-{digest}.md"


def _words(name: str) -> list[str]:
    """The name's runs of letters, marks and digits: what a slug keeps."""
    return "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in name).split()


def plan_customer(
    customer: Customer, matcher: Matcher, locale_id: str, as_of: dt.date, guide_link: str
) -> Plan | None:
    """The customer's affected subscriptions, soonest deadline first; None if none."""
    items = []
    for subscription in customer.subscriptions:
        migration = matcher.match(subscription)
        if migration is None:
            continue
        deadline = subscription.commitment_end_date if migration.deadline != "none" else None
        if deadline is None and migration.deadline != "none":
            raise ValueError(
                f"subscription {subscription.id} ({subscription.offer_name}) is retiring "
                f"but has no commitmentEndDate"
            )
        days_left = (deadline - as_of).days if deadline is not None else None
        link = guide_link.format(locale=locale_id, id=migration.id)
        items.append(PlanItem(subscription, migration, deadline, days_left, link))
    if not items:
        return None
    items.sort(key=lambda item: (item.deadline or dt.date.max, item.subscription.id))
    return Plan(customer, locale_id, file_name(customer, locale_id=locale_id), as_of, tuple(items))
