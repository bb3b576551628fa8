"""The safety measures of a risk assessment: action, responsible and an optional deadline per row;
rows are added and removed, and Tab visits them in reading order."""

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from consultant_app.risk import Measure
from consultant_app.risk import texts as T
from ui.risk.fields import OptionalDate


class MeasureRow:
    def __init__(self, measure: Measure | None) -> None:
        self.action = QLineEdit(measure.action if measure else "")
        self.action.setPlaceholderText(T.ACTION.render())
        self.responsible = QLineEdit(measure.responsible if measure else "")
        self.responsible.setPlaceholderText(T.RESPONSIBLE.render())
        self.responsible.setMaxLength(200)
        # The column headings are plain labels above the grid: each field carries its own name.
        self.action.setAccessibleName(T.ACTION.render())
        self.responsible.setAccessibleName(T.RESPONSIBLE.render())
        self.deadline = OptionalDate(T.DEADLINE.render())
        self.deadline.set_value(measure.deadline if measure else None)
        self.remove = QPushButton()
        self.follow_up_type = measure.follow_up_type if measure else None

    def measure(self) -> Measure:
        return Measure(
            action=self.action.text(),
            responsible=self.responsible.text(),
            deadline=self.deadline.value(),
            follow_up_type=self.follow_up_type,
        )

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.action, self.responsible, self.deadline, self.remove)


class MeasuresEditor(QWidget):
    """The safety measures: action, responsible, deadline; rows added and removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MeasureRow] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, caption in enumerate((T.ACTION, T.RESPONSIBLE, T.DEADLINE)):
            self.grid.addWidget(QLabel(f"<b>{caption.render()}</b>"), 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.none = QLabel(self.tr("No measures yet."))
        self.add_button = QPushButton(self.tr("&Add measure"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add(None, focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.none)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        layout.addLayout(buttons)

    def add(self, measure: Measure | None, *, focus: bool = False) -> MeasureRow:
        row = MeasureRow(measure)
        row.remove.setText(self.tr("Remove"))
        row.remove.setAutoDefault(False)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self._lay_out()
        if focus:
            row.action.setFocus()
        return row

    def _remove(self, row: MeasureRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._lay_out()
        self.add_button.setFocus()

    def _lay_out(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, n, column)
        self.none.setVisible(not self.rows)
        self._tab_in_reading_order()

    def _tab_in_reading_order(self) -> None:
        """Rows are made after the add button (and the rest of the window), so Qt would visit them
        last of all: put them, row by row, between what comes before this editor and the button."""
        before: QWidget = self.add_button.previousInFocusChain() or self.add_button
        # The nearest widget before this editor that Tab stops at (Qt ignores an anchor it does not).
        while (
            before is self or self.isAncestorOf(before) or not before.focusPolicy() & Qt.FocusPolicy.TabFocus
        ) and before is not self.add_button:
            before = before.previousInFocusChain() or self.add_button
        order: list[QWidget] = [] if before is self.add_button else [before]  # alone in its window
        for row in self.rows:
            order += [row.action, row.responsible, row.deadline.check, row.deadline.date, row.remove]
        order.append(self.add_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first.focusProxy() or first, second.focusProxy() or second)

    def set_measures(self, measures: tuple[Measure, ...]) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            for widget in row.widgets():
                widget.deleteLater()
        for measure in measures:
            self.add(measure)
        self._lay_out()

    def measures(self) -> tuple[Measure, ...]:
        return tuple(row.measure() for row in self.rows)

    def set_editable(self, editable: bool) -> None:
        self.add_button.setVisible(editable)
        for row in self.rows:
            for widget in row.widgets():
                if isinstance(widget, OptionalDate):
                    widget.set_editable(editable)
                else:
                    widget.setEnabled(editable)
            row.remove.setVisible(editable)
