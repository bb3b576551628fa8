"""The inquiry list's filters: free text, period, status, kind, region, municipality, reason,
inquirer, age, trip.

A choice applies at once; typing applies after a short pause, so a fast typist starts one
query, not one per letter. `active_filters` says in words what narrows the list (the chips
and the empty-list text show it), and `clear_filter` takes one back.
"""

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from consultant_app.codes import load_codes
from consultant_app.services.inquiry_list import InquiryFilter
from ui.date_fields import DateField
from ui.inquiries.filter_chips import ActiveFilter
from ui.labels import from_qdate, region_short, short_date, trip_short
from ui.widgets import CODE_ROLE, CodeCombo

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


class MunicipalityCombo(QComboBox):
    """One of the 98 municipalities by name, or none; only the chosen region's when there is one."""

    def __init__(self, optional: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_region(None)

    def set_region(self, region: str | None) -> None:
        """List the region's municipalities; a chosen one of another region is let go."""
        kept = self.code()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self._optional, None)
            municipalities = sorted(load_codes().municipalities, key=lambda m: m.name.casefold())
            for m in municipalities:
                if region is None or m.region == region:
                    self.addItem(m.name, m.code)
            self.setCurrentIndex(max(self.findData(kept, CODE_ROLE), 0) if kept else 0)
        finally:
            self.blockSignals(False)

    def code(self) -> str | None:
        return self.currentData(CODE_ROLE) if self.currentIndex() >= 0 else None

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(code, CODE_ROLE), 0) if code else 0)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchField()
        self.search.setPlaceholderText(
            self.tr("Notes, professional, citizen, reason, case code or reference")
        )
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
        for period, name in zip(PERIODS, names, strict=True):
            self.period.addItem(name, period)
        self.date_from, self.date_to = DateField(), DateField()
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.date_to.setDate(QDate.currentDate())
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.changed)
        self.status = QComboBox()
        statuses: tuple[tuple[str | None, str], ...] = (
            (None, self.tr("Open and closed")),
            ("open", self.tr("Open")),
            ("closed", self.tr("Closed")),
        )
        for key, name in statuses:
            self.status.addItem(name, key)
        self.kind = CodeCombo("kind", "", optional=self.tr("All kinds"))
        self.region = CodeCombo("region", "", optional=self.tr("All regions"))
        self.municipality = MunicipalityCombo(self.tr("All municipalities"))
        self.reason = CodeCombo("reason", "", optional=self.tr("All reasons"))
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
            "reason": self.reason,
            "inquirer_type": self.inquirer,
            "age_group": self.age,
            "trip_concern": self.trip,
        }
        self.captions = {
            "text": self.tr("Search"),
            "period": self.tr("Period"),
            "status": self.tr("Status"),
            "kind": self.tr("Kind"),
            "region": self.tr("Region"),
            "municipality": self.tr("Municipality"),
            "reason": self.tr("Reason"),
            "inquirer_type": self.tr("Inquirer"),
            "age_group": self.tr("Age"),
            "trip_concern": self.tr("Trip status"),
        }
        self._combos: dict[str, QComboBox] = {
            "status": self.status,
            **self._code_combos,
            "municipality": self.municipality,
        }
        for key, combo in self._combos.items():
            combo.setAccessibleName(self.captions[key])
        self.region.currentIndexChanged.connect(self._region_changed)
        for combo in self._combos.values():
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
        first.addWidget(self.status)
        second = QHBoxLayout()
        for combo in self.second_row():
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
            *pairwise(self.second_row()),
        ):
            QWidget.setTabOrder(first_widget, second_widget)

    def second_row(self) -> tuple[QComboBox, ...]:
        return (self.kind, self.region, self.municipality, self.reason, self.inquirer, self.age, self.trip)

    @property
    def last(self) -> QWidget:
        """The last filter in the tab chain."""
        return self.trip

    def _region_changed(self) -> None:
        # Signals held: the region's own change starts the one query.
        self.municipality.set_region(self.region.code())

    def _apply_now(self) -> None:
        self._typing.stop()
        self.changed.emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.changed.emit()

    def current_filter(self, today: date | None = None) -> InquiryFilter:
        start, end = self._period(today)
        return InquiryFilter(
            received_from=start,
            received_to=end,
            status=self.status.currentData(CODE_ROLE),
            municipality=self.municipality.code(),
            text=self.search.text(),
            **{name: combo.code() for name, combo in self._code_combos.items()},
        )

    def _period(self, today: date | None = None) -> tuple[date | None, date | None]:
        period = self.period.currentData()
        if period == "custom":
            return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        return period_range(period, today or date.today())

    # --- what narrows the list, in words ---------------------------------------------------

    def active_filters(self) -> list[ActiveFilter]:
        """Every filter that narrows the list, in the order the bar shows them."""
        found: list[ActiveFilter] = []
        if self.search.text().strip():
            found.append(ActiveFilter("text", self.captions["text"], f"“{self.search.text().strip()}”"))
        if self.period.currentData() == "custom":
            start, end = self._period()
            found.append(
                ActiveFilter("period", self.captions["period"], f"{short_date(start)} – {short_date(end)}")
            )
        elif self.period.currentData() != "all":
            found.append(ActiveFilter("period", self.captions["period"], self.period.currentText()))
        for key, combo in self._combos.items():
            if combo.currentIndex() > 0:  # the first entry of each is "all"
                value = combo.currentText()
                if key == "region":  # "Region: Hovedstaden", not "Region: Region Hovedstaden"
                    value = region_short(str(combo.currentData(CODE_ROLE)))
                found.append(ActiveFilter(key, self.captions[key], value))
        order = ["text", "period", "status", *(k for k, _ in self._second_keys())]
        return sorted(found, key=lambda f: order.index(f.key))

    def _second_keys(self) -> list[tuple[str, QComboBox]]:
        by_widget = {id(combo): key for key, combo in self._combos.items()}
        return [(by_widget[id(combo)], combo) for combo in self.second_row()]

    def clear_filter(self, key: str) -> None:
        """Take one filter back (one query follows)."""
        self._clear(key)
        self._apply_now()

    def clear_all(self) -> None:
        for found in self.active_filters():
            self._clear(found.key)
        self._apply_now()

    def _clear(self, key: str) -> None:
        self.blockSignals(True)
        try:
            if key == "text":
                self.search.clear()
            elif key == "period":
                self.period.setCurrentIndex(0)
            else:
                self._combos[key].setCurrentIndex(0)
        finally:
            self.blockSignals(False)

    # --- where the user is (codes and dates only: the search text may name a person) ---------

    def state(self) -> dict:
        return {
            "period": self.period.currentData(),
            "from": self.date_from.date().toString(Qt.DateFormat.ISODate),
            "to": self.date_to.date().toString(Qt.DateFormat.ISODate),
            "status": self.status.currentData(),
            "municipality": self.municipality.code(),
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
            self.municipality.set_region(self.region.code())
            self.municipality.set_code(state.get("municipality"))
        finally:
            self.blockSignals(False)
