"""The English source says each thing one way, so that no translation can go astray.

Generic over whatever content exists: every definition and shared step, every message of
the template catalog (templates, content and images), every rendered en-US guide.

- A step sentence names who acts: a sentence opening with a pronoun ("It purchases ...")
  or a verb without its subject ("Moves each ...") becomes an order to the partner in
  Japanese and Korean, which drop the pronoun.
- A plural message differs from its singular only by the inflection of the counted
  words: "all of these" or "one of these" is meaning, and a language with one plural
  form keeps a single sentence for both cases.
- A portal label is marked (bold) wherever the English names it, or nowhere.
- A plan has one former name in every definition, never the name of a plan of today.
- Phases have one naming in every guide ("Step 1:"), whatever the definition says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sunsetkit.cli import main
from sunsetkit.content.across import contradictions
from sunsetkit.content.load import load_glossary, load_migrations, load_steps
from sunsetkit.content.model import Migration, Step
from sunsetkit.guides import BuildResult

from .conftest import ROOT, copy_project

CONTENT = ROOT / "content"

# --- steps name their subject ------------------------------------------------------------

#: Pronouns whose antecedent lies outside the step: the reader (and a translator who
#: drops the subject) cannot tell who acts.
PRONOUNS = frozenset(
    ["it", "its", "they", "them", "their", "this", "these", "that", "those", "he", "she"]
)
#: After a verb in the third person (no subject before it): "Moves each ...".
DETERMINERS = frozenset(["the", "a", "an", "each", "every", "all", "its", "their", "any"])
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-Z%])")
_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def subjectless(text: str) -> list[str]:
    """The sentences of a step that open with a pronoun or with a verb in the third person
    (a word ending in -s, not -ss/-us/-is, followed by a determiner)."""
    found = []
    for sentence in _SENTENCE.split(_PLACEHOLDER.sub("X", text.strip())):
        words = re.findall(r"[A-Za-z']+", sentence)
        if not words:
            continue
        first = words[0].lower()
        third_person = (
            len(first) > 3
            and first.endswith("s")
            and not first.endswith(("ss", "us", "is"))
            and len(words) > 1
            and words[1].lower() in DETERMINERS
        )
        if first in PRONOUNS or third_person:
            found.append(sentence)
    return found


def _steps(steps: list[Step], where: str) -> Iterator[tuple[str, str]]:
    for i, step in enumerate(steps, 1):
        if step.text:
            yield f"{where}.{i}", step.text
        yield from _steps(step.substeps, f"{where}.{i}")


def _migrations() -> list[Migration]:
    return load_migrations(CONTENT / "migrations")


def every_step() -> Iterator[tuple[str, str]]:
    for migration in _migrations():
        for phase in migration.procedure.phases:
            yield from _steps(phase.steps, f"{migration.id}:{phase.id}")
    glossary = load_glossary(CONTENT / "glossary.yaml")
    for key, step in load_steps(CONTENT / "steps.yaml", glossary).steps.items():
        yield from _steps([step], f"steps.yaml:{key}")


def test_every_step_sentence_names_who_acts() -> None:
    steps = list(every_step())
    assert steps
    bad = [(where, s) for where, text in steps for s in subjectless(text)]
    assert not bad, bad


@pytest.mark.parametrize(
    "sentence",
    [
        "It purchases the Azure plans the customer needs.",
        "Select the customer. It opens the detail page.",
        "They move each subscription.",
        "Moves each existing subscription under the plan.",
        "Purchases the plans, and then reports them.",
        "This cancels %(product)s.",
    ],
)
def test_a_sentence_without_its_subject_is_found(sentence: str) -> None:
    assert subjectless(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The workflow purchases the Azure plans the customer needs.",
        "Select %(customers)s, and then select the customer.",
        "As a direct-bill partner, you get one Azure plan for the customer.",
        "Access the customer's page. Process the order.",
        "A dialog explains the transition. Select %(continue)s to start it.",
        "%(product)s moves under the Azure plan.",
    ],
)
def test_a_sentence_with_its_subject_or_an_imperative_passes(sentence: str) -> None:
    assert not subjectless(sentence)


# --- plural forms inflect; they do not change the meaning ----------------------------------

#: Words of a plural case that stand for a word of the singular one.
INFLECTED = {
    "these": "this",
    "those": "that",
    "are": "is",
    "were": "was",
    "have": "has",
    "they": "it",
    "them": "it",
    "their": "its",
    "do": "does",
}
_WORDS = re.compile(r"[A-Za-z']+")


def _singular_of(word: str, singular: set[str]) -> bool:
    candidates = {word, INFLECTED.get(word, word), word[:-1], word[:-2], word[:-3] + "y"}
    candidates |= {w for w, s in INFLECTED.items() if s == word}
    return bool(candidates & singular)


def meaning_words(singular: str, plural: str) -> set[str]:
    """Words of either case that are no inflection of a word of the other."""
    one = {w.lower() for w in _WORDS.findall(_PLACEHOLDER.sub(" ", singular))}
    many = {w.lower() for w in _WORDS.findall(_PLACEHOLDER.sub(" ", plural))}
    added = {w for w in many if not _singular_of(w, one)}
    dropped = {w for w in one if not any(_singular_of(m, {w}) for m in many)}
    return added | dropped


def _plural_messages() -> list[tuple[str, str]]:
    with (ROOT / "locales" / "messages.pot").open("rb") as handle:
        catalog = read_po(handle)
    return [(m.id[0], m.id[1]) for m in catalog if m.pluralizable and isinstance(m.id, tuple)]


def test_plural_messages_differ_only_by_inflection() -> None:
    """Where the cases mean different things, the template selects one of two messages by
    `count == 1`; ngettext is for the inflection of a counted noun or verb."""
    messages = _plural_messages()
    assert messages  # true plurals remain ("%(days)s day" / "%(days)s days")
    bad = {p: sorted(w) for s, p in messages if (w := meaning_words(s, p))}
    assert not bad, bad


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("Make sure that this is true:", "Make sure that all of these are true:"),
        ("Move the customer to this offer:", "Move the customer to one of these offers:"),
        ("Complete this phase:", "Complete these phases in this order:"),
        ("Its page describes each plan.", "Each family's page describes its plans."),
        ("Select this box.", "Select any of these boxes."),
    ],
)
def test_a_plural_that_changes_the_meaning_is_found(singular: str, plural: str) -> None:
    assert meaning_words(singular, plural)


_NOUNS = st.sampled_from(["day", "offer", "license", "family", "box", "subscription", "plan"])


@given(noun=_NOUNS, days=st.sampled_from(["%(days)s", "%(count)s", "one"]))
def test_an_inflected_plural_passes(noun: str, days: str) -> None:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + ("es" if noun[-1] == "x" else "s")
    singular = f"This {noun} is due in {days} {noun}. It has {noun} ID."
    many = f"These {plural} are due in {days} {plural}. They have {plural} ID."
    assert not meaning_words(singular, many), (singular, many)


# --- a portal label is marked everywhere the English names it ------------------------------

#: Image alt text is an attribute: plain text without markup (the image shows the label).
_ALT = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _labels() -> list[str]:
    glossary = load_glossary(CONTENT / "glossary.yaml")
    return [t.source for t in glossary.terms if t.kind == "ui"]


def label_marking(text: str, label: str) -> tuple[int, list[str]]:
    """How often `label` is bold in `text`, and its plain mentions (not at the start of a
    sentence, a list item or a heading, where a capital says nothing)."""
    body = _ALT.sub(" ", _FRONT.sub("", text))
    marked = len(re.findall(rf"\*\*{re.escape(label)}\*\*", body))
    plain = []
    for match in re.finditer(rf"(?<![\w*]){re.escape(label)}(?![\w*])", body):
        before = body[: match.start()].rstrip(" ")
        if not before or before[-1] in ".!?:\n-#>" or before.endswith("</a>"):
            continue
        plain.append(body[max(0, match.start() - 40) : match.end() + 20])
    return marked, plain


def test_a_label_is_marked_wherever_the_english_guides_name_it(built: BuildResult) -> None:
    pages = [p for p in built.pages if p.locale_id == "en-US"]
    assert pages
    mixed = {}
    for label in _labels():
        counts = [label_marking(p.text, label) for p in pages]
        marked = sum(c[0] for c in counts)
        plain = [s for c in counts for s in c[1]]
        if marked and plain:
            mixed[label] = plain
    assert not mixed, mixed


def test_a_label_both_marked_and_plain_is_found() -> None:
    text = "Open the **Subscriptions** page.\n\nThe history stays on their Subscriptions page.\n"
    marked, plain = label_marking(text, "Subscriptions")
    assert marked == 1
    assert len(plain) == 1 and "their Subscriptions page" in plain[0]
    assert label_marking("Subscriptions of Office 365 move.", "Subscriptions") == (0, [])


# --- a plan has one former name -------------------------------------------------------------


def _current_names(migrations: list[Migration]) -> list[str]:
    names = [n for m in migrations for n in m.names.values()]
    for m in migrations:
        r = m.replacements
        for option in [
            *(r.options if r else []),
            *(o for g in (r.groups if r else []) for o in g.options),
        ]:
            names.extend([option.name] if option.name else [])
    return names


def test_the_shipped_definitions_agree_on_every_former_name() -> None:
    migrations = _migrations()
    assert not list(contradictions(migrations))
    former = [
        o.formerly
        for m in migrations
        for o in [
            *(m.replacements.options if m.replacements else []),
            *(o for g in (m.replacements.groups if m.replacements else []) for o in g.options),
        ]
        if o.formerly
    ]
    current = {n.casefold() for n in _current_names(migrations)}
    assert not [f for f in former if f.casefold() in current]


def _definition_with_options(root: Path) -> tuple[Path, dict[str, object]]:
    for path in sorted((root / "content" / "migrations").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (data.get("replacements") or {}).get("options"):
            return path, data
    pytest.skip("no definition with a flat list of replacement options")


@pytest.mark.parametrize("how", ["a plan of today", "another former name"])
def test_a_contradicting_former_name_is_refused_with_its_line(tmp_path: Path, how: str) -> None:
    """Whatever the definitions: a definition that gives a plan's former name as the name of
    a plan of today, or another former name than its sibling gives, stops the build."""
    root = copy_project(tmp_path / "project")
    path, data = _definition_with_options(root)
    migrations = load_migrations(root / "content" / "migrations")
    current = _current_names(migrations)
    options = data["replacements"]["options"]  # type: ignore[index]
    if how == "a plan of today":
        options.append({"name": "Contoso Renamed Plan", "formerly": current[0].upper()})
    else:
        other = path.with_name("zz-other.yaml")
        twin = {**data, "id": "zz-other"}
        twin["replacements"] = {
            "options": [{"name": options[0]["name"], "formerly": "Contoso Old Plan"}]
        }
        options[0]["formerly"] = "Contoso Older Plan"
        other.write_text(yaml.safe_dump(twin, sort_keys=False), encoding="utf-8")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2, result.output
    assert re.search(r"\.yaml:\d+: .*former", result.output), result.output
    assert "Traceback" not in result.output


# --- one naming of phases --------------------------------------------------------------------


def test_every_headed_phase_is_a_numbered_step(built: BuildResult) -> None:
    by_id = {m.id: m for m in _migrations()}
    for page in (p for p in built.pages if p.locale_id == "en-US"):
        procedure = by_id[page.migration_id].procedure
        headings = re.findall(r"^### <a name=\"([^\"]+)\"></a>(.*)$", page.text, re.MULTILINE)
        phases = [
            (h_id, text) for h_id, text in headings if h_id in {p.id for p in procedure.phases}
        ]
        if procedure.style == "unheaded":
            assert not phases, page.migration_id
            continue
        assert [text.split(":")[0] for _, text in phases] == [
            f"Step {i}" for i in range(1, len(procedure.phases) + 1)
        ], page.migration_id


@pytest.mark.parametrize("style", ["lettered", "roman", "alphabetical"])
def test_another_naming_of_phases_is_refused(tmp_path: Path, style: str) -> None:
    root = copy_project(tmp_path / "project")
    path = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["procedure"]["style"] = style
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(path.name)}:\d+: procedure\.style", result.output), result.output


# --- a name holds no prose ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("product", "Contoso Sales from CRM Basic or CRMOL Basic"),
        ("names", "the old Contoso plan"),
        ("offer", "Contoso Plan 1, formerly Contoso Plan"),
    ],
)
def test_a_name_holding_prose_is_refused(tmp_path: Path, field: str, value: str) -> None:
    root = copy_project(tmp_path / "project")
    path = sorted((root / "content" / "migrations").glob("*.yaml"))[0]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if field == "product":
        data["product"] = value
    elif field == "names":
        data.setdefault("names", {})["zz_extra"] = value
    else:
        data["retired"]["offers"].append({"name": value})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2, result.output
    assert re.search(rf"{re.escape(path.name)}:\d+: .*is a name, never translated", result.output)


def test_a_glossary_name_holding_prose_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    glossary = root / "content" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    entry = "  - source: Contoso Sales from CRM Basic or CRMOL Basic\n    kind: name\n"
    glossary.write_text(text.replace("\n  - source: CREST\n", f"\n{entry}  - source: CREST\n", 1))
    assert entry in glossary.read_text(encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", "--project", str(root), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2, result.output
    assert re.search(r"glossary\.yaml:\d+: .*is a name, never translated", result.output)
