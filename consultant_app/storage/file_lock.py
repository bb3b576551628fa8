"""The "already open" lock of a vault: it belongs to the file, not to the name it was opened by.

A vault can be reached by several names: a symbolic link, a second path to the same folder, a
hard link. A lock file named after the path (`vault.db.lock`) would let each name open the
same file at once, and two writers would corrupt it. So the lock is taken twice, both
non-blocking, in the per-user cache folder (never beside the vault, where a read-only or
shared folder would refuse it):

- by the real path (symlinks resolved): covers a vault that does not exist yet (create,
  restore) and every symlink or second path to it;
- by the file's device and inode: covers hard links.

A vault replaced by a rename (change of passphrase, restore) is a new inode: `follow()` moves
the inode lock to the new file while the path lock stays held, so there is no moment in which
another process could open it. The locks are OS locks (`filelock`): a killed process frees them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import filelock
import platformdirs

from consultant_app.errors import VaultInUseError
from consultant_app.files import make_private_dir
from consultant_app.storage.paths import APP_NAME

LOCK_DIR_ENV = "CONSULTANT_APP_LOCK_DIR"  # tests and portable installs may choose the folder


def lock_dir() -> Path:
    chosen = os.environ.get(LOCK_DIR_ENV)
    folder = Path(chosen) if chosen else platformdirs.user_cache_path(APP_NAME, appauthor=False) / "locks"
    return make_private_dir(folder)


def real_path(path: Path | str) -> Path:
    """The file every operation works on: the end of any chain of symlinks, absolute."""
    return Path(path).resolve()


class VaultLock:
    def __init__(self, real: Path) -> None:
        self.real = real
        self._path_lock: filelock.BaseFileLock | None = None
        self._inode_lock: filelock.BaseFileLock | None = None

    @classmethod
    def acquire(cls, real: Path) -> VaultLock:
        lock = cls(real)
        lock._path_lock = _take(f"path:{real}")
        try:
            lock._inode_lock = _inode_lock(real)
        except BaseException:
            lock.release()
            raise
        return lock

    def follow(self) -> None:
        """After the file was replaced: hold the new inode, then let the old one go."""
        old, self._inode_lock = self._inode_lock, _inode_lock(self.real)
        if old is not None:
            old.release()

    @property
    def is_locked(self) -> bool:
        return self._path_lock is not None and self._path_lock.is_locked

    def release(self) -> None:
        for lock in (self._inode_lock, self._path_lock):
            if lock is not None and lock.is_locked:
                lock.release()
        self._inode_lock = self._path_lock = None


def _inode_lock(real: Path) -> filelock.BaseFileLock | None:
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return None  # not made yet: the path lock covers it
    if os.name == "nt" and not st.st_ino:
        return None  # a file system without file ids: the path lock alone
    return _take(f"inode:{st.st_dev}:{st.st_ino}")


def _take(key: str) -> filelock.BaseFileLock:
    name = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".lock"
    # thread_local=False: the desktop unlocks on a worker and may lock from another thread.
    lock = filelock.FileLock(str(lock_dir() / name), timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultInUseError() from None
    return lock
