"""A damaged vault at unlock: a clear Danish message, an offer to restore the latest backup, and
after the restore the vault unlocks; the damaged file is kept beside it."""

from PySide6.QtCore import Qt

from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, type_passphrase
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog


def flip_a_middle_page(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[(len(data) // 4096 // 2) * 4096 + 700] ^= 0x10
    path.write_bytes(bytes(data))
    return bytes(data)


def damage_reported(qtbot, desktop) -> UnlockDialog:
    """Type the passphrase; the damage is reported by the unlock window, at once if a page that
    unlock reads is hit, otherwise once the full check after unlock finds it and locks again."""
    desktop.start()
    first = desktop.window
    assert isinstance(first, UnlockDialog)
    assert first.restore_button.isHidden()  # not offered before anything is wrong
    qtbot.keyClicks(first.passphrase, PASSPHRASE)
    qtbot.mouseClick(first.unlock_button, Qt.MouseButton.LeftButton)

    def reported() -> bool:
        window = desktop.window
        return isinstance(window, UnlockDialog) and not window.busy and "beskadiget" in window.status.text()

    qtbot.waitUntil(reported, timeout=20_000)
    return desktop.window


def test_a_damaged_vault_offers_the_latest_backup_and_restores_it(qtbot, desktop, vault_file, tmp_path):
    with Vault.open(vault_file, PASSPHRASE) as vault:
        backup = vault.backup(tmp_path / "sikkerhedskopi.bak")
    damaged = flip_a_middle_page(vault_file)

    dialog = damage_reported(qtbot, desktop)
    status = dialog.status.text()
    assert "beskadiget" in status and "Intet er slettet" in status
    assert str(backup) in status
    assert dialog.restore_button.isVisible()
    assert dialog.restore_button.text() == "Gendan seneste sikkerhedskopi"
    assert vault_file.read_bytes() == damaged  # refused, untouched

    dialog.passphrase.clear()  # the backup's passphrase (the same one), typed into this window
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "gendannet" in dialog.status.text(), dialog.status.text()
    assert dialog.restore_button.isHidden()
    kept = list(tmp_path.glob("vault.db.replaced-*.bak"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # moved aside, never deleted

    dialog.passphrase.clear()
    window = type_passphrase(qtbot, desktop)
    assert isinstance(window, MainWindow)


def test_a_damaged_vault_without_a_backup_says_so_and_offers_nothing(qtbot, desktop, vault_file):
    damaged = flip_a_middle_page(vault_file)
    dialog = damage_reported(qtbot, desktop)
    assert "ikke fundet nogen sikkerhedskopi" in dialog.status.text()
    assert dialog.restore_button.isHidden()
    assert vault_file.read_bytes() == damaged


def test_damage_found_after_unlock_locks_and_offers_the_latest_backup(qtbot, lane, tmp_path):
    """Unlock reads the first pages only (constant time); the full check then runs on the lane.
    A page damaged deep inside a table is found by it: the vault is locked again and the unlock
    window says so with the restore offer, and the damaged file is untouched."""
    from datetime import date

    from consultant_app.demo import fill_vault
    from tests.ui.support import flush_deletions
    from ui.desktop import Desktop

    vault_file = tmp_path / "vault.db"
    with Vault.create(vault_file, PASSPHRASE, name="T", team="aarhus") as vault:
        fill_vault(vault, 1500, seed=5, today=date(2025, 6, 1))
        backup = vault.backup(tmp_path / "sikkerhedskopi.bak")
    damaged = flip_a_middle_page(vault_file)
    desktop = Desktop(vault_file, lane)
    try:
        desktop.start()
        window = type_passphrase(qtbot, desktop)  # unlocked: the damage is not in the first pages
        assert isinstance(window, MainWindow)
        qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
        dialog = desktop.window
        status = dialog.status.text()
        assert "beskadiget" in status and str(backup) in status
        assert dialog.restore_button.isVisible()
        assert vault_file.read_bytes() == damaged
    finally:
        if desktop.window is not None:
            desktop.window.hide()
            desktop.window.deleteLater()
        desktop.shutdown()
        flush_deletions()


def test_the_damage_report_gets_the_room_it_needs(qtbot, desktop, vault_file, tmp_path):
    """The report names the backup's path and wraps over several lines: the window grows so that
    all of it shows, below the passphrase and above the buttons (it was drawn over the field)."""
    with Vault.open(vault_file, PASSPHRASE) as vault:
        vault.backup(tmp_path / "sikkerhedskopi.bak")
    flip_a_middle_page(vault_file)
    dialog = damage_reported(qtbot, desktop)
    qtbot.wait(50)
    status = dialog.status.geometry()
    assert dialog.status.height() >= dialog.status.heightForWidth(dialog.status.width())
    assert status.top() >= dialog.passphrase.mapTo(dialog, dialog.passphrase.rect().bottomLeft()).y()
    assert status.bottom() <= dialog.buttons.geometry().top()
