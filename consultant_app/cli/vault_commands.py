"""init, change-passphrase, backup, restore: the vault's own life cycle."""

import argparse
from pathlib import Path

from consultant_app.cli.common import (
    PASSPHRASE_ENV,
    add_json_option,
    add_vault_option,
    emit,
    open_vault,
    read_new_passphrase,
    read_passphrase,
    vault_path,
)
from consultant_app.codes import load_codes
from consultant_app.i18n import Text
from consultant_app.storage.vault import Vault

_CREATED = Text(da="Boksen er oprettet: {path}", en="The vault was created: {path}")
_REKEYED = Text(da="Adgangskoden er skiftet.", en="The passphrase was changed.")
_BACKED_UP = Text(
    da="Krypteret sikkerhedskopi gemt: {path} (den åbnes med boksens nuværende adgangskode)",
    en="Encrypted backup saved: {path} (it opens with the vault's current passphrase)",
)
_RESTORED = Text(da="Boksen er gendannet fra {backup}.", en="The vault was restored from {backup}.")
_KEPT = Text(da="Den tidligere boks er flyttet til {path}.", en="The previous vault was moved to {path}.")


def register(subparsers: argparse._SubParsersAction) -> None:
    codes = load_codes()
    p = subparsers.add_parser("init", help="create a new encrypted vault")
    add_vault_option(p)
    p.add_argument("--name", required=True, help="the consultant's name")
    p.add_argument("--team", required=True, choices=codes["team"].values(), help="host municipality")
    p.add_argument("--region", choices=codes["region"].values(), help="the usual region of inquiries")
    add_json_option(p)
    p.set_defaults(handler=init)

    p = subparsers.add_parser(
        "change-passphrase",
        help=f"re-key the vault (new passphrase from CONSULTANT_APP_NEW_PASSPHRASE or a prompt; "
        f"the current one from {PASSPHRASE_ENV} or a prompt)",
    )
    add_vault_option(p)
    p.set_defaults(handler=change_passphrase)

    p = subparsers.add_parser("backup", help="write an encrypted backup of the vault")
    add_vault_option(p)
    p.add_argument("file", type=Path, help="where to write the backup")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_json_option(p)
    p.set_defaults(handler=backup)

    p = subparsers.add_parser(
        "restore", help="put a backup in the vault's place (the passphrase is the backup's)"
    )
    add_vault_option(p)
    p.add_argument("file", type=Path, help="the backup to restore")
    p.add_argument(
        "--force", action="store_true", help="replace an existing vault (it is moved aside, never deleted)"
    )
    p.set_defaults(handler=restore)


def init(args: argparse.Namespace) -> int:
    path = vault_path(args)
    passphrase = read_passphrase(confirm=True)
    with Vault.create(path, passphrase, name=args.name, team=args.team, default_region=args.region):
        pass
    emit(args, _CREATED.render(path=path), {"vault": str(path)})
    return 0


def change_passphrase(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(read_new_passphrase())
    print(_REKEYED.render())
    return 0


def backup(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        written = vault.backup(args.file, overwrite=args.force)
    emit(args, _BACKED_UP.render(path=written), {"backup": str(written)})
    return 0


def restore(args: argparse.Namespace) -> int:
    kept = Vault.restore(args.file, vault_path(args), read_passphrase(), force=args.force)
    print(_RESTORED.render(backup=args.file))
    if kept is not None:
        print(_KEPT.render(path=kept))
    return 0
