"""The directory of professionals: list, search, edit with Danish messages, contacts, duplicates."""

from datetime import datetime

import pytest
from sqlalchemy import select

from consultant_app.codes import load_codes
from consultant_app.domain import AuditEvent, Professional
from consultant_app.errors import ValidationError
from consultant_app.services.professional_directory import (
    SAME_EMAIL,
    SAME_NAME_PHONE,
    ProfessionalEdit,
    ProfessionalRow,
    likely_duplicates,
    list_professionals,
    open_professional,
    phone_key,
    update_professional,
    validate_professional,
)
from tests.consultant_app.services import people_data as people


def row(**kw) -> ProfessionalRow:
    values = {
        "id": 1,
        "name": "Søren Østergård",
        "organisation_type": "kommune",
        "organisation_name": "Aarhus Kommune, Børn og Unge",
        "municipality_code": "751",
        "email": "SOEO@aarhus.dk",
        "phone": None,
    }
    return ProfessionalRow(**(values | kw))


# --- pure rules -----------------------------------------------------------------------------


def test_search_needs_every_word_in_the_name_email_or_organisation_whatever_the_case():
    r = row()
    assert r.matches("")
    assert r.matches("søren")
    assert r.matches("ØSTERGÅRD børn")
    assert r.matches("soeo@aarhus")
    assert r.matches("  unge   søren ")
    assert not r.matches("søren odense")
    assert not r.matches("751")  # the municipality code is not searched


def test_validation_says_every_problem_in_danish():
    edit = ProfessionalEdit(
        name="  ", email="anna at aarhus", municipality_code="999", organisation_type="firma"
    ).normalised()
    problems = {p.field: p.message() for p in validate_professional(edit, load_codes())}
    assert problems == {
        "name": "Navnet skal udfyldes.",
        "email": "Det ligner ikke en e-mailadresse (fx navn@kommune.dk).",
        "municipality_code": "Ukendt kommune: vælg en af de 98 kommuner, eller skriv den 3-cifrede kommunekode.",
        "organisation_type": problems["organisation_type"],
    }
    assert problems["organisation_type"].startswith(
        "Ukendt organisationstype; gyldige værdier: kommune, politi"
    )
    long = ProfessionalEdit(name="x" * 201).normalised()
    assert [p.message() for p in validate_professional(long, load_codes())] == ["Højst 200 tegn (her 201)."]


def test_a_municipality_is_known_by_code_or_by_name():
    codes = load_codes()
    for given in ("751", "Aarhus", "aarhus", "101", "København"):
        assert validate_professional(ProfessionalEdit(name="A", municipality_code=given), codes) == []
    for given in ("7510", "Atlantis", "000"):
        assert validate_professional(ProfessionalEdit(name="A", municipality_code=given), codes) != []


def test_phone_keys_ignore_spacing_and_the_danish_country_code():
    assert (
        phone_key("+45 12 34 56 78") == phone_key("0045 12345678") == phone_key("12 34 56 78") == "12345678"
    )
    assert phone_key("+46 8 123 456") == "468123456"
    assert phone_key("ring på mail") is None


# --- in a vault -----------------------------------------------------------------------------


def test_the_list_counts_contacts_and_knows_the_latest(vault):
    with vault.session() as s:
        anna = people.professional(s, "anna Æbelø")
        bo = people.professional(s, "Bo Berg")
        people.inquiry(s, anna.id, received=datetime(2024, 3, 1, 9))
        people.contact(s, anna.id, None, datetime(2024, 4, 2, 14))
        rows = list_professionals(s)
    assert [(r.name, r.contacts, r.last_contact_at) for r in rows] == [
        ("anna Æbelø", 2, datetime(2024, 4, 2, 14)),
        ("Bo Berg", 0, None),
    ]
    assert rows[1].id == bo.id


