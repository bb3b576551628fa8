"""Reading the audit trail: newest first, a page at a time, filtered by record, action and period.

Plain rows for the desktop's audit view and the subject-access report. A case (an inquiry) is
more than its own row: `records_of_inquiries` names the contacts, notes, follow-ups and risk
assessments in it, so "the log of case 2024-00042" shows what happened to all of them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from consultant_app.domain import (
    AuditEvent,
    Contact,
    Draft,
    FollowUp,
    Inquiry,
    Note,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
)
from consultant_app.domain.case_code import case_code
from consultant_app.i18n import Text

PAGE_SIZE = 200

ACTION_LABELS = {
    "create": Text(da="Oprettet", en="Created"),
    "update": Text(da="Ændret", en="Changed"),
    "delete": Text(da="Slettet", en="Deleted"),
    "view": Text(da="Vist", en="Viewed"),
    "export": Text(da="Eksporteret", en="Exported"),
    "print": Text(da="Udskrevet", en="Printed"),
    "import": Text(da="Importeret", en="Imported"),
    "backup": Text(da="Sikkerhedskopieret", en="Backed up"),
    "restore": Text(da="Gendannet", en="Restored"),
    "rekey": Text(da="Adgangskode skiftet", en="Passphrase changed"),
    "unlock": Text(da="Låst op", en="Unlocked"),
    "handover": Text(da="Overdraget", en="Handed over"),
    "receive": Text(da="Modtaget", en="Received"),
    "erase": Text(da="Slettet helt", en="Erased"),
}
# Every table the session hook can name (a test keeps this list complete).
ENTITY_LABELS = {
    "inquiry": Text(da="Henvendelse", en="Inquiry"),
    "contact": Text(da="Kontakt", en="Contact"),
    "note": Text(da="Notat", en="Note"),
    "follow_up": Text(da="Opfølgning", en="Follow-up"),
    "risk_assessment": Text(da="Risikovurdering", en="Risk assessment"),
    "risk_rating": Text(da="Risikovurdering, faktor", en="Risk assessment, factor"),
    "risk_measure": Text(da="Sikkerhedstiltag", en="Safety measure"),
    "citizen": Text(da="Borger", en="Citizen"),
    "professional": Text(da="Fagperson", en="Professional"),
    "survey_campaign": Text(da="Spørgeskemakampagne", en="Survey campaign"),
    "survey_dispatch": Text(da="Spørgeskemalink", en="Survey link"),
    "survey_response_count": Text(da="Besvarelser", en="Responses"),
    "outbox_package": Text(da="Optællingspakke", en="Count package"),
    "profile": Text(da="Profil", en="Profile"),
    "smtp_settings": Text(da="Mailserver", en="Mail server"),
    "sync_settings": Text(da="Synkronisering til SIRI", en="Sync to SIRI"),
    "backup_settings": Text(da="Automatisk sikkerhedskopi", en="Automatic backup"),
    "vault_key": Text(da="Boksens nøgle", en="Vault key"),
    "colleague_key": Text(da="Kollegas nøgle", en="Colleague's key"),
    "draft": Text(da="Kladde", en="Draft"),
}
# The parts of a case, each by the column that names its inquiry.
_CASE_PARTS = {
    "contact": (Contact.id, Contact.inquiry_id),
    "note": (Note.id, Note.inquiry_id),
    "follow_up": (FollowUp.id, FollowUp.inquiry_id),
    "risk_assessment": (RiskAssessment.id, RiskAssessment.inquiry_id),
    "draft": (Draft.id, Draft.inquiry_id),
}


@dataclass(frozen=True)
class AuditQuery:
    """What to show. `entity_id` without `entity` matches that id in any kind of record; an
    inquiry includes the parts of the case (`records_of_inquiries`). Days are local and
    inclusive."""

    entity: str | None = None
    entity_id: int | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # UTC, naive, as stored
    action: str
    entity: str | None
    entity_id: int | None
    detail: str | None  # field names, counts or a file kind; never a value
    case_code: str | None = None  # an inquiry's, when it still exists

    @property
    def local_at(self) -> datetime:
        return self.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def action_label(action: str, language: str | None = None) -> str:
    text = ACTION_LABELS.get(action)
    return text.render(language) if text else action


def entity_label(entity: str | None, language: str | None = None) -> str:
    if entity is None:
        return ""
    text = ENTITY_LABELS.get(entity)
    return text.render(language) if text else entity


def parse_record_id(text: str) -> int | None:
    """A record id as typed: "42", or a case code "2024-00042" (the id after the year)."""
    text = text.strip()
    year, dash, number = text.partition("-")
    if dash and len(year) == 4 and year.isdigit():
        text = number
    return int(text) if text.isdigit() and text.isascii() and int(text) > 0 else None


def case_code_of(session: Session, inquiry_id: int) -> str | None:
    """How the user knows a case ("2024-00042"), when it still exists."""
    received = session.scalar(select(Inquiry.received_at).where(Inquiry.id == inquiry_id))
    return case_code(received, inquiry_id) if received else None


def records_of_inquiries(session: Session, inquiry_ids: Iterable[int]) -> dict[str, set[int]]:
    """entity -> ids of the inquiries and every record stored in them now."""
    ids = set(inquiry_ids)
    records: dict[str, set[int]] = {"inquiry": ids}
    if not ids:
        return records
    for entity, (id_column, inquiry_column) in _CASE_PARTS.items():
        records[entity] = set(session.scalars(select(id_column).where(inquiry_column.in_(ids))))
    assessments = records["risk_assessment"]
    for entity, model in (("risk_rating", RiskRating), ("risk_measure", RiskMeasure)):
        found = select(model.id).where(model.assessment_id.in_(assessments)) if assessments else None
        records[entity] = set(session.scalars(found)) if found is not None else set()
    return records


def about_records(records: dict[str, set[int]]) -> ColumnElement[bool]:
    """Events on any of the records (entity -> ids)."""
    clauses = [
        and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(sorted(ids)))
        for entity, ids in records.items()
        if ids
    ]
    return or_(*clauses) if clauses else false()


def audit_page(
    session: Session, query: AuditQuery, *, before_id: int | None = None, limit: int = PAGE_SIZE
) -> list[AuditRow]:
    """Up to `limit` events, newest first, older than `before_id` when given (the next page)."""
    statement = select(AuditEvent).where(*_conditions(session, query)).order_by(AuditEvent.id.desc())
    if before_id is not None:
        statement = statement.where(AuditEvent.id < before_id)
    events = session.scalars(statement.limit(limit)).all()
    inquiry_ids = {e.entity_id for e in events if e.entity == "inquiry" and e.entity_id is not None}
    received = (
        dict(
            session.execute(select(Inquiry.id, Inquiry.received_at).where(Inquiry.id.in_(inquiry_ids))).all()
        )
        if inquiry_ids
        else {}
    )
    return [
        AuditRow(
            e.id,
            e.at,
            e.action,
            e.entity,
            e.entity_id,
            e.detail,
            case_code(received[e.entity_id], e.entity_id)
            if e.entity_id in received and e.entity == "inquiry"
            else None,
        )
        for e in events
    ]


def audit_count(session: Session, query: AuditQuery) -> int:
    return (
        session.scalar(select(func.count()).select_from(AuditEvent).where(*_conditions(session, query))) or 0
    )


def _conditions(session: Session, query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions = []
    if query.entity == "inquiry" and query.entity_id is not None:
        conditions.append(about_records(records_of_inquiries(session, [query.entity_id])))
    else:
        if query.entity is not None:
            conditions.append(AuditEvent.entity == query.entity)
        if query.entity_id is not None:
            conditions.append(AuditEvent.entity_id == query.entity_id)
    if query.action is not None:
        conditions.append(AuditEvent.action == query.action)
    if query.since is not None:
        conditions.append(AuditEvent.at >= utc_start_of(query.since))
    if query.until is not None:
        conditions.append(AuditEvent.at < utc_start_of(query.until + timedelta(days=1)))
    return conditions


def utc_start_of(day: date) -> datetime:
    """The moment a local day begins, as the naive UTC the log stores."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)
