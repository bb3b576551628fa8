"""Gendan sikkerhedskopi: one dialog with this vault's backups (the backup folder's and those
beside the vault, and "another file…"), each with its date, size and inquiry count, read with
the current key or, for a backup made under another passphrase, with the one typed here.

Restoring (services/vault_admin.py) keeps a verified copy of the vault as it is now, then puts
the backup in its place in one rename; the session then starts again on the restored vault.
A refusal (wrong passphrase, a damaged file, not a vault) is said here and changes nothing.
"""

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import WrongPassphraseError
from consultant_app.services.unlock import UnlockedVault, reopened
from consultant_app.services.vault_admin import (
    BackupEntry,
    BackupSummary,
    Restored,
    list_backups,
    read_backup,
    restore_backup,
)
from ui.op import Op, OperationCancelled, Progress, error_text
from ui.section import Session
from ui.vault.common import VaultDialog, file_size, native, when, wrapped
from ui.widgets import heading, name_from

PATH_ROLE = Qt.ItemDataRole.UserRole
DATE, SIZE, INQUIRIES, FILE = range(4)


@dataclass(frozen=True)
class RestoreOutcome:
    restored: Restored
    unlocked: UnlockedVault  # the same open vault, its profile read again
    other_passphrase: bool = False  # the vault now opens with the backup's passphrase


@dataclass
class _Row:
    item: QTreeWidgetItem
    summary: BackupSummary | None = None
    other_key: bool = False  # made under another passphrase: type it to read it
    refusal: str = ""  # why it cannot be restored
    passphrase: str | None = None  # the other passphrase that opened it


