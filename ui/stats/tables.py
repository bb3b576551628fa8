"""The screen's tables as plain data (`CountTable`), built from the core's `MonthlyStats` and
`StatsNote`; `CountTableModel` shows any of them. Labels come from the code lists, in the
interface's language."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from consultant_app.counts.blocks import category_codes, regions
from consultant_app.counts.monthly import MonthlyStats
from consultant_app.counts.note import Span, StatsNote
from ui.labels import label, region_short

Value = int | float | None  # a float is a share in per cent; None shows as a dash

CATEGORY_LISTS = {"by_inquirer_type": "inquirer_type", "by_advice_type": "advice_type"}


@dataclass(frozen=True)
class CountTable:
    corner: str  # the heading of the label column
    rows: list[str]
    columns: list[str]
    values: list[list[Value]]
    total_row: bool = False  # the last row is a total (shown in bold)
    total_column: bool = False  # so is the last column

    def value(self, row: str, column: str) -> Value:
        return self.values[self.rows.index(row)][self.columns.index(column)]


def month_label(month: str) -> str:
    """'2025-03' as the user reads it: "mar. 2025" in Danish."""
    return QLocale().toString(QDate(int(month[:4]), int(month[5:7]), 1), "MMM yyyy")


def chart_month_labels(months: list[str]) -> list[str]:
    """Short labels under the bars: "jan." within one year, "jan. 25" across years."""
    one_year = len({m[:4] for m in months}) == 1
    return [
        QLocale().toString(QDate(int(m[:4]), int(m[5:7]), 1), "MMM" if one_year else "MMM yy") for m in months
    ]


def span_label(span: Span) -> str:
    if span.first == span.last:
        return month_label(span.first)
    return f"{month_label(span.first)} – {month_label(span.last)}"


def total() -> str:
    return QCoreApplication.translate("StatsTables", "Total")


def monthly_table(stats: MonthlyStats) -> CountTable:
    """New inquiries: months x regions, with the totals."""
    rows: list[list[Value]] = [
        [*(m.regions[r].inquiries for r in regions()), m.totals.inquiries] for m in stats.months
    ]
    rows.append([*(stats.regions[r].inquiries for r in regions()), stats.totals.inquiries])
    return CountTable(
        QCoreApplication.translate("StatsTables", "Month"),
        [*(month_label(m.month) for m in stats.months), total()],
        [*(region_short(r) for r in regions()), total()],
        rows,
        total_row=True,
        total_column=True,
    )


def region_table(stats: MonthlyStats) -> CountTable:
    """Regions x (inquiries, children, abroad, concern in Denmark, open courses at the end)."""
    blocks = [*(stats.regions[r] for r in regions()), stats.totals]
    return CountTable(
        QCoreApplication.translate("StatsTables", "Region"),
        [*(region_short(r) for r in regions()), total()],
        [
            QCoreApplication.translate("StatsTables", "Inquiries"),
            QCoreApplication.translate("StatsTables", "Children"),
            QCoreApplication.translate("StatsTables", "Abroad"),
            QCoreApplication.translate("StatsTables", "Concern (DK)"),
            QCoreApplication.translate("StatsTables", "Open courses at the end"),
        ],
        [
            [
                b.inquiries,
                b.age_group["barn"],
                b.trip_concern["udlandet"],
                b.trip_concern["trussel_dk"],
                b.active_courses_end,
            ]
            for b in blocks
        ],
        total_row=True,
    )


def share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def children_table(note: StatsNote) -> CountTable:
    """The period and the same months a year earlier: inquiries, children and their share."""
    spans = [s for s in (note.previous, note.period) if s is not None]
    return CountTable(
        QCoreApplication.translate("StatsTables", "Period"),
        [span_label(s) for s in spans],
        [
            QCoreApplication.translate("StatsTables", "Inquiries"),
            QCoreApplication.translate("StatsTables", "Children"),
            QCoreApplication.translate("StatsTables", "Share of children"),
        ],
        [
            [
                s.totals.inquiries,
                s.totals.age_group["barn"],
                share(s.totals.age_group["barn"], s.totals.inquiries),
            ]
            for s in spans
        ],
    )


def trips_table(note: StatsNote) -> CountTable:
    """Year by year: citizens abroad (udlandet) against concern while in Denmark (trussel_dk)."""
    return CountTable(
        QCoreApplication.translate("StatsTables", "Year"),
        [y.first[:4] for y in note.years],
        [
            QCoreApplication.translate("StatsTables", "Abroad"),
            QCoreApplication.translate("StatsTables", "Concern (DK)"),
        ],
        [[y.totals.trip_concern["udlandet"], y.totals.trip_concern["trussel_dk"]] for y in note.years],
    )


def category_table(stats: MonthlyStats, category: str) -> CountTable:
    """A category's codes x regions. Inquirer types add up to the inquiries (a total row);
    advice does not (an inquiry may have several), so it has none."""
    codes = category_codes(category)
    counts = [[stats.regions[r].category(category)[c] for r in regions()] for c in codes]
    rows: list[list[Value]] = [[*row, sum(row)] for row in counts]
    labels = [label(CATEGORY_LISTS[category], c) for c in codes]
    single = category == "by_inquirer_type"
    if single:
        rows.append([*(stats.regions[r].inquiries for r in regions()), stats.totals.inquiries])
        labels.append(total())
    corner = (
        QCoreApplication.translate("StatsTables", "Inquirer")
        if single
        else QCoreApplication.translate("StatsTables", "Advice given")
    )
    return CountTable(
        corner,
        labels,
        [*(region_short(r) for r in regions()), total()],
        rows,
        total_row=single,
        total_column=True,
    )
