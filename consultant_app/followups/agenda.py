"""The consultant's first worry of the day: what is overdue, due today, and coming up.

Only open follow-ups (not done) appear. A snoozed one is hidden from every list until the day
its snooze ends; then it shows by its due date (overdue if that has passed).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from consultant_app.domain import FollowUp
from consultant_app.followups.service import FollowUpRow, rows_query, to_row

DEFAULT_HORIZON_DAYS = 14


@dataclass(frozen=True)
class Agenda:
    today: date
    overdue: list[FollowUpRow]
    due_today: list[FollowUpRow]
    upcoming: list[FollowUpRow]
    snoozed: list[FollowUpRow]


def agenda(
    session: Session, today: date | None = None, horizon_days: int | None = DEFAULT_HORIZON_DAYS
) -> Agenda:
    """All four lists from one query. `horizon_days=None`: every upcoming one, however far."""
    today = today or date.today()
    open_rows = open_follow_ups(session)
    visible = [r for r in open_rows if not r.is_hidden(today)]
    last = None if horizon_days is None else today + timedelta(days=horizon_days)
    return Agenda(
        today=today,
        overdue=[r for r in visible if r.due_on < today],
        due_today=[r for r in visible if r.due_on == today],
        upcoming=[r for r in visible if r.due_on > today and (last is None or r.due_on <= last)],
        snoozed=sorted((r for r in open_rows if r.is_hidden(today)), key=lambda r: (r.shows_on, r.id)),
    )


def overdue(session: Session, today: date | None = None) -> list[FollowUpRow]:
    return agenda(session, today).overdue


def due_today(session: Session, today: date | None = None) -> list[FollowUpRow]:
    return agenda(session, today).due_today


def upcoming(
    session: Session, today: date | None = None, horizon_days: int | None = DEFAULT_HORIZON_DAYS
) -> list[FollowUpRow]:
    return agenda(session, today, horizon_days).upcoming


def open_follow_ups(session: Session, *, due_before: date | None = None) -> list[FollowUpRow]:
    """Every follow-up not done (snoozed ones included), by due date."""
    query = rows_query().where(FollowUp.done_at.is_(None))
    if due_before is not None:
        query = query.where(FollowUp.due_on < due_before)
    query = query.order_by(FollowUp.due_on, FollowUp.id)
    return [to_row(*row) for row in session.execute(query)]
