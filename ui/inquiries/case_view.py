"""One case: what the inquiry says, one timeline of what happened, and what can be done next.

Loaded through `view_case` on the lane (which records the view in the audit trail). Work on the
case starts here: a contact, a note, a follow-up (on this case: no code to type), a risk
assessment (opened in the Risiko screen) and its printout. Every timeline entry opens to be
corrected (Enter), and a contact or a note can be deleted (Delete). Every action opens a small
dialog or saves at once through the core, then the case is read again.
"""

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from consultant_app.followups.service import FollowUpRow, get_follow_up
from consultant_app.risk import default_library, start_assessment
from consultant_app.risk.data import Assessment
from consultant_app.services.case_actions import make_course, reopen_case
from consultant_app.services.case_entries import ContactEntry, NoteEntry, load_contact, load_note
from consultant_app.services.timeline import (
    CLOSED,
    CONTACT,
    FOLLOW_UP,
    NOTE,
    RECEIVED,
    RISK,
    CaseSummary,
    TimelineEntry,
    view_case,
)
from consultant_app.services.timeline import CaseView as CaseData
from ui.followups.dialogs import FollowUpDialog
from ui.handover.dialogs import EraseDialog, HandoverDialog
from ui.inquiries.case_dialogs import CaseActionDialog, CloseDialog, ContactDialog, NoteDialog
from ui.inquiries.case_timeline import CaseTimeline
from ui.inquiries.form import InquiryForm
from ui.labels import label, labels, municipality_name, short_date, short_datetime
from ui.op import vault_op
from ui.risk.printing import PrintPreview
from ui.section import Session
from ui.widgets import StatusLine, heading, shortcut_text


