"""Fagpersoner: the people the consultant talks to. Search, edit, every contact, and merging the
same person entered twice (suggested when two share an e-mail, or a name and phone).

All database work goes down the lane: the list and the suggestions on `activate`, one
professional (a "view" in the audit log) when the selection rests on them for a moment.
"""

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.professional_directory import (
    DuplicateCandidate,
    ProfessionalRow,
    likely_duplicates,
    list_professionals,
    open_professional,
)
from consultant_app.services.professionals import MergeOutcome
from ui.labels import short_date
from ui.op import vault_op
from ui.professionals.details import ProfessionalDetails
from ui.professionals.edit_dialog import ProfessionalDialog
from ui.professionals.merge_dialog import MergeDialog, MergeGroup
from ui.professionals.table_model import ProfessionalTableModel
from ui.section import Section, Session
from ui.widgets import StatusLine, heading

SELECTION_REST_MS = 150  # arrowing through the list opens (and audits) only where it stops


def _load(session) -> tuple[list, list]:
    return list_professionals(session), likely_duplicates(session)


class ProfessionalsSection(Section):
    key = "professionals"
    open_audit = Signal(str, int)  # entity, id: show the audit log of this record

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._selected_id: int | None = None
        self._suggestions: list = []
        self.dialog: ProfessionalDialog | MergeDialog | None = None  # the one open, if any

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, e-mail or organisation"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search professionals"))
        self.search.textChanged.connect(self._filter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.count = QLabel()

        self.banner = QFrame()
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.suggestions_button = QPushButton(self.tr("&Review suggestions…"))
        self.suggestions_button.clicked.connect(self.review_suggestions)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.suggestions_button)
        self.banner.hide()

        self.model = ProfessionalTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.title())
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProfessionalTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (ProfessionalTableModel.ORGANISATION, ProfessionalTableModel.EMAIL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (ProfessionalTableModel.CONTACTS, ProfessionalTableModel.LAST_CONTACT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(ProfessionalTableModel.NAME, 160)
        self.table.setColumnWidth(ProfessionalTableModel.PHONE, 100)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())

        self.merge_button = QPushButton(self.tr("&Merge selected…"))
        self.merge_button.setToolTip(self.tr("Select two or more rows (Ctrl+click) that are the same person"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_button.setEnabled(False)
        self.status = StatusLine()

        self.details = ProfessionalDetails()
        self.details.edit_requested.connect(self.edit_selected)
        self.details.audit_requested.connect(self._audit_requested)
        self.details.case_requested.connect(self.open_case)
        self.details.show_message(self.tr("Choose a professional in the list."))

        self._rest = QTimer(self, singleShot=True, interval=SELECTION_REST_MS)
        self._rest.timeout.connect(self._open_selected)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.merge_button)
        bottom.addWidget(self.status, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Professionals")

    # --- loading --------------------------------------------------------------------------

    def activate(self) -> None:
        vault_op(self, self.session, _load).success(self._loaded).report_to(self.status.error).run()

    def _loaded(self, result: tuple[list[ProfessionalRow], list]) -> None:
        rows, self._suggestions = result
        self.model.set_rows(rows)
        self._update_count()
        self._update_banner()
        self._select(self._selected_id)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            self.count.setText(self.tr("%n professional(s)", "", total))
        else:
            self.count.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))

    def _update_banner(self) -> None:
        self.banner_text.setText(
            self.tr(
                "Possible duplicates: %n group(s) of professionals may be one person entered twice.",
                "",
                len(self._suggestions),
            )
        )
        self.banner.setVisible(bool(self._suggestions))

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        self._select(self._selected_id)

    # --- selection ------------------------------------------------------------------------

    def _select(self, professional_id: int | None) -> None:
        row = self.model.row_of(professional_id) if professional_id is not None else None
        if row is None:
            self.table.clearSelection()
            self._selection_changed()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.model.row_at(index.row()).id for index in sorted(rows, key=lambda i: i.row())]

    def _selection_changed(self, *_args: QItemSelection) -> None:
        ids = self.selected_ids()
        self.merge_button.setEnabled(len(ids) >= 2)
        if len(ids) == 1:
            self._selected_id = ids[0]
            self._rest.start()
            return
        self._rest.stop()
        if ids:
            self.details.show_message(
                self.tr("%n professionals selected. Merge them if they are one person.", "", len(ids))
            )
        else:
            self.details.show_message(self.tr("Choose a professional in the list."))

    def _open_selected(self) -> None:
        wanted = self._selected_id
        if wanted is None:
            return

        def shown(result: tuple) -> None:
            if self.selected_ids() == [wanted]:  # the user may have moved on meanwhile
                self.details.show_professional(*result)

        vault_op(self, self.session, open_professional, wanted).success(shown).report_to(
            self.status.error
        ).run()

    # --- actions --------------------------------------------------------------------------

    def _selected_rows(self) -> list[ProfessionalRow]:
        found = (self.model.row_of(i) for i in self.selected_ids())
        return [self.model.row_at(n) for n in found if n is not None]

    def edit_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return
        dialog = ProfessionalDialog(self.session, rows[0], self)
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, row: ProfessionalRow) -> None:
        self.status.ok(self.tr("Saved: {name}.").format(name=row.name))
        self.activate()

    def merge_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) < 2:
            return
        ids = [r.id for r in rows]
        members = tuple(
            DuplicateCandidate(r.id, r.name, r.organisation_name, r.email, r.phone, r.contacts) for r in rows
        )
        title = self.tr("%n selected professionals", "", len(members))
        group = MergeGroup(title, members, keep_id=min(ids))
        self._open_merge(MergeDialog(self.session, [group], self))

    def review_suggestions(self) -> None:
        if self._suggestions:
            self._open_merge(MergeDialog.for_suggestions(self.session, self._suggestions, self))

    def _open_merge(self, dialog: MergeDialog) -> None:
        self.dialog = dialog
        dialog.merged.connect(self._merged)
        dialog.open()

    def _merged(self, outcome: MergeOutcome) -> None:
        self._selected_id = outcome.keep_id
        parts = [
            self.tr("Merged %n professional(s) into one.", "", len(outcome.merged_ids)),
            self.tr("Moved: {contacts} contacts, {inquiries} inquiries, {links} survey links.").format(
                contacts=outcome.contacts_moved,
                inquiries=outcome.inquiries_moved,
                links=outcome.dispatches_moved,
            ),
        ]
        for conflict in outcome.dispatch_conflicts:
            parts.append(
                self.tr(
                    "Both had the survey link in campaign “{campaign}”: the first (recorded {on}) is kept."
                ).format(campaign=conflict.campaign_name, on=short_date(conflict.kept_recorded_at.date()))
            )
        self.status.ok(" ".join(parts))
        self.activate()

    def _audit_requested(self) -> None:
        if self.details.row is not None:
            self.open_audit.emit("professional", self.details.row.id)

    # --- navigation state (ids and sorting only: a search may be a person's name) ----------

    def state(self) -> dict:
        column, order = self.model.sort_order
        return {"selected": self._selected_id, "sort": [column, order.value]}

    def restore(self, state: dict) -> None:
        selected = state.get("selected")
        self._selected_id = selected if isinstance(selected, int) else None
        sort = state.get("sort")
        if isinstance(sort, list) and len(sort) == 2 and all(isinstance(v, int) for v in sort):
            column, order = sort
            if 0 <= column < self.model.columnCount():
                self.table.sortByColumn(column, Qt.SortOrder(order))
        self._select(self._selected_id)
