"""followups list / add / done / snooze / ics: the day's follow-ups and the calendar file."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command, iso_date
from consultant_app.codes import load_codes

_HANDLERS = "consultant_app.cli.followup_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = subparsers.add_parser("followups", help="follow-ups and the calendar file").add_subparsers(
        dest="followups_command", metavar="SUBCOMMAND", required=True
    )

    def sub(name: str, help: str, handler: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help)
        add_vault_option(p)
        add_json_option(p)
        return command(p, f"{_HANDLERS}:{handler}")

    p = sub("list", "overdue, due today and upcoming follow-ups (snoozed ones hidden)", "list_command")
    p.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--days", type=int, default=14, help="how far ahead 'upcoming' looks (default 14)")

    p = sub("add", "add a follow-up to an inquiry or course", "add")
    p.add_argument("inquiry", type=int, metavar="INQUIRY_ID")
    p.add_argument("--type", required=True, choices=load_codes()["follow_up_type"].values())
    p.add_argument("--due", required=True, type=iso_date, metavar="YYYY-MM-DD")

    p = sub("done", "mark a follow-up done", "done")
    p.add_argument("follow_up", type=int, metavar="FOLLOW_UP_ID")

    p = sub("snooze", "hide a follow-up until a later date", "snooze_command")
    p.add_argument("follow_up", type=int, metavar="FOLLOW_UP_ID")
    p.add_argument("--until", required=True, type=iso_date, metavar="YYYY-MM-DD")

    p = sub("ics", "write open follow-ups as a calendar file: case code and date only", "ics")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--due-before", type=iso_date, metavar="YYYY-MM-DD", help="only those due before this day")
    p.add_argument("--id", dest="ids", type=int, nargs="+", metavar="FOLLOW_UP_ID", help="only these")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
