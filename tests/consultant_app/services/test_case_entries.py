"""Correcting and deleting a case's contacts and notes (services/case_entries.py), audited."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Contact, Inquiry, Note, Professional
from consultant_app.domain.lifecycle_guard import lifecycle_change
from consultant_app.errors import CaseHandedOverError, NotFoundError, ValidationError
from consultant_app.services.case_actions import CaseForm, ContactDraft, add_contact, add_note, create_case
from consultant_app.services.case_entries import (
    delete_contact,
    delete_note,
    load_contact,
    load_note,
    update_contact,
    update_note,
)
from consultant_app.services.inquiries import InquiryDraft

TODAY = date(2024, 6, 15)
DRAFT = InquiryDraft(
    received_at=datetime(2024, 6, 14, 10, 30),
    region="syddanmark",
    inquirer_type="kommune",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="ingen",
    professional_name="Hanne Holm",
    professional_email="hh@odense.dk",
)
FIRST = ContactDraft(datetime(2024, 6, 15, 9), "mail", professional_name="Bo Berg", summary="Ringede")


@pytest.fixture
def case(vault):
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT), today=TODAY)
        contact_id = add_contact(s, saved.id, FIRST, today=TODAY)
        note_id = add_note(s, saved.id, "Første notat")
    return saved.id, contact_id, note_id


def audit(vault, entity: str, entity_id: int) -> list[tuple[str, str | None]]:
    with vault.session() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.id)
        )
        return [tuple(r) for r in rows]


def test_a_contact_is_loaded_as_a_draft_and_corrected(vault, case):
    inquiry_id, contact_id, _ = case
    with vault.session() as s:
        entry = load_contact(s, contact_id)
    assert entry.inquiry_id == inquiry_id
    assert entry.draft.professional_name == "Bo Berg" and entry.draft.channel == "mail"
    assert entry.draft.summary == "Ringede" and entry.draft.professional_id is not None

    changed = ContactDraft(
        datetime(2024, 6, 15, 9),
        "telefon",
        professional_id=entry.draft.professional_id,
        summary="Ringede om mødet",
    )
    with vault.session() as s:
        update_contact(s, contact_id, changed, today=TODAY)
    with vault.session() as s:
        stored = s.get_one(Contact, contact_id)
        assert (stored.channel, stored.summary) == ("telefon", "Ringede om mødet")
        assert stored.professional.name == "Bo Berg"
    # The audit line names the fields that changed, never their values.
    assert audit(vault, "contact", contact_id)[-1] == ("update", "channel,summary")


def test_a_contact_moved_to_another_professional_found_by_e_mail(vault, case):
    _, contact_id, _ = case
    moved = ContactDraft(
        datetime(2024, 6, 15, 9), "mail", professional_name="H. Holm", professional_email="HH@odense.dk"
    )
    with vault.session() as s:
        update_contact(s, contact_id, moved, today=TODAY)
    with vault.session() as s:
        assert s.get_one(Contact, contact_id).professional.name == "Hanne Holm"
        assert len(s.scalars(select(Professional)).all()) == 2  # Hanne Holm and Bo Berg, no third


def test_an_e_mail_typed_for_the_chosen_professional_completes_them(vault, case):
    """Bo Berg had no e-mail; the correction keeps Bo chosen and types his address: Bo gets it,
    no second Bo Berg is made. Another address than a professional's own is another person's."""
    _, contact_id, _ = case
    with vault.session() as s:
        bo = s.get_one(Contact, contact_id).professional
        bo_id = bo.id
    completed = ContactDraft(
        datetime(2024, 6, 15, 9),
        "mail",
        professional_id=bo_id,
        professional_name="Bo Berg",
        professional_email="Bo@Skole.dk",
    )
    with vault.session() as s:
        update_contact(s, contact_id, completed, today=TODAY)
    with vault.session() as s:
        assert s.get_one(Contact, contact_id).professional_id == bo_id
        assert (s.get_one(Professional, bo_id).email, s.get_one(Professional, bo_id).email_normalised) == (
            "Bo@Skole.dk",
            "bo@skole.dk",
        )
        assert len(s.scalars(select(Professional)).all()) == 2  # Hanne Holm and Bo Berg, no third
    other = ContactDraft(
        datetime(2024, 6, 15, 9),
        "mail",
        professional_id=bo_id,
        professional_name="Bo Berg",
        professional_email="hh@odense.dk",
    )
    with vault.session() as s:
        update_contact(s, contact_id, other, today=TODAY)
    with vault.session() as s:
        assert s.get_one(Contact, contact_id).professional.name == "Hanne Holm"  # that address's owner
        assert s.get_one(Professional, bo_id).email == "Bo@Skole.dk"  # Bo keeps his


def test_a_wrong_correction_is_refused_with_every_problem_and_changes_nothing(vault, case):
    _, contact_id, _ = case
    wrong = ContactDraft(datetime(2024, 6, 16, 9), None, professional_name="  ")
    with vault.session() as s, pytest.raises(ValidationError) as refused:
        update_contact(s, contact_id, wrong, today=TODAY)
    assert {p.field for p in refused.value.problems} == {"occurred_at", "channel", "professional_name"}
    with vault.session() as s:
        assert s.get_one(Contact, contact_id).channel == "mail"


def test_a_contact_is_deleted_and_the_delete_audited(vault, case):
    _, contact_id, _ = case
    with vault.session() as s:
        delete_contact(s, contact_id)
    with vault.session() as s:
        assert s.get(Contact, contact_id) is None
    assert audit(vault, "contact", contact_id)[-1] == ("delete", None)
    with vault.session() as s, pytest.raises(NotFoundError):
        delete_contact(s, contact_id)


def test_the_intake_contact_is_not_a_timeline_entry(vault, case):
    inquiry_id, _, _ = case
    with vault.session() as s:
        intake = s.scalar(select(Contact.id).where(Contact.inquiry_id == inquiry_id, Contact.is_intake))
    assert intake is not None
    for action in (load_contact, delete_contact):
        with vault.session() as s, pytest.raises(NotFoundError):
            action(s, intake)


def test_a_note_is_corrected_and_deleted_audited(vault, case):
    _, _, note_id = case
    with vault.session() as s:
        assert load_note(s, note_id).text == "Første notat"
        with pytest.raises(ValidationError):
            update_note(s, note_id, "  ")
    with vault.session() as s:
        update_note(s, note_id, "Rettet notat")
    with vault.session() as s:
        assert s.get_one(Note, note_id).text == "Rettet notat"
        delete_note(s, note_id)
    with vault.session() as s:
        assert s.get(Note, note_id) is None
    assert [a for a, _ in audit(vault, "note", note_id)] == ["create", "update", "delete"]


def test_a_handed_over_case_refuses_corrections(vault, case):
    inquiry_id, contact_id, note_id = case
    with vault.session() as s, lifecycle_change(s):
        inquiry = s.get_one(Inquiry, inquiry_id)
        inquiry.handed_over_to = "Kollega"
        inquiry.handed_over_at = datetime(2024, 6, 15, 12)
    with pytest.raises(CaseHandedOverError), vault.session() as s:
        delete_note(s, note_id)
    with pytest.raises(CaseHandedOverError), vault.session() as s:
        update_contact(s, contact_id, FIRST, today=TODAY)
    with vault.session() as s:
        assert s.get(Note, note_id) is not None
