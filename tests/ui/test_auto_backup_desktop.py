"""The desktop's automatic backup: written at lock when the vault changed (before it closes),
not when nothing changed; Overblik shows the last good backup, warns after a week, and lets the
user choose the folder."""

from datetime import timedelta

from PySide6.QtWidgets import QFileDialog

from consultant_app.domain import Inquiry
from consultant_app.domain.base import utcnow
from consultant_app.storage.auto_backup import auto_backups, run_auto_backup
from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, seed_case, type_passphrase, unlock
from ui.unlock_dialog import UnlockDialog


def test_locking_after_a_change_writes_a_verified_backup_and_without_a_change_none(
    qtbot, desktop, vault_file, tmp_path
):
    folder = tmp_path / "kopier"
    folder.mkdir()
    with Vault.open(vault_file, PASSPHRASE) as vault:
        run_auto_backup(vault, folder=folder, now=utcnow() - timedelta(minutes=5))
    assert len(auto_backups(folder, vault_file.name)) == 1

    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)  # the unlock's own checks
    seed_case(window.vault)  # a change since the last backup
    vault = window.vault
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert not vault.is_open
    backups = auto_backups(folder, vault_file.name)
    assert len(backups) == 2
    # The new copy holds the case written just before the lock.
    restored = tmp_path / "gendannet.db"
    Vault.restore(backups[0], restored, PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as copy, copy.session() as session:
        assert session.query(Inquiry).count() == 1

    window = type_passphrase(qtbot, desktop)  # unlocking alone is no change
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert len(auto_backups(folder, vault_file.name)) == 2


def test_overview_warns_after_a_week_and_choosing_the_folder_writes_a_backup(
    qtbot, session, main_window, tmp_path, monkeypatch
):
    overview = main_window.section("overview")
    idle = lambda: not session.lane.busy  # noqa: E731 (the test uses the vault only between lane jobs)
    overview.activate()
    qtbot.waitUntil(lambda: overview.backup is not None and idle(), timeout=5_000)
    assert overview.backup_line.text() == "Der er ikke valgt en mappe til automatiske sikkerhedskopier."

    old = tmp_path / "gammel"
    old.mkdir()
    run_auto_backup(session.vault, folder=old, now=utcnow() - timedelta(days=8))
    overview.backup = None
    overview.activate()
    qtbot.waitUntil(lambda: overview.backup is not None and idle(), timeout=5_000)
    assert overview.backup_line.text().startswith("Ingen kontrolleret sikkerhedskopi i over 7 dage")

    chosen = tmp_path / "ny mappe"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    overview.backup = None
    overview.backup_button.click()
    qtbot.waitUntil(lambda: overview.backup is not None and idle(), timeout=20_000)
    assert overview.backup_line.text().startswith("Seneste kontrollerede sikkerhedskopi: ")
    assert len(auto_backups(chosen, session.vault.path.name)) == 1


def test_the_hourly_check_writes_one_a_day_not_one_per_change(qtbot, session, main_window, tmp_path):
    folder = tmp_path / "kopier"
    folder.mkdir()
    idle = lambda: not session.lane.busy  # noqa: E731
    qtbot.waitUntil(idle, timeout=10_000)
    assert main_window.backup_timer.isActive()
    run_auto_backup(session.vault, folder=folder, now=utcnow() - timedelta(hours=2))
    seed_case(session.vault)  # changed, but the last backup is not a day old: that waits for lock
    main_window.daily_backup()
    qtbot.waitUntil(idle, timeout=10_000)
    assert len(auto_backups(folder, session.vault.path.name)) == 1

    run_auto_backup(session.vault, now=utcnow() - timedelta(hours=25))
    main_window.daily_backup()
    qtbot.waitUntil(
        lambda: len(auto_backups(folder, session.vault.path.name)) == 3 and idle(), timeout=20_000
    )


def test_the_program_ending_with_the_window_open_backs_up_and_locks(qtbot, desktop, vault_file, tmp_path):
    """The event loop ends (the user logs out of Windows) while the main window is open: the
    changes since the last backup are backed up, as closing the window would, and the vault locks."""
    folder = tmp_path / "kopier"
    folder.mkdir()
    with Vault.open(vault_file, PASSPHRASE) as vault:
        run_auto_backup(vault, folder=folder, now=utcnow() - timedelta(minutes=5))
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    seed_case(window.vault)
    vault = window.vault
    desktop.shutdown()
    assert not vault.is_open
    backups = auto_backups(folder, vault_file.name)
    assert len(backups) == 2
    restored = tmp_path / "gendannet.db"
    Vault.restore(backups[0], restored, PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as copy, copy.session() as session:
        assert session.query(Inquiry).count() == 1
