"""The desktop's flow: (first run →) unlock → main window → lock → unlock ...

It owns the window that is showing and the open vault, and hands each window its services
(vault path, lane, vault) through the constructor. `finished` means the user chose to quit.
Between a lock and the next unlock it keeps only where the user was (`MainWindow.last_state`:
ids and codes, no case text), so the next main window returns there.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from consultant_app.errors import VaultCorruptError
from ui.language import Translations
from ui.operations import Lane
from ui.preferences import remember_geometry, remember_language, remember_vault
from ui.unlock_dialog import UnlockDialog, warm_up

if TYPE_CHECKING:
    from consultant_app.services.unlock import UnlockedVault
    from consultant_app.storage.vault import Vault
    from ui.main_window import MainWindow
    from ui.section import Session

log = logging.getLogger(__name__)


class Desktop(QObject):
    finished = Signal()

    def __init__(
        self,
        vault_path: Path,
        lane: Lane,
        translations: Translations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self._lane = lane
        self._translations = translations
        self._vault: Vault | None = None
        self._state: dict = {}  # where the user was when the vault was locked
        self._damage: VaultCorruptError | None = None  # found after unlock: shown at the next one
        self.window: QWidget | None = None  # the one top-level window on screen

    def start(self) -> None:
        if self._vault_path.is_file():
            self._show_unlock()
        else:
            from ui.first_run.wizard_dialog import FirstRunDialog  # only on a first run

            wizard = FirstRunDialog(self._vault_path, self._lane)
            wizard.created.connect(self._show_main_window)
            wizard.rejected.connect(self.finished)
            wizard.open_existing.connect(lambda path: self._switch_to(path, False))
            self._replace_window(wizard)

    def shutdown(self) -> None:
        """After the event loop has ended: let queued work finish, and never leave the vault open.
        With the main window still open, its drafts and the automatic backup come first."""
        vault, self._vault = self._vault, None
        last = vault.lock if vault is not None else None
        window = self.window
        if vault is not None and isinstance(window, _main_window_type()):
            last = window.work_before_exit() or vault.lock  # lock() may be run twice: harmless
        self._lane.close(last=last)

    def _show_unlock(self) -> None:
        dialog = UnlockDialog(self._vault_path, self._lane)
        dialog.unlocked.connect(self._show_main_window)
        dialog.rejected.connect(self.finished)
        dialog.other_vault_chosen.connect(self._switch_to)
        self._replace_window(dialog)
        if self._damage is not None:
            dialog.report_damage(self._damage)
            self._damage = None
        # Once the window is painted (the event loop has run), load what the unlock will need.
        QTimer.singleShot(0, lambda: self._lane.run(warm_up, _ignore, _ignore))

    def _switch_to(self, path: Path, create: bool) -> None:
        """Another vault, from the unlock window: its unlock, or the first-run wizard for a new
        one (cancelled, it returns to the vault before)."""
        previous, self._vault_path, self._state = self._vault_path, path, {}
        if not create:
            self._show_unlock()
            return
        from ui.first_run.wizard_dialog import FirstRunDialog

        wizard = FirstRunDialog(path, self._lane)
        wizard.created.connect(self._show_main_window)
        wizard.rejected.connect(lambda: self._switch_to(previous, False))
        wizard.open_existing.connect(lambda chosen: self._switch_to(chosen, False))
        self._replace_window(wizard)

    def _show_main_window(self, unlocked: UnlockedVault) -> None:
        self._vault = unlocked.vault
        remember_vault(unlocked.vault.path)  # the next start opens this one (another may be chosen)
        if self._translations is not None and not self._translations.fixed:
            self._translations.apply(unlocked.profile.language)
            remember_language(unlocked.profile.language)  # the language of the next unlock window
        from ui.section import Session

        self._open_main_window(Session(unlocked.vault, unlocked.profile, self._lane), self._state)
        self._state = {}
        self._verify_in_background(unlocked.vault)

    def _verify_in_background(self, vault: Vault) -> None:
        """Unlock checked the first pages only (constant time); every page is checked now, on
        the lane after the first screen's reads. Damage locks the vault again and the unlock
        window offers the latest backup, as a damaged vault at unlock does."""

        def failed(error: Exception) -> None:
            # Locked meanwhile (VaultLockedError) or another vault by now: nothing to show.
            if isinstance(error, VaultCorruptError) and self._vault is vault:
                log.warning("vault damage found after unlock")
                self._damage = error
                window = self.window
                if isinstance(window, _main_window_type()):
                    window.lock()

        self._lane.run(vault.verify_pages, lambda _: None, failed)

    def _open_main_window(self, session: Session, state: dict) -> None:
        window = _main_window_type()(session, state)
        window.locked.connect(self._on_locked)
        window.closed.connect(self._on_closed)
        window.language_changed.connect(self._change_language)
        window.reopened.connect(self._reopen)
        self._replace_window(window)

    def _change_language(self, language: str) -> None:
        window = self.window
        if not isinstance(window, _main_window_type()):
            return
        if self._translations is not None:
            self._translations.apply(language)
            if not self._translations.fixed:
                remember_language(language)
        remember_geometry(window)  # the rebuilt window opens where this one is
        # Unsaved input goes with the old window: kept as drafts first (the lane runs in order,
        # so the new window's offer finds them).
        from consultant_app.services.drafts import save_drafts
        from ui.drafts import collect_drafts

        if drafts := collect_drafts(window):
            vault = window.session.vault
            self._lane.run(lambda: save_drafts(vault, drafts), _ignore, _ignore)
        # Every text was translated when the window was built: build it again, in the same place.
        self._open_main_window(window.session, window.state())

    def _reopen(self, unlocked: UnlockedVault, message: str) -> None:
        """A backup was restored into the open vault: the same vault, a new session (screens,
        profile) on what it now holds, and where the user was is forgotten (it may be gone)."""
        self._state = {}
        self._show_main_window(unlocked)
        window = self.window
        if isinstance(window, _main_window_type()):
            window.statusBar().showMessage(message, 20_000)

    def _on_locked(self) -> None:
        window = self.window
        self._state = window.last_state if isinstance(window, _main_window_type()) else {}
        switching = bool(getattr(window, "switching", False))
        self._vault = None
        self._show_unlock()
        if switching and isinstance(self.window, UnlockDialog):
            self._state = {}  # another vault: the places of this one mean nothing there
            self.window.choose_other_vault()

    def _on_closed(self) -> None:
        self._vault = None
        self._state = {}
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


def _ignore(_result: object) -> None:
    """A warm-up that fails says nothing: the unlock imports the same modules and reports it."""


def _main_window_type() -> type[MainWindow]:
    """The main window class, imported when first needed: every screen, openpyxl and ReportLab
    load with it, and the unlock window should not wait for them (cold start, issue 8)."""
    from ui.main_window import MainWindow

    return MainWindow
