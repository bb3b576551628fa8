"""Attack: a campaign named after a citizen, with a CPR number, sends both to SIRI in its code.

The code is the only text of the consultant's in the count package. Without `--code` it is
now random and opaque; a code the user types is refused when it could point to a person.
"""

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from consultant_app.campaign_codes import generate_code, is_agency_code
from consultant_app.counts.package import Package, build_package
from consultant_app.domain import Citizen, Professional, SurveyCampaign
from consultant_app.errors import ValidationError
from consultant_app.storage import migrate
from consultant_app.survey import create_campaign

CITIZEN = "Fatima Al-Khalil"
CPR = "010190-1234"


def campaign(session, **kw):
    values = {
        "name": f"Opfølgning {CITIZEN} {CPR}",
        "link": "https://survey.example.dk/x",
        "period_from": date(2025, 3, 1),
        "period_to": date(2025, 3, 31),
    } | kw
    return create_campaign(session, **values)


def test_a_campaign_named_after_a_citizen_sends_neither_name_nor_cpr(vault):
    with vault.session() as s:
        s.add(Citizen(pseudonym="F.", full_name=CITIZEN, cpr=CPR))
        info = campaign(s)
    assert info.code.startswith("kmp-") and is_agency_code(info.code)
    with vault.session() as s:
        package = build_package(s, "2025-03").to_json().casefold()
    assert info.code in package
    for leaked in ("fatima", "khalil", "010190", "1234", "opfølgning", "opfoelgning"):
        assert leaked not in package


def test_generated_codes_are_opaque_and_differ():
    codes = {generate_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert is_agency_code(code) and not any(ch.isdigit() or ch in "aeiouy" for ch in code[4:])


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("fatima-2025", "navn fra boksen"),
        ("FatimaAlKhalil", "navn fra boksen"),
        ("karen-q1", "navn fra boksen"),  # the profile's own name
        ("jens-olsen", "navn fra boksen"),  # a professional
        ("k-010190-1234", "6 eller flere cifre"),
        ("k-01-01-90-1234", "6 eller flere cifre"),
        ("anna@example.dk", "e-mailadresse"),
        ("har mellemrum", "kun have bogstaverne a-z, tal og bindestreger"),
        ("x" * 25, "højst 24 tegn"),
        ("punktum.kode", "kun have bogstaverne"),
    ],
)
def test_a_typed_code_that_could_point_to_a_person_is_refused(vault, code, message):
    with vault.session() as s:
        s.add(Citizen(pseudonym="F.", full_name=CITIZEN))
        s.add(Professional(name="Jens Olsen"))
    with vault.session() as s:
        s.execute(text("UPDATE profile SET name = 'Karen Konsulent'"))
    with vault.session() as s, pytest.raises(ValidationError) as refused:
        campaign(s, name="Tilfredshed", code=code)
    assert message in str(refused.value)
    with vault.session() as s:
        assert s.query(SurveyCampaign).count() == 0


def test_an_agency_code_is_kept_as_given(vault):
    with vault.session() as s:
        assert campaign(s, name="Tilfredshed", code="SIRI-2025-03").code == "SIRI-2025-03"


def test_a_package_with_a_free_text_code_is_refused_by_the_schema(vault):
    with vault.session() as s:
        good = json.loads(build_package(s, "2025-03").to_json())
    good["survey"] = [{"campaign": "fatima-010190-1234", "links_sent": dict.fromkeys(good["regions"], 0)}]
    with pytest.raises(Exception, match="campaign"):
        Package.from_json(json.dumps(good))


def test_generated_at_goes_to_the_day(vault):
    with vault.session() as s:
        package = build_package(s, "2025-03", generated_at=datetime(2025, 4, 2, 23, 59, 58, tzinfo=UTC))
    assert package.as_json()["generated_at"] == "2025-04-02T00:00:00Z"
    sent_late = json.loads(package.to_json()) | {"generated_at": "2025-04-02T13:14:15+00:00"}
    assert Package.from_json(json.dumps(sent_late)).generated_at.hour == 0


def test_upgrade_recodes_a_derived_code_and_the_waiting_package(vault):
    derived = "fatima-al-khalil-010190-1234-2025-03"
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0004")
        now = "'2025-03-01 09:00:00'"
        conn.execute(
            text(
                "INSERT INTO survey_campaign (id, code, name, link, period_from, period_to, created_at, updated_at) "
                f"VALUES (1, '{derived}', '{CITIZEN} {CPR}', 'https://x.dk', '2025-03-01', '2025-03-31', {now}, {now}),"
                f" (2, 'SIRI-25', 'Agency', 'https://x.dk', '2025-03-01', '2025-03-31', {now}, {now})"
            )
        )
        payload = json.dumps({"schema": 1, "survey": [{"campaign": derived, "links_sent": {}}]})
        conn.execute(
            text(
                "INSERT INTO outbox_package (month, version, idempotency_key, payload, state, attempts, created_at)"
                f" VALUES ('2025-03', 1, 'k1', :p, 'pending', 0, {now})"
            ),
            {"p": payload},
        )
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        codes = dict(conn.execute(text("SELECT id, code FROM survey_campaign")).all())
        waiting = conn.execute(text("SELECT payload FROM outbox_package")).scalar()
    assert codes[1].startswith("kmp-") and codes[2] == "SIRI-25"
    assert derived not in waiting and codes[1] in waiting
