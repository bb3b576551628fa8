"""The vault's care in the desktop, driven through the real widgets on real SQLCipher files: a
backup made from the Boks menu, restored from the one restore dialog (the session starts again
on the restored vault, the state before is kept), the passphrase changed (the old one then
refused at the unlock), and hostile or damaged files refused with the vault unchanged."""

import pytest
from PySide6.QtCore import Qt

from consultant_app.services.vault_admin import read_backup
from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, flush_deletions, seed_case, type_passphrase, unlock
from tests.ui.test_accessible_names import unnamed
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.vault.backup_dialog import BackupDialog
from ui.vault.passphrase_dialog import PassphraseDialog
from ui.vault.restore_dialog import INQUIRIES, RestoreDialog

NEW = "blå cykel under gammel kastanje ved åen"


def count_inquiries(vault: Vault) -> int:
    from consultant_app.services.inquiry_list import InquiryFilter, count_inquiries

    with vault.session() as session:
        return count_inquiries(session, InquiryFilter())


def make_backup(qtbot, window: MainWindow, target) -> BackupDialog:
    window.vault_actions.backup_action.trigger()
    dialog = window.vault_actions.dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    assert not unnamed(dialog)
    qtbot.waitUntil(lambda: "mappe til sikkerhedskopier" in dialog.folder_label.text(), timeout=10_000)
    assert dialog.to_file.isChecked() and not dialog.to_folder.isEnabled()  # no folder chosen yet
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # the action is the default button
    qtbot.waitUntil(lambda: not dialog.busy and dialog.action.isHidden(), timeout=20_000)
    assert "gemt og kontrolleret" in dialog.status.text(), dialog.status.text()
    return dialog


def restore_dialog(qtbot, window: MainWindow) -> RestoreDialog:
    window.vault_actions.restore_action.trigger()
    dialog = window.vault_actions.dialog
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    assert not unnamed(dialog)
    return dialog


def row_text(dialog: RestoreDialog, path) -> str:
    return dialog.rows[path.resolve()].item.text(INQUIRIES)


def test_a_backup_is_made_restored_and_checked(qtbot, desktop, vault_file, tmp_path):
    window = unlock(qtbot, desktop)
    seed_case(window.session.vault)
    target = tmp_path / "kopi.bak"
    backup = make_backup(qtbot, window, target)
    assert target.is_file() and target.stat().st_mode & 0o777 == 0o600
    qtbot.keyClick(backup, Qt.Key.Key_Escape)  # Esc closes it once it is done
    qtbot.waitUntil(lambda: not backup.isVisible())
    seed_case(window.session.vault)
    seed_case(window.session.vault)

    dialog = restore_dialog(qtbot, window)
    qtbot.waitUntil(
        lambda: target.resolve() in dialog.rows and row_text(dialog, target) == "1", timeout=20_000
    )
    item = dialog.rows[target.resolve()].item
    assert item.text(1) and item.text(0)  # size and date shown
    dialog.table.setCurrentItem(item)
    assert dialog.action.isEnabled()
    assert "1 henvendelser" in dialog.status.text()
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: isinstance(desktop.window, MainWindow) and desktop.window is not window, timeout=30_000
    )
    restarted = desktop.window
    assert count_inquiries(restarted.session.vault) == 1  # the data from before the backup, and only that
    assert "gendannet" in restarted.statusBar().currentMessage()
    before = list(tmp_path.glob("vault.db.before-restore-*.bak"))
    assert len(before) == 1
    assert read_backup(restarted.session.vault, before[0]).inquiries == 3  # the pre-restore copy
    restarted.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    again = type_passphrase(qtbot, desktop)  # the restored file opens with its passphrase
    assert count_inquiries(again.session.vault) == 1


