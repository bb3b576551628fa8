"""A form's unsaved input survives the lock: the forms' side of consultant_app/services/drafts.py.

A form that can keep a draft offers two methods, `draft_state() -> dict | None` (its values when
something was typed, None when there is nothing to keep) and `restore_draft(dict)`, and says what
it is (`draft_kind`, the case and record it belongs to, the draft it was continued from). The
forms are found where they are: every open widget of the main window that has these methods, so
a new form takes part by having them, with nothing to register or unregister. At lock the main
window asks `collect_drafts` (on the GUI thread, before anything is hidden) and stores them on
the database lane before the vault closes; after unlock `DraftOffer` offers them again.

`FieldValues` reads and writes a form's fields (by name) to plain JSON, the same way for every
form; its snapshot taken when the form is ready is what "nothing typed" means. `DraftDialog` is
the dialog side of it: Esc and Cancel ask before throwing typed input away (a non-blocking
question, so a lock meanwhile still keeps the draft), in the platform's button order.
"""

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from consultant_app.services.drafts import DraftToSave, discard_draft
from ui.date_fields import DateField, DateTimeField
from ui.op import vault_op
from ui.widgets import CheckList, CodeCombo

if TYPE_CHECKING:
    from ui.section import Session

log = logging.getLogger(__name__)


# --- reading and writing a form's fields -------------------------------------------------------


def field_value(widget: QWidget) -> Any:
    """One field as JSON: what is typed (a date as its text, so a half-typed one survives too)."""
    if isinstance(widget, DateField | DateTimeField):
        return widget.text()
    if isinstance(widget, CodeCombo):
        return widget.code()
    if isinstance(widget, CheckList):
        return list(widget.codes())
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    raise TypeError(f"no draft value for {type(widget).__name__}")


def changed_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a field sends when the user changes it (None for a kind that has none here)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, DateTimeField):
        return widget.dateTimeChanged
    if isinstance(widget, DateField):
        return widget.dateChanged
    if isinstance(widget, CheckList):
        return widget.itemChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None


def set_field_value(widget: QWidget, value: Any) -> None:
    """The reverse of `field_value`; a value of the wrong type is skipped, never guessed at."""
    if isinstance(widget, DateField | DateTimeField) and isinstance(value, str):
        widget.edit.setText(value)
        widget.interpret()
    elif isinstance(widget, CodeCombo) and (value is None or isinstance(value, str)):
        widget.set_code(value)
    elif isinstance(widget, CheckList) and isinstance(value, list):
        widget.set_codes([v for v in value if isinstance(v, str)])
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, str):
        widget.setCurrentText(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


class FieldValues:
    """A form's named fields as a draft. `mark_pristine()` when the form is ready (defaults set,
    a record loaded); `changed()` is then what the user typed since, or None."""

    def __init__(self, fields: Callable[[], Mapping[str, QWidget]]) -> None:
        self._fields = fields
        self._pristine: dict[str, Any] | None = None

    def read(self) -> dict[str, Any]:
        return {name: field_value(widget) for name, widget in self._fields().items()}

    def write(self, values: Mapping[str, Any]) -> None:
        for name, widget in self._fields().items():
            if name in values:
                set_field_value(widget, values[name])

    def mark_pristine(self) -> None:
        self._pristine = self.read()

    @property
    def ready(self) -> bool:
        return self._pristine is not None

    def changed(self) -> dict[str, Any] | None:
        if self._pristine is None:  # still loading: nothing of the user's is in it yet
            return None
        values = self.read()
        return values if values != self._pristine else None


# --- the forms that can keep a draft -----------------------------------------------------------


def is_draft_source(widget: object) -> bool:
    return callable(getattr(widget, "draft_state", None)) and callable(getattr(widget, "restore_draft", None))


def collect_drafts(root: QWidget) -> list[DraftToSave]:
    """The drafts of every open form under `root`. A form that fails to say is left out and
    logged by the kind of failure only: the lock goes on (its text is never in a log)."""
    drafts: list[DraftToSave] = []
    for widget in root.findChildren(QWidget):
        # A window (a dialog) counts while it is open; a form inside a screen (the risk editor)
        # while it is there, shown or not.
        if not is_draft_source(widget) or (widget.isWindow() and not widget.isVisible()):
            continue
        if not getattr(widget, "draft_kind", ""):  # asks on Esc, but is not kept at lock
            continue
        try:
            content = widget.draft_state()  # type: ignore[attr-defined]  # checked by is_draft_source
            if content is not None:
                drafts.append(
                    DraftToSave(
                        kind=widget.draft_kind,  # type: ignore[attr-defined]  # the protocol's
                        content=content,
                        inquiry_id=getattr(widget, "draft_inquiry_id", None),
                        record_id=getattr(widget, "draft_record_id", None),
                        draft_id=getattr(widget, "draft_id", None),
                    )
                )
        except Exception as exc:
            log.warning("a form's draft could not be read: %s", type(exc).__name__)
    return drafts


class DraftDialog(QDialog):
    """A dialog whose typed input is kept at lock and is not thrown away unasked.

    Subclasses set `draft_kind` (and `draft_inquiry_id`/`draft_record_id` when they belong to a
    case or edit a record), give `self.values` their fields, and call `values.mark_pristine()`
    once the form is ready. `draft_id` is set when the form continues a stored draft; the form's
    save discards it in the same unit of work. `restore_draft` of a form still loading waits
    for `ready()`."""

    draft_kind = ""

    def __init__(self, session: "Session", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft_inquiry_id: int | None = None
        self.draft_record_id: int | None = None
        self.draft_id: int | None = None
        self.values = FieldValues(lambda: {})
        self.discard_question: QMessageBox | None = None
        self._pending: dict[str, Any] | None = None
        self._busy = False  # a save is running: not closed under it

    # --- the draft protocol --------------------------------------------------------------

    def draft_state(self) -> dict[str, Any] | None:
        if self._pending is not None:  # locked again before the record had loaded
            return self._pending
        return self.values.changed()

    def restore_draft(self, state: dict[str, Any]) -> None:
        if self.values.ready:
            self.values.write(state)
        else:
            self._pending = dict(state)

    def ready(self) -> None:
        """The form shows what it was opened with: from here on, a change is the user's."""
        self.values.mark_pristine()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.values.write(pending)

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy:
            return
        if self.discard_question is not None:
            return
        if self.draft_state() is None:
            self.discard()
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard what you have typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.setEscapeButton(QMessageBox.StandardButton.Cancel)
        question.setWindowModality(Qt.WindowModality.WindowModal)
        question.finished.connect(self._discard_answered)
        self.discard_question = question
        question.open()

    def _discard_answered(self, _result: int) -> None:
        question, self.discard_question = self.discard_question, None
        if question is None:
            return
        discard = question.clickedButton() is question.button(QMessageBox.StandardButton.Discard)
        question.deleteLater()
        if discard:
            self.discard()

    def forget_draft(self) -> None:
        """The input is stored as a record now: the draft it was continued from goes."""
        if self.draft_id is not None:
            self.drop_stored_draft(self.draft_id)
            self.draft_id = None
        if self.values.ready:
            self.values.mark_pristine()

    def discard(self) -> None:
        """Close without keeping anything: the stored draft, if any, goes too."""
        if self.draft_id is not None:
            self.drop_stored_draft(self.draft_id)
            self.draft_id = None
        super().reject()

    def drop_stored_draft(self, draft_id: int) -> None:
        """On the lane; it runs even though this dialog is gone by then (nothing to report)."""
        vault_op(self, self.session, discard_draft, draft_id).quietly().run()
