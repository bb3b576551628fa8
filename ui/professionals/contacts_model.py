"""Every contact with one professional, newest first: when, how, and in which case."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from consultant_app.services.professional_directory import ContactRow
from ui.labels import label, short_datetime

INQUIRY_ROLE = Qt.ItemDataRole.UserRole  # the inquiry id, or None for a contact outside a case

Index = QModelIndex | QPersistentModelIndex


class ContactTableModel(QAbstractTableModel):
    WHEN, CHANNEL, CASE, WHAT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []
        self._headers = (self.tr("Date"), self.tr("Channel"), self.tr("Case"), self.tr("Kind"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == INQUIRY_ROLE:
            return row.inquiry_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.inquiry_id is None:
                return self.tr("This contact is not part of a case.")
            return self.tr("Double-click to open case {case}.").format(case=row.case_code)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WHEN:
            return short_datetime(row.occurred_at)
        if column == self.CHANNEL:
            return label("channel", row.channel)
        if column == self.CASE:
            return row.case_code or self.tr("(no case)")
        return self.tr("Inquiry received") if row.is_intake else self.tr("Contact")

    def set_rows(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ContactRow:
        return self._rows[row]
