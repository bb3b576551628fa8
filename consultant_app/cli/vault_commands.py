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
_AUTO_BACKED_UP = Text(
    da="Automatisk sikkerhedskopi gemt og kontrolleret: {path} ({kept} gemt i mappen, {pruned} ældre slettet)",
    en="Automatic backup saved and verified: {path} ({kept} kept in the folder, {pruned} older deleted)",
)
_FILE_OR_AUTO = Text(
    da="angiv FIL (hvor sikkerhedskopien skrives) eller --auto",
    en="give FILE (where to write the backup) or --auto",
)
_ONLY_WITH_AUTO = Text(
    da="--folder og --keep bruges kun med --auto", en="--folder and --keep go only with --auto"
)
_NOT_WITH_AUTO = Text(
    da="--auto skriver i den valgte mappe: angiv ikke FIL eller --force",
    en="--auto writes into the chosen folder: do not give FILE or --force",
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
    from consultant_app.services import vault_admin  # the desktop's use case too

    current = read_passphrase()
    with Vault.open(vault_path(args), current) as vault:
        new = read_new_passphrase()  # asked twice; a difference is refused there
        vault_admin.change_passphrase(vault, current, new, new)
    print(_REKEYED.render())
    return 0


def backup(args: argparse.Namespace) -> int:
    if args.auto:
        return _auto_backup(args)
    if args.file is None:
        args.usage_error(_FILE_OR_AUTO.render())
    if args.folder is not None or args.keep is not None:
        args.usage_error(_ONLY_WITH_AUTO.render())
    from consultant_app.services.vault_admin import backup_now  # verified after writing, as the desktop's

    with open_vault(args) as vault:
        written = backup_now(vault, args.file, overwrite=args.force).path
    emit(args, _BACKED_UP.render(path=written), {"backup": str(written)})
    return 0


def _auto_backup(args: argparse.Namespace) -> int:
    if args.file is not None or args.force:
        args.usage_error(_NOT_WITH_AUTO.render())
    # Imported here: only this command needs it.
    from consultant_app.storage.auto_backup import run_auto_backup

    with open_vault(args) as vault:
        result = run_auto_backup(vault, folder=args.folder, keep=args.keep)
    human = _AUTO_BACKED_UP.render(path=result.path, kept=len(result.kept), pruned=len(result.pruned))
    data = {
        "backup": str(result.path),
        "verified": True,
        "written_at": result.written_at.isoformat(timespec="seconds") + "Z",
        "folder": str(result.folder),
        "keep": result.keep,
        "kept": [str(p) for p in result.kept],
        "pruned": [str(p) for p in result.pruned],
    }
    emit(args, human, data)
    return 0


def restore(args: argparse.Namespace) -> int:
    kept = Vault.restore(args.file, vault_path(args), read_passphrase(), force=args.force)
    print(_RESTORED.render(backup=args.file))
    if kept is not None:
        print(_KEPT.render(path=kept))
    return 0
