"""Erasure that is real (docs/retention.md): a case's personal data deleted from the vault file,
an anonymous statistical row kept so every count stays as it was.

In one transaction, with secure delete on: the case's notes, contacts, follow-ups, risk
assessments (with ratings and measures) and drafts (input kept at lock) are deleted; the
citizen is deleted unless another case still refers to them; the inquiry row keeps only what the counts read (counts.md) with
its dates moved to the first of their month, and loses every free text, the references and
the links to people. The audit gains one line — case X erased, when, by whom (the vault's
owner), why (a reason code, never free text) — and older lines about the deleted records keep
only the case code. Then the file is compacted (purge.py).

Statements go straight to the connection (SQL, not ORM objects): the session's guards for
finalised risk assessments and closed-off cases protect ordinary editing, and erasure is the
one path that must pass them.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from consultant_app.domain import (
    AuditEvent,
    Citizen,
    Contact,
    Draft,
    FollowUp,
    Inquiry,
    Note,
    Profile,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
)
from consultant_app.domain.base import utcnow
from consultant_app.errors import CaseErasedError, ConsultantAppError, NotFoundError
from consultant_app.i18n import Text
from consultant_app.retention.purge import compact, rebuild_search_index, secure_delete_on
from consultant_app.services.audit_log import records_of_inquiries
from consultant_app.services.case_ref import find_case
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault

REASONS = {
    "retention": Text(da="opbevaringsperioden er udløbet", en="the retention period has ended"),
    "handed_over": Text(da="sagen er overdraget", en="the case was handed over"),
    "citizen_request": Text(
        da="borgerens anmodning om sletning (art. 17)", en="the citizen's request for erasure (art. 17)"
    ),
    "not_needed": Text(da="oplysningerne er ikke længere nødvendige", en="the data is no longer needed"),
}
OLDER_BACKUPS = Text(
    da="Ældre sikkerhedskopier af boksen indeholder stadig oplysningerne, indtil de udskiftes efter "
    "organisationens regler for sikkerhedskopier.",
    en="Older backups of the vault still hold the data until they are rotated out under the "
    "organisation's backup rules.",
)


class ErasureReasonError(ConsultantAppError):
    text = Text(
        da="Ukendt begrundelse for sletning: {reason} (brug en af: {known}).",
        en="Unknown reason for erasure: {reason} (use one of: {known}).",
    )


CITIZEN = Text(da="Borgeren", en="The citizen")


@dataclass(frozen=True)
class Erased:
    case_codes: tuple[str, ...]


def erase_case(vault: Vault, case: str, reason: str) -> Erased:
    """Erase one case (by case code or external reference) and compact the file."""
    _check_reason(reason)
    with vault.session() as session:
        secure_delete_on(session.connection())
        code = erase_in_session(session, find_case(session, case), reason)
        rebuild_search_index(session.connection())
    compact(vault)
    return Erased((code,))


def erase_citizen(vault: Vault, citizen_id: int, reason: str = "citizen_request") -> Erased:
    """Erase every case about one citizen, and the citizen (GDPR art. 17)."""
    _check_reason(reason)
    with vault.session() as session:
        if session.get(Citizen, citizen_id) is None:
            raise NotFoundError(what=CITIZEN.render(), id=citizen_id)
        secure_delete_on(session.connection())
        cases = session.scalars(select(Inquiry).where(Inquiry.citizen_id == citizen_id).order_by(Inquiry.id))
        codes = tuple(erase_in_session(session, inquiry, reason) for inquiry in cases.all())
        _delete_citizen(session, citizen_id, None)
        rebuild_search_index(session.connection())
    compact(vault)
    return Erased(codes)


def _check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise ErasureReasonError(reason=reason, known=", ".join(REASONS))


def _month_start(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return value.replace(day=1)


def erase_in_session(session: Session, inquiry: Inquiry, reason: str) -> str:
    if inquiry.erased_at is not None:
        raise CaseErasedError(case=inquiry.case_code)
    code, inquiry_id, citizen_id = inquiry.case_code, inquiry.id, inquiry.citizen_id
    records = records_of_inquiries(session, [inquiry_id])
    connection = session.connection()
    assessments = select(RiskAssessment.id).where(RiskAssessment.inquiry_id == inquiry_id)
    connection.execute(delete(FollowUp).where(FollowUp.inquiry_id == inquiry_id))
    connection.execute(delete(RiskRating).where(RiskRating.assessment_id.in_(assessments)))
    connection.execute(delete(RiskMeasure).where(RiskMeasure.assessment_id.in_(assessments)))
    connection.execute(
        update(RiskAssessment).where(RiskAssessment.inquiry_id == inquiry_id).values(previous_id=None)
    )
    connection.execute(delete(RiskAssessment).where(RiskAssessment.inquiry_id == inquiry_id))
    connection.execute(delete(Note).where(Note.inquiry_id == inquiry_id))
    connection.execute(delete(Contact).where(Contact.inquiry_id == inquiry_id))
    connection.execute(delete(Draft).where(Draft.inquiry_id == inquiry_id))  # unsaved input
    now = utcnow()
    month = _month_start(inquiry.received_at)
    # The anonymous statistical row: what counts.md reads, and nothing finer than a month.
    connection.execute(
        update(Inquiry)
        .where(Inquiry.id == inquiry_id)
        .values(
            external_ref=None,
            received_at=month,
            consultant="",
            municipality_code=None,
            municipal_department=None,
            inquirer_other_note=None,
            professional_id=None,
            citizen_id=None,
            citizen_gender=None,
            closed_on=_month_start(inquiry.closed_on),
            closing_reason=None,
            notes=None,
            taken_over_at=_month_start(inquiry.taken_over_at),
            handed_over_to=None,
            handed_over_at=_month_start(inquiry.handed_over_at),
            erased_at=now,
            created_at=month,
            updated_at=month,
        )
    )
    if citizen_id is not None:
        _delete_citizen(session, citizen_id, code)
    _keep_only_the_code(session, records, code)
    session.expire_all()  # the ORM's copies of the deleted rows must not be flushed back
    owner = session.scalar(select(Profile.name).where(Profile.id == 1)) or ""
    audit.record(session, "erase", "inquiry", inquiry_id, f"case:{code};reason:{reason};by:{owner}"[:500])
    session.flush()
    return code


def _delete_citizen(session: Session, citizen_id: int, code: str | None) -> None:
    """Delete the citizen unless another case still refers to them."""
    connection = session.connection()
    others = connection.scalar(select(func.count()).where(Inquiry.citizen_id == citizen_id))
    if others:
        return
    connection.execute(delete(Citizen).where(Citizen.id == citizen_id))
    connection.execute(
        update(AuditEvent)
        .where(AuditEvent.entity == "citizen", AuditEvent.entity_id == citizen_id)
        .values(entity_id=None, detail=f"case:{code}" if code else None)
    )


def _keep_only_the_code(session: Session, records: dict[str, set[int]], code: str) -> None:
    """Older audit lines about the deleted records of the case: only the case code is left."""
    connection = session.connection()
    for entity, ids in records.items():
        if entity == "inquiry" or not ids:
            continue
        connection.execute(
            update(AuditEvent)
            .where(AuditEvent.entity == entity, AuditEvent.entity_id.in_(sorted(ids)))
            .values(entity_id=None, detail=f"case:{code}")
        )
