"""The inquiry list's filters: free text, period, status, kind, region, inquirer, age, trip.

A choice applies at once; typing applies after a short pause, so a fast typist starts one
query, not one per letter.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from consultant_app.services.inquiry_list import InquiryFilter
from ui.labels import from_qdate, trip_short
from ui.widgets import CODE_ROLE, CodeCombo, DateField

TYPING_PAUSE_MS = 250
PERIODS = ("all", "this_month", "last_month", "this_year", "last_year", "last_12_months", "custom")


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    first_of_month = today.replace(day=1)
    if period == "this_month":
        return first_of_month, today
    if period == "last_month":
        last = first_of_month - timedelta(days=1)
        return last.replace(day=1), last
    if period == "this_year":
        return today.replace(month=1, day=1), today
    if period == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if period == "last_12_months":
        return (first_of_month - timedelta(days=335)).replace(day=1), today
    return None, None


class SearchField(QLineEdit):
    """Down arrow goes on to the results (`to_results`)."""

    to_results = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and not self.completer():
            self.to_results.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchField()
        self.search.setPlaceholderText(self.tr("Notes, professional, citizen, case code or reference"))
        self.search.setClearButtonEnabled(True)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._apply_now)

        self.period = QComboBox()
        names = (
            self.tr("Any time"),
            self.tr("This month"),
            self.tr("Last month"),
            self.tr("This year"),
            self.tr("Last year"),
            self.tr("Last 12 months"),
            self.tr("From – to"),
        )
        for key, name in zip(PERIODS, names, strict=True):
            self.period.addItem(name, key)
        self.date_from, self.date_to = DateField(), DateField()
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.date_to.setDate(QDate.currentDate())
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.changed)
        self.status = QComboBox()
        for key, name in (
            (None, self.tr("Open and closed")),
            ("open", self.tr("Open")),
            ("closed", self.tr("Closed")),
        ):
            self.status.addItem(name, key)
        self.kind = CodeCombo("kind", "", optional=self.tr("All kinds"))
        self.region = CodeCombo("region", "", optional=self.tr("All regions"))
        self.inquirer = CodeCombo("inquirer_type", "", optional=self.tr("All inquirers"))
        self.age = CodeCombo("age_group", "", optional=self.tr("All ages"))
        self.trip = CodeCombo("trip_concern", "", optional=self.tr("Any trip status"))
        for index in range(1, self.trip.count()):  # the full labels are sentences: short ones here
            code = self.trip.itemData(index, CODE_ROLE)
            self.trip.setItemData(index, self.trip.itemText(index), Qt.ItemDataRole.ToolTipRole)
            self.trip.setItemText(index, trip_short(code))
        self._code_combos = {
            "kind": self.kind,
            "region": self.region,
            "inquirer_type": self.inquirer,
            "age_group": self.age,
            "trip_concern": self.trip,
        }
        for combo in (self.status, *self._code_combos.values()):
            combo.setCurrentIndex(0)
            combo.currentIndexChanged.connect(self.changed)
        self.period.currentIndexChanged.connect(self._period_changed)
        self._period_changed()

        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        first = QHBoxLayout()
        first.addWidget(search_label)
        first.addWidget(self.search, 1)
        first.addWidget(period_label)
        first.addWidget(self.period)
        first.addWidget(self.date_from)
        first.addWidget(self.date_to)
        second = QHBoxLayout()
        for combo in (self.status, self.kind, self.region, self.inquirer, self.age, self.trip):
            combo.setMinimumContentsLength(8)  # they share the width; a long label is elided
            second.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        for first_widget, second_widget in (
            (self.search, self.period),
            (self.period, self.date_from),
            (self.date_from, self.date_to),
            (self.date_to, self.status),
            (self.status, self.kind),
            (self.kind, self.region),
            (self.region, self.inquirer),
            (self.inquirer, self.age),
            (self.age, self.trip),
        ):
            QWidget.setTabOrder(first_widget, second_widget)

    def _apply_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.changed.emit()

    def current_filter(self, today: date | None = None) -> InquiryFilter:
        period = self.period.currentData()
        if period == "custom":
            start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        else:
            start, end = period_range(period, today or date.today())
        return InquiryFilter(
            received_from=start,
            received_to=end,
            status=self.status.currentData(CODE_ROLE),
            text=self.search.text(),
            **{name: combo.code() for name, combo in self._code_combos.items()},
        )

    # --- where the user is (codes and dates only: the search text may name a person) ---------

    def state(self) -> dict:
        return {
            "period": self.period.currentData(),
            "from": self.date_from.date().toString(Qt.DateFormat.ISODate),
            "to": self.date_to.date().toString(Qt.DateFormat.ISODate),
            "status": self.status.currentData(),
            **{name: combo.code() for name, combo in self._code_combos.items()},
        }

    def restore(self, state: dict) -> None:
        self.blockSignals(True)
        try:
            self.period.setCurrentIndex(max(self.period.findData(state.get("period", "all")), 0))
            for key, edit in (("from", self.date_from), ("to", self.date_to)):
                if state.get(key):
                    edit.setDate(QDate.fromString(state[key], Qt.DateFormat.ISODate))
            self.status.setCurrentIndex(max(self.status.findData(state.get("status")), 0))
            for name, combo in self._code_combos.items():
                combo.set_code(state.get(name))
                if combo.currentIndex() < 0:
                    combo.setCurrentIndex(0)
        finally:
            self.blockSignals(False)
