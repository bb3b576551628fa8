"""Adding, changing and snoozing one follow-up. The core validates; its problems show under the
fields, in its own words, and the dialog stays open until the change is stored."""

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import CaseNotFoundError, ValidationError
from consultant_app.followups import FollowUpRow, add_follow_up, snooze, update_follow_up
from consultant_app.followups.service import add_follow_up_for_case
from ui.date_fields import refuse_typed_dates
from ui.drafts import DraftDialog, FieldValues, changed_signal
from ui.labels import from_qdate, short_date, to_qdate
from ui.op import Op, error_text, in_vault, vault_op
from ui.section import Session
from ui.widgets import CodeCombo, DateField, ErrorLabel, save_key


class FollowUpDialog(DraftDialog):
    """New (on a case code, or on a known case) or edit. What is typed is kept as a draft at lock
    and Esc asks before throwing it away (ui/drafts.py)."""

    saved = Signal(object)  # the stored FollowUpRow
    draft_kind = "follow_up"

    def __init__(
        self,
        session: Session,
        row: FollowUpRow | None = None,
        *,
        inquiry_id: int | None = None,
        case_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self._session = session
        self._row = row
        self._inquiry_id = inquiry_id
        self.draft_inquiry_id = row.inquiry_id if row else inquiry_id
        self.draft_record_id = row.id if row else None
        self.setWindowTitle(self.tr("Edit follow-up") if row else self.tr("New follow-up"))
        self.setMinimumWidth(460)

        self.case = QLineEdit(row.case_code if row else case_code)
        self.case.setPlaceholderText(self.tr("e.g. 2025-00012"))
        self.case.setReadOnly(row is not None or inquiry_id is not None)
        self.type = CodeCombo("follow_up_type", self.tr("Choose type"))
        self.type.set_code(row.type if row else "opkald")
        self.due = DateField()
        self.due.setDate(to_qdate(row.due_on if row else date.today() + timedelta(days=1)))
        self.note = QPlainTextEdit(row.note or "" if row else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.errors = {name: ErrorLabel() for name in ("case", "type", "due_on", "note")}
        self.problem = ErrorLabel()

        form = QFormLayout()
        for caption, widget, field in (
            (self.tr("&Case"), self.case, "case"),
            (self.tr("&Type"), self.type, "type"),
            (self.tr("&Due"), self.due, "due_on"),
            (self.tr("&Note"), self.note, "note"),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
            form.addRow("", self.errors[field])
        hint = QLabel(self.tr("The note stays in the vault; a calendar export holds only the case code."))
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        save_key(self.buttons.button(QDialogButtonBox.StandardButton.Save), self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.values = FieldValues(
            lambda: {"case": self.case, "type": self.type, "due_on": self.due, "note": self.note}
        )
        for field, widget in (
            ("case", self.case),
            ("type", self.type),
            ("due_on", self.due),
            ("note", self.note),
        ):
            changed = changed_signal(widget)
            if changed is not None:  # the problem was this field's: changing it answers it
                changed.connect(lambda *_args, name=field: self._field_changed(name))
        self.ready()
        (self.type if self.case.isReadOnly() else self.case).setFocus()

    def save(self) -> None:
        if refuse_typed_dates(self):
            return
        for label in (*self.errors.values(), self.problem):
            label.show_message(None)
        type_, due, note = self.type.code() or "", from_qdate(self.due.date()), self.note.toPlainText()
        if self._row is not None:
            work = in_vault(
                self._session.vault, update_follow_up, self._row.id, type=type_, due_on=due, note=note
            )
        elif self._inquiry_id is not None:
            work = in_vault(self._session.vault, add_follow_up, self._inquiry_id, type_, due, note)
        else:
            work = in_vault(self._session.vault, add_follow_up_for_case, self.case.text(), type_, due, note)
        self.buttons.setEnabled(False)
        Op(self, self._session.lane, work).success(self._stored).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _field_changed(self, name: str) -> None:
        self.errors[name].show_message(None)
        self.problem.show_message(None)

    def _stored(self, row: FollowUpRow) -> None:
        self.forget_draft()
        self.saved.emit(row)
        self.accept()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, CaseNotFoundError):
            self.errors["case"].show_message(
                self.tr("No case has the code “{code}”. Write it as on the case, e.g. 2025-00012.").format(
                    code=self.case.text().strip()
                )
            )
            self.case.setFocus()
        elif isinstance(error, ValidationError):
            for problem in error.problems:
                self.errors.get(problem.field, self.problem).show_message(problem.message())
        else:
            self.problem.show_message(error_text(error))
        self.adjustSize()


class SnoozeDialog(QDialog):
    """Hide a follow-up from every list until a later day."""

    saved = Signal(object)

    def __init__(self, session: Session, row: FollowUpRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._row = row
        self.setWindowTitle(self.tr("Snooze follow-up {code}").format(code=row.case_code))
        self.until = DateField()
        self.until.setMinimumDate(to_qdate(date.today() + timedelta(days=1)))
        self.until.setDate(to_qdate(max(row.shows_on, date.today()) + timedelta(days=1)))
        self.error = ErrorLabel()
        text = QLabel(
            self.tr("Due {due}. It is hidden from the lists until the chosen day.").format(
                due=short_date(row.due_on)
            )
        )
        text.setWordWrap(True)
        form = QFormLayout()
        label = QLabel(self.tr("&Until"))
        label.setBuddy(self.until)
        form.addRow(label, self.until)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        if refuse_typed_dates(self):
            return
        self.error.show_message(None)
        self.buttons.setEnabled(False)
        vault_op(self, self._session, snooze, self._row.id, from_qdate(self.until.date())).success(
            self._stored
        ).problems(lambda problems: self.error.show_message(problems[0].message())).report_to(
            self.error.show_message
        ).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _stored(self, row: FollowUpRow) -> None:
        self.saved.emit(row)
        self.accept()
