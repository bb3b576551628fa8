"""What an import needs to know about the vault, read in a few set-based queries (no ORM objects,
so 100 000 rows cost seconds, not minutes)."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from consultant_app.domain import Contact, Inquiry, InquiryAdvice, InquiryReason, Professional, Profile
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.inquiry_rules import INQUIRY_COLUMNS, InquiryColumns, stored_columns
from consultant_app.services.professionals import KnownProfessional

# Well under SQLite's limit on bound parameters in one statement.
CHUNK = 500
# Page cache while importing or exporting (KiB): either touches more pages than the vault's own
# cache holds anyway, and a small cache keeps the process's memory flat in the file's size
# (SQLite spills changed pages to the file, still inside the one transaction).
STREAMING_CACHE_KIB = 16 * 1024


@dataclass(frozen=True)
class StoredIntake:
    id: int
    professional_id: int
    occurred_at: datetime
    channel: str


@dataclass(frozen=True)
class StoredInquiry:
    id: int
    columns: InquiryColumns
    consultant: str | None
    professional_id: int | None
    reasons: frozenset[str]
    advice: frozenset[str]
    intake: StoredIntake | None

    def draft(self, professionals: dict[int, KnownProfessional]) -> InquiryDraft:
        professional = professionals.get(self.professional_id) if self.professional_id is not None else None
        return InquiryDraft.from_stored(
            self.columns, self.consultant, sorted(self.reasons), sorted(self.advice), professional
        )


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_by_refs(session: Session, refs: Iterable[str]) -> dict[str, StoredInquiry]:
    """The stored inquiries whose external_ref is among `refs`, by ref."""
    columns = [getattr(Inquiry, name) for name in ("id", *INQUIRY_COLUMNS, "consultant", "professional_id")]
    rows: list[RowMapping] = []
    for part in chunks(sorted(set(refs))):
        rows.extend(session.execute(select(*columns).where(Inquiry.external_ref.in_(part))).mappings())
    ids = [row["id"] for row in rows]
    reasons = _codes_by_inquiry(session, InquiryReason, ids)
    advice = _codes_by_inquiry(session, InquiryAdvice, ids)
    intakes = _intakes(session, ids)
    stored = {}
    for row in rows:
        stored[row["external_ref"]] = StoredInquiry(
            row["id"],
            stored_columns(row),
            row["consultant"],
            row["professional_id"],
            frozenset(reasons.get(row["id"], ())),
            frozenset(advice.get(row["id"], ())),
            intakes.get(row["id"]),
        )
    return stored


def _codes_by_inquiry(
    session: Session, model: type[InquiryReason] | type[InquiryAdvice], ids: list[int]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for part in chunks(ids):
        for inquiry_id, code in session.execute(
            select(model.inquiry_id, model.code).where(model.inquiry_id.in_(part))
        ):
            found.setdefault(inquiry_id, []).append(code)
    return found


def _intakes(session: Session, ids: list[int]) -> dict[int, StoredIntake]:
    """The intake contact of each inquiry (the first, should an inquiry ever have two)."""
    found: dict[int, StoredIntake] = {}
    for part in chunks(ids):
        rows = session.execute(
            select(
                Contact.id, Contact.inquiry_id, Contact.professional_id, Contact.occurred_at, Contact.channel
            )
            .where(Contact.inquiry_id.in_(part), Contact.is_intake.is_(True))
            .order_by(Contact.id)
        )
        for row in rows:
            found.setdefault(
                row.inquiry_id, StoredIntake(row.id, row.professional_id, row.occurred_at, row.channel)
            )
    return found


def load_professionals(session: Session) -> dict[int, KnownProfessional]:
    """Every professional's identifying and fillable details, by id (hundreds, not millions)."""
    columns = (
        Professional.id,
        Professional.name,
        Professional.email,
        Professional.email_normalised,
        Professional.phone,
        Professional.organisation_name,
        Professional.organisation_type,
        Professional.municipality_code,
    )
    return {
        row.id: KnownProfessional(
            id=row.id,
            name=row.name,
            email=row.email,
            email_normalised=row.email_normalised,
            phone=row.phone,
            organisation_name=row.organisation_name,
            organisation_type=row.organisation_type,
            municipality_code=row.municipality_code,
        )
        for row in session.execute(select(*columns).order_by(Professional.id))
    }


def taken_refs(session: Session, refs: Iterable[str]) -> set[str]:
    """Those of `refs` some stored inquiry already has."""
    taken: set[str] = set()
    for part in chunks(sorted(set(refs))):
        taken.update(session.scalars(select(Inquiry.external_ref).where(Inquiry.external_ref.in_(part))))
    return taken


def owner_name(session: Session) -> str:
    return session.scalar(select(Profile.name)) or ""


@contextmanager
def small_page_cache(session: Session) -> Iterator[None]:
    """The session's connection with the streaming page cache, restored afterwards."""
    connection = session.connection()
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = {-STREAMING_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")
