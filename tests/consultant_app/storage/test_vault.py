"""The encrypted vault: encryption at rest, keys, locking, re-keying, backup and restore."""

import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from consultant_app.domain import Citizen, Inquiry, Note, Profile
from consultant_app.errors import (
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from consultant_app.storage.file_check import NotAVaultError
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

SECRETS = ("Fatima-Kanarie-Hemmelig", "0101901234", "Tvangsægteskab-Planlagt-Note")
SQLITE_HEADER = b"SQLite format 3\x00"


def add_sensitive_case(vault: Vault) -> int:
    with vault.session() as s:
        citizen = Citizen(pseudonym="F.K.", full_name=SECRETS[0], cpr=SECRETS[1])
        inquiry = Inquiry(
            received_at=datetime(2025, 3, 4, 10, 30),
            consultant="Test",
            region="midtjylland",
            inquirer_type="kommune",
            channel="telefon",
            citizen_age_group="barn",
            trip_concern="trussel_dk",
            citizen=citizen,
            notes=SECRETS[2],
        )
        s.add(inquiry)
        s.flush()
        s.add(Note(inquiry_id=inquiry.id, text=SECRETS[2] * 50))
        return inquiry.id


def assert_no_plaintext(*paths) -> None:
    for path in paths:
        data = path.read_bytes()
        assert not data.startswith(SQLITE_HEADER), path
        for secret in SECRETS:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, (path, secret)


def test_nothing_written_appears_in_the_vault_or_its_backup(vault, vault_path, tmp_path):
    add_sensitive_case(vault)
    backup = vault.backup(tmp_path / "backup.vault")
    vault.lock()
    journals = [p for p in tmp_path.iterdir() if p.name.endswith(("-journal", "-wal"))]
    assert_no_plaintext(vault_path, backup, *journals)


def test_journal_written_during_a_transaction_is_encrypted(vault, vault_path):
    add_sensitive_case(vault)
    with vault.session() as s:
        s.execute(text("UPDATE note SET text = text || 'x'"))
        s.flush()
        journal = vault_path.with_name(vault_path.name + "-journal")
        assert journal.exists()
        assert_no_plaintext(journal)


def test_reopen_reads_back_with_a_passphrase_of_quotes_spaces_danish_letters_and_emoji(vault, vault_path):
    inquiry_id = add_sensitive_case(vault)
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened, reopened.session() as s:
        assert s.get(Inquiry, inquiry_id).citizen.full_name == SECRETS[0]
        assert s.scalar(select(Profile.name)) == "Test Konsulent"


def test_sqlcipher_4_defaults_and_memory_temp_store(vault):
    with vault.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA kdf_iter").scalar() == "256000"
        assert c.exec_driver_sql("PRAGMA cipher_hmac_algorithm").scalar() == "HMAC_SHA512"
        assert c.exec_driver_sql("PRAGMA cipher_kdf_algorithm").scalar() == "PBKDF2_HMAC_SHA512"
        assert c.exec_driver_sql("PRAGMA cipher_plaintext_header_size").scalar() == "0"
        assert c.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_wrong_passphrase_is_refused_and_leaves_the_file_unchanged(vault, vault_path):
    add_sensitive_case(vault)
    vault.lock()
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE + " ")
    assert vault_path.read_bytes() == before
    # A failed unlock must not keep the vault locked against the right passphrase.
    Vault.open(vault_path, PASSPHRASE).lock()


def test_a_plain_sqlite_file_is_not_taken_for_a_vault(tmp_path):
    import sqlite3

    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table t(x)").connection.close()
    before = plain.read_bytes()
    with pytest.raises(NotAVaultError, match="ukrypteret SQLite-database"):
        Vault.open(plain, PASSPHRASE)
    assert plain.read_bytes() == before


def test_create_refuses_weak_passphrase_with_every_reason(tmp_path):
    with pytest.raises(WeakPassphraseError) as caught:
        Vault.create(tmp_path / "v.db", "aaaa", name="X", team="odense")
    assert len(caught.value.reasons) >= 2
    assert 'Gentagelser som "aaa" er lette at gætte.' in str(caught.value)
    assert not (tmp_path / "v.db").exists()


def test_create_refuses_to_overwrite(vault_path):
    vault_path.write_bytes(b"something precious")
    with pytest.raises(VaultExistsError):
        Vault.create(vault_path, PASSPHRASE, name="X", team="odense")
    assert vault_path.read_bytes() == b"something precious"


def test_open_missing_vault(tmp_path):
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "none.db", PASSPHRASE)


def test_lock_disposes_the_engine_and_forgets_the_key(vault):
    vault.lock()
    assert not vault.is_open
    with pytest.raises(VaultLockedError):
        vault.engine  # noqa: B018
    with pytest.raises(VaultLockedError), vault.session():
        pass


