"""Automatic backups into a folder the user chose: written, verified, then rotated.

`run_auto_backup` writes a timestamped encrypted copy (same passphrase) into the folder,
owner-only and atomically (`Vault.backup`), then opens the copy with the vault's key in a fresh
connection and runs the full integrity check (`Vault.verify_copy`). Only a verified copy counts:
it is noted as the last good backup (in the vault and in the recovery sidecar beside the vault),
and only then are the oldest of this feature's files pruned down to the newest N. A copy that fails
verification is deleted (a backup that cannot be read must never be offered for a restore), every
older backup is kept, and the failure is raised.

Pruning touches only the files this vault's automatic backup wrote and verified, as listed in
the vault (`BackupSettings.written`, in the order written), and only while they are regular files
with this feature's name (`<vault file name>.auto-YYYYMMDDTHHMMSSZ[-n].bak`). A user's own files,
another vault's backups, symbolic links, and files planted under a backup's name in a shared
folder are never deleted, and cannot push the real backups out (nor can a clock set wrong).

The desktop asks `backup_due` on lock, on exit and once in a while during use; the overview shows
`last_good_backup` and warns when there has been no good backup for a week or the folder is gone.
"""

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app.domain import AuditEvent, BackupSettings
from consultant_app.domain.backup_settings import DEFAULT_KEEP
from consultant_app.domain.base import utcnow
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.storage import recovery
from consultant_app.storage.vault import Vault

log = logging.getLogger(__name__)

KEEP_RANGE = (1, 365)
STALE_AFTER = timedelta(days=7)  # the overview warns after a week without a good backup
DAILY = timedelta(days=1)  # while in use, at least one backup a day
# Audit actions that change what the vault holds; views, exports and backups do not.
_CHANGES = ("create", "update", "delete", "import", "restore", "rekey", "handover", "receive", "erase")
_OWN_TABLE = BackupSettings.__tablename__  # noting a backup is not a change worth a backup


class BackupFolderNotChosenError(ConsultantAppError):
    text = Text(
        da="Der er ikke valgt en mappe til automatiske sikkerhedskopier. Vælg en med "
        "'consultant-app backup --auto --folder MAPPE' (gerne et andet drev eller en netværksmappe); "
        "mappen huskes i boksen, så en planlagt opgave derefter kan køre 'consultant-app backup --auto'.",
        en="No folder is chosen for automatic backups. Choose one with "
        "'consultant-app backup --auto --folder FOLDER' (preferably another drive or a network folder); "
        "the folder is remembered in the vault, so a scheduled task can then run 'consultant-app backup --auto'.",
    )


class BackupFolderMissingError(ConsultantAppError):
    text = Text(
        da="Mappen til sikkerhedskopier findes ikke eller kan ikke nås: {path}. Sæt drevet i eller "
        "forbind netværket, eller vælg en anden mappe med --folder. Der er ikke skrevet noget.",
        en="The backup folder does not exist or cannot be reached: {path}. Connect the drive or the "
        "network, or choose another folder with --folder. Nothing was written.",
    )


class BackupKeepError(ConsultantAppError):
    text = Text(
        da="Antallet af sikkerhedskopier, der gemmes, skal være mellem {low} og {high}, ikke {value}.",
        en="The number of backups kept must be between {low} and {high}, not {value}.",
    )


class BackupVerificationError(ConsultantAppError):
    text = Text(
        da="Den nye sikkerhedskopi kunne ikke åbnes og kontrolleres ({detail}) og er slettet. "
        "Alle ældre sikkerhedskopier er bevaret. Prøv igen, og kontrollér drevet.",
        en="The new backup could not be opened and checked ({detail}) and was deleted. "
        "Every older backup was kept. Try again, and check the drive.",
    )


STALE_WARNING = Text(
    da="Der er ikke taget en kontrolleret sikkerhedskopi i over 7 dage (seneste: {when}).",
    en="No verified backup has been made for more than 7 days (latest: {when}).",
)
NEVER_WARNING = Text(
    da="Der er endnu ikke taget en kontrolleret automatisk sikkerhedskopi.",
    en="No verified automatic backup has been made yet.",
)
FOLDER_GONE_WARNING = Text(
    da="Mappen til sikkerhedskopier kan ikke nås: {path}.",
    en="The backup folder cannot be reached: {path}.",
)
NOT_CHOSEN_WARNING = Text(
    da="Der er ikke valgt en mappe til automatiske sikkerhedskopier.",
    en="No folder is chosen for automatic backups.",
)


