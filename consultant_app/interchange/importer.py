"""Importing inquiries from an interchange file (interchange.md, "Import rules").

The file is streamed, never held: a first pass gathers its references, a second checks and
plans every row without writing (every problem is reported, with its line), and only a file
that passes is read a third time and written, batch by batch, in the vault's one transaction:
interrupted (an error, a cancel, a killed process, a power cut), the vault is as it was before.
Memory stays flat in the file's size: a batch of rows, the file's references and the problems.
"""

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.errors import Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.interchange.csv_output import commit_staged, discard_staged, refuse_existing
from consultant_app.interchange.file_check import RefIndex, RowChecker
from consultant_app.interchange.import_plan import (
    ImportCancelled,
    ImportPlan,
    Rejected,
    index_refs,
    own_ref_clashes,
    plan_batches,
)
from consultant_app.interchange.import_writer import write_plan
from consultant_app.interchange.rejects import stage_rejects
from consultant_app.interchange.table_reader import InterchangeFileError, StreamedTable, open_table
from consultant_app.interchange.vault_state import small_page_cache
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault

# (phase, rows done, rows in the file): phase "check" then "write".
Progress = Callable[[str, int, int], None]

__all__ = ["ImportCancelled", "ImportCheck", "ImportRejected", "ImportSummary", "check_inquiry_file"]


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


@dataclass
class _Tally:
    """What the planning of the whole file found, batch by batch (counts and rejected rows)."""

    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    professionals_added: int = 0
    professionals_completed: set[int] = field(default_factory=set)
    rejected: list[Rejected] = field(default_factory=list)

    def add(self, plan: ImportPlan) -> None:
        self.rows += plan.rows
        self.added += plan.added
        self.updated += plan.updated
        self.unchanged += plan.unchanged
        self.professionals_added += len(plan.new_professionals)
        self.professionals_completed |= plan.professionals_completed
        self.rejected.extend(plan.rejected)

    def summary(self) -> ImportSummary:
        return ImportSummary(
            rows=self.rows,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            rejected=len(self.rejected),
            professionals_added=self.professionals_added,
            professionals_updated=len(self.professionals_completed),
        )

    @property
    def problems(self) -> list[Problem]:
        return [problem for rejected in self.rejected for problem in rejected.problems]


class _File:
    """The streamed file with its checker and references (the first pass)."""

    def __init__(self, path: Path, cancelled: Callable[[], bool]) -> None:
        self.table: StreamedTable = open_table(Path(path))
        self.checker = RowChecker(self.table.header, load_codes())
        self.refs: RefIndex = index_refs(self.table, self.checker, cancelled)
        self.lines = self.refs.rows


def check_inquiry_file(
    vault: Vault,
    path: Path,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportCheck:
    """A dry run for a user interface (the desktop's first step): the import's own check pass,
    reading the vault and writing nothing. `progress` and `cancelled` as for `import_inquiries`."""
    cancelled = cancelled or _never
    file = _File(path, cancelled)
    with vault.session() as session, small_page_cache(session):  # the plan only reads
        tally, _refused = _check(session, file, today or date.today(), cancelled, progress)
    return ImportCheck(tally.summary(), [*file.checker.header_problems, *tally.problems])


def import_inquiries(
    vault: Vault,
    path: Path,
    *,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    overwrite_rejects: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import the file, all or nothing. Raises `ImportRejected` when a row is invalid, unless
    `skip_invalid`: then the valid rows are imported and the others go to `rejects_path`.
    A problem with the header (an unknown or missing column) always stops the import.
    `cancelled` is asked between batches: True stops the import (`ImportCancelled`), and
    nothing is written."""
    cancelled = cancelled or _never
    if rejects_path is not None:
        refuse_existing(rejects_path, overwrite_rejects)
    file = _File(path, cancelled)
    today = today or date.today()
    staging = None
    try:
        with vault.session() as session, small_page_cache(session):
            tally, refused = _check(session, file, today, cancelled, progress)
            if file.checker.header_problems or (tally.rejected and not skip_invalid):
                raise ImportRejected([*file.checker.header_problems, *tally.problems])
            if tally.rejected and rejects_path is not None:
                staging = stage_rejects(rejects_path, file.table.header, tally.rejected)
            written = _Tally()
            for plan in _planned(session, file, today, refused, cancelled, progress, "write", tally.rows):
                write_plan(session, plan)
                written.add(plan)
            # The rows written are the rows checked: the file and the vault held still.
            file.table.require_unchanged()
            summary = tally.summary()
            if written.summary() != summary:
                raise InterchangeFileError(path=file.table.path)
            audit.record(session, "import", "inquiry", None, summary.audit_detail())
        if staging is not None and rejects_path is not None:  # staged only for a rejects path
            commit_staged(staging, rejects_path)
    except BaseException:
        discard_staged(staging)
        raise
    return summary


def _check(
    session: Session, file: _File, today: date, cancelled: Callable[[], bool], progress: Progress | None
) -> tuple[_Tally, dict[int, Problem]]:
    """Plan the whole file without writing; again with the rows whose own reference is taken
    refused, until none is (rare: someone typed a reference in this vault's own format)."""
    refused: dict[int, Problem] = {}
    while True:
        tally, clashes = _Tally(), dict[int, Problem]()
        for plan in _planned(session, file, today, refused, cancelled, progress, "check", None):
            tally.add(plan)
            clashes |= own_ref_clashes(session, file.refs, plan)
        if not clashes:
            return tally, refused
        refused |= clashes


def _planned(
    session: Session,
    file: _File,
    today: date,
    refused: dict[int, Problem],
    cancelled: Callable[[], bool],
    progress: Progress | None,
    phase: str,
    total: int | None,
) -> Iterator[ImportPlan]:
    done = 0
    for plan in plan_batches(session, file.table, file.checker, file.refs, load_codes(), today, refused):
        if cancelled():
            raise ImportCancelled()
        done += plan.rows
        yield plan
        if progress is not None:
            progress(phase, done, total if total is not None else file.lines)


def _never() -> bool:
    return False
