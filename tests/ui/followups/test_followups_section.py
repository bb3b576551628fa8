"""The Opfølgning screen on a real vault: done and snooze move rows between the groups, a
follow-up is added on a case code, the calendar export holds the case code and never the note,
and the reminder shows a banner where there is no system tray."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow

from consultant_app.domain import Profile
from consultant_app.followups import add_follow_up
from tests.ui.support import flush_deletions, seed_case
from ui.followups.dialogs import FollowUpDialog, SnoozeDialog
from ui.followups.reminder import FollowUpReminder
from ui.followups.section import FollowUpsSection
from ui.labels import to_qdate
from ui.section import Session

SECRET = "Ring til moster om Amira"  # a note: never in the calendar file


@pytest.fixture
def seeded(vault):
    case = seed_case(vault)
    today = date.today()
    with vault.session() as s:
        late = add_follow_up(s, case.id, "opkald", today - timedelta(days=2), SECRET)
        now = add_follow_up(s, case.id, "moede", today)
        later = add_follow_up(s, case.id, "koordinering", today + timedelta(days=5))
    return case, {"late": late, "now": now, "later": later}


@pytest.fixture
def section(vault, lane, qtbot, seeded):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    widget = FollowUpsSection(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.data is not None)
    yield widget
    widget.hide()
    flush_deletions()


def reload(qtbot, section):
    section.data = None
    section.activate()
    qtbot.waitUntil(lambda: section.data is not None)


def test_groups_and_space_marks_done(qtbot, section, seeded):
    _case, rows = seeded
    assert section.group_of(rows["late"].id) == "overdue"
    assert section.group_of(rows["now"].id) == "due_today"
    assert section.group_of(rows["later"].id) == "upcoming"
    assert section.tree.topLevelItem(0).text(0) == "Forfaldne (1)"
    section.select(rows["now"].id)
    section.tree.setFocus()
    section.data = None
    qtbot.keyClick(section.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: section.data is not None)
    assert section.group_of(rows["now"].id) is None  # done: off the lists
    assert "Udført" in section.status.text()


def test_snooze_moves_to_snoozed_and_back(qtbot, section, seeded):
    _case, rows = seeded
    section.select(rows["late"].id)
    section.snooze_selected()
    dialog = section.dialog
    assert isinstance(dialog, SnoozeDialog)
    dialog.until.setDate(to_qdate(date.today() + timedelta(days=3)))
    section.data = None
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: section.data is not None)
    assert section.group_of(rows["late"].id) == "snoozed"
    section.select(rows["late"].id)
    assert section.unsnooze_button.isEnabled()
    section.data = None
    section.unsnooze_button.click()
    qtbot.waitUntil(lambda: section.data is not None)
    assert section.group_of(rows["late"].id) == "overdue"


def test_add_on_case_code_and_refuse_unknown(qtbot, section, seeded):
    case, _rows = seeded
    section.add()
    dialog = section.dialog
    assert isinstance(dialog, FollowUpDialog)
    dialog.case.setText("1999-99999")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["case"].isVisible())
    assert "Ingen sag har koden" in dialog.errors["case"].text()
    dialog.case.setText(case.case_code)
    assert dialog.errors["case"].isHidden()  # changing the field answers its problem (#14.6)
    dialog.type.set_code("revurdering")
    dialog.due.setDate(to_qdate(date.today() + timedelta(days=1)))
    section.data = None
    dialog.save()
    qtbot.waitUntil(lambda: section.data is not None)
    assert [r.type for r in section.data.upcoming] == ["revurdering", "koordinering"]


def test_a_typed_impossible_due_date_is_not_saved(qtbot, section, seeded):
    case, _rows = seeded
    section.add()
    dialog = section.dialog
    dialog.case.setText(case.case_code)
    dialog.type.set_code("revurdering")
    dialog.due.edit.setText("31.04.2099")
    section.data = None
    dialog.save()
    assert dialog.due.error.text() == "Datoen 31.04.2099 findes ikke: april 2099 har 30 dage."
    assert dialog.due.text() == "31.04.2099" and dialog.isVisible()
    qtbot.wait(300)
    assert section.data is None  # nothing was stored, so nothing reloaded
    dialog.due.edit.setText("30.04.2099")
    dialog.save()
    qtbot.waitUntil(lambda: section.data is not None)
    assert date(2099, 4, 30) in [r.due_on for r in section.data.upcoming]


def test_open_case(qtbot, section, seeded):
    case, rows = seeded
    section.select(rows["later"].id)
    with qtbot.waitSignal(section.open_case) as opened:
        qtbot.keyClick(section.tree, Qt.Key.Key_Return)
    assert opened.args == [case.id]


def test_calendar_export_holds_case_code_not_note(qtbot, section, seeded, tmp_path, monkeypatch):
    case, rows = seeded
    target = tmp_path / "kalender.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    section.select(rows["late"].id)
    section.export_selected()
    qtbot.waitUntil(lambda: target.exists() and "kalender.ics" in section.status.text())
    text = target.read_text("utf-8")
    assert case.case_code in text
    assert SECRET not in text and "Amira" not in text
    assert text.count("BEGIN:VEVENT") == 1


def test_reminder_banner_without_tray(qtbot, vault, lane, seeded):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    window = QMainWindow()
    qtbot.addWidget(window)
    reminder = FollowUpReminder(Session(vault, profile, lane), window, tray=False)
    qtbot.waitUntil(lambda: reminder.banner is not None)
    assert reminder.last_message == "Opfølgninger: 1 forfaldne, 1 i dag."
    assert "Amira" not in reminder.banner_text.text()
    with qtbot.waitSignal(reminder.open_requested):
        reminder._open()
    assert reminder.timer.interval() == 60 * 60 * 1000
