"""The wizard's pages. Each shows its fields and reports what is typed; the dialog passes it to
the state machine (`consultant_app.wizard.FirstRunWizard`) and shows what it answers."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consultant_app.retention.limits import DEFAULT_YEARS, MAX_YEARS, MIN_YEARS, ORGANISATION_DECIDES
from consultant_app.wizard import PassphraseCheck
from ui import theme
from ui.widgets import CodeCombo, ErrorLabel, heading


def menu_path(*steps: tuple[str, str]) -> str:
    """A menu path as the menus show it ("Boks → Tag sikkerhedskopi nu"), from the menus' own
    translated texts (context, source) so the advice never names an entry that is not there."""
    texts = (QCoreApplication.translate(context, source) for context, source in steps)
    return " → ".join(t.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…") for t in texts)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class PassphrasePage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox(self.tr("&Show the passphrase"))
        self.show_text.toggled.connect(self._show)
        # The live strength bar: zxcvbn's estimate on a log scale (storage/strength.py); the
        # refusal threshold (10^12 guesses) sits at three quarters.
        self.strength = QProgressBar()
        self.strength.setRange(0, 100)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.mismatch = ErrorLabel()
        for field in (self.passphrase, self.repeat):
            field.textChanged.connect(self.changed)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow("", self.feedback)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        form.addRow("", self.mismatch)
        form.addRow("", self.show_text)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Choose a passphrase")))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Everything you record is encrypted with this passphrase. A sentence of several "
                    "words that only you know is both strong and easy to remember."
                )
            )
        )
        layout.addLayout(form)
        layout.addStretch()
        self.setFocusProxy(self.passphrase)

    def values(self) -> tuple[str, str]:
        return self.passphrase.text(), self.repeat.text()

    def show_check(self, check: PassphraseCheck) -> None:
        self.strength.setValue(round(check.strength * 100))
        # The theme's tones, so the bar and the reasons read on a dark window too (ui/theme.py).
        colour = theme.tones().error if check.weaknesses else theme.tones().ok
        self.strength.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colour}; }}")
        if check.weaknesses:
            lines = [self.tr("Not strong enough yet:")] + [f"• {reason}" for reason in check.weaknesses]
            self.feedback.setText("\n".join(lines))
            self.feedback.setStyleSheet(theme.error_style())
        elif self.passphrase.text():
            self.feedback.setText(self.tr("Strong enough."))
            self.feedback.setStyleSheet(theme.ok_style())
        else:
            self.feedback.setText(self.tr("A sentence of several words that only you know is best."))
            self.feedback.setStyleSheet("")
        self.mismatch.show_message(self.tr("The two passphrases differ.") if check.mismatch else None)

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def forget(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


class SafekeepingPage(QWidget):
    changed = Signal()

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        warning = _wrapped(
            self.tr(
                "Nobody can recover a lost passphrase: not your team lead, not IT, not the makers of "
                "this program. Without it, everything in the vault is lost for good."
            )
        )
        warning.setStyleSheet(theme.error_style())
        advice = _wrapped(
            self.tr(
                "Write the passphrase down and keep the note locked away, apart from the laptop. "
                "Make a backup regularly and keep it on another drive (a backup opens with the same "
                "passphrase). In the program:"
            )
        )
        # No terminal: the menu entry, and the folder that makes the backups automatic.
        self.command = _wrapped(
            self.tr(
                "{backup_now}; or choose a backup folder in Overview, and backups are then made by themselves."
            ).format(backup_now=menu_path(("MainWindow", "&Vault"), ("VaultActions", "&Back up now…")))
        )
        font = QFont(self.command.font())
        font.setBold(True)
        self.command.setFont(font)
        self.understood = QCheckBox(self.tr("I &understand that a lost passphrase cannot be recovered"))
        self.understood.toggled.connect(self.changed)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keep the passphrase safe")))
        layout.addWidget(warning)
        layout.addWidget(advice)
        layout.addWidget(self.command)
        layout.addSpacing(8)
        layout.addWidget(self.understood)
        layout.addStretch()
        self.setFocusProxy(self.understood)


class ProfilePage(QWidget):
    changed = Signal()

    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name_error = ErrorLabel()
        self.team = CodeCombo("team", self.tr("Choose your team"))
        self.region = CodeCombo("region", self.tr("Choose a region"), optional=self.tr("(none)"))
        self.retention = QSpinBox()
        self.retention.setRange(MIN_YEARS, MAX_YEARS)
        self.retention.setValue(DEFAULT_YEARS)
        self.retention.setSuffix(self.tr(" years after closing"))
        self.retention.valueChanged.connect(self.changed)
        self.error = ErrorLabel()
        self.name.textChanged.connect(self.changed)
        self.team.currentIndexChanged.connect(self.changed)
        self.region.currentIndexChanged.connect(self.changed)
        path = QLabel(QDir.toNativeSeparators(str(vault_path)))
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("Default &region:"), self.region)
        form.addRow(self.tr("Keep closed cases:"), self.retention)
        form.addRow("", _wrapped(ORGANISATION_DECIDES.render()))
        form.addRow(self.tr("The vault is saved as:"), path)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("About you")))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Your name is written on the inquiries you register. New inquiries start in the "
                    "default region; you can change it on each one."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch()
        self.setFocusProxy(self.name)


class CreatingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        progress = QProgressBar()
        progress.setRange(0, 0)  # busy: the key derivation takes a moment
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Creating your vault …")))
        layout.addWidget(
            _wrapped(self.tr("The encryption key is made from your passphrase. This takes a moment."))
        )
        layout.addWidget(progress)
        layout.addStretch()
