"""Revisionsspor: who did what to which record and when, newest first, loaded as the user scrolls.

Filters: the record (its kind and id, or a case code), the action and the period. The main
window opens it for one record with `show_record` (from a case or a professional). The log
never holds values, so nothing here shows what a record says. The subject-access export
(GDPR art. 15) starts here too, as it hands a citizen their part of this log.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.audit_log import (
    ACTION_LABELS,
    ENTITY_LABELS,
    PAGE_SIZE,
    AuditQuery,
    action_label,
    audit_count,
    audit_page,
    case_code_of,
    entity_label,
    parse_record_id,
)
from ui.audit.table_model import AuditTableModel
from ui.labels import from_qdate
from ui.op import vault_op
from ui.privacy.subject_access_dialog import SubjectAccessDialog
from ui.section import Section, Session
from ui.widgets import DateField, StatusLine, heading

PERIODS = ("all", "today", "week", "month", "year", "custom")
TYPING_REST_MS = 300


def _first_page(session, query: AuditQuery) -> tuple[list, int, str | None]:
    case = None
    if query.entity == "inquiry" and query.entity_id is not None:
        case = case_code_of(session, query.entity_id)
    return audit_page(session, query), audit_count(session, query), case


class AuditSection(Section):
    key = "audit"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._generation = 0  # a reload makes every answer still on its way stale
        self._total = 0

        self.entity = QComboBox()
        self.entity.addItem(self.tr("All records"), None)
        for entity in sorted(ENTITY_LABELS, key=entity_label):
            self.entity.addItem(entity_label(entity), entity)
        self.record_id = QLineEdit()
        self.record_id.setPlaceholderText(self.tr("Id or case code"))
        self.record_id.setClearButtonEnabled(True)
        self.record_id.setAccessibleName(self.tr("Id or case code"))
        self.record_id.setMaximumWidth(170)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for action in ACTION_LABELS:
            self.action.addItem(action_label(action), action)
        self.period = QComboBox()
        period_labels = (
            self.tr("All time"),
            self.tr("Today"),
            self.tr("Last 7 days"),
            self.tr("Last 30 days"),
            self.tr("This year"),
            self.tr("Choose dates"),
        )
        for code, text in zip(PERIODS, period_labels, strict=True):
            self.period.addItem(text, code)
        self.since, self.until = DateField(), DateField()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self.reload)
            edit.hide()
        self.since.setAccessibleName(self.tr("From date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.reset_button = QPushButton(self.tr("&Clear filters"))
        self.reset_button.clicked.connect(self.clear_filters)
        self.access_button = QPushButton(self.tr("Subject &access (art. 15)…"))
        self.access_button.setToolTip(
            self.tr("Export everything held about one citizen, with their access log")
        )
        self.access_button.clicked.connect(self.open_subject_access)

        self._typing = QTimer(self, singleShot=True, interval=TYPING_REST_MS)
        self._typing.timeout.connect(self.reload)
        self.record_id.textChanged.connect(self._typing.start)
        for combo in (self.entity, self.action, self.period):
            combo.currentIndexChanged.connect(self.reload)

        self.model = AuditTableModel(self)
        self.model.more_wanted.connect(self._fetch_more)
        self.table = QTableView()
        self.table.setAccessibleName(self.title())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in ((0, 150), (1, 170), (2, 200), (3, 110)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.summary = StatusLine()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("&Record:"), self.entity),
            (None, self.record_id),
            (self.tr("A&ction:"), self.action),
            (self.tr("&Period:"), self.period),
        ):
            if caption:
                label = QLabel(caption)
                label.setBuddy(widget)
                filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.since)
        filters.addWidget(self.until)
        filters.addWidget(self.reset_button)
        filters.addStretch()
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch()
        top.addWidget(self.access_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            QLabel(
                self.tr("What was done to which record, and when. The log never shows what a record says.")
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.dialog: SubjectAccessDialog | None = None  # while it is open

    def title(self) -> str:
        return self.tr("Audit log")

    def activate(self) -> None:
        self.reload()

    # --- filters --------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        since, until = self._period()
        return AuditQuery(
            entity=self.entity.currentData(),
            entity_id=parse_record_id(self.record_id.text()),
            action=self.action.currentData(),
            since=since,
            until=until,
        )

    def _period(self) -> tuple[date | None, date | None]:
        chosen, today = self.period.currentData(), date.today()
        starts = {"today": today, "week": today - timedelta(days=6), "month": today - timedelta(days=29)}
        if chosen in starts:
            return starts[chosen], None
        if chosen == "year":
            return date(today.year, 1, 1), None
        if chosen == "custom":
            return from_qdate(self.since.date()), from_qdate(self.until.date())
        return None, None

    def show_record(self, entity: str, entity_id: int) -> None:
        """Only the events of one record (a case: with everything in it), all actions, all time."""
        self._set_filters(entity, str(entity_id), None, "all")

    def clear_filters(self) -> None:
        self._set_filters(None, "", None, "all")

    def _set_filters(self, entity: str | None, record_id: str, action: str | None, period: str) -> None:
        widgets = (self.entity, self.record_id, self.action, self.period)
        for widget in widgets:
            widget.blockSignals(True)
        self.entity.setCurrentIndex(max(0, self.entity.findData(entity)))
        self.record_id.setText(record_id)
        self.action.setCurrentIndex(max(0, self.action.findData(action)))
        self.period.setCurrentIndex(max(0, self.period.findData(period)))
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self._typing.stop()
        self._generation += 1
        generation = self._generation
        custom = self.period.currentData() == "custom"
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        query = self.query()
        self._show_hint(query)

        def loaded(result: tuple[list, int, str | None]) -> None:
            if generation == self._generation:
                rows, self._total, case = result
                self.model.set_rows(rows, has_more=len(rows) == PAGE_SIZE)
                self._update_summary()
                if case and self.record_id.text().strip().isdigit():  # show the case as users know it
                    self.record_id.blockSignals(True)
                    self.record_id.setText(case)
                    self.record_id.blockSignals(False)

        vault_op(self, self.session, _first_page, query).success(loaded).report_to(self.summary.error).run()

    def _fetch_more(self, before_id: int) -> None:
        generation, query = self._generation, self.query()

        def loaded(rows: list) -> None:
            if generation == self._generation:
                self.model.append_rows(rows, has_more=len(rows) == PAGE_SIZE)
                self._update_summary()

        def failed(text: str) -> None:
            self.model.fetch_failed()
            self.summary.error(text)

        vault_op(self, self.session, audit_page, query, before_id=before_id).success(loaded).report_to(
            failed
        ).run()

    def _update_summary(self) -> None:
        shown = self.model.rowCount()
        self.summary.info(
            self.tr("Showing {shown} of {total} events, newest first.").format(shown=shown, total=self._total)
        )

    def _show_hint(self, query: AuditQuery) -> None:
        typed = self.record_id.text().strip()
        if typed and query.entity_id is None:
            self.hint.setText(
                self.tr("“{typed}” is not a record id or a case code (like 2024-00042).").format(typed=typed)
            )
        elif query.entity == "inquiry" and query.entity_id is not None:
            self.hint.setText(
                self.tr("A case includes its contacts, notes, follow-ups and risk assessments.")
            )
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    # --- the right of access ----------------------------------------------------------------

    def open_subject_access(self) -> None:
        dialog = SubjectAccessDialog(self.session, self)
        self.dialog = dialog
        dialog.exported.connect(lambda _path: self.reload())  # the export is in the log now
        dialog.open()

    # --- navigation state: filters hold codes and ids, never what a record says -----------

    def state(self) -> dict:
        return {
            "entity": self.entity.currentData(),
            "record_id": self.record_id.text().strip() if parse_record_id(self.record_id.text()) else "",
            "action": self.action.currentData(),
            "period": self.period.currentData() if self.period.currentData() != "custom" else "all",
        }

    def restore(self, state: dict) -> None:
        values = [state.get(k) for k in ("entity", "record_id", "action", "period")]
        entity, record_id, action, period = (v if isinstance(v, str) else None for v in values)
        self._set_filters(entity, record_id or "", action, period or "all")
