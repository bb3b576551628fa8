"""What the assessment editor reads and writes, each in one unit of work on the lane: the
assessment with its instrument and history, after a save, a finalisation or a revision."""

from dataclasses import dataclass
from typing import Any

from consultant_app.errors import Problem
from consultant_app.risk import (
    Assessment,
    AssessmentContent,
    HistoryEntry,
    Instrument,
    default_library,
    finalise_assessment,
    get_assessment,
    history,
    problems_before_finalising,
    revise_assessment,
    save_draft,
)


@dataclass(frozen=True)
class Loaded:
    assessment: Assessment
    instrument: Instrument
    history: list[HistoryEntry]


def load(session: Any, assessment_id: int) -> Loaded:
    a = get_assessment(session, assessment_id)
    instrument = default_library().get(a.instrument_id, a.instrument_version)
    return Loaded(a, instrument, history(session, a.inquiry_id, instrument_id=a.instrument_id))


def save_and_load(session: Any, assessment_id: int, content: AssessmentContent) -> Loaded:
    save_draft(session, assessment_id, content)
    return load(session, assessment_id)


def save_and_check(
    session: Any, assessment_id: int, content: AssessmentContent
) -> tuple[Loaded, list[Problem]]:
    save_draft(session, assessment_id, content)
    return load(session, assessment_id), problems_before_finalising(session, assessment_id)


def finalise_and_load(session: Any, assessment_id: int) -> Loaded:
    finalise_assessment(session, assessment_id)
    return load(session, assessment_id)


def revise_and_load(session: Any, assessment_id: int) -> Loaded:
    return load(session, revise_assessment(session, assessment_id).id)
