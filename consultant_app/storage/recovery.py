"""Finding the backups of a vault, for when the vault itself cannot be opened.

A damaged vault cannot tell where its backups are (its settings are inside it), so every backup
the app writes is also noted in a small sidecar file beside the vault, `<vault>.last-backup`:
JSON with the backup's path and time, nothing else (no passphrase, no record content). The
vault's own directory is scanned too, for `*.bak` files (the copies kept before a migration,
and backups the user saved there). Copies of a vault that a restore moved aside
(`*.replaced-*.bak`) are the damaged files themselves and are never offered.

Nothing here deletes or rewrites a vault: restoring is `Vault.restore(..., force=True)`,
which moves the damaged file aside.
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consultant_app.errors import StorageWriteError
from consultant_app.files import write_private
from consultant_app.i18n import Text
from consultant_app.storage.paths import sibling

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = "last-backup"
_REPLACED_MARK = ".replaced-"

RESTORE_OFFER = Text(
    da="Boksen er beskadiget eller ændret udefra, og programmet arbejder ikke videre på den. "
    "Intet er slettet. Du kan gendanne den seneste sikkerhedskopi ({backup}, {when}); "
    "den beskadigede boks flyttes til side og gemmes.",
    en="The vault is damaged or was altered from outside, and the program will not work on it. "
    "Nothing was deleted. You can restore the latest backup ({backup}, {when}); "
    "the damaged vault is moved aside and kept.",
)
NO_BACKUP = Text(
    da="Boksen er beskadiget eller ændret udefra. Intet er slettet. Der blev ikke fundet nogen "
    "sikkerhedskopi ved siden af boksen; kontakt support, og behold filen.",
    en="The vault is damaged or was altered from outside. Nothing was deleted. No backup was "
    "found beside the vault; contact support and keep the file.",
)
RESTORE_BUTTON = Text(da="Gendan seneste sikkerhedskopi", en="Restore latest backup")
RESTORED = Text(
    da="Sikkerhedskopien er gendannet. Den beskadigede boks er gemt som {kept}.",
    en="The backup was restored. The damaged vault was kept as {kept}.",
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    written_at: datetime
    recorded: bool  # named in the sidecar (written by this app's backup), not only found by a scan


def sidecar_path(vault_path: Path) -> Path:
    """Beside the real vault file (a vault reached through a symlink keeps its notes there)."""
    return sibling(Path(vault_path).resolve(), SIDECAR_SUFFIX)


def remember_backup(vault_path: Path, backup_path: Path) -> None:
    """Note the latest backup beside the vault. Best effort: a backup that was written is never
    reported as failed because this note could not be written."""
    record = {
        "path": str(Path(backup_path).resolve()),
        "written_at": datetime.now().isoformat(timespec="seconds"),
    }
    try:
        write_private(sidecar_path(vault_path), json.dumps(record, ensure_ascii=False))
    except StorageWriteError:
        log.warning("could not note the latest backup beside the vault")


def latest_backups(vault_path: Path | str) -> list[BackupInfo]:
    """Every backup that exists for this vault, the newest first. Reads no vault content."""
    vault_path = Path(vault_path).resolve()
    found: dict[Path, BackupInfo] = {}
    recorded = _recorded_backup(vault_path)
    if recorded is not None:
        found[recorded.path] = recorded
    directory = vault_path.parent
    if directory.is_dir():
        for candidate in directory.glob("*.bak"):
            if _REPLACED_MARK in candidate.name or not candidate.is_file():
                continue
            resolved = candidate.resolve()
            if resolved == vault_path.resolve() or resolved in found:
                continue
            found[resolved] = BackupInfo(resolved, _modified(candidate), recorded=False)
    return sorted(found.values(), key=lambda b: (b.written_at, b.recorded), reverse=True)


def _recorded_backup(vault_path: Path) -> BackupInfo | None:
    try:
        record = json.loads(sidecar_path(vault_path).read_text(encoding="utf-8"))
        path = Path(record["path"]).resolve()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not path.is_file():
        return None
    return BackupInfo(path, _modified(path), recorded=True)


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)
