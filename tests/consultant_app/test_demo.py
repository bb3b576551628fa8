"""The demo data: deterministic, realistic in its shape, complete in its codes, and never
written into a vault that already holds inquiries."""

import json
import re
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from consultant_app.cli.main import main
from consultant_app.codes import REQUIRED_LISTS, load_codes
from consultant_app.demo import VaultNotEmptyError, fill_vault
from consultant_app.demo.rows import DemoRows
from consultant_app.domain import (
    AuditEvent,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    InquiryAdvice,
    InquiryReason,
    Professional,
    Profile,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
)
from consultant_app.services.refs import own_ref
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

TODAY = date(2025, 6, 30)
COUNT = 2_000


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    vault = Vault.create(tmp_path_factory.mktemp("demo") / "demo.db", PASSPHRASE, name="Demo", team="aarhus")
    summary = fill_vault(vault, COUNT, seed=11, today=TODAY)
    yield vault, summary
    vault.lock()


@pytest.fixture
def session(demo):
    # Per test: the vault has one connection, and a held session would block the others.
    with demo[0].session() as s:
        yield s


def values(session, *columns) -> set:
    found: set = set()
    for column in columns:
        found |= set(session.scalars(select(column).distinct())) - {None}
    return found


def all_rows(count: int, seed: int) -> list:
    generator = DemoRows(count, seed, TODAY, "Demo", {}, ref_prefix="DEMO23")
    return [(table.__tablename__, rows) for batch in generator.batches() for table, rows in batch.items()]


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    first = all_rows(300, seed=5)
    assert first == all_rows(300, seed=5)
    assert first != all_rows(300, seed=6)


def test_every_code_of_every_list_is_used(session):
    columns = {
        "region": [Inquiry.region],
        "inquirer_type": [Inquiry.inquirer_type, Professional.organisation_type],
        "municipal_department": [Inquiry.municipal_department],
        "channel": [Inquiry.channel, Contact.channel],
        "age_group": [Inquiry.citizen_age_group],
        "gender": [Inquiry.citizen_gender],
        "consent": [Inquiry.consent],
        "trip_concern": [Inquiry.trip_concern],
        "reason": [InquiryReason.code],
        "advice_type": [InquiryAdvice.code],
        "kind": [Inquiry.kind],
        "closing_reason": [Inquiry.closing_reason],
        "follow_up_type": [FollowUp.type],
        "risk_rating": [RiskRating.now, RiskRating.earlier],
        "risk_level": [RiskAssessment.serious_violence, RiskAssessment.imminent_risk],
    }
    # A new code list must be added here (and to the demo): "team" is the profile's only.
    assert set(columns) == set(REQUIRED_LISTS) - {"team"}
    codes = load_codes()
    for name, cols in columns.items():
        assert values(session, *cols) == set(codes[name].values()), name


def test_regions_follow_population_and_municipalities_lie_in_their_region(session):
    codes = load_codes()
    pairs = session.execute(select(Inquiry.region, Inquiry.municipality_code)).all()
    by_region = Counter(region for region, _ in pairs)
    assert set(by_region) == set(codes["region"].values())
    assert by_region.most_common(1)[0][0] == "hovedstaden"
    assert min(by_region, key=by_region.get) == "nordjylland"
    with_municipality = [(r, m) for r, m in pairs if m is not None]
    assert len(with_municipality) > 0.8 * len(pairs)
    assert all(codes.municipality(m).region == r for r, m in with_municipality)
    for code in session.scalars(select(Professional.municipality_code)):
        assert codes.municipality(code) is not None


def test_children_courses_and_growth_have_realistic_shares(session, demo):
    _, summary = demo
    ages = Counter(session.scalars(select(Inquiry.citizen_age_group)))
    assert 0.35 <= ages["barn"] / COUNT <= 0.40
    assert 0.30 <= summary.courses / COUNT <= 0.40
    years = Counter(r.year for r in session.scalars(select(Inquiry.received_at)))
    assert set(years) == set(range(2018, TODAY.year + 1))
    assert years[2024] > years[2018] * 1.2  # mild growth
    assert max(session.scalars(select(Inquiry.received_at))).date() < TODAY


def test_courses_run_for_years_and_many_are_still_open(session, demo):
    courses = session.execute(
        select(Inquiry.received_at, Inquiry.closed_on, Inquiry.closing_reason).where(
            Inquiry.kind == "forloeb"
        )
    ).all()
    still_open = [r for r, closed, _ in courses if closed is None]
    assert len(still_open) == demo[1].open_courses
    assert 0.15 <= len(still_open) / len(courses) <= 0.5
    assert len({r.year for r in still_open}) >= 5  # open since many different years
    assert sum(r.date() < TODAY - timedelta(days=3 * 365) for r in still_open) >= 10
    closed = [(r, c, why) for r, c, why in courses if c is not None]
    assert all(why is not None and r.date() <= c < TODAY for r, c, why in closed)
    assert sum((c - r.date()).days > 2 * 365 for r, c, _ in closed) >= 20
    assert (
        session.scalar(
            select(func.count()).where(Inquiry.closed_on.is_(None), Inquiry.closing_reason.is_not(None))
        )
        == 0
    )


