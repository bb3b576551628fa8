"""A whole case as plain data (docs/handover.md, schema version 1), and its reading back.

Fields are the tables' own columns by name, so the file says what the vault says. Columns that
only make sense inside one vault are left out: row ids and foreign keys (replaced by the
references "p1", "r1", "m1" inside the file), and the hand-over and erasure marks. A value is
JSON's own (text, whole number, true/false, null), a date 'YYYY-MM-DD', a time ISO 8601.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, select
from sqlalchemy.orm import Session

from consultant_app.domain import (
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    Note,
    Professional,
    RiskAssessment,
    RiskMeasure,
    RiskRating,
)
from consultant_app.handover.errors import BAD_CONTENT, HandoverFileError

SCHEMA = "consultant-app/handover-case"
SCHEMA_VERSION = 1

# Columns never carried: ids and keys of this vault, and marks that belong to this vault only.
LOCAL_ONLY = frozenset(
    {
        "id",
        "inquiry_id",
        "professional_id",
        "citizen_id",
        "assessment_id",
        "previous_id",
        "risk_measure_id",
        "risk_assessment_id",
        "email_normalised",
        "origin_submitter",
        "origin_id",
        "origin_code",
        "taken_over_at",
        "handed_over_to",
        "handed_over_at",
        "erased_at",
    }
)
MODELS = {
    "inquiry": Inquiry,
    "citizen": Citizen,
    "professional": Professional,
    "contact": Contact,
    "note": Note,
    "risk_assessment": RiskAssessment,
    "risk_rating": RiskRating,
    "risk_measure": RiskMeasure,
    "follow_up": FollowUp,
}


def carried_columns(model) -> list[str]:
    return [c.name for c in model.__table__.columns if c.name not in LOCAL_ONLY]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _fields(obj) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in carried_columns(type(obj))}


def case_payload(session: Session, inquiry: Inquiry, origin: dict[str, Any]) -> dict[str, Any]:
    """The case's part of the file: everything in it, with references instead of ids."""
    professionals: dict[int, str] = {}

    def professional_ref(professional_id: int | None) -> str | None:
        if professional_id is None:
            return None
        return professionals.setdefault(professional_id, f"p{len(professionals) + 1}")

    intake = professional_ref(inquiry.professional_id)
    contacts = [
        {"professional": professional_ref(c.professional_id), **_fields(c)}
        for c in sorted(inquiry.contacts, key=lambda c: (c.occurred_at, c.id))
    ]
    assessments = session.scalars(
        select(RiskAssessment).where(RiskAssessment.inquiry_id == inquiry.id).order_by(RiskAssessment.id)
    ).all()
    assessment_refs = {a.id: f"r{n}" for n, a in enumerate(assessments, 1)}
    measure_refs: dict[int, str] = {}
    risk = []
    for a in assessments:
        measures = []
        for m in a.measures:
            measure_refs[m.id] = f"m{len(measure_refs) + 1}"
            measures.append({"ref": measure_refs[m.id], **_fields(m)})
        risk.append(
            {
                "ref": assessment_refs[a.id],
                "previous": assessment_refs.get(a.previous_id) if a.previous_id else None,
                **_fields(a),
                "ratings": [_fields(r) for r in a.ratings],
                "measures": measures,
            }
        )
    follow_ups = [
        {
            "risk_assessment": assessment_refs.get(f.risk_assessment_id) if f.risk_assessment_id else None,
            "risk_measure": measure_refs.get(f.risk_measure_id) if f.risk_measure_id else None,
            **_fields(f),
        }
        for f in sorted(inquiry.follow_ups, key=lambda f: (f.due_on, f.id))
    ]
    people = {ref: _fields(session.get(Professional, pid)) for pid, ref in professionals.items()}
    return {
        "origin": origin,
        "inquiry": _fields(inquiry),
        "reasons": inquiry.reason_codes,
        "advice": inquiry.advice_codes,
        "citizen": _fields(inquiry.citizen) if inquiry.citizen is not None else None,
        "intake_professional": intake,
        "professionals": people,
        "contacts": contacts,
        "notes": [_fields(n) for n in inquiry.case_notes],
        "risk_assessments": risk,
        "follow_ups": follow_ups,
    }


# --- reading back: every value checked against its column's type ---------------------------


def bad(detail: str) -> HandoverFileError:
    return HandoverFileError(reason=BAD_CONTENT.render(detail=detail))


def row_values(model, data: Any, where: str) -> dict[str, Any]:
    """The columns of `model` from a file object, typed; `HandoverFileError` on anything odd."""
    if not isinstance(data, dict):
        raise bad(where)
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        name = column.name
        if name in LOCAL_ONLY:
            continue
        value = data.get(name)
        if value is None:
            if not column.nullable and column.default is None and column.server_default is None:
                raise bad(f"{where}.{name}")
            if value is None and name in data:
                values[name] = None
            continue
        values[name] = _typed(column.type, value, f"{where}.{name}")
    return values


def _typed(kind, value: Any, where: str) -> Any:
    try:
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(_text(value))
        if isinstance(kind, Date):
            return date.fromisoformat(_text(value))
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            return value
        text = _text(value)
        length = getattr(kind, "length", None)
        if length is not None and len(text) > length:
            raise ValueError
        return text
    except (TypeError, ValueError):
        raise bad(where) from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value
