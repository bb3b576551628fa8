"""Indstillinger: the interface language and the idle time before the vault locks itself.

Both are kept in the vault's profile. A new language applies at once: the main window is built
again in it and returns here.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consultant_app.retention.limits import MAX_YEARS, MIN_YEARS, ORGANISATION_DECIDES
from consultant_app.services.profile_settings import IDLE_LOCK_RANGE, update_settings
from ui.op import vault_op
from ui.section import Section, Session
from ui.widgets import StatusLine, heading, save_key

# Each language by its own name, so it can be found whichever language is showing.
LANGUAGE_NAMES = (("da", "Dansk"), ("en", "English"))


class SettingsSection(Section):
    key = "settings"
    profile_saved = Signal(object)  # Profile: the main window applies it
    vault_restored = Signal(object, str)  # UnlockedVault, message: the main window starts anew

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*IDLE_LOCK_RANGE)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setMinimumWidth(100)
        self.retention = QSpinBox()
        self.retention.setRange(MIN_YEARS, MAX_YEARS)
        self.retention.setSuffix(self.tr(" years after closing"))
        self.retention.setValue(session.profile.retention_years)
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        save_key(self.save_button, self)
        self.status = StatusLine()
        self._show(session.profile.language, session.profile.idle_lock_minutes)

        idle_hint = QLabel(
            self.tr("The vault locks itself when nobody has used the keyboard or mouse for this long.")
        )
        idle_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Lock after:"), self.idle_minutes)
        form.addRow("", idle_hint)
        form.addRow(self.tr("&Keep closed cases:"), self.retention)
        retention_hint = QLabel(ORGANISATION_DECIDES.render())
        retention_hint.setWordWrap(True)
        form.addRow("", retention_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        column = QVBoxLayout()
        column.addWidget(heading(self.tr("Settings")))
        column.addLayout(form)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addLayout(self._backup_row())
        column.addStretch()
        outer = QHBoxLayout(self)
        outer.addLayout(column)
        outer.addStretch(1)  # a short form reads best on the left, not stretched over the screen
        self.setFocusProxy(self.language)

    def _backup_row(self) -> QVBoxLayout:
        """The vault's backups (ui/vault/): the same dialogs as the Vault menu."""
        from ui.vault.menu import open_backup, open_restore

        self.backup_now_button = QPushButton(self.tr("&Back up now…"))
        self.backup_now_button.clicked.connect(lambda: open_backup(self, self.session))
        self.restore_backup_button = QPushButton(self.tr("&Restore backup…"))
        self.restore_backup_button.clicked.connect(
            lambda: open_restore(self, self.session, self.vault_restored.emit)
        )
        for button in (self.backup_now_button, self.restore_backup_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.backup_now_button)
        row.addWidget(self.restore_backup_button)
        row.addStretch()
        box = QVBoxLayout()
        box.addWidget(heading(self.tr("Backups"), 1.1))
        box.addLayout(row)
        return box

    def title(self) -> str:
        return self.tr("Settings")

    def _show(self, language: str, minutes: int) -> None:
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.idle_minutes.setValue(minutes)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        vault_op(
            self,
            self.session,
            update_settings,
            language=self.language.currentData(),
            idle_lock_minutes=self.idle_minutes.value(),
            retention_years=self.retention.value(),
        ).success(self._saved).report_to(self.status.error).finally_(
            lambda: self.save_button.setEnabled(True)
        ).run()

    def _saved(self, profile) -> None:
        self.status.ok(self.tr("Saved."))
        self.profile_saved.emit(profile)
