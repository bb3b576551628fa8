"""The encrypted vault: one SQLCipher file per consultant.

Life cycle: `Vault.create` or `Vault.open` (unlock) gives an open vault that holds the only
connection; `lock()` disposes it, releases the file lock and forgets the passphrase.
Every replacement of the file (create, change passphrase, restore) writes a complete new file
beside it (created owner-only) and renames it into place (storage/vault_files.py), so a crash
leaves either the old file or the new one.

A vault may be reached through a symlink or a second name: every operation resolves the real
file once (`file_lock.real_path`) and works on that file, so a re-key or a restore replaces the
vault itself and leaves the link as it was. The "already open" lock belongs to the real file
(storage/file_lock.py). A file that cannot be a vault is refused untouched, and a damaged salt
is told apart from a wrong passphrase (storage/file_check.py).
"""

import hashlib
import hmac
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from consultant_app import files
from consultant_app.domain import Profile
from consultant_app.errors import (
    VaultCorruptError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    VaultTooNewError,
    VaultUpgradeRequired,
)
from consultant_app.storage import audit, backup_file, cipher, file_check, migrate, recovery, vault_files
from consultant_app.storage.file_lock import VaultLock, real_path
from consultant_app.storage.passphrase import Passphrase, profile_words, require_strong
from consultant_app.storage.paths import sibling

T = TypeVar("T")
log = logging.getLogger(__name__)


