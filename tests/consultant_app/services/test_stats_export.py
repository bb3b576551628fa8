"""The statistics exports that the command line and the desktop share: the file, its mode, and
the audit line that says what left the vault (never a figure)."""

import stat
from datetime import datetime

import openpyxl
import pytest
from sqlalchemy import select

from consultant_app.counts.package import build_package
from consultant_app.counts.team_report import merge_packages
from consultant_app.domain import AuditEvent
from consultant_app.errors import StorageWriteError
from consultant_app.services.stats_export import export_own_stats, export_team_report
from tests.consultant_app.counts.records import Record, add_records


def exports(vault) -> list[str]:
    with vault.session() as s:
        return [e.detail for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))]


@pytest.fixture
def counted(vault):
    with vault.session() as s:
        add_records(
            s, [Record(datetime(2026, 1, 5, 10), "hovedstaden"), Record(datetime(2026, 2, 9), "sjaelland")]
        )
    return vault


def test_own_statistics_are_written_owner_only_into_a_new_folder_and_recorded(counted, tmp_path):
    target = tmp_path / "ny mappe" / "statistik.xlsx"
    assert (
        export_own_stats(counted, "2026-01", "2026-02", "xlsx", target, protect=True, printed_by="A")
        == target
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    openpyxl.load_workbook(target)  # a real workbook
    assert exports(counted) == ["stats monthly 2026-01..2026-02 xlsx protected file"]


def test_a_file_that_cannot_be_written_leaves_no_audit_line(counted, tmp_path):
    blocked = tmp_path / "fil"
    blocked.write_text("en fil, ikke en mappe")
    with pytest.raises(StorageWriteError):
        export_own_stats(
            counted, "2026-01", "2026-02", "csv", blocked / "x.csv", protect=False, printed_by="A"
        )
    assert exports(counted) == []


def test_a_team_report_is_recorded_in_the_team_leads_vault(counted, tmp_path):
    with counted.session() as s:
        packages = [build_package(s, "2026-01"), build_package(s, "2026-02")]
    report = merge_packages(packages, "2026-01", "2026-02")
    target = tmp_path / "team.pdf"
    export_team_report(counted, report, "pdf", target, protect=True, printed_by="Leder")
    assert target.read_bytes().startswith(b"%PDF")
    assert exports(counted) == ["team-report 2026-01..2026-02 2 packages pdf protected file"]
