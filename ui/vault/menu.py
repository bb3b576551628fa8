"""The Boks menu's vault care: back up now, restore, change the passphrase, open another vault.

The main window adds these to its menu and passes on two requests it cannot answer alone: a
restored vault needs a new session (`restored`: the desktop builds the windows again on it),
and "another vault" locks this one first (`switch_requested`).
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from ui.section import Session
from ui.vault.backup_dialog import BackupDialog
from ui.vault.passphrase_dialog import PassphraseDialog
from ui.vault.restore_dialog import RestoreDialog, RestoreOutcome


def show(dialog: QDialog) -> QDialog:
    """Window-modal, deleted once closed (with whatever passphrase it held)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_backup(parent: QWidget, session: Session) -> BackupDialog:
    dialog = BackupDialog(session, parent)
    show(dialog)
    return dialog


def open_restore(parent: QWidget, session: Session, restored: Callable[[object, str], None]) -> RestoreDialog:
    """`restored(unlocked, message)` once the backup is in place; the caller restarts the session."""
    dialog = RestoreDialog(session, parent)

    def done(outcome: RestoreOutcome) -> None:
        session.network.abandon()  # this session's network work ends with it
        restored(outcome.unlocked, dialog.restored_text(outcome))

    dialog.restored.connect(done)
    show(dialog)
    return dialog


class VaultActions(QObject):
    restored = Signal(object, str)  # UnlockedVault, what to tell the user in the new window
    switch_requested = Signal()

    def __init__(self, window: QWidget, session: Callable[[], Session]) -> None:
        super().__init__(window)
        self._window = window
        self._session = session  # the window's current one (a saved profile replaces it)
        self.backup_action = self._action(self.tr("&Back up now…"), self.backup)
        self.restore_action = self._action(self.tr("&Restore backup…"), self.restore)
        self.passphrase_action = self._action(self.tr("Change &passphrase…"), self.change_passphrase)
        self.switch_action = self._action(self.tr("&Open another vault…"), self.switch_requested.emit)
        self.switch_action.setToolTip(self.tr("Lock this vault and open or create another"))
        self.dialog: QDialog | None = None  # the one last opened (for tests and screenshots)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.backup_action, self.restore_action, self.passphrase_action])
        menu.addSeparator()
        menu.addAction(self.switch_action)

    def backup(self) -> None:
        self.dialog = open_backup(self._window, self._session())

    def restore(self) -> None:
        self.dialog = open_restore(self._window, self._session(), self.restored.emit)

    def change_passphrase(self) -> None:
        self.dialog = show(PassphraseDialog(self._session(), self._window))
