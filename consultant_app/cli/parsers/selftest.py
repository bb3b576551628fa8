"""selftest: run the program's core work in a throw-away vault."""

import argparse

from consultant_app.cli.parsers.options import add_json_option, command


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "selftest",
        help="create a throw-away vault, write, read, print a PDF and back up; exit 0 when all work",
        description="Runs in a temporary folder that is removed afterwards; your own vault is not touched.",
    )
    add_json_option(p)
    command(p, "consultant_app.cli.selftest_command:selftest")
