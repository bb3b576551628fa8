"""The encrypted vault: one SQLCipher file per consultant.

Life cycle: `Vault.create` or `Vault.open` (unlock) gives an open vault that holds the only
connection; `lock()` disposes it, releases the file lock and forgets the passphrase.
Every replacement of the file (create, change passphrase, restore) writes a complete new file
beside it and renames it into place, so a crash leaves either the old file or the new one.
"""

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import filelock
import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from consultant_app.domain import Profile
from consultant_app.errors import (
    StorageWriteError,
    VaultCorruptError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    VaultTooNewError,
    VaultUpgradeRequired,
)
from consultant_app.services import audit
from consultant_app.storage import cipher, migrate, recovery
from consultant_app.storage.passphrase import Passphrase, require_strong
from consultant_app.storage.paths import sibling

log = logging.getLogger(__name__)


class Vault:
    def __init__(self, path: Path, passphrase: Passphrase, file_lock: filelock.BaseFileLock) -> None:
        self.path = path
        self._passphrase: Passphrase | None = passphrase
        self._file_lock = file_lock
        self._engine: Engine | None = self._make_engine()
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        audit.install(self._sessions)  # every create, update and delete leaves an audit line

    # --- opening and closing -----------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, *, name: str, team: str, default_region: str | None = None
    ) -> "Vault":
        """A new vault with the consultant's profile. Refuses to overwrite any existing file."""
        path = Path(path)
        secret = require_strong(passphrase)
        if path.exists():
            raise VaultExistsError(path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _acquire(path)
        try:
            staging = sibling(path, "new")
            _discard(staging)  # only ever a half-made vault of ours
            conn = cipher.connect(str(staging))
            try:
                cipher.apply_key(conn, secret)
                engine = _sqlcipher_engine(lambda: conn)
                with engine.begin() as c:
                    migrate.upgrade(c)
                with Session(engine) as session, session.begin():
                    session.add(Profile(name=name, team=team, default_region=default_region))
                engine.dispose()
            finally:
                conn.close()
            _commit_file(staging, path)
            log.info("vault created")
            return cls(path, secret, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, upgrade: bool = True) -> "Vault":
        """Unlock. An outdated schema is upgraded (after a copy aside) unless `upgrade=False`,
        which raises `VaultUpgradeRequired` so a user interface can ask first."""
        path = Path(path)
        if not path.is_file():
            raise VaultNotFoundError(path=str(path))
        secret = Passphrase(passphrase)
        lock = _acquire(path)
        try:
            vault = cls(path, secret, lock)
        except BaseException:
            lock.release()
            raise
        try:
            # Constant time: the first pages here, every page in `verify_pages` (issue 17).
            vault._require_first_pages_intact()
            vault._bring_schema_to_head(upgrade)
        except BaseException:
            vault.lock()
            raise
        log.info("vault unlocked")
        return vault

    def lock(self) -> None:
        """Dispose the engine (no connection left open), release the file, forget the key."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._passphrase = None
        if self._file_lock.is_locked:
            self._file_lock.release()
        log.info("vault locked")

    close = lock

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.lock()

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLockedError()
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        if self._engine is None:
            raise VaultLockedError()
        with self._sessions() as session, session.begin():
            yield session

    # --- maintenance -------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-key by writing a complete copy under the new key and renaming it into place."""
        new_secret = require_strong(new_passphrase)
        staging = sibling(self.path, "rekey")
        self._export_to(staging, new_secret)
        self.engine.dispose()
        _commit_file(staging, self.path)
        self._passphrase = new_secret
        self._record("rekey")
        log.info("vault passphrase changed")

    def backup(self, destination: Path | str, *, overwrite: bool = False) -> Path:
        """An encrypted copy, under the same passphrase, written atomically."""
        destination = Path(destination)
        if destination.exists() and not overwrite:
            raise VaultExistsError(path=str(destination))
        # A copy of a damaged vault would pass the damage on as if it were a good backup.
        self.verify_pages()
        staging = sibling(destination, "partial")
        self._export_to(staging, self._secret())
        _commit_file(staging, destination)
        recovery.remember_backup(self.path, destination)
        self._record("backup")
        log.info("vault backed up")
        return destination

    def verify_pages(self) -> None:
        """Raise `VaultCorruptError` unless every page's HMAC holds (SQLCipher's full check).
        Reads the whole file: the desktop runs it on its lane after unlock."""
        raw = self.engine.raw_connection()
        try:
            cipher.require_pages_intact(raw.driver_connection)
        finally:
            raw.close()

    def check_integrity(self) -> None:
        """Raise `VaultCorruptError` unless SQLite's and SQLCipher's checks are both clean."""
        raw = self.engine.raw_connection()
        try:
            cipher.require_integrity(raw.driver_connection)
        finally:
            raw.close()

    @staticmethod
    def restore(backup: Path | str, path: Path | str, passphrase: str, *, force: bool = False) -> Path | None:
        """Put a backup in the vault's place. The backup is verified first; a vault that is
        replaced (only with `force`) is moved aside, never deleted. Returns where it went."""
        backup, path = Path(backup), Path(path)
        if not backup.is_file():
            raise VaultNotFoundError(path=str(backup))
        if path.exists() and not force:
            raise VaultExistsError(path=str(path))
        secret = Passphrase(passphrase)
        conn = cipher.connect(str(backup))
        try:
            cipher.apply_key(conn, secret)
            cipher.require_integrity(conn)
        finally:
            conn.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _acquire(path)
        try:
            staging = sibling(path, "restore")
            _write_copy(backup, staging)
            kept = None
            if path.exists():
                kept = path.with_name(f"{path.name}.replaced-{_stamp()}.bak")
                os.replace(path, kept)
            _commit_file(staging, path)
            log.info("vault restored from backup")
        finally:
            lock.release()
        with Vault.open(path, passphrase) as vault:
            vault._record("restore")
        return kept

    # --- internals ---------------------------------------------------------------------

    def _secret(self) -> Passphrase:
        if self._passphrase is None:
            raise VaultLockedError()
        return self._passphrase

    def _make_engine(self) -> Engine:
        # The key is applied inside the creator, before SQLAlchemy's own first-connect queries.
        def keyed_connection():
            conn = cipher.connect(str(self.path))
            try:
                cipher.apply_key(conn, self._secret())
                conn.execute(f"PRAGMA cache_size = -{cipher.page_cache_kib(str(self.path))}").fetchall()
            except BaseException:
                conn.close()
                raise
            return conn

        engine = _sqlcipher_engine(keyed_connection)
        with engine.connect():  # proves the key now, not at the first query
            pass
        return engine

    def _require_first_pages_intact(self) -> None:
        raw = self.engine.raw_connection()
        try:
            cipher.require_first_pages_intact(raw.driver_connection)
        finally:
            raw.close()

    def _bring_schema_to_head(self, upgrade: bool) -> None:
        with self.engine.connect() as conn:
            state = migrate.schema_state(conn)
            current = migrate.current_revision(conn)
        if state is migrate.SchemaState.CURRENT:
            with self.engine.begin() as conn:
                migrate.repair_derived(conn)
            return
        if state is migrate.SchemaState.TOO_NEW:
            raise VaultTooNewError()
        if not upgrade:
            raise VaultUpgradeRequired(current=current, head=migrate.head_revision())
        if state is migrate.SchemaState.OUTDATED:
            self.backup(self.path.with_name(f"{self.path.name}.before-{current}-{_stamp()}.bak"))
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            # SQLite alters a table by rebuilding it; with foreign keys on, dropping the old copy
            # would cascade into every row that points at it. The pragma only takes effect
            # outside a transaction, so: off, migrate and check in one transaction, on again.
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    migrate.upgrade(conn)
                    if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                        raise VaultCorruptError(detail="foreign_key_check")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
        log.info("vault schema upgraded")

    def _export_to(self, staging: Path, secret: Passphrase) -> None:
        _discard(staging)
        raw = self.engine.raw_connection()
        try:
            cipher.attach_and_export(raw.driver_connection, str(staging), secret)
        except BaseException:
            _discard(staging)
            raise
        finally:
            raw.close()

    def _record(self, action: str) -> None:
        with self.session() as session:
            audit.record(session, action)


def _sqlcipher_engine(creator) -> Engine:
    # One connection: the key derivation is paid once per unlock, and all database work goes
    # through one lane. hide_parameters: record content never reaches a log line or an error.
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
        hide_parameters=True,
    )

    # The driver runs in autocommit mode (isolation_level=None); SQLAlchemy's "begin" issues a
    # real BEGIN so a transaction, a migration or an import is all-or-nothing.
    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def _acquire(path: Path) -> filelock.BaseFileLock:
    # thread_local=False: the desktop unlocks on a worker and may lock from another thread.
    lock = filelock.FileLock(str(sibling(path, "lock")), timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultInUseError() from None
    return lock


def _discard(staging: Path) -> None:
    """Remove a half-written working file and its journal: a journal left by a killed process
    would otherwise be played back into the next file of that name."""
    staging.unlink(missing_ok=True)
    staging.with_name(staging.name + "-journal").unlink(missing_ok=True)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _write_copy(source: Path, target: Path) -> None:
    try:
        shutil.copyfile(source, target)
        _fsync(target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


def _commit_file(staging: Path, final: Path) -> None:
    """Make a fully written file durable, then rename it into place in one atomic step."""
    try:
        if os.name != "nt":  # owner only; on Windows the per-user profile folder protects it
            os.chmod(staging, 0o600)
        _fsync(staging)
        os.replace(staging, final)
        _fsync_dir(final.parent)
    except OSError as exc:
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory; its rename is durable on return
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
