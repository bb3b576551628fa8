"""What the statistics screen sends down the lane: loading the counts, merging package files and
writing exports. Plain functions of plain data (the vault, months, paths), so they run on the
lane's worker and hand back data the GUI thread shows without touching the vault again.

Every export leaves the vault unencrypted; the audit trail records it as the command line does
(what, never a figure).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consultant_app.codes import load_codes
from consultant_app.counts.files import StatsFile, render
from consultant_app.counts.monthly import MonthlyStats, monthly_stats
from consultant_app.counts.note import StatsNote, load_note
from consultant_app.counts.team_file import CONSULTANT, team_report_file
from consultant_app.counts.team_report import TeamReport, merge_packages, read_package
from consultant_app.domain import Profile
from consultant_app.files import make_private_dir, write_private
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.services import audit
from consultant_app.storage.vault import Vault


@dataclass(frozen=True)
class Loaded:
    stats: MonthlyStats
    note: StatsNote


def subject_of(profile: Profile) -> str:
    return CONSULTANT.render(name=profile.name, team=load_codes()["team"].label(profile.team))


def load(session, first: str, last: str, subject: str) -> Loaded:
    """The range's monthly statistics and the note's figures (years, a year earlier)."""
    return Loaded(monthly_stats(session, first, last), load_note(session, first, last, subject))


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")


def export_own(
    vault: Vault, first: str, last: str, fmt: str, protect: bool, path: Path, subject: str, printed_by: str
) -> Path:
    """Write the vault's statistics for the range as `fmt`, and record the export."""
    with vault.session() as session:
        content = StatsFile(
            monthly_stats(session, first, last),
            subject,
            _now(),
            note=lambda: load_note(session, first, last, subject),
        )
        data = render(content, fmt, protect_small_cells=protect, printed=_printed(printed_by))
        write_file(path, data)
        protected = " protected" if protect and fmt != "json" else ""
        audit.record(session, "export", detail=f"stats monthly {first}..{last} {fmt}{protected} file")
    return path


def merge_files(paths: Sequence[str], first: str, last: str) -> TeamReport:
    return merge_packages([read_package(Path(p)) for p in paths], first, last)


def export_team(
    vault: Vault, report: TeamReport, fmt: str, protect: bool, path: Path, printed_by: str
) -> Path:
    """Write a merged team report as `fmt` (with the packages it used), and record the export."""
    first, last, used = report.stats.first, report.stats.last, report.used
    content = team_report_file(report, _now())
    data = render(content, fmt, protect_small_cells=protect, printed=_printed(printed_by))
    write_file(path, data)
    with vault.session() as session:
        protected = " protected" if protect and fmt != "json" else ""
        audit.record(
            session,
            "export",
            detail=f"team-report {first}..{last} {len(used)} packages {fmt}{protected} file",
        )
    return path


def _printed(name: str) -> PrintInfo:
    return PrintInfo(printed_by=name or "-", printed_at=datetime.now())


def write_file(path: Path, data: bytes) -> None:
    """Owner-only, replacing an earlier file whole (never truncated in place)."""
    make_private_dir(path.parent)
    write_private(path, data)
