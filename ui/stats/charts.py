"""Bar charts (QtCharts) the screen refills when the period changes: one or two series of
figures over categories (months, regions, codes, years), legible at a laptop's size."""

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ui import theme

MAX_LABELLED_BARS = 24  # more bars than this: the figures would overlap, the table has them


WRAP_AT = 26  # characters of a category label beside a horizontal bar, per line


def _wrapped(text: str) -> str:
    """A long label on two or more lines (rich text), so the axis does not cut it short."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > WRAP_AT:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


class BarChart(QChartView):
    """`set_data(categories, [(name, values), ...])` replaces what the chart shows."""

    def __init__(
        self, title: str, *, horizontal: bool = False, percent: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.horizontal = horizontal
        self.percent = percent
        chart = QChart()
        if theme.is_dark():  # first: a theme resets fonts; a white panel in a dark window glares
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
            # The dark theme's own blue gradient clashes with the window: the window's colour.
            chart.setBackgroundBrush(QGuiApplication.palette().color(QPalette.ColorRole.Base))
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.1)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.setLocalizeNumbers(True)  # "39,5 %", as in the tables
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 220)
        self.series: QBarSeries | QHorizontalBarSeries | None = None
        self.categories: list[str] = []

    def set_data(self, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[float | None]]]) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = list(categories)
        shown = [_wrapped(c) for c in self.categories] if self.horizontal else self.categories
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        top = 0.0
        colours = theme.tones().series
        for number, (name, values) in enumerate(sets):
            bar_set = QBarSet(name)
            colour = QColor(colours[number % len(colours)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            # The figure above the bar (white by default): the chart's own text colour.
            bar_set.setLabelColor(self.chart().titleBrush().color())
            figures = [float(v) if v is not None else 0.0 for v in values]
            bar_set.append(figures)
            top = max([top, *figures])
            series.append(bar_set)
        series.setBarWidth(0.75)
        bars = len(self.categories) * len(sets)
        series.setLabelsVisible(0 < bars <= MAX_LABELLED_BARS)
        series.setLabelsFormat("@value %" if self.percent else "@value")
        series.setLabelsPrecision(3)
        chart.addSeries(series)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsVisible(0 < bars <= MAX_LABELLED_BARS)
        self.series = series

        category_axis = QBarCategoryAxis()
        category_axis.append(shown)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%.0f %" if self.percent else "%.0f")  # localized: no "%%"
        # Room above the highest bar for its figure; whole numbers on the axis.
        value_axis.setRange(0, max(1.0, top * 1.15))
        value_axis.applyNiceNumbers()
        if self.horizontal:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
            if len(self.categories) > 12:
                category_axis.setLabelsAngle(-60)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        chart.legend().setVisible(len(sets) > 1)

    def values(self, set_index: int = 0) -> list[float]:
        """The figures of one series (for tests and the accessible description)."""
        if self.series is None or set_index >= self.series.count():
            return []
        bar_set = self.series.barSets()[set_index]
        return [bar_set.at(i) for i in range(bar_set.count())]
