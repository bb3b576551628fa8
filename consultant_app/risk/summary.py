"""The data of a printed risk-assessment summary, read in one place: the assessment, the exact
instrument version it was made with, what changed since the one before, and the citizen's name
only when the caller asks for it. The renderer (reports/risk_summary.py) never sees a session.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from consultant_app.domain import Citizen, Inquiry
from consultant_app.risk.compare import Changes, compare
from consultant_app.risk.data import Assessment
from consultant_app.risk.instruments import Instrument, InstrumentLibrary, default_library
from consultant_app.risk.reading import get_assessment


@dataclass(frozen=True)
class RiskSummary:
    assessment: Assessment
    instrument: Instrument  # the version the assessment was made with
    citizen_name: str | None = None  # only when asked for
    previous_assessed_on: date | None = None
    changes: Changes | None = None  # since the previous assessment


def load_risk_summary(
    session: Session,
    assessment_id: int,
    *,
    with_name: bool = False,
    library: InstrumentLibrary | None = None,
) -> RiskSummary:
    library = library or default_library()
    assessment = get_assessment(session, assessment_id, library=library)
    instrument = library.get(assessment.instrument_id, assessment.instrument_version)
    previous, changes = None, None
    if assessment.previous_id is not None:
        before = get_assessment(session, assessment.previous_id, library=library)
        previous = before.content.assessed_on
        changes = compare(before, assessment, library=library)
    return RiskSummary(
        assessment=assessment,
        instrument=instrument,
        citizen_name=_citizen_name(session, assessment.inquiry_id) if with_name else None,
        previous_assessed_on=previous,
        changes=changes,
    )


def _citizen_name(session: Session, inquiry_id: int) -> str | None:
    inquiry = session.get(Inquiry, inquiry_id)
    citizen: Citizen | None = inquiry.citizen if inquiry else None
    if citizen is None:
        return None
    return citizen.full_name or citizen.pseudonym or None
