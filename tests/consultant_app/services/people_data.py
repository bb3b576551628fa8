"""Builders for the tests of professionals, the audit log and subject access: plain ORM rows.

`full_case` fills every column a case can have, text columns with `marker(prefix, column)`, so
a test can look for each value in an export.
"""

from datetime import date, datetime

from consultant_app.domain import (
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    InquiryAdvice,
    InquiryReason,
    Note,
    Professional,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
    SurveyCampaign,
    SurveyDispatch,
)


def marker(prefix: str, column: str) -> str:
    return f"{prefix}·{column}·æøå"


def professional(session, name: str, **kw) -> Professional:
    p = Professional(name=name, **kw)
    session.add(p)
    session.flush()
    return p


def inquiry(session, professional_id: int | None = None, *, received: datetime, citizen_id=None, **kw):
    values = {
        "received_at": received,
        "consultant": "Test Konsulent",
        "region": "midtjylland",
        "inquirer_type": "kommune",
        "channel": "telefon",
        "citizen_age_group": "barn",
        "trip_concern": "ingen",
    } | kw
    i = Inquiry(professional_id=professional_id, citizen_id=citizen_id, **values)
    session.add(i)
    session.flush()
    if professional_id is not None:
        contact(session, professional_id, i.id, received, is_intake=True)
    return i


def contact(session, professional_id: int, inquiry_id: int | None, at: datetime, **kw) -> Contact:
    c = Contact(professional_id=professional_id, inquiry_id=inquiry_id, occurred_at=at, channel="telefon")
    for name, value in kw.items():
        setattr(c, name, value)
    session.add(c)
    session.flush()
    return c


def campaign(session, code: str) -> SurveyCampaign:
    c = SurveyCampaign(
        code=code,
        name=code,
        link="https://example.org/s",
        period_from=date(2024, 1, 1),
        period_to=date(2024, 12, 31),
    )
    session.add(c)
    session.flush()
    return c


def dispatch(session, campaign_id: int, professional_id: int, at: datetime, status="sent") -> SurveyDispatch:
    d = SurveyDispatch(
        campaign_id=campaign_id,
        professional_id=professional_id,
        status=status,
        channel="mail" if status == "sent" else None,
        method="manual" if status == "sent" else None,
        region="midtjylland",
        recorded_at=at,
    )
    session.add(d)
    session.flush()
    return d


def full_case(
    session, prefix: str, professional_id: int, received: datetime, cpr: str = "010203-1234"
) -> tuple[Citizen, Inquiry]:
    """A citizen with one inquiry and one of everything in it, every text a marker."""
    m = lambda column: marker(prefix, column)  # noqa: E731
    citizen = Citizen(pseudonym=m("pseudonym"), full_name=m("full_name"), cpr=cpr, note=m("citizen_note"))
    session.add(citizen)
    session.flush()
    i = inquiry(
        session,
        professional_id,
        received=received,
        citizen_id=citizen.id,
        external_ref=m("ref")[:60],
        municipality_code="751",
        municipal_department="boern_unge",
        inquirer_other_note=m("inquirer_other_note"),
        citizen_gender="kvinde",
        closed_on=received.date(),
        closing_reason="overdraget",
        consent="samtykke",
        trip_concern="trussel_dk",
        kind="forloeb",
        notes=m("inquiry_notes") + "\nanden linje",
    )
    i.reasons = [InquiryReason(code="trusler"), InquiryReason(code="pres")]
    i.advice = [InquiryAdvice(code="sikkerhed")]
    contact(
        session,
        professional_id,
        i.id,
        received.replace(hour=15),
        summary=m("contact_summary"),
        channel="mail",
    )
    session.add(Note(inquiry_id=i.id, text=m("note_text")))
    assessment = RiskAssessment(
        inquiry_id=i.id,
        instrument_id="sk-spj",
        instrument_version="1",
        assessed_on=received.date(),
        assessor=m("assessor"),
        sources=m("sources"),
        missing_information=m("missing_information"),
        protective_factors=m("protective_factors"),
        scenarios=m("scenarios"),
        serious_violence="hoej",
        imminent_risk="moderat",
        screening_override_reason=m("override_reason"),
        next_review_on=date(2024, 9, 1),
        shared_with=m("shared_with"),
        shared_basis=m("shared_basis"),
    )
    assessment.ratings = [RiskRating(item_id="A1", now="ja", earlier="delvist", note=m("rating_note"))]
    assessment.measures = [
        RiskMeasure(
            position=1, action=m("measure_action"), responsible=m("responsible"), deadline=date(2024, 8, 1)
        )
    ]
    session.add(assessment)
    session.flush()
    session.add(
        FollowUp(
            inquiry_id=i.id,
            type="opkald",
            due_on=date(2024, 8, 1),
            note=m("follow_up_note"),
            risk_assessment_id=assessment.id,
            risk_measure_id=assessment.measures[0].id,
        )
    )
    session.flush()
    return citizen, i
