"""The list of professionals as a table: every row loaded once, searched and sorted in memory.

A professional directory holds hundreds to a few thousand people, so a keystroke in the search
field filters the loaded rows (`ProfessionalRow.matches`) instead of asking the database again.
Sorting follows the Danish alphabet (æ, ø, å after z), with empty values last.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from consultant_app.codes import fold
from consultant_app.services.professional_directory import ProfessionalRow
from ui.labels import short_date

ID_ROLE = Qt.ItemDataRole.UserRole
_DANISH = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})  # after z, in that order

Index = QModelIndex | QPersistentModelIndex


def danish_key(text: str | None) -> str:
    return fold(text or "").translate(_DANISH)


class ProfessionalTableModel(QAbstractTableModel):
    NAME, ORGANISATION, EMAIL, PHONE, CONTACTS, LAST_CONTACT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ProfessionalRow] = []
        self._rows: list[ProfessionalRow] = []
        self._query = ""
        self._sort = (self.NAME, Qt.SortOrder.AscendingOrder)
        self._headers = (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Contacts"),
            self.tr("Last contact"),
        )

    # --- what the view asks -------------------------------------------------------------

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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CONTACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.NAME, self.ORGANISATION, self.EMAIL):
            return self._text(row, column) or None
        return None

    def _text(self, row: ProfessionalRow, column: int) -> str:
        if column == self.CONTACTS:
            return str(row.contacts)
        if column == self.LAST_CONTACT:
            return short_date(row.last_contact_at.date()) if row.last_contact_at else ""
        value = (row.name, row.organisation_name, row.email, row.phone)[column]
        return value or ""

    # --- what the screen does -----------------------------------------------------------

    def set_rows(self, rows: list[ProfessionalRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._arranged()
        self.endResetModel()

    def set_filter(self, query: str) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._rows = self._arranged()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._rows = self._arranged()
        self.layoutChanged.emit()

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def row_at(self, row: int) -> ProfessionalRow:
        return self._rows[row]

    def row_of(self, professional_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == professional_id), None)

    def _arranged(self) -> list[ProfessionalRow]:
        rows = [r for r in self._all if r.matches(self._query)] if self._query.strip() else list(self._all)
        column, order = self._sort
        key = _SORT_KEYS[column]
        present = [r for r in rows if key(r) is not None]
        missing = [r for r in rows if key(r) is None]
        present.sort(
            key=lambda r: (key(r), danish_key(r.name), r.id), reverse=order == Qt.SortOrder.DescendingOrder
        )
        return present + sorted(missing, key=lambda r: (danish_key(r.name), r.id))  # empty values last


def _text_key(attribute: str) -> Callable[[ProfessionalRow], str | None]:
    def key(row: ProfessionalRow) -> str | None:
        value = getattr(row, attribute)
        return danish_key(value) if value else None

    return key


_SORT_KEYS: dict[int, Callable[[ProfessionalRow], Any]] = {
    ProfessionalTableModel.NAME: _text_key("name"),
    ProfessionalTableModel.ORGANISATION: _text_key("organisation_name"),
    ProfessionalTableModel.EMAIL: _text_key("email"),
    ProfessionalTableModel.PHONE: _text_key("phone"),
    ProfessionalTableModel.CONTACTS: lambda r: r.contacts,
    ProfessionalTableModel.LAST_CONTACT: lambda r: r.last_contact_at or None,
}
