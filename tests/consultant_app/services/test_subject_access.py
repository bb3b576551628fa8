"""The right of access: every piece of data about the citizen and their access log, in one file,
and nothing about anyone else (a canary citizen shares the professional and the vault)."""

import json
import os
import stat
from datetime import datetime

import pytest
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Citizen, Note, RiskAssessment
from consultant_app.errors import NotFoundError, StorageWriteError
from consultant_app.services.audit_log import records_of_inquiries
from consultant_app.services.subject_access import (
    FIELDS,
    MEASURE_FIELDS,
    RATING_FIELDS,
    export_subject_access,
    find_citizens,
    subject_access_report,
)
from consultant_app.storage import audit
from tests.consultant_app.services import people_data as people
from tests.consultant_app.services.people_data import marker

CANARY = "KANARIE"
# Every text column full_case fills with a marker.
MARKED = (
    "pseudonym",
    "full_name",
    "citizen_note",
    "inquirer_other_note",
    "inquiry_notes",
    "contact_summary",
    "note_text",
    "assessor",
    "sources",
    "missing_information",
    "protective_factors",
    "scenarios",
    "override_reason",
    "shared_with",
    "shared_basis",
    "rating_note",
    "measure_action",
    "responsible",
    "follow_up_note",
)


def test_every_column_of_every_table_is_in_the_report():
    from consultant_app.domain import RiskMeasure, RiskRating

    for model, fields in [*FIELDS.items(), (RiskRating, RATING_FIELDS), (RiskMeasure, MEASURE_FIELDS)]:
        columns = set(model.__table__.columns.keys())
        assert set(fields) == columns, f"{model.__tablename__}: {sorted(columns ^ set(fields))}"
        assert len(set(fields.values())) == len(fields), f"{model.__tablename__}: a Danish key is repeated"


@pytest.fixture
def two_citizens(vault):
    """The citizen asking ("MIG") and a canary with the same professional and a case of its own."""
    with vault.session() as s:
        shared = people.professional(s, "Delt Fagperson", organisation_name="Odense Kommune", email="d@o.dk")
        citizen, inquiry = people.full_case(s, "MIG", shared.id, datetime(2024, 3, 5, 10, 30))
        canary, canary_inquiry = people.full_case(
            s, CANARY, shared.id, datetime(2024, 3, 6, 11), "999999-9999"
        )
        people.contact(s, shared.id, None, datetime(2024, 3, 7, 9), summary=CANARY + " uden sag")
    with vault.session() as s:  # later events: a view, a print, a bulk export, the canary's
        audit.record(s, "view", "inquiry", inquiry.id)
        audit.record(
            s,
            "print",
            "risk_assessment",
            s.scalar(select(RiskAssessment.id).where(RiskAssessment.inquiry_id == inquiry.id)),
        )
        audit.record(s, "export", "inquiry", None, "inquiries=2 format=interchange-v1")
        audit.record(s, "view", "inquiry", canary_inquiry.id)
        s.get(Note, s.scalar(select(Note.id).where(Note.inquiry_id == canary_inquiry.id))).text = CANARY + "!"
    return citizen, inquiry, canary, canary_inquiry


def test_the_report_holds_every_piece_of_data_and_the_access_log(vault, two_citizens):
    citizen, inquiry, _, _ = two_citizens
    with vault.session() as s:
        report = subject_access_report(s, citizen.id)
    text = json.dumps(report, ensure_ascii=False)
    for column in MARKED:
        assert marker("MIG", column) in text, column
    (case,) = report["henvendelser"]
    assert report["borger"]["cpr_nummer"] == "010203-1234"
    assert (case["sagskode"], case["kommunekode"], case["genopdragelsesrejse"]) == (
        inquiry.case_code,
        "751",
        "trussel_dk",
    )
    assert (case["årsager"], case["rådgivning"]) == (["pres", "trusler"], ["sikkerhed"])
    assert case["fagperson"] == {"navn": "Delt Fagperson", "organisation": "Odense Kommune"}
    assert [k["kanal"] for k in case["kontakter"]] == ["telefon", "mail"]
    assert case["kontakter"][0]["fagperson"]["navn"] == "Delt Fagperson"
    (assessment,) = case["risikovurderinger"]
    assert assessment["faktorer"][0]["faktor"] == "A1"
    assert assessment["faktorer"][0]["faktor_tekst"] == "Trusler om alvorlig vold eller drab"
    assert (assessment["risiko_for_alvorlig_vold"], assessment["sikkerhedstiltag"][0]["frist"]) == (
        "hoej",
        "2024-08-01",
    )
    assert case["opfølgninger"][0]["risikovurdering_id"] == assessment["id"]
    assert case["modtaget"] == "2024-03-05T10:30:00" and case["oprettet"].endswith("Z")

    log = {(e["handling"], e["post"], e["post_id"]) for e in report["adgangslog"]}
    with vault.session() as s:
        records = records_of_inquiries(s, [inquiry.id])
    for entity in ("contact", "note", "follow_up", "risk_assessment", "risk_rating", "risk_measure"):
        for record_id in records[entity]:
            assert ("create", entity, record_id) in log, entity
    assert {("create", "citizen", citizen.id), ("view", "inquiry", inquiry.id)} <= log
    assert ("print", "risk_assessment", assessment["id"]) in log
    assert ("export", "inquiry", None) in log  # an export of all inquiries included this one


