"""What is at the vault path, before a key touches it, and what a failed key means.

- An empty file, a plain SQLite database, or a file whose size is not whole SQLCipher pages is
  refused with a message that says what it is, and left untouched (SQLCipher would otherwise
  make an empty file into a new vault under whatever passphrase was typed).
- The salt note: SQLCipher keeps the key's random salt in the first 16 bytes of the file, in
  the clear. If those bytes are damaged, every page fails to decrypt, exactly as with a wrong
  passphrase. So the salt of every vault file the app writes is noted beside it
  (`<vault>.salt`, the salt in hex; not secret: it is in the file itself). When a key fails
  and the file's salt is not the noted one, the first page is put back together with the noted
  salt in a private temporary copy and the key tried on it: if it opens, the passphrase was
  right and the file is damaged ("restore a backup"), not a wrong passphrase.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from consultant_app.errors import VaultCorruptError, VaultError
from consultant_app.files import write_private
from consultant_app.i18n import Text
from consultant_app.storage.paths import sibling

PAGE_SIZE = 4096
SALT_SIZE = 16
SALT_SUFFIX = "salt"
_SQLITE_HEADER = b"SQLite format 3\x00"

EMPTY_FILE = Text(
    da="Filen er tom (0 byte) og er ikke en boks: {path}. Den er ikke ændret. Vælg den rigtige boks, "
    "eller gendan en sikkerhedskopi.",
    en="The file is empty (0 bytes) and is not a vault: {path}. It was not changed. Choose the right "
    "vault, or restore a backup.",
)
PLAIN_SQLITE = Text(
    da="Filen er en ukrypteret SQLite-database, ikke en krypteret boks: {path}. Den er ikke ændret.",
    en="The file is an unencrypted SQLite database, not an encrypted vault: {path}. It was not changed.",
)
NOT_A_VAULT = Text(
    da="Filen er ikke en krypteret boks fra dette program (SQLCipher): {path}. Den er ikke ændret.",
    en="The file is not an encrypted vault of this program (SQLCipher): {path}. It was not changed.",
)
DAMAGED_SALT = Text(
    da="Adgangskoden er rigtig, men boksens første side (dens salt) er beskadiget. Intet er slettet; "
    "gendan en sikkerhedskopi.",
    en="The passphrase is right, but the vault's first page (its salt) is damaged. Nothing was deleted; "
    "restore a backup.",
)


class NotAVaultError(VaultError):
    text = NOT_A_VAULT


def require_vault_file(path: Path) -> None:
    """Refuse, without opening it, a file that cannot be a SQLCipher vault."""
    size = path.stat().st_size
    if size == 0:
        raise NotAVaultError(EMPTY_FILE, path=str(path))
    with path.open("rb") as f:
        start = f.read(len(_SQLITE_HEADER))
    if start == _SQLITE_HEADER:
        raise NotAVaultError(PLAIN_SQLITE, path=str(path))
    if size % PAGE_SIZE:
        raise NotAVaultError(NOT_A_VAULT, path=str(path))


def salt_note_path(vault: Path) -> Path:
    return sibling(Path(vault).resolve(), SALT_SUFFIX)  # beside the real file


def file_salt(path: Path) -> bytes | None:
    try:
        with path.open("rb") as f:
            salt = f.read(SALT_SIZE)
    except OSError:
        return None
    return salt if len(salt) == SALT_SIZE else None


def noted_salts(vault: Path) -> list[bytes]:
    try:
        lines = salt_note_path(vault).read_text(encoding="ascii").split()
        return [bytes.fromhex(line) for line in lines if len(line) == 2 * SALT_SIZE]
    except (OSError, ValueError):
        return []


def note_salts(vault: Path, *files: Path) -> None:
    """Note the salts of `files` for `vault` (before a replacement: the old and the new file, so
    a crash between the two steps leaves the note right for either). Best effort."""
    salts = [s for s in (file_salt(f) for f in files) if s is not None]
    if not salts:
        return
    with contextlib.suppress(OSError, VaultError):
        write_private(salt_note_path(vault), "".join(s.hex() + "\n" for s in dict.fromkeys(salts)))


def refuse_damaged_salt(path: Path, try_key) -> None:
    """After a key failed on `path`: raise `VaultCorruptError` when the file's salt is not the
    noted one and the key opens the first page with the noted salt put back.

    `try_key(copy_path)` returns True when the key verifies a page of the copy."""
    current = file_salt(path)
    candidates = [s for s in noted_salts(path) if s != current]
    if current is None or not candidates:
        return
    with path.open("rb") as f:
        first_pages = f.read(2 * PAGE_SIZE)
    for salt in candidates:
        fd, name = tempfile.mkstemp(prefix="consultant-app-salt-", suffix=".db")  # 0600
        try:
            with os.fdopen(fd, "wb") as copy:
                copy.write(salt + first_pages[SALT_SIZE:])
            if try_key(Path(name)):
                raise VaultCorruptError(DAMAGED_SALT)
        finally:
            Path(name).unlink(missing_ok=True)
