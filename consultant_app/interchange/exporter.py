"""Exporting inquiries in interchange format v1: what `import` reads back unchanged.

Rows are ordered by received time, then id; lists follow the code-list order; dates are
YYYY-MM-DD. Every inquiry is written with its stored external_ref (given, or the vault's own from
services/refs.py), so a re-import into this or any other vault finds the same inquiry again.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.orm import Session

from consultant_app.codes import Codes, load_codes
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason, Professional
from consultant_app.domain.case_code import case_code
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.interchange.cells import format_cell
from consultant_app.interchange.columns import COLUMNS, HEADER, Kind
from consultant_app.interchange.csv_output import commit_staged, discard_staged, refuse_existing, stage_csv
from consultant_app.interchange.vault_state import small_page_cache
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault

# Interchange column -> the professional's attribute it comes from.
_PROFESSIONAL_COLUMNS = {
    "professional_name": Professional.name,
    "professional_email": Professional.email,
    "professional_phone": Professional.phone,
    "professional_organisation": Professional.organisation_name,
}
# Codes are short ASCII identifiers (domain.md): a tab never occurs in one.
_CODE_JOIN = "\t"
_OWN_COLUMNS = [c.field for c in COLUMNS if c.field not in _PROFESSIONAL_COLUMNS and c.kind is not Kind.CODES]


class MissingRefError(ConsultantAppError):
    """An inquiry stored without a reference: made outside `create_inquiry` and the importer."""

    text = Text(
        da="Henvendelse {case_code} har ingen reference (external_ref). Intet er eksporteret.",
        en="Inquiry {case_code} has no reference (external_ref). Nothing was exported.",
    )


class ExportCancelled(ConsultantAppError):
    text = Text(
        da="Eksporten blev afbrudt; ingen fil er skrevet.", en="The export was stopped; no file was written."
    )


# Progress and cancel are looked at every STEP rows: often enough for a bar, rarely enough to cost nothing.
STEP = 500


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    inquiries: int


def export_inquiries(
    vault: Vault,
    path: Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Write the inquiries received in [date_from, date_to] (both optional, inclusive).
    `progress(done, total)` is told every `STEP` rows; `cancelled` is asked as often, and True
    stops the export (`ExportCancelled`) with no file written."""
    path = Path(path)
    refuse_existing(path, overwrite)
    staging = None
    try:
        with vault.session() as session, small_page_cache(session):
            total = _count(session, date_from, date_to) if progress is not None else 0
            # Row by row from the query into the file: memory stays flat in the vault's size.
            written = _Counted(export_rows(session, date_from, date_to), total, progress, cancelled)
            staging = stage_csv(path, HEADER, written)
            # In the same transaction as the read: the audit line exists if the file can.
            audit.record(
                session, "export", "inquiry", None, f"inquiries={written.count} format=interchange-v1"
            )
        commit_staged(staging, path)
    except BaseException:
        discard_staged(staging)
        raise
    return ExportSummary(path, written.count)


class _Counted:
    def __init__(
        self,
        rows: Iterator[list[str]],
        total: int = 0,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._rows = rows
        self._total = total
        self._progress = progress
        self._cancelled = cancelled
        self.count = 0

    def __iter__(self) -> Iterator[list[str]]:
        for row in self._rows:
            if self.count % STEP == 0 and self._cancelled is not None and self._cancelled():
                raise ExportCancelled()
            self.count += 1
            yield row
            if self._progress is not None and self.count % STEP == 0:
                self._progress(self.count, max(self._total, self.count))
        if self._progress is not None:
            self._progress(self.count, max(self._total, self.count))


def _count(session: Session, date_from: date | None, date_to: date | None) -> int:
    counted = select(func.count()).select_from(_inquiries(date_from, date_to).order_by(None).subquery())
    return session.scalar(counted) or 0


def export_rows(
    session: Session, date_from: date | None = None, date_to: date | None = None
) -> Iterator[list[str]]:
    """The data rows, as the text cells of the file (header excluded)."""
    codes = load_codes()
    # A Core execution on the session's connection: rows come from the cursor as they are
    # read, none are gathered first.
    for row in session.connection().execute(_inquiries(date_from, date_to)).mappings():
        values = dict(row)
        values["received_at"] = row["received_at"].date()
        if row["external_ref"] is None:
            # Without its key a re-import would add the inquiry a second time.
            raise MissingRefError(case_code=case_code(row["received_at"], row["id"]))  # never its contents
        values["reasons"] = _split(row["reasons"])
        values["advice_types"] = _split(row["advice_types"])
        yield _cells(values, codes)


def _inquiries(date_from: date | None, date_to: date | None) -> Select:
    query = (
        select(
            Inquiry.id,
            *(getattr(Inquiry, name) for name in _OWN_COLUMNS),
            *(attribute.label(column) for column, attribute in _PROFESSIONAL_COLUMNS.items()),
            _codes_of(InquiryReason).label("reasons"),
            _codes_of(InquiryAdvice).label("advice_types"),
        )
        .outerjoin(Professional, Inquiry.professional_id == Professional.id)
        .where(Inquiry.erased_at.is_(None))  # an erased case is an anonymous count, not a case
        .order_by(Inquiry.received_at, Inquiry.id)
    )
    if date_from is not None:
        query = query.where(Inquiry.received_at >= datetime.combine(date_from, time()))
    if date_to is not None:
        query = query.where(Inquiry.received_at < datetime.combine(date_to + timedelta(days=1), time()))
    return query


def _codes_of(model: type[InquiryReason] | type[InquiryAdvice]) -> ScalarSelect[str]:
    """The inquiry's codes as one text (looked up by the key of each row, never gathered)."""
    codes = select(func.group_concat(model.code, _CODE_JOIN)).where(model.inquiry_id == Inquiry.id)
    return codes.scalar_subquery()


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_CODE_JOIN)) if joined else ()


def _cells(values: dict[str, object], codes: Codes) -> list[str]:
    return [format_cell(column, values[column.field], codes) for column in COLUMNS]
