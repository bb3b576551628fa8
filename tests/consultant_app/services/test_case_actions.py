"""What the desktop does to a case (services/case_actions.py), against a real vault."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.codes import load_codes
from consultant_app.domain import AuditEvent, Citizen, Contact, Inquiry, Note, Professional
from consultant_app.errors import NotFoundError, ValidationError
from consultant_app.services.case_actions import (
    CaseForm,
    ContactDraft,
    add_contact,
    add_note,
    close_case,
    create_case,
    load_case_form,
    make_course,
    professional_choices,
    reopen_case,
    update_case,
    validate_case,
    validate_contact,
)
from consultant_app.services.inquiries import InquiryDraft

TODAY = date(2024, 6, 15)
DRAFT = InquiryDraft(
    received_at=datetime(2024, 6, 14, 10, 30),
    region="syddanmark",
    municipality_code="461",
    inquirer_type="kommune",
    municipal_department="boern_unge",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="trussel_dk",
    reasons=("pres", "trusler"),
    advice_types=("sikkerhed",),
    professional_name="Hanne Holm",
    professional_email="hh@odense.dk",
)


def problems(error: pytest.ExceptionInfo) -> dict[str, str]:
    return {p.field: p.message("da") for p in error.value.problems}


def test_create_and_load_a_case_with_its_citizen(vault):
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT, "  A.B. "), today=TODAY)
    assert saved.case_code == f"2024-{saved.id:05d}"
    with vault.session() as s:
        form = load_case_form(s, saved.id)
        assert form.citizen_pseudonym == "A.B."
        assert form.draft.professional_email == "hh@odense.dk"
        assert form.draft.reasons == ("pres", "trusler")
        assert s.get(Inquiry, saved.id).professional.name == "Hanne Holm"


def test_every_problem_at_once_including_the_pseudonym(vault):
    form = CaseForm(replace(DRAFT, region=None, professional_email="ikke en mail"), "x" * 101)
    assert set(f.field for f in validate_case(form, load_codes(), TODAY)) == {
        "region",
        "professional_email",
        "citizen_pseudonym",
    }
    with vault.session() as s, pytest.raises(ValidationError) as error:
        create_case(s, form, today=TODAY)
    assert problems(error)["region"] == "skal udfyldes"
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0


def test_edit_changes_the_pseudonym_and_clearing_it_forgets_the_citizen(vault):
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT, "A.B."), today=TODAY)
    with vault.session() as s:
        form = load_case_form(s, saved.id)
        update_case(
            s,
            saved.id,
            replace(form, citizen_pseudonym="C.D.", draft=replace(form.draft, notes="Ny")),
            today=TODAY,
        )
    with vault.session() as s:
        inquiry = s.get(Inquiry, saved.id)
        assert inquiry.citizen.pseudonym == "C.D." and inquiry.notes == "Ny"
        assert s.scalar(select(func.count(Citizen.id))) == 1
    with vault.session() as s:
        update_case(s, saved.id, replace(load_case_form(s, saved.id), citizen_pseudonym=" "), today=TODAY)
    with vault.session() as s:
        assert s.get(Inquiry, saved.id).citizen is None
        assert s.scalar(select(func.count(Citizen.id))) == 0


def test_close_reopen_and_course(vault):
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT), today=TODAY)
    with vault.session() as s, pytest.raises(ValidationError) as error:
        close_case(s, saved.id, date(2024, 6, 1), "afsluttet", today=TODAY)
    assert "før modtagelsesdatoen" in problems(error)["closed_on"]
    with vault.session() as s, pytest.raises(ValidationError) as error:
        close_case(s, saved.id, TODAY, None, today=TODAY)
    assert problems(error) == {"closing_reason": "skal udfyldes"}
    with vault.session() as s:
        close_case(s, saved.id, TODAY, "overdraget", today=TODAY)
        make_course(s, saved.id)
    with vault.session() as s:
        inquiry = s.get(Inquiry, saved.id)
        assert (inquiry.closed_on, inquiry.closing_reason, inquiry.kind) == (TODAY, "overdraget", "forloeb")
        reopen_case(s, saved.id)
    with vault.session() as s:
        inquiry = s.get(Inquiry, saved.id)
        assert inquiry.closed_on is None and inquiry.closing_reason is None
        changes = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "update")).all()
    assert "closed_on,closing_reason" in changes and "kind" in changes


def test_notes_and_contacts(vault):
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT), today=TODAY)
        known = s.scalar(select(Professional.id))
    with vault.session() as s:
        add_note(s, saved.id, "Ringede tilbage")
        add_contact(
            s, saved.id, ContactDraft(datetime(2024, 6, 15, 9), "mail", professional_id=known), today=TODAY
        )
        # The same e-mail in another case: the same professional, not a second one.
        add_contact(
            s,
            saved.id,
            ContactDraft(
                datetime(2024, 6, 15, 11),
                "moede",
                professional_name="H. Holm",
                professional_email="HH@odense.dk",
            ),
            today=TODAY,
        )
        add_contact(
            s,
            saved.id,
            ContactDraft(
                datetime(2024, 6, 15, 12), "telefon", professional_name="Ny Person", summary="Aftalt møde"
            ),
            today=TODAY,
        )
    with vault.session() as s:
        assert s.scalars(select(Note.text)).all() == ["Ringede tilbage"]
        assert s.scalar(select(func.count(Contact.id)).where(Contact.is_intake.is_(False))) == 3
        assert s.scalar(select(func.count(Professional.id))) == 2
    assert [c.name for c in _choices(vault)] == ["Hanne Holm", "Ny Person"]


def _choices(vault):
    with vault.session() as s:
        return professional_choices(s)


def test_contact_and_note_problems(vault):
    codes = load_codes()
    found = validate_contact(ContactDraft(None, "brev", professional_email="x"), codes, TODAY)
    assert {p.field for p in found} == {"occurred_at", "channel", "professional_name", "professional_email"}
    future = ContactDraft(datetime(2024, 6, 16), "mail", professional_name="A")
    assert [p.message("da") for p in validate_contact(future, codes, TODAY)] == ["datoen ligger i fremtiden"]
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT), today=TODAY)
    with vault.session() as s, pytest.raises(ValidationError):
        add_note(s, saved.id, "   ")
    with vault.session() as s, pytest.raises(NotFoundError):
        add_note(s, 999, "x")
