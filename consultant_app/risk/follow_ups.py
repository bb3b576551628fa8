"""What finalising an assessment puts on the consultant's agenda (domain.md, "Follow-up").

- the next review date becomes a follow-up of type `revurdering`;
- each measure with a deadline becomes a follow-up of the measure's type (`koordinering`
  unless the measure says otherwise), its note naming the action and who is responsible;
- for a revision, the previous assessment's open review is done (this is that review), and an
  open follow-up of a previous measure that the revision keeps unchanged (same action,
  responsible actor and deadline) moves to the new measure instead of being doubled.

Follow-ups are not part of the assessment: the consultant edits and ticks them off freely.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import FollowUp, RiskAssessment, RiskMeasure

REVIEW = "revurdering"
MEASURE_DEFAULT = "koordinering"
NOTE_LIMIT = 1000


def on_finalised(
    session: Session, assessment: RiskAssessment, now: datetime
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Make the follow-ups; returns the ids of those made and of those closed."""
    made: list[FollowUp] = []
    closed: list[FollowUp] = []
    kept: dict[tuple, FollowUp] = {}
    if assessment.previous_id is not None:
        for follow_up, measure in _open_follow_ups_of(session, assessment.previous_id):
            if measure is None and follow_up.type == REVIEW and follow_up.risk_measure_id is None:
                follow_up.done_at = now
                closed.append(follow_up)
            elif measure is not None:
                kept.setdefault(_same(measure), follow_up)
    if assessment.next_review_on is not None:
        made.append(
            FollowUp(
                inquiry_id=assessment.inquiry_id,
                type=REVIEW,
                due_on=assessment.next_review_on,
                risk_assessment_id=assessment.id,
            )
        )
    for measure in assessment.measures:
        if measure.deadline is None:
            continue
        carried = kept.pop(_same(measure), None)
        if carried is not None:
            carried.risk_measure_id = measure.id
            carried.risk_assessment_id = assessment.id
            continue
        made.append(
            FollowUp(
                inquiry_id=assessment.inquiry_id,
                type=measure.follow_up_type or MEASURE_DEFAULT,
                due_on=measure.deadline,
                note=_note(measure),
                risk_assessment_id=assessment.id,
                risk_measure_id=measure.id,
            )
        )
    session.add_all(made)
    session.flush()
    return tuple(f.id for f in made), tuple(f.id for f in closed)


def _open_follow_ups_of(session: Session, assessment_id: int) -> list[tuple[FollowUp, RiskMeasure | None]]:
    query = (
        select(FollowUp, RiskMeasure)
        .outerjoin(RiskMeasure, RiskMeasure.id == FollowUp.risk_measure_id)
        .where(FollowUp.risk_assessment_id == assessment_id, FollowUp.done_at.is_(None))
        .order_by(FollowUp.id)
    )
    return [(f, m) for f, m in session.execute(query).all()]


def _same(measure: RiskMeasure) -> tuple:
    return (measure.action.strip().casefold(), measure.responsible.strip().casefold(), measure.deadline)


def _note(measure: RiskMeasure) -> str:
    note = f"{measure.action} – {measure.responsible}" if measure.responsible else measure.action
    return note[:NOTE_LIMIT]