def test_second_open_in_the_same_process_is_refused(vault, vault_path):
    with pytest.raises(VaultInUseError):
        Vault.open(vault_path, PASSPHRASE)


def test_second_process_gets_already_open_and_file_is_not_touched(vault, vault_path):
    add_sensitive_case(vault)
    before = vault_path.read_bytes()
    script = (
        "import sys\n"
        "from consultant_app.storage.vault import Vault\n"
        "from consultant_app.errors import VaultInUseError\n"
        "try:\n"
        f"    Vault.open({str(vault_path)!r}, sys.stdin.read())\n"
        "except VaultInUseError as e:\n"
        "    print('in-use:', e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], input=PASSPHRASE, capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("in-use: Boksen er allerede åben")
    assert vault_path.read_bytes() == before


def test_change_passphrase_rekeys(vault, vault_path):
    inquiry_id = add_sensitive_case(vault)
    new = "en helt ny og lang sætning æøå"
    vault.change_passphrase(new)
    with vault.session() as s:  # still usable under the new key
        assert s.get(Inquiry, inquiry_id) is not None
    vault.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, new) as v, v.session() as s:
        assert s.get(Inquiry, inquiry_id).notes == SECRETS[2]
    assert_no_plaintext(vault_path)


def test_change_passphrase_refuses_weak_and_keeps_old(vault, vault_path):
    with pytest.raises(WeakPassphraseError):
        vault.change_passphrase("kort")
    vault.lock()
    Vault.open(vault_path, PASSPHRASE).lock()


def test_backup_is_encrypted_atomic_and_refuses_overwrite(vault, tmp_path):
    add_sensitive_case(vault)
    target = tmp_path / "b.vault"
    vault.backup(target)
    with pytest.raises(VaultExistsError):
        vault.backup(target)
    assert not (tmp_path / "b.vault.partial").exists()
    vault.backup(target, overwrite=True)
    assert_no_plaintext(target)


def test_restore_into_new_place_and_force_keeps_the_replaced_vault(vault, vault_path, tmp_path):
    inquiry_id = add_sensitive_case(vault)
    backup = vault.backup(tmp_path / "b.vault")
    with vault.session() as s:
        s.delete(s.get(Inquiry, inquiry_id))
    vault.lock()

    with pytest.raises(VaultExistsError):
        Vault.restore(backup, vault_path, PASSPHRASE)
    kept = Vault.restore(backup, vault_path, PASSPHRASE, force=True)
    assert kept is not None and kept.exists()
    with Vault.open(vault_path, PASSPHRASE) as v, v.session() as s:
        assert s.get(Inquiry, inquiry_id) is not None
    with Vault.open(kept, PASSPHRASE) as v, v.session() as s:
        assert s.get(Inquiry, inquiry_id) is None


def test_restore_refuses_a_backup_with_the_wrong_passphrase(vault, tmp_path):
    backup = vault.backup(tmp_path / "b.vault")
    vault.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.restore(backup, tmp_path / "new.db", "noget helt andet end før")
    assert not (tmp_path / "new.db").exists()


def test_integrity_check_is_clean(vault):
    add_sensitive_case(vault)
    vault.check_integrity()


def test_a_failed_transaction_leaves_nothing(vault):
    with pytest.raises(RuntimeError), vault.session() as s:
        add = Inquiry(
            received_at=datetime(2025, 1, 1),
            consultant="x",
            region="sjaelland",
            inquirer_type="politi",
            channel="mail",
            citizen_age_group="voksen",
            trip_concern="ingen",
        )
        s.add(add)
        s.flush()
        raise RuntimeError("power cut")
    with vault.session() as s:
        assert s.scalar(select(func.count(Inquiry.id))) == 0


def test_lock_from_another_thread_releases_the_file(vault_path):
    import threading

    opened: list[Vault] = []
    worker = threading.Thread(target=lambda: opened.append(Vault.open(vault_path, PASSPHRASE)))
    Vault.create(vault_path, PASSPHRASE, name="T", team="aarhus").lock()
    worker.start()
    worker.join()
    opened[0].lock()  # on the main thread, as the desktop's Ctrl+L does
    Vault.open(vault_path, PASSPHRASE).lock()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_vault_and_backup_are_readable_by_the_owner_only(vault, vault_path, tmp_path):
    backup = vault.backup(tmp_path / "b.vault")
    vault.change_passphrase("en ny og lang sætning til test")
    for path in (vault_path, backup):
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_a_journal_left_by_a_killed_rekey_is_not_played_into_the_next(vault, vault_path):
    add_sensitive_case(vault)
    leftover = vault_path.with_name(vault_path.name + ".rekey-journal")
    leftover.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(4088))  # a hot journal's magic
    vault.change_passphrase("en helt ny og lang sætning æøå")
    assert not leftover.exists()
    vault.lock()
    with Vault.open(vault_path, "en helt ny og lang sætning æøå") as v:
        v.check_integrity()
