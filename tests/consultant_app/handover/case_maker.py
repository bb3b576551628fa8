"""A whole case with every part, each text unique, for handover and erasure tests."""

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
)


def case_texts(tag: str) -> dict[str, str]:
    """Every free text of the case made by `make_case(tag)`: none may survive erasure or travel
    in plain text."""
    return {
        "pseudonym": f"Borger{tag}Pseudo",
        "full_name": f"Fuldt{tag}Navnesen",
        "cpr": "0101901234" if tag == "A" else "0202905678",
        "citizen_note": f"Borgernote{tag}Hemmelig",
        "inquiry_notes": f"Sagsnoter{tag}Fortrolig",
        "other_note": f"Henvenderandet{tag}Tekst",
        "note": f"Notat{tag}OmFamilien",
        "contact": f"Samtale{tag}MedSkolen",
        "risk_sources": f"Kilder{tag}Politirapport",
        "risk_scenarios": f"Scenarie{tag}Bortførelse",
        "rating_note": f"Faktor{tag}Trusler",
        "measure": f"Tiltag{tag}Sikkerhedsplan",
        "follow_up": f"Opfølgning{tag}RingSkolen",
        "external_ref": f"EXT-{tag}-1",
    }


def make_case(session, tag: str = "A", *, received_at=datetime(2025, 3, 14, 10, 30), kind="forloeb") -> int:
    t = case_texts(tag)
    pro = Professional(name=f"Lærer {tag}", email=f"  Laerer.{tag}@Skole.DK ", organisation_name="Skolen")
    citizen = Citizen(
        pseudonym=t["pseudonym"], full_name=t["full_name"], cpr=t["cpr"], note=t["citizen_note"]
    )
    inquiry = Inquiry(
        external_ref=t["external_ref"],
        received_at=received_at,
        consultant="Konsulent",
        region="midtjylland",
        municipality_code="751",
        inquirer_type="kommune",
        inquirer_other_note=t["other_note"],
        channel="telefon",
        citizen_age_group="voksen",
        consent="anonym",
        trip_concern="ingen",
        kind=kind,
        notes=t["inquiry_notes"],
        professional=pro,
        citizen=citizen,
    )
    session.add(inquiry)
    session.flush()
    session.add_all(
        [
            InquiryReason(inquiry_id=inquiry.id, code="trusler"),
            InquiryAdvice(inquiry_id=inquiry.id, code="sikkerhed"),
            Contact(
                inquiry=inquiry,
                professional=pro,
                occurred_at=received_at,
                channel="telefon",
                is_intake=True,
                summary=t["contact"],
            ),
            Note(inquiry_id=inquiry.id, text=t["note"]),
        ]
    )
    first = RiskAssessment(
        inquiry_id=inquiry.id,
        instrument_id="sk-spj",
        instrument_version="1",
        status="finalised",
        assessed_on=date(2025, 3, 20),
        assessor="Konsulent",
        sources=t["risk_sources"],
        scenarios=t["risk_scenarios"],
        finalised_at=datetime(2025, 3, 20, 12, 0),
        ratings=[RiskRating(item_id="p1", now="ja", note=t["rating_note"])],
        measures=[
            RiskMeasure(position=0, action=t["measure"], responsible="Skolen", deadline=date(2025, 4, 1))
        ],
    )
    session.add(first)
    session.flush()
    second = RiskAssessment(
        inquiry_id=inquiry.id,
        previous_id=first.id,
        instrument_id="sk-spj",
        instrument_version="1",
        status="draft",
        assessed_on=date(2025, 4, 2),
        assessor="Konsulent",
    )
    session.add(second)
    session.flush()
    session.add(
        FollowUp(
            inquiry_id=inquiry.id,
            type="revurdering",
            due_on=date(2025, 4, 1),
            note=t["follow_up"],
            risk_measure_id=first.measures[0].id,
            risk_assessment_id=first.id,
        )
    )
    session.flush()
    return inquiry.id
