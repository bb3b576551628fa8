"""Shown when there is no vault yet: the command that creates one, until the first-run wizard exists."""

import sys
from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.storage.passphrase import MIN_LENGTH
from consultant_app.storage.paths import default_vault_path


def _quoted(text: str) -> str:
    return f'"{text}"' if " " in text else text


def init_command(vault_path: Path, name_example: str) -> str:
    """The `init` command for this installation, ready to paste into a terminal."""
    # The installed bundle is not on PATH on Windows: name the program by its full path.
    program = _quoted(sys.executable) if getattr(sys, "frozen", False) else "consultant-app"
    team = load_codes()["team"].values()[0]
    command = f'{program} init --name "{name_example}" --team {team}'
    if vault_path != default_vault_path():
        command += f" --vault {_quoted(QDir.toNativeSeparators(str(vault_path)))}"
    return command


class MissingVaultDialog(QDialog):
    """Accepted once the vault exists (after "Check again"); rejected means quit."""

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault_path = vault_path
        self.setWindowTitle(self.tr("No vault yet"))

        heading = QLabel(self.tr("There is no vault on this computer yet."))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        explanation = QLabel(
            self.tr(
                "Create it in a terminal (Command Prompt on Windows) with the command below. It asks "
                "for a passphrase of at least {n} characters; a sentence of several words is easiest "
                "to remember. Then choose Check again."
            ).format(n=MIN_LENGTH)
        )
        explanation.setWordWrap(True)
        explanation.setMinimumWidth(520)  # on a child, so the dialog still grows to fit its texts

        # A label, not a line edit: the whole command stays visible, wrapped if it must be.
        self.command = QLabel(init_command(vault_path, self.tr("Your name")))
        self.command.setTextFormat(Qt.TextFormat.PlainText)
        self.command.setWordWrap(True)
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command.setFrameShape(QFrame.Shape.StyledPanel)
        self.command.setBackgroundRole(QPalette.ColorRole.Base)
        self.command.setAutoFillBackground(True)
        self.command.setMargin(6)
        # One line when it fits a reasonable width: a command wrapped at a hyphen is misleading.
        one_line = self.command.fontMetrics().horizontalAdvance(self.command.text()) + 20
        self.command.setMinimumWidth(min(one_line, 720))
        copy = QPushButton(self.tr("&Copy"))
        copy.clicked.connect(self._copy)
        command_row = QHBoxLayout()
        command_row.addWidget(self.command, 1)
        command_row.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)

        teams = ", ".join(load_codes()["team"].values())
        details = QLabel(
            self.tr("The team is one of: {teams}.\nThe vault will be saved as {path}").format(
                teams=teams, path=QDir.toNativeSeparators(str(vault_path))
            )
        )
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status = QLabel()
        self.status.setStyleSheet("color: #b3261e;")
        self.status.hide()

        buttons = QDialogButtonBox()
        check = buttons.addButton(self.tr("Check &again"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        check.setDefault(True)
        buttons.accepted.connect(self._check_again)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(command_row)
        layout.addWidget(details)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())

    def _check_again(self) -> None:
        if self._vault_path.is_file():
            self.accept()
        else:
            self.status.setText(self.tr("There is still no vault. Run the command above first."))
            self.status.show()
