"""The unlock dialog: asks for the passphrase and opens the vault on the database lane.

Wrong passphrases cost nothing for the first three tries, then a growing wait: it slows a
person guessing at a locked laptop without punishing a typo. (The real defence is the strong
passphrase and SQLCipher's key derivation; a restart of the program starts the count again.)

This is the first window of a start, so it imports only Qt and light core modules: SQLAlchemy,
the models and the vault load on the lane (`warm_up`, started once the window is on screen, and
again, free, in `open_vault`), while the user types the passphrase.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import VaultCorruptError, VaultUpgradeRequired, WrongPassphraseError
from consultant_app.storage import recovery
from ui import theme
from ui.op import Op, error_text
from ui.operations import Lane

if TYPE_CHECKING:
    from consultant_app.services.unlock import UnlockedVault

FREE_TRIES = 3
MAX_DELAY_SECONDS = 60


def retry_delay(failures: int) -> int:
    """Seconds before the next try after `failures` wrong passphrases: 0, 0, 2, 4, 8, ... 60."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES + 1), MAX_DELAY_SECONDS)


def warm_up() -> None:
    """Runs on the lane while the user types: the imports an unlock needs (about a second on a
    slow laptop), so that the window did not wait for them and the unlock does not either."""
    import consultant_app.services.unlock  # noqa: F401


def open_vault(path: Path, passphrase: str, *, upgrade: bool = False) -> UnlockedVault:
    """Runs on the lane: the key derivation and the first read never block the window."""
    from consultant_app.services.unlock import open_vault as unlock_vault

    return unlock_vault(path, passphrase, upgrade=upgrade)


def _restore(backup: Path, path: Path, passphrase: str) -> Path | None:
    from consultant_app.storage.vault import Vault

    return Vault.restore(backup, path, passphrase, force=True)


