"""The handover file around the case (docs/handover.md): binary, encrypted and authenticated.

    "CAHO" | version (1 byte) | sender's public key (32) | recipient's public key (32) | box

`box` is PyNaCl's `Box(sender secret, recipient public).encrypt(payload)`: a random 24-byte
nonce, then XSalsa20-Poly1305 ciphertext with its 16-byte tag. Only the recipient's secret key
opens it, and opening it proves that the holder of the sender's secret key made it: one
changed bit anywhere fails (a header bit names another key, which fails too). The payload
repeats both public keys, so the header is checked against what the sender encrypted.

Binary, not base64 inside JSON: base64 has unused bits in its last character, where a changed
bit would not change the bytes, and "one changed bit is refused" must hold for every bit.
"""

import json
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import CryptoError
from nacl.public import Box, PrivateKey, PublicKey

from consultant_app.handover.errors import (
    DAMAGED,
    NOT_A_HANDOVER,
    NOT_FOR_THIS_VAULT,
    TOO_NEW,
    HandoverFileError,
)
from consultant_app.handover.keys import KEY_BYTES, fingerprint, key_line

MAGIC = b"CAHO"
VERSION = 1
HEADER = len(MAGIC) + 1 + 2 * KEY_BYTES
SMALLEST = HEADER + Box.NONCE_SIZE + 16  # an empty payload's box
FILE_SUFFIX = ".sagsoverdragelse"


@dataclass(frozen=True)
class Opened:
    sender_key: bytes
    payload: dict[str, Any]


def seal(payload: dict[str, Any], sender: PrivateKey, recipient: PublicKey) -> bytes:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    box = Box(sender, recipient).encrypt(body)
    return MAGIC + bytes([VERSION]) + bytes(sender.public_key) + bytes(recipient) + bytes(box)


def open_sealed(data: bytes, own: PrivateKey) -> Opened:
    """Decrypt and authenticate; `HandoverFileError` (with the reason) for any file that fails."""
    if len(data) < len(MAGIC) + 1 or data[: len(MAGIC)] != MAGIC:
        raise HandoverFileError(reason=NOT_A_HANDOVER.render())
    if data[len(MAGIC)] > VERSION:
        raise HandoverFileError(reason=TOO_NEW.render())
    if data[len(MAGIC)] != VERSION or len(data) < SMALLEST:
        raise HandoverFileError(reason=DAMAGED.render())
    sender_key = data[len(MAGIC) + 1 : len(MAGIC) + 1 + KEY_BYTES]
    recipient_key = data[len(MAGIC) + 1 + KEY_BYTES : HEADER]
    if recipient_key != bytes(own.public_key):
        raise HandoverFileError(reason=NOT_FOR_THIS_VAULT.render(fingerprint=fingerprint(recipient_key)))
    try:
        body = Box(own, PublicKey(sender_key)).decrypt(data[HEADER:])
        payload = json.loads(body.decode("utf-8"))
    except (CryptoError, ValueError, UnicodeDecodeError):
        raise HandoverFileError(reason=DAMAGED.render()) from None
    if (
        not isinstance(payload, dict)
        or not isinstance(payload.get("sender"), dict)
        or not isinstance(payload.get("recipient"), dict)
        or payload["sender"].get("public_key") != key_line(sender_key)
        or payload["recipient"].get("public_key") != key_line(recipient_key)
    ):
        raise HandoverFileError(reason=DAMAGED.render())
    return Opened(sender_key, payload)
