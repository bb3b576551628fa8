"""One risk assessment: a draft to fill in, save (Ctrl+S) and finalise, or a finalised one to
read (every input disabled: the core refuses changes anyway) and to revise into a new draft.

Everything is read and written through consultant_app.risk on the lane; the editor only turns
widgets into an `AssessmentContent` and back.
"""

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem, ValidationError
from consultant_app.risk import (
    CHECKLIST,
    PROTECTIVE,
    RISK,
    SPJ,
    Assessment,
    AssessmentContent,
    HistoryEntry,
    Instrument,
    default_library,
    delete_draft,
    finalise_assessment,
    get_assessment,
    history,
    problems_before_finalising,
    revise_assessment,
    save_draft,
)
from consultant_app.risk import texts as T
from consultant_app.risk.checks import REASON_REQUIRED
from consultant_app.risk.content_json import content_from_json, content_to_json
from consultant_app.services.drafts import discard_draft
from ui.date_fields import refuse_typed_dates
from ui.labels import from_qdate, short_date, to_qdate
from ui.op import error_text, vault_op
from ui.risk.factors import FactorGrid
from ui.risk.fields import CodeChoice, MeasuresEditor, OptionalDate, level_choice
from ui.risk.texts import change_lines, instrument_name, level_text, problem_lines, row_summary, status_text
from ui.section import Session
from ui.widgets import ERROR_STYLE, DateField, StatusLine, heading, shortcut_text

ID_ROLE = Qt.ItemDataRole.UserRole
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QAbstractButton)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before something that cannot be undone (tests replace it)."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class Loaded:
    assessment: Assessment
    instrument: Instrument
    history: list[HistoryEntry]


def load(session, assessment_id: int) -> Loaded:
    a = get_assessment(session, assessment_id)
    instrument = default_library().get(a.instrument_id, a.instrument_version)
    return Loaded(a, instrument, history(session, a.inquiry_id, instrument_id=a.instrument_id))


def save_and_load(session, assessment_id: int, content: AssessmentContent) -> Loaded:
    save_draft(session, assessment_id, content)
    return load(session, assessment_id)


def save_and_check(session, assessment_id: int, content: AssessmentContent) -> tuple[Loaded, list[Problem]]:
    save_draft(session, assessment_id, content)
    return load(session, assessment_id), problems_before_finalising(session, assessment_id)


def finalise_and_load(session, assessment_id: int) -> Loaded:
    finalise_assessment(session, assessment_id)
    return load(session, assessment_id)


def revise_and_load(session, assessment_id: int) -> Loaded:
    return load(session, revise_assessment(session, assessment_id).id)


