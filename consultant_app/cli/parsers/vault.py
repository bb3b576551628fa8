"""init, change-passphrase, backup, restore: the vault's own life cycle."""

import argparse
from pathlib import Path

from consultant_app.cli.parsers.options import PASSPHRASE_ENV, add_json_option, add_vault_option, command
from consultant_app.codes import load_codes

_HANDLERS = "consultant_app.cli.vault_commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    codes = load_codes()
    p = subparsers.add_parser("init", help="create a new encrypted vault")
    add_vault_option(p)
    p.add_argument("--name", required=True, help="the consultant's name")
    p.add_argument("--team", required=True, choices=codes["team"].values(), help="host municipality")
    p.add_argument("--region", choices=codes["region"].values(), help="the usual region of inquiries")
    add_json_option(p)
    command(p, f"{_HANDLERS}:init")

    p = subparsers.add_parser(
        "change-passphrase",
        help=f"re-key the vault (new passphrase from CONSULTANT_APP_NEW_PASSPHRASE or a prompt; "
        f"the current one from {PASSPHRASE_ENV} or a prompt)",
    )
    add_vault_option(p)
    command(p, f"{_HANDLERS}:change_passphrase")

    p = subparsers.add_parser("backup", help="write an encrypted backup of the vault")
    add_vault_option(p)
    # FILE, or --auto: the handler refuses neither or both as a usage error (exit 2).
    p.add_argument("file", type=Path, nargs="?", help="where to write the backup")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--auto",
        action="store_true",
        help="the automatic backup: a verified copy into the remembered folder, the newest N kept",
    )
    p.add_argument("--folder", type=Path, help="the folder for automatic backups (remembered in the vault)")
    p.add_argument("--keep", type=int, help="how many automatic backups to keep (remembered; default 10)")
    add_json_option(p)
    p.set_defaults(usage_error=p.error)
    command(p, f"{_HANDLERS}:backup")

    p = subparsers.add_parser(
        "restore", help="put a backup in the vault's place (the passphrase is the backup's)"
    )
    add_vault_option(p)
    p.add_argument("file", type=Path, help="the backup to restore")
    p.add_argument(
        "--force", action="store_true", help="replace an existing vault (it is moved aside, never deleted)"
    )
    command(p, f"{_HANDLERS}:restore")
