"""Shared fixtures: the project itself, a disposable copy of it, and the golden-file flag."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import settings

from sunsetkit.guides import BuildResult, Project, build_guides

ROOT = Path(__file__).resolve().parent.parent

# The tests' own processes (the CLI in a process of its own, xdist's workers) share one
# bytecode cache: where the environment sets PYTHONDONTWRITEBYTECODE (CI machines do),
# each of those hundreds of processes would compile sunset's source again (0.2 s each).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ.setdefault(
    "PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "sunset-tests-pycache")
)

# No per-example time limit: on a loaded shared machine a slow example is not a failure,
# and a deadline error there only hides the test's real result. The examples are drawn
# from each test's own seed, so a run that passed here passes in CI and on every
# machine; `--hypothesis-profile=explore` draws fresh examples on each run to look for new
# failures (the README's "Exploring property tests").
settings.register_profile("sunset", deadline=None, derandomize=True, database=None)
settings.register_profile("explore", deadline=None)
settings.load_profile("sunset")


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Property tests run without the coverage tracer: their drawn examples rerun code
    the example-based tests cover, at about twice the cost under the tracer, and the
    suite must fit CI's time. Coverage is counted from the other tests alone."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.no_cover)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden from the current build (review the diff!).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def built(project: Project) -> BuildResult:
    """Every guide in every locale, rendered once for the whole session."""
    return build_guides(project)


@cache
def summary_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "content/schema/summary.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def load_summary(folder: Path) -> dict[str, Any]:
    """A checklists run's summary.json, valid against the committed JSON Schema: so every
    test's run (skipped records, no deadline, one format or both) checks the schema."""
    data: dict[str, Any] = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    summary_validator().validate(data)
    return data


def copy_project(root: Path) -> Path:
    for name in ("content", "templates", "locales"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "babel.cfg", root / "babel.cfg")
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's inputs that a test may break."""
    return copy_project(tmp_path / "project")


def page_count(root: Path) -> int:
    """How many guides a full build of a project writes: every definition x every locale."""
    from sunsetkit.content.load import load_migrations
    from sunsetkit.i18n import discover_catalogs

    locales = 1 + len(discover_catalogs(root / "locales"))
    return locales * len(load_migrations(root / "content" / "migrations"))


ADDED_ID = "zz-added-retirement"


@pytest.fixture(scope="session")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the project with one more definition: every existing one's shapes, merged.

    The new definition is the first existing one under a new id, so it needs no new
    message; tests that run over it prove that adding a retirement needs no test edit.
    """
    root = copy_project(tmp_path_factory.mktemp("extended") / "project")
    first = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    old_id = next(line for line in text.splitlines() if line.startswith("id: "))
    added = text.replace(old_id, f"id: {ADDED_ID}", 1)
    (root / "content" / "migrations" / f"{ADDED_ID}.yaml").write_text(added, encoding="utf-8")
    return Project(root)


def most_used_message(built: BuildResult, locale_id: str) -> tuple[str | None, str]:
    """The (context, msgid) that most of a locale's pages use, whichever definitions
    exist: a message every page has is found, never assumed (not every page has "Next
    steps")."""
    pages = [p for p in built.pages if p.locale_id == locale_id]
    counts = Counter(key for page in pages for key in page.usage.used)
    assert counts, f"no page of {locale_id} uses a message"
    return min(counts, key=lambda key: (-counts[key], key[0] or "", key[1]))


def offer_with_a_deadline(root: Path = ROOT) -> str:
    """The name of a retired offer that `sunset checklists` matches to a definition with
    a deadline (the commitment end) and a task that suspends the old subscription by
    then, whichever definitions exist: tests of deadlines need one, and no shipped
    definition is assumed to be it."""
    from sunsetkit.checklists.model import Subscription
    from sunsetkit.checklists.plan import Matcher
    from sunsetkit.content.load import load_migrations
    from sunsetkit.content.model import Ending

    migrations = load_migrations(root / "content" / "migrations")
    matcher = Matcher(migrations)
    for migration in migrations:
        for offer in migration.retired.offers:
            data = {"id": "s", "quantity": 1, "offerName": offer.name}
            matched = matcher.match(Subscription.model_validate(data))
            if (
                matched is not None
                and matched.deadline == "commitment-end"
                and matched.procedure.act == Ending.SUSPEND
            ):
                return offer.name
    raise AssertionError("no retired offer has a deadline: the checklist tests need one")


def definition_alone(root: Path, migration_id: str) -> Path:
    """The project at `root` (a copy) left with one definition: which of two definitions
    that retire the same offer a subscription matches is not what a test of one
    definition's checklist is about."""
    import yaml

    for path in (root / "content" / "migrations").glob("*.yaml"):
        if yaml.safe_load(path.read_text(encoding="utf-8"))["id"] != migration_id:
            path.unlink()
    return root


def with_every_callout(root: Path) -> str:
    """Give the first definition of the project at `root` (a copy) a note of every kind
    at the top and a next step with a relative .md link, and return its id: tests of
    callouts and links need them, and no shipped definition is assumed to have them.

    Their texts are the titles of the definition's own phases, so every locale that
    translates the definition translates them too: the page stays complete."""
    import typing

    import yaml

    from sunsetkit.content.model import Note

    path = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    titles = [phase["title"] for phase in data["procedure"]["phases"]]
    kinds = typing.get_args(Note.model_fields["kind"].annotation)
    data["notes"] = [
        {"text": titles[i % len(titles)], "kind": kind} for i, kind in enumerate(kinds)
    ]
    data["next_steps"] = [{"title": titles[0], "href": "another-article.md"}]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return str(data["id"])


def tiny_catalog(tmp_path: Path, locale: str, pairs: Iterable[tuple[str, str]]) -> Path:
    """A catalog of the locale holding each (source, translation) pair as a message."""
    lines = ['msgid ""', 'msgstr ""', f'"Language: {locale.replace("-", "_")}\\n"', ""]
    for source, text in pairs:
        lines += [f"msgid {json.dumps(source, ensure_ascii=False)}"]
        lines += [f"msgstr {json.dumps(text, ensure_ascii=False)}", ""]
    path = tmp_path / f"{locale}.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def titled_inside(term: str, form: str) -> bool:
    """The form holds the term with its words capitalised ("witryna Azure Portal"): that
    name kept alone is the name kept where the form is unverified, so no broken form."""
    return " ".join(w[:1].upper() + w[1:] for w in term.split()) in form
