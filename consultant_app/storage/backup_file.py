"""A backup file, read before it is trusted: what it is, whose key opens it, what it holds.

A file offered for a restore may come from anywhere (a shared folder, a USB stick, a mail), so
it is refused, untouched, unless it is an encrypted vault of this program that the given key
opens, at a schema this program knows (not one of a newer version, which it could not read),
and, for `full`, every page passes SQLite's and SQLCipher's checks. Nothing here writes what
the file holds — except that opening it, like any open, rolls back a journal a crash left beside
it, which makes the file what it was at its last commit (Vault.restore checks a kept copy so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3

from consultant_app.domain.cases import Inquiry
from consultant_app.errors import VaultCorruptError, VaultNotFoundError, VaultTooNewError
from consultant_app.storage import cipher, file_check, migrate
from consultant_app.storage.passphrase import Passphrase


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size: int  # bytes
    modified: datetime  # local time, from the file system
    inquiries: int
    outdated: bool  # an older schema: upgraded after the restore


def summarize(path: Path, secret: Passphrase, *, full: bool = False) -> BackupSummary:
    """Open the backup with `secret` and count its inquiries. Raises `WrongPassphraseError`,
    `NotAVaultError`, `VaultCorruptError`, `VaultTooNewError` or `VaultNotFoundError`."""
    path = Path(path)
    if not path.is_file():  # SQLCipher would make a new, empty file of a missing one
        raise VaultNotFoundError(path=str(path))
    file_check.require_vault_file(path)
    stat = path.stat()
    conn = cipher.connect(str(path))
    try:
        cipher.apply_key(conn, secret)
        if full:
            cipher.require_integrity(conn)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = _revision(conn) if "alembic_version" in tables else None
            state = migrate.revision_state(revision)
            if state is migrate.SchemaState.EMPTY or Inquiry.__tablename__ not in tables:
                raise file_check.NotAVaultError(path=str(path))  # keyed, but not a vault of ours
            if state is migrate.SchemaState.TOO_NEW:
                raise VaultTooNewError()
            count = conn.execute(f"SELECT count(*) FROM {Inquiry.__tablename__}").fetchone()[0]  # noqa: S608
        except sqlcipher3.DatabaseError:
            raise VaultCorruptError(detail="read") from None
    finally:
        conn.close()
    return BackupSummary(
        path=path,
        size=stat.st_size,
        modified=datetime.fromtimestamp(stat.st_mtime),
        inquiries=int(count),
        outdated=state is migrate.SchemaState.OUTDATED,
    )


def _revision(conn) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row and row[0] is not None else None