class PathLabel(QLabel):
    """A file path on one line, shortened in the middle to fit (a wrapped path reads like two);
    the whole path is in the tooltip."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = QDir.toNativeSeparators(str(path))
        self.setToolTip(self._full)
        self.setMinimumWidth(1)  # may shrink below the full text: that is what eliding is for
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setText(self._full)

    def sizeHint(self) -> QSize:
        # Wide enough for a usual path; a longer one is shortened rather than widening the dialog.
        width = min(self.fontMetrics().horizontalAdvance(self._full) + 4, 520)
        return QSize(width, super().sizeHint().height())

    @property
    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # UnlockedVault
    other_vault_chosen = Signal(object, bool)  # Path, create: the desktop switches to it

    def __init__(self, vault_path: Path, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self._lane = lane
        self._failures = 0
        self._busy = False
        self._wait_left = 0
        self._error = ""
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)

        self.setWindowTitle(self.tr("Unlock vault"))

        heading = QLabel(self.tr("Security consultant"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Enter your passphrase to unlock your vault."))
        intro.setWordWrap(True)

        self.path_label = PathLabel(vault_path)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumWidth(320)
        form = QFormLayout()
        form.addRow(self.tr("Vault:"), self.path_label)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # error texts may quote a path
        self.status.hide()

        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        # Offered only when the vault is damaged (core text: the same words as the command line).
        self.restore_button = self.buttons.addButton(
            recovery.RESTORE_BUTTON.render(), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.hide()
        self.restore_button.clicked.connect(self._start_restore)
        self._add_other_vault_button()
        self._backup: recovery.BackupInfo | None = None
        self.upgrade_question: QMessageBox | None = None
        # Enter always means "unlock": no button becomes the default by merely having focus.
        for button in (self.unlock_button, self.quit_button, self.restore_button):
            button.setAutoDefault(False)
        self.unlock_button.setDefault(True)
        self.buttons.accepted.connect(self._start_unlock)
        self.buttons.rejected.connect(self.reject)

        self._column = layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _add_other_vault_button(self) -> None:
        """Open another vault file or create a new one (ui/vault/switch.py)."""
        from ui.vault.switch import OtherVault

        self.other_button = self.buttons.addButton(
            self.tr("&Another vault"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.other_button.setAutoDefault(False)
        self.other_vault = OtherVault(self.other_button, self._vault_path)
        self.other_vault.chosen.connect(self.other_vault_chosen)

    def choose_other_vault(self) -> None:
        self.other_vault.popup()

    # --- unlocking ---------------------------------------------------------------------

    def _start_unlock(self, *, upgrade: bool = False) -> None:
        if self._busy or self._wait_left:
            return
        text = self.passphrase.text()
        if not text:
            self._show_status(self.tr("Enter the passphrase."), error=True)
            return
        self._set_busy(True)
        self._show_status(self.tr("Unlocking …"), error=False)
        path = self._vault_path
        Op(self, self._lane, lambda: open_vault(path, text, upgrade=upgrade)).success(
            self._succeeded
        ).failure(self._failed).run()

    def _succeeded(self, unlocked: UnlockedVault) -> None:
        self._set_busy(False)
        self.passphrase.clear()  # the window does not keep the passphrase once it has served
        self.status.hide()
        self.unlocked.emit(unlocked)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, VaultUpgradeRequired):
            self._ask_upgrade(error)
            return
        message = error_text(error)
        if isinstance(error, WrongPassphraseError):
            self._failures += 1
            self._wait_left = retry_delay(self._failures)
        if isinstance(error, VaultCorruptError):
            message = self._offer_restore()
        self._error = message
        self._show_status(self._error_with_wait(), error=True)
        if self._wait_left:
            self.unlock_button.setEnabled(False)
            self._countdown.start()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    # --- an outdated vault: asked, never upgraded silently ---------------------------------

    def _ask_upgrade(self, error: VaultUpgradeRequired) -> None:
        from consultant_app.services import unlock  # loaded by now: the unlock itself needed it

        question = QMessageBox(QMessageBox.Icon.Question, unlock.UPGRADE_TITLE.render(), "", parent=self)
        # The language given (None: the current one) so mypy knows the params cannot be it.
        question.setText(unlock.UPGRADE_QUESTION.render(None, path=self._vault_path.name, **error.params))
        question.setTextFormat(Qt.TextFormat.PlainText)
        self.upgrade_button = question.addButton(
            unlock.UPGRADE_BUTTON.render(), QMessageBox.ButtonRole.AcceptRole
        )
        question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter alone never upgrades
        question.finished.connect(lambda _result: self._upgrade_answered(question))
        self.upgrade_question = question
        question.open()

    def _upgrade_answered(self, question: QMessageBox) -> None:
        from consultant_app.services import unlock

        agreed = question.clickedButton() is self.upgrade_button
        question.deleteLater()
        self.upgrade_question = None
        if agreed:
            self._start_unlock(upgrade=True)
        else:
            self._show_status(unlock.UPGRADE_DECLINED.render(), error=False)
            self.passphrase.setFocus()

    # --- a damaged vault -----------------------------------------------------------------

    def report_damage(self, error: VaultCorruptError) -> None:
        """Damage the check after unlock found: said as a failed unlock says it, with the offer."""
        self._failed(error)

    def _offer_restore(self) -> str:
        """The vault is refused, nothing is deleted; offer the newest backup if there is one."""
        backups = recovery.latest_backups(self._vault_path)
        self._backup = backups[0] if backups else None
        self.restore_button.setVisible(self._backup is not None)
        if self._backup is None:
            return recovery.NO_BACKUP.render()
        # Here, not at the top: the date formatter brings the code lists and the Danish date
        # patterns, which the window's first paint does not need (issue 17, cold start).
        from ui.labels import short_datetime

        when = short_datetime(self._backup.written_at)
        return recovery.RESTORE_OFFER.render(backup=self._backup.path, when=when)

    def _start_restore(self) -> None:
        if self._busy or self._backup is None:
            return
        text = self.passphrase.text()  # the backup's passphrase: usually the same one
        if not text:
            self._show_status(self.tr("Enter the passphrase."), error=True)
            return
        self._set_busy(True)
        backup, path = self._backup.path, self._vault_path
        Op(self, self._lane, lambda: _restore(backup, path, text)).success(self._restored).failure(
            self._failed
        ).run()

    def _restored(self, kept: Path | None) -> None:
        self._set_busy(False)
        self._backup = None
        self.restore_button.hide()
        self._show_status(recovery.RESTORED.render(kept=kept or "-"), error=False)
        self.passphrase.setFocus()  # the passphrase is still there: Enter unlocks

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_left = 0
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
        self._show_status(self._error_with_wait(), error=True)

    def _error_with_wait(self) -> str:
        if not self._wait_left:
            return self._error
        wait = self.tr("Too many wrong tries: wait %n second(s) before the next one.", "", self._wait_left)
        return f"{self._error}\n{wait}"

    # --- state -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.passphrase.setReadOnly(busy)  # read-only, not disabled: the field keeps the focus
        self.unlock_button.setEnabled(not busy and not self._wait_left)
        self.quit_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.other_button.setEnabled(not busy)

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(theme.error_style() if error else "")
        self.status.show()
        # A message that wraps over several lines (the damage report with the backup's path)
        # needs more height than the window had: a window does not follow its wrapped label's
        # height by itself, and the text was drawn over the passphrase field, cut off.
        self._column.activate()
        needed = self._column.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        # An unlock in flight would leave an open vault that nobody locks: let it finish first.
        if not self._busy:
            super().reject()
