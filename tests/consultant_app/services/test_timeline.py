"""One case as plain data (services/timeline.py): the summary, one timeline, the audited view."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from consultant_app.domain import AuditEvent, FollowUp, RiskAssessment
from consultant_app.errors import NotFoundError
from consultant_app.services import timeline
from consultant_app.services.case_actions import (
    CaseForm,
    ContactDraft,
    add_contact,
    add_note,
    close_case,
    create_case,
)
from consultant_app.services.inquiries import InquiryDraft

TODAY = date(2024, 6, 15)
DRAFT = InquiryDraft(
    received_at=datetime(2024, 6, 1, 10, 30),
    region="nordjylland",
    inquirer_type="skole",
    channel="mail",
    citizen_age_group="barn",
    trip_concern="udlandet",
    reasons=("tvangsaegteskab",),
    professional_name="Lærer Lund",
    professional_email="lund@skole.dk",
    notes="Første samtale",
)


@pytest.fixture
def case_id(vault) -> int:
    with vault.session() as s:
        saved = create_case(s, CaseForm(DRAFT, "M.K."), today=TODAY)
        add_contact(
            s,
            saved.id,
            ContactDraft(datetime(2024, 6, 3, 9), "telefon", professional_name="Politi Pia"),
            today=TODAY,
        )
        add_note(s, saved.id, "Borgeren er rejst")
        s.add_all(
            [
                FollowUp(inquiry_id=saved.id, type="opkald", due_on=date(2024, 6, 10)),
                FollowUp(inquiry_id=saved.id, type="moede", due_on=date(2024, 6, 20), note="Netværksmøde"),
                FollowUp(
                    inquiry_id=saved.id, type="andet", due_on=date(2024, 6, 5), done_at=datetime(2024, 6, 5)
                ),
                FollowUp(
                    inquiry_id=saved.id,
                    type="opkald",
                    due_on=date(2024, 6, 12),
                    snoozed_until=date(2024, 6, 18),
                ),
                RiskAssessment(
                    inquiry_id=saved.id,
                    instrument_id="x",
                    instrument_version="1",
                    assessed_on=date(2024, 6, 4),
                    assessor="K",
                    serious_violence="hoej",
                ),
            ]
        )
        close_case(s, saved.id, date(2024, 6, 14), "overdraget", today=TODAY)
        return saved.id


def test_the_summary_says_what_the_inquiry_says(vault, case_id):
    with vault.session() as s:
        view = timeline.view_case(s, case_id, today=TODAY)
    summary = view.summary
    assert summary.case_code == f"2024-{case_id:05d}"
    assert (summary.citizen_pseudonym, summary.professional_name) == ("M.K.", "Lærer Lund")
    assert summary.reasons == ("tvangsaegteskab",) and summary.notes == "Første samtale"
    assert summary.is_closed and summary.closing_reason == "overdraget"


def test_one_timeline_newest_first_with_follow_up_states(vault, case_id):
    with vault.session() as s:
        entries = timeline.view_case(s, case_id, today=TODAY).timeline
    kinds = [(e.kind, e.code, e.state) for e in entries if e.kind != timeline.NOTE]
    assert kinds == [
        ("follow_up", "moede", "due"),
        ("follow_up", "opkald", "snoozed"),
        ("closed", "overdraget", None),
        ("follow_up", "opkald", "overdue"),
        ("follow_up", "andet", "done"),
        ("risk", "hoej", "draft"),
        ("contact", "telefon", None),
        ("received", "mail", None),
    ]
    contact = next(e for e in entries if e.kind == timeline.CONTACT)
    assert contact.who == "Politi Pia"
    note = next(e for e in entries if e.kind == timeline.NOTE)
    assert note.text == "Borgeren er rejst"
    assert abs((note.at - datetime.now()).total_seconds()) < 60  # local time, not UTC
    at = [e.at for e in entries]
    assert at == sorted(at, reverse=True)


def test_viewing_a_case_is_audited(vault, case_id):
    with vault.session() as s:
        timeline.view_case(s, case_id, today=TODAY)
    with vault.session() as s:
        views = s.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == "view")).all()
    assert views == [case_id]


def test_a_missing_case(vault):
    with vault.session() as s, pytest.raises(NotFoundError):
        timeline.view_case(s, 404)
