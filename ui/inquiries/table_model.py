"""The inquiry list as a Qt table model that reads page by page, asynchronously (after Vorta's
models, and testable on its own with any `PageSource`).

The view asks for more rows when it scrolls to the end (`canFetchMore`/`fetchMore`); the model
asks its source for the next page and shows the rows when they arrive. A new query (a filter or
sort change) starts a new generation: the query in flight is told to stop (its `cancelled`
answers True) and whatever an older generation still delivers is dropped.
"""

import itertools
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from consultant_app.services.inquiry_list import (
    PAGE_SIZE,
    Cursor,
    InquiryFilter,
    InquiryQuery,
    InquiryRow,
    Page,
)
from ui.labels import label, municipality_name, region_short, short_date, short_datetime, trip_short
from ui.op import error_text

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class PageSource(Protocol):
    """Where pages come from. Must call back on the GUI thread, once, with a `Page` or an error."""

    def fetch(
        self,
        query: InquiryQuery,
        after: Cursor | None,
        limit: int,
        cancelled: Callable[[], bool],
        done: Callable[[Page], None],
        failed: Callable[[Exception], None],
    ) -> None: ...

    def count(
        self,
        inquiry_filter: InquiryFilter,
        cancelled: Callable[[], bool],
        done: Callable[[int], None],
        failed: Callable[[Exception], None],
    ) -> None: ...


class Generation:
    """The number of the current query; read from the worker thread to see whether to stop."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)
        self.current = next(self._counter)

    def advance(self) -> int:
        self.current = next(self._counter)
        return self.current

    def stale(self, generation: int) -> Callable[[], bool]:
        return lambda: self.current != generation


class InquiryTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    count_changed = Signal(int)  # -1 while unknown
    first_page_arrived = Signal()
    failed = Signal(str)

    def __init__(self, source: PageSource, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[tuple[str, str], ...] = (
            ("case", self.tr("Case")),
            ("received", self.tr("Received")),
            ("region", self.tr("Region")),
            ("municipality", self.tr("Municipality")),
            ("inquirer", self.tr("Inquirer")),
            ("professional", self.tr("Professional")),
            ("citizen", self.tr("Citizen")),
            ("age_group", self.tr("Age")),
            ("trip", self.tr("Trip status")),
            ("kind", self.tr("Kind")),
            ("closed", self.tr("Closed")),
        )
        self._source = source
        self._page_size = page_size
        self._generation = Generation()
        self._query = InquiryQuery()
        self._rows: list[InquiryRow] = []
        self._cells: list[tuple[str, ...]] = []  # display texts, made once per row
        self._next: Cursor | None = None
        self._started = False
        self._loading = False
        self.count = -1

    # --- queries ----------------------------------------------------------------------------

    @property
    def query(self) -> InquiryQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: InquiryQuery) -> None:
        """Show what `query` finds, from its first page (the previous query stops)."""
        generation = self._generation.advance()
        self.beginResetModel()
        self._query = query
        self._rows, self._cells, self._next = [], [], None
        self._started = True
        self.endResetModel()
        self.count = -1
        self.count_changed.emit(-1)
        self._request(generation, None)

    def prepare(self, query: InquiryQuery) -> None:
        """The query to run at the first `reload`, when nothing has been read yet."""
        if not self._started:
            self._query = query

    def reload(self) -> None:
        self.set_query(self._query)

    def cancel(self) -> None:
        """Stop the query in flight; the rows already shown stay."""
        self._generation.advance()
        self._next = None
        self._set_loading(False)

    def _request(self, generation: int, after: Cursor | None) -> None:
        self._set_loading(True)
        stale = self._generation.stale(generation)
        self._source.fetch(
            self._query,
            after,
            self._page_size,
            stale,
            lambda page: self._arrived(generation, page, first=after is None),
            lambda error: self._failed(generation, error),
        )

    def _arrived(self, generation: int, page: Page, *, first: bool) -> None:
        if generation != self._generation.current:
            return  # an older query's answer
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend(self._texts(row) for row in page.rows)
            self.endInsertRows()
        self._next = page.next
        self._set_loading(False)
        if first:
            self.first_page_arrived.emit()
            stale = self._generation.stale(generation)
            self._source.count(
                self._query.filter, stale, lambda n: self._counted(generation, n), lambda _e: None
            )

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._generation.current:
            self.count = count
            self.count_changed.emit(count)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation.current:
            return
        self._next = None
        self._set_loading(False)
        self.failed.emit(error_text(error))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(self._generation.current, self._next)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == ID_ROLE:
            return self._rows[index.row()].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][1]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        query = InquiryQuery(self._query.filter, key, descending)
        if self._started:
            self.set_query(query)
        else:
            self._query = query  # the header is being set up: the first query is yet to come

    def sort_column(self) -> int:
        return next(n for n, (key, _) in enumerate(self.columns) if key == self._query.sort)

    # --- rows -------------------------------------------------------------------------------

    def inquiry_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, inquiry_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == inquiry_id), None)

    def _texts(self, row: InquiryRow) -> tuple[str, ...]:
        return (
            row.case_code,
            short_datetime(row.received_at),
            region_short(row.region),
            municipality_name(row.municipality_code),
            label("inquirer_type", row.inquirer_type),
            row.professional_name or "",
            row.citizen_pseudonym or "",
            label("age_group", row.citizen_age_group),
            trip_short(row.trip_concern),
            label("kind", row.kind),
            short_date(row.closed_on) if row.closed_on else self.tr("Open"),
        )
