"""Follow-ups on an inquiry or course: add, change, mark done, snooze; returned as plain rows.

Every function takes the caller's session (one unit of work) and returns `FollowUpRow`s, never
ORM objects, so the desktop can show them on any thread.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.domain import FollowUp, Inquiry
from consultant_app.domain.base import utcnow
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.services.case_ref import find_case

EARLIEST_DUE = date(2000, 1, 1)

FOLLOW_UP = Text(da="Opfølgningen", en="The follow-up")
INQUIRY = Text(da="Henvendelsen", en="The inquiry")
REQUIRED = Text(da="skal udfyldes", en="is required")
UNKNOWN_TYPE = Text(da="ukendt type; gyldige typer: {allowed}", en="unknown type; valid types: {allowed}")
TOO_EARLY = Text(da="datoen ligger før {earliest}", en="the date is before {earliest}")
SNOOZE_NOT_LATER = Text(
    da="en udsættelse skal gå til en dato efter i dag ({today})",
    en="a snooze must last until a date after today ({today})",
)
SNOOZE_DONE = Text(
    da="en udført opfølgning kan ikke udsættes", en="a follow-up that is done cannot be snoozed"
)


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    inquiry_id: int
    case_code: str  # the neutral code of the case (Inquiry.case_code)
    type: str  # code list "follow_up_type"
    due_on: date
    snoozed_until: date | None
    done_at: datetime | None  # UTC
    note: str | None
    inquiry_kind: str  # enkelt | forloeb
    inquiry_closed: bool
    risk_assessment_id: int | None

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def shows_on(self) -> date:
        """The day it comes up: the due date, or the end of a snooze that lasts beyond it."""
        if self.snoozed_until is not None and self.snoozed_until > self.due_on:
            return self.snoozed_until
        return self.due_on

    def is_hidden(self, today: date) -> bool:
        """Snoozed: out of every list until the snooze ends."""
        return self.snoozed_until is not None and self.snoozed_until > today


def add_follow_up(
    session: Session, inquiry_id: int, type: str, due_on: date | None, note: str | None = None
) -> FollowUpRow:
    if session.get(Inquiry, inquiry_id) is None:
        raise NotFoundError(what=INQUIRY.render(), id=inquiry_id)
    due = _check(type, due_on)
    follow_up = FollowUp(inquiry_id=inquiry_id, type=type, due_on=due, note=_clean(note))
    session.add(follow_up)
    session.flush()
    return get_follow_up(session, follow_up.id)


def add_follow_up_for_case(
    session: Session, typed_case: str, type: str, due_on: date | None, note: str | None = None
) -> FollowUpRow:
    """A follow-up on the case a person typed (its code or external reference); nothing is
    stored if no case has it (CaseNotFoundError)."""
    return add_follow_up(session, find_case(session, typed_case).id, type, due_on, note)


def update_follow_up(
    session: Session, follow_up_id: int, *, type: str, due_on: date | None, note: str | None
) -> FollowUpRow:
    """Change what it is and when it is due; a new due date ends a snooze."""
    follow_up = _load(session, follow_up_id)
    due = _check(type, due_on)
    if due != follow_up.due_on:
        follow_up.snoozed_until = None
    follow_up.type, follow_up.due_on, follow_up.note = type, due, _clean(note)
    session.flush()
    return get_follow_up(session, follow_up_id)


def mark_done(session: Session, follow_up_id: int, at: datetime | None = None) -> FollowUpRow:
    follow_up = _load(session, follow_up_id)
    if follow_up.done_at is None:
        follow_up.done_at = at or utcnow()
        follow_up.snoozed_until = None
    session.flush()
    return get_follow_up(session, follow_up_id)


def reopen(session: Session, follow_up_id: int) -> FollowUpRow:
    follow_up = _load(session, follow_up_id)
    follow_up.done_at = None
    session.flush()
    return get_follow_up(session, follow_up_id)


def snooze(session: Session, follow_up_id: int, until: date, *, today: date | None = None) -> FollowUpRow:
    """Hide it from every list until `until` (after today); its due date stays as it was."""
    today = today or date.today()
    follow_up = _load(session, follow_up_id)
    if follow_up.done_at is not None:
        raise ValidationError([Problem("snoozed_until", until, SNOOZE_DONE)])
    if until is None or until <= today:
        raise ValidationError(
            [Problem("snoozed_until", until, SNOOZE_NOT_LATER, (("today", today.isoformat()),))]
        )
    follow_up.snoozed_until = until
    session.flush()
    return get_follow_up(session, follow_up_id)


def unsnooze(session: Session, follow_up_id: int) -> FollowUpRow:
    _load(session, follow_up_id).snoozed_until = None
    session.flush()
    return get_follow_up(session, follow_up_id)


def delete_follow_up(session: Session, follow_up_id: int) -> None:
    session.delete(_load(session, follow_up_id))
    session.flush()


def get_follow_up(session: Session, follow_up_id: int) -> FollowUpRow:
    row = session.execute(rows_query().where(FollowUp.id == follow_up_id)).one_or_none()
    if row is None:
        raise NotFoundError(what=FOLLOW_UP.render(), id=follow_up_id)
    return to_row(*row)


def follow_ups_for_inquiry(session: Session, inquiry_id: int) -> list[FollowUpRow]:
    """All of a case's follow-ups, done ones included, by due date."""
    query = rows_query().where(FollowUp.inquiry_id == inquiry_id).order_by(FollowUp.due_on, FollowUp.id)
    return [to_row(*row) for row in session.execute(query)]


def rows_query() -> Select:
    return select(FollowUp, Inquiry).join(Inquiry, FollowUp.inquiry_id == Inquiry.id)


def to_row(follow_up: FollowUp, inquiry: Inquiry) -> FollowUpRow:
    return FollowUpRow(
        id=follow_up.id,
        inquiry_id=inquiry.id,
        case_code=inquiry.case_code,
        type=follow_up.type,
        due_on=follow_up.due_on,
        snoozed_until=follow_up.snoozed_until,
        done_at=follow_up.done_at,
        note=follow_up.note,
        inquiry_kind=inquiry.kind,
        inquiry_closed=inquiry.closed_on is not None,
        risk_assessment_id=follow_up.risk_assessment_id,
    )


def _load(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFoundError(what=FOLLOW_UP.render(), id=follow_up_id)
    return follow_up


def _check(type: str, due_on: date | None) -> date:
    """The due date, once the type and it are valid (else ValidationError with every problem)."""
    problems = []
    types = load_codes()["follow_up_type"]
    if not type:
        problems.append(Problem("type", type, REQUIRED))
    elif type not in types:
        problems.append(Problem("type", type, UNKNOWN_TYPE, (("allowed", ", ".join(types.values())),)))
    if due_on is None:
        problems.append(Problem("due_on", due_on, REQUIRED))
    elif due_on < EARLIEST_DUE:
        problems.append(Problem("due_on", due_on, TOO_EARLY, (("earliest", EARLIEST_DUE.isoformat()),)))
    if problems or due_on is None:  # no due date is one of the problems
        raise ValidationError(problems)
    return due_on


def _clean(note: str | None) -> str | None:
    return note.strip() or None if note else None
