"""The main window: the profile it shows, and locking with Ctrl+L."""

from PySide6.QtCore import Qt

from consultant_app.storage.vault import Vault
from tests.ui.support import NAME, PASSPHRASE, flush_deletions, unlock, visible_texts
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog


def test_ctrl_l_locks_the_vault_and_nothing_shows_the_name(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    vault = window.vault
    assert vault.is_open
    assert any(NAME in text for text in visible_texts())

    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    assert not vault.is_open
    flush_deletions()
    assert not any(NAME in text for text in visible_texts())
    # The file lock is released too: another program may open the vault now.
    Vault.open(vault_file, PASSPHRASE).lock()


def test_after_locking_the_vault_unlocks_again(qtbot, desktop):
    first = unlock(qtbot, desktop)
    first.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    dialog = desktop.window
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=10_000)
    assert desktop.window is not first
    assert desktop.window.name_label.text() == NAME


def test_closing_the_window_locks_the_vault_and_ends_the_desktop(qtbot, desktop):
    window = unlock(qtbot, desktop)
    vault = window.vault
    with qtbot.waitSignal(desktop.finished, timeout=5_000):
        window.close()
    assert not vault.is_open
    assert not window.isVisible()
