"""The controls the statistics screen and the team report share: a range of months, and the
export row (formats, small-cell protection, and the plain warning that files are not encrypted)."""

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.counts.months import month_of
from ui.widgets import StatusLine

EXPORT_FORMATS = ("xlsx", "csv", "pdf")
TYPING_REST_MS = 300


def this_year_so_far(today: date | None = None) -> tuple[str, str]:
    today = today or date.today()
    return f"{today.year:04d}-01", month_of(today)


class MonthEdit(QDateEdit):
    """A month ("mar. 2025"); Tab leaves the field, the arrows change the month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("MMM yyyy")
        self.setCalendarPopup(False)
        self.setMinimumDate(QDate(1990, 1, 1))
        self.setCurrentSection(QDateEdit.Section.MonthSection)

    def month(self) -> str:
        value = self.date()
        return f"{value.year():04d}-{value.month():02d}"

    def set_month(self, month: str) -> None:
        self.setDate(QDate(int(month[:4]), int(month[5:7]), 1))

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class MonthRange(QWidget):
    """From month – to month. `changed` once the user has stopped changing it for a moment."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.last = MonthEdit(), MonthEdit()
        self.first.setAccessibleName(self.tr("First month"))
        self.last.setAccessibleName(self.tr("Last month"))
        self._rest = QTimer(self, singleShot=True, interval=TYPING_REST_MS)
        self._rest.timeout.connect(self.changed)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._rest.start)
        self.this_year = QPushButton(self.tr("This &year"))
        self.this_year.clicked.connect(lambda: self.set_months(*this_year_so_far()))
        self.last_year = QPushButton(self.tr("&Last year"))
        self.last_year.clicked.connect(self._previous_year)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Period:"))
        caption.setBuddy(self.first)
        row.addWidget(caption)
        row.addWidget(self.first)
        row.addWidget(QLabel("–"))
        row.addWidget(self.last)
        row.addWidget(self.this_year)
        row.addWidget(self.last_year)
        row.addStretch()
        self.set_months(*this_year_so_far(), notify=False)

    def months(self) -> tuple[str, str]:
        return self.first.month(), self.last.month()

    def valid(self) -> bool:
        first, last = self.months()
        return first <= last

    def set_months(self, first: str, last: str, *, notify: bool = True) -> None:
        for edit, month in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.set_month(month)
            edit.blockSignals(False)
        if notify:
            self._rest.stop()
            self.changed.emit()

    def _previous_year(self) -> None:
        year = date.today().year - 1
        self.set_months(f"{year:04d}-01", f"{year:04d}-12")


class ExportRow(QWidget):
    """XLSX / CSV / PDF buttons, "protect small cells", and what the user must know about the file."""

    export_requested = Signal(str)  # the format

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts = {
            "xlsx": self.tr("Export &XLSX…"),
            "csv": self.tr("Export &CSV…"),
            "pdf": self.tr("Export P&DF…"),
        }
        self.buttons: dict[str, QPushButton] = {}
        for fmt in EXPORT_FORMATS:
            button = QPushButton(texts[fmt])
            button.clicked.connect(lambda _checked=False, fmt=fmt: self.export_requested.emit(fmt))
            self.buttons[fmt] = button
        self.protect = QCheckBox(self.tr("Protect small &numbers (<5)"))
        self.protect.setToolTip(
            self.tr(
                "For files that leave the team: figures from 1 to 4 are shown as “<5”, and enough other "
                "figures are hidden that they cannot be worked out from the totals."
            )
        )
        self.warning = QLabel(
            self.tr(
                "Exported files are <b>not encrypted</b>. They hold counts only (nothing about any person); "
                "keep and share them with care."
            )
        )
        self.warning.setWordWrap(True)
        self.status = StatusLine(collapse=True)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons.values():
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.protect)
        buttons.addSpacing(12)
        buttons.addWidget(self.warning, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.status)

    def protected(self) -> bool:
        return self.protect.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)


def file_filter(fmt: str) -> str:
    return {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}[fmt]
