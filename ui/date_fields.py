"""Date fields that take what a Danish user types: 15.11.2026, 15-11-2026, 15/11/26, 151126, 15.11.

Qt's QDateEdit is a row of sections: a typed "." jumps to the next section and the rest of the
text lands in the wrong one, and 30.02 is quietly turned into 28.02. These fields are a plain line
edit instead; the text is read by the core's rule (consultant_app.danish_dates) when the user
leaves the field or presses Enter, or when the form asks for the value. A date that does not exist
is refused with a message below the field and the text stays as typed, so the user can see and
correct it; the value stays the last good one until then. The calendar button is still there.

They keep the part of QDateEdit's interface the forms use (date/setDate/dateChanged,
dateTime/setDateTime/dateTimeChanged, setMinimumDate, setCalendarPopup), so no form changed.
"""

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from consultant_app.danish_dates import DanishDateError, check_range, danish, parse_danish_datetime
from consultant_app.i18n import Text
from ui.widgets import ErrorLabel, name_from

# In the core's two-language form rather than tr(): the field's words sit next to the rule's.
CALENDAR_HINT = Text(da="Vælg i en kalender (Alt+Pil ned)", en="Choose in a calendar (Alt+Down)")


class _TypedDate(QWidget):
    """The shared part: a line edit, a calendar button and the field's own error line.

    `_moment` is the value: the last date (and time) that was typed or set and exists."""

    _with_time = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moment = datetime.combine(date.today(), time(0, 0))
        self._earliest: date | None = None
        self._latest: date | None = None
        self._problem: str | None = None

        self.edit = QLineEdit(self)
        self.edit.setMaxLength(40)  # a date and a time are never longer; a paste is not a document
        self.edit.editingFinished.connect(self.interpret)
        self.edit.installEventFilter(self)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(CALENDAR_HINT.render())
        self.calendar_button.setToolTip(CALENDAR_HINT.render())
        # Not in the Tab chain: Tab leaves the field in one press; Alt+Down opens the calendar.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.error = ErrorLabel(self)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)  # the label's mnemonic, setFocus and hasFocus mean the text
        # A label's Alt+letter focuses its buddy only if the buddy takes focus: the field does,
        # through its text.
        self.setFocusPolicy(self.edit.focusPolicy())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._show_value()

    def showEvent(self, event: QShowEvent) -> None:
        # Qt names a field after the label whose buddy it is only when both share a parent; the
        # text sits inside this field, so it takes its label's name itself (unless given one).
        if not self.edit.accessibleName():
            label = next((lb for lb in self.window().findChildren(QLabel) if lb.buddy() is self), None)
            if label is not None:
                name_from(label)
        super().showEvent(event)

    # --- reading what was typed ---------------------------------------------------------------

    def interpret(self) -> bool:
        """Reads the text; True when it is a date that exists (and is now the value)."""
        typed = self.edit.text()
        try:
            moment = parse_danish_datetime(typed, date.today(), self._moment.time())
            if not self._with_time:
                moment = datetime.combine(moment.date(), time(0, 0))
            check_range(typed.strip(), moment.date(), self._earliest, self._latest)
        except DanishDateError as refused:
            self._refuse(refused.message())
            return False
        self._set_moment(moment)
        return True

    def problem(self) -> str | None:
        """Why the text is not a date, after reading it; None when it is one."""
        self.interpret()
        return self._problem

    def text(self) -> str:
        return self.edit.text()

    def _refuse(self, message: str) -> None:
        self._problem = message
        self.error.show_message(message)
        self.edit.setAccessibleDescription(message)
        QAccessible.updateAccessibility(QAccessibleEvent(self.error, QAccessible.Event.Alert))

    def _set_moment(self, moment: datetime) -> None:
        changed = moment != self._moment
        self._moment = moment
        self._problem = None
        self.error.show_message(None)
        self.edit.setAccessibleDescription("")
        self._show_value()
        if changed:
            self._emit_changed()

    def _show_value(self) -> None:
        text = danish(self._moment.date())
        if self._with_time:
            text += f" {self._moment.hour:02d}:{self._moment.minute:02d}"
        if self.edit.text() != text:
            self.edit.setText(text)

    def _emit_changed(self) -> None:
        raise NotImplementedError

    # --- range, calendar, keys ------------------------------------------------------------------

    def setMinimumDate(self, earliest: QDate) -> None:
        self._earliest = date(*earliest.getDate())

    def setMaximumDate(self, latest: QDate) -> None:
        self._latest = date(*latest.getDate())

    def minimumDate(self) -> QDate:
        return _qdate(self._earliest) if self._earliest else QDate()

    def setCalendarPopup(self, enable: bool) -> None:
        self.calendar_button.setVisible(enable)

    def setAccessibleName(self, name: str) -> None:  # the text is what a screen reader lands on
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        if self._earliest:
            calendar.setMinimumDate(_qdate(self._earliest))
        if self._latest:
            calendar.setMaximumDate(_qdate(self._latest))
        calendar.setSelectedDate(_qdate(self._moment.date()))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self._set_moment(datetime.combine(date(*day.getDate()), self._moment.time()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.aboutToShow.connect(calendar.setFocus)
        menu.exec(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        menu.deleteLater()
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if (alt_down or event.key() == Qt.Key.Key_F4) and self.calendar_button.isVisible():
                self.show_calendar()
                return True
            steps: dict[int, int] = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}  # key() is an int
            if event.key() in steps and not alt_down:
                self._step(steps[event.key()])
                return True
        return super().eventFilter(watched, event)

    def _step(self, days: int) -> None:
        """Up and Down move a day, as in Qt's date fields; only from a date that exists, and
        never out of the field's range (the key does nothing there)."""
        if not self.interpret():
            return
        moment = self._moment + timedelta(days=days)
        if (self._earliest and moment.date() < self._earliest) or (
            self._latest and moment.date() > self._latest
        ):
            return
        self._set_moment(moment)


class DateField(_TypedDate):
    """A date."""

    dateChanged = Signal(QDate)

    def date(self) -> QDate:
        self.interpret()  # Enter or Ctrl+S straight after typing: the typed date counts
        return _qdate(self._moment.date())

    def setDate(self, day: QDate) -> None:
        self._set_moment(datetime.combine(date(*day.getDate()), time(0, 0)))

    def _emit_changed(self) -> None:
        self.dateChanged.emit(_qdate(self._moment.date()))


class DateTimeField(_TypedDate):
    """A date and a time: "15.11.2026 14:30"; without a time the one shown is kept."""

    _with_time = True
    dateTimeChanged = Signal(QDateTime)

    def dateTime(self) -> QDateTime:
        self.interpret()
        return _qdatetime(self._moment)

    def setDateTime(self, moment: QDateTime) -> None:
        day, clock = moment.date(), moment.time()
        self._set_moment(datetime(*day.getDate(), clock.hour(), clock.minute()))

    def date(self) -> QDate:
        return self.dateTime().date()

    def _emit_changed(self) -> None:
        self.dateTimeChanged.emit(_qdatetime(self._moment))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(_qdate(moment.date()), QTime(moment.hour, moment.minute))


def refuse_typed_dates(container: QWidget) -> bool:
    """True, with the keyboard in the first such field, when a date field of `container` holds
    text that is no date. A save stops here: the field's value is still the last good date, and
    storing that would store a date the user has just typed over."""
    for field in container.findChildren(_TypedDate):
        if field.isEnabled() and field.isVisibleTo(container) and field.problem() is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
    return False
