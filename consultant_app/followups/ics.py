"""Follow-ups as an iCalendar file (RFC 5545) for the consultant's ordinary calendar.

A calendar is synchronised to phones and servers outside the vault, so each event carries ONLY
a neutral title with the case code: no name, no note, no case text, no type of follow-up. The
UID is a hash of the vault's random submitter id and the follow-up, so re-importing the file
updates the same events and the UID itself tells nothing.
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from consultant_app.domain import FollowUp, Profile
from consultant_app.errors import NotFoundError
from consultant_app.files import write_private
from consultant_app.followups.agenda import open_follow_ups
from consultant_app.followups.service import FOLLOW_UP, FollowUpRow
from consultant_app.i18n import Text
from consultant_app.interchange.csv_output import refuse_existing
from consultant_app.services import audit
from consultant_app.storage.vault import Vault

PRODID = "-//Sikkerhedskonsulenterne//consultant-app//DA"
MAX_OCTETS = 75  # per content line, CRLF excluded (RFC 5545, 3.1)
CRLF = "\r\n"
SUMMARY = Text(da="Opfølgning {case}", en="Follow-up {case}")
_UID_NAMESPACE = uuid.UUID("4b8e3c52-0f5e-4c1e-9a57-6f1d2f0c9a11")


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    on: date  # an all-day event
    summary: str


@dataclass(frozen=True)
class CalendarSummary:
    path: Path
    events: int


# --- RFC 5545 text ----------------------------------------------------------------------


def escape_text(value: str) -> str:
    """A TEXT value (3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character;
    each continuation line starts with one space (which counts towards its 75)."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def calendar_text(events: Iterable[CalendarEvent], stamp: datetime) -> str:
    """The whole VCALENDAR, CRLF line ends, every line folded. `stamp` is DTSTAMP (UTC)."""
    stamp_text = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{event.on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.on + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
            "CLASS:PRIVATE",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def event_uid(submitter_id: str, follow_up_id: int, created_at: datetime) -> str:
    key = f"{submitter_id}/follow_up/{follow_up_id}/{created_at.isoformat()}"
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@consultant-app"


def event_for(row: FollowUpRow, uid: str) -> CalendarEvent:
    """The neutral event of a follow-up: its case code and the day it comes up, nothing else."""
    return CalendarEvent(uid=uid, on=row.shows_on, summary=SUMMARY.render(case=row.case_code))


# --- the file ---------------------------------------------------------------------------


def export_calendar(
    vault: Vault,
    path: Path | str,
    *,
    follow_up_ids: Sequence[int] | None = None,
    due_before: date | None = None,
    overwrite: bool = False,
    now: datetime | None = None,
) -> CalendarSummary:
    """Write the chosen open follow-ups (all open ones when none are chosen, optionally only
    those due before `due_before`) as an .ics file. Done follow-ups are left out."""
    path = Path(path)
    refuse_existing(path, overwrite)
    with vault.session() as session:
        rows = open_follow_ups(session, due_before=due_before)
        if follow_up_ids is not None:
            wanted = set(follow_up_ids)
            missing = wanted - set(session.scalars(select(FollowUp.id).where(FollowUp.id.in_(wanted))))
            if missing:
                raise NotFoundError(what=FOLLOW_UP.render(), id=min(missing))
            rows = [r for r in rows if r.id in wanted]
        submitter = session.scalars(select(Profile.submitter_id)).one()
        created = dict(
            session.execute(
                select(FollowUp.id, FollowUp.created_at).where(FollowUp.id.in_([r.id for r in rows]))
            ).all()
        )
        events = [event_for(r, event_uid(submitter, r.id, created[r.id])) for r in rows]
        _write_atomically(path, calendar_text(events, now or datetime.now(UTC)).encode("utf-8"))
        audit.record(session, "export", "follow_up", None, f"follow_ups={len(events)} format=ics")
    return CalendarSummary(path, len(events))


def _write_atomically(path: Path, data: bytes) -> None:
    write_private(path, data)
