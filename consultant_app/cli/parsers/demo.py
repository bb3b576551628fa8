"""demo: fill a new vault with realistic synthetic data (never real people)."""

import argparse

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command
from consultant_app.codes import load_codes

# The demo core's limits (consultant_app.demo.fill), repeated so `--help` need not load the core;
# a test keeps the two equal.
DEFAULT_INQUIRIES = 2_000
MAX_INQUIRIES = 1_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="fill a new vault with realistic synthetic data (never real people)",
        description="Creates the vault when the file does not exist (profile 'Demo-konsulent'); "
        "refuses a vault that already holds inquiries.",
    )
    add_vault_option(p)
    p.add_argument(
        "--inquiries",
        type=_inquiry_count,
        default=DEFAULT_INQUIRIES,
        help=f"how many inquiries (default {DEFAULT_INQUIRIES})",
    )
    p.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")
    p.add_argument(
        "--team",
        choices=load_codes()["team"].values(),
        default="aarhus",
        help="team of a new vault's profile (default aarhus)",
    )
    add_json_option(p)
    command(p, "consultant_app.cli.demo_command:demo")


def _inquiry_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_INQUIRIES:
        raise argparse.ArgumentTypeError(f"choose between 1 and {MAX_INQUIRIES}")
    return value
