"""Receive a case from a colleague: see who sent it and what it holds, then import it whole.

`open_handover` decrypts and checks the file and says who sent it (their name in this vault's
keys, or unknown) without changing anything. `receive` imports it in the caller's one
transaction: any problem raises, and the session's rollback leaves the vault as it was. A case
already held (the same origin vault and id) adds nothing. Professionals already in the vault
are matched by normalised e-mail; others are added.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.domain import (
    Base,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    InquiryAdvice,
    InquiryReason,
    Note,
    Professional,
    Profile,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
    normalise_email,
)
from consultant_app.domain.case_code import case_code
from consultant_app.handover import case_file, envelope
from consultant_app.handover.case_file import bad, row_values
from consultant_app.handover.errors import (
    NOT_A_HANDOVER,
    TOO_NEW,
    UNREADABLE,
    HandoverFileError,
    UnknownSenderError,
)
from consultant_app.handover.keys import colleague_named_by_key, fingerprint, own_private_key
from consultant_app.storage import audit

# Inquiry column -> its code list: a received code must be one this program knows.
CODED = {
    "region": "region",
    "inquirer_type": "inquirer_type",
    "channel": "channel",
    "citizen_age_group": "age_group",
    "consent": "consent",
    "trip_concern": "trip_concern",
    "kind": "kind",
}
OPTIONAL_CODED = {
    "municipal_department": "municipal_department",
    "citizen_gender": "gender",
    "closing_reason": "closing_reason",
}


@dataclass(frozen=True)
class Incoming:
    sender_name: str  # as the sender's file says
    sender_fingerprint: str
    known_as: str | None  # the name in this vault's colleague keys, or None: unknown sender
    origin_code: str
    already_held: bool
    notes: int
    contacts: int
    follow_ups: int
    risk_assessments: int
    has_citizen: bool
    payload: dict[str, Any]


@dataclass(frozen=True)
class Received:
    case_code: str
    inquiry_id: int
    added: bool  # False: the case was already held, nothing was added


# A whole case with years of notes is a few hundred KiB; anything far larger is not a handover.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_handover_file(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise HandoverFileError(reason=UNREADABLE.render(detail=exc.strerror or type(exc).__name__)) from None
    if len(data) > MAX_FILE_BYTES:
        raise HandoverFileError(reason=NOT_A_HANDOVER.render())
    return data


def open_handover(session: Session, data: bytes) -> Incoming:
    opened = envelope.open_sealed(data, own_private_key(session))
    payload = opened.payload
    if payload.get("schema") != case_file.SCHEMA:
        raise bad("schema")
    if not isinstance(payload.get("version"), int) or payload["version"] > case_file.SCHEMA_VERSION:
        raise HandoverFileError(reason=TOO_NEW.render())
    case = payload.get("case")
    if not isinstance(case, dict) or not isinstance(case.get("origin"), dict):
        raise bad("case")
    origin = case["origin"]
    if not isinstance(origin.get("submitter"), str) or not isinstance(origin.get("id"), int):
        raise bad("case.origin")
    lists: dict[str, list[Any]] = {}
    for name in ("notes", "contacts", "follow_ups", "risk_assessments"):
        found = case.get(name)
        if not isinstance(found, list):
            raise bad("case")
        lists[name] = found
    return Incoming(
        sender_name=str(payload["sender"].get("name", "")),
        sender_fingerprint=fingerprint(opened.sender_key),
        known_as=colleague_named_by_key(session, opened.sender_key),
        origin_code=str(origin.get("code", "")),
        already_held=_held(session, origin) is not None,
        notes=len(lists["notes"]),
        contacts=len(lists["contacts"]),
        follow_ups=len(lists["follow_ups"]),
        risk_assessments=len(lists["risk_assessments"]),
        has_citizen=case.get("citizen") is not None,
        payload=payload,
    )


def _held(session: Session, origin: dict) -> int | None:
    own = session.scalar(select(Profile.submitter_id).where(Profile.id == 1))
    if origin["submitter"] == own:  # a case of ours, come back: we hold it already
        return session.scalar(
            select(Inquiry.id).where(Inquiry.id == origin["id"], Inquiry.origin_submitter.is_(None))
        )
    return session.scalar(
        select(Inquiry.id).where(
            Inquiry.origin_submitter == origin["submitter"], Inquiry.origin_id == origin["id"]
        )
    )


def receive(session: Session, incoming: Incoming, *, confirm_unknown_sender: bool = False) -> Received:
    if incoming.known_as is None and not confirm_unknown_sender:
        raise UnknownSenderError(fingerprint=incoming.sender_fingerprint)
    case = incoming.payload["case"]
    held = _held(session, case["origin"])
    if held is not None:
        return Received(_case_code(session, held), held, added=False)
    inquiry_id = _import_case(session, case)
    audit.record(session, "receive", "inquiry", inquiry_id, f"from:{incoming.sender_fingerprint}")
    return Received(_case_code(session, inquiry_id), inquiry_id, added=True)


def _case_code(session: Session, inquiry_id: int) -> str:
    received_at = session.execute(select(Inquiry.received_at).where(Inquiry.id == inquiry_id)).scalar_one()
    return case_code(received_at, inquiry_id)


def _table(model: type[Base]) -> Table:
    table = model.__table__  # declared as any FromClause; a plain declarative model maps a Table
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


def _insert(session: Session, model: type[Base], values: dict[str, Any]) -> int:
    table = _table(model)
    return session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()


def _import_case(session: Session, case: dict[str, Any]) -> int:
    codes = load_codes()
    origin = case["origin"]
    professionals = _professionals(session, case.get("professionals") or {})

    def professional(ref: Any, where: str, required: bool = False) -> int | None:
        if ref is None and not required:
            return None
        if ref not in professionals:
            raise bad(where)
        return professionals[ref]

    inquiry = row_values(Inquiry, case.get("inquiry"), "inquiry")
    for column, list_name in CODED.items():
        if inquiry.get(column) not in codes[list_name]:
            raise bad(f"inquiry.{column}")
    for column, list_name in OPTIONAL_CODED.items():
        if inquiry.get(column) is not None and inquiry[column] not in codes[list_name]:
            raise bad(f"inquiry.{column}")
    ref = inquiry.get("external_ref")
    if ref and session.scalar(select(Inquiry.id).where(Inquiry.external_ref == ref)) is not None:
        inquiry["external_ref"] = None  # another case here has that reference; the origin code stays
    citizen_id = None
    if case.get("citizen") is not None:
        citizen_id = _insert(session, Citizen, row_values(Citizen, case["citizen"], "citizen"))
    inquiry_id = _insert(
        session,
        Inquiry,
        {
            **inquiry,
            "citizen_id": citizen_id,
            "professional_id": professional(case.get("intake_professional"), "intake_professional"),
            "origin_submitter": origin["submitter"],
            "origin_id": origin["id"],
            "origin_code": str(origin.get("code") or "")[:16] or None,
            "taken_over_at": datetime.now().replace(microsecond=0),
        },
    )
    for list_name, model in (("reasons", InquiryReason), ("advice", InquiryAdvice)):
        known = codes["reason" if list_name == "reasons" else "advice_type"]
        found = case.get(list_name) or []
        if not isinstance(found, list) or any(c not in known for c in found):
            raise bad(list_name)
        for code in dict.fromkeys(found):
            session.execute(insert(_table(model)).values(inquiry_id=inquiry_id, code=code))
    for n, contact in enumerate(case["contacts"]):
        values = row_values(Contact, contact, f"contacts[{n}]")
        values["professional_id"] = professional(contact.get("professional"), f"contacts[{n}]", True)
        if values.get("channel") not in codes["channel"]:
            raise bad(f"contacts[{n}].channel")
        _insert(session, Contact, {**values, "inquiry_id": inquiry_id})
    for n, note in enumerate(case["notes"]):
        _insert(session, Note, {**row_values(Note, note, f"notes[{n}]"), "inquiry_id": inquiry_id})
    assessments, measures = _risk(session, case["risk_assessments"], inquiry_id)
    for n, item in enumerate(case["follow_ups"]):
        values = row_values(FollowUp, item, f"follow_ups[{n}]")
        if values.get("type") not in codes["follow_up_type"]:
            raise bad(f"follow_ups[{n}].type")
        values["risk_assessment_id"] = _ref(assessments, item.get("risk_assessment"), f"follow_ups[{n}]")
        values["risk_measure_id"] = _ref(measures, item.get("risk_measure"), f"follow_ups[{n}]")
        _insert(session, FollowUp, {**values, "inquiry_id": inquiry_id})
    return inquiry_id


def _ref(ids: dict[str, int], ref: Any, where: str) -> int | None:
    if ref is None:
        return None
    if ref not in ids:
        raise bad(where)
    return ids[ref]


def _professionals(session: Session, people: Any) -> dict[str, int]:
    """File reference -> professional id here: the one with the same normalised e-mail, or new."""
    if not isinstance(people, dict):
        raise bad("professionals")
    found: dict[str, int] = {}
    for ref, data in people.items():
        values = row_values(Professional, data, f"professionals.{ref}")
        email = normalise_email(values.get("email"))
        existing = (
            session.scalar(select(Professional.id).where(Professional.email_normalised == email).limit(1))
            if email
            else None
        )
        found[ref] = existing or _insert(session, Professional, {**values, "email_normalised": email})
    return found


def _risk(session: Session, items: list, inquiry_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """Assessments in their order (a successor after the one it follows), ratings and measures."""
    assessments: dict[str, int] = {}
    measures: dict[str, int] = {}
    for n, item in enumerate(items):
        where = f"risk_assessments[{n}]"
        values = row_values(RiskAssessment, item, where)
        values["previous_id"] = _ref(assessments, item.get("previous"), where)
        assessment_id = _insert(session, RiskAssessment, {**values, "inquiry_id": inquiry_id})
        if not isinstance(item.get("ref"), str):
            raise bad(where)
        assessments[item["ref"]] = assessment_id
        for k, rating in enumerate(item.get("ratings") or []):
            values = row_values(RiskRating, rating, f"{where}.ratings[{k}]")
            _insert(session, RiskRating, {**values, "assessment_id": assessment_id})
        for k, measure in enumerate(item.get("measures") or []):
            values = row_values(RiskMeasure, measure, f"{where}.measures[{k}]")
            measures[str(measure.get("ref"))] = _insert(
                session, RiskMeasure, {**values, "assessment_id": assessment_id}
            )
    return assessments, measures
