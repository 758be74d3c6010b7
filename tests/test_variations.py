"""Definitions of other shapes build as their data says: wording, dates, notes, endings,
unheaded procedures, bundles, prose replacements and shared steps with parameters.

The definitions (tests/fixtures/variations/migrations/) and the shared steps they add
(tests/fixtures/variations/steps.yaml) go into a copy of the project, as a docs author
would add them: no code or template changes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE
from sunsetkit.markdown import outline

from .conftest import copy_project
from .htmltree import parse
from .test_checklist_outputs import _commonmark, _gfm, _is_task, _items, _python_markdown
from .test_property_definitions import assert_builds_and_checks_clean

FIXTURES = Path(__file__).parent / "fixtures" / "variations"


def add_variations(root: Path) -> Path:
    """The variation definitions and their shared steps, added to the project at `root`."""
    for path in sorted((FIXTURES / "migrations").glob("*.yaml")):
        shutil.copy(path, root / "content" / "migrations" / path.name)
    extra = (FIXTURES / "steps.yaml").read_text(encoding="utf-8")
    with (root / "content" / "steps.yaml").open("a", encoding="utf-8") as steps:
        steps.write(extra)
    return root


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(add_variations(copy_project(tmp_path_factory.mktemp("varied") / "project")))


def _page(project: Project, migration_id: str) -> str:
    result = build_guides(project, locales=[SOURCE_LOCALE], migration_ids=[migration_id])
    return result.pages[0].text


@pytest.fixture(scope="module")
def page(varied: Project) -> str:
    return _page(varied, "zz-variations")


def test_single_replacement_reads_in_the_singular_with_its_note(page: str) -> None:
    assert "Move the customer to this offer:" in page
    assert "one of these offers" not in page
    assert "  It costs the same as Contoso Chat Plan 2." in page


def test_dates_come_from_events_in_prose_and_in_the_list(page: str) -> None:
    assert "The discounted transition price applies until March 31, 2027." in page
    assert "- Discounted transition pricing ends: March 31, 2027" in page
    assert "Sales of Contoso Chat Plan 2 ended on July 1, 2026." in page
    assert "autoRenewEnabled" not in page  # no auto-renew-off event: no API section text


def test_notes_stand_where_the_definition_puts_them(page: str) -> None:
    after_options = page.index("> Prices are in the price list.")
    assert page.index('## <a name="replacement-options">') < after_options
    assert after_options < page.index('## <a name="transition-steps">')
    phase_note = page.index("> Nothing else changes for the customer.")
    assert page.index('name="reassign-user-licenses"') < phase_note
    assert phase_note < page.index('name="cancel-the-retired-subscription"')
    assert "   > Select **Manage licenses** for one user at a time." in page


def test_phases_have_their_own_steps_and_the_cancel_ending(page: str) -> None:
    shape = outline(page)
    assert shape.list_items[-3:] == [3, 5, 2]
    assert '### <a name="cancel-the-retired-subscription"></a>Step 3: Cancel' in page
    assert "de-provisioned" not in page  # only a suspension is de-provisioned
    assert "Offer ID" not in page and "offer ID `CCP2-OFFER`" in page


def _checklist(project: Project, tmp_path: Path, offer: str, culture: str = "en-US") -> str:
    """One customer's checklist with one subscription of `offer` (an offer id or name)."""
    subscription = {"id": "s1", "quantity": 3, "commitmentEndDate": "2027-01-31"}
    subscription["offerId" if offer.endswith("-OFFER") else "offerName"] = offer
    customer = {
        "id": "c1",
        "companyProfile": {"companyName": "Fabrikam"},
        "billingProfile": {"culture": culture},
        "subscriptions": [subscription],
    }
    data = tmp_path / "c.json"
    data.write_text(json.dumps({"items": [customer]}), encoding="utf-8")
    out = tmp_path / "out"
    args = ["checklists", str(data), "--project", str(project.root), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    return next(out.glob("fabrikam-*.md")).read_text(encoding="utf-8")


def test_checklist_ends_with_cancelling_by_the_deadline(varied: Project, tmp_path: Path) -> None:
    text = _checklist(varied, tmp_path, "CCP2-OFFER")
    tasks = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert tasks == [
        "- [ ] Purchase the new subscription",
        "- [ ] Reassign the user licenses",
        "- [ ] Once the tasks above are done, cancel the retired subscription by January 31, 2027.",
    ]
    assert "Discounted transition pricing ends: March 31, 2027" in text
    assert "Last day of support" not in text  # checklist: false


# --- unheaded phases, bundles, shared steps with parameters, endings -----------------------


@pytest.fixture(scope="module")
def choice(varied: Project) -> str:
    return _page(varied, "zz-choice")


def test_unheaded_phases_lead_into_their_lists_and_keep_their_anchors(
    varied: Project, choice: str, tmp_path: Path
) -> None:
    steps = choice[choice.index('name="transition-steps"') :]
    assert "Step 1" not in steps and "###" not in steps
    assert "Complete th" not in steps  # no list of phases without headings
    for phase in ("purchase-the-new-subscription", "export-the-mailboxes"):
        assert f'\n<a name="{phase}"></a>' in steps
    assert '<a name="export-the-mailboxes"></a>Export the mailboxes:\n\n1. ' in steps
    shape = outline(choice)
    assert shape.anchors[-4:] == [
        "transition-steps",
        "purchase-the-new-subscription",
        "export-the-mailboxes",
        "cancel-the-retired-subscription",
    ]
    assert shape.list_items[-3:] == [3, 2, 2]  # three lists, never merged into one
    site = tmp_path / "site"
    args = ["build", "--project", str(varied.root), "--out", str(site), "--format", "html"]
    result = CliRunner().invoke(main, [*args, "--locale", "fr-FR", "--migration", "zz-choice"])
    assert result.exit_code == 0, result.output
    body = (site / "fr-FR" / "zz-choice.html").read_text(encoding="utf-8")
    assert '<p id="export-the-mailboxes"><a name="export-the-mailboxes"></a>' in body
    sxs = build_guides(varied, locales=["fr-FR"], migration_ids=["zz-choice"], fmt="sxs")
    assert outline(sxs.pages[0].text).anchors == shape.anchors


def test_a_shared_step_takes_the_parameter_given_where_it_is_used(choice: str) -> None:
    assert "1. Export every mailbox within 30 days of the purchase." in choice


def test_a_bundle_is_one_option_of_several_names(varied: Project, choice: str) -> None:
    assert "- Contoso Mail Plan 1 Basic + Contoso Archiving add-on\n" in choice
    assert "Move the customer to one of these offers:" in choice


def test_a_choice_of_endings_and_deprovisioning_after_cancelling(choice: str) -> None:
    tail = choice[choice.index('name="cancel-the-retired-subscription"') :]
    assert (
        "> The customer can also leave the retired subscription as it is: it is canceled "
        "automatically at the end of its term." in tail
    )
    assert "> A canceled subscription is de-provisioned automatically after 1 day." in tail


def test_checklist_of_a_choice_of_endings(varied: Project, tmp_path: Path) -> None:
    text = _checklist(varied, tmp_path, "CMP1-OFFER")
    assert (
        "- Recommended replacements: Contoso Mail Plan 2 and Contoso Mail Plan 1 Basic + "
        "Contoso Archiving add-on\n" in text
    )
    tasks = text[text.index("- [ ] ") :].splitlines()
    assert tasks == [
        "- [ ] Purchase the new subscription",
        "- [ ] Export the mailboxes",
        "- [ ] Once the tasks above are done, cancel the retired subscription by January 31, 2027.",
        "    - It is de-provisioned automatically 1 day after cancellation.",
        "    - The customer can also leave the retired subscription as it is: it is "
        "canceled automatically at the end of its term.",
    ]


def test_an_ending_of_its_own_accord_and_a_prose_replacement(
    varied: Project, tmp_path: Path
) -> None:
    page = _page(varied, "zz-expire")
    assert "> The retired subscription is canceled automatically at the end of its term." in page
    # a step's image: its alt text may use the step's own placeholders, as its note may
    assert "![The new order listed under **Subscriptions**.](images/azure/" in page
    text = _checklist(varied, tmp_path, "Contoso Voice")
    assert "- The customer's calls move to Contoso Voice Cloud at no extra cost.\n" in text
    assert "Replacement:" not in text  # a sentence after a label would keep its capital
    facts = text[: text.index("### Tasks")]
    assert "- The retired subscription is canceled automatically at the end of its term." in facts
    tasks = text[text.index("- [ ] ") :].splitlines()
    assert tasks == ["- [ ] Purchase the new subscription"]  # every phase, none by the deadline


def test_every_variation_builds_in_every_locale_and_checks_clean(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = add_variations(copy_project(tmp_path_factory.mktemp("every") / "project"))
    ids = sorted(p.stem for p in (FIXTURES / "migrations").glob("*.yaml"))
    assert_builds_and_checks_clean(root, ids, tmp_path_factory.mktemp("out"))


@pytest.mark.parametrize("offer", ["CMP1-OFFER", "Contoso Voice"])
def test_notes_of_an_ending_nest_under_the_last_task_in_every_parser(
    varied: Project, tmp_path: Path, offer: str
) -> None:
    text = _checklist(varied, tmp_path, offer)
    for render in (_commonmark, _gfm, _python_markdown):
        root = parse(render(text))
        lists = [lst for lst in root.iter() if lst.tag in ("ul", "ol")]
        tops = [lst for lst in lists if not any(a.tag in ("ul", "ol") for a in lst.ancestors())]
        tasks = [[_is_task(li) for li in _items(lst)] for lst in tops]
        assert all(all(t) or not any(t) for t in tasks), (render.__name__, tasks)
        nested = [lst for lst in lists if lst not in tops]
        assert len(nested) == (offer == "CMP1-OFFER"), render.__name__  # the choice only
        for lst in nested:
            holder = next(a for a in lst.ancestors() if a.tag == "li")
            assert _is_task(holder) and "cancel the retired subscription" in holder.text()
            assert len(_items(lst)) == 2  # de-provisioning, then the choice to let it expire
