"""SQLCipher on a raw DB-API connection: apply the key, verify it, check the settings.

Everything here talks to the sqlcipher3 connection directly, never through SQLAlchemy, so
no statement that holds a passphrase can reach SQLAlchemy's logging or its error messages.
Every failure is re-raised as a typed error with `from None`: the original exception (which
could name the statement) is not chained into tracebacks.
"""

import os
from pathlib import Path

import sqlcipher3

from consultant_app.errors import (
    EncryptionSettingsError,
    StorageWriteError,
    VaultCorruptError,
    WrongPassphraseError,
)
from consultant_app.storage import file_check
from consultant_app.storage.passphrase import Passphrase

# SQLCipher 4 defaults (architecture.md): checked at every open, never changed.
EXPECTED_SETTINGS = {
    "kdf_iter": "256000",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_page_size": "4096",
    "cipher_plaintext_header_size": "0",
}

# Applied after the key on every connection.
CONNECTION_PRAGMAS = (
    "PRAGMA temp_store = MEMORY",  # no plaintext temporary files
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = DELETE",  # the rollback journal holds encrypted pages only
    "PRAGMA synchronous = FULL",  # what was reported saved survives a power cut
    "PRAGMA busy_timeout = 5000",
    # 64 MiB page cache (default 8 MiB): every page read from the OS cache is decrypted and
    # HMAC-checked again; at 100 000 inquiries a text search, a package and the statistics
    # re-read more than 8 MiB each time (tests/bench/run.py: text search 566 -> 177 ms).
    # A vault's own connections then size it to the vault (`page_cache_kib`).
    "PRAGMA cache_size = -65536",
)
PAGE_CACHE_MIN_KIB = 16 * 1024
PAGE_CACHE_MAX_KIB = 128 * 1024


def sql_literal(text: str) -> str:
    """A SQL string literal. PRAGMA key takes no bound parameters, so quote it ourselves."""
    if "\x00" in text:
        raise ValueError("text with a NUL character cannot be a SQL literal")
    return "'" + text.replace("'", "''") + "'"


def connect(path: str) -> sqlcipher3.Connection:
    # isolation_level=None: SQLAlchemy and our code issue BEGIN/COMMIT themselves.
    conn = sqlcipher3.connect(path, check_same_thread=False, isolation_level=None)
    # SQLCipher logs a failed HMAC (a wrong key) to stderr; our own error says it plainly.
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    return conn


def apply_key(dbapi_conn, passphrase: Passphrase) -> None:
    """Key a fresh connection, prove the key by reading, and refuse unexpected settings."""
    try:
        dbapi_conn.execute(f"PRAGMA key = {sql_literal(passphrase.reveal())}")
    except Exception:
        raise WrongPassphraseError() from None
    try:
        # A wrong key only shows at the first read ("file is not a database").
        dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        if _right_key_on_a_damaged_file(dbapi_conn):
            raise VaultCorruptError(detail="page 1") from None
        path = _main_path(dbapi_conn)
        if path:  # a damaged salt looks like a wrong key: the salt note tells them apart
            file_check.refuse_damaged_salt(Path(path), lambda copy: key_verifies_a_page(copy, passphrase))
        raise WrongPassphraseError() from None
    version = dbapi_conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise EncryptionSettingsError(setting="cipher_version")
    for name, expected in EXPECTED_SETTINGS.items():
        row = dbapi_conn.execute(f"PRAGMA {name}").fetchone()
        if row is None or str(row[0]) != expected:
            raise EncryptionSettingsError(setting=name)
    for pragma in CONNECTION_PRAGMAS:
        dbapi_conn.execute(pragma).fetchall()


def attach_and_export(dbapi_conn, target_path: str, passphrase: Passphrase) -> None:
    """Write a complete encrypted copy of the open database to `target_path`.

    `sqlcipher_export` copies schema and data page by page into a new file with its own salt,
    so a backup or a re-keyed copy never shares key material with the original.
    """
    try:
        dbapi_conn.execute(
            f"ATTACH DATABASE {sql_literal(target_path)} AS export KEY {sql_literal(passphrase.reveal())}"
        )
    except Exception:
        raise StorageWriteError(detail="attach") from None
    try:
        dbapi_conn.execute("SELECT sqlcipher_export('export')").fetchall()
        version = dbapi_conn.execute("PRAGMA main.user_version").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA export.user_version = {int(version)}")
    except sqlcipher3.OperationalError as exc:
        raise StorageWriteError(detail=_safe_reason(exc)) from None
    finally:
        dbapi_conn.execute("DETACH DATABASE export")


