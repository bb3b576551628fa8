"""Statistics leave the vault: the consultant's own monthly statistics and a team lead's merged
report, rendered as a file and recorded in the audit trail. The command line and the desktop
call these same functions, so the file and its audit line are the same whichever was used.

Every export leaves the vault unencrypted; the audit line says what was exported, never a figure.
"""

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.counts.files import StatsFile, render
from consultant_app.counts.monthly import monthly_stats
from consultant_app.counts.note import load_note
from consultant_app.counts.team_file import CONSULTANT, team_report_file
from consultant_app.counts.team_report import TeamReport
from consultant_app.domain import Profile
from consultant_app.files import make_private_dir, write_private
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.services import audit
from consultant_app.storage.vault import Vault


def subject_of(profile: Profile | None) -> str:
    """Whose statistics these are, as the file's heading says it."""
    if profile is None:
        return CONSULTANT.render(name="", team="")
    return CONSULTANT.render(name=profile.name, team=load_codes()["team"].label(profile.team))


def own_stats_file(
    session: Session, first: str, last: str, fmt: str, *, protect: bool, printed_by: str, to: str
) -> bytes:
    """The vault's statistics for `first`..`last` as `fmt`, with the export recorded (`to`:
    "file" or "stdout", where the data went)."""
    subject = subject_of(session.get(Profile, 1))
    content = StatsFile(
        monthly_stats(session, first, last),
        subject,
        _now(),
        note=lambda: load_note(session, first, last, subject),
    )
    data = render(content, fmt, protect_small_cells=protect, printed=printed(printed_by))
    audit.record(
        session, "export", detail=f"stats monthly {first}..{last} {fmt}{_protected(protect, fmt)} {to}"
    )
    return data


def export_own_stats(
    vault: Vault, first: str, last: str, fmt: str, path: Path, *, protect: bool, printed_by: str
) -> Path:
    """The desktop's "Eksportér": the file written owner-only, replacing an earlier one."""
    with vault.session() as session:
        data = own_stats_file(session, first, last, fmt, protect=protect, printed_by=printed_by, to="file")
        _write(path, data)  # inside the unit of work: no audit line for a file not written
    return path


def team_report_bytes(report: TeamReport, fmt: str, *, protect: bool, printed_by: str) -> bytes:
    content = team_report_file(report, _now())
    return render(content, fmt, protect_small_cells=protect, printed=printed(printed_by))


def export_team_report(
    vault: Vault, report: TeamReport, fmt: str, path: Path, *, protect: bool, printed_by: str
) -> Path:
    """A merged team report written as `fmt`, recorded in the team lead's own vault."""
    data = team_report_bytes(report, fmt, protect=protect, printed_by=printed_by)
    with vault.session() as session:
        _write(path, data)
        stats = report.stats
        audit.record(
            session,
            "export",
            detail=f"team-report {stats.first}..{stats.last} {len(report.used)} packages "
            f"{fmt}{_protected(protect, fmt)} file",
        )
    return path


def write_export(path: Path, data: bytes) -> None:
    """An export file: owner-only, replacing an earlier one whole (never half-written)."""
    make_private_dir(Path(path).parent)
    write_private(path, data)


_write = write_export


def printed(name: str) -> PrintInfo:
    return PrintInfo(printed_by=name or "-", printed_at=datetime.now())


def _protected(protect: bool, fmt: str) -> str:
    return " protected" if protect and fmt != "json" else ""


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")
