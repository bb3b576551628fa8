"""stats monthly / package / team-report (the file shapes: docs/counts.md)."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command, month

# The counts core's file formats (consultant_app.counts.files.FORMATS), repeated so `--help` need
# not load the core; a test keeps the two equal.
FORMATS = ("json", "csv", "xlsx", "pdf")
_HANDLERS = "consultant_app.cli.stats_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    stats = subparsers.add_parser("stats", help="statistics of the vault's inquiries")
    stats_sub = stats.add_subparsers(dest="stats_command", metavar="COMMAND", required=True)
    p = stats_sub.add_parser("monthly", help="the monthly counts (JSON shape: counts.md)")
    add_vault_option(p)
    _period_options(p)
    _output_options(p, output_required=False)
    add_json_option(p)
    command(p, f"{_HANDLERS}:stats_monthly")

    p = subparsers.add_parser("package", help="write the anonymised count package for one month (JSON)")
    add_vault_option(p)
    p.add_argument("--month", required=True, type=month, help="the month, YYYY-MM")
    p.add_argument("-o", "--output", required=True, type=Path, help="the file to write")
    add_json_option(p)
    command(p, f"{_HANDLERS}:package")

    p = subparsers.add_parser("team-report", help="merge consultants' package files into a team report")
    p.add_argument("packages", nargs="+", type=Path, metavar="PACKAGE", help="package files (JSON)")
    _period_options(p)
    _output_options(p, output_required=False)
    command(p, f"{_HANDLERS}:team_report")


def _period_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", required=True, type=month, help="first month, YYYY-MM")
    p.add_argument("--to", dest="last", required=True, type=month, help="last month, YYYY-MM")


def _output_options(p: argparse.ArgumentParser, *, output_required: bool) -> None:
    p.add_argument("--format", choices=FORMATS, help="file format (default: from the file name, else json)")
    p.add_argument("-o", "--output", type=Path, required=output_required, help="the file to write")
    p.add_argument(
        "--protect-small-cells",
        action="store_true",
        help="show 1-4 as '<5' and hide enough other cells that they cannot be worked out (csv, xlsx, pdf)",
    )
