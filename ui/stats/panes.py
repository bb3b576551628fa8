"""A chart beside its table: the screen's tabs are made of these."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

from ui.stats.charts import BarChart
from ui.stats.table_model import CountTableModel
from ui.stats.tables import CountTable

MAX_TABLE_WIDTH = 640


class ChartAndTable(QSplitter):
    def __init__(self, chart: BarChart, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.chart = chart
        self.model = CountTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(chart.chart().title())  # the same numbers as the chart
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.addWidget(chart)
        self.addWidget(self.table)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)

    def show_table(self, table: CountTable) -> None:
        self.model.set_table(table)
        self.fit_table()

    def fit_table(self) -> None:
        """Room for every column of the table (up to a limit); the chart takes the rest."""
        self.table.resizeColumnsToContents()
        width = (
            self.table.horizontalHeader().length()
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )
        self.table.setMinimumWidth(min(width, MAX_TABLE_WIDTH))
