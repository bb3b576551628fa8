"""risk list / risk pdf: the risk assessments, and the printable summary of one."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command

_HANDLERS = "consultant_app.cli.risk_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    risk = subparsers.add_parser("risk", help="risk assessments: list them, print the summary of one")
    commands = risk.add_subparsers(dest="risk_command", metavar="COMMAND", required=True)

    about = "the risk assessments (id, inquiry case code, date, status, summary judgement)"
    p = commands.add_parser("list", help=about, description=about)
    add_vault_option(p)
    add_json_option(p)
    command(p, f"{_HANDLERS}:list_command")

    about = "write the printable summary of one assessment (a PDF file: NOT encrypted; the print is audited)"
    p = commands.add_parser("pdf", help=about, description=about)
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the id `risk list` shows")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the PDF file to write")
    p.add_argument(
        "--with-name",
        action="store_true",
        help="print the citizen's name on the first page (by default only the case code)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_vault_option(p)
    add_json_option(p)
    command(p, f"{_HANDLERS}:pdf_command")
