"""The audit-log screen: newest first, filtered by record, action and period, loaded as it scrolls."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from consultant_app.domain import AuditEvent, Profile
from consultant_app.services.audit_log import PAGE_SIZE
from consultant_app.storage import audit
from tests.consultant_app.services import people_data as people
from ui.audit.section import AuditSection
from ui.section import Session


@pytest.fixture
def seeded(vault):
    with vault.session() as s:
        anna = people.professional(s, "Anna")
        case = people.inquiry(s, anna.id, received=datetime(2024, 3, 1, 9))
        other = people.inquiry(s, anna.id, received=datetime(2024, 3, 2, 9))
        audit.record(s, "view", "inquiry", case.id)
        audit.record(s, "print", "inquiry", other.id)
        audit.record(s, "view", "professional", anna.id)
        intake = case.contacts[0].id
    return anna.id, case, other, intake


@pytest.fixture
def section(vault, lane, qtbot, seeded):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    widget = AuditSection(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0)
    return widget


def shown(section: AuditSection) -> list[tuple[str, str, str]]:
    model = section.model
    return [tuple(model.index(r, c).data() for c in (1, 2, 3)) for r in range(model.rowCount())]


def wait_reloaded(qtbot, section: AuditSection, rows: int) -> None:
    qtbot.waitUntil(lambda: section.model.rowCount() == rows and not section.session.lane.busy)


def test_newest_first_in_danish(section):
    assert section.title() == "Revisionsspor"
    rows = shown(section)
    assert rows[0] == ("Vist", "Fagperson", "1")
    assert section.summary.text() == f"Viser {len(rows)} af {len(rows)} hændelser, nyeste først."


def test_show_record_filters_to_one_case_with_everything_in_it(qtbot, section, seeded):
    anna, case, other, intake = seeded
    section.show_record("inquiry", case.id)
    qtbot.waitUntil(
        lambda: all(r[2] != other.case_code for r in shown(section)) and not section.session.lane.busy
    )
    rows = shown(section)
    assert rows[0] == ("Vist", "Henvendelse", case.case_code)
    assert ("Oprettet", "Kontakt", str(intake)) in rows  # the intake contact is in the case
    assert all(r[1] in ("Henvendelse", "Kontakt") for r in rows)
    assert section.hint.isVisible() and "kontakter, notater" in section.hint.text()
    assert section.record_id.text() == case.case_code  # the case as the user knows it
    section.show_record("professional", anna)
    wait_reloaded(qtbot, section, 2)
    assert shown(section) == [("Vist", "Fagperson", str(anna)), ("Oprettet", "Fagperson", str(anna))]
    assert section.state() == {
        "entity": "professional",
        "record_id": str(anna),
        "action": None,
        "period": "all",
    }


def test_the_user_filters_by_typed_case_code_and_action(qtbot, section, seeded):
    _, _, other, _ = seeded
    section.entity.setCurrentIndex(section.entity.findData("inquiry"))
    qtbot.keyClicks(section.record_id, other.case_code)
    section.action.setCurrentIndex(section.action.findData("print"))
    wait_reloaded(qtbot, section, 1)
    assert shown(section) == [("Udskrevet", "Henvendelse", other.case_code)]
    section.record_id.setText("nonsense")
    qtbot.waitUntil(lambda: "hverken et id eller en sagskode" in section.hint.text())
    assert section.hint.isVisible()
    qtbot.mouseClick(section.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.model.rowCount() > 3)
    assert section.record_id.text() == "" and section.action.currentData() is None


def test_a_custom_period_shows_its_dates(qtbot, section):
    section.period.setCurrentIndex(section.period.findData("custom"))
    assert section.since.isVisible() and section.until.isVisible()
    section.period.setCurrentIndex(section.period.findData("today"))
    assert not section.since.isVisible()
    wait_reloaded(qtbot, section, section.model.rowCount())
    assert section.model.rowCount() > 0  # everything here happened today


def test_more_rows_load_as_the_user_scrolls(qtbot, vault, section):
    with vault.session() as s:
        s.execute(
            insert(AuditEvent),
            [
                {"at": datetime(2024, 1, 1), "action": "view", "entity": "note", "entity_id": n}
                for n in range(450)
            ],
        )
    section.entity.setCurrentIndex(section.entity.findData("note"))
    wait_reloaded(qtbot, section, PAGE_SIZE)
    assert section.summary.text() == f"Viser {PAGE_SIZE} af 450 hændelser, nyeste først."
    for _ in range(3):
        section.table.scrollToBottom()
        qtbot.wait(50)
        qtbot.waitUntil(lambda: not section.session.lane.busy)
    assert section.model.rowCount() == 450
    ids = [section.model.row_at(r).entity_id for r in range(450)]
    assert ids == list(range(449, -1, -1))
