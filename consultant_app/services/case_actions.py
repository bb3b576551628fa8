"""What the desktop does to a case, each in the caller's unit of work: register or edit an
inquiry with its citizen, add a contact or a note, close, reopen, turn into a course.

Every rule is the shared one of `inquiries.py` (a form and a file import check the same way);
this module adds what a form has beyond a file row: the citizen's pseudonym, contacts and notes
on an existing case, and the small changes of a case's state. Results are plain dataclasses.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypedDict, Unpack

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app.codes import Codes, load_codes
from consultant_app.domain import Citizen, Contact, Inquiry, Note, Professional
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.services.case_ref import find_case
from consultant_app.services.inquiries import InquiryDraft, create_inquiry, update_inquiry
from consultant_app.services.inquiry_rules import (
    EARLIEST_RECEIVED,
    IN_FUTURE,
    REQUIRED,
    TOO_EARLY,
    TOO_LONG,
    UNKNOWN_CODE,
    validate_inquiry,
)
from consultant_app.services.professionals import professional_for

INQUIRY = Text(da="Henvendelsen", en="The inquiry")
PROFESSIONAL = Text(da="Fagpersonen", en="The professional")
PSEUDONYM_LIMIT = 100  # Citizen.pseudonym


@dataclass(frozen=True)
class CaseForm:
    """What the inquiry form holds: the shared draft, and the citizen's pseudonym (optional)."""

    draft: InquiryDraft
    citizen_pseudonym: str | None = None


@dataclass(frozen=True)
class SavedCase:
    id: int
    case_code: str


@dataclass(frozen=True)
class ContactDraft:
    """A conversation with a professional: a known one by id, or a new one by name (and e-mail)."""

    occurred_at: datetime | None
    channel: str | None
    professional_id: int | None = None
    professional_name: str | None = None
    professional_email: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class ProfessionalChoice:
    id: int
    name: str
    email: str | None
    phone: str | None
    organisation: str | None


# --- the inquiry with its citizen ------------------------------------------------------------


def validate_case(form: CaseForm, codes: Codes, today: date) -> list[Problem]:
    """Every problem with the form (pure: no database), field names as the draft's."""
    problems = validate_inquiry(form.draft.normalised(), codes, today)
    pseudonym = _clean(form.citizen_pseudonym)
    if pseudonym is not None and len(pseudonym) > PSEUDONYM_LIMIT:
        params = (("limit", PSEUDONYM_LIMIT), ("length", len(pseudonym)))
        problems.append(Problem("citizen_pseudonym", pseudonym, TOO_LONG, params))
    return problems


def create_case(session: Session, form: CaseForm, *, today: date | None = None) -> SavedCase:
    """Register a new inquiry (and its citizen). Raises `ValidationError` with every problem."""
    _require_valid(form, today)
    inquiry = create_inquiry(session, form.draft, today=today)
    _set_citizen(session, inquiry, _clean(form.citizen_pseudonym))
    session.flush()
    return SavedCase(inquiry.id, inquiry.case_code)


def load_case_form(session: Session, inquiry_id: int) -> CaseForm:
    inquiry = _inquiry(session, inquiry_id)
    pseudonym = inquiry.citizen.pseudonym if inquiry.citizen else None
    return CaseForm(InquiryDraft.from_inquiry(inquiry), pseudonym)


def update_case(session: Session, inquiry_id: int, form: CaseForm, *, today: date | None = None) -> SavedCase:
    inquiry = _inquiry(session, inquiry_id)
    _require_valid(form, today)
    update_inquiry(session, inquiry, form.draft, today=today)
    _set_citizen(session, inquiry, _clean(form.citizen_pseudonym))
    session.flush()
    return SavedCase(inquiry.id, inquiry.case_code)


def _require_valid(form: CaseForm, today: date | None) -> None:
    problems = validate_case(form, load_codes(), today or date.today())
    if problems:
        raise ValidationError(problems)


def _set_citizen(session: Session, inquiry: Inquiry, pseudonym: str | None) -> None:
    citizen = inquiry.citizen
    if pseudonym is None:
        if citizen is not None:
            inquiry.citizen = None
            others = session.scalar(
                select(func.count()).where(Inquiry.citizen_id == citizen.id, Inquiry.id != inquiry.id)
            )
            if not others and not (citizen.full_name or citizen.cpr or citizen.note):
                session.delete(citizen)  # nothing else is known about them: keep nothing
        return
    if citizen is None:
        inquiry.citizen = Citizen(pseudonym=pseudonym)
    elif citizen.pseudonym != pseudonym:
        citizen.pseudonym = pseudonym


# --- the state of a case ---------------------------------------------------------------------


def close_case(
    session: Session,
    inquiry_id: int,
    closed_on: date | None,
    reason: str | None,
    *,
    today: date | None = None,
) -> SavedCase:
    problems = [
        Problem(name, "", REQUIRED)
        for name, v in (("closed_on", closed_on), ("closing_reason", reason))
        if not v
    ]
    if problems:
        raise ValidationError(problems)
    return _change(session, inquiry_id, today, closed_on=closed_on, closing_reason=reason)


def reopen_case(session: Session, inquiry_id: int) -> SavedCase:
    return _change(session, inquiry_id, None, closed_on=None, closing_reason=None)


