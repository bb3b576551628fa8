"""The cases due for erasure: closed longer ago than the retention period, or handed over to a
colleague (the case now lives in the colleague's vault; this copy is offered for erasure)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from consultant_app.domain import Inquiry
from consultant_app.domain.case_code import case_code
from consultant_app.i18n import Text
from consultant_app.retention.period import retention_years, years_after

RETENTION, HANDED_OVER = "retention", "handed_over"
REASON_LABELS = {
    RETENTION: Text(da="Opbevaringsperioden er udløbet", en="The retention period has ended"),
    HANDED_OVER: Text(da="Overdraget til {to}", en="Handed over to {to}"),
}


@dataclass(frozen=True)
class DueCase:
    inquiry_id: int
    case_code: str
    reason: str  # RETENTION | HANDED_OVER
    closed_on: date | None
    due_on: date  # when it became due
    handed_over_to: str | None

    def label(self, language: str | None = None) -> str:
        return REASON_LABELS[self.reason].render(language, to=self.handed_over_to or "")

    def as_json(self) -> dict:
        return {
            "case": self.case_code,
            "reason": self.reason,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "due_on": self.due_on.isoformat(),
            "handed_over_to": self.handed_over_to,
        }


def due_cases(session: Session, today: date | None = None) -> list[DueCase]:
    today = today or date.today()
    years = retention_years(session)
    # A case closed on or before this day has been closed for the whole period today.
    latest_closing = years_after(today, -years)
    rows = session.execute(
        select(
            Inquiry.id,
            Inquiry.received_at,
            Inquiry.closed_on,
            Inquiry.handed_over_at,
            Inquiry.handed_over_to,
        )
        .where(
            Inquiry.erased_at.is_(None),
            or_(Inquiry.closed_on <= latest_closing, Inquiry.handed_over_at.is_not(None)),
        )
        .order_by(Inquiry.id)
    ).all()
    due = []
    for r in rows:
        code = case_code(r.received_at, r.id)
        if r.handed_over_at is not None:
            due.append(
                DueCase(r.id, code, HANDED_OVER, r.closed_on, r.handed_over_at.date(), r.handed_over_to)
            )
        else:
            due.append(DueCase(r.id, code, RETENTION, r.closed_on, years_after(r.closed_on, years), None))
    return sorted(due, key=lambda d: (d.due_on, d.inquiry_id))


def retention_due_json(session: Session, today: date | None = None) -> dict:
    """What `consultant-app retention due --json` prints."""
    today = today or date.today()
    return {
        "today": today.isoformat(),
        "retention_years": retention_years(session),
        "cases": [d.as_json() for d in due_cases(session, today)],
    }
