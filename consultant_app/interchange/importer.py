"""Importing inquiries from an interchange file (interchange.md, "Import rules").

The whole file is checked before anything is written. Then everything is written in the
vault's one transaction: interrupted (an error, a killed process, a power cut), the vault is
as it was before.
"""

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from consultant_app.codes import load_codes
from consultant_app.errors import Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.interchange.csv_output import commit_staged, discard_staged, refuse_existing
from consultant_app.interchange.file_check import CheckedFile, check_table
from consultant_app.interchange.import_plan import ImportPlan, plan_import
from consultant_app.interchange.import_writer import write_plan
from consultant_app.interchange.rejects import stage_rejects
from consultant_app.interchange.table_reader import read_table
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault


class ImportRejected(ValidationError):
    """Nothing was imported; `problems` holds every problem, each with its line and column."""

    text = Text(
        da="Intet er importeret: {count} fejl i filen. Første: {first}",
        en="Nothing was imported: {count} problems in the file. First: {first}",
    )


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    added: int
    updated: int
    unchanged: int
    rejected: int
    professionals_added: int
    professionals_updated: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def audit_detail(self) -> str:
        # Counts only: an audit line never repeats what the records say.
        return " ".join(f"{key}={value}" for key, value in self.as_dict().items())


@dataclass(frozen=True)
class ImportCheck:
    """What an import of the file would do, and every problem that stops a row."""

    summary: ImportSummary
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_inquiry_file(vault: Vault, path: Path, *, today: date | None = None) -> ImportCheck:
    """A dry run for a user interface: reads the vault, writes nothing."""
    checked = _read(path)
    with vault.session() as session:  # the plan only reads
        plan = plan_import(session, checked, load_codes(), today or date.today())
    return ImportCheck(_summary(checked, plan), [*checked.header_problems, *plan.problems])


def import_inquiries(
    vault: Vault,
    path: Path,
    *,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    overwrite_rejects: bool = False,
    today: date | None = None,
) -> ImportSummary:
    """Import the file, all or nothing. Raises `ImportRejected` when a row is invalid, unless
    `skip_invalid`: then the valid rows are imported and the others go to `rejects_path`.
    A problem with the header (an unknown or missing column) always stops the import."""
    if rejects_path is not None:
        refuse_existing(rejects_path, overwrite_rejects)
    checked = _read(path)
    staging = None
    try:
        with vault.session() as session:
            plan = plan_import(session, checked, load_codes(), today or date.today())
            if checked.header_problems or (plan.rejected and not skip_invalid):
                raise ImportRejected([*checked.header_problems, *plan.problems])
            if plan.rejected and rejects_path is not None:
                staging = stage_rejects(rejects_path, checked.header, plan.rejected)
            write_plan(session, plan)
            summary = _summary(checked, plan)
            audit.record(session, "import", "inquiry", None, summary.audit_detail())
        if staging is not None:
            commit_staged(staging, rejects_path)
    except BaseException:
        discard_staged(staging)
        raise
    return summary


def _read(path: Path) -> CheckedFile:
    return check_table(read_table(Path(path)), load_codes())


def _summary(checked: CheckedFile, plan: ImportPlan) -> ImportSummary:
    return ImportSummary(
        rows=len(checked.rows),
        added=plan.added,
        updated=plan.updated,
        unchanged=plan.unchanged,
        rejected=len(plan.rejected),
        professionals_added=len(plan.new_professionals),
        professionals_updated=len(plan.professional_updates),
    )
