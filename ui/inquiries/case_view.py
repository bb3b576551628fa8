"""One case: what the inquiry says, one timeline of what happened, and what can be done next.

Loaded through `view_case` on the lane (which records the view in the audit trail). Every
action opens a small dialog or saves at once through the core, then the case is read again.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.case_actions import make_course, reopen_case
from consultant_app.services.timeline import FOLLOW_UP, OVERDUE, CaseSummary, view_case
from consultant_app.services.timeline import CaseView as CaseData
from ui.inquiries.case_dialogs import CaseActionDialog, CloseDialog, ContactDialog, NoteDialog
from ui.inquiries.form import InquiryForm
from ui.inquiries.timeline_text import entry_text
from ui.labels import label, labels, municipality_name, short_date, short_datetime
from ui.op import vault_op
from ui.section import Session
from ui.widgets import ERROR_COLOUR, StatusLine, heading, shortcut_text


class CaseView(QWidget):
    back = Signal()
    changed = Signal()  # the case was changed here

    def __init__(self, session: Session, inquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inquiry_id = inquiry_id
        self.data: CaseData | None = None

        self.title = heading(self.tr("Case"), 1.5)
        self.status = QLabel()
        self.error = StatusLine()

        def button(text: str, slot, keys: str | None = None) -> QPushButton:
            if keys:
                text = f"{text} ({shortcut_text(keys)})"
                QShortcut(QKeySequence(keys), self, slot)  # the whole window: this view fills it
            pushed = QPushButton(text)
            pushed.setAutoDefault(False)
            pushed.clicked.connect(slot)
            return pushed

        self.back_button = button(self.tr("&Back"), self.back.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit)
        self.edit_button = button(self.tr("&Edit"), self.edit, "Ctrl+E")
        self.contact_button = button(self.tr("Add &contact"), self.add_contact, "Ctrl+K")
        self.note_button = button(self.tr("Add &note"), self.add_note, "Ctrl+Shift+N")
        self.close_button = button(self.tr("C&lose case"), self.close_case)
        self.reopen_button = button(self.tr("&Reopen"), self.reopen)
        self.course_button = button(self.tr("Make it a c&ourse"), self.make_course)
        self.actions = QHBoxLayout()
        for pushed in (
            self.back_button,
            self.edit_button,
            self.contact_button,
            self.note_button,
            self.close_button,
            self.reopen_button,
            self.course_button,
        ):
            self.actions.addWidget(pushed)
        self.actions.addStretch()

        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details_widget = QWidget()
        details_widget.setLayout(self.details)
        scroll = QScrollArea()
        scroll.setWidget(details_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(2)
        self.timeline.setStyleSheet(
            "QListWidget::item { border-bottom: 1px solid palette(midlight); padding: 3px; }"
        )
        self.timeline.setAccessibleName(self.tr("Timeline"))
        timeline_box = QWidget()
        timeline_column = QVBoxLayout(timeline_box)
        timeline_column.setContentsMargins(0, 0, 0, 0)
        timeline_column.addWidget(QLabel(self.tr("Timeline (newest first)")))
        timeline_column.addWidget(self.timeline, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(timeline_box)
        splitter.setSizes([480, 620])

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.timeline)
        self._enable(False)
        self.reload()

    # --- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        vault_op(self, self.session, view_case, self.inquiry_id).success(self._loaded).report_to(
            self._failed
        ).run()

    def _loaded(self, data: CaseData) -> None:
        self.data = data
        summary = data.summary
        self.title.setText(self.tr("Case {code}").format(code=summary.case_code))
        kind = label("kind", summary.kind)
        if summary.is_closed:
            state = self.tr("Closed {date} ({reason})").format(
                date=short_date(summary.closed_on), reason=label("closing_reason", summary.closing_reason)
            )
        else:
            state = self.tr("Open")
        self.status.setText(f"{kind} · {state}")
        self._show_details(summary)
        self.timeline.clear()
        for entry in data.timeline:
            item = QListWidgetItem(entry_text(entry), self.timeline)
            if entry.kind == FOLLOW_UP and entry.state == OVERDUE:
                item.setForeground(QColor(ERROR_COLOUR))  # the first worry of the day
        self.error.clear_message()
        self._enable(True)

    def _failed(self, text: str) -> None:
        self.error.error(text)
        self._enable(bool(self.data))

    def _enable(self, loaded: bool) -> None:
        closed = bool(self.data and self.data.summary.is_closed)
        course = bool(self.data and self.data.summary.kind == "forloeb")
        for pushed in (self.edit_button, self.contact_button, self.note_button):
            pushed.setEnabled(loaded)
        self.close_button.setVisible(not closed)
        self.close_button.setEnabled(loaded)
        self.reopen_button.setVisible(closed)
        self.course_button.setVisible(not course)
        self.course_button.setEnabled(loaded)

    def _show_details(self, s: CaseSummary) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        where = ", ".join(
            part for part in (municipality_name(s.municipality_code), label("region", s.region)) if part
        )
        inquirer = label("inquirer_type", s.inquirer_type)
        if s.municipal_department:
            inquirer += f" ({label('municipal_department', s.municipal_department)})"
        if s.inquirer_other_note:
            inquirer += f": {s.inquirer_other_note}"
        professional = " · ".join(
            p for p in (s.professional_name, s.professional_email, s.professional_organisation) if p
        )
        citizen = ", ".join(
            p
            for p in (
                s.citizen_pseudonym,
                label("age_group", s.citizen_age_group),
                label("gender", s.citizen_gender),
            )
            if p
        )
        rows = (
            (self.tr("Received"), f"{short_datetime(s.received_at)} · {label('channel', s.channel)}"),
            (self.tr("Reference"), s.external_ref or ""),
            (self.tr("Where"), where),
            (self.tr("Inquirer"), inquirer),
            (self.tr("Professional"), professional),
            (self.tr("Citizen"), citizen),
            (self.tr("Consent"), label("consent", s.consent)),
            (self.tr("Trip status"), label("trip_concern", s.trip_concern)),
            (self.tr("Reasons"), labels("reason", s.reasons)),
            (self.tr("Advice given"), labels("advice_type", s.advice_types)),
            (self.tr("Consultant"), s.consultant),
            (self.tr("Notes"), s.notes or ""),
        )
        for name, value in rows:
            shown = QLabel(value or "–")
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(QLabel(f"<b>{name}</b>"), shown)

    # --- acting -----------------------------------------------------------------------------

    def edit(self) -> None:
        form = InquiryForm(self.session, self.inquiry_id, parent=self)
        form.saved.connect(lambda _saved: self._after_change())
        form.finished.connect(self._dialog_closed)
        form.open()

    def add_note(self) -> None:
        self._open(NoteDialog(self.session, self.inquiry_id, self))

    def add_contact(self) -> None:
        self._open(ContactDialog(self.session, self.inquiry_id, self))

    def close_case(self) -> None:
        self._open(CloseDialog(self.session, self.inquiry_id, self))

    def reopen(self) -> None:
        self._run(reopen_case)

    def make_course(self) -> None:
        self._run(make_course)

    def _open(self, dialog: CaseActionDialog) -> None:
        dialog.saved.connect(self._after_change)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        # The keyboard comes back here, ready for the next action.
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sender().deleteLater()

    def _run(self, action) -> None:
        self._enable(False)
        vault_op(self, self.session, action, self.inquiry_id).success(
            lambda _r: self._after_change()
        ).report_to(self._failed).run()

    def _after_change(self) -> None:
        self.changed.emit()
        self.reload()
