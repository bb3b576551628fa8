"""The outbox: count packages waiting to leave the laptop, one row per month and version
(domain/outbox.py).

- A package and its idempotency key (a uuid4) are written in the same transaction (the
  caller's session), so a package in the outbox always has the one key every send of it uses,
  on every retry and after a restart.
- `refresh_outbox` rebuilds months and queues a new version only when a month's counts changed
  (a late registration, a correction, a deletion): a correction is a re-send of the month,
  never a second copy. Older versions that never reached the receiver (failed, or pending and
  never tried) become 'replaced'; versions sent stay 'sent', and a pending version that was
  tried without an answer is still sent (see `queue_package`). The receiver keeps every
  version and counts the latest.
- States: pending -> sent (only after a 2xx from the receiver) | failed (the receiver refused
  it: `last_error` holds the receiver's reason, never content) | replaced (a newer version of
  the month superseded it before it was ever sent). So the rows marked 'sent' are exactly
  what the receiver holds.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from consultant_app.counts.months import month_of, months_between, parse_month, previous_month
from consultant_app.counts.package import Package, build_package
from consultant_app.counts.query import first_month_with_data
from consultant_app.domain import OutboxPackage, SurveyCampaign, SurveyDispatch
from consultant_app.domain.base import utcnow
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

PENDING, SENT, FAILED, REPLACED = "pending", "sent", "failed", "replaced"
STATES = (PENDING, SENT, FAILED, REPLACED)
MAX_ERROR = 500  # characters of a receiver's reason kept in last_error


class IncompleteMonthError(ConsultantAppError):
    text = Text(
        da="Måneden {month} er ikke slut endnu; kun afsluttede måneder sendes (senest {last}).",
        en="The month {month} has not ended yet; only complete months are sent (latest {last}).",
    )


@dataclass(frozen=True)
class QueuedPackage:
    month: str
    version: int

    def as_json(self) -> dict:
        return {"month": self.month, "version": self.version}


@dataclass(frozen=True)
class PendingPackage:
    """A snapshot of one row to send: plain data, so no session is held while sending."""

    id: int
    month: str
    version: int
    idempotency_key: str
    payload: str


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def queue_package(session: Session, package: Package) -> OutboxPackage:
    """Put a package in the outbox with its idempotency key, in the caller's transaction.
    Older versions of the month that certainly never reached the receiver become 'replaced':
    refused ones, and pending ones never tried. A pending version that was tried without an
    answer may be stored there already, so it stays pending and is sent again with its key:
    the receiver replays or stores it, and the outbox then knows exactly what it holds (the
    receiver counts the highest version, whatever order they arrive in)."""
    never_delivered = or_(
        OutboxPackage.state == FAILED, and_(OutboxPackage.state == PENDING, OutboxPackage.attempts == 0)
    )
    session.execute(
        update(OutboxPackage)
        .where(OutboxPackage.month == package.month, OutboxPackage.version < package.version, never_delivered)
        .values(state=REPLACED)
        .execution_options(synchronize_session="fetch")
    )
    row = OutboxPackage(
        month=package.month,
        version=package.version,
        idempotency_key=new_idempotency_key(),
        payload=package.to_json(),
        state=PENDING,
        attempts=0,
    )
    session.add(row)
    session.flush()
    return row


def record_package_file(session: Session, package: Package) -> bool:
    """A package that leaves the laptop as a file (`package --month`, the offline route) is put
    in the outbox too, unless that version is there already: the version numbers stay the
    laptop's own (a later change becomes the next version, never a second, different version
    1), and the next sync sends it as well, which the receiver answers as a duplicate if the
    file was imported first. True when it was queued."""
    known = session.scalar(
        select(OutboxPackage.id).where(
            OutboxPackage.month == package.month, OutboxPackage.version == package.version
        )
    )
    if known is not None:
        return False
    queue_package(session, package)
    return True


def last_complete_month(today: date | None = None) -> str:
    return previous_month(month_of(today or date.today()))


def months_with_data(session: Session, today: date | None = None) -> list[str]:
    """Every month from the first with anything to count (an inquiry, a survey campaign or
    link, an earlier package) up to the last complete month: months without new inquiries
    still report the courses open at their end, and a zero is information."""
    last = last_complete_month(today)
    candidates = [
        first_month_with_data(session),
        _month(session.scalar(select(func.min(SurveyDispatch.recorded_at)))),
        _month(session.scalar(select(func.min(SurveyCampaign.period_from)))),
        session.scalar(select(func.min(OutboxPackage.month))),
    ]
    first = min((c for c in candidates if c), default=None)
    if first is None or first > last:
        return []
    return months_between(first, last)


def refresh_outbox(
    session: Session, months: list[str] | None = None, *, today: date | None = None
) -> list[QueuedPackage]:
    """Rebuild the months (default: `months_with_data`) and queue a new version of each month
    whose counts differ from its latest version in the outbox. Returns what was queued."""
    last = last_complete_month(today)
    if months is None:
        chosen = months_with_data(session, today)
    else:
        chosen = sorted({parse_month(m) for m in months})
        for month in chosen:
            if month > last:
                raise IncompleteMonthError(month=month, last=last)
    now = datetime.now(UTC)
    queued = []
    latest = dict(
        session.execute(
            select(OutboxPackage.month, func.max(OutboxPackage.version)).group_by(OutboxPackage.month)
        ).all()
    )
    for month in chosen:
        package = build_package(session, month, generated_at=now)
        if latest.get(month) == package.version:
            continue  # the counts are what the latest version already says
        queue_package(session, package)
        queued.append(QueuedPackage(month, package.version))
    return queued


def pending_packages(session: Session) -> list[PendingPackage]:
    rows = session.scalars(
        select(OutboxPackage)
        .where(OutboxPackage.state == PENDING)
        .order_by(OutboxPackage.month, OutboxPackage.version)
    )
    return [PendingPackage(r.id, r.month, r.version, r.idempotency_key, r.payload) for r in rows]


def count_pending(session: Session) -> int:
    return session.scalar(select(func.count()).where(OutboxPackage.state == PENDING)) or 0


def mark_sent(session: Session, row_id: int, attempts: int) -> None:
    """Only after a 2xx. A row replaced meanwhile was still delivered: it becomes 'sent'."""
    row = session.get(OutboxPackage, row_id)
    if row is not None:
        row.state, row.sent_at, row.last_error = SENT, utcnow(), None
        row.attempts = (row.attempts or 0) + attempts


def mark_failed(session: Session, row_id: int, attempts: int, reason: str) -> None:
    """The receiver refused the package; `reason` is the receiver's message, never content."""
    row = session.get(OutboxPackage, row_id)
    if row is not None and row.state != SENT:
        row.state, row.last_error = FAILED, reason[:MAX_ERROR]
        row.attempts = (row.attempts or 0) + attempts


def note_attempts(session: Session, row_id: int, attempts: int, problem: str) -> None:
    """Still pending (the receiver was not reached, or refused the token): count and say why.
    A row replaced while it was being tried may have reached the receiver: pending again."""
    row = session.get(OutboxPackage, row_id)
    if row is not None:
        if row.state == REPLACED:
            row.state = PENDING
        row.attempts = (row.attempts or 0) + attempts
        row.last_error = problem[:MAX_ERROR]


def requeue_failed(session: Session) -> list[QueuedPackage]:
    """Send refused packages again (for instance after the receiver was updated): each failed
    row that is still its month's latest version becomes pending. It gets a new idempotency
    key: the refused request is over, and the receiver stored nothing for it."""
    requeued = []
    for row in session.scalars(select(OutboxPackage).where(OutboxPackage.state == FAILED)):
        newest = session.scalar(
            select(func.max(OutboxPackage.version)).where(OutboxPackage.month == row.month)
        )
        if newest == row.version:
            row.state, row.idempotency_key = PENDING, new_idempotency_key()
            requeued.append(QueuedPackage(row.month, row.version))
    return requeued


def _month(value: date | datetime | None) -> str | None:
    return month_of(value) if value is not None else None
