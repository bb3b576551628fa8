"""Removing erased bytes from the vault file itself, not only from its tables.

A deleted row's bytes stay in its page (or a free page) until overwritten, and the rollback
journal of the delete held the old pages for a moment. So erasure deletes with
`PRAGMA secure_delete = ON` (SQLite overwrites deleted content with zeros), and afterwards,
outside any transaction: a WAL checkpoint with truncation (a no-op in the vault's rollback
journal mode, kept in case the mode ever changes) and `VACUUM`, which rewrites the whole file
from its live rows, so no free page is left holding old data.

The text-search index (storage/search_index.py) forgets a deleted row through its triggers,
but FTS5 keeps the old trigrams in its segments until they are merged; erasure rebuilds it
from the remaining content, so the erased case's trigrams are gone from it too.
"""

from sqlalchemy import Connection

from consultant_app.errors import VaultError
from consultant_app.storage import search_index
from consultant_app.storage.vault import Vault


def rebuild_search_index(connection: Connection) -> None:
    existing = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    for indexed in search_index.INDEXED:
        if indexed.fts in existing:
            # The name comes from the constant INDEXED, never from input.
            connection.exec_driver_sql(f"INSERT INTO {indexed.fts}({indexed.fts}) VALUES ('rebuild')")  # noqa: S608


def secure_delete_on(connection: Connection) -> None:
    connection.exec_driver_sql("PRAGMA secure_delete = ON").fetchall()


def compact(vault: Vault) -> None:
    raw = vault.engine.raw_connection()
    try:
        conn = raw.driver_connection
        if conn is None:  # only a connection invalidated under us has none
            raise VaultError()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("VACUUM")
        conn.execute("PRAGMA secure_delete = OFF").fetchall()
    finally:
        raw.close()
