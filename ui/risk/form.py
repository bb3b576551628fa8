"""The assessment form for one instrument, between widgets and an `AssessmentContent`: the basics,
the rated factors, the judgement (structured professional judgement) or the screening result
(checklist), the measures, the follow-up and the history. The editor around it acts (save,
finalise, revise); the form only shows and reads back."""

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app.i18n import Text
from consultant_app.risk import PROTECTIVE, RISK, SPJ, AssessmentContent, Instrument
from consultant_app.risk import texts as T
from consultant_app.risk.checks import REASON_REQUIRED
from ui import theme
from ui.date_fields import DateField
from ui.labels import from_qdate, short_date, to_qdate
from ui.risk.factors import FactorGrid
from ui.risk.fields import CodeChoice, OptionalDate, level_choice
from ui.risk.history import HistoryList
from ui.risk.loading import Loaded
from ui.risk.measures import MeasuresEditor
from ui.risk.texts import instrument_name, level_text
from ui.widgets import heading

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QAbstractButton)


def _text(edit: QLineEdit | QPlainTextEdit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


def comparable(content: AssessmentContent) -> AssessmentContent:
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


def text_box(column: QVBoxLayout, caption: Text) -> QPlainTextEdit:
    column.addWidget(QLabel(f"<b>{caption.render()}</b>"))
    edit = QPlainTextEdit()
    edit.setAccessibleName(caption.render())  # the caption above is a heading, not a buddy
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    column.addWidget(edit)
    return edit


class Judgement(QWidget):
    """Structured professional judgement: the protective factors, the scenarios and the two
    summary judgements."""

    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.protective: FactorGrid | None = None
        if any(g.kind == PROTECTIVE for g in instrument.groups):
            column.addWidget(heading(T.PROTECTIVE.render(), 1.15))
            self.protective = FactorGrid(instrument, PROTECTIVE)
            column.addWidget(self.protective)
        self.protective_text = text_box(column, T.PROTECTIVE_OTHER)
        self.scenarios = text_box(column, T.SCENARIOS)
        box = QGroupBox(T.JUDGEMENT.render())
        form = QFormLayout(box)
        self.serious, self.imminent = level_choice(), level_choice()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(T.SERIOUS_VIOLENCE.render(), self.serious)
        form.addRow(T.IMMINENT_RISK.render(), self.imminent)
        column.addWidget(box)

    def show_content(self, c: AssessmentContent) -> None:
        if self.protective is not None:
            self.protective.set_ratings(c.ratings)
        self.protective_text.setPlainText(c.protective_factors or "")
        self.scenarios.setPlainText(c.scenarios or "")
        self.serious.set_code(c.serious_violence)
        self.imminent.set_code(c.imminent_risk)

    def changes(self) -> dict[str, Any]:
        return {
            "protective_factors": _text(self.protective_text),
            "scenarios": _text(self.scenarios),
            "serious_violence": self.serious.code(),
            "imminent_risk": self.imminent.code(),
        }


class Screening(QGroupBox):
    """A checklist's result: the yes count, its band, and an override that must be explained."""

    def __init__(self, instrument: Instrument, factors: FactorGrid, parent: QWidget | None = None) -> None:
        super().__init__(T.SCREENING.render(), parent)
        self.instrument, self.factors = instrument, factors
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.count_label, self.band_label, self.result_label = QLabel(), QLabel(), QLabel()
        self.override: CodeChoice = level_choice()
        self.override_reason = QLineEdit()
        self.override_reason.setMinimumWidth(520)
        self.reason_hint = QLabel(REASON_REQUIRED.render())
        self.reason_hint.setStyleSheet(theme.error_style())
        form.addRow(T.YES_COUNT.render(), self.count_label)
        form.addRow(T.BAND.render(), self.band_label)
        form.addRow(T.OVERRIDE.render(), self.override)
        form.addRow(T.OVERRIDE_REASON.render(), self.override_reason)
        form.addRow("", self.reason_hint)
        form.addRow(f"<b>{T.RESULT.render()}</b>", self.result_label)
        factors.changed.connect(self.update_result)
        self.override.changed.connect(self.update_result)
        self.override_reason.textChanged.connect(self.update_result)

    def show_content(self, c: AssessmentContent) -> None:
        self.override.set_code(c.screening_override)
        self.override_reason.setText(c.screening_override_reason or "")
        self.update_result()

    def changes(self) -> dict[str, Any]:
        return {
            "screening_override": self.override.code(),
            "screening_override_reason": _text(self.override_reason),
        }

    def update_result(self) -> None:
        instrument = self.instrument
        yes = self.factors.yes_count()
        self.count_label.setText(T.YES_COUNT_VALUE.render(yes=yes, items=len(instrument.risk_items)))
        band = instrument.band_for(yes)
        low, high = (instrument.band_range(band) if band else None) or (0, 0)
        self.band_label.setText(T.BAND_VALUE.render(level=level_text(band), low=low, high=high))
        override = self.override.code()
        self.result_label.setText(f"<b>{level_text(override or band)}</b>")
        self.reason_hint.setVisible(override is not None and not self.override_reason.text().strip())


class AssessmentForm(QWidget):
    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        spj = instrument.kind == SPJ
        column = QVBoxLayout(self)
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

        self.sources = text_box(column, T.SOURCES)
        self.missing = text_box(column, T.MISSING)

        column.addWidget(heading((T.FACTORS if spj else T.QUESTIONS).render(), 1.15))
        legend = QLabel((T.FACTORS_LEGEND if spj else T.CHECKLIST_LEGEND).render())
        legend.setWordWrap(True)
        column.addWidget(legend)
        self.factors = FactorGrid(instrument, RISK)
        column.addWidget(self.factors)

        self.judgement: Judgement | None = None
        self.screening: Screening | None = None
        if spj:
            self.judgement = Judgement(instrument)
            column.addWidget(self.judgement)
        else:
            self.screening = Screening(instrument, self.factors)
            column.addWidget(self.screening)

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
        self.history = HistoryList()
        column.addWidget(self.history)
        column.addStretch()

    def show_loaded(self, loaded: Loaded) -> None:
        a, c = loaded.assessment, loaded.assessment.content
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
        if self.judgement is not None:
            self.judgement.show_content(c)
        if self.screening is not None:
            self.screening.show_content(c)
        self.measures.set_measures(c.measures)
        self.next_review.set_value(c.next_review_on)
        self.shared_with.setText(c.shared_with or "")
        self.shared_basis.setText(c.shared_basis or "")
        self.history.set_history(loaded.history, a.id)

    def content(self, base: AssessmentContent) -> AssessmentContent:
        """`base` with what the form shows."""
        protective = self.judgement.protective if self.judgement else None
        ratings = self.factors.ratings() + (protective.ratings() if protective else ())
        changes: dict[str, Any] = {
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
        if self.judgement is not None:
            changes |= self.judgement.changes()
        if self.screening is not None:
            changes |= self.screening.changes()
        return replace(base, **changes)

    def set_editable(self, draft: bool) -> None:
        """A finalised assessment is read only: every input disabled (the core refuses anyway)."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, INPUTS) and not self.history.isAncestorOf(widget):
                widget.setEnabled(draft)
        self.next_review.set_editable(draft)
        self.measures.set_editable(draft)
        for row in self.measures.rows:
            row.deadline.set_editable(draft)
