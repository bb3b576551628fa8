"""Henvendelser: find any case. Filters above, a lazily read table below; Enter opens the case.

Queries run on the lane; the table shows the rows when they arrive, and a query that takes a
while shows a busy bar with a Stop button (Escape). Every active filter shows as a chip that
removes it, and an empty list says which filters emptied it, with a button that clears them.
Ctrl+End goes to the last inquiry of the whole list: the rest is read first, in big pages.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.inquiry_list import InquiryQuery
from ui import theme
from ui.inquiries.filter_bar import FilterBar
from ui.inquiries.filter_chips import FilterChips
from ui.inquiries.page_source import LanePageSource
from ui.inquiries.table_model import InquiryTableModel
from ui.section import Section, Session
from ui.widgets import announce

BUSY_AFTER_MS = 300  # a quick query shows no busy bar at all
COLUMN_WIDTHS = (85, 115, 100, 105, 110, 140, 60, 110, 100, 125, 80)
PROFESSIONAL_COLUMN = 5
# Rows per page while going to the end of the list: a few trips, each quick to show.
TO_END_PAGE = 5_000


class InquiryTable(QTableView):
    """Enter opens the case (a table view would only move to the next row); Ctrl+End asks for
    the last row of the whole list (`to_end`), where a view knows only the rows read so far."""

    to_end = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        if event.key() == Qt.Key.Key_End and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.to_end.emit()
            return
        super().keyPressEvent(event)


class InquiriesSection(Section):
    key = "inquiries"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._pending_selection: int | None = None
        self._to_end = False
        self.filters = FilterBar()
        self.chips = FilterChips()
        self.source = LanePageSource(session, self)
        self.model = InquiryTableModel(self.source, parent=self)
        self.table = InquiryTable()
        self.table.setAccessibleName(self.title())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(PROFESSIONAL_COLUMN, QHeaderView.ResizeMode.Stretch)  # takes what is left
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.table.to_end.connect(self.go_to_end)

        # Said when the list is empty: nothing found, and which filters are why.
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(self.tr("Clear &filters"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_box = QFrame()
        self.empty_box.setFrameShape(QFrame.Shape.StyledPanel)
        empty_row = QHBoxLayout(self.empty_box)
        empty_row.addWidget(self.empty_text, 1)
        empty_row.addWidget(self.clear_button)
        self.empty_box.hide()

        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(theme.error_style())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.stop_button = QPushButton(self.tr("Stop (Esc)"))
        self.stop_button.clicked.connect(self.stop)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.stop,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._show_busy(False)

        self.model.loading_changed.connect(self._loading)
        self.model.count_changed.connect(self._counted)
        self.model.failed.connect(self._failed)
        self.model.first_page_arrived.connect(self._select_pending)
        self.model.first_page_arrived.connect(self._show_empty)
        self.model.loading_changed.connect(self._continue_to_end)
        self.model.modelReset.connect(self._end_reached)  # a new query or sort: not to this end
        self.filters.changed.connect(self.apply_filters)
        self.chips.remove.connect(self.filters.clear_filter)
        self.filters.search.to_results.connect(self.focus_results)

        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.error_label, 1)
        status.addWidget(self.busy)
        status.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.chips)
        layout.addWidget(self.empty_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)
        self.setFocusProxy(self.filters.search)
        # Reading order: the filters, their chips, "Ryd filtre" over an empty list, the table.
        QWidget.setTabOrder(self.filters.last, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.table)

    def title(self) -> str:
        return self.tr("Inquiries")

    def activate(self) -> None:
        """Shown again: the list may have changed (a new or edited case); keep the selection."""
        self._pending_selection = self.selected_id() or self._pending_selection
        self._run_query()

    def apply_filters(self) -> None:
        self._pending_selection = self.selected_id()
        self._run_query()

    def _run_query(self) -> None:
        self._end_reached()
        self.empty_box.hide()
        self._show_chips()
        self.model.set_query(InquiryQuery(self.filters.current_filter(), *self._sort()))

    def clear_filters(self) -> None:
        self.filters.clear_all()
        self.filters.search.setFocus(Qt.FocusReason.OtherFocusReason)  # the button goes away

    def _show_chips(self) -> None:
        self.chips.show_filters(
            self.filters.active_filters(), self.filters.last, self.clear_button, self.filters.search
        )

    def stop(self) -> None:
        self._end_reached()
        if self.model.loading:
            self.model.cancel()
            self.count_label.clear()
            self.error_label.setText(self.tr("The search was stopped."))

    def _sort(self) -> tuple[str, bool]:
        return self.model.query.sort, self.model.query.descending

    # --- the table --------------------------------------------------------------------------

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self.table.selectRow(max(self.table.currentIndex().row(), 0))

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.inquiry_id(index.row()) if index.isValid() else None

    def select_id(self, inquiry_id: int) -> bool:
        row = self.model.row_of(inquiry_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _select_pending(self) -> None:
        if self._pending_selection is not None and self.select_id(self._pending_selection):
            return
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.clearSelection()

    def go_to_end(self) -> None:
        """The last row of the whole list: read what is left, then select the last one."""
        self._to_end = True
        self.source.least_rows = TO_END_PAGE
        self._continue_to_end()

    def _continue_to_end(self) -> None:
        if not self._to_end or self.model.loading:
            return  # the page in flight calls again when it has arrived
        if self.model.canFetchMore():
            self.model.fetchMore()
            return
        self._end_reached()
        last = self.model.rowCount() - 1
        if last >= 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentIndex(self.model.index(last, max(self.table.currentIndex().column(), 0)))
            self.table.scrollToBottom()

    def _end_reached(self) -> None:
        self._to_end = False
        self.source.least_rows = 0

    def _show_empty(self) -> None:
        if self.model.rowCount():
            self.empty_box.hide()
            return
        active = self.filters.active_filters()
        if active:
            self.empty_text.setText(
                self.tr("No inquiries match these filters: {filters}.").format(
                    filters="; ".join(f.short_text() for f in active)
                )
            )
        else:
            self.empty_text.setText(self.tr("There are no inquiries yet."))
        self.clear_button.setVisible(bool(active))
        self.empty_box.show()
        announce(self.empty_text)  # an emptied list is news a screen reader must say too

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.open_case.emit(self.model.inquiry_id(index.row()))

    # --- progress ---------------------------------------------------------------------------

    def _loading(self, loading: bool) -> None:
        if loading:
            self.error_label.clear()
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self._show_busy(False)
            if self.model.count < 0:
                self.count_label.setText(self.tr("Counting …"))
            else:  # a later page was read: the busy text goes, the count stays
                self._counted(self.model.count)

    def _show_busy(self, shown: bool = True) -> None:
        self.busy.setVisible(shown)
        self.stop_button.setVisible(shown)
        if shown:
            self.count_label.setText(self.tr("Searching …"))

    def _counted(self, count: int) -> None:
        if count >= 0:
            self.count_label.setText(self.tr("%n inquiries", "", count))
        elif not self.model.loading:
            self.count_label.clear()

    def _failed(self, message: str) -> None:
        self._end_reached()
        self.error_label.setText(message)

    # --- state: filters (not the search text), sort and selection, as codes and ids --------

    def state(self) -> dict:
        sort, descending = self._sort()
        return {
            "filters": self.filters.state(),
            "sort": sort,
            "descending": descending,
            "selected": self.selected_id(),
        }

    def restore(self, state: dict) -> None:
        if not state:
            return
        self.filters.restore(state.get("filters", {}))
        query = InquiryQuery(
            self.filters.current_filter(), state.get("sort", "received"), state.get("descending", True)
        )
        self.model.prepare(query)  # it runs when the screen is shown
        self._show_chips()
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)
        self._pending_selection = state.get("selected")
