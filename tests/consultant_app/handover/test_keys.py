"""Each vault's key pair, the one-line key text, fingerprints, and colleagues' keys."""

import base64
import string

import pytest
from sqlalchemy import create_engine, select

from consultant_app.domain import VaultKey
from consultant_app.handover.errors import ColleagueExistsError, KeyTextError, OwnKeyError
from consultant_app.handover.keys import (
    add_colleague,
    colleague_named_by_key,
    colleagues,
    fingerprint,
    key_line,
    own_key,
    parse_key_line,
)
from consultant_app.storage import migrate
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE


def test_each_new_vault_has_its_own_key_pair(tmp_path):
    keys = []
    for n in range(2):
        with Vault.create(tmp_path / f"v{n}.db", PASSPHRASE, name="K", team="aarhus") as v, v.session() as s:
            keys.append(own_key(s))
    assert keys[0].line != keys[1].line
    assert keys[0].fingerprint != keys[1].fingerprint
    for k in keys:
        assert parse_key_line(k.line) and len(k.fingerprint) == 19


def test_an_upgraded_vault_gets_a_key_pair():
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0004")
        migrate.upgrade(conn)
        rows = conn.execute(select(VaultKey.__table__)).all()
    assert len(rows) == 1 and rows[0].public_key != rows[0].secret_key


def test_key_line_round_trip_and_refusals():
    raw = bytes(range(32))
    line = key_line(raw)
    assert line.startswith("ckey1-") and "\n" not in line
    assert parse_key_line(f"  {line}\n") == raw
    for bad in ("", "ckey1-", line[:-1], line + "A", "ckey2-" + line[6:], line[:10] + " " + line[11:]):
        with pytest.raises(KeyTextError):
            parse_key_line(bad)
    # A second spelling of the same key (unused low bits) is refused, not silently accepted.
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    same_bytes = alphabet[alphabet.index(line[-1]) ^ 1]  # only an unused low bit differs
    assert base64.urlsafe_b64decode(line[6:-1] + same_bytes + "=") == raw
    with pytest.raises(KeyTextError):
        parse_key_line(line[:-1] + same_bytes)


def test_fingerprint_is_short_readable_and_changes_with_one_bit():
    raw = bytes(32)
    flipped = bytes([1]) + bytes(31)
    assert fingerprint(raw) != fingerprint(flipped)
    assert len(fingerprint(raw).split("-")) == 4


def test_colleagues_by_name_with_fingerprint_and_no_duplicates(vault):
    other = key_line(bytes(range(1, 33)))
    with vault.session() as s:
        info = add_colleague(s, "  Mette   Hansen ", other)
        assert info.name == "Mette Hansen" and info.fingerprint == fingerprint(parse_key_line(other))
    with vault.session() as s:
        with pytest.raises(ColleagueExistsError):
            add_colleague(s, "Mette Hansen", key_line(bytes(range(2, 34))))
        with pytest.raises(ColleagueExistsError):
            add_colleague(s, "En anden", other)
        with pytest.raises(OwnKeyError):
            add_colleague(s, "Mig selv", own_key(s).line)
        assert [c.name for c in colleagues(s)] == ["Mette Hansen"]
        assert colleague_named_by_key(s, parse_key_line(other)) == "Mette Hansen"
