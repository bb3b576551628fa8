"""The vault's own care, as the desktop and the command line both do it: a backup made now and
verified, the list of backups to restore from, a restore into the open vault, a new passphrase.

Each long step reports through `step(done, total)` (the desktop's progress dialog; the command
line passes nothing) and looks at `cancelled()` only between steps, where stopping leaves
nothing half done: a backup's copy is deleted, a restore has not begun to replace the vault.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consultant_app.domain import BackupSettings
from consultant_app.errors import ConsultantAppError, VaultError, WrongPassphraseError
from consultant_app.i18n import Text

# The desktop's screens reach the storage layer only through the use cases and the facade for
# opening a vault (an import-linter contract): what they use of it is named here ("X as X").
from consultant_app.storage import recovery, vault_files
from consultant_app.storage.auto_backup import (
    AutoBackupResult,
    BackupVerificationError,
    auto_backups,
    run_auto_backup,
)
from consultant_app.storage.auto_backup import BackupStatus as BackupStatus
from consultant_app.storage.auto_backup import backup_if_due as backup_if_due
from consultant_app.storage.auto_backup import backup_status as backup_status
from consultant_app.storage.backup_file import BackupSummary
from consultant_app.storage.passphrase import profile_words as profile_words
from consultant_app.storage.vault import Vault

log = logging.getLogger(__name__)

Step = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class OperationStopped(ConsultantAppError):
    text = Text(da="Stoppet. Intet er ændret.", en="Stopped. Nothing was changed.")


class CurrentPassphraseError(WrongPassphraseError):
    text = Text(
        da="Den nuværende adgangskode er forkert. Adgangskoden er ikke skiftet.",
        en="The current passphrase is wrong. The passphrase was not changed.",
    )


class PassphraseMismatchError(VaultError):
    text = Text(
        da="De to nye adgangskoder er ikke ens. Adgangskoden er ikke skiftet.",
        en="The two new passphrases differ. The passphrase was not changed.",
    )


class SamePassphraseError(VaultError):
    text = Text(
        da="Den nye adgangskode er den samme som den nuværende. Vælg en anden.",
        en="The new passphrase is the same as the current one. Choose another.",
    )


@dataclass(frozen=True)
class BackupMade:
    path: Path
    size: int
    automatic: AutoBackupResult | None  # written into the backup folder (and rotated there)


@dataclass(frozen=True)
class BackupEntry:
    """A backup to offer for a restore, before it is opened (opening costs a key derivation)."""

    path: Path
    size: int
    modified: datetime  # local time


@dataclass(frozen=True)
class Restored:
    source: Path
    before_restore: Path  # the verified copy of the vault as it was just before


def _no_step(_done: int, _total: int) -> None:
    """Where nobody watches the steps (the command line)."""


def _never() -> bool:
    return False


# --- a backup now -------------------------------------------------------------------------


def backup_now(
    vault: Vault,
    destination: Path | None = None,
    *,
    folder: Path | None = None,
    overwrite: bool = True,
    step: Step = _no_step,
    cancelled: Cancelled = _never,
) -> BackupMade:
    """A verified backup: into the chosen backup folder (`destination` None: the automatic
    backup's own write, verify and rotate) or to a file the user chose (replaced if it exists
    and `overwrite`: the desktop's file dialog asked; the command line's --force). A `folder`
    given with no destination is chosen as the backup folder first (remembered, as Overblik's
    choice is). A copy that does not verify is deleted and the failure raised."""
    step(0, 2)
    if destination is None:
        result = run_auto_backup(vault, folder=folder)
        step(2, 2)
        return BackupMade(result.path, result.path.stat().st_size, result)
    written = vault.backup(destination, overwrite=overwrite)
    step(1, 2)
    if cancelled():
        written.unlink(missing_ok=True)
        raise OperationStopped()
    try:
        vault.verify_copy(written)
    except ConsultantAppError as exc:
        written.unlink(missing_ok=True)
        log.warning("backup failed verification and was deleted")
        raise BackupVerificationError(detail=type(exc).__name__) from None
    step(2, 2)
    return BackupMade(written, written.stat().st_size, None)


# --- the backups to restore from -------------------------------------------------------


def backup_folder(vault: Vault) -> Path | None:
    with vault.session() as session:
        row = session.get(BackupSettings, 1)
        return Path(row.folder) if row is not None and row.folder else None


def list_backups(vault: Vault) -> list[BackupEntry]:
    """This vault's backups, newest first: the automatic ones in the backup folder, and those
    beside the vault (the copies kept before a restore or an upgrade, backups saved there, the
    one the recovery note names). Reads no backup's content."""
    paths: list[Path] = []
    folder = backup_folder(vault)
    if folder is not None and folder.is_dir():
        paths += auto_backups(folder, vault.path.name)
    paths += [info.path for info in recovery.latest_backups(vault.path)]
    entries: dict[Path, BackupEntry] = {}
    for path in paths:
        try:
            resolved = path.resolve()
            stat = resolved.stat()
        except OSError:
            continue  # gone since it was listed
        if resolved != vault.path and resolved not in entries:
            entries[resolved] = BackupEntry(resolved, stat.st_size, datetime.fromtimestamp(stat.st_mtime))
    return sorted(entries.values(), key=lambda e: e.modified, reverse=True)


def read_backup(vault: Vault, path: Path, passphrase: str | None = None) -> BackupSummary:
    """Open a backup with the vault's key (or `passphrase`, for one made under another) and
    count its inquiries. Refusals are the typed errors of `storage/backup_file.py`."""
    return vault.summarize_copy(path, passphrase)


# --- restoring ----------------------------------------------------------------------------


def restore_backup(
    vault: Vault,
    backup: Path,
    passphrase: str | None = None,
    *,
    step: Step = _no_step,
    cancelled: Cancelled = _never,
) -> Restored:
    """Replace the open vault's content with a backup's: the backup is checked (key, kind,
    schema), the vault as it is now is backed up beside it and verified, and only then is the
    backup copied in and put in the vault's place in one rename. The vault stays open under the
    backup's passphrase (`passphrase`, or the current one). A refusal changes nothing."""
    step(0, 3)
    # A wrong key, a foreign or damaged file: refused before anything is written.
    vault.summarize_copy(backup, passphrase, full=True)
    if cancelled():
        raise OperationStopped()
    before = vault_files.kept_name(vault.path, "before-restore")
    vault.backup(before)
    try:
        vault.verify_copy(before)
    except ConsultantAppError as exc:
        before.unlink(missing_ok=True)
        raise BackupVerificationError(detail=type(exc).__name__) from None
    step(1, 3)
    if cancelled():
        raise OperationStopped()
    vault.restore_in_place(backup, passphrase)
    step(3, 3)
    log.info("vault restored from a backup; the previous state is kept beside it")
    return Restored(Path(backup), before)


# --- a new passphrase ---------------------------------------------------------------------


def change_passphrase(vault: Vault, current: str, new: str, repeat: str) -> None:
    """Re-key after the current passphrase is given again and the new one twice; the policy
    (storage/strength.py) is `Vault.change_passphrase`'s own."""
    if not vault.passphrase_matches(current):
        raise CurrentPassphraseError()
    if new != repeat:
        raise PassphraseMismatchError()
    if vault.passphrase_matches(new):
        raise SamePassphraseError()
    vault.change_passphrase(new)