def integrity_problems(dbapi_conn) -> list[str]:
    """Both SQLite's structural check and SQLCipher's per-page HMAC check; empty when clean."""
    problems: list[str] = []
    rows = dbapi_conn.execute("PRAGMA integrity_check").fetchall()
    problems += [r[0] for r in rows if r[0] != "ok"]
    problems += [r[0] for r in dbapi_conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    return problems


def require_first_pages_intact(dbapi_conn) -> None:
    """The quick check at unlock, in constant time whatever the vault's size: the schema and,
    of every table, the root page and the first and last leaf (each page read is decrypted and
    its HMAC checked by SQLCipher). A damaged page elsewhere is found by the full check
    (`require_pages_intact`), which the desktop runs after unlock and every backup runs first."""
    try:
        # (schema, name, type, ncol, without_rowid, strict); virtual tables have no pages.
        tables = [
            (name, without_rowid)
            for schema, name, kind, _n, without_rowid, _strict in dbapi_conn.execute("PRAGMA table_list")
            if schema == "main" and kind in ("table", "shadow")
        ]
        for name, without_rowid in tables:
            quoted = '"' + name.replace('"', '""') + '"'
            dbapi_conn.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()  # noqa: S608 (a schema name)
            if not without_rowid:
                dbapi_conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT 1").fetchall()  # noqa: S608
    except sqlcipher3.DatabaseError:
        raise VaultCorruptError(detail="first pages") from None


def page_cache_kib(path: str) -> int:
    """The page cache for a vault of this size (KiB): the whole vault up to PAGE_CACHE_MAX_KIB.
    A page read from the OS cache is decrypted and HMAC-checked again, so a cache that holds the
    working set decrypts each page once; the cap keeps the process within its memory goal
    (300 MB with the desktop, tests/bench/run.py). SQLite fills it only as pages are read."""
    try:
        size_kib = os.path.getsize(path) // 1024
    except OSError:
        size_kib = 0
    return max(PAGE_CACHE_MIN_KIB, min(size_kib, PAGE_CACHE_MAX_KIB))


def require_pages_intact(dbapi_conn) -> None:
    """SQLCipher's HMAC check of every page (a flipped byte anywhere), without SQLite's slower
    structural check. It reads the whole file (about 1 s per 100 MB on a small laptop), so it
    runs after unlock, in the background, and before every backup."""
    try:
        problems = dbapi_conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError:
        raise VaultCorruptError(detail="cipher_integrity_check") from None
    if problems:
        raise VaultCorruptError(detail=f"cipher_integrity_check: {len(problems)}")


def key_verifies_a_page(path: Path, passphrase: Passphrase) -> bool:
    """True when the key's HMAC holds for at least one page of the file at `path`."""
    conn = connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {sql_literal(passphrase.reveal())}")
        pages = os.path.getsize(path) // int(EXPECTED_SETTINGS["cipher_page_size"])
        failed = len(conn.execute("PRAGMA cipher_integrity_check").fetchall())
        return pages > 0 and failed < pages
    except (sqlcipher3.DatabaseError, OSError):
        return False
    finally:
        conn.close()


def _main_path(dbapi_conn) -> str | None:
    try:
        return next(row[2] for row in dbapi_conn.execute("PRAGMA database_list") if row[1] == "main")
    except (sqlcipher3.DatabaseError, StopIteration):
        return None


def _right_key_on_a_damaged_file(dbapi_conn) -> bool:
    """After a failed first read: does the key verify some pages (the key is right and page 1
    is damaged) or none (a wrong passphrase, or a damaged salt, which looks the same)?"""
    try:
        path = next(row[2] for row in dbapi_conn.execute("PRAGMA database_list") if row[1] == "main")
        pages = os.path.getsize(path) // int(EXPECTED_SETTINGS["cipher_page_size"])
        failed = len(dbapi_conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except (sqlcipher3.DatabaseError, OSError, StopIteration, ValueError):
        return False
    return pages > 1 and failed < pages


def require_integrity(dbapi_conn) -> None:
    try:
        problems = integrity_problems(dbapi_conn)
    except sqlcipher3.DatabaseError:
        raise VaultCorruptError(detail="integrity_check") from None
    if problems:
        raise VaultCorruptError(detail=f"{len(problems)} problems")


def _safe_reason(exc: Exception) -> str:
    """SQLite's own words for a failure (e.g. 'database or disk is full'): never statement text."""
    text = str(exc)
    return text if len(text) < 80 and "'" not in text else type(exc).__name__