class Vault:
    def __init__(self, path: Path, passphrase: Passphrase, file_lock: VaultLock) -> None:
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
        path = real_path(path)
        secret = require_strong(passphrase, profile_words(name, team, default_region))
        if path.exists():
            raise VaultExistsError(path=str(path))
        files.make_private_dir(path.parent)
        lock = VaultLock.acquire(path)
        try:
            staging = sibling(path, "new")
            vault_files.discard(staging)  # only ever a half-made vault of ours
            vault_files.create_private(staging)
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
            vault_files.replace(staging, path, lock)
            log.info("vault created")
            return cls(path, secret, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, upgrade: bool = True) -> "Vault":
        """Unlock. An outdated schema is upgraded (after a copy aside) unless `upgrade=False`,
        which raises `VaultUpgradeRequired` so a user interface can ask first."""
        path = real_path(path)
        if not path.is_file():
            raise VaultNotFoundError(path=str(path))
        secret = Passphrase(passphrase)
        lock = VaultLock.acquire(path)
        try:
            file_check.require_vault_file(path)  # an empty or foreign file: refused, untouched
            vault = cls(path, secret, lock)
        except BaseException:
            lock.release()
            raise
        try:
            # Constant time: the first pages here, every page in `verify_pages` (issue 17).
            vault._require_first_pages_intact()
            vault._bring_schema_to_head(upgrade)
            if file_check.file_salt(path) not in file_check.noted_salts(path):
                file_check.note_salts(path, path)  # a vault from before the note, or put back by hand
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

    def run(self, unit: Callable[[Session], T]) -> T:
        """`unit(session)` as one unit of work. Long jobs that also wait on a network take their
        vault steps as such units (`in_vault=`), so a caller can run them elsewhere."""
        with self.session() as session:
            return unit(session)

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
        with self.session() as session:
            profile = session.get(Profile, 1)
            words = profile_words(profile.name, profile.team, profile.default_region) if profile else []
        new_secret = require_strong(new_passphrase, words)
        staging = sibling(self.path, "rekey")
        self._export_to(staging, new_secret)
        self.engine.dispose()
        vault_files.replace(staging, self.path, self._file_lock)
        self._passphrase = new_secret
        self._record("rekey")
        log.info("vault passphrase changed")

    def backup(self, destination: Path | str, *, overwrite: bool = False, remember: bool = True) -> Path:
        """An encrypted copy, under the same passphrase, written atomically. `remember=False`
        leaves the recovery note alone (the automatic backup notes a copy only once verified)."""
        destination = Path(destination)
        if real_path(destination) == self.path:
            # Renamed over the open vault, the copy would take the vault's place while the
            # engine kept writing to the old, unlinked file: work done after it would be lost.
            raise VaultExistsError(path=str(destination))
        if destination.exists() and not overwrite:
            raise VaultExistsError(path=str(destination))
        # A copy of a damaged vault would pass the damage on as if it were a good backup.
        self.verify_pages()
        staging = sibling(files.replace_target(destination), "partial")
        self._export_to(staging, self._secret())
        vault_files.set_aside_stray_journals(files.replace_target(destination))
        files.commit_staged(staging, destination)
        if remember:
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

    def verify_copy(self, copy: Path | str) -> None:
        """Open a copy of this vault in a fresh connection with this vault's key and run the full
        check (SQLite's and SQLCipher's): the copy is proven readable, not merely written.
        Raises a `ConsultantAppError` (corrupt, wrong key, not a vault) otherwise."""
        copy = Path(copy)
        file_check.require_vault_file(copy)
        conn = cipher.connect(str(copy))
        try:
            cipher.apply_key(conn, self._secret())
            cipher.require_integrity(conn)
        finally:
            conn.close()

    def passphrase_matches(self, text: str) -> bool:
        """Whether `text` is this vault's passphrase (asked again before it is changed)."""
        # Digests of equal length: the comparison's time says nothing about either text.
        given = hashlib.sha256(Passphrase(text).reveal().encode("utf-8")).digest()
        held = hashlib.sha256(self._secret().reveal().encode("utf-8")).digest()
        return hmac.compare_digest(given, held)

    def summarize_copy(
        self, copy: Path | str, passphrase: str | None = None, *, full: bool = False
    ) -> backup_file.BackupSummary:
        """A backup's size, date and inquiry count, read with this vault's key or `passphrase`."""
        secret = Passphrase(passphrase) if passphrase is not None else self._secret()
        return backup_file.summarize(Path(copy), secret, full=full)

    def restore_in_place(self, backup: Path | str, passphrase: str | None = None) -> None:
        """Put a backup in this open vault's place, keeping the file lock all along (no other
        program can open it in between), and go on with the backup's key. The backup is copied
        beside the vault and the private copy is checked in full (so a file swapped on a shared
        folder after the check is never what lands); a refusal changes nothing. The caller keeps
        a copy of the vault first: the old file is replaced, in one rename."""
        secret = Passphrase(passphrase) if passphrase is not None else self._secret()
        staging = sibling(self.path, "restore")
        vault_files.discard(staging)
        backup = Path(backup)
        if not backup.is_file():
            raise VaultNotFoundError(path=str(backup))
        file_check.require_vault_file(backup)
        vault_files.write_copy(backup, staging)
        try:
            backup_file.summarize(staging, secret, full=True)
        except BaseException:
            vault_files.discard(staging)
            raise
        self.engine.dispose()
        vault_files.replace(staging, self.path, self._file_lock)
        self._passphrase = secret
        self._require_first_pages_intact()
        self._bring_schema_to_head(upgrade=True)
        self._record("restore")
        log.info("vault restored in place from a backup")

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
        backup, path = Path(backup), real_path(path)
        if not backup.is_file():
            raise VaultNotFoundError(path=str(backup))
        if path.exists() and not force:
            raise VaultExistsError(path=str(path))
        secret = Passphrase(passphrase)
        # The key, both integrity checks, and a vault of this program at a schema it can read:
        # a newer program's backup would otherwise be refused only after it had replaced the vault.
        backup_file.summarize(backup, secret, full=True)
        files.make_private_dir(path.parent)
        lock = VaultLock.acquire(path)
        try:
            staging = sibling(path, "restore")
            vault_files.discard(staging)
            vault_files.write_copy(backup, staging)
            try:
                backup_file.summarize(staging, secret, full=True)  # the copy is what lands
            except BaseException:
                vault_files.discard(staging)
                raise
            kept = None
            if path.exists():
                file_check.note_salts(path, path, staging)
                kept = vault_files.kept_name(path, "replaced")
                vault_files.move_aside(path, kept)
            vault_files.replace(staging, path, lock)
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
        if state is migrate.SchemaState.EMPTY:  # keyed, but no tables: not a vault of ours
            raise file_check.NotAVaultError(path=str(self.path))
        if not upgrade:
            raise VaultUpgradeRequired(current=current, head=migrate.head_revision())
        if state is migrate.SchemaState.OUTDATED:
            self.backup(vault_files.kept_name(self.path, f"before-{current}"))
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            if raw is None:  # only a connection invalidated under us has none
                raise VaultError()
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
        vault_files.discard(staging)
        vault_files.create_private(staging)
        raw = self.engine.raw_connection()
        try:
            cipher.attach_and_export(raw.driver_connection, str(staging), secret)
        except BaseException:
            vault_files.discard(staging)
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
