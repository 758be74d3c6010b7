"""Readers for a partner's customer data: Partner Center API JSON (streamed) and CSV.

Each yields (where, Customer) or (where, InvalidRecord); `where` says the file and the
record index or line, so a bad record can be reported exactly and skipped on request.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson
from pydantic import ValidationError

from ..errors import ContentError
from .model import Customer, Subscription

__all__ = ["CSV_COLUMNS", "InvalidRecord", "Record", "read_customers"]

#: The CSV columns, named after the API's properties.
CSV_COLUMNS = (
    "customerId",
    "companyName",
    "culture",
    "subscriptionId",
    "offerId",
    "offerName",
    "quantity",
    "commitmentEndDate",
    "autoRenewEnabled",
    "status",
)
REQUIRED_COLUMNS = ("customerId", "companyName", "subscriptionId", "quantity")


@dataclass(frozen=True)
class InvalidRecord:
    where: str
    message: str


Record = tuple[str, Customer | InvalidRecord]


Progress = Callable[[int], None]


def read_customers(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    """Customers from a .json or .csv file, in file order.

    A file that is not UTF-8 cannot be read on: that is a ContentError, not a record."""
    reader = _read_csv if path.suffix.lower() == ".csv" else _read_json
    try:
        yield from reader(path, progress)
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"not UTF-8 text (byte {exc.start})", path, hint="save the file as UTF-8"
        ) from exc
    except OSError as exc:
        raise ContentError(f"cannot read: {exc.strerror}", path) from exc


def _validation_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(p) for p in error["loc"])
    return f"{field}: {error['msg']}" if field else str(error["msg"])


# --- JSON -------------------------------------------------------------------------------


def _read_json(path: Path, progress: Progress | None) -> Iterator[Record]:
    with path.open("rb") as handle:
        index = -1
        try:
            for index, raw in enumerate(ijson.items(handle, "items.item", use_float=True)):
                if progress is not None:
                    progress(handle.tell())
                yield f"{path}: record {index}", _customer_from_api(raw)
        except ijson.JSONError as exc:
            # The stream cannot go on after a syntax error: fatal, even with --skip-invalid.
            where = f"after record {index}" if index >= 0 else "before the first record"
            detail = str(exc.args[0] if exc.args else exc)
            if isinstance(exc.args[0] if exc.args else None, bytes):
                detail = exc.args[0].decode("utf-8", "replace")
            raise ContentError(
                f"invalid JSON {where}: {detail.splitlines()[0].strip()}",
                path,
                hint='expected {"items": [customer, ...]} in UTF-8',
            ) from exc


def _customer_from_api(raw: Any) -> Customer | InvalidRecord:
    """The API's Customer resource, with its subscriptions under `subscriptions`."""
    if not isinstance(raw, dict):
        return InvalidRecord("", "a customer must be a JSON object")
    company = raw.get("companyProfile") or {}
    billing = raw.get("billingProfile") or {}
    subscriptions = raw.get("subscriptions") or []
    if isinstance(subscriptions, dict):
        subscriptions = subscriptions.get("items") or []
    try:
        return Customer.model_validate(
            {
                "id": raw.get("id"),
                "name": company.get("companyName") if isinstance(company, dict) else None,
                "domain": company.get("domain") if isinstance(company, dict) else None,
                "culture": billing.get("culture") if isinstance(billing, dict) else None,
                "subscriptions": subscriptions,
            }
        )
    except ValidationError as exc:
        return InvalidRecord("", _validation_message(exc))


# --- CSV --------------------------------------------------------------------------------


def _read_csv(path: Path, progress: Progress | None) -> Iterator[Record]:
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        delimiter = ";" if header.count(";") > header.count(",") else ","
        reader = csv.DictReader(_chain(header, handle), delimiter=delimiter)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            yield (
                f"{path}:1",
                InvalidRecord(
                    f"{path}:1",
                    f"missing column(s) {', '.join(missing)}; expected {', '.join(CSV_COLUMNS)}",
                ),
            )
            return
        yield from _group_rows(path, reader, raw, progress)


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def _group_rows(
    path: Path, reader: csv.DictReader[str], raw: IO[bytes], progress: Progress | None
) -> Iterator[Record]:
    """One customer per customerId; rows of one customer need not be adjacent."""
    customers: dict[str, dict[str, Any]] = {}
    for row in reader:
        line = reader.line_num
        if progress is not None and line % 1000 == 0:
            progress(raw.tell())  # bytes, like the JSON reader: the bar is over the file
        customer_id = (row.get("customerId") or "").strip()
        if not customer_id:
            yield f"{path}:{line}", InvalidRecord(f"{path}:{line}", "customerId is empty")
            continue
        entry = customers.setdefault(
            customer_id,
            {
                "id": customer_id,
                "name": row.get("companyName"),
                "culture": row.get("culture"),
                "subscriptions": [],
                "line": line,
            },
        )
        entry["subscriptions"].append(
            {
                "id": row.get("subscriptionId"),
                "offerId": row.get("offerId"),
                "offerName": row.get("offerName"),
                "quantity": row.get("quantity"),
                "commitmentEndDate": row.get("commitmentEndDate"),
                "autoRenewEnabled": _bool(row.get("autoRenewEnabled")),
                "status": row.get("status") or "active",
                "line": line,
            }
        )
    for customer_id, entry in customers.items():
        yield from _csv_customer(path, customer_id, entry)


def _csv_customer(path: Path, customer_id: str, entry: dict[str, Any]) -> Iterator[Record]:
    for subscription in entry["subscriptions"]:
        try:
            Subscription.model_validate(subscription)
        except ValidationError as exc:
            where = f"{path}:{subscription['line']}"
            yield where, InvalidRecord(where, _validation_message(exc))
            return
    where = f"{path}:{entry['line']}"
    try:
        yield where, Customer.model_validate(entry)
    except ValidationError as exc:
        yield where, InvalidRecord(where, _validation_message(exc))


def _bool(value: str | None) -> bool | str | None:
    text = (value or "").strip().lower()
    if not text:
        return None
    return {"true": True, "false": False, "1": True, "0": False}.get(text, text)
