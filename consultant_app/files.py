"""The one way the app writes a file: owner-only, complete or not at all.

Every file the app produces — vault replacements, backups, sidecars, PDFs, exports,
calendars, settings, logs — goes through here. The bytes are written to a staging file in
the target's own folder, created 0600 (so no other user can read it even for a moment),
flushed and fsynced, then renamed over the target with `os.replace` and the folder fsynced:
a crash, a full disk or a kill leaves the old file or the new one, never half of either.
Folders the app creates are 0700.

`replace_target` resolves a symbolic link first, so writing through a link replaces the file
it points to instead of the link itself.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from consultant_app.errors import StorageWriteError

FILE_MODE = 0o600
DIR_MODE = 0o700


def replace_target(path: Path) -> Path:
    """The file that a write to `path` must replace: the end of any chain of symlinks."""
    path = Path(path)
    return path.resolve() if path.is_symlink() else path


def staging_path(final: Path) -> Path:
    """A fresh name beside `final` for a file being written (same folder: same filesystem)."""
    return final.with_name(f".{final.name}.{os.urandom(4).hex()}.partial")  # as secrets.token_hex


def make_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) owner-only; an existing folder is left as it is."""
    path = Path(path)
    try:
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    return path


def fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; its rename is durable on return
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_staged(staging: Path, final: Path) -> None:
    """Make a fully written staging file durable and rename it over `final` in one step.

    For files that another library writes by name (SQLCipher's export, a PDF canvas): let it
    write `staging_path(final)`, then commit. The staging file is removed on failure.
    """
    final = replace_target(final)
    try:
        if os.name != "nt":  # on Windows the per-user profile folder protects it
            os.chmod(staging, FILE_MODE)
        with open(staging, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(staging, final)
        fsync_dir(final.parent)
    except OSError as exc:
        Path(staging).unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None


@contextlib.contextmanager
def private_file(
    path: Path, mode: str = "wb", *, encoding: str | None = None, newline: str | None = None
) -> Iterator[IO[Any]]:
    """Open a new owner-only file that replaces `path` when the block ends without an error.

        with private_file(target, "w", encoding="utf-8") as f:
            f.write(text)

    If the block raises, the staging file is removed and `path` is untouched.
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"private_file writes whole files ('wb' or 'w'), not {mode!r}")
    final = replace_target(Path(path))
    staging = staging_path(final)
    try:
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    except OSError as exc:
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    try:
        with open(fd, mode, encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise StorageWriteError(detail=exc.strerror or type(exc).__name__) from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    commit_staged(staging, final)


def write_private(path: Path, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write a whole file at once through `private_file`."""
    if isinstance(data, str):
        data = data.encode(encoding)
    with private_file(path, "wb") as f:
        f.write(data)


def write_private_with(path: Path, produce: Callable[[IO[bytes]], None]) -> None:
    """Let `produce` write into a binary file object (openpyxl's `save`, ReportLab's canvas)."""
    with private_file(path, "wb") as f:
        produce(f)
