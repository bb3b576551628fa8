"""Risiko: every risk assessment (case, date, instrument, status, judgement), newest first.
Enter or a double click opens one in the editor; a new one is started for a case code.
"""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.risk import DRAFT, FINALISED, AssessmentRow, default_library, list_assessments
from consultant_app.risk import start_assessment as core_start
from consultant_app.services.case_actions import start_risk_assessment_for
from ui.labels import short_date
from ui.op import vault_op
from ui.risk.editor import AssessmentEditor
from ui.risk.printing import PrintPreview
from ui.risk.texts import instrument_name, judgement_text, status_text
from ui.section import Section, Session
from ui.table_model import Column, RecordTableModel
from ui.widgets import StatusLine, heading

ID_ROLE = Qt.ItemDataRole.UserRole


def _instrument_text(row: AssessmentRow) -> str:
    try:
        instrument = default_library().get(row.instrument_id, row.instrument_version)
    except Exception:  # an assessment made with an instrument this installation lacks
        return instrument_name(None, row.instrument_id, "")
    return instrument.name.text()


class AssessmentModel(RecordTableModel[AssessmentRow]):
    """The assessments, newest first; a draft's status in italics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        italic = QFont()
        italic.setItalic(True)
        self.columns = (
            Column(self.tr("Case"), lambda r: r.case_code),
            Column(self.tr("Date"), lambda r: short_date(r.assessed_on)),
            Column(self.tr("Instrument"), _instrument_text, tip=True),
            Column(
                self.tr("Status"),
                lambda r: status_text(r.status),
                font=lambda r: italic if r.status == DRAFT else None,
            ),
            Column(self.tr("Judgement"), judgement_text, tip=True),
            Column(self.tr("Next review"), lambda r: short_date(r.next_review_on)),
        )

    def set_rows(self, rows: Iterable[AssessmentRow]) -> None:
        super().set_rows(sorted(rows, key=lambda r: (r.assessed_on, r.id), reverse=True))

    def role_data(self, row: AssessmentRow, column: int, role: int) -> object:
        return row.id if role == ID_ROLE else None


class RiskSection(Section):
    key = "risk"
    assessment_opened = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.editor: AssessmentEditor | None = None
        self.preview: PrintPreview | None = None
        self._generation = 0
        library = default_library()
        self.instruments = {i.id: i for i in library.current()}

        self.filter = QComboBox()
        for text, status in (
            (self.tr("All assessments"), None),
            (self.tr("Drafts"), DRAFT),
            (self.tr("Finalised"), FINALISED),
        ):
            self.filter.addItem(text, status)
        self.filter.currentIndexChanged.connect(self.reload)
        self.case_code = QLineEdit()
        self.case_code.setPlaceholderText(self.tr("Case code, e.g. 2025-00042"))
        self.case_code.setMaximumWidth(220)
        self.case_code.returnPressed.connect(self.start)
        self.instrument = QComboBox()
        for instrument in self.instruments.values():
            self.instrument.addItem(instrument.name.text(), instrument.id)
        self.start_button = QPushButton(self.tr("&Start assessment"))
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.start)

        self.model = AssessmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Risk assessments"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        for column, width in ((0, 110), (1, 95), (2, 420), (3, 95), (4, 420)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.summary = QLabel()
        self.error = StatusLine(collapse=True)

        new_row = QHBoxLayout()
        case_label = QLabel(self.tr("New assessment for &case:"))
        case_label.setBuddy(self.case_code)
        new_row.addWidget(case_label)
        new_row.addWidget(self.case_code)
        new_row.addWidget(self.instrument)
        new_row.addWidget(self.start_button)
        new_row.addStretch()
        show_label = QLabel(self.tr("Sho&w:"))
        show_label.setBuddy(self.filter)
        new_row.addWidget(show_label)
        new_row.addWidget(self.filter)

        list_page = QWidget()
        page = QVBoxLayout(list_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(heading(self.title()))
        intro = QLabel(
            self.tr(
                "Structured risk assessments and screenings of the cases. Enter opens one; a "
                "finalised assessment is changed by making a new one based on it."
            )
        )
        intro.setWordWrap(True)
        page.addWidget(intro)
        page.addLayout(new_row)
        page.addWidget(self.error)
        page.addWidget(self.table, 1)
        page.addWidget(self.summary)
        self.list_page = list_page

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setFocusProxy(self.table)

    def title(self) -> str:
        return self.tr("Risk assessments")

    def activate(self) -> None:
        if self.editor is None:
            self.reload()

    # --- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation

        def loaded(rows: list[AssessmentRow]) -> None:
            if generation == self._generation:
                self._show_rows(rows)

        vault_op(self, self.session, list_assessments, status=self.filter.currentData()).success(
            loaded
        ).report_to(self.error.error).run()

    def _show_rows(self, rows: list[AssessmentRow]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected)
        elif self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        drafts = sum(r.status == DRAFT for r in self.model.rows)
        self.summary.setText(
            self.tr("{count} assessments, {drafts} of them drafts.").format(
                count=self.model.rowCount(), drafts=drafts
            )
        )
        self.error.clear_message()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def select(self, assessment_id: int) -> None:
        row = self.model.find(lambda r: r.id == assessment_id)
        if row is not None:
            self.table.selectRow(row)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_assessment(self.model.row_at(row).id)

    # --- starting one --------------------------------------------------------------------------

    def start(self) -> None:
        typed = self.case_code.text().strip()
        if not typed:
            self._failed_start(self.tr("Type the code of the case first."))
            return

        def started(assessment_id: int) -> None:
            self.case_code.clear()
            self.open_assessment(assessment_id)

        vault_op(self, self.session, start_risk_assessment_for, typed, self.instrument.currentData()).success(
            started
        ).report_to(self._failed_start).run()

    def _failed_start(self, text: str) -> None:
        self.error.error(text)
        self.case_code.setFocus()

    def start_for_case(self, inquiry_id: int, instrument_id: str) -> None:
        """Start an assessment for a case (a hook for the case view)."""
        vault_op(self, self.session, core_start, inquiry_id, instrument_id).success(
            lambda a: self.open_assessment(a.id)
        ).report_to(self.error.error).run()

    # --- the editor ----------------------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        self._close_editor()
        self.error.hide()
        editor = AssessmentEditor(self.session, assessment_id)
        editor.back.connect(self.close_editor)
        editor.changed.connect(self.reload)
        editor.print_wanted.connect(self.open_preview)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.editor = editor
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.assessment_opened.emit(assessment_id)

    def close_editor(self) -> None:
        current = self.editor.assessment_id if self.editor else None
        self._close_editor()
        self.reload()
        if current is not None:
            self.select(current)
        self.table.setFocus()

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self.stack.setCurrentWidget(self.list_page)

    def open_preview(self, assessment_id: int) -> None:
        code = next((r.case_code for r in self.model.rows if r.id == assessment_id), "")
        self.preview = PrintPreview(self.session, assessment_id, self, case_code=code)
        self.preview.finished.connect(self._preview_closed)
        self.preview.open()

    def _preview_closed(self) -> None:
        preview, self.preview = self.preview, None
        if preview is not None:
            preview.deleteLater()

    # --- navigation state: ids and codes only ---------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "status": self.filter.currentData(),
            "assessment": self.editor.assessment_id if self.editor else None,
        }

    def restore(self, state: dict[str, Any]) -> None:
        status = state.get("status")
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(max(0, self.filter.findData(status if isinstance(status, str) else None)))
        self.filter.blockSignals(False)
        if isinstance(state.get("assessment"), int):
            self.open_assessment(state["assessment"])
