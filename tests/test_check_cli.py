"""`sunset check` on the command line: formats, exit codes, configuration."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sunsetkit.checks import CHECKS
from sunsetkit.cli import main

from .conftest import ROOT, page_count

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GLOSSARY = str(ROOT / "content" / "glossary.yaml")


def _check(*args: str, config: Path | None = None) -> Result:
    options = ["check", "--glossary", GLOSSARY]
    if config is not None:
        options += ["--config", str(config)]
    return CliRunner().invoke(main, [*options, *args])


def test_list_shows_every_check_once() -> None:
    result = CliRunner().invoke(main, ["check", "--list"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert ids == [c.id for c in CHECKS]
    assert len(set(ids)) == len(ids)


def test_clean_input_exits_0_and_errors_exit_1() -> None:
    assert _check(str(FIXTURES / "clean-nl.po")).exit_code == 0
    result = _check(str(FIXTURES / "ui.po"))
    assert result.exit_code == 1
    # nl-NL's label has no evidence (its published articles are machine-translated): a
    # warning that says so; the markup errors still fail the run
    assert "ui.po:9: warning ui: bold 'vervolgens Verzenden'" in result.output
    assert "(unverified form, a warning: none: " in result.output
    assert result.output.rstrip().endswith("and 0 page(s)")


def test_warnings_pass_unless_strict() -> None:
    state = str(FIXTURES / "state.po")
    only_warnings = ["--config", str(FIXTURES / "none.toml")]
    assert _check(state, *only_warnings).exit_code == 0
    assert _check(state, "--strict").exit_code == 1


def test_unreadable_file_exits_2_and_the_rest_is_still_checked(tmp_path: Path) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nnonsense\n', encoding="utf-8")
    result = _check(str(broken), str(FIXTURES / "ui.po"), str(tmp_path / "missing.po"))
    assert result.exit_code == 2
    assert "broken.po:3: error read-error" in result.output
    assert "missing.po: error read-error: no such file or folder" in result.output
    assert "ui.po:9: warning ui" in result.output


def test_json_output_has_the_documented_shape() -> None:
    result = _check(str(FIXTURES / "ui.po"), "--format", "json")
    data = json.loads(result.output)
    assert data["version"] == 1
    assert set(data["findings"][0]) == {
        "path",
        "line",
        "locale",
        "check",
        "severity",
        "msgctxt",
        "msgid",
        "message",
    }
    assert data["findings"][0]["locale"] == "nl-NL"
    summary = data["summary"]
    assert summary["errors"] + summary["warnings"] == len(data["findings"])


def test_github_annotations_escape_their_fields(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c.po"
    odd.write_bytes((FIXTURES / "ui.po").read_bytes())
    result = _check(str(odd), "--format", "github")
    first = next(line for line in result.output.splitlines() if "sunset ui" in line)
    assert first.startswith("::warning file=")  # an unverified glossary label
    assert "a%2Cb%3Ac.po,line=9,title=sunset ui::bold" in first


def test_sarif_is_2_1_0_with_rules_and_results() -> None:
    result = _check(str(FIXTURES / "ui.po"), "--format", "sarif")
    data = json.loads(result.output)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for item in run["results"]:
        assert rules[item["ruleIndex"]] == item["ruleId"]
        assert item["locations"][0]["physicalLocation"]["region"]["startLine"] > 0


def test_configuration_changes_severity_and_disables(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.sunset.check]\nseverity = {ui = "warning"}\n'
        'disable = ["markup", "consistency", "placement"]\n',
        encoding="utf-8",
    )
    result = _check(str(FIXTURES / "ui.po"), "--format", "json", config=config)
    checks = {(f["check"], f["severity"]) for f in json.loads(result.output)["findings"]}
    assert checks == {("ui", "warning")}
    assert result.exit_code == 0


def test_opt_in_checks_run_only_when_the_configuration_enables_them(tmp_path: Path) -> None:
    """`negation` is opt-in: a catalog that lost a negation passes until `enable` names it."""
    catalog = tmp_path / "de_DE" / "LC_MESSAGES" / "messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "You can\'t rename Contoso."\nmsgstr "Sie können Contoso umbenennen."\n',
        encoding="utf-8",
    )
    config = tmp_path / "pyproject.toml"
    for body, expected in (("", set()), ('enable = ["negation"]\n', {"negation"})):
        config.write_text(f"[tool.sunset.check]\n{body}", encoding="utf-8")
        result = _check(str(catalog), "--format", "json", config=config)
        found = {f["check"] for f in json.loads(result.output)["findings"]}
        assert found & {"negation"} == expected, result.output
    opt_in = [check.id for check in CHECKS if check.opt_in]
    assert opt_in == ["negation", "country-name", "dropped-part"]
    listed = {line.split()[0] for line in _check("--list").output.splitlines() if "opt-in" in line}
    assert listed == set(opt_in)


@pytest.mark.parametrize(
    "body",
    [
        '[tool.sunset.check]\ndisable = ["ui-label"]\n',
        '[tool.sunset.check]\nenable = ["negations"]\n',
        '[tool.sunset.check]\nenable = "negation"\n',
        '[tool.sunset.check]\nseverity = {ui = "fatal"}\n',
        "[tool.sunset.check\n",
    ],
)
def test_bad_configuration_is_a_usage_error(tmp_path: Path, body: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(body, encoding="utf-8")
    result = _check(str(FIXTURES / "ui.po"), config=config)
    assert result.exit_code == 2
    assert "pyproject.toml" in result.output


def test_markup_none_turns_markup_checks_off() -> None:
    result = _check(str(FIXTURES / "markup.po"), "--markup", "none")
    assert result.exit_code == 0


def test_locale_option_overrides_the_header() -> None:
    result = _check(str(FIXTURES / "clean-nl.po"), "--locale", "sv_SE", "--format", "json")
    findings = json.loads(result.output)["findings"]
    assert findings and {f["locale"] for f in findings} == {"sv-SE"}


def test_min_coverage_reports_a_catalog_below_it() -> None:
    result = _check(str(FIXTURES / "state.po"), "--min-coverage", "90", "--format", "json")
    coverage = [f for f in json.loads(result.output)["findings"] if f["check"] == "coverage"]
    assert len(coverage) == 1 and "below --min-coverage 90%" in coverage[0]["message"]
    assert result.exit_code == 1


def test_no_paths_checks_the_project_locales_and_build(project_copy: Path) -> None:
    cwd = Path.cwd()
    os.chdir(project_copy)
    try:
        assert CliRunner().invoke(main, ["build"]).exit_code == 0
        result = CliRunner().invoke(main, ["check"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    catalogs = len(list((project_copy / "locales").rglob("*.po"))) + 1  # and the .pot
    assert f"in {catalogs} catalog(s) and {page_count(project_copy)} page(s)" in result.output


def test_parallel_run_gives_the_same_findings_as_a_serial_one(tmp_path: Path) -> None:
    from sunsetkit.checks import CheckOptions, run_checks
    from sunsetkit.content.load import load_glossary

    for n in range(45):
        source = FIXTURES / ("ui.po" if n % 2 else "clean-fr.po")
        (tmp_path / f"c{n:02}.po").write_bytes(source.read_bytes())
    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    serial = run_checks([tmp_path], CheckOptions(glossary=glossary, jobs=1))
    parallel = run_checks([tmp_path], CheckOptions(glossary=glossary, jobs=2))
    assert parallel.findings == serial.findings
    assert parallel.catalogs == serial.catalogs == 45
    one = run_checks([FIXTURES / "ui.po"], CheckOptions(glossary=glossary, jobs=1))
    assert len(serial.findings) == 22 * len(one.findings)


def _catalog_folder(folder: Path, count: int = 45) -> Path:
    for n in range(count):
        source = FIXTURES / ("ui.po" if n % 2 else "clean-fr.po")
        (folder / f"c{n:02}.po").write_bytes(source.read_bytes())
    (folder / "broken.po").write_bytes(b'msgid "a"\nmsgstr "b\n')  # read ahead, reported too
    return folder


def test_workers_parse_ahead_while_the_project_is_read(tmp_path: Path) -> None:
    """The project (glossary and names) read while the workers parse: the same findings
    as options that had it from the start, whichever process read which file first."""
    import time

    from sunsetkit.checks import CheckOptions, run_checks
    from sunsetkit.checks.glossary import GlossaryTerms
    from sunsetkit.checks.words import definition_names
    from sunsetkit.content.load import load_glossary

    folder = _catalog_folder(tmp_path)
    loaded = load_glossary(ROOT / "content" / "glossary.yaml")
    glossary = GlossaryTerms.of(loaded)
    names = definition_names(ROOT / "content" / "migrations", loaded)
    assert names
    upfront = run_checks([folder], CheckOptions(glossary=glossary, names=names, jobs=1))

    def slow_project() -> tuple[GlossaryTerms, tuple[str, ...]]:
        time.sleep(0.5)  # the workers take files meanwhile
        return glossary, names

    overlapped = run_checks([folder], CheckOptions(jobs=2), slow_project)
    assert overlapped.findings == upfront.findings
    assert overlapped.catalogs == upfront.catalogs == 45 and overlapped.unreadable == 1
    assert any(f.check == "ui" for f in overlapped.findings)  # the glossary was used


def test_a_project_that_cannot_be_read_stops_the_workers(tmp_path: Path) -> None:
    """A bad glossary read while workers wait for it: its error, at once, no hang."""
    import time

    from sunsetkit.checks import CheckOptions, run_checks
    from sunsetkit.errors import ContentError

    folder = _catalog_folder(tmp_path)

    def broken_project() -> tuple[None, tuple[str, ...]]:
        raise ContentError("duplicate key 'terms'", folder / "glossary.yaml", 3)

    start = time.monotonic()
    with pytest.raises(ContentError, match="duplicate key"):
        run_checks([folder], CheckOptions(jobs=2), broken_project)
    assert time.monotonic() - start < 30


def test_a_bad_glossary_is_exit_2_on_a_large_run(tmp_path: Path) -> None:
    (tmp_path / "po").mkdir()
    folder = _catalog_folder(tmp_path / "po")
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("terms:\n  - source: A\n    kind: ui\n    kind: ui\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--glossary", str(glossary), str(folder)])
    assert result.exit_code == 2, result.output
    assert f"{glossary}:4" in result.output and "duplicate key" in result.output
