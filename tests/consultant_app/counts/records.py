"""Synthetic inquiries written with bulk inserts, and blocks written out by hand."""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, insert, select

from consultant_app.counts.blocks import CATEGORIES, category_codes
from consultant_app.domain import Inquiry, InquiryAdvice, InquiryReason


@dataclass(frozen=True)
class Record:
    received_at: datetime
    region: str = "midtjylland"
    inquirer_type: str = "kommune"
    channel: str = "telefon"
    kind: str = "enkelt"
    age: str = "voksen"
    trip: str = "ingen"
    closed_on: date | None = None
    reasons: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


def add_records(session, records) -> None:
    """Bulk insert (Core executemany): no ORM objects, so hundreds take milliseconds."""
    records = list(records)
    if not records:
        return
    first_id = (session.scalar(select(func.max(Inquiry.id))) or 0) + 1
    rows, reasons, advice = [], [], []
    for offset, r in enumerate(records):
        iid = first_id + offset
        rows.append(
            {
                "id": iid,
                "received_at": r.received_at,
                "consultant": "Test",
                "region": r.region,
                "inquirer_type": r.inquirer_type,
                "channel": r.channel,
                "citizen_age_group": r.age,
                "consent": "anonym",
                "trip_concern": r.trip,
                "kind": r.kind,
                "closed_on": r.closed_on,
                **r.extra,
            }
        )
        reasons += [{"inquiry_id": iid, "code": c} for c in r.reasons]
        advice += [{"inquiry_id": iid, "code": c} for c in r.advice]
    session.execute(insert(Inquiry.__table__), rows)
    if reasons:
        session.execute(insert(InquiryReason.__table__), reasons)
    if advice:
        session.execute(insert(InquiryAdvice.__table__), advice)


def block(inquiries=0, active=0, **categories) -> dict:
    """A block as JSON, every code zero unless given: block(2, by_kind={"enkelt": 2})."""
    data = {"inquiries": inquiries}
    for category in CATEGORIES:
        data[category] = {**dict.fromkeys(category_codes(category), 0), **categories.get(category, {})}
    data["active_courses_end"] = active
    return data
