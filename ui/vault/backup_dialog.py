"""Tag sikkerhedskopi nu: into the backup folder (the automatic backups' own write, verify and
rotate) or to a file the user picks; verified after writing (services/vault_admin.py)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.vault_admin import BackupMade, backup_folder, backup_now
from ui.op import Op, Progress
from ui.section import Session
from ui.vault.common import VaultDialog, file_size, native, wrapped
from ui.widgets import heading


class BackupDialog(VaultDialog):
    backed_up = Signal(object)  # BackupMade

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("&Make backup"), parent)
        self.setWindowTitle(self.tr("Make a backup"))
        self.setMinimumWidth(560)
        self.folder: Path | None = None
        self.to_folder = QRadioButton(self.tr("To the &backup folder"))
        self.folder_label = wrapped(self.tr("Looking for the backup folder …"))
        self.choose_folder = QPushButton(self.tr("Choose f&older…"))
        self.choose_folder.setAutoDefault(False)
        self.choose_folder.clicked.connect(self._choose_folder)
        self.new_folder: Path | None = None  # chosen here: remembered when the backup is written
        self.to_file = QRadioButton(self.tr("To a &file:"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File for the backup"))
        self.path.setText(native(_suggested_file(session)))
        self.browse = QPushButton(self.tr("C&hoose file…"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        self.path.textEdited.connect(lambda _text: self.to_file.setChecked(True))
        group = QButtonGroup(self)
        group.addButton(self.to_folder)
        group.addButton(self.to_file)
        self.to_folder.setEnabled(False)  # until the folder is known to be chosen and reachable
        self.to_file.setChecked(True)

        grid = QGridLayout()
        grid.addWidget(self.to_folder, 0, 0, 1, 3)
        grid.addWidget(self.folder_label, 1, 1)
        grid.addWidget(self.choose_folder, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.to_file, 2, 0, 1, 3)
        grid.addWidget(self.path, 3, 1)
        grid.addWidget(self.browse, 3, 2)
        grid.setColumnMinimumWidth(0, 16)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Make a backup"), 1.2))
        layout.addWidget(
            wrapped(
                self.tr(
                    "The backup is encrypted and opens with the vault's current passphrase. It is "
                    "opened and checked after it is written. Keep it on another drive than the laptop's."
                )
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.setTabOrder(self.to_folder, self.choose_folder)
        self.setTabOrder(self.choose_folder, self.to_file)
        self.setTabOrder(self.to_file, self.path)
        self.setTabOrder(self.path, self.browse)
        vault = session.vault
        Op(self, session.lane, lambda: backup_folder(vault)).success(self._show_folder).report_to(
            self.status.error
        ).run()

    def _show_folder(self, folder: Path | None) -> None:
        self.folder = folder
        if self.new_folder is not None:
            return  # one was chosen here meanwhile
        if folder is None:
            self.folder_label.setText(
                self.tr(
                    "No backup folder is chosen yet. Choose one here or in Overview: backups are then "
                    "also made there automatically."
                )
            )
        elif not folder.is_dir():
            self.folder_label.setText(
                self.tr("The backup folder cannot be reached: {path}").format(path=native(folder))
            )
        else:
            self.folder_label.setText(native(folder))
            self.to_folder.setEnabled(True)
            self.to_folder.setChecked(True)
            self.to_folder.setFocus()

    def _choose_folder(self) -> None:
        start = str(self.folder) if self.folder is not None else str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), start)
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, folder: Path) -> None:
        """A new backup folder: written to now, and remembered for the automatic backups."""
        self.new_folder = folder
        self.folder_label.setText(
            self.tr("{path} (new: the automatic backups are written here from now on)").format(
                path=native(folder)
            )
        )
        self.to_folder.setEnabled(True)
        self.to_folder.setChecked(True)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save backup as"), self.path.text(), self.tr("Backups (*.bak);;All files (*)")
        )
        if chosen:
            self.path.setText(native(chosen))
            self.to_file.setChecked(True)

    def start(self) -> None:
        if self.busy:
            return
        destination: Path | None = None
        folder = self.new_folder
        if self.to_file.isChecked():
            text = self.path.text().strip()
            if not text:
                self.status.error(self.tr("Choose the file to save the backup in."))
                self.path.setFocus()
                return
            destination = Path(text).expanduser()
        self.set_busy(True)
        self.status.info(self.tr("Writing and checking the backup …"))
        vault = self.session.vault

        def work(progress: Progress) -> BackupMade:
            return backup_now(
                vault,
                destination,
                folder=folder if destination is None else None,
                step=lambda done, total: progress.report(done, total),
                cancelled=lambda: progress.cancelled,
            )

        Op(self, self.session.lane, work).progress(self.tr("Writing and checking the backup …")).success(
            self._made
        ).report_to(self.refused).cancelled(
            lambda: self.refused(self.tr("Stopped. No backup was kept."))
        ).run()

    def _made(self, made: BackupMade) -> None:
        self.done_with(
            self.tr("The backup is saved and checked: {path} ({size}).").format(
                path=native(made.path), size=file_size(made.size)
            )
        )
        self.backed_up.emit(made)


def _suggested_file(session: Session) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"{session.vault.path.stem}-{date.today():%Y-%m-%d}.bak"
    return Path(folder or Path.home()) / name
