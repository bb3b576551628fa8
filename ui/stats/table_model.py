"""A `CountTable` in a view: figures right-aligned with the locale's thousands separator, shares
as per cent, totals in bold. Knows nothing of the vault, so it is tested on its own."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ui.stats.tables import CountTable

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def figure_text(value: int | float | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{QLocale().toString(value, 'f', 1)} %"
    return QLocale().toString(value)


class CountTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = CountTable("", [], [], [])
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: CountTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.table.corner if section == 0 else self.table.columns[section - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self.table.rows[row]
            return figure_text(self.table.values[row][column - 1])
        if role == Qt.ItemDataRole.UserRole:  # the figure itself
            return self.table.values[row][column - 1] if column else self.table.rows[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and self._is_total(row, column):
            return self._bold
        return None

    def _is_total(self, row: int, column: int) -> bool:
        last_row = self.table.total_row and row == len(self.table.rows) - 1
        last_column = self.table.total_column and column == len(self.table.columns)
        return last_row or last_column