class RestoreDialog(VaultDialog):
    restored = Signal(object)  # RestoreOutcome

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("&Restore"), parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumSize(680, 440)
        self.rows: dict[Path, _Row] = {}
        # Each read costs a key derivation on the database lane: reads still queued when the
        # dialog closes are skipped, so they do not hold up the vault's other work.
        self._closed = threading.Event()
        self.finished.connect(lambda _result: self._closed.set())
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Inquiries"), self.tr("File")])
        self.table.setAccessibleName(self.tr("Backups"))
        header = self.table.header()
        for column in (DATE, SIZE, INQUIRIES):  # "Anden adgangskode" and a long date fit whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.other = QPushButton(self.tr("Choose &another file…"))
        self.other.setAutoDefault(False)
        self.other.clicked.connect(self._choose_file)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setEnabled(False)  # only for a backup made under another passphrase
        self.passphrase.returnPressed.connect(self._read_with_passphrase)  # Enter reads it
        self.read_button = QPushButton(self.tr("R&ead the backup"))
        self.read_button.setAutoDefault(False)
        self.read_button.setEnabled(False)
        self.read_button.clicked.connect(self._read_with_passphrase)
        self.action.setEnabled(False)

        list_label = QLabel(self.tr("&Backups:"))
        list_label.setBuddy(self.table)
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase, 1)
        passphrase_row.addWidget(self.read_button)
        form = QFormLayout()
        passphrase_label = QLabel(self.tr("The backup's &passphrase:"))
        passphrase_label.setBuddy(self.passphrase)
        form.addRow(name_from(passphrase_label), passphrase_row)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other)
        other_row.addStretch()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Restore a backup"), 1.2))
        layout.addWidget(
            wrapped(
                self.tr(
                    "Before the restore, the vault as it is now is saved and checked beside it "
                    "({name}.before-restore-….bak). The backup then replaces the vault, and the "
                    "program opens the restored vault."
                ).format(name=session.vault.path.name)
            )
        )
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(other_row)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.table, self.other)
        self.setTabOrder(self.other, self.passphrase)
        self.setTabOrder(self.passphrase, self.read_button)
        self.table.setFocus()

        vault = session.vault
        self.status.info(self.tr("Looking for backups …"))
        Op(self, session.lane, lambda: list_backups(vault)).success(self._listed).report_to(
            self.status.error
        ).run()

    # --- the list -----------------------------------------------------------------------

    def _listed(self, entries: list[BackupEntry]) -> None:
        self.status.clear_message()
        for entry in entries:
            self._add(entry.path, entry.size, when(entry.modified))
        if not entries:
            self.status.info(
                self.tr("No backups were found. Choose a backup file with “Choose another file”.")
            )
        elif self.table.currentItem() is None and (newest := self.table.topLevelItem(0)) is not None:
            self.table.setCurrentItem(newest)

    def _add(self, path: Path, size: int | None, date_text: str, *, first: bool = False) -> QTreeWidgetItem:
        row = self.rows.get(path)
        if row is not None:
            return row.item
        item = QTreeWidgetItem([date_text, file_size(size) if size is not None else "", "…", path.name])
        item.setData(DATE, PATH_ROLE, str(path))
        item.setToolTip(FILE, native(path))
        item.setTextAlignment(SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(INQUIRIES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if first:
            self.table.insertTopLevelItem(0, item)
        else:
            self.table.addTopLevelItem(item)
        self.rows[path] = _Row(item)
        self._read(path, None)
        return item

    def _read(self, path: Path, passphrase: str | None) -> None:
        vault, closed = self.session.vault, self._closed

        def work() -> BackupSummary:
            if closed.is_set():
                raise OperationCancelled
            return read_backup(vault, path, passphrase)

        Op(self, self.session.lane, work).success(
            lambda summary: self._read_done(path, summary, passphrase)
        ).failure(lambda error: self._read_failed(path, error, passphrase)).run()

    def _read_done(self, path: Path, summary: BackupSummary, passphrase: str | None) -> None:
        row = self.rows[path]
        row.summary, row.other_key, row.refusal, row.passphrase = summary, False, "", passphrase
        row.item.setText(DATE, when(summary.modified))
        row.item.setText(SIZE, file_size(summary.size))
        row.item.setText(INQUIRIES, str(summary.inquiries))
        row.item.setToolTip(INQUIRIES, "")
        if self._selected() == path:
            self._selection_changed()

    def _read_failed(self, path: Path, error: Exception, passphrase: str | None) -> None:
        row = self.rows[path]
        row.summary = None
        if isinstance(error, WrongPassphraseError):
            row.other_key = True
            row.item.setText(INQUIRIES, self.tr("Other passphrase"))
            row.refusal = error_text(error) if passphrase is not None else ""
        else:
            row.other_key, row.refusal = False, error_text(error)
            row.item.setText(INQUIRIES, self.tr("Cannot be used"))
        row.item.setToolTip(INQUIRIES, row.refusal)
        if self._selected() == path:
            self._selection_changed()

    def _selected(self) -> Path | None:
        item = self.table.currentItem()
        return Path(item.data(DATE, PATH_ROLE)) if item is not None else None

    def _selection_changed(self) -> None:
        path = self._selected()
        row = self.rows.get(path) if path is not None else None
        ready = row is not None and row.summary is not None
        self.action.setEnabled(ready and not self.busy)
        needs_key = row is not None and row.other_key
        self.passphrase.setEnabled(needs_key)
        self.read_button.setEnabled(needs_key)
        if row is None:
            return
        if row.refusal:
            self.status.error(row.refusal)
        elif needs_key:
            self.status.info(
                self.tr("This backup was made under another passphrase. Type it and press “Read the backup”.")
            )
        elif ready and row.summary is not None:
            self.status.info(
                self.tr("{count} inquiries. Press “Restore” to put this backup in the vault's place.").format(
                    count=row.summary.inquiries
                )
            )
        else:
            self.status.clear_message()

    def _choose_file(self) -> None:
        start = str(self.session.vault.path.parent)
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            start,
            self.tr("Backups ({patterns});;All files (*)").format(patterns="*.bak *.db *.vault"),
        )
        if chosen:
            self.add_file(Path(chosen))

    def add_file(self, path: Path) -> None:
        """A backup from anywhere (a USB stick, a mail): read like the others before it is offered."""
        path = path.resolve()
        stat = path.stat() if path.is_file() else None
        shown = when(datetime.fromtimestamp(stat.st_mtime)) if stat is not None else ""
        self.table.setCurrentItem(self._add(path, stat.st_size if stat else None, shown, first=True))

    def _read_with_passphrase(self) -> None:
        path, text = self._selected(), self.passphrase.text()
        if path is None or not text:
            self.status.error(self.tr("Type the backup's passphrase."))
            self.passphrase.setFocus()
            return
        self.rows[path].item.setText(INQUIRIES, "…")
        self._read(path, text)

    # --- restoring ----------------------------------------------------------------------

    def start(self) -> None:
        path = self._selected()
        row = self.rows.get(path) if path is not None else None
        if self.busy or path is None or row is None:
            return
        if row.summary is None:
            return
        self.set_busy(True)
        self.other.setEnabled(False)
        vault, passphrase = self.session.vault, row.passphrase

        def work(progress: Progress) -> RestoreOutcome:
            restored = restore_backup(
                vault,
                path,
                passphrase,
                step=lambda done, total: progress.report(done, total),
                cancelled=lambda: progress.cancelled,
            )
            return RestoreOutcome(restored, reopened(vault), passphrase is not None)

        Op(self, self.session.lane, work).progress(self.tr("Restoring the backup …")).success(
            self._restored
        ).report_to(self._refused).run()

    def _refused(self, text: str) -> None:
        self.other.setEnabled(True)
        self.refused(text)
        self._selection_changed()
        self.status.error(text)

    def _restored(self, outcome: RestoreOutcome) -> None:
        self.set_busy(False)
        self.passphrase.clear()
        self.restored.emit(outcome)
        self.accept()

    def restored_text(self, outcome: RestoreOutcome) -> str:
        text = self.tr("The backup is restored. The vault as it was before is kept as {path}.").format(
            path=native(outcome.restored.before_restore)
        )
        if outcome.other_passphrase:
            text += " " + self.tr("From now on the vault opens with the backup's passphrase.")
        return text
