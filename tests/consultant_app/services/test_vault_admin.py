"""The vault's own care as a use case (services/vault_admin.py), on real SQLCipher files: a backup
made now and verified, a restore into the open vault (the state before kept and verified), a new
passphrase; and every refusal leaves the vault file byte for byte as it was."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from consultant_app.domain import Inquiry
from consultant_app.errors import VaultCorruptError, VaultExistsError, VaultTooNewError, WrongPassphraseError
from consultant_app.services import vault_admin
from consultant_app.services.case_actions import CaseForm, create_case
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.storage.auto_backup import BackupFolderNotChosenError, run_auto_backup
from consultant_app.storage.file_check import NotAVaultError
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

OTHER = "blå cykel under gammel kastanje ved åen"


def add_case(vault: Vault) -> None:
    draft = InquiryDraft(
        received_at=datetime.now() - timedelta(minutes=5),
        region="midtjylland",
        inquirer_type="kommune",
        channel="telefon",
        citizen_age_group="voksen",
        trip_concern="ingen",
    )
    with vault.session() as session:
        create_case(session, CaseForm(draft, None))


def inquiries(vault: Vault) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(Inquiry))


def test_a_backup_to_a_file_is_verified_and_holds_the_data(vault, tmp_path):
    add_case(vault)
    steps = []
    made = vault_admin.backup_now(vault, tmp_path / "kopi.bak", step=lambda d, t: steps.append((d, t)))
    assert made.path.is_file() and made.size == made.path.stat().st_size and made.automatic is None
    assert made.path.stat().st_mode & 0o777 == 0o600
    assert steps[-1] == (2, 2)
    assert vault_admin.read_backup(vault, made.path).inquiries == 1


def test_a_backup_into_the_folder_is_the_automatic_one(vault, tmp_path):
    with pytest.raises(BackupFolderNotChosenError):
        vault_admin.backup_now(vault)
    folder = tmp_path / "usb"
    folder.mkdir()
    run_auto_backup(vault, folder=folder)  # chosen (and the first written) in the overview
    made = vault_admin.backup_now(vault)
    assert made.automatic is not None and made.path.parent == folder.resolve()
    assert made.path in [e.path for e in vault_admin.list_backups(vault)]


def test_a_backup_never_replaces_the_open_vault_itself(vault, vault_path):
    add_case(vault)
    before = vault_path.read_bytes()
    with pytest.raises(VaultExistsError):
        vault_admin.backup_now(vault, vault_path)
    assert vault_path.read_bytes() == before
    add_case(vault)  # the vault still writes to its own file
    assert inquiries(vault) == 2


def test_a_stopped_backup_leaves_no_file(vault, tmp_path):
    with pytest.raises(vault_admin.OperationStopped):
        vault_admin.backup_now(vault, tmp_path / "kopi.bak", cancelled=lambda: True)
    assert not (tmp_path / "kopi.bak").exists()


def test_restore_brings_back_the_backup_and_keeps_the_state_before(vault, vault_path, tmp_path):
    add_case(vault)
    backup = vault_admin.backup_now(vault, tmp_path / "kopi.bak").path
    add_case(vault)
    add_case(vault)
    assert inquiries(vault) == 3

    listed = vault_admin.list_backups(vault)
    assert backup.resolve() in [e.path for e in listed]
    restored = vault_admin.restore_backup(vault, backup)

    assert inquiries(vault) == 1  # the open vault now holds the backup's data
    assert restored.before_restore.is_file()
    assert vault_admin.read_backup(vault, restored.before_restore).inquiries == 3
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert inquiries(reopened) == 1
    assert not list(tmp_path.glob("vault.db.restore*"))  # no working copy left behind


def test_restore_of_a_backup_made_under_another_passphrase(vault, vault_path, tmp_path):
    add_case(vault)
    backup = vault_admin.backup_now(vault, tmp_path / "kopi.bak").path
    vault_admin.change_passphrase(vault, PASSPHRASE, OTHER, OTHER)
    with pytest.raises(WrongPassphraseError):
        vault_admin.read_backup(vault, backup)  # the current key does not open it
    assert vault_admin.read_backup(vault, backup, PASSPHRASE).inquiries == 1
    vault_admin.restore_backup(vault, backup, PASSPHRASE)
    vault.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, OTHER)
    Vault.open(vault_path, PASSPHRASE).lock()  # the restored vault has the backup's passphrase


def _hostile_files(tmp_path, vault, good):
    empty = tmp_path / "tom.bak"
    empty.write_bytes(b"")
    noise = tmp_path / "stoej.bak"
    noise.write_bytes(bytes(range(256)) * 20)  # not whole pages
    pages = tmp_path / "sider.bak"
    pages.write_bytes(bytes(range(256)) * 32)  # whole pages of noise: no key opens them
    plain = tmp_path / "plain.bak"
    import sqlite3

    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE inquiry (id INTEGER)")
    flipped = tmp_path / "flipped.bak"
    data = bytearray(good.read_bytes())
    data[len(data) // 2 + 100] ^= 0x01
    flipped.write_bytes(bytes(data))
    return [
        (empty, NotAVaultError),
        (noise, NotAVaultError),
        (pages, WrongPassphraseError),
        (plain, NotAVaultError),
        (flipped, VaultCorruptError),
    ]


def test_hostile_or_damaged_backups_are_refused_and_nothing_changes(vault, vault_path, tmp_path):
    add_case(vault)
    good = vault_admin.backup_now(vault, tmp_path / "god.bak").path
    add_case(vault)
    files_before = sorted(p.name for p in vault_path.parent.iterdir())
    for hostile, error in _hostile_files(tmp_path, vault, good):
        before = vault_path.read_bytes()
        with pytest.raises(error):
            vault_admin.restore_backup(vault, hostile)
        assert vault_path.read_bytes() == before, hostile.name
        assert inquiries(vault) == 2
    with pytest.raises(WrongPassphraseError):
        vault_admin.restore_backup(vault, good, "forkert adgangskode helt sikkert")
    assert inquiries(vault) == 2
    made = {p.name for p in vault_path.parent.iterdir()} - set(files_before)
    assert not [n for n in made if n.startswith("vault.db.")]  # no copy, no working file


def test_a_backup_of_a_newer_program_is_refused(vault, vault_path, tmp_path):
    backup = vault_admin.backup_now(vault, tmp_path / "ny.bak").path
    with Vault.open(backup, PASSPHRASE) as other, other.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNewError):
        vault_admin.restore_backup(vault, backup)
    assert vault_path.read_bytes() == before


def test_change_passphrase_asks_for_the_current_one_and_the_new_twice(vault, vault_path):
    for current, new, repeat, error in [
        ("forkert", OTHER, OTHER, vault_admin.CurrentPassphraseError),
        (PASSPHRASE, OTHER, OTHER + "x", vault_admin.PassphraseMismatchError),
        (PASSPHRASE, PASSPHRASE, PASSPHRASE, vault_admin.SamePassphraseError),
    ]:
        with pytest.raises(error):
            vault_admin.change_passphrase(vault, current, new, repeat)
    vault_admin.change_passphrase(vault, PASSPHRASE, OTHER, OTHER)
    add_case(vault)  # the session goes on under the new key
    vault.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, OTHER) as reopened:
        assert inquiries(reopened) == 1


def test_a_backup_of_an_older_schema_is_restored_and_upgraded(vault, vault_path, tmp_path):
    import json
    import shutil
    from pathlib import Path

    fixture = Path(__file__).parents[2] / "data" / "vaults" / "rev0004.db"
    expected = json.loads(fixture.with_suffix(".json").read_text())
    old = tmp_path / "gammel.bak"
    shutil.copyfile(fixture, old)
    old.chmod(0o600)
    summary = vault_admin.read_backup(vault, old, expected["passphrase"])
    assert summary.outdated and summary.inquiries == expected["row_counts"]["inquiry"]
    vault_admin.restore_backup(vault, old, expected["passphrase"])
    assert inquiries(vault) == expected["row_counts"]["inquiry"]
    vault.lock()
    with Vault.open(vault_path, expected["passphrase"], upgrade=False) as reopened:  # at head now
        assert inquiries(reopened) == expected["row_counts"]["inquiry"]


def test_the_offline_restore_refuses_a_newer_programs_backup_before_replacing(vault, vault_path, tmp_path):
    """`consultant-app restore --force` and the unlock window's recovery (Vault.restore)."""
    backup = vault_admin.backup_now(vault, tmp_path / "ny.bak").path
    with Vault.open(backup, PASSPHRASE) as other, other.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    vault.lock()
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNewError):
        Vault.restore(backup, vault_path, PASSPHRASE, force=True)
    assert vault_path.read_bytes() == before
    assert not list(tmp_path.glob("vault.db.replaced-*")) and not list(tmp_path.glob("vault.db.restore"))


def test_a_stopped_restore_changes_nothing(vault, vault_path, tmp_path):
    add_case(vault)
    backup = vault_admin.backup_now(vault, tmp_path / "kopi.bak").path
    add_case(vault)
    before = vault_path.read_bytes()
    with pytest.raises(vault_admin.OperationStopped):
        vault_admin.restore_backup(vault, backup, cancelled=lambda: True)
    assert vault_path.read_bytes() == before and inquiries(vault) == 2
    assert not list(tmp_path.glob("vault.db.before-restore-*"))