def test_update_stores_the_normalised_edit_and_audits_field_names_only(vault):
    with vault.session() as s:
        pid = people.professional(s, "Anna", email="anna@aarhus.dk", phone="11 22 33 44").id
    edit = ProfessionalEdit(
        name=" Anna  Æbelø ",
        email="Anna@Odense.dk",
        phone="11 22 33 44",
        municipality_code="Odense",
        organisation_type="",
    )
    with vault.session() as s:
        updated = update_professional(s, pid, edit)
    assert (updated.name, updated.email, updated.municipality_code) == ("Anna Æbelø", "Anna@Odense.dk", "461")
    with vault.session() as s:
        stored = s.get(Professional, pid)
        assert stored.email_normalised == "anna@odense.dk"
        (detail,) = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "update")).all()
    assert detail == "email,email_normalised,municipality_code,name"


def test_an_invalid_edit_stores_nothing(vault):
    with vault.session() as s:
        pid = people.professional(s, "Anna", email="anna@aarhus.dk").id
    with pytest.raises(ValidationError) as caught, vault.session() as s:
        update_professional(s, pid, ProfessionalEdit(name="", email="nope"))
    assert {p.field for p in caught.value.problems} == {"name", "email"}
    assert str(caught.value).startswith("2 fejl: name = '': Navnet skal udfyldes.")
    with vault.session() as s:
        assert s.get(Professional, pid).name == "Anna"


def test_opening_a_professional_lists_every_contact_newest_first_and_is_audited(vault):
    with vault.session() as s:
        anna = people.professional(s, "Anna")
        other = people.professional(s, "Other")
        first = people.inquiry(s, anna.id, received=datetime(2023, 12, 30, 9))
        second = people.inquiry(s, anna.id, received=datetime(2024, 2, 1, 9), channel="mail")
        people.contact(s, anna.id, first.id, datetime(2024, 3, 1, 10), channel="moede")
        people.contact(s, anna.id, None, datetime(2024, 3, 5, 10))
        people.inquiry(s, other.id, received=datetime(2024, 3, 9, 9))
    with vault.session() as s:
        shown, contacts = open_professional(s, anna.id)
    assert shown.contacts == 4
    assert [(c.occurred_at.date().isoformat(), c.channel, c.case_code, c.is_intake) for c in contacts] == [
        ("2024-03-05", "telefon", None, False),
        ("2024-03-01", "moede", f"2023-{first.id:05d}", False),
        ("2024-02-01", "telefon", f"2024-{second.id:05d}", True),
        ("2023-12-30", "telefon", f"2023-{first.id:05d}", True),
    ]
    with vault.session() as s:
        views = s.execute(
            select(AuditEvent.entity, AuditEvent.entity_id).where(AuditEvent.action == "view")
        ).all()
    assert views == [("professional", anna.id)]


def test_likely_duplicates_by_email_or_by_name_and_phone_joined_into_one_group(vault):
    with vault.session() as s:
        a = people.professional(s, "Anna Æbelø", email="anna@aarhus.dk")
        b = people.professional(s, "ANNA ÆBELØ", email=" ANNA@Aarhus.dk", phone="+45 12 34 56 78")
        c = people.professional(s, "anna  æbelø", phone="12345678")
        people.professional(s, "Anna Æbelø", phone="87654321")  # same name, other phone: someone else
        d = people.professional(s, "Bo Berg", phone="22 22 22 22")
        e = people.professional(s, "Bo Berg", phone="22222222")
        people.professional(s, "Bo Berg")  # no phone, no e-mail: nothing to go by
        people.inquiry(s, b.id, received=datetime(2024, 3, 1, 9))
        suggestions = likely_duplicates(s)
    assert [([m.professional_id for m in g.members], g.reasons) for g in suggestions] == [
        ([a.id, b.id, c.id], (SAME_EMAIL, SAME_NAME_PHONE)),
        ([d.id, e.id], (SAME_NAME_PHONE,)),
    ]
    assert suggestions[0].keep_id == a.id
    assert [m.contacts for m in suggestions[0].members] == [0, 1, 0]
