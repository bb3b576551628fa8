"""Date fields typed into key by key, as a Danish user does: the forms Qt's sections broke."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget, QFormLayout, QLineEdit, QWidget

from tests.ui.support import activate
from ui.inquiries.filter_bar import FilterBar
from ui.widgets import DateField, DateTimeField

YEAR = date.today().year
START = QDate(2025, 1, 1)


@pytest.fixture
def window(qtbot):
    """A date field between two other fields, the way the forms hold them."""
    window = QWidget()
    layout = QFormLayout(window)
    before, after = QLineEdit(), QLineEdit()
    day, moment = DateField(), DateTimeField()
    day.setDate(START)
    moment.setDateTime(QDateTime(START, QTime(9, 15)))
    for label, widget in (("Før", before), ("Dato", day), ("Tidspunkt", moment), ("Efter", after)):
        layout.addRow(label, widget)
    window.day, window.moment, window.after = day, moment, after
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    for char in text:  # key by key: a "." must not move anywhere
        qtbot.keyClicks(field.edit, char)
    assert field.text() == text  # everything typed stayed in this one field


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.11.2026", QDate(2026, 11, 15)),
        ("15-11-2026", QDate(2026, 11, 15)),
        ("15/11/26", QDate(2026, 11, 15)),
        ("151126", QDate(2026, 11, 15)),
        ("15.11", QDate(YEAR, 11, 15)),
        ("29.02.2028", QDate(2028, 2, 29)),
    ],
)
def test_each_danish_form_typed_key_by_key_then_tab(qtbot, window, typed, expected):
    field = window.day
    type_into(qtbot, field, typed)
    with qtbot.waitSignal(field.dateChanged, timeout=2_000) as changed:
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert changed.args == [expected]
    assert window.moment.hasFocus()  # one Tab leaves the field; the calendar button is not a stop
    assert field.date() == expected
    assert field.text() == expected.toString("dd.MM.yyyy")  # shown the one way once understood
    assert not field.error.isVisible()


def test_enter_takes_the_typed_date(qtbot, window):
    type_into(qtbot, window.day, "1.2.27")
    qtbot.keyClick(window.day.edit, Qt.Key.Key_Return)
    assert window.day.date() == QDate(2027, 2, 1)
    assert window.day.text() == "01.02.2027"


def test_the_form_reads_a_typed_date_without_leaving_the_field(qtbot, window):
    type_into(qtbot, window.day, "241226")  # then Ctrl+S: the form asks for the value at once
    assert window.day.date() == QDate(2026, 12, 24)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("30.02.2026", "Datoen 30.02.2026 findes ikke: februar 2026 har 28 dage."),
        ("31.04", f"Datoen 31.04 findes ikke: april {YEAR} har 30 dage."),
        ("15.13.2026", "Måned 13 findes ikke: der er 12 måneder."),
        ("i går", "Skriv datoen som dd.mm.åååå"),
    ],
)
def test_an_impossible_date_shows_a_message_and_stays_as_typed(qtbot, window, typed, message):
    field = window.day
    type_into(qtbot, field, typed)
    with qtbot.assertNotEmitted(field.dateChanged):
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert window.moment.hasFocus()  # the user is not trapped; the message says what to fix
    assert field.error.isVisible() and field.error.text().startswith(message)
    assert field.text() == typed  # not moved to 28.02, not reset to what it was
    assert field.problem() is not None
    assert field.date() == START  # the value is the last good one, never an invented date
    assert field.text() == typed


def test_correcting_the_date_clears_the_message(qtbot, window):
    field = window.day
    type_into(qtbot, field, "30.02.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.error.isVisible()
    type_into(qtbot, field, "28.02.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert not field.error.isVisible() and field.problem() is None
    assert field.date() == QDate(2026, 2, 28)


def test_a_date_before_the_earliest_is_refused_not_moved_up(qtbot, window):
    field = window.day
    field.setMinimumDate(QDate(2026, 6, 1))
    type_into(qtbot, field, "31.05.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.error.text() == "Datoen skal være 01.06.2026 eller senere."
    assert field.text() == "31.05.2026" and field.date() == START


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.11.2026 14:30", QDateTime(QDate(2026, 11, 15), QTime(14, 30))),
        ("15/11/26 1430", QDateTime(QDate(2026, 11, 15), QTime(14, 30))),
        ("15.11", QDateTime(QDate(YEAR, 11, 15), QTime(9, 15))),  # the time it had is kept
    ],
)
def test_a_date_and_time_typed_key_by_key(qtbot, window, typed, expected):
    field = window.moment
    type_into(qtbot, field, typed)
    with qtbot.waitSignal(field.dateTimeChanged, timeout=2_000):
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert window.after.hasFocus()
    assert field.dateTime() == expected


def test_an_impossible_time_stays_as_typed(qtbot, window):
    field = window.moment
    type_into(qtbot, field, "15.11.2026 25:00")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.error.text() == "Klokkeslættet 25:00 findes ikke."
    assert field.text() == "15.11.2026 25:00"
    assert field.dateTime() == QDateTime(START, QTime(9, 15))


def test_the_calendar_still_chooses_a_date(qtbot, window):
    field = window.day
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        calendar = popup.findChild(QCalendarWidget)
        assert calendar.selectedDate() == START  # opens on the field's date
        calendar.clicked.emit(QDate(2025, 1, 20))

    QTimer.singleShot(200, choose)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.date() == QDate(2025, 1, 20) and field.text() == "20.01.2025"
    assert field.hasFocus()


def test_a_screenshot_of_the_message(qtbot, window, tmp_path):
    type_into(qtbot, window.day, "30.02.2026")
    qtbot.keyClick(window.day.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(window.day.error.isVisible)
    picture = tmp_path / "date_error.png"  # looked at by hand: message in red under the field
    assert window.grab().save(str(picture))
    assert picture.stat().st_size > 0


def test_the_list_filters_period_is_typed_the_same_way(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    activate(qtbot, bar)
    bar.period.setCurrentIndex(bar.period.findData("custom"))
    type_into(qtbot, bar.date_from, "1.1.26")
    with qtbot.waitSignal(bar.changed, timeout=2_000):
        qtbot.keyClick(bar.date_from.edit, Qt.Key.Key_Tab)
    assert bar.date_to.hasFocus()
    assert bar.current_filter().received_from == date(2026, 1, 1)


def test_up_and_down_move_a_day_but_not_out_of_range(qtbot, window):
    field = window.day
    field.setMinimumDate(QDate(2024, 12, 31))
    type_into(qtbot, field, "1.1.25")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.date() == QDate(2025, 1, 2)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)  # the earliest date stops it
    assert field.date() == QDate(2024, 12, 31) and field.text() == "31.12.2024"
    type_into(qtbot, field, "30.02.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)  # not from a date that does not exist
    assert field.text() == "30.02.2026" and field.error.isVisible()
