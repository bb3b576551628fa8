"""Linking an inquiry to the professional who made contact (services/professionals.py)."""

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import func, select

from consultant_app.domain import Professional
from consultant_app.services.inquiries import InquiryDraft, create_inquiry
from consultant_app.services.professionals import (
    ProfessionalDirectory,
    new_professional_values,
    professional_fill_ins,
)
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
