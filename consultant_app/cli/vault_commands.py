"""init, change-passphrase, backup, restore: the vault's own life cycle."""

import argparse

from consultant_app.cli.common import (
    emit,
    open_vault,
    read_new_passphrase,
    read_passphrase,
    vault_path,
)
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
