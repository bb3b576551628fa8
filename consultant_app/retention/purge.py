"""Removing erased bytes from the vault file itself, not only from its tables.

A deleted row's bytes stay in its page (or a free page) until overwritten, and the rollback
journal of the delete held the old pages for a moment. So erasure deletes with
`PRAGMA secure_delete = ON` (SQLite overwrites deleted content with zeros), and afterwards,
outside any transaction: a WAL checkpoint with truncation (a no-op in the vault's rollback
journal mode, kept in case the mode ever changes) and `VACUUM`, which rewrites the whole file
from its live rows, so no free page is left holding old data.
"""

from sqlalchemy import Connection

from consultant_app.storage.vault import Vault


def secure_delete_on(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA secure_delete = ON").fetchall()


def compact(vault: Vault) -> None:
    raw = vault.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("VACUUM")
        conn.execute("PRAGMA secure_delete = OFF").fetchall()
    finally:
        raw.close()
