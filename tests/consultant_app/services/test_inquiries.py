"""The shared inquiry rules (services/inquiries.py): validation, create, update, references.

How the professional who made contact is linked is tested in test_professionals.py."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app.codes import load_codes
from consultant_app.domain import AuditEvent, Contact, Inquiry, Profile
from consultant_app.errors import ValidationError
from consultant_app.services.inquiries import InquiryDraft, create_inquiry, update_inquiry
from consultant_app.services.inquiry_rules import validate_inquiry
from consultant_app.services.refs import own_ref
from consultant_app.storage.vault import Vault

TODAY = date(2024, 6, 15)
VALID = InquiryDraft(
    received_at=datetime(2024, 3, 5, 10, 30),
    region="midtjylland",
    inquirer_type="kommune",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="ingen",
)


def problems_of(draft: InquiryDraft) -> dict[str, str]:
    """field -> Danish message, for the problems of a draft."""
    return {p.field: p.message("da") for p in validate_inquiry(draft.normalised(), load_codes(), TODAY)}


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(
        tmp_path / "v.db", "korrekt hest batteri hæfteklamme", name="Karen K", team="aarhus"
    ) as v:
        yield v


# --- validation ---------------------------------------------------------------------------


def test_a_complete_draft_has_no_problems():
    draft = replace(
        VALID,
        municipality_code="751",
        municipal_department="boern_unge",
        reasons=("pres", "trusler"),
        advice_types=("sikkerhed",),
        closed_on=date(2024, 3, 5),
        closing_reason="afsluttet",
        external_ref="x" * 64,
        professional_name="Anna",
        professional_email="anna@aarhus.dk",
    )
    assert problems_of(draft) == {}


def test_every_missing_required_field_is_reported_at_once():
    assert set(problems_of(InquiryDraft())) == {
        "received_at",
        "region",
        "inquirer_type",
        "channel",
        "citizen_age_group",
        "trip_concern",
    }


def test_unknown_codes_are_reported_with_the_valid_values():
    found = problems_of(replace(VALID, region="jylland", reasons=("pres", "vold")))
    assert set(found) == {"region", "reasons"}
    assert "nordjylland" in found["region"]
    assert "social_kontrol" in found["reasons"]


def test_municipality_must_lie_in_the_region():
    found = problems_of(replace(VALID, region="nordjylland", municipality_code="751"))
    assert "Aarhus" in found["municipality_code"] and "midtjylland" in found["municipality_code"]
    assert problems_of(replace(VALID, region="midtjylland", municipality_code="751")) == {}


def test_unknown_municipality_code():
    assert "municipality_code" in problems_of(replace(VALID, municipality_code="999"))
    assert "municipality_code" in problems_of(replace(VALID, municipality_code="Aarhus"))


def test_department_only_with_inquirer_type_kommune():
    assert "municipal_department" in problems_of(
        replace(VALID, inquirer_type="politi", municipal_department="voksne")
    )
    assert problems_of(replace(VALID, inquirer_type="kommune", municipal_department="voksne")) == {}


def test_closed_on_not_before_the_received_date():
    assert "closed_on" in problems_of(replace(VALID, closed_on=date(2024, 3, 4)))
    assert problems_of(replace(VALID, closed_on=date(2024, 3, 5))) == {}


def test_dates_not_in_the_future():
    assert "received_at" in problems_of(replace(VALID, received_at=datetime(2024, 6, 16)))
    assert problems_of(replace(VALID, received_at=datetime(2024, 6, 15, 23, 59))) == {}
    assert "closed_on" in problems_of(replace(VALID, closed_on=date(2024, 6, 16)))


def test_a_received_date_before_2000_is_a_typing_error():
    assert "received_at" in problems_of(replace(VALID, received_at=datetime(204, 3, 5)))


def test_external_ref_at_most_64_characters():
    found = problems_of(replace(VALID, external_ref="x" * 65))
    assert "64" in found["external_ref"] and "65" in found["external_ref"]


def test_closing_reason_needs_a_closed_date():
    assert "closing_reason" in problems_of(replace(VALID, closing_reason="afsluttet"))


def test_professional_details_need_a_name_and_a_plausible_email():
    assert "professional_name" in problems_of(replace(VALID, professional_phone="12345678"))
    found = problems_of(replace(VALID, professional_name="Anna", professional_email="anna at aarhus"))
    assert set(found) == {"professional_email"}


def test_messages_exist_in_danish_and_english():
    (problem,) = validate_inquiry(replace(VALID, region=None), load_codes(), TODAY)
    assert problem.message("da") == "skal udfyldes"
    assert problem.message("en") == "is required"


def test_normalised_trims_single_line_text_but_keeps_notes_verbatim():
    draft = replace(
        VALID,
        external_ref="  R1 ",
        professional_name="  ",
        notes="  første linje\n",
        reasons=("pres", "pres", "trusler"),
    ).normalised()
    assert draft.external_ref == "R1"
    assert draft.professional_name is None
    assert draft.notes == "  første linje\n"
    assert draft.reasons == ("pres", "trusler")
    assert replace(VALID, notes=" \n ").normalised().notes is None


# --- create and update --------------------------------------------------------------------


def with_professional(**kw) -> InquiryDraft:
    return replace(VALID, professional_name="Anna Æbelø", professional_email="Anna@Aarhus.dk", **kw)


def test_create_stores_the_inquiry_with_its_intake_contact(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(
            s, with_professional(reasons=("pres",), advice_types=("sikkerhed",)), today=TODAY
        )
        inquiry_id = inquiry.id
    with vault.session() as s:
        inquiry = s.get_one(Inquiry, inquiry_id)
        assert inquiry.consultant == "Karen K"
        assert inquiry.reason_codes == ["pres"] and inquiry.advice_codes == ["sikkerhed"]
        assert inquiry.professional.email_normalised == "anna@aarhus.dk"
        assert inquiry.professional.organisation_type == "kommune"
        (contact,) = inquiry.contacts
        assert contact.is_intake and contact.channel == "telefon"
        assert contact.occurred_at == datetime(2024, 3, 5, 10, 30)
        assert contact.professional_id == inquiry.professional_id
        audited = s.scalars(select(AuditEvent.entity).where(AuditEvent.action == "create")).all()
        assert {"inquiry", "professional", "contact"} <= set(audited)


def test_create_refuses_an_invalid_draft_and_stores_nothing(vault: Vault):
    with pytest.raises(ValidationError) as caught, vault.session() as s:
        create_inquiry(s, replace(VALID, region=None, channel="brev"), today=TODAY)
    assert {p.field for p in caught.value.problems} == {"region", "channel"}
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0


def test_external_ref_is_unique_per_vault(vault: Vault):
    with vault.session() as s:
        first = create_inquiry(s, replace(VALID, external_ref="R1"), today=TODAY)
    with pytest.raises(ValidationError) as caught, vault.session() as s:
        create_inquiry(s, replace(VALID, external_ref="R1"), today=TODAY)
    assert [p.field for p in caught.value.problems] == ["external_ref"]
    with vault.session() as s:  # the owner of the reference may keep it
        update_inquiry(
            s, s.get_one(Inquiry, first.id), replace(VALID, external_ref="R1", kind="forloeb"), today=TODAY
        )


def test_update_replaces_codes_and_keeps_the_intake_contact_in_step(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(s, with_professional(reasons=("pres", "trusler")), today=TODAY)
    changed = with_professional(
        received_at=datetime(2024, 3, 6, 9, 0), channel="mail", reasons=("trusler", "fysisk_vold")
    )
    with vault.session() as s:
        inquiry = update_inquiry(s, s.get_one(Inquiry, inquiry.id), changed, today=TODAY)
        assert sorted(inquiry.reason_codes) == ["fysisk_vold", "trusler"]
        (contact,) = inquiry.contacts
        assert (contact.occurred_at, contact.channel) == (datetime(2024, 3, 6, 9, 0), "mail")
    with vault.session() as s:
        update_inquiry(s, s.get_one(Inquiry, inquiry.id), replace(VALID), today=TODAY)
    with vault.session() as s:
        inquiry = s.get_one(Inquiry, inquiry.id)
        assert inquiry.professional_id is None
        assert s.scalar(select(func.count(Contact.id))) == 0


def test_update_refuses_an_invalid_draft_and_changes_nothing(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(s, VALID, today=TODAY)
    with pytest.raises(ValidationError), vault.session() as s:
        update_inquiry(
            s, s.get_one(Inquiry, inquiry.id), replace(VALID, closed_on=date(2024, 1, 1)), today=TODAY
        )
    with vault.session() as s:
        assert s.get_one(Inquiry, inquiry.id).closed_on is None


def test_draft_from_inquiry_round_trips(vault: Vault):
    draft = with_professional(reasons=("pres",), notes="noter\n", external_ref="R9").normalised()
    with vault.session() as s:
        inquiry = create_inquiry(s, draft, today=TODAY)
        assert InquiryDraft.from_inquiry(inquiry) == replace(draft, consultant="Karen K")


def test_one_save_is_one_audit_line_per_record(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(s, VALID, today=TODAY)
    changed = with_professional(kind="forloeb", reasons=("pres",))
    with vault.session() as s:
        update_inquiry(s, s.get_one(Inquiry, inquiry.id), changed, today=TODAY)
    with vault.session() as s:
        lines = s.execute(
            select(AuditEvent.action, AuditEvent.detail).where(
                AuditEvent.entity == "inquiry", AuditEvent.entity_id == inquiry.id
            )
        ).all()
    assert [action for action, _ in lines] == ["create", "update"]
    assert "kind" in lines[1].detail and "professional_id" in lines[1].detail


# --- references ---------------------------------------------------------------------------


def test_an_inquiry_without_a_reference_gets_the_vaults_own(vault: Vault):
    with vault.session() as s:
        prefix = s.scalar(select(Profile.ref_prefix))
        first = create_inquiry(s, VALID, today=TODAY)
        given = create_inquiry(s, replace(VALID, external_ref="Excel-17"), today=TODAY)
        second = create_inquiry(s, replace(VALID, received_at=datetime(2023, 12, 31)), today=TODAY)
    assert first.external_ref == own_ref(prefix, VALID.received_at, first.id) == f"{prefix}-2024-00001"
    assert given.external_ref == "Excel-17"
    assert second.external_ref == f"{prefix}-2023-00003"


def test_a_created_inquiry_is_one_insert_and_one_audit_line(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(s, VALID, today=TODAY)
    with vault.session() as s:
        lines = s.execute(
            select(AuditEvent.action, AuditEvent.detail).where(AuditEvent.entity == "inquiry")
        ).all()
        assert lines == [("create", None)]
        assert s.get_one(Inquiry, inquiry.id).external_ref is not None


def test_an_update_without_a_reference_keeps_the_stored_one(vault: Vault):
    with vault.session() as s:
        inquiry = create_inquiry(s, VALID, today=TODAY)
        ref = inquiry.external_ref
    with vault.session() as s:
        update_inquiry(
            s, s.get_one(Inquiry, inquiry.id), replace(VALID, received_at=datetime(2023, 1, 2)), today=TODAY
        )
    with vault.session() as s:
        assert s.get_one(Inquiry, inquiry.id).external_ref == ref  # stable, though the year changed


def test_an_own_reference_typed_by_hand_elsewhere_is_refused_clearly(vault: Vault):
    with vault.session() as s:
        prefix = s.scalar(select(Profile.ref_prefix))
        create_inquiry(s, replace(VALID, external_ref=f"{prefix}-2024-00002"), today=TODAY)
    with pytest.raises(ValidationError) as caught, vault.session() as s:
        create_inquiry(s, VALID, today=TODAY)  # would be inquiry 2, received 2024
    (problem,) = caught.value.problems
    assert (problem.field, problem.value) == ("external_ref", f"{prefix}-2024-00002")
    assert "angiv en reference" in problem.message("da")
    with vault.session() as s:  # with a reference of its own it is stored
        assert create_inquiry(s, replace(VALID, external_ref="R2"), today=TODAY).id == 2
