"""`sunset mine --disagreements`: the glossary's labels and terms that mined human
translations mostly write otherwise, per locale, with counts and files.

Invented corpora: parallel trees of several articles, each using one of two translations
of a label a drawn number of times; the glossary approves one of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.disagree import FILES
from sunsetkit.cli import main

#: Per article, how often it writes the first and the second translation.
USES = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=7).filter(
    lambda uses: sum(a + b for a, b in uses) > 0
)
FORMS = ("Opslaan", "Bewaren")


def _corpus(root: Path, uses: list[tuple[int, int]]) -> None:
    for index, counts in enumerate(uses):
        lines = [
            (f"Select **Save** ({i}).", f"Kies **{form}** ({i}).")
            for form, n in zip(FORMS, counts, strict=True)
            for i in range(n)
        ]
        for locale, side in (("en-US", 0), ("nl-NL", 1)):
            (root / locale).mkdir(parents=True, exist_ok=True)
            text = "\n\n".join(line[side] for line in lines) or "Nothing here."
            (root / locale / f"article-{index}.md").write_text(text + "\n", encoding="utf-8")


def _glossary(path: Path, form: str, evidence: str | None) -> Path:
    term: dict[str, object] = {"source": "Save", "kind": "ui", "translations": {"nl-NL": form}}
    if evidence:
        term["evidence"] = {"nl-NL": evidence}
    path.write_text(yaml.safe_dump({"terms": [term]}), encoding="utf-8")
    return path


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(USES, st.sampled_from(FORMS), st.sampled_from([None, "none: no human article"]))
def test_a_label_the_translators_mostly_write_otherwise_is_reported_with_counts_and_files(
    tmp_path_factory: pytest.TempPathFactory,
    uses: list[tuple[int, int]],
    approved: str,
    evidence: str | None,
) -> None:
    root = tmp_path_factory.mktemp("corpus")
    _corpus(root / "docs", uses)
    glossary = _glossary(root / "glossary.yaml", approved, evidence)
    args = ["mine", str(root / "docs"), "--glossary", str(glossary), "--disagreements"]
    result = CliRunner().invoke(main, [*args, "--min-count", "1"])
    assert result.exit_code == 0, result.output
    found = yaml.safe_load(result.stdout)
    totals = dict(zip(FORMS, (sum(u[i] for u in uses) for i in range(2)), strict=True))
    held, total = totals[approved], sum(totals.values())
    if held * 2 >= total:  # the translators agree (at least half): nothing to report
        assert found == []
        return
    (record,) = found
    other = next(form for form in FORMS if form != approved)
    assert record["source"] == "Save" and record["locale"] == "nl-NL"
    assert record["glossary"] == approved
    assert record["evidence"] == (evidence or "none recorded")
    assert record["translators"] == {"form": other, "count": totals[other], "of": total}
    assert record["glossary_form_count"] == held
    index = FORMS.index(other)
    expected = sorted(
        ((f"article-{i}.md", u[index]) for i, u in enumerate(uses) if u[index]),
        key=lambda item: (-item[1], item[0]),
    )[:FILES]
    files = [
        (Path(f.rsplit(" (", 1)[0]).name, int(f.rsplit("(", 1)[1][:-1])) for f in record["files"]
    ]
    assert files == expected
    as_json = CliRunner().invoke(main, [*args, "--min-count", "1", "--format", "json"])
    assert json.loads(as_json.stdout) == found


def test_disagreements_need_a_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus(tmp_path / "docs", [(1, 0)])
    monkeypatch.chdir(tmp_path)  # no content/glossary.yaml here
    result = CliRunner().invoke(main, ["mine", "docs", "--disagreements"])
    assert result.exit_code == 2
    assert "--disagreements compares with a glossary" in result.stderr
    assert "Traceback" not in result.output
