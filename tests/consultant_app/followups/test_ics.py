"""The .ics export: valid RFC 5545, and nothing but a neutral title with the case code."""

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent
from consultant_app.errors import NotFoundError
from consultant_app.followups import CalendarEvent, add_follow_up, calendar_text, export_calendar, mark_done
from consultant_app.followups.ics import escape_text, fold
from consultant_app.interchange.csv_output import OutputExistsError

STAMP = datetime(2025, 3, 10, 8, 30, tzinfo=UTC)
CANARIES = ("KANARIE-navn-7391", "KANARIE-fagperson-2288", "KANARIE-note-5510", "KANARIE-sag-1234")


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_the_calendar_is_rfc_5545():
    text = calendar_text(
        [CalendarEvent("abc@consultant-app", date(2025, 3, 31), "Opfølgning 2025-00001")], STAMP
    )
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert unfold(text) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Sikkerhedskonsulenterne//consultant-app//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:abc@consultant-app",
        "DTSTAMP:20250310T083000Z",
        "DTSTART;VALUE=DATE:20250331",
        "DTEND;VALUE=DATE:20250401",
        "SUMMARY:Opfølgning 2025-00001",
        "CLASS:PRIVATE",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_long_lines_fold_at_75_octets_never_inside_a_letter():
    line = "SUMMARY:" + "æøå" * 60
    folded = fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded.replace("\r\n ", "") == line  # each part is whole UTF-8: it decodes and joins


def test_text_values_are_escaped():
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_the_calendar_carries_no_name_no_note_no_case_text(vault, make_case, tmp_path):
    case = make_case(pseudonym=CANARIES[0], professional=CANARIES[1], notes=CANARIES[3])
    with vault.session() as s:
        first = add_follow_up(s, case, "revurdering", date(2025, 3, 12), CANARIES[2])
        add_follow_up(s, case, "opkald", date(2025, 3, 14), f"Ring til {CANARIES[1]} om {CANARIES[0]}")

    summary = export_calendar(vault, tmp_path / "opfoelgning.ics", now=STAMP)

    raw = summary.path.read_bytes()
    text = raw.decode("utf-8")
    assert summary.events == 2
    unfolded = text.replace("\r\n ", "")
    for canary in CANARIES:
        assert canary not in unfolded
        assert canary.encode() not in raw
    for word in ("revurdering", "opkald", "Ring", "Irak", "aase@", "Karen"):
        assert word.lower() not in unfolded.lower()
    assert unfolded.count(f"SUMMARY:Opfølgning {first.case_code}\r\n") == 2
    properties = {line.split(":")[0].split(";")[0] for line in unfold(text)}
    assert properties == {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD",
        "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "CLASS", "TRANSP",
    }  # fmt: skip
    with vault.session() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "export")) == 1


def test_uids_are_stable_and_say_nothing(vault, make_case, tmp_path):
    case = make_case()
    with vault.session() as s:
        row = add_follow_up(s, case, "opkald", date(2025, 3, 12))
    one = export_calendar(vault, tmp_path / "a.ics").path.read_bytes().decode("utf-8")
    two = export_calendar(vault, tmp_path / "b.ics").path.read_bytes().decode("utf-8")
    uid = re.search(r"UID:(.+)\r\n", one).group(1)
    assert uid == re.search(r"UID:(.+)\r\n", two).group(1)
    assert re.fullmatch(r"[0-9a-f-]{36}@consultant-app", uid)
    assert str(row.id) not in uid.split("@")[0].split("-")


def test_chosen_open_follow_ups_only(vault, make_case, tmp_path):
    case = make_case()
    with vault.session() as s:
        early = add_follow_up(s, case, "opkald", date(2025, 3, 12)).id
        late = add_follow_up(s, case, "moede", date(2025, 5, 1)).id
        done = add_follow_up(s, case, "andet", date(2025, 3, 1)).id
        mark_done(s, done)
    assert export_calendar(vault, tmp_path / "all.ics").events == 2
    assert export_calendar(vault, tmp_path / "early.ics", due_before=date(2025, 4, 1)).events == 1
    chosen = export_calendar(vault, tmp_path / "chosen.ics", follow_up_ids=[late, done])
    assert chosen.events == 1
    assert "DTSTART;VALUE=DATE:20250501" in chosen.path.read_bytes().decode("utf-8")
    assert early
    with pytest.raises(NotFoundError):
        export_calendar(vault, tmp_path / "none.ics", follow_up_ids=[9999])
    with pytest.raises(OutputExistsError):
        export_calendar(vault, tmp_path / "all.ics")
