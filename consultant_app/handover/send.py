"""Hand a case to a colleague: one encrypted file, and the case here marked handed over.

In one transaction: the case is marked (to whom, when: read-only here from then on, and
offered for erasure), the audit says so, and the file is written (owner-only, atomically).
If the file cannot be written, the mark is rolled back with everything else.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from consultant_app.domain import Inquiry, Profile
from consultant_app.domain.lifecycle_guard import lifecycle_change
from consultant_app.errors import CaseErasedError, CaseHandedOverError, NotFoundError
from consultant_app.files import write_private
from consultant_app.handover import case_file, envelope
from consultant_app.handover.keys import colleague_public_key, fingerprint, key_line, own_private_key
from consultant_app.i18n import Text
from consultant_app.services.case_ref import find_case
from consultant_app.storage import audit

PROFILE = Text(da="Profilen", en="The profile")
OLDER_BACKUPS = (
    "Ældre sikkerhedskopier af boksen indeholder stadig sagen, indtil de udskiftes efter "
    "organisationens regler for sikkerhedskopier."
)


@dataclass(frozen=True)
class HandedOver:
    case_code: str
    to: str
    to_fingerprint: str
    path: Path


def origin_of(inquiry: Inquiry, profile: Profile) -> dict:
    """Where the case was registered: kept through every hand-over, so it is counted once."""
    if inquiry.origin_submitter is not None:
        return {"submitter": inquiry.origin_submitter, "id": inquiry.origin_id, "code": inquiry.origin_code}
    return {"submitter": profile.submitter_id, "id": inquiry.id, "code": inquiry.case_code}


def handover_payload(session: Session, inquiry: Inquiry, to_name: str, to_key: bytes) -> dict:
    profile = session.get(Profile, 1)
    if profile is None:  # every vault is made with its profile
        raise NotFoundError(what=PROFILE.render(), id=1)
    own = own_private_key(session)
    return {
        "schema": case_file.SCHEMA,
        "version": case_file.SCHEMA_VERSION,
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "sender": {"name": profile.name, "public_key": key_line(bytes(own.public_key))},
        "recipient": {"name": to_name, "public_key": key_line(to_key)},
        "case": case_file.case_payload(session, inquiry, origin_of(inquiry, profile)),
    }


def hand_over(session: Session, case: str, to: str, output: Path | str) -> HandedOver:
    inquiry = find_case(session, case)
    if inquiry.erased_at is not None:
        raise CaseErasedError(case=inquiry.case_code)
    if inquiry.handed_over_at is not None:
        raise CaseHandedOverError(case=inquiry.case_code, to=inquiry.handed_over_to)
    name, public = colleague_public_key(session, to)
    payload = handover_payload(session, inquiry, name, bytes(public))
    sealed = envelope.seal(payload, own_private_key(session), public)
    with lifecycle_change(session):
        inquiry.handed_over_to = name
        inquiry.handed_over_at = datetime.now().replace(microsecond=0)  # local, like received_at
        session.flush()
    audit.record(session, "handover", "inquiry", inquiry.id, f"to:{fingerprint(bytes(public))}")
    session.flush()
    path = Path(output)
    write_private(path, sealed)
    return HandedOver(inquiry.case_code, name, fingerprint(bytes(public)), path)
