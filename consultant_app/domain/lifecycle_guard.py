"""A case handed over to a colleague is read-only here; an erased case is a statistical row.

Enforced for every session of the process, as the risk assessments' guard is: a `before_flush`
hook refuses any change to such an inquiry or to its notes, contacts, follow-ups and risk
assessments (new, changed or deleted). Only the hand-over and erasure code may change them,
inside `lifecycle_change(session)`. Raw SQL on the connection is below this guard.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session

from consultant_app.domain.case_code import case_code
from consultant_app.domain.cases import Contact, FollowUp, Inquiry, InquiryAdvice, InquiryReason, Note
from consultant_app.domain.risk import RiskAssessment
from consultant_app.errors import CaseErasedError, CaseHandedOverError

_FLAG = "case_lifecycle_change"
_PARTS = (Note, Contact, FollowUp, RiskAssessment, InquiryReason, InquiryAdvice)


@contextmanager
def lifecycle_change(session: Session) -> Iterator[None]:
    """Let the hand-over and erasure code change a closed-off case in this block."""
    session.info[_FLAG] = True
    try:
        yield
    finally:
        session.info.pop(_FLAG, None)


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_closed_off_cases(session: Session, _context, _instances) -> None:
    if session.info.get(_FLAG):
        return
    ids: set[int] = set()
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Inquiry) and obj.id is not None:
            ids.add(obj.id)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _PARTS) and obj.inquiry_id is not None:
            ids.add(obj.inquiry_id)
    if not ids:
        return
    found = (
        session.connection()
        .execute(
            select(Inquiry.id, Inquiry.received_at, Inquiry.handed_over_to, Inquiry.erased_at).where(
                Inquiry.id.in_(sorted(ids)),
                or_(Inquiry.handed_over_at.is_not(None), Inquiry.erased_at.is_not(None)),
            )
        )
        .first()
    )
    if found is not None:
        code = case_code(found.received_at, found.id)
        if found.erased_at is not None:
            raise CaseErasedError(case=code)
        raise CaseHandedOverError(case=code, to=found.handed_over_to or "?")
