"""Reporters for findings: text for people, json for tools, github and sarif for CI."""

from __future__ import annotations

import html
import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .checks.base import Check, Finding
from .checks.engine import CheckResult
from .checks.registry import CHECKS
from .errors import SunsetError, printable
from .files import resolve

__all__ = ["REPORTERS", "job_summary", "render_report"]


def _summary(result: CheckResult) -> dict[str, Any]:
    return {
        "errors": result.errors,
        "warnings": result.warnings,
        "catalogs": result.catalogs,
        "messages": result.messages,
        "pages": result.pages,
        "unreadable": result.unreadable,
        "coverage": {
            locale: round(stats.percent, 1) for locale, stats in sorted(result.coverage.items())
        },
    }


def text_report(result: CheckResult) -> str:
    """One line per finding: a line break, escape sequence or bidirectional control in a
    path, message or msgid is shown as an escape (\\x0a), so no data forges a line (a
    GitHub workflow command such as ::error) or colours the terminal."""
    lines: list[str] = []
    for path, group in groupby(result.findings, key=lambda f: f.path):
        shown = printable(path)
        if shown.startswith(":"):  # no line starts a workflow command (::error ...)
            shown = f"./{shown}"
        for f in group:
            where = f"{shown}:{f.line}" if f.line else shown
            subject = f" [{f.msgid[:50]!r}]" if f.msgid else ""
            lines.append(printable(f"{where}: {f.severity} {f.check}: {f.message}{subject}"))
        lines.append("")
    lines.append(
        f"{result.errors} error(s), {result.warnings} warning(s); checked {result.messages} "
        f"messages in {result.catalogs} catalog(s) and {result.pages} page(s)"
        + (f", and the text of {result.rendered} HTML/SVG file(s)" if result.rendered else "")
        + (f"; {result.unreadable} file(s) could not be read" if result.unreadable else "")
        + (f"; left {result.left} other Markdown file(s) alone" if result.left else "")
    )
    return "\n".join(lines) + "\n"


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "locale": f.locale,
        "check": f.check,
        "severity": f.severity,
        "msgctxt": f.msgctxt,
        "msgid": f.msgid,
        "message": f.message,
    }


def _dumps(value: Any) -> str:
    # Compact: the C encoder only runs without indent, and tools read these formats. JSON
    # escapes C0 controls itself; C1 controls (a terminal's CSI), format characters
    # (bidirectional overrides) and line separators are escaped too, as \uXXXX.
    text = json.dumps(value, ensure_ascii=False)
    if text.isprintable():
        return text
    # Each distinct character is judged once (a no-break space makes a whole report
    # "unprintable"; a category lookup per character cost seconds on a large one).
    # A str.replace per hidden character (a scan in C each) where str.translate looked up
    # every character of the report in a dictionary: seconds on a report of megabytes.
    for ch in sorted(ch for ch in set(text) if unicodedata.category(ch) in _HIDDEN):
        text = text.replace(ch, _json_escape(ch))
    return text


_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def json_report(result: CheckResult) -> str:
    findings = [_finding_json(f) for f in result.findings]
    return _dumps({"version": 1, "findings": findings, "summary": _summary(result)}) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's message: controls as visible escapes (a runner's log obeys
    ESC), then GitHub's own escaping of %, CR and LF."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(result: CheckResult) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in result.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property('sunset ' + f.check)}")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(f.message)}")
    summary = _summary(result)
    lines.append(f"sunset check: {summary['errors']} error(s), {summary['warnings']} warning(s)")
    return "\n".join(lines) + "\n"


#: The base every relative path of a SARIF log is resolved against.
SRCROOT = "%SRCROOT%"
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _tool() -> dict[str, Any]:
    """Name, version and, when the installed package records one, its home page."""
    from importlib import metadata

    driver: dict[str, Any] = {"name": "sunset"}
    try:
        dist = metadata.distribution("sunsetkit")
    except metadata.PackageNotFoundError:
        return driver
    driver["version"] = driver["semanticVersion"] = dist.version
    uri = _home_page(dist)
    if uri:
        driver["informationUri"] = uri
    return driver


#: Labels of [project.urls] that name the home page (as PyPA's metadata spec lists them).
_HOME_LABELS = frozenset({"homepage", "home-page", "home", "documentation", "docs"})


