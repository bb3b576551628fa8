"""sync: send every pending count package to SIRI's receiver."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="send every pending count package to SIRI's receiver")
    add_vault_option(p)
    p.add_argument("--endpoint", help="the receiver's address, https://... (stored in the vault)")
    p.add_argument(
        "--token-file", type=Path, help="a file holding the access token from SIRI (stored in the vault)"
    )
    p.add_argument("--ca-file", help="a CA certificate (PEM) to trust for the receiver; '' for the system's")
    p.add_argument(
        "--proxy",
        help="how to reach the receiver: 'system' (the system's proxy settings), 'none', or a proxy's "
        "http://host:port (stored in the vault)",
    )
    p.add_argument(
        "--test", action="store_true", help="test the connection and the token only; nothing is sent"
    )
    p.add_argument("--retry-failed", action="store_true", help="send packages the receiver refused once more")
    add_json_option(p)
    command(p, "consultant_app.cli.sync_commands:sync")
