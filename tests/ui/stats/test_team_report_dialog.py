"""The team lead's report: two consultants' package files merged, which versions counted, exported."""

from pathlib import Path

import openpyxl

from consultant_app.counts.package import build_package
from consultant_app.demo.fill import fill_vault
from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, flush_deletions
from ui.stats.team_dialog import TeamReportDialog

MONTH = "2025-05"


def package_file(tmp_path: Path, name: str, seed: int, team: str = "koebenhavn") -> tuple[Path, int]:
    vault = Vault.create(tmp_path / f"{name}.db", PASSPHRASE, name=name, team=team)
    try:
        fill_vault(vault, 120, seed=seed)
        with vault.session() as s:
            package = build_package(s, MONTH)
    finally:
        vault.lock()
    path = tmp_path / f"{name}-{MONTH}.json"
    path.write_text(package.to_json(), encoding="utf-8")
    return path, sum(block.inquiries for block in package.regions.values())


def test_two_package_files_are_merged_and_exported(qtbot, session, tmp_path, monkeypatch):
    first, first_count = package_file(tmp_path, "Anne", seed=2)
    second, second_count = package_file(tmp_path, "Bo", seed=3)
    dialog = TeamReportDialog(session, ("2025-01", "2025-06"))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "ask_files", lambda: [str(first), str(second)])
    dialog.choose_files()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)

    report = dialog.report
    assert report.stats.totals.inquiries == first_count + second_count > 0
    assert dialog.monthly.model.table.value("I alt", "I alt") == first_count + second_count
    assert dialog.monthly.chart.values()[4] == first_count + second_count  # May
    assert dialog.packages.rowCount() == 2
    assert {dialog.packages.index(r, 3).data() for r in range(2)} == {"Ja"}
    assert {dialog.packages.index(r, 2).data() for r in range(2)} == {"1"}
    assert "2 pakker" in dialog.summary.text()

    monkeypatch.setattr(dialog, "ask_path", lambda fmt, suggested: str(tmp_path / suggested))
    dialog.exports.buttons["xlsx"].click()
    qtbot.waitUntil(lambda: "Gemt" in dialog.exports.status.text(), timeout=10_000)
    book = openpyxl.load_workbook(tmp_path / "teamrapport-2025-01-2025-06.xlsx")
    rows = {row[0]: row for row in book["Henvendelser"].iter_rows(min_row=3, values_only=True)}
    assert rows["I alt"][-1] == first_count + second_count
    assert book["Pakker"].max_row == 4  # title, header and the two packages

    dialog.range.set_months("2025-01", "2025-04")  # May is after the period now
    qtbot.waitUntil(
        lambda: dialog.report is not None and dialog.report.stats.last == "2025-04", timeout=10_000
    )
    assert dialog.report.stats.totals.inquiries == 0
    assert "ikke talt med" in dialog.summary.text()
    dialog.close()
    flush_deletions()


def test_files_listed_once_by_name_and_the_chosen_removed(qtbot, session, tmp_path, monkeypatch):
    """The file list: a file chosen twice is listed once; the name is shown, the path is the
    tooltip; removing the chosen leaves the others in their order."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    dialog = TeamReportDialog(session, ("2025-01", "2025-06"))
    qtbot.addWidget(dialog)
    merged: list[list[str]] = []
    monkeypatch.setattr(dialog, "merge", lambda: merged.append(dialog.paths()))
    paths = [str(tmp_path / f"{name}.json") for name in ("a", "b", "c")]
    dialog.add_files(paths[:2])
    dialog.add_files([paths[1], paths[2], paths[2]])
    assert dialog.paths() == paths
    model = dialog.files.model()
    assert [model.index(n, 0).data() for n in range(3)] == ["a.json", "b.json", "c.json"]
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == paths[1]

    flags = QItemSelectionModel.SelectionFlag
    dialog.files.selectionModel().select(model.index(0, 0), flags.Select)
    dialog.files.selectionModel().select(model.index(2, 0), flags.Select)
    dialog.remove_chosen()
    assert dialog.paths() == [paths[1]]
    assert merged[-1] == [paths[1]] and len(merged) == 3  # each change merges again
    dialog.close()
    flush_deletions()
