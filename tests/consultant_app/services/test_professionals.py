"""Linking an inquiry to the professional who made contact, and merging one person entered twice
(services/professionals.py)."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent, Contact, Inquiry, Professional, SurveyDispatch
from consultant_app.errors import NotFoundError, ValidationError
from consultant_app.services import professionals
from consultant_app.services.inquiries import InquiryDraft, create_inquiry
from consultant_app.services.professionals import (
    ProfessionalDirectory,
    merge_professionals,
    new_professional_values,
    professional_fill_ins,
)
from consultant_app.storage.vault import Vault
from tests.consultant_app.services import people_data as people

TODAY = date(2024, 6, 15)
VALID = InquiryDraft(
    received_at=datetime(2024, 3, 5, 10, 30),
    region="midtjylland",
    inquirer_type="kommune",
    channel="telefon",
    citizen_age_group="barn",
    trip_concern="ingen",
)


def with_professional(**kw) -> InquiryDraft:
    return replace(VALID, professional_name="Anna Æbelø", professional_email="Anna@Aarhus.dk", **kw)


# --- the rules, without a vault -----------------------------------------------------------


def test_the_directory_finds_by_email_else_by_exact_name_and_phone_lowest_id_first():
    directory = ProfessionalDirectory()
    directory.add(3, "Anna", "anna@aarhus.dk", None)
    directory.add(7, "Anna", " ANNA@aarhus.dk ", None)
    directory.add(9, "Bo Berg", None, "12345678")
    assert directory.find("Someone else", "Anna@Aarhus.DK", None) == 3
    assert directory.find("Bo Berg", None, "12345678") == 9
    assert directory.find("Bo Berg", None, None) is None
    # An e-mail is the key when given: a name and phone that match do not override it.
    assert directory.find("Bo Berg", "bo@example.dk", "12345678") is None


def test_a_new_professional_works_where_the_inquiry_came_from():
    values = new_professional_values(
        with_professional(municipality_code="751", professional_organisation="Børn og Unge")
    )
    assert values["email_normalised"] == "anna@aarhus.dk"
    assert (values["organisation_type"], values["municipality_code"]) == ("kommune", "751")
    citizen = new_professional_values(replace(with_professional(), inquirer_type="borger"))
    assert (citizen["organisation_type"], citizen["municipality_code"]) == (None, None)


def test_fill_ins_complete_what_is_missing_and_never_overwrite():
    stored = {"phone": "11111111", "organisation_name": None, "organisation_type": None}
    draft = with_professional(professional_phone="22222222", professional_organisation="Skolen")
    assert professional_fill_ins(stored, draft) == {
        "organisation_name": "Skolen",
        "organisation_type": "kommune",
    }


# --- linking in a vault -------------------------------------------------------------------


def test_the_same_email_links_the_same_professional(vault: Vault):
    with vault.session() as s:
        a = create_inquiry(s, with_professional(), today=TODAY)
        b = create_inquiry(
            s,
            replace(VALID, professional_name="A. Æbelø", professional_email=" anna@AARHUS.dk "),
            today=TODAY,
        )
        assert a.professional_id == b.professional_id
        assert s.scalar(select(func.count(Professional.id))) == 1


def test_without_email_name_and_phone_must_match_exactly(vault: Vault):
    pro = {"professional_name": "Bo Berg", "professional_phone": "12345678"}
    with vault.session() as s:
        a = create_inquiry(s, replace(VALID, **pro), today=TODAY)
        b = create_inquiry(s, replace(VALID, **pro), today=TODAY)
        c = create_inquiry(s, replace(VALID, **(pro | {"professional_phone": "87654321"})), today=TODAY)
        assert a.professional_id == b.professional_id != c.professional_id


def test_a_link_completes_a_professional_but_never_overwrites(vault: Vault):
    with vault.session() as s:
        create_inquiry(s, with_professional(), today=TODAY)
        create_inquiry(s, with_professional(professional_phone="11111111"), today=TODAY)
        create_inquiry(s, with_professional(professional_phone="22222222"), today=TODAY)
        (pro,) = s.scalars(select(Professional)).all()
        assert pro.phone == "11111111"


# --- merging the same person entered twice ---------------------------------------------------


def _three_of_one_person(s):
    """Anna three times: two spellings of one address, and once by name and phone only."""
    keep = people.professional(s, "Anna Æbelø", email="anna@aarhus.dk")
    by_mail = people.professional(
        s, "A. Æbelø", email=" ANNA@aarhus.dk ", phone="+45 12 34 56 78", organisation_name="Børn og Unge"
    )
    by_phone = people.professional(s, "Anna Æbelø", phone="12345678", organisation_type="kommune")
    day = datetime(2024, 3, 1, 9, 0)
    inquiries = [
        people.inquiry(s, keep.id, received=day),
        people.inquiry(s, by_mail.id, received=day.replace(day=2)),
        people.inquiry(s, by_phone.id, received=day.replace(day=3)),
    ]
    people.contact(s, by_mail.id, inquiries[1].id, day.replace(day=4))
    people.contact(s, by_phone.id, None, day.replace(day=5))  # a contact outside any inquiry
    both = people.campaign(s, "BOTH")
    only_merged = people.campaign(s, "ONLY-MERGED")
    sent_later = people.campaign(s, "SENT-LATER")
    dispatches = {
        "both_keep": people.dispatch(s, both.id, keep.id, datetime(2024, 5, 9)),
        "both_merged": people.dispatch(s, both.id, by_mail.id, datetime(2024, 5, 2)),  # earlier
        "only_merged": people.dispatch(s, only_merged.id, by_phone.id, datetime(2024, 5, 3)),
        "not_relevant": people.dispatch(s, sent_later.id, keep.id, datetime(2024, 5, 1), "not_relevant"),
        "sent_later": people.dispatch(s, sent_later.id, by_phone.id, datetime(2024, 5, 7)),
    }
    return keep, by_mail, by_phone, {c.code: c.id for c in (both, only_merged, sent_later)}, dispatches


def _snapshot(vault: Vault) -> dict:
    with vault.session() as s:
        return {
            "professionals": s.execute(select(Professional.id, Professional.name, Professional.phone)).all(),
            "contacts": s.execute(select(Contact.id, Contact.professional_id).order_by(Contact.id)).all(),
            "inquiries": s.execute(select(Inquiry.id, Inquiry.professional_id).order_by(Inquiry.id)).all(),
            "dispatches": s.execute(
                select(SurveyDispatch.id, SurveyDispatch.professional_id).order_by(SurveyDispatch.id)
            ).all(),
            "audit": s.scalar(select(func.count(AuditEvent.id))),
        }


def test_merge_moves_every_contact_inquiry_and_dispatch_and_leaves_one_professional(vault: Vault):
    with vault.session() as s:
        keep, by_mail, by_phone, campaigns, d = _three_of_one_person(s)
    before = _snapshot(vault)

    with vault.session() as s:
        outcome = merge_professionals(s, keep.id, [by_phone.id, by_mail.id])

    after = _snapshot(vault)
    assert [p.id for p in after["professionals"]] == [keep.id]
    assert len(after["contacts"]) == len(before["contacts"]) == 5
    assert {pid for _, pid in after["contacts"]} == {keep.id}
    assert {pid for _, pid in after["inquiries"]} == {keep.id}
    # Once per campaign: the earliest sent dispatch is kept, and a sent one before "not relevant".
    assert after["dispatches"] == sorted(
        [(d["both_merged"].id, keep.id), (d["only_merged"].id, keep.id), (d["sent_later"].id, keep.id)]
    )
    assert outcome.merged_ids == tuple(sorted([by_mail.id, by_phone.id]))
    assert (outcome.contacts_moved, outcome.inquiries_moved, outcome.dispatches_moved) == (4, 2, 3)
    conflicts = {c.campaign_id: c for c in outcome.dispatch_conflicts}
    assert set(conflicts) == {campaigns["BOTH"], campaigns["SENT-LATER"]}
    assert conflicts[campaigns["BOTH"]].kept_recorded_at == datetime(2024, 5, 2)
    assert conflicts[campaigns["BOTH"]].campaign_name == "BOTH"
    assert conflicts[campaigns["SENT-LATER"]].kept_dispatch_id == d["sent_later"].id
    # The kept one is completed from the others (lowest id first), never overwritten.
    assert outcome.fields_filled == ("organisation_type", "organisation_name", "phone")
    with vault.session() as s:
        kept = s.get(Professional, keep.id)
        assert (kept.name, kept.email, kept.phone) == ("Anna Æbelø", "anna@aarhus.dk", "+45 12 34 56 78")
        assert (kept.organisation_name, kept.organisation_type) == ("Børn og Unge", "kommune")
        log = s.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id, AuditEvent.detail)
        ).all()
    assert ("delete", "professional", by_mail.id, None) in log
    assert ("delete", "survey_dispatch", d["both_keep"].id, None) in log
    assert ("update", "contact", before["contacts"][-1][0], "professional_id") in log
    summary = [row for row in log if row[3] and row[3].startswith("merge:")]
    assert summary == [
        (
            "update",
            "professional",
            keep.id,
            f"merge: from={min(by_mail.id, by_phone.id)},{max(by_mail.id, by_phone.id)} "
            "contacts=4 inquiries=2 dispatches=3 dispatches_dropped=2",
        )
    ]


def test_a_failure_mid_way_leaves_everything_as_it_was(vault: Vault, monkeypatch):
    with vault.session() as s:
        keep, by_mail, by_phone, _, _ = _three_of_one_person(s)
    before = _snapshot(vault)

    def fail(*_args):
        raise RuntimeError("disk full")

    # After the contacts, inquiries and dispatches have moved, before the deletes.
    monkeypatch.setattr(professionals, "_fill_missing", fail)
    with vault.session() as s:
        with pytest.raises(RuntimeError):
            merge_professionals(s, keep.id, [by_mail.id, by_phone.id])
        # The caller's transaction goes on and commits: the merge's savepoint is gone all the same.
        s.add(Professional(name="Someone else"))

    after = _snapshot(vault)
    assert after["contacts"] == before["contacts"]
    assert after["inquiries"] == before["inquiries"]
    assert after["dispatches"] == before["dispatches"]
    assert after["professionals"][:3] == before["professionals"]
    assert after["audit"] == before["audit"] + 1  # only the new professional's line


def test_merge_refuses_nothing_itself_and_unknown_professionals(vault: Vault):
    with vault.session() as s:
        a = people.professional(s, "A")
        with pytest.raises(ValidationError) as nothing:
            merge_professionals(s, a.id, [])
        with pytest.raises(ValidationError) as itself:
            merge_professionals(s, a.id, [a.id])
        with pytest.raises(NotFoundError):
            merge_professionals(s, a.id, [a.id + 99])
    assert nothing.value.problems[0].message() == "Vælg mindst én fagperson at flette ind."
    assert "kan ikke også flettes ind" in itself.value.problems[0].message()