def test_nothing_about_another_citizen_reaches_the_file(vault, two_citizens, tmp_path):
    citizen, _, canary, canary_inquiry = two_citizens
    with vault.session() as s:
        json_file = export_subject_access(s, citizen.id, tmp_path / "indsigt.json")
        text_file = export_subject_access(s, citizen.id, tmp_path / "indsigt.md")
        canary_records = records_of_inquiries(s, [canary_inquiry.id]) | {"citizen": {canary.id}}
    for path in (json_file, text_file):
        content = path.read_text(encoding="utf-8")
        assert CANARY not in content and "999999" not in content, path.name
        assert marker("MIG", "note_text") in content
    log = json.loads(json_file.read_text(encoding="utf-8"))["adgangslog"]
    for event in log:
        assert event["post_id"] not in canary_records.get(event["post"], set()), event


def test_the_text_file_is_readable_and_holds_every_value(vault, two_citizens, tmp_path):
    citizen, inquiry, _, _ = two_citizens
    with vault.session() as s:
        content = export_subject_access(s, citizen.id, tmp_path / "indsigt.txt").read_text(encoding="utf-8")
    for column in MARKED:
        assert marker("MIG", column) in content, column
    assert f"### Henvendelse {inquiry.case_code}" in content
    assert "- Genopdragelsesrejse: " in content and "(trussel_dk)" in content
    assert "- Kommunekode: Aarhus (751)" in content
    assert "- Noter:\n  > " + marker("MIG", "inquiry_notes") + "\n  > anden linje" in content
    assert "| Oprettet (create) | Borger (citizen) |" in content


def test_the_export_is_audited_without_values_and_the_file_is_owner_only(vault, two_citizens, tmp_path):
    citizen, *_ = two_citizens
    with vault.session() as s:
        path = export_subject_access(s, citizen.id, tmp_path / "indsigt.json")
    with vault.session() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.action, last.entity, last.entity_id, last.detail) == (
        "export",
        "citizen",
        citizen.id,
        "subject_access format=json",
    )
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial"))


def test_an_unknown_citizen_is_refused_and_citizens_are_found_by_pseudonym_or_case(vault):
    with vault.session() as s:
        twins = [Citizen(pseudonym="ÆB"), Citizen(pseudonym="æb")]
        s.add_all([*twins, Citizen(pseudonym="Ung pige AK"), Citizen(pseudonym="ab")])
        s.flush()
        first = people.inquiry(s, received=datetime(2023, 5, 1, 9), citizen_id=twins[1].id)
        second = people.inquiry(s, received=datetime(2024, 5, 1, 9), citizen_id=twins[1].id)
        with pytest.raises(NotFoundError):
            subject_access_report(s, 999)
        found = find_citizens(s, "Æb")
        # Two people with the same initials are told apart by their cases, newest first.
        assert [(c.id, c.case_codes) for c in found] == [
            (twins[0].id, ()),
            (twins[1].id, (second.case_code, first.case_code)),
        ]
        assert [c.pseudonym for c in find_citizens(s, "ak pige")] == ["Ung pige AK"]
        assert [c.id for c in find_citizens(s, first.case_code)] == [twins[1].id]
        assert find_citizens(s, f"2019-{first.id:05d}") == []  # the year is part of the code
        assert len(find_citizens(s, "")) == 4


def test_a_file_that_cannot_be_written_leaves_no_export_in_the_log(vault, two_citizens, tmp_path):
    citizen, *_ = two_citizens
    with pytest.raises(StorageWriteError), vault.session() as s:
        export_subject_access(s, citizen.id, tmp_path / "no-such-folder" / "indsigt.json")
    with vault.session() as s:
        exports = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "export", AuditEvent.entity == "citizen")
        )
        assert exports.all() == []