def test_change_the_passphrase_then_only_the_new_one_unlocks(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    window.vault_actions.passphrase_action.trigger()
    dialog = window.vault_actions.dialog
    assert isinstance(dialog, PassphraseDialog)
    assert not unnamed(dialog)
    qtbot.keyClicks(dialog.current, "forkert gammel kode")
    qtbot.keyClicks(dialog.page.passphrase, NEW)
    assert dialog.page.strength.value() >= 75  # the live bar: past the threshold
    qtbot.keyClicks(dialog.page.repeat, NEW)
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "nuværende adgangskode er forkert" in dialog.status.text()

    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.action.isHidden(), timeout=30_000)
    assert "skiftet" in dialog.status.text()
    assert dialog.current.text() == "" and dialog.page.passphrase.text() == ""
    seed_case(window.session.vault)  # the session goes on under the new key
    dialog.close()

    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    unlock_dialog = desktop.window
    qtbot.keyClicks(unlock_dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock_dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not unlock_dialog.busy, timeout=20_000)
    assert isinstance(desktop.window, UnlockDialog)
    assert "Forkert adgangskode" in unlock_dialog.status.text()
    unlock_dialog.passphrase.clear()
    window = type_passphrase(qtbot, desktop, NEW)
    assert count_inquiries(window.session.vault) == 1


def _damaged_copy(tmp_path, good):
    data = bytearray(good.read_bytes())
    data[(len(data) // 4096 - 1) * 4096 + 900] ^= 0x04  # the last page: the quick read misses it
    damaged = tmp_path / "beskadiget.bak"
    damaged.write_bytes(bytes(data))
    return damaged


def test_hostile_and_damaged_files_are_refused_and_nothing_changes(qtbot, desktop, vault_file, tmp_path):
    window = unlock(qtbot, desktop)
    seed_case(window.session.vault)
    good = tmp_path / "god.bak"
    make_backup(qtbot, window, good).close()
    seed_case(window.session.vault)
    noise = tmp_path / "fjendtlig.bak"
    noise.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)  # a plain database, not a vault
    damaged = _damaged_copy(tmp_path, good)
    vault_before = vault_file.read_bytes()

    dialog = restore_dialog(qtbot, window)
    dialog.add_file(noise)
    qtbot.waitUntil(lambda: row_text(dialog, noise) == "Kan ikke bruges", timeout=20_000)
    assert not dialog.action.isEnabled()
    assert "ukrypteret SQLite-database" in dialog.status.text()
    dialog.start()  # even pressed by other means, nothing happens
    assert not dialog.busy

    dialog.add_file(damaged)
    qtbot.waitUntil(lambda: row_text(dialog, damaged) not in ("…", ""), timeout=20_000)
    if dialog.action.isEnabled():  # the count was read: the full check at the restore refuses it
        qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "beskadiget" in dialog.status.text(), dialog.status.text()
    assert desktop.window is window and dialog.isVisible()
    assert vault_file.read_bytes() == vault_before
    assert not list(tmp_path.glob("vault.db.before-restore-*")) and not list(
        tmp_path.glob("vault.db.restore")
    )
    assert count_inquiries(window.session.vault) == 2
    dialog.close()
    flush_deletions()


def test_a_backup_under_another_passphrase_asks_for_it(qtbot, desktop, vault_file, tmp_path):
    other = tmp_path / "anden" / "vault.db"
    other.parent.mkdir()
    with Vault.create(other, NEW, name="Anden Konsulent", team="aarhus") as made:
        seed_case(made)
        seed_case(made)
        copy = made.backup(tmp_path / "fra-anden.bak")
    window = unlock(qtbot, desktop)
    dialog = restore_dialog(qtbot, window)
    dialog.add_file(copy)
    qtbot.waitUntil(lambda: row_text(dialog, copy) == "Anden adgangskode", timeout=20_000)
    assert dialog.passphrase.isEnabled() and not dialog.action.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "ikke den rigtige")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forkert adgangskode" in dialog.status.text(), timeout=20_000)
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, NEW)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter reads it first
    qtbot.waitUntil(lambda: row_text(dialog, copy) == "2", timeout=20_000)
    assert dialog.action.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels: nothing restored
    assert not dialog.isVisible()
    assert count_inquiries(window.session.vault) == 0

    again = restore_dialog(qtbot, window)  # now restored, with its own passphrase
    again.add_file(copy)
    qtbot.waitUntil(lambda: row_text(again, copy) == "Anden adgangskode", timeout=20_000)
    qtbot.keyClicks(again.passphrase, NEW)
    qtbot.keyClick(again.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_text(again, copy) == "2", timeout=20_000)
    qtbot.mouseClick(again.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: desktop.window is not window and isinstance(desktop.window, MainWindow), timeout=30_000
    )
    restarted = desktop.window
    assert count_inquiries(restarted.session.vault) == 2
    assert "sikkerhedskopiens adgangskode" in restarted.statusBar().currentMessage()
    restarted.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert isinstance(type_passphrase(qtbot, desktop, NEW), MainWindow)


