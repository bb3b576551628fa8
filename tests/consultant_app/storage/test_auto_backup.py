"""Automatic backups: written owner-only, verified with the key, rotated, and honest on failure."""

import os
import stat
from datetime import datetime, timedelta

import pytest

from consultant_app.domain import Profile
from consultant_app.storage import auto_backup, recovery
from consultant_app.storage.auto_backup import (
    BackupFolderMissingError,
    BackupFolderNotChosenError,
    BackupKeepError,
    BackupVerificationError,
    auto_backups,
    backup_due,
    last_good_backup,
    run_auto_backup,
)
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

T0 = datetime(2026, 3, 1, 9, 0, 0)


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "backups"
    target.mkdir()
    return target


def rename(vault: Vault, name: str) -> None:
    with vault.session() as session:
        session.get(Profile, 1).name = name


def flip_middle(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2 + 100] ^= 0x20
    path.write_bytes(bytes(data))


def test_without_a_folder_it_says_in_danish_how_to_choose_one(vault):
    with pytest.raises(BackupFolderNotChosenError) as caught:
        run_auto_backup(vault)
    assert "consultant-app backup --auto --folder MAPPE" in str(caught.value)
    assert "Der er ikke valgt en mappe" in str(caught.value)


def test_a_missing_folder_is_a_clear_danish_error_and_is_not_remembered(vault, tmp_path):
    gone = tmp_path / "usb-drev"
    with pytest.raises(BackupFolderMissingError) as caught:
        run_auto_backup(vault, folder=gone, now=T0)
    assert str(gone) in str(caught.value) and "findes ikke" in str(caught.value)
    with pytest.raises(BackupFolderNotChosenError):
        run_auto_backup(vault, now=T0)


def test_a_remembered_folder_that_disappeared_is_a_clear_error(vault, folder):
    run_auto_backup(vault, folder=folder, now=T0)
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()
    with pytest.raises(BackupFolderMissingError, match="findes ikke"):
        run_auto_backup(vault, now=T0 + timedelta(hours=1))
    status = last_good_backup(vault, now=T0 + timedelta(hours=1))
    assert not status.folder_reachable
    assert "kan ikke nås" in status.warning_text()


