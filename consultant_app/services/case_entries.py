"""Correcting what a case's timeline holds: a contact (when, how, with whom, what was said) and
a note, changed or deleted. Each in the caller's unit of work.

The audit trail records every change and delete by itself (storage/audit.py: which fields,
never their values), and a case handed over or erased refuses them (domain/lifecycle_guard.py).
The intake contact is part of the inquiry (the inquiry form keeps it in step with the
professional and the received time), so it is not a timeline entry and is not found here.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from consultant_app.domain import Contact, Note
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.services.case_actions import (
    ContactDraft,
    contact_professional,
    contact_summary,
    require_valid_contact,
)
from consultant_app.services.inquiry_rules import REQUIRED

CONTACT = Text(da="Kontakten", en="The contact")
NOTE = Text(da="Notatet", en="The note")


@dataclass(frozen=True)
class ContactEntry:
    id: int
    inquiry_id: int
    draft: ContactDraft  # as stored: the professional by id, with their name and e-mail


@dataclass(frozen=True)
class NoteEntry:
    id: int
    inquiry_id: int
    text: str


# --- contacts ---------------------------------------------------------------------------------


def load_contact(session: Session, contact_id: int) -> ContactEntry:
    contact = _contact(session, contact_id)
    pro = contact.professional
    draft = ContactDraft(
        occurred_at=contact.occurred_at,
        channel=contact.channel,
        professional_id=pro.id,
        professional_name=pro.name,
        professional_email=pro.email,
        summary=contact.summary,
    )
    assert contact.inquiry_id is not None  # _contact finds contacts on a case only
    return ContactEntry(contact.id, contact.inquiry_id, draft)


def update_contact(
    session: Session, contact_id: int, draft: ContactDraft, *, today: date | None = None
) -> int:
    """Correct a contact by the same rules as a new one; the professional may be another."""
    contact = _contact(session, contact_id)
    require_valid_contact(draft, today)
    occurred_at, channel = draft.occurred_at, draft.channel
    assert occurred_at is not None and channel is not None  # the validation requires both
    contact.professional = contact_professional(session, draft)  # the same one: no change recorded
    contact.occurred_at = occurred_at
    contact.channel = channel
    contact.summary = contact_summary(draft)
    session.flush()
    return contact.id


def delete_contact(session: Session, contact_id: int) -> None:
    session.delete(_contact(session, contact_id))
    session.flush()


def _contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.inquiry_id is None or contact.is_intake:
        raise NotFoundError(what=CONTACT.render(), id=contact_id)
    return contact


# --- notes ------------------------------------------------------------------------------------


def load_note(session: Session, note_id: int) -> NoteEntry:
    note = _note(session, note_id)
    return NoteEntry(note.id, note.inquiry_id, note.text)


def update_note(session: Session, note_id: int, text: str) -> int:
    note = _note(session, note_id)
    if not text.strip():
        raise ValidationError([Problem("text", "", REQUIRED)])
    if note.text != text:
        note.text = text
    session.flush()
    return note.id


def delete_note(session: Session, note_id: int) -> None:
    session.delete(_note(session, note_id))
    session.flush()


def _note(session: Session, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise NotFoundError(what=NOTE.render(), id=note_id)
    return note
