"""`sunset mine`: how human translations render labels, names and terms, as evidence.

Invented corpora: each English label gets a translation; the three readers (catalogs,
side-by-side pages, parallel Markdown trees) give the same evidence for the same pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunsetkit.checks.miner import EXAMPLES, mine, report
from sunsetkit.cli import main
from sunsetkit.content.load import load_glossary

WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)
LABEL = st.lists(WORD, min_size=1, max_size=3).map(lambda w: " ".join(w).capitalize())
#: English label -> its translation (distinct on both sides, so each pair is recoverable).
GLOSSES = st.dictionaries(LABEL, LABEL, min_size=1, max_size=6).filter(
    lambda d: len(set(d.values())) == len(d) and not set(d) & set(d.values())
)
KIND = st.sampled_from(["**{}**", "[{}](page.md)", "*{}*"])


def _sentences(glosses: dict[str, str], kinds: list[str]) -> list[tuple[str, str]]:
    return [
        (f"Select {kind.format(en)} now.", f"Kies {kind.format(tr)} nu.")
        for (en, tr), kind in zip(sorted(glosses.items()), kinds, strict=False)
    ]


def _tree(root: Path, pairs: list[tuple[str, str]]) -> None:
    for locale, side in (("en-US", 0), ("nl-NL", 1)):
        (root / locale).mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(pair[side] for pair in pairs) + "\n"
        (root / locale / "article.md").write_text(text, encoding="utf-8")


def _sxs(root: Path, pairs: list[tuple[str, str]]) -> None:
    segments = "\n\n".join(
        f'<span data-ttu-id="a-{i}">{tr}</span><span class="sxs-lookup">'
        f'<span data-stu-id="a-{i}">{en}</span></span>'
        for i, (en, tr) in enumerate(pairs)
    )
    root.mkdir(parents=True, exist_ok=True)
    front = "---\ntitle: x\nms.contentlocale: nl-NL\n---\n\n"
    (root / "article.md").write_text(front + segments + "\n", encoding="utf-8")


def _po(root: Path, pairs: list[tuple[str, str]]) -> None:
    catalog = Catalog(locale="nl_NL")
    for en, tr in pairs:
        catalog.add(en, tr)
    folder = root / "nl_NL" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as handle:
        write_po(handle, catalog)


def _forms(root: Path) -> dict[str, dict[str, int]]:
    data = report(mine([root]), 1)
    return {
        t["source"]: {f["form"]: f["count"] for f in t["translations"]["nl-NL"]}
        for t in data["terms"]
    }


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(GLOSSES, st.lists(KIND, min_size=6, max_size=6))
def test_each_label_is_found_with_its_translation_by_every_reader(
    tmp_path_factory: pytest.TempPathFactory, glosses: dict[str, str], kinds: list[str]
) -> None:
    pairs = _sentences(glosses, kinds)
    base = tmp_path_factory.mktemp("corpus")
    readers = {"tree": _tree, "sxs": _sxs, "po": _po}
    found = {}
    for name, write in readers.items():
        write(base / name, pairs)
        found[name] = _forms(base / name)
    expected = {en: {tr: 1} for en, tr in glosses.items()}
    assert found["tree"] == found["sxs"] == found["po"] == expected


def test_spans_that_do_not_pair_up_prove_nothing(tmp_path: Path) -> None:
    pairs = [
        ("Open **Billing** and **Orders**.", "Open **Facturering en Orders**."),  # 2 vs 1
        ("Select **Save**.", "Selecteer **Opslaan**."),
    ]
    _tree(tmp_path, pairs)
    mined = mine([tmp_path])
    assert set(mined.terms) == {"Save"}
    assert mined.unaligned == 1


def test_counts_and_places_are_bounded_and_ranked(tmp_path: Path) -> None:
    pairs = [("Select **Save**.", "Selecteer **Opslaan**.")] * (EXAMPLES + 4)
    pairs += [("Select **Save** here.", "Selecteer hier **Bewaren**.")]
    _tree(tmp_path, pairs)
    (term,) = report(mine([tmp_path]), 1)["terms"]
    ranked = term["translations"]["nl-NL"]
    assert [(f["form"], f["count"]) for f in ranked] == [("Opslaan", EXAMPLES + 4), ("Bewaren", 1)]
    assert all(len(f["seen"]) <= EXAMPLES for f in ranked)
    assert term["kind"] == "ui"


def test_a_name_kept_in_every_locale_is_proposed_as_a_name(tmp_path: Path) -> None:
    _tree(tmp_path, [("Open **Contoso Portal**.", "Open **Contoso Portal**.")] * 2)
    (term,) = report(mine([tmp_path]), 1)["terms"]
    assert term["kind"] == "name"


def _glossary(path: Path, form: str) -> Path:
    data = {"terms": [{"source": "Save", "kind": "ui", "translations": {"nl-NL": form}}]}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("approved", "verdict"),
    [("Opslaan", "agrees: 2 of 2"), ("opslaan", "agrees: 2 of 2"), ("Bewaren", "differs")],
)
def test_the_glossary_is_held_against_the_evidence(
    tmp_path: Path, approved: str, verdict: str
) -> None:
    _tree(tmp_path / "docs", [("Select **Save**.", "Selecteer **Opslaan**.")] * 2)
    glossary = _glossary(tmp_path / "glossary.yaml", approved)
    runner = CliRunner()
    args = ["mine", str(tmp_path / "docs"), "--glossary", str(glossary)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    (term,) = yaml.safe_load(result.stdout)["terms"]
    assert term["glossary"]["nl-NL"].startswith(verdict)
    as_json = runner.invoke(main, [*args, "--format", "json"])
    assert json.loads(as_json.stdout) == yaml.safe_load(result.stdout)
    assert runner.invoke(main, args).stdout == result.stdout  # byte-identical reruns


def test_nothing_to_mine_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Just a page\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["mine", str(tmp_path), "--glossary", str(_glossary(tmp_path / "g.yaml", "x"))]
    )
    assert result.exit_code == 2
    assert "no translation found to mine" in result.stderr
    assert "Traceback" not in result.output


def test_a_span_that_swallowed_a_neighbour_still_holds_the_form(tmp_path: Path) -> None:
    pairs = [
        ("Select **Save**.", "Kies **de knop Opslaan.**"),
        ("Select **Save**.", "Kies **Opslaander**."),
    ]
    _tree(tmp_path / "docs", pairs)
    glossary = load_glossary(_glossary(tmp_path / "g.yaml", "Opslaan"))
    (term,) = report(mine([tmp_path / "docs"]), 1, glossary)["terms"]
    assert term["glossary"]["nl-NL"] == "agrees: 1 of 2 spans"  # not inside another word


def test_machine_translation_is_no_evidence_unless_asked(tmp_path: Path) -> None:
    pairs = [("Select **Save**.", "Selecteer **Redden**.")] * 2
    _sxs(tmp_path / "docs", pairs)
    page = tmp_path / "docs" / "article.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("---\n\n", "ms.translationtype: MT\n---\n\n", 1),
        encoding="utf-8",
    )
    assert mine([tmp_path / "docs"]).terms == {}
    assert set(mine([tmp_path / "docs"], machine=True).terms) == {"Save"}
    result = CliRunner().invoke(main, ["mine", str(tmp_path / "docs")])
    assert result.exit_code == 2 and "--machine" in result.stderr


#: Quotation marks a translation may use for a label instead of bold.
QUOTE = st.sampled_from([("“", "”"), ("「", "」"), ("«\u00a0", "\u00a0»"), ("„", "“")])


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(GLOSSES, QUOTE)
def test_bold_english_pairs_with_quoted_labels_when_the_translation_has_no_bold(
    tmp_path_factory: pytest.TempPathFactory, glosses: dict[str, str], quote: tuple[str, str]
) -> None:
    opening, closing = quote
    items = sorted(glosses.items())
    english = "Select " + ", then ".join(f"**{en}**" for en, _ in items) + "."
    translated = "选择" + "\uff0c然后".join(f"{opening}{tr}{closing}" for _, tr in items) + "。"
    base = tmp_path_factory.mktemp("quoted")
    _sxs(base / "sxs", [(english, translated)])
    _po(base / "po", [(english, translated)])
    expected = {en: {tr: 1} for en, tr in glosses.items()}
    assert _forms(base / "sxs") == _forms(base / "po") == expected
    assert {k for t in mine([base / "sxs"]).terms.values() for k in t.kinds} == {"quoted"}


def test_quotes_pair_only_when_the_translation_has_no_bold_and_as_many(tmp_path: Path) -> None:
    pairs = [
        ("Select **Save**.", "Kies **Opslaan** (“knop”)."),  # bold wins: quotes are prose
        ("Select **Open** and **Close**.", "Kies “Openen”."),  # 2 against 1: nothing
        ("Select **Print**.", "Kies Afdrukken."),  # nothing marked: nothing
    ]
    _tree(tmp_path, pairs)
    mined = mine([tmp_path])
    assert {en: dict(e.forms["nl-NL"]) for en, e in mined.terms.items()} == {"Save": {"Opslaan": 1}}
    assert mined.unaligned == 2


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(GLOSSES)
def test_the_items_of_bar_lists_pair_in_order(
    tmp_path_factory: pytest.TempPathFactory, glosses: dict[str, str]
) -> None:
    items = sorted(glosses.items())
    if len(items) < 2:
        items.append(("Other role", "Andere rol"))
    english = "**Appropriate roles**: " + " | ".join(en for en, _ in items)
    translated = "**Juiste rollen**\uff1a" + "|".join(tr for _, tr in items)  # no spaces, CJK colon
    base = tmp_path_factory.mktemp("bars")
    _sxs(base, [(english, translated), (english + " | Extra", translated)])  # 2nd: 1 short
    forms = _forms(base)
    assert forms.pop("Appropriate roles") == {"Juiste rollen": 2}
    assert forms == {en: {tr: 1} for en, tr in items}


def _sxs_table(root: Path, cells: list[tuple[str, str]], table: bool) -> None:
    """One side-by-side segment per cell, in a table row (or, without table, a paragraph)."""
    bar = "| " if table else ""
    rows = "\n".join(
        f'{bar}<span data-ttu-id="t-{i}">{tr}</span><span class="sxs-lookup">'
        f'<span data-stu-id="t-{i}">{en}</span></span> {bar.strip()}'
        for i, (en, tr) in enumerate(cells)
    )
    root.mkdir(parents=True, exist_ok=True)
    front = "---\ntitle: x\nms.contentlocale: nl-NL\n---\n\n"
    header = "| Role | Rights |\n|---|---|\n" if table else ""
    (root / "article.md").write_text(front + header + rows + "\n", encoding="utf-8")


@pytest.mark.parametrize("table", [True, False])
def test_a_short_table_cell_is_a_label_of_its_own(tmp_path: Path, table: bool) -> None:
    cells = [
        ("Billing admin", "Factureringsbeheerder"),
        ("Can see invoices, payments and every order of the account", "Ziet facturen"),
    ]
    _sxs_table(tmp_path, cells, table)
    expected = {"Billing admin": {"Factureringsbeheerder": 1}} if table else {}
    assert _forms(tmp_path) == expected  # a long cell is a sentence, not a label


@pytest.mark.parametrize(
    "text",
    [
        "“" * 50_000,  # quotes that never close
        "“a" * 25_000 + "”",
        "|" * 50_000,
        "**x**" * 10_000,
    ],
)
def test_pathological_texts_are_mined_without_error(tmp_path: Path, text: str) -> None:
    _tree(tmp_path, [(f"Select **Save**. {text}", f"Kies “Opslaan”. {text}")])
    mine([tmp_path])  # bounded: regexes without nested repetition, one split per text


def test_a_quote_inside_a_list_item_is_no_label_outside_it(tmp_path: Path) -> None:
    english = "**Team roles**: Owner | Billing reader | Report viewer"
    translated = "团队角色\uff1a所有者 |“账单”读者 | 报表查看者"  # the lead-in lost its bold
    _sxs(tmp_path, [(english, translated)])
    assert _forms(tmp_path) == {
        "Owner": {"所有者": 1},
        "Billing reader": {"“账单”读者": 1},
        "Report viewer": {"报表查看者": 1},
    }
    # without the list, the same bold and quote pair up: one each
    _sxs(tmp_path / "plain", [("Open **Billing** now.", "现在打开“账单”。")])
    assert _forms(tmp_path / "plain") == {"Billing": {"账单": 1}}


def test_the_evidence_statement_fits_the_glossary_and_names_its_places(tmp_path: Path) -> None:
    pairs = [("Select **Save**.", "Selecteer **Opslaan**.")] * 2
    pairs += [("Select **Save** here.", "Selecteer hier **Bewaren**.")]
    _tree(tmp_path / "docs", pairs)
    for approved, verdict, form_line in (("Opslaan", "agrees: 2 of 3", 1), ("Wegen", "differs", 1)):
        glossary = load_glossary(_glossary(tmp_path / "g.yaml", approved))
        (term,) = report(mine([tmp_path / "docs"]), 1, glossary)["terms"]
        statement = term["evidence"]["nl-NL"]
        assert statement.startswith(f"{term['glossary']['nl-NL']}; seen: ")
        assert statement.startswith(verdict)
        assert f"article.md:{form_line}" in statement  # Opslaan is the first block's
        assert "article.md:5" not in statement  # Bewaren's block is no evidence for either
        data = {"terms": [{"source": "Save", "kind": "ui", "translations": {"nl-NL": approved},
                           "evidence": {"nl-NL": statement}}]}  # fmt: skip
        (tmp_path / "with.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        assert load_glossary(tmp_path / "with.yaml").terms[0].evidence["nl-NL"] == statement
