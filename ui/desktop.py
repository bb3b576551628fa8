"""The desktop's flow: (no vault yet →) unlock → main window → lock → unlock ...

It owns the window that is showing and the open vault, and hands each window its services
(vault path, lane, vault) through the constructor. `finished` means the user chose to quit.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from consultant_app.storage.vault import Vault
from ui.main_window import MainWindow
from ui.missing_vault_dialog import MissingVaultDialog
from ui.operations import Lane
from ui.unlock_dialog import UnlockDialog, UnlockedVault

log = logging.getLogger(__name__)


class Desktop(QObject):
    finished = Signal()

    def __init__(self, vault_path: Path, lane: Lane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self._lane = lane
        self._vault: Vault | None = None
        self.window: QWidget | None = None  # the one top-level window on screen

    def start(self) -> None:
        if self._vault_path.is_file():
            self._show_unlock()
        else:
            dialog = MissingVaultDialog(self._vault_path)
            dialog.accepted.connect(self._show_unlock)
            dialog.rejected.connect(self.finished)
            self._replace_window(dialog)

    def shutdown(self) -> None:
        """After the event loop has ended: let queued work finish, and never leave the vault open."""
        vault, self._vault = self._vault, None
        self._lane.close(last=vault.lock if vault is not None else None)

    def _show_unlock(self) -> None:
        dialog = UnlockDialog(self._vault_path, self._lane)
        dialog.unlocked.connect(self._show_main_window)
        dialog.rejected.connect(self.finished)
        self._replace_window(dialog)

    def _show_main_window(self, unlocked: UnlockedVault) -> None:
        self._vault = unlocked.vault
        window = MainWindow(unlocked.vault, unlocked.profile, self._lane)
        window.locked.connect(self._on_locked)
        window.closed.connect(self._on_closed)
        self._replace_window(window)

    def _on_locked(self) -> None:
        self._vault = None
        self._show_unlock()

    def _on_closed(self) -> None:
        self._vault = None
        self.finished.emit()

    def _replace_window(self, window: QWidget) -> None:
        # Show the new window before the old one goes, so there is never a moment with none.
        window.show()
        window.raise_()
        window.activateWindow()
        old, self.window = self.window, window
        if old is not None:
            old.hide()
            old.deleteLater()
