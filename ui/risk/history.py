"""The history of a case's assessments with one instrument, oldest first, each with what changed
since the one before; the one being edited in bold. Enter or a double click opens one."""

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QWidget

from consultant_app.risk import HistoryEntry
from ui.risk.texts import change_lines, row_summary
from ui.table_model import Column, RecordTableModel

ID_ROLE = Qt.ItemDataRole.UserRole


class HistoryModel(RecordTableModel[HistoryEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.current: int | None = None  # the assessment being edited
        self._bold = QFont()
        self._bold.setBold(True)
        self.columns = (Column(self.tr("History"), self._text, font=self._font),)

    def set_history(self, entries: list[HistoryEntry], current: int | None) -> None:
        self.current = current
        self.set_rows(entries)

    def _text(self, entry: HistoryEntry) -> str:
        row = entry.assessment
        text = self.tr("No. {id}").format(id=row.id) + f" · {row_summary(row)}"
        if row.id == self.current:
            text += " " + self.tr("(this one)")
        if entry.changes is not None:
            text += "\n" + "\n".join(f"   – {line}" for line in change_lines(entry.changes))
        return text

    def _font(self, entry: HistoryEntry) -> QFont | None:
        return self._bold if entry.assessment.id == self.current else None

    def role_data(self, row: HistoryEntry, column: int, role: int) -> object:
        return row.assessment.id if role == ID_ROLE else None


class HistoryList(QListView):
    opened = Signal(int)  # the assessment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = HistoryModel(self)
        self.setModel(self.entries)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("History"))
        self.activated.connect(self._activated)

    def set_history(self, entries: list[HistoryEntry], current: int | None) -> None:
        self.entries.set_history(entries, current)
        # As high as its rows (within reason): the editor scrolls as a whole, not this list.
        rows = sum(self.sizeHintForRow(n) for n in range(self.entries.rowCount()))
        self.setFixedHeight(min(max(rows + 8, 60), 320))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.opened.emit(self.entries.row_at(index.row()).assessment.id)
