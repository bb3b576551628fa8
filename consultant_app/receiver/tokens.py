"""Tokens: one per laptop (it sends that consultant's packages), and analyst tokens (they read
the exact national JSON). Issued by `add-token`, kept in a tokens file beside the service.

- A token is `secrets.token_urlsafe(32)` (256 random bits), shown once when issued; the file
  stores only its SHA-256 and a random id that the database refers to.
- A token is checked by hashing it and comparing with every stored hash in constant time
  (`hmac.compare_digest`, no early exit).
- The file is written whole and renamed into place, owner-only; the service re-reads it when it
  changes, so a token added or revoked while the service runs counts at once.
- A laptop token belongs to one submitter id, and a submitter id to one live token: `add_token`
  refuses a submitter id that a live token already has unless `replace` is given, which revokes
  that token in the same write (rotation). The database holds the same rule for ids bound on
  first use (receiver.db.TokenBinding, unique on the submitter).
- A revoked entry stays in the file (its id is what the packages and the audit name); it is
  never accepted again. Every change appends an audit entry (when, what, which token, who ran
  it) in the same write as the change, so a change and its audit record cannot come apart.
"""

import getpass
import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
import threading
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import filelock

from consultant_app.errors import ConsultantAppError
from consultant_app.files import write_private
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


class SubmitterOwned(ConsultantAppError):
    text = Text(
        da="Indsender-id'et tilhører allerede nøgle {owner}. Brug --replace for at udstede en ny nøgle "
        "til den bærbare og tilbagekalde den gamle med det samme.",
        en="The submitter id already belongs to token {owner}. Use --replace to issue a new token for "
        "the laptop and revoke the old one at once.",
    )


class UnknownToken(ConsultantAppError):
    text = Text(da="Ingen nøgle med id {id}.", en="No token with id {id}.")


class AlreadyRevoked(ConsultantAppError):
    text = Text(da="Nøgle {id} er allerede tilbagekaldt.", en="Token {id} is already revoked.")


@dataclass(frozen=True)
class TokenEntry:
    id: str  # random, what the database records (never the token or its hash)
    name: str  # whose laptop, or which analyst: for the people running the service
    kind: str  # laptop | analyst
    sha256: str
    created_at: str
    submitter: str | None = None  # optional: the laptop's submitter id, known in advance
    revoked_at: str | None = None  # set once: never accepted again
    replaces: str | None = None  # the token it was issued in place of (rotation, --replace)

    @property
    def live(self) -> bool:
        return self.revoked_at is None


