"""Reporters for findings: text for people, json for tools, github and sarif for CI."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from typing import Any

from .checks.base import Finding
from .checks.engine import CheckResult
from .checks.registry import CHECKS

__all__ = ["REPORTERS", "render_report"]


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
    lines: list[str] = []
    for path, group in groupby(result.findings, key=lambda f: f.path):
        for f in group:
            where = f"{path}:{f.line}" if f.line else path
            subject = f" [{f.msgid[:50]!r}]" if f.msgid else ""
            lines.append(f"{where}: {f.severity} {f.check}: {f.message}{subject}")
        lines.append("")
    lines.append(
        f"{result.errors} error(s), {result.warnings} warning(s); checked {result.messages} "
        f"messages in {result.catalogs} catalog(s) and {result.pages} page(s)"
        + (f"; {result.unreadable} file(s) could not be read" if result.unreadable else "")
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
    # Compact: the C encoder only runs without indent, and tools read these formats.
    return json.dumps(value, ensure_ascii=False)


def json_report(result: CheckResult) -> str:
    findings = [_finding_json(f) for f in result.findings]
    return _dumps({"version": 1, "findings": findings, "summary": _summary(result)}) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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


def sarif_report(result: CheckResult) -> str:
    """SARIF 2.1.0, for code scanning."""
    rules = [
        {
            "id": c.id,
            "shortDescription": {"text": c.description},
            "defaultConfiguration": {"level": c.severity},
        }
        for c in CHECKS
    ]
    index = {c.id: i for i, c in enumerate(CHECKS)}
    results = []
    for f in result.findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": f.path}}
        if f.line:
            location["region"] = {"startLine": f.line}
        results.append(
            {
                "ruleId": f.check,
                "ruleIndex": index[f.check],
                "level": f.severity,
                "message": {"text": f.message},
                "locations": [{"physicalLocation": location}],
                "properties": {"locale": f.locale, "msgctxt": f.msgctxt, "msgid": f.msgid},
            }
        )
    data = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "sunset", "rules": rules}}, "results": results}],
    }
    return _dumps(data) + "\n"


REPORTERS: dict[str, Callable[[CheckResult], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "sarif": sarif_report,
}


def render_report(result: CheckResult, fmt: str) -> str:
    return REPORTERS[fmt](result)