def test_professionals_recur_in_contacts_across_inquiries(session):
    professionals = session.scalar(select(func.count()).select_from(Professional))
    assert professionals == COUNT // 8
    per_professional = Counter(
        session.execute(select(Contact.professional_id, Contact.inquiry_id).distinct()).scalars()
    )
    assert max(per_professional.values()) >= 10
    assert sum(n >= 3 for n in per_professional.values()) >= professionals / 4
    assert {"telefon", "mail", "moede"} <= values(session, Contact.channel)
    emails = list(session.scalars(select(Professional.email_normalised)))
    assert len(set(emails)) == len(emails)
    assert all(e.endswith(".example") for e in emails)


def test_every_inquiry_has_the_vaults_own_reference(session):
    prefix = session.scalar(select(Profile.ref_prefix))
    rows = session.execute(select(Inquiry.id, Inquiry.received_at, Inquiry.external_ref)).all()
    assert len(rows) == COUNT
    assert all(ref == own_ref(prefix, received, iid) for iid, received, ref in rows)


def test_citizens_are_initials_and_never_have_a_cpr_number(session):
    citizens = session.execute(select(Citizen.pseudonym, Citizen.cpr)).all()
    assert citizens
    assert all(re.fullmatch(r"[A-ZÆØÅ]\.[A-ZÆØÅ]\.", pseudonym) for pseudonym, _ in citizens)
    assert all(cpr is None for _, cpr in citizens)


def test_follow_ups_are_overdue_done_and_ahead(session, demo):
    rows = session.execute(select(FollowUp.due_on, FollowUp.done_at, FollowUp.snoozed_until)).all()
    overdue = [
        d for d, done, snoozed in rows if done is None and d < TODAY and not (snoozed and snoozed >= TODAY)
    ]
    assert len(overdue) == demo[1].overdue_follow_ups > 0
    assert sum(done is not None for _, done, _ in rows) > len(overdue)
    assert any(done is None and d >= TODAY for d, done, _ in rows)


def test_risk_assessments_are_a_few_with_ratings_judgements_and_measures(session):
    assessments = session.scalars(select(RiskAssessment)).all()
    assert 20 <= len(assessments) <= 0.15 * COUNT
    assert {(a.instrument_id, a.instrument_version) for a in assessments} == {("sk-spj", "1")}
    assert {a.status for a in assessments} == {"draft", "finalised"}
    assert all(a.finalised_at is not None for a in assessments if a.status == "finalised")
    assert all(a.finalised_at is None for a in assessments if a.status == "draft")
    items = values(session, RiskRating.item_id)
    assert all(re.fullmatch(r"[ABC]\d", item) for item in items)
    assert session.scalar(select(func.count(func.distinct(RiskMeasure.assessment_id)))) == len(assessments)
    assert any(a.previous_id is not None for a in assessments)  # re-assessments in long courses


def test_one_audit_line_records_the_import(session):
    lines = session.execute(select(AuditEvent.action, AuditEvent.detail)).all()
    assert lines == [("import", f"demo: {COUNT} inquiries")]


def test_a_vault_with_inquiries_is_refused_and_left_as_it_was(demo):
    vault, _ = demo
    with pytest.raises(VaultNotEmptyError) as raised:
        fill_vault(vault, 10, seed=1, today=TODAY)
    assert "indeholder allerede 2000 henvendelser" in str(raised.value)
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == COUNT


def test_rows_already_in_the_vault_are_kept_and_ids_follow_them(vault):
    with vault.session() as s:
        s.add(Professional(name="Eksisterende Fagperson", email="e@x.example"))
    fill_vault(vault, 40, seed=2, today=TODAY)
    with vault.session() as s:
        ids = sorted(s.scalars(select(Professional.id)))
        assert ids == list(range(1, 2 + 40 // 8))
        assert s.get(Professional, 1).name == "Eksisterende Fagperson"


def test_cli_creates_a_vault_fills_it_and_refuses_a_second_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "cli.db"
    args = ["demo", "--vault", str(path), "--inquiries", "60", "--seed", "4", "--team", "aalborg"]
    assert main([*args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["inquiries"] == 60 and out["vault"] == str(path)
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as s:
        profile = s.get(Profile, 1)
        assert (profile.name, profile.team) == ("Demo-konsulent", "aalborg")
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 60

    assert main(args) == 1
    captured = capsys.readouterr()
    assert "Boksen indeholder allerede 60 henvendelser" in captured.err
    assert captured.out == ""


def test_cli_prints_a_danish_summary_and_rejects_a_bad_count(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    assert main(["demo", "--vault", str(tmp_path / "d.db"), "--inquiries", "30"]) == 0
    out = capsys.readouterr().out
    assert "30 henvendelser modtaget 2018-" in out and "rådgivningsforløb" in out
    with pytest.raises(SystemExit) as exited:
        main(["demo", "--vault", str(tmp_path / "e.db"), "--inquiries", "0"])
    assert exited.value.code == 2
    assert not (tmp_path / "e.db").exists()
