"""Reading assessments out as plain data (data.py), in one place for every caller."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app.domain import Inquiry, RiskAssessment, RiskRating
from consultant_app.errors import NotFoundError
from consultant_app.i18n import Text
from consultant_app.risk.data import Assessment, AssessmentContent, AssessmentRow, Measure, Rating, Screening
from consultant_app.risk.instruments import (
    CHECKLIST,
    YES,
    Instrument,
    InstrumentLibrary,
    InstrumentNotFoundError,
    default_library,
)

ASSESSMENT = Text(da="Risikovurderingen", en="The risk assessment")
INQUIRY = Text(da="Henvendelsen", en="The inquiry")


def load_row(session: Session, assessment_id: int) -> RiskAssessment:
    row = session.get(RiskAssessment, assessment_id)
    if row is None:
        raise NotFoundError(what=ASSESSMENT.render(), id=assessment_id)
    return row


def instrument_of(row: RiskAssessment, library: InstrumentLibrary | None = None) -> Instrument:
    """The exact version the assessment was made with."""
    return (library or default_library()).get(row.instrument_id, row.instrument_version)


def _instrument_or_none(library: InstrumentLibrary, instrument_id: str, version: str) -> Instrument | None:
    try:
        return library.get(instrument_id, version)
    except InstrumentNotFoundError:
        return None


def case_code(session: Session, inquiry_id: int) -> str:
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(what=INQUIRY.render(), id=inquiry_id)
    return inquiry.case_code


def content_of(row: RiskAssessment, instrument: Instrument | None) -> AssessmentContent:
    order = {item.id: n for n, item in enumerate(instrument.items)} if instrument else {}
    ratings = sorted(row.ratings, key=lambda r: (order.get(r.item_id, len(order)), r.item_id))
    return AssessmentContent(
        assessed_on=row.assessed_on,
        assessor=row.assessor,
        sources=row.sources,
        missing_information=row.missing_information,
        protective_factors=row.protective_factors,
        scenarios=row.scenarios,
        serious_violence=row.serious_violence,
        imminent_risk=row.imminent_risk,
        screening_override=row.screening_override,
        screening_override_reason=row.screening_override_reason,
        next_review_on=row.next_review_on,
        shared_with=row.shared_with,
        shared_basis=row.shared_basis,
        ratings=tuple(Rating(r.item_id, r.now, r.earlier, r.note) for r in ratings),
        measures=tuple(
            Measure(m.action, m.responsible, m.deadline, m.follow_up_type, id=m.id) for m in row.measures
        ),
    )


def screening_of(content: AssessmentContent, instrument: Instrument | None) -> Screening | None:
    if instrument is None or instrument.kind != CHECKLIST:
        return None
    known = {item.id for item in instrument.items}
    answers = [r.now for r in content.ratings if r.item_id in known and r.now is not None]
    yes = sum(answer == YES for answer in answers)
    return Screening(
        yes_count=yes,
        answered=len(answers),
        items=len(known),
        band=instrument.band_for(yes),
        override=content.screening_override,
        override_reason=content.screening_override_reason,
    )


def get_assessment(
    session: Session, assessment_id: int, *, library: InstrumentLibrary | None = None
) -> Assessment:
    """One assessment with its content; ratings in the order of its instrument version."""
    row = load_row(session, assessment_id)
    instrument = _instrument_or_none(library or default_library(), row.instrument_id, row.instrument_version)
    content = content_of(row, instrument)
    next_id = session.scalar(select(RiskAssessment.id).where(RiskAssessment.previous_id == row.id))
    return Assessment(
        id=row.id,
        inquiry_id=row.inquiry_id,
        case_code=case_code(session, row.inquiry_id),
        instrument_id=row.instrument_id,
        instrument_version=row.instrument_version,
        instrument_kind=instrument.kind if instrument else None,
        status=row.status,
        previous_id=row.previous_id,
        next_id=next_id,
        created_at=row.created_at,
        finalised_at=row.finalised_at,
        content=content,
        screening=screening_of(content, instrument),
    )


def list_assessments(
    session: Session,
    *,
    inquiry_id: int | None = None,
    status: str | None = None,
    library: InstrumentLibrary | None = None,
) -> list[AssessmentRow]:
    """Assessments by date (then id), optionally of one inquiry or with one status."""
    library = library or default_library()
    query = (
        select(RiskAssessment, Inquiry)
        .join(Inquiry, Inquiry.id == RiskAssessment.inquiry_id)
        .order_by(RiskAssessment.assessed_on, RiskAssessment.id)
    )
    if inquiry_id is not None:
        query = query.where(RiskAssessment.inquiry_id == inquiry_id)
    if status is not None:
        query = query.where(RiskAssessment.status == status)
    found = session.execute(query).all()
    yes_counts = _yes_counts(session) if found else {}
    rows = []
    for a, inquiry in found:
        instrument = _instrument_or_none(library, a.instrument_id, a.instrument_version)
        kind = instrument.kind if instrument else None
        level = None
        if instrument is not None and instrument.kind == CHECKLIST:
            level = a.screening_override or instrument.band_for(yes_counts.get(a.id, 0))
        rows.append(
            AssessmentRow(
                id=a.id,
                inquiry_id=a.inquiry_id,
                case_code=inquiry.case_code,
                assessed_on=a.assessed_on,
                assessor=a.assessor,
                status=a.status,
                instrument_id=a.instrument_id,
                instrument_version=a.instrument_version,
                instrument_kind=kind,
                previous_id=a.previous_id,
                serious_violence=a.serious_violence,
                imminent_risk=a.imminent_risk,
                screening_level=level,
                next_review_on=a.next_review_on,
            )
        )
    return rows


def _yes_counts(session: Session) -> dict[int, int]:
    query = (
        select(RiskRating.assessment_id, func.count())
        .where(RiskRating.now == YES)
        .group_by(RiskRating.assessment_id)
    )
    return {aid: count for aid, count in session.execute(query)}


def chain_of(session: Session, assessment_id: int) -> list[int]:
    """The ids of the assessment's history, oldest first, through to its latest successor."""
    row = load_row(session, assessment_id)
    ids = [row.id]
    previous = row.previous_id
    while previous is not None and previous not in ids:
        ids.insert(0, previous)
        previous = session.scalar(select(RiskAssessment.previous_id).where(RiskAssessment.id == previous))
    following: int | None = row.id
    while True:
        following = session.scalar(select(RiskAssessment.id).where(RiskAssessment.previous_id == following))
        if following is None or following in ids:
            return ids
        ids.append(following)
