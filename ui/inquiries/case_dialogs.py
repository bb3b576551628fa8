"""Small dialogs on an open case: a note or a contact (new, or one of the timeline's to correct
or delete), close the case (or correct its closing). Each saves with Ctrl+S (or Ctrl+Enter)
through a core function on the lane and shows problems by its fields; a problem goes away as
soon as its field is changed, so what is left on screen is what is still wrong."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem
from consultant_app.services.case_actions import (
    ContactDraft,
    ProfessionalChoice,
    add_contact,
    add_note,
    close_case,
)
from consultant_app.services.case_actions import professional_choices as load_choices
from consultant_app.services.case_entries import (
    ContactEntry,
    NoteEntry,
    delete_contact,
    delete_note,
    update_contact,
    update_note,
)
from ui.date_fields import DateField, DateTimeField, refuse_typed_dates
from ui.drafts import DraftDialog, FieldValues, changed_signal
from ui.inquiries.form import SAVE_KEYS
from ui.inquiries.form_fields import ProfessionalCompleter
from ui.labels import from_qdate, from_qdatetime, to_qdate, to_qdatetime
from ui.op import Op, in_vault, vault_op
from ui.section import Session
from ui.widgets import CodeCombo, ErrorLabel, name_from, shortcut_text


class CaseActionDialog(DraftDialog):
    """What is typed is kept as a draft of the case at lock, and Esc asks before throwing it
    away (ui/drafts.py): a subclass names its fields in `values` and calls `ready()`. A stored
    entry being corrected asks on Esc too, but is not kept at lock (`draft_kind` empty)."""

    saved = Signal()

    def __init__(self, session: Session, inquiry_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.inquiry_id = self.draft_inquiry_id = inquiry_id
        self._busy = False
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.errors: dict[str, ErrorLabel] = {}
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(
            self.tr("Save ({shortcut})").format(shortcut=shortcut_text(SAVE_KEYS[0]))
        )
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for keys in SAVE_KEYS:  # through the button: one way to save, refused while it is disabled
            QShortcut(keys, self, self.save_button.click)
        # Only where there is something stored to delete (an entry opened from the timeline).
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.ask_delete)
        self.delete_button.hide()
        self.confirm: QMessageBox | None = None
        box = QDialogButtonBox()  # Save and Cancel in the platform's order
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(widget)
        self.errors[name] = ErrorLabel()
        stack.addWidget(self.errors[name])
        # The label's buddy is the field itself, not its cell: the mnemonic then puts the cursor in
        # the field, and the field gets the label as its name for a screen reader.
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(name_from(caption), cell)
        changed = changed_signal(widget)
        if changed is not None:  # the problem was this field's: changing it answers it
            changed.connect(lambda *_args, field=name: self._field_changed(field))
        return widget

    def _field_changed(self, name: str) -> None:
        self.errors[name].show_message(None)
        self.general_error.show_message(None)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def delete_work(self) -> Callable[[], Any] | None:
        """What deletes the stored entry; None: nothing to delete (a new one)."""
        return None

    def delete_question(self) -> str:
        return ""

    def offer_delete(self) -> None:
        self.delete_button.setVisible(self.delete_work() is not None)

    def ask_delete(self) -> None:
        if self._busy or self.delete_work() is None:
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.delete_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps the entry
        self.confirm.finished.connect(self._answered)
        self.confirm.open()

    def _answered(self, answer: int) -> None:
        self.confirm = None
        work = self.delete_work()
        if answer != QMessageBox.StandardButton.Yes or work is None:
            return
        self._busy = True
        for pushed in (self.save_button, self.delete_button):
            pushed.setEnabled(False)
        Op(self, self.session.lane, work).success(self._saved).report_to(
            self.general_error.show_message
        ).finally_(self._idle).run()

    def save(self) -> None:
        if self._busy or refuse_typed_dates(self):
            return
        self._busy = True
        self.save_button.setEnabled(False)
        for label in (*self.errors.values(), self.general_error):
            label.show_message(None)
        Op(self, self.session.lane, self.work()).success(self._saved).problems(self._refused).report_to(
            self.general_error.show_message
        ).finally_(self._idle).run()

    def _idle(self) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.delete_button.setEnabled(True)

    def _saved(self, _result: object) -> None:
        self.forget_draft()
        self.saved.emit()
        self.accept()

    def _refused(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.errors.get(problem.field, self.general_error).show_message(problem.message())

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class NoteDialog(CaseActionDialog):
    """A new note, or a stored one (`entry`) to correct or delete."""

    def __init__(
        self,
        session: Session,
        inquiry_id: int,
        parent: QWidget | None = None,
        *,
        entry: NoteEntry | None = None,
    ) -> None:
        title = self.tr("Edit note") if entry else self.tr("Add note")
        super().__init__(session, inquiry_id, title, parent)
        self.entry = entry
        self.draft_kind = "" if entry else "note"
        self.text = QPlainTextEdit(entry.text if entry else "")
        self.text.setTabChangesFocus(True)
        self.add_field("text", self.tr("&Note:"), self.text)
        self.offer_delete()
        self.values = FieldValues(lambda: {"text": self.text})
        self.ready()
        self.text.setFocus()

    def work(self) -> Callable[[], Any]:
        if self.entry is not None:
            return in_vault(self.session.vault, update_note, self.entry.id, self.text.toPlainText())
        return in_vault(self.session.vault, add_note, self.inquiry_id, self.text.toPlainText())

    def delete_work(self) -> Callable[[], Any] | None:
        return in_vault(self.session.vault, delete_note, self.entry.id) if self.entry else None

    def delete_question(self) -> str:
        return self.tr("Delete this note? It cannot be undone; the audit log keeps that it was deleted.")


class ContactDialog(CaseActionDialog):
    """A conversation with a professional: one already met (completed as you type) or a new one.
    With `entry`, a stored contact to correct or delete."""

    def __init__(
        self,
        session: Session,
        inquiry_id: int,
        parent: QWidget | None = None,
        *,
        entry: ContactEntry | None = None,
    ) -> None:
        title = self.tr("Edit contact") if entry else self.tr("Add contact")
        super().__init__(session, inquiry_id, title, parent)
        self.entry = entry
        self.draft_kind = "" if entry else "contact"
        self._chosen: ProfessionalChoice | None = None
        self.occurred = DateTimeField()
        self.occurred.setDateTime(to_qdatetime(datetime.now()))
        self.channel = CodeCombo("channel", self.tr("Choose …"))
        self.channel.set_code("telefon")
        self.name = QLineEdit()
        self.completer = ProfessionalCompleter(self.name)
        self.completer.chosen.connect(self._chosen_one)
        self.name.textEdited.connect(self._typed)
        self.email = QLineEdit()
        # An e-mail typed by hand names the professional too: kept as the chosen one's, it would
        # be dropped without a word.
        self.email.textEdited.connect(self._typed)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.add_field("professional_name", self.tr("&Professional:"), self.name)
        self.add_field("professional_email", self.tr("E-&mail:"), self.email)
        self.add_field("occurred_at", self.tr("&When:"), self.occurred)
        self.add_field("channel", self.tr("&Channel:"), self.channel)
        self.add_field("summary", self.tr("&Summary:"), self.summary)
        if entry is not None:
            self._fill(entry)
        self.offer_delete()
        self.values = FieldValues(
            lambda: {
                "professional_name": self.name,
                "professional_email": self.email,
                "occurred_at": self.occurred,
                "channel": self.channel,
                "summary": self.summary,
            }
        )
        self.ready()
        # Suggestions only: without them the field still takes any name.
        vault_op(self, session, load_choices).success(self._choices).quietly().run()
        self.name.setFocus()

    def _fill(self, entry: ContactEntry) -> None:
        stored = entry.draft
        if stored.occurred_at is not None:
            self.occurred.setDateTime(to_qdatetime(stored.occurred_at))
        self.channel.set_code(stored.channel)
        self.name.setText(stored.professional_name or "")
        self.email.setText(stored.professional_email or "")
        self.summary.setPlainText(stored.summary or "")
        if stored.professional_id is not None:  # kept unless the name is typed anew
            self._chosen = ProfessionalChoice(
                stored.professional_id, stored.professional_name or "", stored.professional_email, None, None
            )

    def _choices(self, choices: list[ProfessionalChoice]) -> None:
        self.completer.professionals.set_choices(choices)

    def _chosen_one(self, choice: ProfessionalChoice) -> None:
        self._chosen = choice
        self.email.setText(choice.email or "")

    def _typed(self) -> None:
        self._chosen = None  # a name typed by hand: found again by e-mail, or a new professional

    def work(self) -> Callable[[], Any]:
        draft = ContactDraft(
            occurred_at=from_qdatetime(self.occurred.dateTime()),
            channel=self.channel.code(),
            professional_id=self._chosen.id if self._chosen else None,
            professional_name=self.name.text().strip() or None,
            professional_email=self.email.text().strip() or None,
            summary=self.summary.toPlainText() or None,
        )
        if self.entry is not None:
            return in_vault(self.session.vault, update_contact, self.entry.id, draft)
        return in_vault(self.session.vault, add_contact, self.inquiry_id, draft)

    def delete_work(self) -> Callable[[], Any] | None:
        return in_vault(self.session.vault, delete_contact, self.entry.id) if self.entry else None

    def delete_question(self) -> str:
        return self.tr("Delete this contact? It cannot be undone; the audit log keeps that it was deleted.")


class CloseDialog(CaseActionDialog):
    """Close the case; on a closed case, correct its closing date or reason."""

    def __init__(
        self,
        session: Session,
        inquiry_id: int,
        parent: QWidget | None = None,
        *,
        closed_on: date | None = None,
        reason: str | None = None,
    ) -> None:
        title = self.tr("Edit closing") if closed_on else self.tr("Close case")
        super().__init__(session, inquiry_id, title, parent)
        today = date.today()
        self.closed_on = DateField()
        self.closed_on.setDate(
            to_qdate(closed_on) if closed_on else QDate(today.year, today.month, today.day)
        )
        self.reason = CodeCombo("closing_reason", self.tr("Choose …"))
        self.reason.set_code(reason)
        self.add_field("closing_reason", self.tr("&Reason:"), self.reason)
        self.add_field("closed_on", self.tr("&Closed on:"), self.closed_on)
        self.reason.setFocus()

    def work(self) -> Callable[[], Any]:
        return in_vault(
            self.session.vault,
            close_case,
            self.inquiry_id,
            from_qdate(self.closed_on.date()),
            self.reason.code(),
        )
