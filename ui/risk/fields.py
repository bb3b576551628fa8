"""The small inputs of the assessment editor: a rating, an optional date (the list of measures is
in ui/risk/measures.py).

Field names come from the core's risk texts (consultant_app/risk/texts.py) where it has them,
so a field is called the same on screen and on the printout.
"""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QWidget,
)

from ui.date_fields import DateField
from ui.labels import from_qdate, label, to_qdate
from ui.widgets import CODE_ROLE


class CodeChoice(QComboBox):
    """One code of `codes` (labels from code list `list_name`), or none: the first entry, "–"."""

    changed = Signal()

    def __init__(self, list_name: str, codes: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("–", None)
        for code in codes:
            self.addItem(label(list_name, code), code)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def code(self) -> str | None:
        return self.currentData(CODE_ROLE)

    def set_code(self, code: str | None) -> None:
        found = self.findData(code, CODE_ROLE) if code is not None else 0
        self.setCurrentIndex(max(found, 0))


def level_choice(parent: QWidget | None = None) -> CodeChoice:
    return CodeChoice("risk_level", ("lav", "moderat", "hoej"), parent)


class OptionalDate(QWidget):
    """A date that may be left out: a check box turns the date on."""

    def __init__(self, caption: str, name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(caption)
        self.date = DateField()
        self.date.setAccessibleName(name or caption)  # what the date is, when the box only says "Set"
        self.date.setDate(QDate.currentDate())
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.date)
        row.addStretch()
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return from_qdate(self.date.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        self.date.setDate(to_qdate(day) if day else QDate.currentDate())

    def set_editable(self, enabled: bool) -> None:
        self.check.setEnabled(enabled)
        self.date.setEnabled(enabled and self.check.isChecked())