@dataclass(frozen=True)
class AutoBackupResult:
    path: Path  # the new, verified backup
    written_at: datetime  # UTC, naive (as stored)
    folder: Path
    keep: int
    kept: list[Path] = field(default_factory=list)  # this vault's automatic backups now, newest first
    pruned: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class BackupStatus:
    folder: Path | None
    keep: int
    last_good_at: datetime | None  # UTC, naive
    last_good_path: Path | None
    folder_reachable: bool
    warning: Text | None  # None when all is well
    warning_params: dict = field(default_factory=dict)

    def warning_text(self) -> str | None:
        return None if self.warning is None else self.warning.render(**self.warning_params)


def _after_write(path: Path) -> None:
    """A seam for tests: called between writing a backup and verifying it (a test flips a byte)."""


def run_auto_backup(
    vault: Vault, folder: Path | str | None = None, keep: int | None = None, now: datetime | None = None
) -> AutoBackupResult:
    """Write, verify and rotate one automatic backup. A given folder or count is remembered."""
    now = now or utcnow()
    target_folder, keep_count = _remember(vault, folder, keep)
    if not target_folder.is_dir():
        raise BackupFolderMissingError(path=str(target_folder))
    destination = _free_name(target_folder, vault.path.name, now)
    with vault.session() as session:
        # Captured before the write: anything the backup itself records is not a later change.
        audit_mark = session.scalar(select(func.max(AuditEvent.id)))
    vault.backup(destination, remember=False)
    _after_write(destination)
    try:
        vault.verify_copy(destination)
    except ConsultantAppError as exc:
        destination.unlink(missing_ok=True)
        log.warning("automatic backup failed verification and was deleted")
        raise BackupVerificationError(detail=_detail(exc)) from None
    recovery.remember_backup(vault.path, destination)
    with vault.session() as session:
        row = _chosen_settings(session)
        row.last_good_at = now
        row.last_good_path = str(destination)
        row.last_audit_id = audit_mark
        written = [*json.loads(row.written or "[]"), destination.name]
        row.written = json.dumps(written)
    # Deleted after the list is saved: a crash in between leaves names of deleted files, which
    # the next run drops, never a written backup that is not listed.
    kept, pruned = _prune(target_folder, vault.path.name, written, keep_count)
    with vault.session() as session:
        _chosen_settings(session).written = json.dumps([p.name for p in reversed(kept)])
    log.info("automatic backup written and verified; %d pruned", len(pruned))
    return AutoBackupResult(destination, now, target_folder, keep_count, kept, pruned)


def last_good_backup(vault: Vault, now: datetime | None = None) -> BackupStatus:
    """What the overview shows: the last verified backup, and a warning when it is overdue."""
    with vault.session() as session:
        return backup_status(session, now)


def backup_status(session: Session, now: datetime | None = None) -> BackupStatus:
    """`last_good_backup` within a unit of work (for the desktop's lane)."""
    now = now or utcnow()
    row = session.get(BackupSettings, 1)
    if row is None or not row.folder:
        return BackupStatus(None, DEFAULT_KEEP, None, None, False, NOT_CHOSEN_WARNING)
    folder, keep, at, path = Path(row.folder), row.keep, row.last_good_at, row.last_good_path
    reachable = folder.is_dir()
    good_path = Path(path) if path else None
    warning, params = None, {}
    if not reachable:
        warning, params = FOLDER_GONE_WARNING, {"path": str(folder)}
    elif at is None:
        warning = NEVER_WARNING
    elif now - at > STALE_AFTER:
        warning, params = STALE_WARNING, {"when": at.strftime("%Y-%m-%d %H:%M UTC")}
    return BackupStatus(folder, keep, at, good_path, reachable, warning, params)


def backup_due(vault: Vault, now: datetime | None = None, *, on_change: bool = True) -> bool:
    """True when a folder is chosen and the last good backup is a day old, or (`on_change`) the
    vault changed since it: the desktop asks with `on_change` on lock and on exit, and without
    it once in a while during use (at least one backup a day, not one per change)."""
    now = now or utcnow()
    with vault.session() as session:
        row = session.get(BackupSettings, 1)
        if row is None or not row.folder:
            return False
        if row.last_good_at is None or now - row.last_good_at >= DAILY:
            return True
        return on_change and _changed_since(session, row.last_audit_id)


