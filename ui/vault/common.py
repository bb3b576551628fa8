"""What the vault dialogs share: one action button beside Cancel in the platform's order, a
status line for the outcome, and no closing while the vault is being written."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDir, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from ui.labels import short_datetime
from ui.section import Session
from ui.widgets import StatusLine


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def native(path: Path | str) -> str:
    return QDir.toNativeSeparators(str(path))


def file_size(size: int) -> str:
    """1,2 MB in Danish, 1.2 MB in English (the locale the translations set)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def when(moment: datetime) -> str:
    return short_datetime(moment)


class VaultDialog(QDialog):
    """A dialog that writes the vault with its one action button. While that runs (`busy`) it
    cannot be closed, by Esc or Cancel: the work reaches its end and reports it."""

    def __init__(self, session: Session, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._busy = False
        self.status = StatusLine(collapse=True)
        self.buttons = QDialogButtonBox()
        self.action: QPushButton = self.buttons.addButton(action_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.action.setDefault(True)
        self.cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

    def start(self) -> None:
        raise NotImplementedError

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.action.setEnabled(not busy)
        self.cancel.setEnabled(not busy)

    def refused(self, text: str) -> None:
        """The core said no: say why here; nothing changed, so the user may try again."""
        self.set_busy(False)
        self.status.error(text)

    def done_with(self, text: str) -> None:
        """Finished: the result stays readable here until the user closes the dialog."""
        self.set_busy(False)
        self.status.ok(text)
        self.action.hide()
        self.cancel.setText(self.tr("&Close"))
        self.cancel.setDefault(True)
        self.cancel.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._busy:
            return  # not while the vault is written
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
