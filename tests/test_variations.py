"""A definition of another shape builds as its data says: wording, dates, notes, ending.

The definition (tests/fixtures/variations/) is added to a copy of the project, as a docs
author would add it: no code or template changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sunsetkit.cli import main
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import SOURCE_LOCALE
from sunsetkit.markdown import outline

from .conftest import copy_project

FIXTURE = Path(__file__).parent / "fixtures" / "variations" / "zz-variations.yaml"


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = copy_project(tmp_path_factory.mktemp("varied") / "project")
    shutil.copy(FIXTURE, root / "content" / "migrations" / FIXTURE.name)
    return Project(root)


@pytest.fixture(scope="module")
def page(varied: Project) -> str:
    result = build_guides(varied, locales=[SOURCE_LOCALE], migration_ids=["zz-variations"])
    return result.pages[0].text


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
    assert '### <a name="cancel-the-retired-subscription"></a>C. Cancel' in page
    assert "de-provisioned" not in page  # only a suspension is de-provisioned
    assert "Offer ID" not in page and "offer ID `CCP2-OFFER`" in page


def test_checklist_ends_with_cancelling_by_the_deadline(varied: Project, tmp_path: Path) -> None:
    data = tmp_path / "c.json"
    data.write_text(
        '{"items": [{"id": "c1", "companyProfile": {"companyName": "Fabrikam"},'
        ' "billingProfile": {"culture": "en-US"}, "subscriptions": [{"id": "s1",'
        ' "offerId": "CCP2-OFFER", "quantity": 3, "commitmentEndDate": "2027-01-31"}]}]}',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "checklists",
            str(data),
            "--project",
            str(varied.root),
            "--out",
            str(out),
            "--as-of",
            "2026-11-23",
        ],
    )
    assert result.exit_code == 0, result.output
    text = next(out.glob("fabrikam-*.md")).read_text(encoding="utf-8")
    tasks = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert tasks == [
        "- [ ] Purchase the new subscription",
        "- [ ] Reassign the user licenses",
        "- [ ] Cancel the retired subscription by January 31, 2027.",
    ]
    assert "Discounted transition pricing ends: March 31, 2027" in text
    assert "Last day of support" not in text  # checklist: false
