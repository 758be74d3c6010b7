"""Also-accepted forms: a second form of a label or term that human translations use
beside the approved one. The glossary refuses one without evidence; `sunset check`
accepts it wherever it compares with the glossary's form and still reports a form that is
neither; `sunset mine --glossary` proposes one that two files write, never one below that.

Generic over the shipped locales; every word is invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from babel.messages.catalog import Message
from click.testing import CliRunner

from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.glossary import (
    GlossaryTerms,
    check_consistency,
    check_terms,
    check_ui_labels,
    locale_glossary,
)
from sunsetkit.checks.labels import check_label_spelling
from sunsetkit.checks.miner import ALSO_FILES, ALSO_SPANS, mine, report
from sunsetkit.cli import main
from sunsetkit.content.load import load_glossary
from sunsetkit.content.model import Glossary
from sunsetkit.content.schema import model_schema
from sunsetkit.errors import ContentError

from .conftest import ROOT

MD = markdown_parser()
LOCALES = sorted(
    p.parent.parent.name.replace("_", "-") for p in (ROOT / "locales").glob("*/LC_MESSAGES/*.po")
)
#: The line of the first also-accepted form in _write(_data(...)): after source, kind,
#: translations and evidence (two lines each) and `also:` with its locale.
ALSO_LINE = 10
EVIDENCE = "agrees: 3 of 9 spans in docs (human-translated): a.md (2), b.md (1)"
#: Invented forms: the approved one, an attested second one, and one that is neither.
APPROVED, ALSO, NEITHER = "Qorvindel", "Zamprethu", "Blusketo"


def _data(kind: str, also: Any, locale: str = "de-DE") -> dict[str, Any]:
    term: dict[str, Any] = {
        "source": "Frobnicate profile",
        "kind": kind,
        "translations": {locale: APPROVED},
        "evidence": {locale: EVIDENCE},
    }
    if also is not None:
        term["also"] = {locale: also}
    return {"terms": [term]}


def _write(path: Path, data: dict[str, Any]) -> Path:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    return path


# --- the model and its schema ---------------------------------------------------------


@pytest.mark.parametrize(
    ("also", "problem"),
    [
        ([{"form": ALSO}], "has no evidence"),
        ([ALSO], "has no evidence"),
        ([{"form": ALSO, "evidence": ""}], "has no evidence"),
        ([{"form": ALSO, "evidence": "none: a guess"}], "does not attest it"),
        ([{"form": ALSO, "evidence": "differs: 1 of 9 spans"}], "does not attest it"),
        ([{"form": APPROVED, "evidence": EVIDENCE}], "listed twice"),
    ],
)
@pytest.mark.parametrize("kind", ["ui", "term"])
def test_an_unattested_form_is_refused_by_loader_and_schema(
    tmp_path: Path, also: list[Any], problem: str, kind: str
) -> None:
    data = _data(kind, also)
    path = _write(tmp_path / "glossary.yaml", data)
    with pytest.raises(ContentError) as caught:
        load_glossary(path)
    assert problem in str(caught.value)
    assert caught.value.line in (ALSO_LINE, ALSO_LINE + 1)  # the item's, or its evidence's
    assert str(caught.value).startswith(f"{path}:{caught.value.line}:")
    if problem != "listed twice":  # a cross-field rule, which the schema cannot say
        schema = yaml.safe_load(model_schema(Glossary, "glossary.schema.json"))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)


def test_a_form_without_evidence_fails_sunset_check_with_exit_2(tmp_path: Path) -> None:
    glossary = _write(tmp_path / "glossary.yaml", _data("ui", [{"form": ALSO}]))
    page = tmp_path / "nl-NL" / "a.md"
    page.parent.mkdir()
    page.write_text("Kies **iets**.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--glossary", str(glossary), str(page)])
    assert result.exit_code == 2, result.output
    assert f"{glossary}:{ALSO_LINE}:" in result.output and "has no evidence" in result.output


@pytest.mark.parametrize("kind", ["ui", "term"])
def test_an_attested_form_loads_and_is_never_the_rendered_one(tmp_path: Path, kind: str) -> None:
    data = _data(kind, [{"form": ALSO, "evidence": EVIDENCE}])
    schema = yaml.safe_load(model_schema(Glossary, "glossary.schema.json"))
    jsonschema.validate(data, schema)
    (term,) = load_glossary(_write(tmp_path / "glossary.yaml", data)).terms
    assert term.forms("de-DE") == [APPROVED]  # what templates render
    assert term.accepted("de-DE") == [APPROVED, ALSO]  # what sunset check accepts


def test_an_also_form_needs_an_approved_form_beside_it(tmp_path: Path) -> None:
    data = _data("term", [{"form": ALSO, "evidence": EVIDENCE}])
    data["terms"][0]["also"] = {"fr-FR": data["terms"][0]["also"]["de-DE"]}
    with pytest.raises(ContentError, match="needs an approved form in fr-FR"):
        load_glossary(_write(tmp_path / "glossary.yaml", data))


def test_the_shipped_schema_is_the_models() -> None:
    shipped = (ROOT / "content" / "schema" / "glossary.schema.json").read_text(encoding="utf-8")
    assert shipped == model_schema(Glossary, "schema/glossary.schema.json")


# --- the checks -----------------------------------------------------------------------


def _ctx(kind: str, locale: str, source: str = "Frobnicate profile") -> MessageContext:
    data = _data(kind, [{"form": ALSO, "evidence": EVIDENCE}], locale)
    data["terms"][0]["source"] = source
    glossary = GlossaryTerms.of(Glossary.model_validate(data))
    return MessageContext(locale, locale_glossary(glossary, locale), MD)


def _found(check: Any, locale: str, kind: str, source: str, text: str) -> list[str]:
    ctx = _ctx(kind, locale)
    return list(check(Entry(Message(source, text)), ctx))


@pytest.mark.parametrize("locale", LOCALES)
def test_the_ui_check_accepts_an_also_form_and_reports_one_that_is_neither(locale: str) -> None:
    source = "Select **Frobnicate profile**, then go on."
    ctx = _ctx("ui", locale)
    shown = {f for f in ctx.glossary.labels["Frobnicate profile"] if ALSO in f}
    for form in (APPROVED, ALSO, *sorted(shown)):
        assert _found(check_ui_labels, locale, "ui", source, f"Xx **{form}** yy.") == [], form
    (problem,) = _found(check_ui_labels, locale, "ui", source, f"Xx **{NEITHER}** yy.")
    assert APPROVED in problem  # the approved form is named, never the also-accepted one
    (wrapped,) = _found(check_ui_labels, locale, "ui", source, f"Xx **{ALSO} yy** zz.")
    assert f"exactly the label '{ALSO}'" in wrapped


@pytest.mark.parametrize("locale", LOCALES)
def test_the_term_check_accepts_an_also_form_and_reports_one_that_is_neither(locale: str) -> None:
    source = "The frobnicate profile is updated."
    ctx = _ctx("term", locale, "frobnicate profile")
    for form in (APPROVED, ALSO):
        entry = Entry(Message(source, f"Xx {form} yy."))
        assert list(check_terms(entry, ctx)) == [], form
    (problem,) = check_terms(Entry(Message(source, f"Xx {NEITHER} yy.")), ctx)
    assert f"is {APPROVED!r} in {locale}" in problem


def _entries(labels: list[str]) -> list[Entry]:
    return [
        Entry(Message(f"Open **Frobnicate settings** now {i}.", f"Xx **{t}** yy {i}.", lineno=i))
        for i, t in enumerate(labels, 1)
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_label_spelling_and_consistency_take_two_accepted_forms_for_one(locale: str) -> None:
    """A bold label that is a glossary term, written in its approved form twice and its
    also-accepted form once: one translation; a third form that is neither is reported."""
    ctx = _ctx("term", locale, "Frobnicate settings")
    one = _entries([APPROVED, APPROVED, ALSO])
    assert list(check_label_spelling(one, ctx)) == []
    assert list(check_consistency(one, ctx, roles=True)) == []
    two = _entries([APPROVED, APPROVED, NEITHER])
    assert [e.line for e, _ in check_label_spelling(two, ctx)] == [3]
    assert [e.line for e, _ in check_consistency(two, ctx, roles=True)] == [3]


# --- the miner ------------------------------------------------------------------------


def _sxs(path: Path, pairs: list[tuple[str, str]]) -> None:
    segments = "\n\n".join(
        f'<span data-ttu-id="a-{i}">{tr}</span><span class="sxs-lookup">'
        f'<span data-stu-id="a-{i}">{en}</span></span>'
        for i, (en, tr) in enumerate(pairs)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    front = "---\ntitle: x\nms.contentlocale: de-DE\n---\n\n"
    path.write_text(front + segments + "\n", encoding="utf-8")


def _proposed(tmp_path: Path, files: int, spans_each: int) -> list[dict[str, str]]:
    """What the miner proposes for a label whose second form `files` files write
    `spans_each` times each, beside the approved form written more often."""
    docs = tmp_path / f"docs-{files}-{spans_each}"
    for n in range(max(files, 1)):
        pairs = [("Select **Frobnicate**.", f"Xx **{APPROVED}**.")] * 3
        pairs += [("Select **Frobnicate** now.", f"Xx **{ALSO}** yy.")] * (spans_each * (n < files))
        pairs += [("Select **Frobnicate** here.", "Xx **Frobnicate** yy.")] * 3  # English kept
        _sxs(docs / f"article-{n}.md", pairs)
    data = _data("ui", None)
    data["terms"][0]["source"] = "Frobnicate"
    glossary = load_glossary(_write(tmp_path / "g.yaml", data))
    (term,) = report(mine([docs]), 1, glossary)["terms"]
    proposals: list[dict[str, str]] = term.get("also", {}).get("de-DE", [])
    return proposals


def test_the_miner_proposes_a_second_form_above_the_threshold_and_not_below(
    tmp_path: Path,
) -> None:
    (above,) = _proposed(tmp_path, ALSO_FILES, ALSO_SPANS)
    assert above["form"] == ALSO
    assert above["evidence"].startswith(f"agrees: {ALSO_FILES * ALSO_SPANS} of ")
    assert "article-0.md" in above["evidence"] and "article-1.md" in above["evidence"]
    # one file, however many spans: one translator's habit
    assert _proposed(tmp_path, 1, ALSO_SPANS * 3) == []
    # the proposal is a glossary entry's `also` as it is: it loads with its evidence
    data = _data("ui", [above])
    data["terms"][0]["source"] = "Frobnicate"
    (term,) = load_glossary(_write(tmp_path / "with.yaml", data)).terms
    assert term.accepted("de-DE") == [APPROVED, ALSO]
    # an accepted form is proposed no more
    glossary = load_glossary(tmp_path / "with.yaml")
    docs = tmp_path / f"docs-{ALSO_FILES}-{ALSO_SPANS}"
    (mined,) = report(mine([docs]), 1, glossary)["terms"]
    assert "also" not in mined
