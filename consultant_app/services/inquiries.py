"""Inquiries stored: `create_inquiry` and `update_inquiry` validate a draft (the rules are in
`services/inquiry_rules.py`), give a new inquiry its reference (services/refs.py), and link the
professional who made contact (services/professionals.py).
"""

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason, Profile
from consultant_app.errors import Problem, ValidationError

# InquiryDraft is also imported from here by the many callers that create inquiries with it.
from consultant_app.services.inquiry_rules import (
    OWN_REF_TAKEN,
    REF_TAKEN,
    InquiryDraft,
    validate_inquiry,
)
from consultant_app.services.professionals import (
    link_professional,
    professional_for,
)
from consultant_app.services.refs import next_id, own_ref, ref_prefix

# --- create and update --------------------------------------------------------------------


def create_inquiry(session: Session, draft: InquiryDraft, *, today: date | None = None) -> Inquiry:
    """Validate and add a new inquiry (with its intake contact). Without a reference it gets the
    vault's own (`own_ref`). Raises `ValidationError`."""
    draft = _checked(session, draft, None, today)
    # Queries come before the first change, so one save is one flush and one audit line each;
    # the id is known up front, so the reference is stored with the insert, not by an update.
    inquiry_id = next_id(session, Inquiry)
    external_ref = draft.external_ref or _free_own_ref(session, draft.received_at, inquiry_id)
    consultant = draft.consultant or _owner_name(session)
    professional = professional_for(session, draft)
    with session.no_autoflush:
        inquiry = Inquiry(
            **(draft.inquiry_values() | {"external_ref": external_ref}),
            id=inquiry_id,
            consultant=consultant,
        )
        inquiry.reasons = [InquiryReason(code=code) for code in draft.reasons]
        inquiry.advice = [InquiryAdvice(code=code) for code in draft.advice_types]
        session.add(inquiry)
        link_professional(inquiry, professional, draft)
    session.flush()
    return inquiry


def update_inquiry(
    session: Session, inquiry: Inquiry, draft: InquiryDraft, *, today: date | None = None
) -> Inquiry:
    """Validate and apply the draft to a stored inquiry. A draft without a reference keeps the
    stored one: files and other vaults know the inquiry by it. Raises `ValidationError`."""
    draft = _checked(session, draft, inquiry.id, today)
    professional = professional_for(session, draft)
    # Loading the codes and contacts must not flush half the change (two audit lines for one save).
    with session.no_autoflush:
        for name, value in draft.inquiry_values().items():
            if name == "external_ref" and value is None:
                continue  # the stored reference is kept
            setattr(inquiry, name, value)
        if draft.consultant:
            inquiry.consultant = draft.consultant
        _replace_codes(inquiry.reasons, draft.reasons, InquiryReason)
        _replace_codes(inquiry.advice, draft.advice_types, InquiryAdvice)
        link_professional(inquiry, professional, draft)
    session.flush()
    return inquiry


def _checked(
    session: Session, draft: InquiryDraft, inquiry_id: int | None, today: date | None
) -> InquiryDraft:
    draft = draft.normalised()
    problems = validate_inquiry(draft, load_codes(), today or date.today())
    if draft.external_ref is not None and _ref_taken(session, draft.external_ref, inquiry_id):
        problems.append(Problem("external_ref", draft.external_ref, REF_TAKEN))
    if problems:
        raise ValidationError(problems)
    return draft


def _ref_taken(session: Session, ref: str, inquiry_id: int | None) -> bool:
    owner = session.scalar(select(Inquiry.id).where(Inquiry.external_ref == ref))
    return owner is not None and owner != inquiry_id


def _free_own_ref(session: Session, received_at: datetime | None, inquiry_id: int) -> str:
    if received_at is None:  # a checked draft has its received date (REQUIRED_FIELDS)
        raise ValueError("an own reference needs the received date")
    ref = own_ref(ref_prefix(session), received_at, inquiry_id)
    if _ref_taken(session, ref, None):
        raise ValidationError([Problem("external_ref", ref, OWN_REF_TAKEN)])
    return ref


def _owner_name(session: Session) -> str:
    return session.scalar(select(Profile.name)) or ""


def _replace_codes(current: list, wanted: tuple[str, ...], row_class: type) -> None:
    # Keep rows that stay, so an unchanged code is not deleted and inserted again.
    current[:] = [row for row in current if row.code in wanted]
    kept = {row.code for row in current}
    current.extend(row_class(code=code) for code in wanted if code not in kept)


def received_at_for(day: date, stored: datetime | None = None) -> datetime:
    """A received date as a timestamp: the stored time of day is kept when the date is the same."""
    if stored is not None and stored.date() == day:
        return stored
    return datetime.combine(day, time())
