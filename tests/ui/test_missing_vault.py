"""No vault yet: the desktop explains how to create one, then carries on to the unlock dialog."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from consultant_app.storage.vault import Vault
from tests.ui.support import NAME, PASSPHRASE
from ui.desktop import Desktop
from ui.missing_vault_dialog import MissingVaultDialog
from ui.unlock_dialog import UnlockDialog


def button(dialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_the_desktop_explains_how_to_create_the_vault(qtbot, tmp_path, lane):
    path = tmp_path / "ny" / "vault.db"
    desktop = Desktop(path, lane)
    desktop.start()
    dialog = desktop.window
    assert isinstance(dialog, MissingVaultDialog)
    assert dialog.windowTitle() == "Ingen boks endnu"
    command = dialog.command.text()
    assert 'init --name "Dit navn" --team aalborg' in command
    assert str(path) in command  # not the default place, so the command names it

    qtbot.mouseClick(button(dialog, "Prøv &igen"), Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Der er stadig ingen boks. Kør først kommandoen ovenfor."
    assert desktop.window is dialog

    Vault.create(path, PASSPHRASE, name=NAME, team="odense").lock()
    qtbot.mouseClick(button(dialog, "Prøv &igen"), Qt.MouseButton.LeftButton)
    assert isinstance(desktop.window, UnlockDialog)
    desktop.window.hide()
    desktop.shutdown()


def test_quit_from_the_explanation_ends_the_desktop(qtbot, tmp_path, lane):
    desktop = Desktop(tmp_path / "vault.db", lane)
    desktop.start()
    with qtbot.waitSignal(desktop.finished, timeout=2_000):
        qtbot.mouseClick(button(desktop.window, "&Afslut"), Qt.MouseButton.LeftButton)
