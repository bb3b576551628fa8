"""The unlock window's "Another vault" button: open another vault file, or create a new vault
(the first-run wizard, for a path the user names). Only Qt here: the unlock window is the first
thing a start shows and must not wait for the database layer."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, QPoint, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

VAULT_FILTER = "*.db *.vault"


def choose_vault_file(parent: QWidget, start: Path) -> Path | None:
    """Ask for an existing vault file (the unlock window's "Anden boks", the first run's "open")."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("OtherVault", "Open a vault"),
        str(start),
        QCoreApplication.translate("OtherVault", "Vaults ({patterns});;All files (*)").format(
            patterns=VAULT_FILTER
        ),
    )
    return Path(chosen) if chosen else None


class OtherVault(QObject):
    chosen = Signal(object, bool)  # Path, create: a new vault is to be made there

    def __init__(self, button: QPushButton, current: Path) -> None:
        super().__init__(button)
        self._button = button
        self._current = current
        self.menu = QMenu(button)
        self.open_action = self.menu.addAction(self.tr("&Open a vault file…"))
        self.open_action.triggered.connect(self.open_existing)
        self.create_action = self.menu.addAction(self.tr("&Create a new vault…"))
        self.create_action.triggered.connect(self.create_new)
        button.setMenu(self.menu)

    def popup(self) -> None:
        """Show the choices under the button without waiting for them (after a lock and switch)."""
        self._button.setFocus()
        self.menu.popup(self._button.mapToGlobal(QPoint(0, self._button.height())))

    def open_existing(self) -> None:
        chosen = choose_vault_file(self._button.window(), self._current.parent)
        if chosen is not None:
            self.chosen.emit(chosen, False)

    def create_new(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._button.window(),
            self.tr("Create a new vault"),
            str(self._current.parent / "ny-boks.db"),
            self.tr("Vaults ({patterns})").format(patterns=VAULT_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused below
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.exists():
            QMessageBox.warning(
                self._button.window(),
                self.tr("Create a new vault"),
                self.tr(
                    "A file already exists there and is never overwritten: {path}. Choose another name."
                ).format(path=QDir.toNativeSeparators(str(path))),
            )
            return
        self.chosen.emit(path, True)
