"""The statistics tables' model on its own: labels, Danish figures, totals in bold."""

from PySide6.QtCore import Qt

from ui.stats.table_model import CountTableModel
from ui.stats.tables import CountTable, category_table, monthly_table


def test_figures_are_right_aligned_in_danish_with_totals_in_bold(qapp):
    model = CountTableModel()
    model.set_table(
        CountTable(
            "Region", ["Hovedstaden", "I alt"], ["Henvendelser", "Andel"], [[1234, 12.5], [1234, None]], True
        )
    )
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Region"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Andel"
    assert model.index(0, 0).data() == "Hovedstaden"
    assert model.index(0, 1).data() == "1.234"
    assert model.index(0, 2).data() == "12,5 %"
    assert model.index(1, 2).data() == "–"
    assert model.index(0, 1).data(Qt.ItemDataRole.UserRole) == 1234
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None


def test_tables_of_zero_counts_have_danish_labels(qapp):
    from consultant_app.counts.monthly import stats_from_blocks

    stats = stats_from_blocks("2025-01", "2025-03", {})
    months = monthly_table(stats)
    assert months.rows[-1] == "I alt" and months.columns[0] == "Hovedstaden"
    assert len(months.rows) == 4 and months.value("I alt", "I alt") == 0
    advice = category_table(stats, "by_advice_type")
    assert "Risikovurdering" in advice.rows and "I alt" not in advice.rows  # advice does not add up
    inquirers = category_table(stats, "by_inquirer_type")
    assert inquirers.rows[:2] == ["Kommune", "Politi"] and inquirers.rows[-1] == "I alt"
