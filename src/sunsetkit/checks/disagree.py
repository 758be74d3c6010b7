"""The glossary against mined human translations: each label or term whose translators
mostly write another form than the glossary's, per locale, with counts and files.

`sunset mine --disagreements` prints these; a disagreement is a question to judge (open
the files), not an answer: the portal's own string, a single span, or English kept in
articles of a portal without that language's UI may each outweigh the count.
"""

from __future__ import annotations

from typing import Any

from .miner import EXAMPLES, Mined, _core, _holds, report

__all__ = ["disagreements"]

#: Files named per form: the ones with the most spans, enough to open and judge.
FILES = 5


def disagreements(mined: Mined, min_count: int, glossary: Any) -> list[dict[str, Any]]:
    """One record per glossary entry and locale where the mined spans mostly differ."""
    terms = {term.source: term for term in glossary.terms}
    found = []
    for entry in report(mined, min_count, glossary)["terms"]:
        for locale, verdict in entry.get("glossary", {}).items():
            if verdict.startswith("differs"):
                found.append(_record(entry, locale, terms[entry["source"]], mined))
    return found


def _record(entry: dict[str, Any], locale: str, term: Any, mined: Mined) -> dict[str, Any]:
    ranked = entry["translations"][locale]
    top = ranked[0]
    total = sum(form["count"] for form in ranked)
    files = mined.terms[entry["source"]].files[(locale, top["form"])]
    forms = term.forms(locale)
    return {
        "source": entry["source"],
        "kind": term.kind,
        "locale": locale,
        "glossary": forms[0],
        "evidence": term.evidence.get(locale, "none recorded"),
        "translators": {"form": top["form"], "count": top["count"], "of": total},
        "glossary_form_count": sum(
            f["count"] for f in ranked if any(_holds(f["form"], _core(form)) for form in forms)
        ),
        "files": [
            f"{path} ({count})"
            for path, count in sorted(files.items(), key=lambda kv: (-kv[1], kv[0]))[:FILES]
        ],
        "others": [
            {"form": f["form"], "count": f["count"], "seen": f["seen"][:EXAMPLES]}
            for f in ranked[1:4]
        ],
    }