@pytest.mark.parametrize("section_button", ["backup_now_button", "restore_backup_button"])
def test_settings_open_the_same_dialogs(qtbot, desktop, section_button):
    window = unlock(qtbot, desktop)
    window.show_section("settings")
    button = getattr(window.section("settings"), section_button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [
        w for kind in (BackupDialog, RestoreDialog) for w in window.findChildren(kind) if w.isVisible()
    ]
    assert len(dialogs) == 1
    qtbot.keyClick(dialogs[0], Qt.Key.Key_Escape)
    assert not dialogs[0].isVisible()


def test_a_folder_chosen_in_the_dialog_gets_the_backup_and_is_remembered(qtbot, desktop, tmp_path):
    from consultant_app.services.vault_admin import backup_folder

    window = unlock(qtbot, desktop)
    window.vault_actions.backup_action.trigger()
    dialog = window.vault_actions.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.use_folder(usb)  # what "Vælg mappe…" does with the folder chosen
    assert dialog.to_folder.isChecked()
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.action.isHidden(), timeout=20_000)
    written = list(usb.glob("vault.db.auto-*.bak"))
    assert len(written) == 1 and str(written[0]) in dialog.status.text()
    assert backup_folder(window.session.vault) == usb.resolve()  # the automatic backups' folder now


def test_reads_still_queued_when_the_restore_dialog_closes_are_skipped(qtbot, session, monkeypatch):
    """Each read derives a key on the database lane: a closed dialog must not hold it up."""
    import shutil

    import ui.vault.restore_dialog as restore_module

    first = session.vault.backup(session.vault.path.with_name("a.bak"))
    for name in "bcdef":
        shutil.copyfile(first, first.with_name(f"{name}.bak"))
    calls = []

    def counted(*args):
        calls.append(args[1])
        return read_backup(*args)

    monkeypatch.setattr(restore_module, "read_backup", counted)
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.rows) == 6, timeout=10_000)
    dialog.reject()
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=20_000)
    assert len(calls) <= 2, calls  # the one running at the close (and perhaps the next), not all six


def test_cancel_in_the_progress_dialog_keeps_no_backup(qtbot, session, tmp_path, monkeypatch):
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    pressed = threading.Event()
    real_backup = Vault.backup

    def slow_backup(vault, destination, **kwargs):  # the write waits until Cancel was pressed
        pressed.wait(10)
        return real_backup(vault, destination, **kwargs)

    monkeypatch.setattr(Vault, "backup", slow_backup)
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    target = tmp_path / "afbrudt.bak"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
    progress = dialog.findChild(QProgressDialog)
    assert progress is not None and progress.isVisible()
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annuller"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # as the user presses it
    pressed.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "Stoppet" in dialog.status.text(), dialog.status.text()
    assert not target.exists()
    assert dialog.action.isVisible() and dialog.action.isEnabled()  # may be tried again
