"""The life of an assessment: start a draft, save it, finalise it; a change to a finalised
assessment is a revision, a new draft that starts as a copy and links to the one before.

Every function takes the caller's session (one unit of work) and returns plain data. The
immutability of a finalised assessment does not rest on these functions: the session guard
in `consultant_app.domain.risk` refuses the change whatever code attempts it.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Profile, RiskAssessment, RiskMeasure, RiskRating
from consultant_app.domain.base import utcnow
from consultant_app.domain.risk import DRAFT, FINALISED, AssessmentFinalisedError
from consultant_app.errors import ConsultantAppError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.risk import follow_ups
from consultant_app.risk.checks import content_problems, finalisation_problems
from consultant_app.risk.data import Assessment, AssessmentContent, Rating
from consultant_app.risk.instruments import Instrument, InstrumentLibrary, default_library
from consultant_app.risk.reading import case_code, content_of, get_assessment, instrument_of, load_row


class AssessmentExistsError(ConsultantAppError):
    text = Text(
        da="Sagen har allerede en risikovurdering med dette instrument (nr. {id}). "
        "Lav en ny vurdering på grundlag af den seneste.",
        en="The case already has a risk assessment with this instrument (no. {id}). "
        "Make a new assessment based on the latest one.",
    )


class NotFinalisedError(ConsultantAppError):
    text = Text(
        da="Risikovurdering {id} er et udkast: ret udkastet i stedet for at lave en ny vurdering.",
        en="Risk assessment {id} is a draft: edit the draft instead of making a new assessment.",
    )


class AlreadyRevisedError(ConsultantAppError):
    text = Text(
        da="Risikovurdering {id} er allerede fulgt op af vurdering {next}.",
        en="Risk assessment {id} has already been followed by assessment {next}.",
    )


@dataclass(frozen=True)
class Finalised:
    assessment: Assessment
    follow_up_ids: tuple[int, ...]  # made from the next review and the measures' deadlines
    closed_follow_up_ids: tuple[int, ...]  # the previous assessment's review, now done


def start_assessment(
    session: Session,
    inquiry_id: int,
    instrument_id: str,
    *,
    version: str | None = None,
    assessor: str | None = None,
    assessed_on: date | None = None,
    library: InstrumentLibrary | None = None,
) -> Assessment:
    """A first, empty draft with the newest version of the instrument (or `version`). A case
    has one history per instrument: once it has an assessment, the next one is a revision."""
    library = library or default_library()
    instrument = library.get(instrument_id, version) if version else library.latest(instrument_id)
    case_code(session, inquiry_id)  # the inquiry exists
    existing = session.scalar(
        select(RiskAssessment.id)
        .where(RiskAssessment.inquiry_id == inquiry_id, RiskAssessment.instrument_id == instrument_id)
        .order_by(RiskAssessment.id.desc())
    )
    if existing is not None:
        raise AssessmentExistsError(id=existing)
    content = AssessmentContent(
        assessed_on=assessed_on or date.today(), assessor=_assessor(session, assessor)
    )
    return _new_draft(session, inquiry_id, instrument, content, previous_id=None, library=library)


def revise_assessment(
    session: Session,
    assessment_id: int,
    *,
    version: str | None = None,
    assessor: str | None = None,
    assessed_on: date | None = None,
    library: InstrumentLibrary | None = None,
) -> Assessment:
    """A new draft from a finalised assessment: its content copied as the starting point, with
    the newest version of the same instrument (or `version`). Ratings of items the version no
    longer has are left out; the next review and who it was shared with start empty."""
    library = library or default_library()
    before = load_row(session, assessment_id)
    if before.status != FINALISED:
        raise NotFinalisedError(id=assessment_id)
    successor = session.scalar(select(RiskAssessment.id).where(RiskAssessment.previous_id == assessment_id))
    if successor is not None:
        raise AlreadyRevisedError(id=assessment_id, next=successor)
    instrument = (
        library.get(before.instrument_id, version) if version else library.latest(before.instrument_id)
    )
    copied = content_of(before, instrument_of(before, library))
    ratings = tuple(
        Rating(r.item_id, r.now, r.earlier if instrument.rates_earlier(r.item_id) else None, r.note)
        for r in copied.ratings
        if instrument.item(r.item_id) is not None and (r.now in instrument.scale or r.now is None)
    )
    measures = tuple(replace(m, id=None) for m in copied.measures)
    content = replace(
        copied,
        assessed_on=assessed_on or date.today(),
        assessor=_assessor(session, assessor),
        next_review_on=None,
        shared_with=None,
        shared_basis=None,
        ratings=ratings,
        measures=measures,
    )
    return _new_draft(session, before.inquiry_id, instrument, content, previous_id=before.id, library=library)


def save_draft(
    session: Session,
    assessment_id: int,
    content: AssessmentContent,
    *,
    library: InstrumentLibrary | None = None,
) -> Assessment:
    """Replace what the draft holds with `content`. Raises `ValidationError` with every
    problem at once, and `AssessmentFinalisedError` for a finalised assessment."""
    row = load_row(session, assessment_id)
    if row.status != DRAFT:
        raise AssessmentFinalisedError(id=assessment_id)
    instrument = instrument_of(row, library)
    problems = content_problems(content, instrument)
    if problems:
        raise ValidationError(problems)
    _apply(row, content)
    session.flush()
    return get_assessment(session, assessment_id, library=library)


def problems_before_finalising(
    session: Session,
    assessment_id: int,
    *,
    library: InstrumentLibrary | None = None,
    today: date | None = None,
) -> list[Problem]:
    """What is still missing before the assessment can be finalised (empty: ready)."""
    row = load_row(session, assessment_id)
    instrument = instrument_of(row, library)
    return finalisation_problems(content_of(row, instrument), instrument, today)


def finalise_assessment(
    session: Session,
    assessment_id: int,
    *,
    library: InstrumentLibrary | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> Finalised:
    """Finalise: from now on the assessment cannot change. Its next review and each measure's
    deadline become follow-ups on the inquiry; the previous assessment's review is done."""
    row = load_row(session, assessment_id)
    if row.status != DRAFT:
        raise AssessmentFinalisedError(id=assessment_id)
    instrument = instrument_of(row, library)
    problems = finalisation_problems(content_of(row, instrument), instrument, today)
    if problems:
        raise ValidationError(problems)
    row.status = FINALISED
    row.finalised_at = now or utcnow()
    session.flush()
    made, closed = follow_ups.on_finalised(session, row, now or utcnow())
    return Finalised(get_assessment(session, assessment_id, library=library), made, closed)


