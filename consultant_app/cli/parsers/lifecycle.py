"""keys / handover / receive / erase / retention: a case's life (docs/handover.md, docs/retention.md)."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import add_json_option, add_vault_option, command, iso_date

_HANDLERS = "consultant_app.cli.lifecycle_commands"
# The erasure reasons of consultant_app.retention.erase.REASONS (kept here: this module is light).
ERASE_REASONS = ("retention", "handed_over", "citizen_request", "not_needed")


def _sub(parent, name: str, help: str, handler: str, *, json: bool = True) -> argparse.ArgumentParser:
    p = parent.add_parser(name, help=help)
    add_vault_option(p)
    if json:
        add_json_option(p)
    return command(p, f"{_HANDLERS}:{handler}")


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = subparsers.add_parser("keys", help="this vault's public key and colleagues' keys").add_subparsers(
        dest="keys_command", metavar="SUBCOMMAND", required=True
    )
    _sub(keys, "show", "this vault's public key (the last line) and its fingerprint", "keys_show")
    p = _sub(keys, "add", "trust a colleague's public key under a name", "keys_add")
    p.add_argument("--name", required=True, help="the colleague's name, as used with handover --to")
    p.add_argument("key", metavar="KEY", help="the colleague's key line, ckey1-...")
    _sub(keys, "list", "colleagues' keys with their fingerprints", "keys_list")

    p = _sub(subparsers, "handover", "hand one case to a colleague as an encrypted file", "handover")
    p.add_argument("case", metavar="CASE", help="case code (2025-00001) or an import's external reference")
    p.add_argument("--to", required=True, metavar="NAME", help="a colleague added with keys add")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")

    p = _sub(subparsers, "receive", "import a case handed over to this vault", "receive")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--trust-fingerprint",
        metavar="FINGERPRINT",
        help="receive from a sender whose key is not in this vault: the fingerprint confirmed with them",
    )

    p = _sub(subparsers, "erase", "erase a case's personal data for good (counts unchanged)", "erase")
    p.add_argument("case", metavar="CASE", help="case code (2025-00001) or an import's external reference")
    p.add_argument("--yes", action="store_true", help="required: erasure cannot be undone")
    p.add_argument(
        "--reason", choices=ERASE_REASONS, help="default: from the retention list, else not_needed"
    )

    retention = subparsers.add_parser("retention", help="the retention period").add_subparsers(
        dest="retention_command", metavar="SUBCOMMAND", required=True
    )
    p = _sub(retention, "due", "cases past the retention period, and cases handed over", "retention_due")
    p.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
