"""The list of professionals as a table: every row loaded once, searched and sorted in memory.

A professional directory holds hundreds to a few thousand people, so a keystroke in the search
field filters the loaded rows (`ProfessionalRow.matches`) instead of asking the database again.
Sorting follows the Danish alphabet (æ, ø, å after z), with empty values last.
"""

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt

from consultant_app.codes import fold
from consultant_app.services.professional_directory import ProfessionalRow
from ui.labels import short_date
from ui.table_model import RIGHT, Column, RecordTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
_DANISH = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})  # after z, in that order


def danish_key(text: str | None) -> str:
    return fold(text or "").translate(_DANISH)


class ProfessionalTableModel(RecordTableModel[ProfessionalRow]):
    NAME, ORGANISATION, EMAIL, PHONE, CONTACTS, LAST_CONTACT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._all: list[ProfessionalRow] = []
        self._query = ""
        self._sort = (self.NAME, Qt.SortOrder.AscendingOrder)
        self.columns = (
            Column(self.tr("Name"), lambda r: r.name or "", tip=True),
            Column(self.tr("Organisation"), lambda r: r.organisation_name or "", tip=True),
            Column(self.tr("E-mail"), lambda r: r.email or "", tip=True),
            Column(self.tr("Phone"), lambda r: r.phone or ""),
            Column(self.tr("Contacts"), lambda r: str(r.contacts), align=RIGHT),
            Column(
                self.tr("Last contact"),
                lambda r: short_date(r.last_contact_at.date()) if r.last_contact_at else "",
            ),
        )

    def role_data(self, row: ProfessionalRow, column: int, role: int) -> object:
        return row.id if role == ID_ROLE else None

    # --- what the screen does -----------------------------------------------------------

    def set_rows(self, rows: Iterable[ProfessionalRow]) -> None:
        """Every professional; the model shows those the search finds, in the chosen order."""
        self._all = list(rows)
        super().set_rows(self._arranged())

    def set_filter(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        super().set_rows(self._arranged())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._rearrange(self._arranged())

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def row_of(self, professional_id: int) -> int | None:
        return self.find(lambda r: r.id == professional_id)

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