def delete_draft(session: Session, assessment_id: int) -> None:
    """Delete a draft (a finalised assessment is kept: the guard refuses its deletion)."""
    row = load_row(session, assessment_id)
    if row.status != DRAFT:
        raise AssessmentFinalisedError(id=assessment_id)
    session.delete(row)
    session.flush()


# --- internals ------------------------------------------------------------------------------


def _assessor(session: Session, assessor: str | None) -> str:
    if assessor and assessor.strip():
        return assessor.strip()
    profile = session.get(Profile, 1)
    return profile.name if profile else ""


def _new_draft(
    session: Session,
    inquiry_id: int,
    instrument: Instrument,
    content: AssessmentContent,
    *,
    previous_id: int | None,
    library: InstrumentLibrary,
) -> Assessment:
    problems = content_problems(content, instrument)
    if problems:
        raise ValidationError(problems)
    row = RiskAssessment(
        inquiry_id=inquiry_id,
        previous_id=previous_id,
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        status=DRAFT,
    )
    _apply(row, content)
    session.add(row)
    session.flush()
    return get_assessment(session, row.id, library=library)


_SCALARS = (
    "assessed_on",
    "assessor",
    "sources",
    "missing_information",
    "protective_factors",
    "scenarios",
    "serious_violence",
    "imminent_risk",
    "screening_override",
    "screening_override_reason",
    "next_review_on",
    "shared_with",
    "shared_basis",
)


def _apply(row: RiskAssessment, content: AssessmentContent) -> None:
    """Write the content into the row: changed fields only, ratings matched by item, measures
    by position, so an unchanged draft saved again leaves no audit line."""
    for name in _SCALARS:
        value = getattr(content, name)
        if isinstance(value, str):
            value = value.strip() if name == "assessor" else _clean(value)
        if getattr(row, name) != value:
            setattr(row, name, value)
    wanted = {
        r.item_id: r for r in content.ratings if (r.now, r.earlier, _clean(r.note)) != (None, None, None)
    }
    for rating in list(row.ratings):
        if rating.item_id not in wanted:
            row.ratings.remove(rating)
    have = {r.item_id: r for r in row.ratings}
    for item_id, r in wanted.items():
        rating = have.get(item_id) or RiskRating(item_id=item_id)
        _set(rating, now=r.now, earlier=r.earlier, note=_clean(r.note))
        if item_id not in have:
            row.ratings.append(rating)
    for position, m in enumerate(content.measures):
        new = position >= len(row.measures)
        measure = RiskMeasure() if new else row.measures[position]
        _set(
            measure,
            position=position,
            action=m.action.strip(),
            responsible=(m.responsible or "").strip(),
            deadline=m.deadline,
            follow_up_type=m.follow_up_type,
        )
        if new:
            row.measures.append(measure)
    del row.measures[len(content.measures) :]


def _set(obj: object, **values: object) -> None:
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None