def _home_page(dist: Any) -> str | None:
    """The home page among the metadata's Project-URLs ([project.urls]; else the first),
    else the repository it was installed from."""
    urls = []
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if url.strip().startswith("https://"):
            urls.append((label.strip().casefold() not in _HOME_LABELS, str(url.strip())))
    if urls:
        return min(urls, key=lambda item: item[0])[1]
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        return None
    url = str(direct.get("url", ""))
    return url if url.startswith("https://") else None


def _artifact(path: str, root: Path) -> dict[str, Any]:
    """A URI relative to %SRCROOT% (the working folder), spaces and colons encoded."""
    target = Path(path)
    absolute = _real(target if target.is_absolute() else root / target)
    try:
        relative = absolute.relative_to(_real(root))
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _real(path: Path) -> Path:
    """The path with its links followed; as written (made absolute) where a link loops."""
    try:
        return resolve(path)
    except SunsetError:
        return path.absolute()


def _rule(check: Check) -> dict[str, Any]:
    help_text = (
        f"{check.description} Silence one message with a translator comment "
        f"`# sunset-ignore: {check.id}`; change the severity or turn the check off in "
        f"[tool.sunset.check] of pyproject.toml."
    )
    return {
        "id": check.id,
        "name": "".join(part.title() for part in check.id.split("-")),
        "shortDescription": {"text": check.description},
        "fullDescription": {"text": check.description},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": check.severity},
        "properties": {"scope": check.scope, "markup": check.markup},
    }


def sarif_report(result: CheckResult) -> str:
    """SARIF 2.1.0, for code scanning: one rule per check, paths relative to %SRCROOT%."""
    root = Path.cwd()
    index = {c.id: i for i, c in enumerate(CHECKS)}
    results = []
    for f in result.findings:
        location: dict[str, Any] = {"artifactLocation": _artifact(f.path, root)}
        if f.line:
            location["region"] = {"startLine": f.line}
        properties = {"locale": f.locale, "msgctxt": f.msgctxt, "msgid": f.msgid}
        results.append(
            {
                "ruleId": f.check,
                "ruleIndex": index[f.check],
                "level": f.severity,
                "message": {"text": f.message},
                "locations": [{"physicalLocation": location}],
                "properties": {k: v for k, v in properties.items() if v is not None},
            }
        )
    run = {
        "tool": {"driver": {**_tool(), "rules": [_rule(c) for c in CHECKS]}},
        "originalUriBaseIds": {SRCROOT: {"uri": root.resolve().as_uri() + "/"}},
        "results": results,
    }
    data = {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return _dumps(data) + "\n"


def job_summary(result: CheckResult, first: int = 20) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only ten annotations of each kind per
    step, so the counts per check and the first findings go here."""
    lines = [
        "## sunset check",
        "",
        f"{result.errors} error(s), {result.warnings} warning(s) in {result.catalogs} "
        f"catalog(s) and {result.pages} page(s).",
    ]
    counts = Counter((f.check, f.severity) for f in result.findings)
    if counts:
        lines += ["", "| check | severity | findings |", "|---|---|---:|"]
        lines += [f"| `{c}` | {s} | {n} |" for (c, s), n in sorted(counts.items())]
        lines += ["", "| where | check | message |", "|---|---|---|"]
        for f in result.findings[:first]:
            where = f"{f.path}:{f.line}" if f.line else f.path
            lines.append(f"| {_code_cell(where)} | `{f.check}` | {_cell(f.message)} |")
        if len(result.findings) > first:
            lines.append(f"\n… and {len(result.findings) - first} more.")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text as data in a Markdown table cell: no markup, no HTML, no line break."""
    text = html.escape(printable(" ".join(text.split())), quote=False)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def _code_cell(text: str) -> str:
    """A path as code in a table cell (a bar still ends a cell there: GFM wants it escaped)."""
    return "`" + printable(" ".join(text.split())).replace("`", "'").replace("|", "\\|") + "`"


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~")


REPORTERS: dict[str, Callable[[CheckResult], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "sarif": sarif_report,
}


def render_report(result: CheckResult, fmt: str) -> str:
    return REPORTERS[fmt](result)
