"""The audit log as a table that loads itself a page at a time as the user scrolls.

Qt asks `canFetchMore`/`fetchMore` when the view nears the end; the model then asks for the next
page with `more_wanted(before_id)` and the screen answers, later, with `append_rows`. The model
never touches the vault itself, so it can be tested on its own.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from consultant_app.services.audit_detail import describe
from consultant_app.services.audit_log import AuditRow, action_label, entity_label
from ui.labels import short_datetime

Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    WHEN, ACTION, RECORD, RECORD_ID, DETAIL = range(5)
    more_wanted = Signal(int)  # the id of the oldest row shown: load what is older

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._has_more = False
        self._fetching = False
        self._headers = (
            self.tr("Time"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Id or case"),
            self.tr("Details"),
        )

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
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == self.WHEN:
            return short_datetime(row.local_at)
        if column == self.ACTION:
            return action_label(row.action)
        if column == self.RECORD:
            return entity_label(row.entity)
        if column == self.RECORD_ID:
            if row.entity_id is None:
                return self.tr("all") if row.entity else ""
            return row.case_code or str(row.entity_id)
        return describe(row.action, row.detail)

    # --- loading --------------------------------------------------------------------------

    def set_rows(self, rows: list[AuditRow], has_more: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._has_more = has_more
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: list[AuditRow], has_more: bool) -> None:
        self._fetching = False
        self._has_more = has_more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False
        self._has_more = False  # no endless retries; a reload starts again

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._fetching and bool(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(self._rows[-1].id)

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    @property
    def has_more(self) -> bool:
        return self._has_more
