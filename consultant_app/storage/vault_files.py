"""The vault's file, replaced and set aside: the steps that put a complete new file in the
vault's place (a restore, a new passphrase, a new vault) and keep what it replaces.

Every step is a rename of a whole file or nothing: a working file is written beside the vault,
checked, and renamed over it; what a crash leaves is either the old vault or the new one, with
the salt note naming both in between (file_check). A journal SQLite left beside a file belongs
to that file and moves with it.
"""

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

from consultant_app import files
from consultant_app.errors import StorageWriteError
from consultant_app.storage import file_check
from consultant_app.storage.file_lock import VaultLock

log = logging.getLogger(__name__)


# What SQLite keeps beside a database file while a transaction is open, and leaves there when
# the process dies in one: it belongs to that file, but SQLite plays it back into whichever file
# next carries the name ("-wal" is the write-ahead log's, should the mode ever change).
_JOURNALS = ("-journal", "-wal")


def _journals(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in _JOURNALS]


def discard(staging: Path) -> None:
    """Remove a half-written working file and its journal: a journal left by a killed process
    would otherwise be played back into the next file of that name."""
    staging.unlink(missing_ok=True)
    for journal in _journals(staging):
        journal.unlink(missing_ok=True)


def kept_name(path: Path, label: str) -> Path:
    """`<vault>.<label>-<stamp>.bak` beside the vault, never the name of a file already there
    (two restores within a second would otherwise rename the second over the first's copy)."""
    return _unused(path.with_name(f"{path.name}.{label}-{_stamp()}"), ".bak")


def _unused(stem: Path, ending: str = "") -> Path:
    """`stem` + `ending`, or with -2, -3 ... before the ending: the first name nothing has, nor a
    journal of it."""
    candidate, number = stem.with_name(stem.name + ending), 1
    while candidate.exists() or any(journal.exists() for journal in _journals(candidate)):
        number += 1
        candidate = stem.with_name(f"{stem.name}-{number}{ending}")
    return candidate


def move_aside(path: Path, kept: Path) -> None:
    """Move a vault to `kept` with the journal a crash left beside it, so the kept copy still
    rolls back to its last commit when opened, and the file that takes its place gets none. A
    journal that cannot follow (held open by another program on Windows) puts the vault back
    where it was: the restore is refused, and nothing is torn from its journal."""
    try:
        os.replace(path, kept)
    except OSError as exc:
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    moved: list[tuple[Path, Path]] = []
    try:
        for journal, beside_kept in zip(_journals(path), _journals(kept), strict=True):
            if journal.exists():
                os.replace(journal, beside_kept)
                moved.append((beside_kept, journal))
    except OSError as exc:
        for beside_kept, journal in moved:
            os.replace(beside_kept, journal)
        os.replace(kept, path)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


def set_aside_stray_journals(target: Path) -> None:
    """A journal at a file's name when a new file is about to take it can only be an old file's
    (a crash between `move_aside`'s renames, a file picked as a backup's destination that was
    kept with its journal, a journal copied in by hand): played back into the new file it would
    corrupt it. Kept under another name, never deleted."""
    for journal in _journals(target):
        if journal.exists():
            try:
                os.replace(journal, _unused(journal.with_name(f"{journal.name}.stray-{_stamp()}")))
            except OSError as exc:
                raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
            log.warning("a journal left beside a file about to be replaced was set aside")


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def create_private(path: Path) -> None:
    """An empty owner-only file for SQLCipher to fill (it would create one readable by all)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE))
    except OSError as exc:
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


def write_copy(source: Path, target: Path) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
        with open(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


def replace(staging: Path, vault: Path, lock: VaultLock) -> None:
    """Rename a complete new vault file over the vault; the salt note first names both files
    (a crash between the steps leaves it right for either), then only the new one."""
    file_check.note_salts(vault, vault, staging)
    set_aside_stray_journals(vault)
    files.commit_staged(staging, vault)
    file_check.note_salts(vault, vault)
    lock.follow()
