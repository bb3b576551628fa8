"""The main window: who is signed in, and the Lock action.

Locking (and closing) hides the window at once, then disposes the vault on the database lane,
so nothing of the vault stays on screen while the engine shuts down.
"""

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from consultant_app.codes import load_codes
from consultant_app.domain import Profile
from consultant_app.storage.vault import Vault
from ui.operations import Lane


class MainWindow(QMainWindow):
    locked = Signal()  # the vault is locked: show the unlock dialog
    closed = Signal()  # the vault is locked and the user is done: the application may end

    def __init__(self, vault: Vault, profile: Profile, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._lane = lane
        self._locking = False
        self._finished = False

        self.setWindowTitle(self.tr("Security consultant"))
        self.resize(760, 480)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self._shortcut = self.lock_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.lock_action.setToolTip(self.tr("Lock the vault ({shortcut})").format(shortcut=self._shortcut))
        self.lock_action.triggered.connect(self.lock)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(self.tr("&Vault"))
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        toolbar = self.addToolBar(self.tr("Vault"))
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)

        self.setCentralWidget(self._profile_panel(profile))

    @property
    def vault(self) -> Vault:
        return self._vault

    def _profile_panel(self, profile: Profile) -> QWidget:
        self.name_label = QLabel(profile.name)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        team = load_codes()["team"].label(profile.team)
        self.team_label = QLabel(self.tr("Team: {team}").format(team=team))
        hint = QLabel(
            self.tr("The vault is open. Lock it with {shortcut} whenever you leave the computer.").format(
                shortcut=self._shortcut
            )
        )
        hint.setWordWrap(True)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.name_label)
        layout.addWidget(self.team_label)
        layout.addSpacing(16)
        layout.addWidget(hint)
        layout.addStretch()
        return panel

    def lock(self) -> None:
        self._lock_then(self.locked)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()  # close for real once the vault is locked
        self._lock_then(self.closed)

    def _lock_then(self, done: SignalInstance) -> None:
        if self._locking:
            return
        self._locking = True
        self.hide()
        # A failure is logged by the lane; the window is gone either way.
        self._lane.run(self._vault.lock, lambda _: self._finish(done), lambda _: self._finish(done))

    def _finish(self, done: SignalInstance) -> None:
        self._finished = True
        done.emit()
