"""The consultant's overview: this month's inquiries, the open courses, and the follow-ups due
today or overdue (the first worry of the day), each as a count and the first rows.

Follow-ups count as `followups/agenda.py` counts them: not done, and not snoozed beyond today
(a snooze that has ended shows the follow-up by its due date again).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from consultant_app.domain import FollowUp, Inquiry
from consultant_app.domain.case_code import case_code
from consultant_app.retention.due import DueCase, due_cases
from consultant_app.services.inquiry_list import (
    InquiryFilter,
    InquiryQuery,
    InquiryRow,
    count_inquiries,
    fetch_page,
)

LIST_LIMIT = 50


@dataclass(frozen=True)
class FollowUpItem:
    id: int
    inquiry_id: int
    case_code: str
    type: str  # code list "follow_up_type"
    due_on: date
    note: str | None


@dataclass(frozen=True)
class Overview:
    today: date
    month_count: int
    month_inquiries: tuple[InquiryRow, ...]  # newest first
    open_course_count: int
    open_courses: tuple[InquiryRow, ...]  # newest first
    due_today_count: int
    due_today: tuple[FollowUpItem, ...]
    overdue_count: int
    overdue: tuple[FollowUpItem, ...]  # longest overdue first
    # Cases past the retention period or handed over: offered for erasure (docs/retention.md).
    erasure_due: tuple[DueCase, ...] = ()


def month_filter(today: date) -> InquiryFilter:
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return InquiryFilter(received_from=first, received_to=last)


OPEN_COURSES = InquiryFilter(kind="forloeb", status="open")


def overview(session: Session, today: date | None = None, *, limit: int = LIST_LIMIT) -> Overview:
    today = today or date.today()
    month = month_filter(today)
    overdue = FollowUp.due_on < today
    due = FollowUp.due_on == today
    return Overview(
        today=today,
        month_count=count_inquiries(session, month),
        month_inquiries=fetch_page(session, InquiryQuery(month), limit=limit).rows,
        open_course_count=count_inquiries(session, OPEN_COURSES),
        open_courses=fetch_page(session, InquiryQuery(OPEN_COURSES), limit=limit).rows,
        due_today_count=_count(session, today, due),
        due_today=_follow_ups(session, today, due, limit),
        overdue_count=_count(session, today, overdue),
        overdue=_follow_ups(session, today, overdue, limit),
        erasure_due=tuple(due_cases(session, today)),
    )


def _showing(today: date) -> list[ColumnElement[bool]]:
    return [
        FollowUp.done_at.is_(None),
        or_(FollowUp.snoozed_until.is_(None), FollowUp.snoozed_until <= today),
    ]


def _count(session: Session, today: date, when: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count(FollowUp.id)).where(*_showing(today), when)) or 0


def _follow_ups(
    session: Session, today: date, when: ColumnElement[bool], limit: int
) -> tuple[FollowUpItem, ...]:
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.inquiry_id,
            Inquiry.received_at,
            FollowUp.type,
            FollowUp.due_on,
            FollowUp.note,
        )
        .join(Inquiry, Inquiry.id == FollowUp.inquiry_id)
        .where(*_showing(today), when)
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(limit)
    )
    return tuple(
        FollowUpItem(r.id, r.inquiry_id, case_code(r.received_at, r.inquiry_id), r.type, r.due_on, r.note)
        for r in rows
    )
