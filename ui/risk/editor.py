"""One risk assessment: a draft to fill in, save (Ctrl+S) and finalise, or a finalised one to
read (every input disabled: the core refuses changes anyway) and to revise into a new draft.

Everything is read and written through consultant_app.risk on the lane (ui/risk/loading.py);
the form for the instrument (ui/risk/form.py) turns widgets into an `AssessmentContent` and
back. This module is the frame around it: title, actions, messages, and what they do.
"""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem, ValidationError
from consultant_app.risk import CHECKLIST, AssessmentContent, delete_draft
from consultant_app.risk import texts as T
from consultant_app.risk.content_json import content_from_json, content_to_json
from consultant_app.services.drafts import discard_draft
from ui.date_fields import refuse_typed_dates
from ui.labels import short_date
from ui.op import error_text, vault_op
from ui.risk.form import AssessmentForm, comparable
from ui.risk.loading import Loaded, finalise_and_load, load, revise_and_load, save_and_check, save_and_load
from ui.risk.texts import problem_lines, status_text
from ui.section import Session
from ui.widgets import StatusLine, heading, shortcut_text


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before something that cannot be undone (tests replace it)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class AssessmentEditor(QWidget):
    back = Signal()
    changed = Signal()  # saved, finalised, revised or deleted: the list may be stale
    print_wanted = Signal(int)  # assessment id
    draft_kind = "risk_assessment"  # unsaved changes are kept at lock (ui/drafts.py)

    def __init__(self, session: Session, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.assessment_id = assessment_id
        self.loaded: Loaded | None = None
        self.form: AssessmentForm | None = None  # made when the instrument is known
        self.busy = False
        self.draft_id: int | None = None  # the stored draft this editing continues
        self._pending_draft: dict | None = None
        self.changed.connect(self._forget_draft)  # saved (or finalised, deleted): no longer a draft

        self.title = heading(self.tr("Risk assessment"), 1.4)
        self.status = QLabel()
        self.message = StatusLine(collapse=True)

        def button(
            text: str,
            slot: Callable[[], None],
            keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
        ) -> QPushButton:
            if keys is not None:
                text = f"{text} ({shortcut_text(keys)})"
            pushed = QPushButton(text)
            pushed.setAutoDefault(False)
            pushed.clicked.connect(slot)
            if keys is not None:  # the key presses the button: one way in, refused while disabled
                shortcut = QShortcut(QKeySequence(keys), self, pushed.click)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            return pushed

        self.back_button = button(self.tr("&Back"), self.go_back)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_button = button(self.tr("&Save draft"), self.save, QKeySequence.StandardKey.Save)
        self.finalise_button = button(self.tr("&Finalise…"), self.finalise)
        self.revise_button = button(self.tr("&New assessment based on this…"), self.revise)
        self.delete_button = button(self.tr("&Delete draft…"), self.delete)
        self.print_button = button(
            self.tr("&Print / PDF…"), lambda: self.print_wanted.emit(self.assessment_id), "Ctrl+P"
        )
        actions = QHBoxLayout()
        for pushed in (
            self.back_button,
            self.save_button,
            self.finalise_button,
            self.revise_button,
            self.print_button,
        ):
            actions.addWidget(pushed)
        actions.addStretch()
        actions.addWidget(self.delete_button)

        self.body: QWidget = QWidget()  # the form, once loaded
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)
        self._enable()
        self._run(load, self.assessment_id, done=self._show)

    # --- showing ---------------------------------------------------------------------------

    def _show(self, loaded: Loaded) -> None:
        form = self.form
        if form is None or self.loaded is None or self.loaded.instrument.key != loaded.instrument.key:
            self.body.deleteLater()
            form = self.form = AssessmentForm(loaded.instrument)
            form.history.opened.connect(self.open_assessment)
            self.body = form
            self.scroller.setWidget(form)
        self.loaded = loaded
        self.assessment_id = loaded.assessment.id
        a = loaded.assessment
        self.title.setText((T.TITLE if a.is_finalised else T.TITLE_DRAFT).render(case=a.case_code))
        state = status_text(a.status)
        if a.is_finalised and a.finalised_at:
            state = T.STATUS_FINALISED.render(date=short_date(a.finalised_at.date()))
        if a.next_id is not None:
            state += " · " + self.tr("followed by no. {id}").format(id=a.next_id)
        number = self.tr("No. {id}").format(id=a.id)  # outside the f-string, where lupdate finds it
        self.status.setText(f"{number} · {state}")
        form.show_loaded(loaded)
        self._enable()
        if self._pending_draft is not None:
            self._apply_draft()

    # --- a draft at lock (ui/drafts.py) ----------------------------------------------------

    @property
    def draft_record_id(self) -> int:
        return self.assessment_id

    @property
    def draft_inquiry_id(self) -> int | None:
        return self.loaded.assessment.inquiry_id if self.loaded else None

    def draft_state(self) -> dict | None:
        if self._pending_draft is not None:
            return self._pending_draft
        return content_to_json(self.content()) if self.has_changes() else None

    def restore_draft(self, state: dict) -> None:
        self._pending_draft = dict(state)
        if self.loaded is not None:
            self._apply_draft()

    def _apply_draft(self) -> None:
        """Show the draft over the stored assessment, which stays what `has_changes` compares to."""
        state, self._pending_draft, loaded = self._pending_draft, None, self.loaded
        if state is None or loaded is None or self.read_only:
            return
        shown = content_from_json(state, loaded.assessment.content)
        self._show(replace(loaded, assessment=replace(loaded.assessment, content=shown)))
        self.loaded = loaded

    def _forget_draft(self) -> None:
        if self.draft_id is not None:
            vault_op(self, self.session, discard_draft, self.draft_id).quietly().run()
            self.draft_id = None

    def _enable(self) -> None:
        a = self.loaded.assessment if self.loaded else None
        draft = a is not None and not a.is_finalised
        self.save_button.setEnabled(draft and not self.busy)
        self.finalise_button.setEnabled(draft and not self.busy)
        self.delete_button.setVisible(a is None or draft)
        self.delete_button.setEnabled(draft and not self.busy)
        self.revise_button.setVisible(a is not None and a.is_finalised)
        self.revise_button.setEnabled(a is not None and a.next_id is None and not self.busy)
        self.print_button.setEnabled(a is not None and not self.busy)
        if a is not None and self.form is not None:
            self.form.set_editable(draft)

    @property
    def read_only(self) -> bool:
        return bool(self.loaded and self.loaded.assessment.is_finalised)

    # --- the content -----------------------------------------------------------------------

    def content(self) -> AssessmentContent:
        assert self.loaded is not None and self.form is not None, "no content before the first load"
        return self.form.content(self.loaded.assessment.content)

    def has_changes(self) -> bool:
        if self.loaded is None or self.form is None or self.read_only:
            return False
        return comparable(self.content()) != comparable(self.loaded.assessment.content)

    # --- acting ----------------------------------------------------------------------------

    def _run(self, function: Callable[..., Any], *args: Any, done: Callable[[Any], None]) -> None:
        self.busy = True
        self._enable()

        def idle() -> None:
            self.busy = False
            self._enable()

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationError):
                self._show_problems(error.problems)
            else:
                self.message.error(error_text(error))

        vault_op(self, self.session, function, *args).success(done).failure(failed).finally_(idle).run()

    def _show_problems(self, problems: list[Problem]) -> None:
        checklist = bool(self.loaded and self.loaded.instrument.kind == CHECKLIST)
        lines = problem_lines(problems, checklist=checklist)
        heading_text = self.tr("Not yet ready to be finalised:")
        self.message.error(heading_text + "\n" + "\n".join(f"• {line}" for line in lines))
        missing = {p.field.split(".")[1] for p in problems if p.field.startswith("ratings.")}
        if self.form is not None:
            self.form.factors.mark(missing)

    def save(self) -> None:
        if self.loaded is None or self.read_only or self.busy or refuse_typed_dates(self):
            return

        def saved(loaded: Loaded) -> None:
            self._show(loaded)
            self.message.ok(self.tr("The draft is saved."))
            self.changed.emit()

        self._run(save_and_load, self.assessment_id, self.content(), done=saved)

    def finalise(self) -> None:
        if self.loaded is None or self.read_only or self.busy or refuse_typed_dates(self):
            return

        def checked(result: tuple[Loaded, list[Problem]]) -> None:
            loaded, problems = result
            self._show(loaded)
            self.changed.emit()
            if problems:
                self._show_problems(problems)
                return
            self.message.clear_message()
            question = self.tr(
                "Finalise the assessment? It cannot be changed afterwards; a later change is a new "
                "assessment based on this one. The next review and the measures' deadlines become "
                "follow-ups on the case."
            )
            if confirm(self, self.tr("Finalise the assessment"), question):
                self._run(finalise_and_load, self.assessment_id, done=finalised)

        def finalised(loaded: Loaded) -> None:
            self._show(loaded)
            self.message.ok(self.tr("The assessment is finalised and can no longer be changed."))
            self.changed.emit()

        self._run(save_and_check, self.assessment_id, self.content(), done=checked)

    def revise(self) -> None:
        if not self.read_only or self.busy:
            return
        question = self.tr(
            "Make a new assessment based on this one? It starts as a draft with the same "
            "answers; this one stays as it is."
        )
        if not confirm(self, self.tr("New assessment"), question):
            return

        def revised(loaded: Loaded) -> None:
            self._show(loaded)
            self.message.ok(
                self.tr("A new draft, based on no. {id}.").format(id=loaded.assessment.previous_id)
            )
            self.changed.emit()

        self._run(revise_and_load, self.assessment_id, done=revised)

    def delete(self) -> None:
        if self.loaded is None or self.read_only or self.busy:
            return
        if not confirm(self, self.tr("Delete draft"), self.tr("Delete this draft? It cannot be undone.")):
            return

        def deleted(_result: None) -> None:
            self.loaded = None
            self.changed.emit()
            self.back.emit()

        self._run(delete_draft, self.assessment_id, done=deleted)

    def go_back(self) -> None:
        if self.has_changes() and not confirm(
            self, self.tr("Unsaved changes"), self.tr("Leave the draft without saving your changes?")
        ):
            return
        self.back.emit()

    def open_assessment(self, assessment_id: int) -> None:
        if assessment_id == self.assessment_id or self.busy:
            return
        if self.has_changes() and not confirm(
            self, self.tr("Unsaved changes"), self.tr("Leave the draft without saving your changes?")
        ):
            return
        self.message.clear_message()
        self._run(load, assessment_id, done=self._show)
