"""Linking an inquiry to the professional who made contact, the same way for a form and an import.

`ProfessionalDirectory` finds the professional a draft means; `new_professional_values` are the
details of one met for the first time; `professional_fill_ins` completes a stored one without
ever overwriting it. `professional_for` and `link_professional` apply these to ORM objects (the
form's path); the importer applies them to its bulk rows.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Contact, Inquiry, Professional
from consultant_app.domain.people import normalise_email

if TYPE_CHECKING:  # inquiries.py imports this module
    from consultant_app.services.inquiries import InquiryDraft

# The details an inquiry may add to a professional who lacks them.
FILLABLE_PROFESSIONAL_COLUMNS = ("phone", "organisation_name", "organisation_type", "municipality_code")


class ProfessionalDirectory:
    """Finds the professional a form or a row means. The key is the normalised e-mail; without
    an e-mail, the exact name and phone. The lowest id wins when several share a key."""

    def __init__(self) -> None:
        self._by_email: dict[str, int] = {}
        self._by_name_phone: dict[tuple[str, str | None], int] = {}

    @classmethod
    def load(cls, session: Session) -> "ProfessionalDirectory":
        directory = cls()
        rows = session.execute(
            select(
                Professional.id, Professional.name, Professional.email_normalised, Professional.phone
            ).order_by(Professional.id)
        )
        for row in rows:
            directory.add(row.id, row.name, row.email_normalised, row.phone)
        return directory

    def add(self, professional_id: int, name: str, email: str | None, phone: str | None) -> None:
        key = normalise_email(email)
        if key:
            self._by_email.setdefault(key, professional_id)
        self._by_name_phone.setdefault((name, phone), professional_id)

    def find(self, name: str | None, email: str | None, phone: str | None) -> int | None:
        key = normalise_email(email)
        if key:
            return self._by_email.get(key)
        if name is None:
            return None
        return self._by_name_phone.get((name, phone))


def new_professional_values(draft: "InquiryDraft") -> dict[str, object]:
    """The columns of a professional first met through this inquiry."""
    email = draft.professional_email
    return {
        "name": draft.professional_name,
        "email": email,
        "email_normalised": normalise_email(email),
        "phone": draft.professional_phone,
        "organisation_name": draft.professional_organisation,
        # The one who made contact works where the inquiry came from; a citizen is no organisation.
        "organisation_type": draft.inquirer_type if draft.inquirer_type != "borger" else None,
        "municipality_code": draft.municipality_code if draft.inquirer_type == "kommune" else None,
    }


def professional_fill_ins(stored: Mapping[str, object], draft: "InquiryDraft") -> dict[str, object]:
    """Details the draft knows and the stored professional lacks. A professional is shared by
    many inquiries, so one inquiry never overwrites what is already recorded about them."""
    offered = new_professional_values(draft)
    return {
        name: offered[name]
        for name in FILLABLE_PROFESSIONAL_COLUMNS
        if offered[name] is not None and stored.get(name) is None
    }


def professional_for(session: Session, draft: "InquiryDraft") -> Professional | None:
    """The professional the draft names: found by `ProfessionalDirectory` and completed, or new
    (not yet added to the session: linking it to the inquiry adds it)."""
    if not draft.has_professional:
        return None
    directory = ProfessionalDirectory.load(session)
    found = directory.find(draft.professional_name, draft.professional_email, draft.professional_phone)
    if found is None:
        values = new_professional_values(draft)
        values.pop("email_normalised")  # kept by the model's own e-mail validator
        return Professional(**values)
    professional = session.get_one(Professional, found)
    stored = {name: getattr(professional, name) for name in FILLABLE_PROFESSIONAL_COLUMNS}
    for name, value in professional_fill_ins(stored, draft).items():
        setattr(professional, name, value)
    return professional


def link_professional(inquiry: Inquiry, professional: Professional | None, draft: "InquiryDraft") -> None:
    """Point the inquiry at the professional who made contact and keep its intake contact (the
    one contact on the received date through the inquiry's channel) in step."""
    inquiry.professional = professional
    intake = next((c for c in inquiry.contacts if c.is_intake), None)
    if professional is None:
        if intake is not None:
            inquiry.contacts.remove(intake)
        return
    if intake is None:
        intake = Contact(is_intake=True)
        inquiry.contacts.append(intake)
    intake.professional = professional
    intake.occurred_at = draft.received_at
    intake.channel = draft.channel
