"""followups list / add / done / snooze / ics: the day's follow-ups and the calendar file.

No note is taken or printed here: a note is case text, and a command line ends up in shell
history and scripts' logs. Notes belong to the desktop.
"""

import argparse

from consultant_app.cli.common import emit, open_vault
from consultant_app.codes import load_codes
from consultant_app.followups import FollowUpRow, add_follow_up, agenda, export_calendar, mark_done, snooze
from consultant_app.i18n import Text

_HEADINGS = (
    ("overdue", Text(da="Forfaldne", en="Overdue")),
    ("due_today", Text(da="I dag", en="Today")),
    ("upcoming", Text(da="Kommende", en="Upcoming")),
)
_NOTHING = Text(da="Ingen opfølgninger.", en="No follow-ups.")
_ADDED = Text(da="Opfølgning {id} oprettet på sag {case}.", en="Follow-up {id} added to case {case}.")
_DONE = Text(da="Opfølgning {id} er udført.", en="Follow-up {id} is done.")
_SNOOZED = Text(da="Opfølgning {id} er udsat til {until}.", en="Follow-up {id} is snoozed until {until}.")
_EXPORTED = Text(
    da="{count} opfølgninger skrevet til {path} (kun sagsnummer og dato).",
    en="{count} follow-ups written to {path} (case code and date only).",
)


def _data(row: FollowUpRow) -> dict:
    return {
        "id": row.id,
        "inquiry_id": row.inquiry_id,
        "case_code": row.case_code,
        "type": row.type,
        "due_on": row.due_on,
        "snoozed_until": row.snoozed_until,
    }


def list_command(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        day = agenda(s, args.today, args.days)
    types = load_codes()["follow_up_type"]
    lines = []
    for key, heading in _HEADINGS:
        rows = getattr(day, key)
        if rows:
            lines.append(f"{heading.render()}:")
            lines += [f"  {r.id}\t{r.due_on}\t{r.case_code}\t{types.label(r.type)}" for r in rows]
    data = {key: [_data(r) for r in getattr(day, key)] for key, _ in _HEADINGS}
    data["snoozed"] = [_data(r) for r in day.snoozed]
    emit(args, "\n".join(lines) or _NOTHING.render(), data)
    return 0


def add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        row = add_follow_up(s, args.inquiry, args.type, args.due)
    emit(args, _ADDED.render(id=row.id, case=row.case_code), _data(row))
    return 0


def done(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        row = mark_done(s, args.follow_up)
    emit(args, _DONE.render(id=row.id), _data(row))
    return 0


def snooze_command(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as s:
        row = snooze(s, args.follow_up, args.until)
    emit(args, _SNOOZED.render(id=row.id, until=args.until), _data(row))
    return 0


def ics(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        summary = export_calendar(
            vault, args.output, follow_up_ids=args.ids, due_before=args.due_before, overwrite=args.force
        )
    emit(
        args,
        _EXPORTED.render(count=summary.events, path=summary.path),
        {"file": str(summary.path), "events": summary.events},
    )
    return 0