def make_course(session: Session, inquiry_id: int) -> SavedCase:
    """An inquiry that goes on becomes an advisory course (kind forloeb): the same record."""
    return _change(session, inquiry_id, None, kind="forloeb")


class _CaseChange(TypedDict, total=False):
    """The columns a case action sets."""

    closed_on: date | None
    closing_reason: str | None
    kind: str


def _change(
    session: Session, inquiry_id: int, today: date | None, **changes: Unpack[_CaseChange]
) -> SavedCase:
    """Set a few columns, checked by the shared rules; only problems with them count (a case
    stored long ago under older rules can still be closed)."""
    inquiry = _inquiry(session, inquiry_id)
    draft = replace(InquiryDraft.from_inquiry(inquiry), **changes).normalised()
    problems = [p for p in validate_inquiry(draft, load_codes(), today or date.today()) if p.field in changes]
    if problems:
        raise ValidationError(problems)
    for name in changes:
        setattr(inquiry, name, getattr(draft, name))
    session.flush()
    return SavedCase(inquiry.id, inquiry.case_code)


# --- contacts and notes ----------------------------------------------------------------------


def add_note(session: Session, inquiry_id: int, text: str) -> int:
    _inquiry(session, inquiry_id)
    if not text.strip():
        raise ValidationError([Problem("text", "", REQUIRED)])
    note = Note(inquiry_id=inquiry_id, text=text)
    session.add(note)
    session.flush()
    return note.id


def validate_contact(draft: ContactDraft, codes: Codes, today: date) -> list[Problem]:
    problems = []
    if draft.occurred_at is None:
        problems.append(Problem("occurred_at", "", REQUIRED))
    elif draft.occurred_at.date() > today:
        problems.append(Problem("occurred_at", draft.occurred_at.date(), IN_FUTURE))
    elif draft.occurred_at.date() < EARLIEST_RECEIVED:
        problems.append(
            Problem("occurred_at", draft.occurred_at.date(), TOO_EARLY, (("earliest", EARLIEST_RECEIVED),))
        )
    if draft.channel is None:
        problems.append(Problem("channel", "", REQUIRED))
    elif draft.channel not in codes["channel"]:
        allowed = (("allowed", ", ".join(codes["channel"].values())),)
        problems.append(Problem("channel", draft.channel, UNKNOWN_CODE, allowed))
    if draft.professional_id is None:
        name, email = _clean(draft.professional_name), _clean(draft.professional_email)
        if name is None:
            problems.append(Problem("professional_name", "", REQUIRED))
        # The professional's rules are the inquiry's: the same e-mail check and lengths (a
        # stand-in name, so a missing one is reported once, as required).
        stub = InquiryDraft(professional_name=name or "-", professional_email=email)
        fields = ("professional_name", "professional_email")
        problems += [p for p in validate_inquiry(stub, codes, today) if p.field in fields]
    return problems


def add_contact(session: Session, inquiry_id: int, draft: ContactDraft, *, today: date | None = None) -> int:
    """A contact on the case, with a known professional or a new one (found again by e-mail)."""
    _inquiry(session, inquiry_id)
    require_valid_contact(draft, today)
    contact = Contact(
        inquiry_id=inquiry_id,
        professional=contact_professional(session, draft),
        occurred_at=draft.occurred_at,
        channel=draft.channel,
        summary=contact_summary(draft),
    )
    session.add(contact)
    session.flush()
    return contact.id


def require_valid_contact(draft: ContactDraft, today: date | None) -> None:
    problems = validate_contact(draft, load_codes(), today or date.today())
    if problems:
        raise ValidationError(problems)


def contact_professional(session: Session, draft: ContactDraft) -> Professional:
    """The professional a (valid) contact is with: the chosen one, or one found by e-mail or made."""
    if draft.professional_id is not None:
        professional = session.get(Professional, draft.professional_id)
        if professional is None:
            raise NotFoundError(what=PROFESSIONAL.render(), id=draft.professional_id)
        return professional
    who = InquiryDraft(professional_name=draft.professional_name, professional_email=draft.professional_email)
    professional = professional_for(session, who.normalised())
    if professional is None:  # only a draft without a name, which validation refuses
        raise ValidationError([Problem("professional_name", "", REQUIRED)])
    return professional


def contact_summary(draft: ContactDraft) -> str | None:
    return draft.summary if draft.summary and draft.summary.strip() else None


def professional_choices(session: Session) -> list[ProfessionalChoice]:
    """Every professional, for choosing one while typing (name, e-mail or organisation)."""
    rows = session.execute(
        select(
            Professional.id,
            Professional.name,
            Professional.email,
            Professional.phone,
            Professional.organisation_name,
        ).order_by(Professional.name, Professional.id)
    )
    return [ProfessionalChoice(*row) for row in rows]


def _inquiry(session: Session, inquiry_id: int) -> Inquiry:
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(what=INQUIRY.render(), id=inquiry_id)
    return inquiry


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


def start_risk_assessment_for(session: Session, typed_case: str, instrument_id: str) -> int:
    """A new draft assessment on the case a person typed (its code or external reference)."""
    from consultant_app.risk import start_assessment

    return start_assessment(session, find_case(session, typed_case).id, instrument_id).id
