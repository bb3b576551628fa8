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

from PySide6.QtCore import QObject, Qt, Signal

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
from ui.table_model import Column, RecordTableModel

ID_ROLE = Qt.ItemDataRole.UserRole


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


class InquiryTableModel(RecordTableModel[InquiryRow]):
    loading_changed = Signal(bool)
    count_changed = Signal(int)  # -1 while unknown
    first_page_arrived = Signal()
    failed = Signal(str)

    def __init__(self, source: PageSource, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        def column(key: str, header: str, text: Callable[[InquiryRow], str]) -> Column[InquiryRow]:
            return Column(header, text, tip=True, key=key)

        super().__init__(parent=parent)
        self.columns = (
            column("case", self.tr("Case"), lambda r: r.case_code),
            column("received", self.tr("Received"), lambda r: short_datetime(r.received_at)),
            column("region", self.tr("Region"), lambda r: region_short(r.region)),
            column("municipality", self.tr("Municipality"), lambda r: municipality_name(r.municipality_code)),
            column("inquirer", self.tr("Inquirer"), lambda r: label("inquirer_type", r.inquirer_type)),
            column("professional", self.tr("Professional"), lambda r: r.professional_name or ""),
            column("citizen", self.tr("Citizen"), lambda r: r.citizen_pseudonym or ""),
            column("age_group", self.tr("Age"), lambda r: label("age_group", r.citizen_age_group)),
            column("trip", self.tr("Trip status"), lambda r: trip_short(r.trip_concern)),
            column("kind", self.tr("Kind"), lambda r: label("kind", r.kind)),
            column(
                "closed",
                self.tr("Closed"),
                lambda r: short_date(r.closed_on) if r.closed_on else self.tr("Open"),
            ),
        )
        self._source = source
        self._page_size = page_size
        self._generation = Generation()
        self._query = InquiryQuery()
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
        self._query = query
        self._next = None
        self._started = True
        self.set_rows(())
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
        self.append_rows(page.rows)
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

    # --- the base's hooks: paging in, the id role ----------------------------------------------

    def _can_load_more(self) -> bool:
        return self._next is not None and not self._loading

    def _load_more(self) -> None:
        self._request(self._generation.current, self._next)

    def role_data(self, row: InquiryRow, column: int, role: int) -> object:
        return row.id if role == ID_ROLE else None

    # --- sorting: a new query, in the database ----------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        query = InquiryQuery(self._query.filter, key, descending)
        if self._started:
            self.set_query(query)
        else:
            self._query = query  # the header is being set up: the first query is yet to come

    def sort_column(self) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == self._query.sort)

    # --- rows -------------------------------------------------------------------------------

    def inquiry_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, inquiry_id: int) -> int | None:
        return self.find(lambda row: row.id == inquiry_id)
