"""import inquiries / export inquiries (the interchange file: docs/interchange.md)."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command, iso_date

_HANDLERS = "consultant_app.cli.interchange_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    kinds = subparsers.add_parser("import", help="import records from a file").add_subparsers(
        dest="kind", metavar="KIND", required=True
    )
    p = kinds.add_parser("inquiries", help="import inquiries (interchange format v1, CSV or XLSX)")
    p.add_argument("file", type=Path, help="the CSV (UTF-8, ; or ,) or XLSX file")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows; the invalid ones go to --rejects"
    )
    p.add_argument("--rejects", type=Path, metavar="FILE", help="where to write the rejected rows (CSV)")
    p.add_argument("--force", action="store_true", help="overwrite an existing rejects file")
    add_vault_option(p)
    add_json_option(p)
    command(p, f"{_HANDLERS}:import_command")

    kinds = subparsers.add_parser("export", help="export records to a file").add_subparsers(
        dest="kind", metavar="KIND", required=True
    )
    p = kinds.add_parser("inquiries", help="export inquiries (interchange format v1, CSV)")
    p.add_argument("file", type=Path, help="the CSV file to write (not encrypted)")
    p.add_argument(
        "--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help="first received date"
    )
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help="last received date")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_vault_option(p)
    add_json_option(p)
    command(p, f"{_HANDLERS}:export_command")