def now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def operator() -> str:
    """Who runs a token command: the login name and the machine (for the audit)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no name for this uid (a container)
        user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"
    return f"{user}@{socket.gethostname()}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def read_entries(path: Path) -> list[TokenEntry]:
    return _read(path)[0]


def read_audit(path: Path) -> list[dict]:
    return _read(path)[1]


def _read(path: Path) -> tuple[list[TokenEntry], list[dict]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TokenFileError(path=path, reason="not found (create it with add-token)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise TokenFileError(path=path, reason=type(exc).__name__) from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise TokenFileError(path=path, reason="unknown format")
    try:
        entries = [TokenEntry(**entry) for entry in data.get("tokens", [])]
    except TypeError:
        raise TokenFileError(path=path, reason="unknown entry") from None
    audit = data.get("audit", [])
    if not isinstance(audit, list):
        raise TokenFileError(path=path, reason="unknown audit")
    return entries, audit


def live_owner(entries: list[TokenEntry], submitter: str) -> TokenEntry | None:
    """The live token issued for `submitter`, if any."""
    return next((e for e in entries if e.live and e.submitter == submitter), None)


def add_token(
    path: Path,
    name: str,
    kind: str = LAPTOP,
    submitter: str | None = None,
    *,
    replace_owner: bool = False,
    bound_owner: str | None = None,
) -> tuple[TokenEntry, str]:
    """Issue a token: returns its entry and the token itself (to be shown once).

    `submitter` already owned by a live token (issued for it, or `bound_owner`: the token the
    database has bound it to) is refused (`SubmitterOwned`) unless `replace_owner`: then that
    token is revoked in the same write and the new one replaces it."""
    if kind not in KINDS:
        raise ValueError(kind)
    name = " ".join((name or "").split())
    if not name:
        raise TokenFileError(path=path, reason="a name is required")
    path = Path(path)
    with _locked(path):
        entries, audit = _read(path) if path.exists() else ([], [])
        owner = live_owner(entries, submitter) if submitter else None
        if owner is None and bound_owner is not None:
            owner = next((e for e in entries if e.id == bound_owner and e.live), None)
        if owner is not None and not replace_owner:
            raise SubmitterOwned(owner=owner.id)
        if owner is not None:
            entries, audit = _revoked(entries, audit, owner.id)
        token = new_token()
        entry = TokenEntry(
            id=secrets.token_hex(8),
            name=name,
            kind=kind,
            sha256=hash_token(token),
            created_at=now_text(),
            submitter=submitter,
            replaces=owner.id if owner is not None else None,
        )
        audit = [*audit, _audit("add", entry.id, replaces=entry.replaces)]
        _write(path, [*entries, entry], audit)
    return entry, token


def revoke_token(path: Path, token_id: str) -> TokenEntry:
    """Refuse a token from now on (the running service re-reads the file)."""
    path = Path(path)
    with _locked(path):
        entries, audit = _read(path)
        entries, audit = _revoked(entries, audit, token_id)
        _write(path, entries, audit)
    return next(e for e in entries if e.id == token_id)


def rotate_token(path: Path, token_id: str) -> tuple[TokenEntry, str]:
    """A new token for the same laptop (or analyst) and submitter; the old one revoked."""
    path = Path(path)
    with _locked(path):
        entries, audit = _read(path)
        old = _find(entries, token_id)
        if not old.live:
            raise AlreadyRevoked(id=token_id)
        entries, audit = _revoked(entries, audit, token_id)
        token = new_token()
        entry = TokenEntry(
            id=secrets.token_hex(8),
            name=old.name,
            kind=old.kind,
            sha256=hash_token(token),
            created_at=now_text(),
            submitter=old.submitter,
            replaces=old.id,
        )
        audit = [*audit, _audit("rotate", entry.id, replaces=old.id)]
        _write(path, [*entries, entry], audit)
    return entry, token


def _find(entries: list[TokenEntry], token_id: str) -> TokenEntry:
    for e in entries:
        if e.id == token_id:
            return e
    raise UnknownToken(id=token_id)


def _revoked(entries: list[TokenEntry], audit: list[dict], token_id: str):
    old = _find(entries, token_id)
    if not old.live:
        raise AlreadyRevoked(id=token_id)
    entries = [replace(e, revoked_at=now_text()) if e.id == token_id else e for e in entries]
    return entries, [*audit, _audit("revoke", token_id)]


def _audit(action: str, token_id: str, **extra) -> dict:
    record = {"at": now_text(), "action": action, "token_id": token_id, "by": operator()}
    record.update({k: v for k, v in extra.items() if v is not None})
    return record


def _locked(path: Path) -> filelock.FileLock:
    path.parent.mkdir(parents=True, exist_ok=True)
    return filelock.FileLock(str(path) + ".lock", timeout=10)


def _write(path: Path, entries: list[TokenEntry], audit: list[dict]) -> None:
    data = {"format": FILE_FORMAT, "tokens": [asdict(e) for e in entries], "audit": audit}
    write_private(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class TokenStore:
    """The tokens the service accepts, re-read when the file changes."""

    def __init__(self, path: Path) -> None:
        self.path: Path | None = Path(path)  # None: a fixed set (`of`)
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
        """The live entry of `token`; None for an unknown or revoked one."""
        if not token:
            return None
        self._reload()
        digest = hash_token(token)
        found = None
        for entry in self._entries:  # every entry, whatever matched: no early exit
            if hmac.compare_digest(entry.sha256, digest):
                found = entry
        return found if found is not None and found.live else None

    def readable(self) -> bool:
        """False while the file cannot be read (then no token is accepted)."""
        self._reload()
        return self.path is None or self._stamp is not None

    def get(self, token_id: str) -> TokenEntry | None:
        self._reload()
        return next((e for e in self._entries if e.id == token_id), None)

    def lineage(self, entry: TokenEntry) -> set[str]:
        """The ids of the tokens `entry` was issued in place of, directly or through others."""
        self._reload()
        by_id = {e.id: e for e in self._entries}
        found, current = set(), entry.replaces
        while current and current not in found:
            found.add(current)
            current = by_id[current].replaces if current in by_id else None
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