def _text(edit: QLineEdit | QPlainTextEdit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


def _comparable(content: AssessmentContent) -> AssessmentContent:
    """Content as the editor would give it back: unrated items and measure ids left out."""
    ratings = tuple(
        replace(r, note=(r.note or "").strip() or None)
        for r in content.ratings
        if (r.now, r.earlier, (r.note or "").strip() or None) != (None, None, None)
    )
    measures = tuple(
        replace(m, id=None, action=m.action.strip(), responsible=m.responsible.strip())
        for m in content.measures
    )
    return replace(content, ratings=ratings, measures=measures)


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
        self.busy = False
        self.draft_id: int | None = None  # the stored draft this editing continues
        self._pending_draft: dict | None = None
        self.changed.connect(self._forget_draft)  # saved (or finalised, deleted): no longer a draft

        self.title = heading(self.tr("Risk assessment"), 1.4)
        self.status = QLabel()
        self.message = StatusLine(collapse=True)

        def button(text: str, slot, keys=None) -> QPushButton:
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

        self.body = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self._enable()
        self._run(load, self.assessment_id, done=self._show)

    # --- building the form for one instrument -------------------------------------------------

    def _build(self, instrument: Instrument) -> None:
        spj = instrument.kind == SPJ
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 12, 0)

        basics = QFormLayout()
        self.instrument_label = QLabel()
        self.instrument_label.setWordWrap(True)
        self.assessed_on = DateField()
        self.assessed_on.setMaximumWidth(160)
        self.assessor = QLineEdit()
        self.assessor.setMaxLength(200)
        self.assessor.setMaximumWidth(420)
        self.previous_label = QLabel()
        basics.addRow(T.INSTRUMENT.render(), self.instrument_label)
        basics.addRow(T.ASSESSED_ON.render(), self.assessed_on)
        basics.addRow(T.ASSESSOR.render(), self.assessor)
        basics.addRow(T.PREVIOUS.render(), self.previous_label)
        column.addLayout(basics)

        self.sources = self._text_box(column, T.SOURCES)
        self.missing = self._text_box(column, T.MISSING)

        column.addWidget(heading((T.FACTORS if spj else T.QUESTIONS).render(), 1.15))
        legend = QLabel((T.FACTORS_LEGEND if spj else T.CHECKLIST_LEGEND).render())
        legend.setWordWrap(True)
        column.addWidget(legend)
        self.factors = FactorGrid(instrument, RISK)
        column.addWidget(self.factors)

        self.protective: FactorGrid | None = None
        self.protective_text = self.scenarios = None
        self.serious = self.imminent = None
        self.override: CodeChoice | None = None
        if spj:
            if any(g.kind == PROTECTIVE for g in instrument.groups):
                column.addWidget(heading(T.PROTECTIVE.render(), 1.15))
                self.protective = FactorGrid(instrument, PROTECTIVE)
                column.addWidget(self.protective)
            self.protective_text = self._text_box(column, T.PROTECTIVE_OTHER)
            self.scenarios = self._text_box(column, T.SCENARIOS)
            judgement = QGroupBox(T.JUDGEMENT.render())
            form = QFormLayout(judgement)
            self.serious, self.imminent = level_choice(), level_choice()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            form.addRow(T.SERIOUS_VIOLENCE.render(), self.serious)
            form.addRow(T.IMMINENT_RISK.render(), self.imminent)
            column.addWidget(judgement)
        else:
            screening = QGroupBox(T.SCREENING.render())
            form = QFormLayout(screening)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            self.count_label, self.band_label, self.result_label = QLabel(), QLabel(), QLabel()
            self.override = level_choice()
            self.override_reason = QLineEdit()
            self.override_reason.setMinimumWidth(520)
            self.reason_hint = QLabel(REASON_REQUIRED.render())
            self.reason_hint.setStyleSheet(ERROR_STYLE)
            form.addRow(T.YES_COUNT.render(), self.count_label)
            form.addRow(T.BAND.render(), self.band_label)
            form.addRow(T.OVERRIDE.render(), self.override)
            form.addRow(T.OVERRIDE_REASON.render(), self.override_reason)
            form.addRow("", self.reason_hint)
            form.addRow(f"<b>{T.RESULT.render()}</b>", self.result_label)
            column.addWidget(screening)
            self.factors.changed.connect(self._update_screening)
            self.override.changed.connect(self._update_screening)
            self.override_reason.textChanged.connect(self._update_screening)

        column.addWidget(heading(T.MEASURES.render(), 1.15))
        self.measures = MeasuresEditor()
        column.addWidget(self.measures)

        follow = QFormLayout()
        self.next_review = OptionalDate(self.tr("Set"), T.NEXT_REVIEW.render())
        self.shared_with = QLineEdit()
        self.shared_basis = QLineEdit()
        for edit in (self.shared_with, self.shared_basis):
            edit.setMaximumWidth(640)
        follow.addRow(T.NEXT_REVIEW.render(), self.next_review)
        follow.addRow(T.SHARED_WHO.render(), self.shared_with)
        follow.addRow(T.SHARED_BASIS.render(), self.shared_basis)
        column.addLayout(follow)

        column.addWidget(heading(self.tr("History"), 1.15))
        hint = QLabel(self.tr("Oldest first; what changed since the assessment before. Enter opens one."))
        hint.setEnabled(False)
        column.addWidget(hint)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("History"))
        self.history.itemActivated.connect(self._open_from_history)
        column.addWidget(self.history)
        column.addStretch()

    def _text_box(self, column: QVBoxLayout, caption) -> QPlainTextEdit:
        column.addWidget(QLabel(f"<b>{caption.render()}</b>"))
        edit = QPlainTextEdit()
        edit.setAccessibleName(caption.render())  # the caption above is a heading, not a buddy
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        column.addWidget(edit)
        return edit

    # --- showing ---------------------------------------------------------------------------

    def _show(self, loaded: Loaded) -> None:
        first = self.loaded is None or self.loaded.instrument.key != loaded.instrument.key
        self.loaded = loaded
        self.assessment_id = loaded.assessment.id
        if first:
            self.body.deleteLater()
            self.body = QWidget()
            self._build(loaded.instrument)
            self.scroll.setWidget(self.body)
        a, c = loaded.assessment, loaded.assessment.content
        self.title.setText((T.TITLE if a.is_finalised else T.TITLE_DRAFT).render(case=a.case_code))
        state = status_text(a.status)
        if a.is_finalised and a.finalised_at:
            state = T.STATUS_FINALISED.render(date=short_date(a.finalised_at.date()))
        if a.next_id is not None:
            state += " · " + self.tr("followed by no. {id}").format(id=a.next_id)
        self.status.setText(f"{self.tr('No. {id}').format(id=a.id)} · {state}")
        self.instrument_label.setText(
            instrument_name(loaded.instrument, a.instrument_id, a.instrument_version)
        )
        previous = next((e.assessment for e in loaded.history if e.assessment.id == a.previous_id), None)
        self.previous_label.setText(
            T.PREVIOUS_VALUE.render(id=previous.id, date=short_date(previous.assessed_on))
            if previous
            else T.NONE.render()
        )
        self.assessed_on.setDate(to_qdate(c.assessed_on))
        self.assessor.setText(c.assessor)
        self.sources.setPlainText(c.sources or "")
        self.missing.setPlainText(c.missing_information or "")
        self.factors.set_ratings(c.ratings)
        self.factors.mark(set())
        if self.protective is not None:
            self.protective.set_ratings(c.ratings)
        if self.protective_text is not None:
            self.protective_text.setPlainText(c.protective_factors or "")
            self.scenarios.setPlainText(c.scenarios or "")
            self.serious.set_code(c.serious_violence)
            self.imminent.set_code(c.imminent_risk)
        if self.override is not None:
            self.override.set_code(c.screening_override)
            self.override_reason.setText(c.screening_override_reason or "")
            self._update_screening()
        self.measures.set_measures(c.measures)
        self.next_review.set_value(c.next_review_on)
        self.shared_with.setText(c.shared_with or "")
        self.shared_basis.setText(c.shared_basis or "")
        self._show_history(loaded)
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

    def _show_history(self, loaded: Loaded) -> None:
        self.history.clear()
        for entry in loaded.history:
            row = entry.assessment
            text = self.tr("No. {id}").format(id=row.id) + f" · {row_summary(row)}"
            if row.id == self.assessment_id:
                text += " " + self.tr("(this one)")
            if entry.changes is not None:
                text += "\n" + "\n".join(f"   – {line}" for line in change_lines(entry.changes))
            item = QListWidgetItem(text, self.history)
            item.setData(ID_ROLE, row.id)
            font = item.font()
            font.setBold(row.id == self.assessment_id)
            item.setFont(font)
        rows = sum(self.history.sizeHintForRow(n) for n in range(self.history.count()))
        self.history.setFixedHeight(min(max(rows + 8, 60), 320))

    def _update_screening(self) -> None:
        instrument = self.loaded.instrument
        yes = self.factors.yes_count()
        self.count_label.setText(T.YES_COUNT_VALUE.render(yes=yes, items=len(instrument.risk_items)))
        band = instrument.band_for(yes)
        low, high = instrument.band_range(band) if band else (0, 0)
        self.band_label.setText(T.BAND_VALUE.render(level=level_text(band), low=low, high=high))
        override = self.override.code()
        self.result_label.setText(f"<b>{level_text(override or band)}</b>")
        self.reason_hint.setVisible(override is not None and not self.override_reason.text().strip())

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
        if a is None:
            return
        for widget in self.body.findChildren(QWidget):
            if isinstance(widget, INPUTS) and widget.parent() is not self.history:
                widget.setEnabled(draft)
        self.next_review.set_editable(draft)
        self.measures.set_editable(draft)
        for row in self.measures.rows:
            row.deadline.set_editable(draft)

    @property
    def read_only(self) -> bool:
        return bool(self.loaded and self.loaded.assessment.is_finalised)

    # --- the content -----------------------------------------------------------------------

    def content(self) -> AssessmentContent:
        c = self.loaded.assessment.content
        ratings = self.factors.ratings() + (self.protective.ratings() if self.protective else ())
        changes = {
            "assessed_on": from_qdate(self.assessed_on.date()),
            "assessor": self.assessor.text().strip(),
            "sources": _text(self.sources),
            "missing_information": _text(self.missing),
            "next_review_on": self.next_review.value(),
            "shared_with": _text(self.shared_with),
            "shared_basis": _text(self.shared_basis),
            "ratings": ratings,
            "measures": self.measures.measures(),
        }
        if self.protective_text is not None:
            changes |= {
                "protective_factors": _text(self.protective_text),
                "scenarios": _text(self.scenarios),
                "serious_violence": self.serious.code(),
                "imminent_risk": self.imminent.code(),
            }
        if self.override is not None:
            changes |= {
                "screening_override": self.override.code(),
                "screening_override_reason": _text(self.override_reason),
            }
        return replace(c, **changes)

    def has_changes(self) -> bool:
        if self.loaded is None or self.read_only:
            return False
        return _comparable(self.content()) != _comparable(self.loaded.assessment.content)

    # --- acting ----------------------------------------------------------------------------

    def _run(self, function, *args, done) -> None:
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
        self.factors.mark(missing)

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

        def deleted(_result) -> None:
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

    def _open_from_history(self, item: QListWidgetItem) -> None:
        self.open_assessment(item.data(ID_ROLE))
