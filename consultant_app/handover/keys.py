"""The vault's own key pair and colleagues' public keys (PyNaCl Box: Curve25519, XSalsa20-Poly1305).

A public key travels as one line of text, `ckey1-` and the 32 key bytes in URL-safe base64
(no padding), so it survives e-mail and chat. Its fingerprint, 16 hexadecimal digits in four
groups from SHA-256 of the key, is what two consultants read to each other on the phone: the
line itself could have been swapped on the way, the voice cannot.
"""

import base64
import binascii
import hashlib
from dataclasses import dataclass

from nacl.public import PrivateKey, PublicKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from consultant_app.domain import ColleagueKey, VaultKey
from consultant_app.handover.errors import (
    ColleagueExistsError,
    ColleagueNotFoundError,
    KeyTextError,
    OwnKeyError,
)

PREFIX = "ckey1-"
KEY_BYTES = 32


def key_line(public_key: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(public_key).decode("ascii").rstrip("=")


def parse_key_line(text: str) -> bytes:
    """The key bytes of a `ckey1-` line; `KeyTextError` for anything else."""
    text = text.strip()
    if not text.startswith(PREFIX) or any(ch.isspace() for ch in text):
        raise KeyTextError()
    body = text[len(PREFIX) :]
    if len(body) != 43:  # 32 bytes, unpadded
        raise KeyTextError()
    try:
        raw = base64.urlsafe_b64decode(body + "=")
    except (binascii.Error, ValueError):
        raise KeyTextError() from None
    # Refuse a second spelling of the same key (unused low bits set): one key, one line.
    if len(raw) != KEY_BYTES or key_line(raw) != text:
        raise KeyTextError()
    return raw


def fingerprint(public_key: bytes) -> str:
    digest = hashlib.sha256(b"consultant-app key fingerprint\0" + public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _raw(text: str) -> bytes:
    return base64.b64decode(text)


@dataclass(frozen=True)
class KeyInfo:
    name: str
    line: str
    fingerprint: str


def own_private_key(session: Session) -> PrivateKey:
    """The vault's key pair; made now if the vault has none (the migration normally made it)."""
    row = session.get(VaultKey, 1)
    if row is None:
        secret = PrivateKey.generate()
        row = VaultKey(id=1, public_key=_b64(bytes(secret.public_key)), secret_key=_b64(bytes(secret)))
        session.add(row)
        session.flush()
    return PrivateKey(_raw(row.secret_key))


def own_key(session: Session, name: str = "") -> KeyInfo:
    public = bytes(own_private_key(session).public_key)
    return KeyInfo(name, key_line(public), fingerprint(public))


def add_colleague(session: Session, name: str, line: str) -> KeyInfo:
    name = " ".join(name.split())
    if not name:
        raise KeyTextError()
    public = parse_key_line(line)
    if public == bytes(own_private_key(session).public_key):
        raise OwnKeyError()
    clash = session.scalar(
        select(ColleagueKey).where((ColleagueKey.name == name) | (ColleagueKey.public_key == _b64(public)))
    )
    if clash is not None:
        raise ColleagueExistsError(name=clash.name)
    try:
        with session.begin_nested():
            session.add(ColleagueKey(name=name, public_key=_b64(public)))
    except IntegrityError:
        raise ColleagueExistsError(name=name) from None
    return KeyInfo(name, key_line(public), fingerprint(public))


def colleagues(session: Session) -> list[KeyInfo]:
    rows = session.scalars(select(ColleagueKey).order_by(ColleagueKey.name)).all()
    return [KeyInfo(r.name, key_line(_raw(r.public_key)), fingerprint(_raw(r.public_key))) for r in rows]


def colleague_public_key(session: Session, name: str) -> tuple[str, PublicKey]:
    row = session.scalar(select(ColleagueKey).where(ColleagueKey.name == " ".join(name.split())))
    if row is None:
        raise ColleagueNotFoundError(name=name)
    return row.name, PublicKey(_raw(row.public_key))


def colleague_named_by_key(session: Session, public_key: bytes) -> str | None:
    return session.scalar(select(ColleagueKey.name).where(ColleagueKey.public_key == _b64(public_key)))