class CaseView(QWidget):
    back = Signal()
    changed = Signal()  # the case was changed here
    assessment_wanted = Signal(int)  # a risk assessment to open in the Risiko screen

    def __init__(self, session: Session, inquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inquiry_id = inquiry_id
        self.data: CaseData | None = None

        self.title = heading(self.tr("Case"), 1.5)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's case code is in it
        self.error = StatusLine()

        def button(text: str, slot: Callable[[], Any], keys: str | None = None) -> QPushButton:
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
        self.handover_button = button(self.tr("&Hand over…"), self.hand_over)
        self.erase_button = button(self.tr("Erase case…"), self.erase)
        self.follow_up_button = button(self.tr("Add follo&w-up"), self.add_follow_up, "Ctrl+Shift+F")
        self.risk_button = QPushButton(self.tr("&Start risk assessment"))
        self.risk_button.setAutoDefault(False)
        self.risk_menu = QMenu(self.risk_button)
        for instrument in default_library().current():
            chosen = self.risk_menu.addAction(instrument.name.text())
            chosen.setData(instrument.id)
        self.risk_menu.triggered.connect(lambda action: self.start_risk_assessment(str(action.data())))
        self.risk_button.setMenu(self.risk_menu)
        self.print_button = button(self.tr("&Print risk summary…"), self.print_risk_summary)
        self.open_button = button(self.tr("&Open entry (Enter)"), self.open_current)
        self.case_row = QHBoxLayout()
        self.case_buttons = (
            self.back_button,
            self.edit_button,
            self.close_button,
            self.reopen_button,
            self.course_button,
            self.handover_button,
            self.erase_button,
        )
        for pushed in self.case_buttons:
            self.case_row.addWidget(pushed)
        self.case_row.addStretch()
        self.work_row = QHBoxLayout()
        self.work_buttons = (
            self.contact_button,
            self.note_button,
            self.follow_up_button,
            self.risk_button,
            self.print_button,
        )
        for pushed in self.work_buttons:
            self.work_row.addWidget(pushed)
        self.work_row.addStretch()

        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details_widget = QWidget()
        details_widget.setLayout(self.details)
        scroll = self.details_area = QScrollArea()
        scroll.setAccessibleName(self.tr("Case details"))
        scroll.setWidget(details_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline = CaseTimeline()
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.open_entry.connect(self.open_entry)
        self.timeline.delete_entry.connect(self.delete_entry)
        timeline_box = QWidget()
        timeline_column = QVBoxLayout(timeline_box)
        timeline_column.setContentsMargins(0, 0, 0, 0)
        timeline_title = QLabel(self.tr("&Timeline (newest first)"))
        timeline_title.setBuddy(self.timeline)
        timeline_column.addWidget(timeline_title)
        timeline_column.addWidget(self.timeline, 1)
        hint = QLabel(
            self.tr("Enter opens the chosen entry to correct it; Delete removes a contact or a note.")
        )
        hint.setWordWrap(True)
        under = QHBoxLayout()
        under.addWidget(hint, 1)
        under.addWidget(self.open_button)
        timeline_column.addLayout(under)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(timeline_box)
        splitter.setSizes([480, 620])

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.case_row)
        layout.addLayout(self.work_row)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.timeline)
        # Tab in reading order: the case's row, the work row, the details (a scroll area: the
        # keys scroll a long case), the timeline and its button (made in another order).
        for first, second in pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)
        self._enable(False)
        self.reload()

    def tab_chain(self) -> list[QWidget]:
        return [*self.case_buttons, *self.work_buttons, self.details_area, self.timeline, self.open_button]

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
        if summary.origin_code:
            state += " · " + self.tr("received from a colleague (their case {code})").format(
                code=summary.origin_code
            )
        if summary.handed_over_to:
            handed_on = summary.handed_over_at.date() if summary.handed_over_at else None
            state += " · " + self.tr("handed over to {name} {date}, read-only").format(
                name=summary.handed_over_to, date=short_date(handed_on)
            )
        self.status.setText(f"{kind} · {state}")
        self._show_details(summary)
        self.timeline.show_entries(data.timeline)
        self.error.clear_message()  # read again after a change: an earlier failure is past
        self._enable(True)

    def _failed(self, text: str) -> None:
        self.error.error(text)
        self._enable(bool(self.data))

    def _enable(self, loaded: bool) -> None:
        closed = bool(self.data and self.data.summary.is_closed)
        course = bool(self.data and self.data.summary.kind == "forloeb")
        handed = bool(self.data and self.data.summary.handed_over_to)
        editable = loaded and not handed  # a handed-over case is read-only (the core refuses too)
        for pushed in (
            self.edit_button,
            self.contact_button,
            self.note_button,
            self.follow_up_button,
            self.risk_button,
            self.handover_button,
        ):
            pushed.setEnabled(editable)
        self.print_button.setEnabled(loaded and self._risk_to_print() is not None)
        self.open_button.setEnabled(loaded)
        self.erase_button.setEnabled(loaded)
        self.close_button.setVisible(not closed)
        self.close_button.setEnabled(editable)
        self.reopen_button.setVisible(closed)
        self.course_button.setVisible(not course)
        self.course_button.setEnabled(editable)
        self.reopen_button.setEnabled(editable)

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

    def add_follow_up(self) -> None:
        if self.data is not None and self.follow_up_button.isEnabled():
            code = self.data.summary.case_code
            self._open(FollowUpDialog(self.session, inquiry_id=self.inquiry_id, case_code=code, parent=self))

    def start_risk_assessment(self, instrument_id: str) -> None:
        """A new draft on this case, opened in the Risiko screen."""
        vault_op(self, self.session, start_assessment, self.inquiry_id, instrument_id).success(
            self._risk_started
        ).report_to(self._failed).run()

    def _risk_started(self, started: Assessment) -> None:
        self.changed.emit()
        self.assessment_wanted.emit(started.id)

    def print_risk_summary(self) -> None:
        chosen = self._risk_to_print()
        if chosen is not None:
            code = self.data.summary.case_code if self.data is not None else ""
            preview = PrintPreview(self.session, chosen, self, case_code=code)
            preview.finished.connect(self._dialog_closed)
            preview.open()

    def _risk_to_print(self) -> int | None:
        """The chosen risk assessment in the timeline, else the newest."""
        current = self.timeline.current_entry()
        if current is not None and current.kind == RISK:
            return current.source_id
        return next((e.source_id for e in self.timeline.entries() if e.kind == RISK), None)

    # --- the timeline's entries ---------------------------------------------------------------

    def open_current(self) -> None:
        entry = self.timeline.current_entry()
        if entry is not None:
            self.open_entry(entry)

    def open_entry(self, entry: TimelineEntry) -> None:
        """The entry in the dialog that made it, to correct it (a risk assessment in Risiko)."""
        if entry.kind == RISK and entry.source_id is not None:
            self.assessment_wanted.emit(entry.source_id)
            return
        if not self.edit_button.isEnabled():
            self.error.info(self.tr("This case is read-only here."))
            return
        if entry.kind == RECEIVED:
            self.edit()
        elif entry.kind == CLOSED and self.data is not None:
            summary = self.data.summary
            self._open(
                CloseDialog(
                    self.session,
                    self.inquiry_id,
                    self,
                    closed_on=summary.closed_on,
                    reason=summary.closing_reason,
                )
            )
        elif entry.source_id is not None:
            self._load_entry(entry, then=self._open)

    def delete_entry(self, entry: TimelineEntry) -> None:
        """A contact or a note, after a question (asked by its dialog)."""
        if entry.kind in (CONTACT, NOTE) and self.edit_button.isEnabled():
            self._load_entry(entry, then=self._open_to_delete)

    def _load_entry(self, entry: TimelineEntry, then: Callable[[QDialog], None]) -> None:
        loaders: dict[str, Callable[..., Any]] = {
            CONTACT: load_contact,
            NOTE: load_note,
            FOLLOW_UP: get_follow_up,
        }
        vault_op(self, self.session, loaders[entry.kind], entry.source_id).success(
            lambda loaded: then(self._entry_dialog(loaded))
        ).report_to(self._failed).run()

    def _entry_dialog(self, loaded: ContactEntry | NoteEntry | FollowUpRow) -> QDialog:
        if isinstance(loaded, ContactEntry):
            return ContactDialog(self.session, self.inquiry_id, self, entry=loaded)
        if isinstance(loaded, NoteEntry):
            return NoteDialog(self.session, self.inquiry_id, self, entry=loaded)
        return FollowUpDialog(self.session, loaded, parent=self)

    def _open_to_delete(self, dialog: QDialog) -> None:
        self._open(dialog)
        if isinstance(dialog, CaseActionDialog):
            dialog.ask_delete()

    def close_case(self) -> None:
        self._open(CloseDialog(self.session, self.inquiry_id, self))

    def reopen(self) -> None:
        self._run(reopen_case)

    def make_course(self) -> None:
        self._run(make_course)

    def hand_over(self) -> None:
        if self.data is not None:
            self._open(HandoverDialog(self.session, self.data.summary.case_code, self), "handed_over")

    def erase(self) -> None:
        if self.data is None:
            return
        reason = "handed_over" if self.data.summary.handed_over_to else "not_needed"
        dialog = EraseDialog(self.session, self.data.summary.case_code, reason, self)
        dialog.erased.connect(self._erased)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _erased(self, _result: object) -> None:
        self.changed.emit()
        self.back.emit()

    def _open(self, dialog: QDialog, signal: str = "saved") -> None:
        getattr(dialog, signal).connect(lambda *_args: self._after_change())
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        # The keyboard comes back here, ready for the next action.
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        closed = self.sender()
        if closed is not None:
            closed.deleteLater()

    def _run(self, action: Callable[..., Any]) -> None:
        self._enable(False)
        vault_op(self, self.session, action, self.inquiry_id).success(
            lambda _r: self._after_change()
        ).report_to(self._failed).run()

    def _after_change(self) -> None:
        self.changed.emit()
        self.reload()
