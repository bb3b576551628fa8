"""survey new / list / eligible / duplicates / mark-sent / not-relevant / responses / report /
smtp / send (the last two beyond the contract: the SMTP batch from a script)."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command, iso_date
from consultant_app.codes import load_codes

SMTP_PASSWORD_ENV = "CONSULTANT_APP_SMTP_PASSWORD"  # noqa: S105 (a variable name)
_HANDLERS = "consultant_app.cli.survey_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = subparsers.add_parser("survey", help="survey campaigns and the survey link").add_subparsers(
        dest="survey_command", metavar="SUBCOMMAND", required=True
    )

    def sub(name: str, help: str, handler: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help)
        add_vault_option(p)
        add_json_option(p)
        return command(p, f"{_HANDLERS}:{handler}")

    p = sub("new", "create a campaign; prints its id", "new")
    p.add_argument("--name", required=True)
    p.add_argument("--link", required=True, metavar="URL", help="the survey's link (https://...)")
    p.add_argument("--from", dest="date_from", required=True, type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--code", help="the agency's code for the campaign (default: from name and month)")

    sub("list", "the campaigns, newest first", "list_command")

    for name, help, handler in (
        ("eligible", "professionals who should get the link and have not yet", "eligible"),
        ("duplicates", "likely duplicates (same e-mail) among the eligible, to merge first", "duplicates"),
    ):
        sub(name, help, handler).add_argument("campaign", type=int, metavar="CAMPAIGN_ID")

    for name, help, handler in (
        ("mark-sent", "record that the link was sent", "mark_sent"),
        ("not-relevant", "record that the link is not relevant for them", "not_relevant"),
    ):
        p = sub(name, help, handler)
        p.add_argument("campaign", type=int, metavar="CAMPAIGN_ID")
        p.add_argument("professionals", type=int, nargs="+", metavar="PROFESSIONAL_ID")
        if name == "mark-sent":
            p.add_argument("--channel", choices=("mail", "telefon", "andet"), default="mail")

    p = sub("responses", "record the responses the survey tool reports for a region", "responses")
    p.add_argument("campaign", type=int, metavar="CAMPAIGN_ID")
    p.add_argument("--region", required=True, choices=load_codes()["region"].values())
    p.add_argument("--count", required=True, type=int, metavar="N")

    p = sub("report", "links sent per region, responses, response rate", "report")
    p.add_argument("campaign", type=int, metavar="CAMPAIGN_ID")
    p.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    p.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to a file (csv and xlsx need one)"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = sub("smtp", f"set the mail server (password from {SMTP_PASSWORD_ENV} or a prompt)", "smtp")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, help="default: 465 for tls, 587 for starttls")
    p.add_argument("--security", choices=("tls", "starttls"), required=True, help="never unencrypted")
    p.add_argument("--user", help="the login name (none: no login)")
    p.add_argument("--from", dest="from_address", required=True, metavar="ADDRESS")
    p.add_argument("--from-name")
    p.add_argument("--ca-file", help="a CA certificate (PEM) to trust instead of the system's")

    p = sub("send", "send the link by the mail server and record each accepted mail", "send")
    p.add_argument("campaign", type=int, metavar="CAMPAIGN_ID")
    p.add_argument(
        "professionals", type=int, nargs="*", metavar="PROFESSIONAL_ID", help="default: all eligible"
    )