def test_the_backup_is_owner_only_opens_with_the_key_and_holds_the_data(vault, folder, tmp_path):
    rename(vault, "Før Backup")
    result = run_auto_backup(vault, folder=folder, now=T0)
    assert result.path.parent == folder.resolve()
    assert result.path.name == "vault.db.auto-20260301T090000Z.bak"
    if os.name != "nt":
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]
    # The recovery sidecar names the verified copy: a damaged vault is offered this one.
    assert recovery.latest_backups(vault.path)[0].path == result.path
    rename(vault, "Efter Backup")
    vault.lock()
    restored = tmp_path / "restored.db"
    Vault.restore(result.path, restored, PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as copy, copy.session() as session:
        assert session.get(Profile, 1).name == "Før Backup"


def test_rotation_keeps_the_newest_n_and_only_its_own_files(vault, folder):
    mine = folder / "mine.bak"
    mine.write_bytes(b"the user's own file")
    other_vault = folder / "other.db.auto-20200101T000000Z.bak"
    other_vault.write_bytes(b"another vault's backup")
    lookalike = folder / "vault.db.auto-20200101T000000Z.bak.txt"
    lookalike.write_bytes(b"not ours")
    results = [run_auto_backup(vault, folder=folder, keep=3, now=T0 + timedelta(hours=h)) for h in range(5)]
    left = auto_backups(folder, "vault.db")
    assert left == [r.path for r in reversed(results[2:])]
    assert results[-1].pruned == [results[1].path]
    assert mine.exists() and other_vault.exists() and lookalike.exists()
    # The count is remembered: a run without --keep still keeps 3.
    run_auto_backup(vault, now=T0 + timedelta(hours=6))
    assert len(auto_backups(folder, "vault.db")) == 3


def test_files_planted_under_a_backup_name_are_neither_counted_nor_deleted(vault, folder):
    # In a shared folder another user can name files like ours, dated in the future so that a
    # sort by name would keep them and delete every real backup.
    planted = [folder / f"vault.db.auto-2099010{d}T000000Z.bak" for d in range(1, 4)]
    for p in planted:
        p.write_bytes(b"not a backup")
    results = [run_auto_backup(vault, folder=folder, keep=2, now=T0 + timedelta(hours=h)) for h in range(4)]
    assert results[-1].kept == [results[3].path, results[2].path]
    assert results[0].path not in results[-1].kept and not results[0].path.exists()
    assert all(p.exists() for p in planted)


def test_a_clock_set_back_prunes_by_the_order_written(vault, folder):
    late = run_auto_backup(vault, folder=folder, keep=1, now=T0 + timedelta(days=30))
    early = run_auto_backup(vault, now=T0)  # the clock went back a month
    assert early.kept == [early.path] and early.pruned == [late.path]


def test_a_new_folder_leaves_the_backups_in_the_old_one(vault, folder, tmp_path):
    first = run_auto_backup(vault, folder=folder, keep=1, now=T0)
    other = tmp_path / "andet-drev"
    other.mkdir()
    moved = run_auto_backup(vault, folder=other, now=T0 + timedelta(hours=1))
    again = run_auto_backup(vault, now=T0 + timedelta(hours=2))
    assert first.path.exists() and not moved.path.exists() and again.kept == [again.path]


def test_two_backups_in_the_same_second_get_distinct_names(vault, folder):
    first = run_auto_backup(vault, folder=folder, now=T0)
    second = run_auto_backup(vault, now=T0)
    assert first.path != second.path and first.path.exists() and second.path.exists()
    assert auto_backups(folder, "vault.db")[0] == second.path


def test_a_corrupted_new_backup_is_not_counted_and_prunes_nothing(vault, folder, monkeypatch):
    good = [run_auto_backup(vault, folder=folder, keep=2, now=T0 + timedelta(hours=h)).path for h in range(2)]
    before = {p: p.read_bytes() for p in good}
    sidecar = recovery.sidecar_path(vault.path).read_text(encoding="utf-8")
    monkeypatch.setattr(auto_backup, "_after_write", flip_middle)
    with pytest.raises(BackupVerificationError) as caught:
        run_auto_backup(vault, now=T0 + timedelta(hours=5))
    assert "Alle ældre sikkerhedskopier er bevaret" in str(caught.value)
    # Nothing older was pruned or touched, and the broken copy is not left to be restored.
    assert auto_backups(folder, "vault.db") == list(reversed(good))
    assert {p: p.read_bytes() for p in good} == before
    assert recovery.sidecar_path(vault.path).read_text(encoding="utf-8") == sidecar
    status = last_good_backup(vault, now=T0 + timedelta(hours=5))
    assert status.last_good_at == T0 + timedelta(hours=1)
    assert status.last_good_path == good[-1]


def test_keep_out_of_range_is_refused(vault, folder):
    with pytest.raises(BackupKeepError, match="mellem 1 og 365"):
        run_auto_backup(vault, folder=folder, keep=0)
    assert not list(folder.iterdir())


def test_last_good_backup_warns_after_seven_days(vault, folder):
    assert last_good_backup(vault).warning is auto_backup.NOT_CHOSEN_WARNING
    run_auto_backup(vault, folder=folder, now=T0)
    assert last_good_backup(vault, now=T0 + timedelta(days=6)).warning is None
    late = last_good_backup(vault, now=T0 + timedelta(days=8))
    assert "over 7 dage" in late.warning_text() and "2026-03-01 09:00" in late.warning_text()


def test_a_backup_is_due_after_a_change_or_a_day(vault, folder):
    assert not backup_due(vault, now=T0)  # no folder chosen: nothing to do
    run_auto_backup(vault, folder=folder, now=T0)
    assert not backup_due(vault, now=T0 + timedelta(hours=1))
    rename(vault, "Ændret")
    assert backup_due(vault, now=T0 + timedelta(hours=1))
    assert not backup_due(vault, now=T0 + timedelta(hours=1), on_change=False)  # the daily check
    run_auto_backup(vault, now=T0 + timedelta(hours=2))
    assert not backup_due(vault, now=T0 + timedelta(hours=3))
    assert backup_due(vault, now=T0 + timedelta(hours=26))
