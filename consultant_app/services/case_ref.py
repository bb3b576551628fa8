"""Finding a case by what a consultant types: its case code as the app shows it ("2025-00001":
the year it was received and its number, leading zeros optional), or the external reference it
was imported with. Every screen and command that takes a typed case goes through here."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Inquiry
from consultant_app.domain.case_code import CaseCode
from consultant_app.errors import CaseNotFoundError


def find_case(session: Session, text: str) -> Inquiry:
    """The inquiry that `text` names, or CaseNotFoundError (a code's number alone is not enough:
    the year must match too, so a mistyped year never finds another case)."""
    text = (text or "").strip()
    code = CaseCode.parse(text)
    if code is not None:
        inquiry = session.get(Inquiry, code.inquiry_id)
        if inquiry is not None and code.names(inquiry.received_at, inquiry.id):
            return inquiry
    inquiry = session.scalar(select(Inquiry).where(Inquiry.external_ref == text)) if text else None
    if inquiry is None:
        raise CaseNotFoundError(case=text)
    return inquiry
