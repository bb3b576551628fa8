"""One case as plain data: what the inquiry says, and one timeline of everything that happened.

`view_case` is what a screen calls to show a case: it records the view in the audit trail
(every look at a case is accounted for) and returns frozen dataclasses, never ORM objects.
The timeline holds the intake, contacts, notes, follow-ups, risk assessments and the closing,
newest first (a follow-up by the day it comes up, so what is coming stands at the top).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Contact, FollowUp, Inquiry, Note, Professional, RiskAssessment
from consultant_app.errors import NotFoundError
from consultant_app.i18n import Text
from consultant_app.services import audit

INQUIRY = Text(da="Henvendelsen", en="The inquiry")

# Timeline entry kinds.
RECEIVED, CONTACT, NOTE, FOLLOW_UP, RISK, CLOSED = (
    "received",
    "contact",
    "note",
    "follow_up",
    "risk",
    "closed",
)
# Follow-up states.
DONE, OVERDUE, DUE, SNOOZED = "done", "overdue", "due", "snoozed"


@dataclass(frozen=True)
class CaseSummary:
    id: int
    case_code: str
    external_ref: str | None
    received_at: datetime
    consultant: str
    region: str
    municipality_code: str | None
    inquirer_type: str
    municipal_department: str | None
    inquirer_other_note: str | None
    channel: str
    citizen_pseudonym: str | None
    citizen_age_group: str
    citizen_gender: str | None
    consent: str
    trip_concern: str
    reasons: tuple[str, ...]
    advice_types: tuple[str, ...]
    kind: str
    closed_on: date | None
    closing_reason: str | None
    notes: str | None
    professional_name: str | None
    professional_email: str | None
    professional_organisation: str | None

    # Handed over to a colleague: read-only here (docs/handover.md).
    handed_over_to: str | None = None
    handed_over_at: datetime | None = None
    # Received from a colleague: the case code it has in the vault where it was registered.
    origin_code: str | None = None

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime  # local wall time; a day without a time is midnight
    kind: str  # RECEIVED, CONTACT, NOTE, FOLLOW_UP, RISK or CLOSED
    code: str | None = None  # contact channel, follow-up type, closing reason, risk level
    text: str | None = None  # summary, note, follow-up note
    who: str | None = None  # the professional of a contact
    state: str | None = None  # follow-up: DONE/OVERDUE/DUE/SNOOZED; risk: draft/finalised
    source_id: int | None = None


@dataclass(frozen=True)
class CaseView:
    summary: CaseSummary
    timeline: tuple[TimelineEntry, ...]


def view_case(session: Session, inquiry_id: int, *, today: date | None = None) -> CaseView:
    """The case for a screen; the view is recorded in the audit trail."""
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(what=INQUIRY.render(), id=inquiry_id)
    summary = _summary(inquiry)
    entries = _timeline(session, inquiry, today or date.today())
    audit.record(session, "view", "inquiry", inquiry_id)
    return CaseView(summary, entries)


def _summary(inquiry: Inquiry) -> CaseSummary:
    pro, citizen = inquiry.professional, inquiry.citizen
    return CaseSummary(
        handed_over_to=inquiry.handed_over_to,
        handed_over_at=inquiry.handed_over_at,
        origin_code=inquiry.origin_code if inquiry.origin_submitter else None,
        id=inquiry.id,
        case_code=inquiry.case_code,
        external_ref=inquiry.external_ref,
        received_at=inquiry.received_at,
        consultant=inquiry.consultant,
        region=inquiry.region,
        municipality_code=inquiry.municipality_code,
        inquirer_type=inquiry.inquirer_type,
        municipal_department=inquiry.municipal_department,
        inquirer_other_note=inquiry.inquirer_other_note,
        channel=inquiry.channel,
        citizen_pseudonym=citizen.pseudonym if citizen else None,
        citizen_age_group=inquiry.citizen_age_group,
        citizen_gender=inquiry.citizen_gender,
        consent=inquiry.consent,
        trip_concern=inquiry.trip_concern,
        reasons=tuple(inquiry.reason_codes),
        advice_types=tuple(inquiry.advice_codes),
        kind=inquiry.kind,
        closed_on=inquiry.closed_on,
        closing_reason=inquiry.closing_reason,
        notes=inquiry.notes,
        professional_name=pro.name if pro else None,
        professional_email=pro.email if pro else None,
        professional_organisation=pro.organisation_name if pro else None,
    )


def _timeline(session: Session, inquiry: Inquiry, today: date) -> tuple[TimelineEntry, ...]:
    entries = [TimelineEntry(inquiry.received_at, RECEIVED, inquiry.channel)]
    contacts = session.execute(
        select(Contact.id, Contact.occurred_at, Contact.channel, Contact.summary, Professional.name)
        .join(Professional, Professional.id == Contact.professional_id)
        .where(Contact.inquiry_id == inquiry.id, Contact.is_intake.is_(False))
    )
    entries += [
        TimelineEntry(c.occurred_at, CONTACT, c.channel, c.summary, c.name, None, c.id) for c in contacts
    ]
    notes = session.execute(select(Note.id, Note.created_at, Note.text).where(Note.inquiry_id == inquiry.id))
    entries += [TimelineEntry(_local(n.created_at), NOTE, None, n.text, source_id=n.id) for n in notes]
    follow_ups = session.scalars(select(FollowUp).where(FollowUp.inquiry_id == inquiry.id))
    entries += [
        TimelineEntry(_midnight(_comes_up(f)), FOLLOW_UP, f.type, f.note, None, _state(f, today), f.id)
        for f in follow_ups
    ]
    risks = session.execute(
        select(
            RiskAssessment.id,
            RiskAssessment.assessed_on,
            RiskAssessment.serious_violence,
            RiskAssessment.status,
        ).where(RiskAssessment.inquiry_id == inquiry.id)
    )
    entries += [
        TimelineEntry(_midnight(r.assessed_on), RISK, r.serious_violence, None, None, r.status, r.id)
        for r in risks
    ]
    if inquiry.closed_on is not None:
        entries.append(TimelineEntry(_midnight(inquiry.closed_on), CLOSED, inquiry.closing_reason))
    order = {RECEIVED: 0, CONTACT: 1, NOTE: 2, RISK: 3, FOLLOW_UP: 4, CLOSED: 5}
    return tuple(sorted(entries, key=lambda e: (e.at, order[e.kind], e.source_id or 0), reverse=True))


def _local(utc: datetime) -> datetime:
    """A stored UTC timestamp as the local wall time the other entries use."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _comes_up(follow_up: FollowUp) -> date:
    """The due date, or the end of a snooze that lasts beyond it."""
    snoozed = follow_up.snoozed_until if follow_up.done_at is None else None
    return max(follow_up.due_on, snoozed) if snoozed else follow_up.due_on


def _state(follow_up: FollowUp, today: date) -> str:
    if follow_up.done_at is not None:
        return DONE
    if follow_up.snoozed_until is not None and follow_up.snoozed_until > today:
        return SNOOZED
    return OVERDUE if follow_up.due_on < today else DUE
