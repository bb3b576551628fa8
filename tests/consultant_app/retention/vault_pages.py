"""Decrypt every page of a SQLCipher 4 vault file with the passphrase, independently of SQLCipher.

SQLCipher 4's defaults (the vault checks them at every open): the key is PBKDF2-HMAC-SHA512 of
the passphrase over the file's first 16 bytes (the salt), 256 000 iterations, 32 bytes; each
4096-byte page is AES-256-CBC encrypted, and its last 80 bytes are reserved for the page's IV
(16) and HMAC (64). Page 1 starts with the salt, so its ciphertext starts at byte 16. Free
pages are decrypted too: that is the point, a deleted row's bytes could hide there.
"""

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16


def page_key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, 256_000, 32)


def _decrypt(key: bytes, page: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_pages(path: Path, passphrase: str) -> list[bytes]:
    data = path.read_bytes()
    assert len(data) % PAGE == 0, "a SQLCipher file is whole pages"
    key = page_key(passphrase, data[:SALT])
    pages = [_decrypt(key, data[i : i + PAGE], i == 0) for i in range(0, len(data), PAGE)]
    # Proof that the key and layout are right: page 1 carries SQLite's header from byte 16 on,
    # page size 4096 (0x1000) and 80 reserved bytes per page.
    assert pages[0][:2] == b"\x10\x00" and pages[0][20 - SALT] == RESERVE
    return pages


def decrypted_wal_frames(path: Path, key_source: Path, passphrase: str) -> list[bytes]:
    """The pages in a WAL file (32-byte header, then frames of a 24-byte header and a page)."""
    if not path.exists():
        return []
    key = page_key(passphrase, key_source.read_bytes()[:SALT])
    data = path.read_bytes()
    frames, offset = [], 32
    while offset + 24 + PAGE <= len(data):
        frames.append(_decrypt(key, data[offset + 24 : offset + 24 + PAGE], False))
        offset += 24 + PAGE
    return frames
