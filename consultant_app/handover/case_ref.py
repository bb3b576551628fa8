"""Finding a case by what a consultant types: its case code as the app shows it ("2025-00001":
the year it was received and its number), or the external reference it was imported with."""

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Inquiry
from consultant_app.handover.errors import CaseNotFoundError

CASE_CODE = re.compile(r"^(\d{4})-(\d{5,})$")


def find_case(session: Session, text: str) -> Inquiry:
    text = text.strip()
    match = CASE_CODE.fullmatch(text)
    if match:
        inquiry = session.get(Inquiry, int(match.group(2)))
        if inquiry is not None and inquiry.received_at.year == int(match.group(1)):
            return inquiry
    inquiry = session.scalar(select(Inquiry).where(Inquiry.external_ref == text)) if text else None
    if inquiry is None:
        raise CaseNotFoundError(case=text)
    return inquiry
