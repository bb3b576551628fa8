"""Small dialogs on an open case: add a note, add a contact, close the case. Each saves with
Ctrl+S (or Ctrl+Enter) through a core function on the lane and shows problems by its fields."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
from ui.date_fields import refuse_typed_dates
from ui.drafts import DraftDialog, FieldValues
from ui.inquiries.form import SAVE_KEYS
from ui.inquiries.form_fields import ProfessionalCompleter
from ui.labels import from_qdate, from_qdatetime, to_qdatetime
from ui.op import Op, in_vault, vault_op
from ui.section import Session
from ui.widgets import CodeCombo, DateField, DateTimeField, ErrorLabel, name_from, shortcut_text


class CaseActionDialog(DraftDialog):
    """What is typed is kept as a draft of the case at lock, and Esc asks before throwing it
    away (ui/drafts.py): a subclass names its fields in `values` and calls `ready()`."""

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
        buttons = QDialogButtonBox()  # in the platform's order
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(widget)
        self.errors[name] = ErrorLabel()
        stack.addWidget(self.errors[name])
        # The label's buddy is the field itself, not its cell: the mnemonic then puts the cursor in
        # the field, and the field gets the label as its name for a screen reader.
        caption = name_from(QLabel(label, buddy=widget))
        self.form.addRow(caption, cell)
        return widget

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

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
    draft_kind = "note"

    def __init__(self, session: Session, inquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, inquiry_id, self.tr("Add note"), parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.add_field("text", self.tr("&Note:"), self.text)
        self.values = FieldValues(lambda: {"text": self.text})
        self.ready()
        self.text.setFocus()

    def work(self) -> Callable[[], Any]:
        return in_vault(self.session.vault, add_note, self.inquiry_id, self.text.toPlainText())


class ContactDialog(CaseActionDialog):
    """A conversation with a professional: one already met (completed as you type) or a new one."""

    draft_kind = "contact"

    def __init__(self, session: Session, inquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, inquiry_id, self.tr("Add contact"), parent)
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
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.add_field("professional_name", self.tr("&Professional:"), self.name)
        self.add_field("professional_email", self.tr("E-&mail:"), self.email)
        self.add_field("occurred_at", self.tr("&When:"), self.occurred)
        self.add_field("channel", self.tr("&Channel:"), self.channel)
        self.add_field("summary", self.tr("&Summary:"), self.summary)
        # Suggestions only: without them the field still takes any name.
        vault_op(self, session, load_choices).success(self._choices).quietly().run()
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
        self.name.setFocus()

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
        return in_vault(self.session.vault, add_contact, self.inquiry_id, draft)


class CloseDialog(CaseActionDialog):
    def __init__(self, session: Session, inquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, inquiry_id, self.tr("Close case"), parent)
        today = date.today()
        self.closed_on = DateField()
        self.closed_on.setDate(QDate(today.year, today.month, today.day))
        self.reason = CodeCombo("closing_reason", self.tr("Choose …"))
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
