"""Statistik on a demo vault: the screen's figures are the core's, the range reloads them, and the
XLSX export reopens with the same numbers (and is in the audit trail)."""

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from consultant_app.counts.monthly import monthly_stats
from consultant_app.demo.fill import fill_vault
from consultant_app.domain import AuditEvent
from tests.ui.support import flush_deletions
from ui.stats.section import StatsSection

FIRST, LAST = "2025-01", "2025-12"


@pytest.fixture
def stats_screen(qtbot, session):
    fill_vault(session.vault, 300, seed=1)
    screen = StatsSection(session)
    qtbot.addWidget(screen)
    screen.resize(1166, 700)
    screen.show()
    yield screen
    screen.hide()
    flush_deletions()


def expected(session, first: str, last: str):
    with session.vault.session() as s:
        return monthly_stats(s, first, last)


def show_range(qtbot, screen: StatsSection, first: str, last: str) -> None:
    screen.range.set_months(first, last)
    qtbot.waitUntil(
        lambda: (
            screen.loaded is not None
            and (screen.loaded.stats.first, screen.loaded.stats.last) == (first, last)
        ),
        timeout=10_000,
    )


def test_the_screen_shows_the_cores_counts_and_follows_the_range(qtbot, session, stats_screen):
    screen = stats_screen
    assert screen.range.months() == (
        f"{__import__('datetime').date.today().year}-01",
        screen.range.months()[1],
    )
    show_range(qtbot, screen, FIRST, LAST)
    stats = expected(session, FIRST, LAST)
    assert stats.totals.inquiries > 0
    table = screen.monthly.model.table
    assert table.value("I alt", "I alt") == stats.totals.inquiries
    assert table.value("I alt", "Hovedstaden") == stats.regions["hovedstaden"].inquiries
    assert screen.monthly.model.rowCount() == 13  # twelve months and the total
    assert screen.monthly.chart.values() == [m.totals.inquiries for m in stats.months]
    assert f"{stats.totals.inquiries}</b>" in screen.summary.text()
    assert screen.regions.model.table.value("I alt", "Børn") == stats.totals.age_group["barn"]
    inquirers = screen.inquirers.model.table
    assert inquirers.value("Politi", "I alt") == stats.totals.by_inquirer_type["politi"]
    assert (
        screen.advice.model.table.value("Risikovurdering", "I alt")
        == stats.totals.by_advice_type["risikovurdering"]
    )
    trips = screen.trips.model.table
    assert trips.value("2025", "Udlandet") == stats.totals.trip_concern["udlandet"]
    assert trips.value("2025", "Bekymring (DK)") == stats.totals.trip_concern["trussel_dk"]
    assert len(screen.child_share.model.table.rows) == 2  # the period and a year earlier

    show_range(qtbot, screen, "2024-04", "2024-06")
    stats = expected(session, "2024-04", "2024-06")
    assert screen.monthly.model.rowCount() == 4
    assert screen.monthly.model.table.value("I alt", "I alt") == stats.totals.inquiries
    assert screen.monthly.chart.values() == [m.totals.inquiries for m in stats.months]
    assert screen.monthly.chart.categories == ["apr.", "maj", "jun."]


def test_a_reversed_range_says_so(qtbot, stats_screen):
    stats_screen.range.set_months("2025-06", "2025-01")
    assert "slutter før" in stats_screen.summary.text()


def test_export_xlsx_reopens_with_the_numbers_and_is_audited(
    qtbot, session, stats_screen, tmp_path, monkeypatch
):
    screen = stats_screen
    show_range(qtbot, screen, FIRST, LAST)
    target = tmp_path / "ud" / "statistik"
    monkeypatch.setattr(screen, "ask_path", lambda fmt, suggested: str(target))
    screen.exports.buttons["xlsx"].click()
    written = Path(f"{target}.xlsx")
    qtbot.waitUntil(lambda: "Gemt" in screen.exports.status.text(), timeout=10_000)
    assert "ikke krypteret" in screen.exports.status.text()
    book = openpyxl.load_workbook(written)
    sheet = book["Henvendelser"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["I alt"][-1] == expected(session, FIRST, LAST).totals.inquiries
    with session.vault.session() as s:
        details = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export")).all()
    assert f"stats monthly {FIRST}..{LAST} xlsx file" in details


def test_protected_csv_export(qtbot, session, stats_screen, tmp_path, monkeypatch):
    screen = stats_screen
    show_range(qtbot, screen, "2025-03", "2025-03")
    monkeypatch.setattr(screen, "ask_path", lambda fmt, suggested: str(tmp_path / suggested))
    screen.exports.protect.setChecked(True)
    screen.exports.buttons["csv"].click()
    qtbot.waitUntil(lambda: "Gemt" in screen.exports.status.text(), timeout=10_000)
    text = (tmp_path / "statistik-2025-03-2025-03.csv").read_text(encoding="utf-8-sig")
    assert "<5" in text
    assert "eksakte" not in screen.exports.status.text()


def test_state_keeps_the_period(qtbot, stats_screen):
    stats_screen.range.set_months("2024-02", "2024-05", notify=False)
    stats_screen.tabs.setCurrentIndex(3)
    state = stats_screen.state()
    stats_screen.restore({})
    stats_screen.restore(state)
    assert stats_screen.range.months() == ("2024-02", "2024-05")
    assert stats_screen.tabs.currentIndex() == 3
