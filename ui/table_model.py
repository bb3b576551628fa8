"""One table model for the list screens: a list of records and a tuple of `Column`s that say how a
record shows in each column. rowCount, columnCount, data and headerData live here once; a screen's
model says only what its columns are, and adds what is its own (an id role, sorting, filtering).

A row's texts are made once, when the row arrives, not each time the view paints: a list of a
few thousand rows scrolls without calling the label functions again.

Models that page their rows in (the inquiry list from the database, the audit log) say whether
there is more with `_can_load_more` and ask for it in `_load_more`; Qt's `canFetchMore` and
`fetchMore` are answered here from those two.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ItemRole = Qt.ItemDataRole


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a record.

    `tip` True shows the cell's own text as its tooltip (for text a narrow column cuts off); a
    function gives a tooltip of its own. `align` applies to the cells; `header_align` to the
    header. `key` names the column where a model sorts by name (the inquiry list's database sort).
    """

    header: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag | None = None
    tip: bool | Callable[[R], str | None] = False
    font: Callable[[R], QFont | None] | None = None
    header_align: Qt.AlignmentFlag | None = None
    key: str = ""


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Records of type `R` in rows, shown by `columns`. Read-only; flat (no children)."""

    def __init__(self, columns: Sequence[Column[R]] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._rows: list[R] = []
        self._cells: list[tuple[str, ...]] = []

    # --- the rows --------------------------------------------------------------------------

    @property
    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self._texts(row) for row in self._rows]
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[R]], rows: Iterable[R] = ()) -> None:
        """New columns (and rows) at once: for tables whose columns depend on the data."""
        self.beginResetModel()
        self.columns = tuple(columns)
        self._rows = list(rows)
        self._cells = [self._texts(row) for row in self._rows]
        self.endResetModel()

    def append_rows(self, rows: Sequence[R]) -> None:
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(self._texts(row) for row in rows)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        """Take one row out; a view's current row moves to the one above, or below when it was
        the first (Qt's selection model, as with a QListWidget's takeItem)."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._cells[row]
        self.endRemoveRows()

    def _rearrange(self, rows: list[R]) -> None:
        """The same rows in another order, or fewer of them (a sort or filter): a layout change,
        so the view's selection and current row follow their records (gone if the record is)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        records = [self._rows[index.row()] for index in before]
        self._rows = rows
        self._cells = [self._texts(row) for row in rows]
        where = {id(row): n for n, row in enumerate(rows)}  # the same objects, in their new places
        after = [
            self.index(where[id(record)], index.column()) if id(record) in where else QModelIndex()
            for record, index in zip(records, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def find(self, wanted: Callable[[R], bool]) -> int | None:
        """The number of the first row that is `wanted`, or None."""
        return next((n for n, row in enumerate(self._rows) if wanted(row)), None)

    def text(self, row: int, column: int) -> str:
        return self._cells[row][column]

    def _texts(self, row: R) -> tuple[str, ...]:
        return tuple(column.text(row) for column in self.columns)

    # --- what else a model shows: overridden for an id role and the like -------------------

    def role_data(self, row: R, column: int, role: int) -> object:
        return None

    # --- paging in: overridden by a model that loads its rows a page at a time -------------

    def _can_load_more(self) -> bool:
        return False

    def _load_more(self) -> None:
        """Ask for the next page; it arrives later through `append_rows`."""

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = ItemRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == ItemRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == ItemRole.ToolTipRole and column.tip:
            if column.tip is True:
                return self._cells[index.row()][index.column()] or None
            return column.tip(row) if callable(column.tip) else None
        if role == ItemRole.TextAlignmentRole:
            return column.align
        if role == ItemRole.FontRole:
            return column.font(row) if column.font is not None else None
        return self.role_data(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = ItemRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == ItemRole.DisplayRole:
            return self.columns[section].header
        if role == ItemRole.TextAlignmentRole:
            return self.columns[section].header_align
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._can_load_more()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load_more()
