"""Readers for a partner's customer data: Partner Center API JSON (streamed) and CSV.

Each yields (where, Customer) or (where, InvalidRecord); `where` says the file and the
record index or line, so a bad record can be reported exactly and skipped on request.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson
from pydantic import ValidationError

from ..errors import ContentError
from ..files import open_regular
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
#: Deepest nesting of JSON arrays and objects read (a customer needs 6): deeper input
#: would make the parser's memory grow with the square of the depth.
MAX_DEPTH = 64
#: Longest CSV field (the csv module's own limit), so one row cannot take all memory.
MAX_FIELD = 131_072
EXPECTED_JSON = 'expected {"items": [customer, ...]}, as the Partner Center API returns it'


@dataclass(frozen=True)
class InvalidRecord:
    where: str
    message: str


Record = tuple[str, Customer | InvalidRecord]


Progress = Callable[[int], None]


def read_customers(path: Path, progress: Progress | None = None) -> Iterator[Record]:
    """Customers from a .json or .csv file, in file order.

    A file that is not UTF-8 cannot be read on: that is a ContentError, not a record."""
    is_csv = path.suffix.lower() == ".csv"
    reader = _read_csv if is_csv else _read_json
    count = 0
    try:
        for record in reader(path, progress):
            count += 1
            yield record
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"not UTF-8 text (byte {exc.start})", path, hint="save the file as UTF-8"
        ) from exc
    except OSError as exc:
        raise ContentError(
            f"cannot read: {exc.strerror}", path, hint="check the file name and its permissions"
        ) from exc
    if count == 0:
        # Nothing read where the user clearly meant customers: never a run that would
        # replace every earlier checklist with none.
        if is_csv:
            raise ContentError(
                "no customer rows: the file has a header only",
                path,
                hint="add one row per subscription under the header",
            )
        raise ContentError(f"no customers: {_json_shape(path)}", path, hint=EXPECTED_JSON)


def _validation_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(p) for p in error["loc"])
    return f"{field}: {error['msg']}" if field else str(error["msg"])


# --- JSON -------------------------------------------------------------------------------


def _read_json(path: Path, progress: Progress | None) -> Iterator[Record]:
    with open_regular(path) as raw_handle:
        if raw_handle.read(3) == b"\xef\xbb\xbf":
            raise ContentError(
                "the file starts with a byte order mark (BOM), which JSON does not allow",
                path,
                hint="save it as UTF-8 without BOM",
            )
        raw_handle.seek(0)
        handle = _DepthGuard(raw_handle, path)
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


def _json_shape(path: Path) -> str:
    """What the top level of a JSON file holds instead of an "items" list."""
    with open_regular(path) as raw:
        events = ijson.parse(_DepthGuard(raw, path))
        _, event, _ = next(events, ("", "end", None))
        if event != "start_map":
            kind = {"start_array": "a list"}.get(event, "not an object")
            return f"the top level is {kind}"
        keys = []
        for prefix, event, value in events:
            if prefix == "" and event == "map_key":
                keys.append(str(value))
            elif prefix == "items" and event in ("start_map", "string", "number", "boolean"):
                return '"items" is not a list'
            elif prefix == "items" and event == "start_array":
                return '"items" is an empty list'
        close = [k for k in keys if k.casefold() == "items"] or difflib.get_close_matches(
            "items", keys, n=1
        )
        found = f" (found {close[0]!r}: keys are case-sensitive)" if close else ""
        return f'no "items" key{found}'


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*+"')
_STRING_REST = re.compile(rb'(?:[^"\\]|\\.)*+')
_STRING_END = re.compile(rb'(?:[^"\\]|\\.)*+"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class _DepthGuard:
    """A binary file whose reads fail once JSON nests deeper than MAX_DEPTH.

    Strings are skipped at the speed of `re` (their brackets are not structure); the
    bytes are counted exactly only in the rare chunk that could reach the limit."""

    def __init__(self, raw: IO[bytes], path: Path) -> None:
        self.raw = raw
        self.path = path
        self.depth = 0
        self.in_string = False
        self.pending_escape = False

    def tell(self) -> int:
        return self.raw.tell()

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self._scan(chunk)
        return chunk

    def _scan(self, chunk: bytes) -> None:
        start = 0
        if self.in_string:
            start = 1 if self.pending_escape and chunk else 0
            end = _STRING_END.match(chunk, start)
            if end is None:
                rest = _STRING_REST.match(chunk, start)
                self.pending_escape = rest is not None and rest.end() < len(chunk)
                return
            self.in_string, start = False, end.end()
        structure = _STRING.sub(b"", chunk[start:])
        quote = structure.find(b'"')
        if quote >= 0:  # a string that goes on in the next chunk
            tail = structure[quote + 1 :]
            rest = _STRING_REST.match(tail)
            self.in_string = True
            self.pending_escape = rest is not None and rest.end() < len(tail)
            structure = structure[:quote]
        self._count(structure.translate(None, _NOT_BRACKETS))

    def _count(self, brackets: bytes) -> None:
        opens = brackets.count(b"[") + brackets.count(b"{")
        if self.depth + opens <= MAX_DEPTH:
            self.depth += 2 * opens - len(brackets)
            return
        for byte in brackets:
            self.depth += 1 if byte in b"[{" else -1
            if self.depth > MAX_DEPTH:
                raise ContentError(
                    f"JSON nested deeper than {MAX_DEPTH} levels",
                    self.path,
                    hint=f"a customer record needs a few levels; {EXPECTED_JSON}",
                )


# --- CSV --------------------------------------------------------------------------------


def _read_csv(path: Path, progress: Progress | None) -> Iterator[Record]:
    csv.field_size_limit(MAX_FIELD)
    with (
        open_regular(path) as raw,
        io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle,
    ):
        header = handle.readline(MAX_FIELD)
        delimiter = _delimiter(header)
        reader = csv.DictReader(_chain(header, handle), delimiter=delimiter)
        try:
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                # The whole file is unusable: fatal, even with --skip-invalid.
                raise ContentError(
                    f"missing column(s) {', '.join(missing)} in the header, read as "
                    f"{DELIMITERS[delimiter]}",
                    path,
                    1,
                    hint=f"the header must name the columns {', '.join(CSV_COLUMNS)}",
                )
            yield from _group_rows(path, reader, raw, progress)
        except csv.Error as exc:
            raise ContentError(
                f"cannot read the CSV: {exc}",
                path,
                reader.line_num or 1,
                hint=f"a field may hold at most {MAX_FIELD:,} characters; "
                "close every quoted field with a double quote",
            ) from exc


#: The separators spreadsheets write (Excel: comma, or semicolon where the decimal mark is
#: a comma; "Unicode text": tab), each with its name for messages.
DELIMITERS = {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated"}


def _delimiter(header: str) -> str:
    """The separator under which the header names the most required columns (then the
    most columns; then comma): the header alone decides, as a company name in a row may
    hold any of them."""

    def fit(delimiter: str) -> tuple[int, int]:
        names = next(csv.reader([header], delimiter=delimiter), [])
        return len(set(names) & set(REQUIRED_COLUMNS)), len(names)

    return max(DELIMITERS, key=fit)


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