def backup_if_due(vault: Vault, *, on_change: bool = True) -> AutoBackupResult | None:
    """The desktop's call (on its database lane): a backup when `backup_due`, else None."""
    return run_auto_backup(vault) if backup_due(vault, on_change=on_change) else None


def auto_backups(folder: Path, vault_name: str) -> list[Path]:
    """This vault's automatic backups in `folder`, newest first (by the time in the name)."""
    pattern = _name_pattern(vault_name)
    found = []
    for candidate in Path(folder).iterdir():
        match = pattern.fullmatch(candidate.name)
        if match and candidate.is_file() and not candidate.is_symlink():
            found.append(((match.group(1), int(match.group(2) or 0)), candidate))
    return [path for _key, path in sorted(found, reverse=True)]


# --- internals ---------------------------------------------------------------------------


def _remember(vault: Vault, folder: Path | str | None, keep: int | None) -> tuple[Path, int]:
    """The folder and count to use, after remembering those given."""
    if keep is not None and not KEEP_RANGE[0] <= keep <= KEEP_RANGE[1]:
        raise BackupKeepError(low=KEEP_RANGE[0], high=KEEP_RANGE[1], value=keep)
    with vault.session() as session:
        row = session.get(BackupSettings, 1)
        if folder is not None:
            chosen = Path(folder).expanduser()
            if not chosen.is_dir():  # checked before it is remembered: a typo is not kept
                raise BackupFolderMissingError(path=str(chosen))
            row = row or BackupSettings(id=1, keep=DEFAULT_KEEP, written="[]")
            if row.folder != str(chosen.resolve()):
                # A new folder starts a new list; the backups in the old one are left alone.
                row.folder, row.written = str(chosen.resolve()), "[]"
            session.add(row)
        if row is None or not row.folder:
            raise BackupFolderNotChosenError()
        if keep is not None:
            row.keep = keep
        session.flush()
        return Path(row.folder), row.keep


def _chosen_settings(session: Session) -> BackupSettings:
    """The settings row `_remember` made sure of, within a later unit of work."""
    row = session.get(BackupSettings, 1)
    if row is None or not row.folder:  # removed since (another program on the vault)
        raise BackupFolderNotChosenError()
    return row


def _changed_since(session: Session, mark: int | None) -> bool:
    query = select(AuditEvent.id).where(
        AuditEvent.action.in_(_CHANGES),
        (AuditEvent.entity.is_(None)) | (AuditEvent.entity != _OWN_TABLE),
    )
    if mark is not None:
        query = query.where(AuditEvent.id > mark)
    return session.scalar(query.limit(1)) is not None


def _name_pattern(vault_name: str) -> re.Pattern[str]:
    return re.compile(re.escape(vault_name) + r"\.auto-(\d{8}T\d{6}Z)(?:-(\d{1,3}))?\.bak")


def _free_name(folder: Path, vault_name: str, now: datetime) -> Path:
    """A name no file has yet: two backups in one second get `-1`, `-2`, ..."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        suffix = f"-{n}" if n else ""
        candidate = folder / f"{vault_name}.auto-{stamp}{suffix}.bak"
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise BackupFolderMissingError(path=str(folder))  # a thousand in one second: something is wrong


def _prune(folder: Path, vault_name: str, written: list[str], keep: int) -> tuple[list[Path], list[Path]]:
    """Keep the newest `keep` of the listed backups that still exist (newest first); delete the rest."""
    pattern = _name_pattern(vault_name)
    ordered = []
    for name in reversed(written):  # newest first, by the order written, not by the name's time
        path = folder / name
        if pattern.fullmatch(name) and path.is_file() and not path.is_symlink() and path not in ordered:
            ordered.append(path)
    kept, pruned = ordered[:keep], []
    for old in ordered[keep:]:
        try:
            old.unlink()
            pruned.append(old)
        except OSError:
            log.warning("could not delete an old automatic backup")
            kept.append(old)
    return kept, pruned


def _detail(exc: ConsultantAppError) -> str:
    detail = exc.params.get("detail")
    return str(detail) if detail else type(exc).__name__
