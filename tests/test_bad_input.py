"""One fixture folder per failure mode (tests/fixtures/bad/<case>/case.yaml).

Each case runs a command on a copy of the project (its output written), breaks the copy
and expects one clear message with the file, the line and what to do, exit code 2 within
seconds, no traceback, the earlier output intact and no litter. `command` (build,
checklists, check), `args` ({root} is the project; {migration} anywhere is the id of one
of its definitions), `write` (text, or bytes as
!!binary), `append`, `replace`, `mkfifo`, `mkdir` and `out` say what the case does.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sunsetkit.cli import main

from .conftest import ROOT

CASES = sorted((Path(__file__).parent / "fixtures" / "bad").glob("*/case.yaml"))


EXAMPLE = "content/customers.example.json"
AS_OF = ("--as-of", "2026-11-21")
REPEAT = re.compile(r"\{\{repeat (\d+) (.*?)\}\}")
#: {line FILE TEXT} in an expected message: the line of FILE where TEXT first stands, so a
#: fixture does not break when its catalog grows.
LINE = re.compile(r"\{line (\S+) (.*?)\}")


def _placeholders(text: str, root: Path) -> str:
    """{migration} in a case: the id of a definition the project has, and {migration-file}
    its file's name, so no case depends on one retirement being shipped."""
    first = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    migration = yaml.safe_load(first.read_text(encoding="utf-8"))["id"]
    return text.replace("{migration-file}", first.name).replace("{migration}", migration)


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _apply(case: dict[str, Any], root: Path) -> None:
    for rel in case.get("mkdir", []):
        (root / rel).unlink(missing_ok=True)
        (root / rel).mkdir(parents=True)
    for rel in case.get("mkfifo", []):
        (root / rel).unlink(missing_ok=True)
        os.mkfifo(root / rel)
    for rel, text in dict(case.get("write", {})).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:  # {{repeat N text}}: long or deep input without a large fixture
            path.write_text(REPEAT.sub(lambda m: m[2] * int(m[1]), text), encoding="utf-8")
    for rel, text in dict(case.get("append", {})).items():
        with (root / rel).open("a", encoding="utf-8") as handle:
            handle.write(text)
    for rel, (old, new) in dict(case.get("replace", {})).items():
        path = root / rel
        original = path.read_text(encoding="utf-8")
        assert old in original, f"fixture out of date: {old!r} not in {rel}"
        path.write_text(original.replace(old, new, 1), encoding="utf-8")


def _args(case: dict[str, Any], root: Path, out: Path) -> list[str]:
    command = case.get("command", "build")
    args = [str(a).replace("{root}", str(root)) for a in case.get("args", [])]
    if command == "check":
        return ["check", *args]
    if command == "checklists":
        return ["checklists", *args, "--project", str(root), "--out", str(out), *AS_OF]
    return ["build", "--project", str(root), "--out", str(out), *args]


@pytest.fixture(scope="session")
def earlier_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The output of a good run of each command, made once (the inputs are the project's)."""
    outputs = {}
    for command in ("build", "checklists"):
        out = tmp_path_factory.mktemp("earlier") / command
        args = [command, "--project", str(ROOT), "--out", str(out)]
        if command == "checklists":
            args += [str(ROOT / EXAMPLE), *AS_OF]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        outputs[command] = out
    return outputs


def _earlier(case: dict[str, Any], out: Path, outputs: dict[str, Path]) -> None:
    """The output of a good run before the input breaks: it must survive."""
    command = case.get("earlier", case.get("command", "build"))
    if command in outputs and out != Path("/") and not out.is_relative_to("/proc"):
        shutil.copytree(outputs[command], out)


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir() or folder == Path("/") or folder.is_relative_to("/proc"):
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.parent.name)
def test_bad_input_gives_one_clear_message(
    case_file: Path, project_copy: Path, earlier_outputs: dict[str, Path]
) -> None:
    case = yaml.safe_load(_placeholders(case_file.read_text(encoding="utf-8"), project_copy))
    out = Path(case["out"]) if "out" in case else project_copy / "out"
    _earlier(case, out, earlier_outputs)
    _apply(case, project_copy)
    before = _snapshot(out)
    started = time.monotonic()
    result = CliRunner().invoke(main, _args(case, project_copy, out))
    assert time.monotonic() - started < 20, "bad input must be refused within seconds"
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if case.get("command") == "check" or case.get("usage"):  # a report, or click's usage
        message = result.output
    else:
        message = result.stderr.strip()
        assert message.count("\n") == 0, f"more than one line: {message}"
        assert message.startswith("sunset: error: ")
        assert message.endswith(")"), f"says what to do, in brackets: {message}"
    for expected in case["expect"]:
        expected = LINE.sub(lambda m: str(_line_of(project_copy / m[1], m[2])), expected)
        assert expected in message, f"{expected!r} not in {message!r}"
    assert _snapshot(out) == before, "the earlier output must be intact"
    assert not list(out.parent.glob(f".{out.name}.sunset-*")), "no litter"


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
        # issue 8, by class: 1 data loss, 2 hangs, 3 injection, 4 tracebacks,
        # 5 bad input accepted, 6 messages
        "json-items-object",
        "json-bare-list",
        "json-items-capitalised",
        "csv-header-only",
        "csv-missing-columns-skip-invalid",
        "out-owned-by-checklists",
        "out-owned-by-build",
        "folder-where-a-page-goes",
        "yaml-alias-bomb",
        "plural-huge-nplurals",
        "json-nested-deep",
        "fifo-where-a-page-goes",
        "glossary-label-format-injection",
        "yaml-odd-key",
        "yaml-sequence-key",
        "yaml-nested-deep",
        "plural-broken-expression",
        "plural-out-of-range",
        "csv-field-too-long",
        "out-cannot-be-created",
        "out-root",
        "out-is-a-file",
        "template-not-utf8",
        "page-not-utf8",
        "config-severity-not-a-table",
        "config-disable-not-ids",
        "config-check-not-a-table",
        "config-not-utf8",
        "template-division-by-zero",
        "template-recursion",
        "po-two-msgstr",
        "po-duplicate-msgid",
        "po-wrong-language",
        "glossary-misspelt-locale",
        "quantity-true",
        "min-coverage-nan",
        "config-missing",
        "msgstr-unknown-placeholder",
        "check-unknown-locale-folder",
        "json-bom",
        "number-5000-digits",
        # issue 18: extreme values and what was accepted silently
        "id-too-long",
        "plural-form-for-5000-licences",
        "plural-arithmetic",
        "number-bool-in-step",
        "yaml-tag-on-mapping",
    } <= names
