"""A `CountTable` in a view: figures right-aligned with the locale's thousands separator, shares
as per cent, totals in bold. Knows nothing of the vault, so it is tested on its own.

A row of the model is one line of the table: its label, its figures and whether it is the total;
the columns are made for each table, since every table has its own."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QFont

from ui.stats.tables import CountTable, Value
from ui.table_model import RIGHT, Column, ItemRole, RecordTableModel


def figure_text(value: int | float | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{QLocale().toString(value, 'f', 1)} %"
    return QLocale().toString(value)


@dataclass(frozen=True)
class Line:
    label: str
    values: list[Value]
    total: bool


class CountTableModel(RecordTableModel[Line]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.table = CountTable("", [], [], [])
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: CountTable) -> None:
        self.table = table
        last = len(table.rows) - 1
        lines = [
            Line(label, values, table.total_row and n == last)
            for n, (label, values) in enumerate(zip(table.rows, table.values, strict=True))
        ]
        self.set_columns([self._label_column(table), *self._figure_columns(table)], lines)

    def _label_column(self, table: CountTable) -> Column[Line]:
        return Column(table.corner, lambda line: line.label, tip=True, font=self._font(False))

    def _figure_columns(self, table: CountTable) -> list[Column[Line]]:
        def figure(n: int) -> Column[Line]:
            total = table.total_column and n == len(table.columns) - 1
            return Column(
                table.columns[n],
                lambda line: figure_text(line.values[n]),
                align=RIGHT,
                header_align=RIGHT,
                tip=True,
                font=self._font(total),
            )

        return [figure(n) for n in range(len(table.columns))]

    def _font(self, total_column: bool) -> Callable[[Line], QFont | None]:
        return lambda line: self._bold if total_column or line.total else None

    def role_data(self, row: Line, column: int, role: int) -> object:
        if role == ItemRole.UserRole:  # the figure itself
            return row.values[column - 1] if column else row.label
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = ItemRole.DisplayRole
    ) -> object:
        if role == ItemRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            role = ItemRole.DisplayRole  # a long heading is cut off in a narrow column
        return super().headerData(section, orientation, role)
