"""Tokens: one per laptop (it sends that consultant's packages), and analyst tokens (they read
the exact national JSON). Issued by `add-token`, kept in a tokens file beside the service.

- A token is `secrets.token_urlsafe(32)` (256 random bits), shown once when issued; the file
  stores only its SHA-256 and a random id that the database refers to.
- A token is checked by hashing it and comparing with every stored hash in constant time
  (`hmac.compare_digest`, no early exit).
- The file is written whole and renamed into place, owner-only; the service re-reads it when it
  changes, so a token added while the service runs works at once.
"""

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import filelock

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

LAPTOP, ANALYST = "laptop", "analyst"
KINDS = (LAPTOP, ANALYST)
FILE_FORMAT = 1

log = logging.getLogger(__name__)


class TokenFileError(ConsultantAppError):
    text = Text(
        da="Nøglefilen {path} kan ikke bruges: {reason}",
        en="The tokens file {path} cannot be used: {reason}",
    )


@dataclass(frozen=True)
class TokenEntry:
    id: str  # random, what the database records (never the token or its hash)
    name: str  # whose laptop, or which analyst: for the people running the service
    kind: str  # laptop | analyst
    sha256: str
    created_at: str
    submitter: str | None = None  # optional: the laptop's submitter id, known in advance


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def read_entries(path: Path) -> list[TokenEntry]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TokenFileError(path=path, reason="not found (create it with add-token)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise TokenFileError(path=path, reason=type(exc).__name__) from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise TokenFileError(path=path, reason="unknown format")
    try:
        return [TokenEntry(**entry) for entry in data.get("tokens", [])]
    except TypeError:
        raise TokenFileError(path=path, reason="unknown entry") from None


def add_token(
    path: Path, name: str, kind: str = LAPTOP, submitter: str | None = None
) -> tuple[TokenEntry, str]:
    """Issue a token: returns its entry and the token itself (to be shown once)."""
    if kind not in KINDS:
        raise ValueError(kind)
    name = " ".join((name or "").split())
    if not name:
        raise TokenFileError(path=path, reason="a name is required")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with filelock.FileLock(str(path) + ".lock", timeout=10):
        entries = read_entries(path) if path.exists() else []
        token = new_token()
        entry = TokenEntry(
            id=secrets.token_hex(8),
            name=name,
            kind=kind,
            sha256=hash_token(token),
            created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            submitter=submitter,
        )
        _write(path, [*entries, entry])
    return entry, token


def _write(path: Path, entries: list[TokenEntry]) -> None:
    data = {"format": FILE_FORMAT, "tokens": [asdict(e) for e in entries]}
    staging = path.with_name(path.name + ".new")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(staging, path)


class TokenStore:
    """The tokens the service accepts, re-read when the file changes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._entries: tuple[TokenEntry, ...] = ()
        self._started = False
        self._reload()
        self._started = True

    @classmethod
    def of(cls, entries: list[TokenEntry]) -> "TokenStore":
        """A fixed set (tests and tools): no file behind it."""
        store = cls.__new__(cls)
        store.path, store._lock, store._stamp, store._entries = None, threading.Lock(), None, tuple(entries)
        store._started = True
        return store

    def lookup(self, token: str | None) -> TokenEntry | None:
        if not token:
            return None
        self._reload()
        digest = hash_token(token)
        found = None
        for entry in self._entries:  # every entry, whatever matched: no early exit
            if hmac.compare_digest(entry.sha256, digest):
                found = entry
        return found

    def _reload(self) -> None:
        """Re-read a changed file. At start an unusable file is an error; later it fails
        closed (no token accepted until the file is usable again)."""
        if self.path is None:
            return
        try:
            st = os.stat(self.path)
            stamp = (st.st_mtime_ns, st.st_size)
            if stamp == self._stamp:
                return
            with self._lock:
                if stamp != self._stamp:
                    self._entries = tuple(read_entries(self.path))
                    self._stamp = stamp
        except (OSError, TokenFileError) as exc:
            if not self._started:
                if isinstance(exc, TokenFileError):
                    raise
                raise TokenFileError(path=self.path, reason="not found (create it with add-token)") from None
            log.warning("the tokens file cannot be read: no token is accepted until it can")
            self._entries, self._stamp = (), None
