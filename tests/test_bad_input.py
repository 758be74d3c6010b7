"""One fixture folder per failure mode (tests/fixtures/bad/<case>/case.yaml).

Each case breaks a copy of the project and expects one clear message with the file and
line, exit code 2, no traceback, and nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sunsetkit.cli import main

CASES = sorted((Path(__file__).parent / "fixtures" / "bad").glob("*/case.yaml"))


def _apply(case: dict[str, object], root: Path) -> None:
    for rel, text in dict(case.get("write", {})).items():  # type: ignore[call-overload]
        (root / rel).write_text(text, encoding="utf-8")
    for rel, text in dict(case.get("append", {})).items():  # type: ignore[call-overload]
        with (root / rel).open("a", encoding="utf-8") as handle:
            handle.write(text)
    for rel, (old, new) in dict(case.get("replace", {})).items():  # type: ignore[call-overload]
        path = root / rel
        original = path.read_text(encoding="utf-8")
        assert old in original, f"fixture out of date: {old!r} not in {rel}"
        path.write_text(original.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.parent.name)
def test_bad_input_gives_one_clear_message(case_file: Path, project_copy: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    _apply(case, project_copy)
    out = project_copy / "out"
    args = ["build", "--project", str(project_copy), "--out", str(out), *case.get("args", [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.count("\n") == 0, f"more than one line: {message}"
    assert message.startswith("sunset: error: ")
    assert "Traceback" not in result.output
    for expected in case["expect"]:
        assert expected in message, f"{expected!r} not in {message!r}"
    assert not out.exists(), "nothing may be written on bad input"


def test_every_failure_mode_of_the_issue_has_a_fixture() -> None:
    names = {case.parent.name for case in CASES}
    assert {
        "yaml-syntax",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "impossible-date",
        "duplicate-id",
        "unknown-locale",
        "po-syntax",
        "template-syntax",
        "template-undefined",
    } <= names
