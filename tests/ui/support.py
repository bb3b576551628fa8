"""Constants and helpers of the widget tests (fixtures live in conftest.py)."""

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from ui.desktop import Desktop
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

PASSPHRASE = "korrekt hest batteri hæfteklamme"
NAME = "Mette Kragh Sørensen"


def flush_deletions() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def unlock(qtbot, desktop: Desktop, passphrase: str = PASSPHRASE) -> MainWindow:
    """Start the desktop and type the passphrase into the unlock dialog, as a user would."""
    desktop.start()
    dialog = desktop.window
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=10_000)
    return desktop.window


def visible_texts() -> list[str]:
    """The text of every visible widget that shows text."""
    texts = []
    for widget in QApplication.allWidgets():
        if widget.isVisible() and hasattr(widget, "text"):
            texts.append(widget.text())
        if widget.isVisible() and widget.windowTitle():
            texts.append(widget.windowTitle())
    return texts
