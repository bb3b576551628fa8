"""Skift adgangskode: the current passphrase, the new one twice with the first run's live
strength bar (the same page and policy: storage/strength.py), then the vault is re-keyed on the
lane while a progress dialog shows; the session goes on under the new key."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from consultant_app.services.vault_admin import change_passphrase, profile_words
from consultant_app.wizard import check_passphrase
from ui.first_run.pages import PassphrasePage
from ui.op import Op
from ui.section import Session
from ui.vault.common import VaultDialog
from ui.widgets import heading, name_from


class PassphraseDialog(VaultDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("&Change passphrase"), parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        # Room for the longest feedback (three reasons) below the bar without the window jumping.
        self.setMinimumSize(600, 480)
        profile = session.profile
        self._words = profile_words(profile.name, profile.team, profile.default_region)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.page = PassphrasePage()
        page_form = self.page.findChild(QFormLayout)
        for field in (self.page.passphrase, self.page.repeat):  # the page's rows, named for a screen reader
            label = page_form.labelForField(field) if page_form is not None else None
            if isinstance(label, QLabel):
                name_from(label)
        self.page.changed.connect(self._check)
        if (page_layout := self.page.layout()) is not None:
            page_layout.setContentsMargins(0, 8, 0, 0)  # aligned with the current passphrase's row
        form = QFormLayout()
        current_label = QLabel(self.tr("Your c&urrent passphrase:"))
        current_label.setBuddy(self.current)
        form.addRow(name_from(current_label), self.current)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Change passphrase")))
        layout.addLayout(form)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.current, self.page.passphrase)
        self._check()
        self.current.setFocus()

    def _check(self) -> None:
        self.page.show_check(check_passphrase(*self.page.values(), self._words))

    def start(self) -> None:
        if self.busy:
            return
        current = self.current.text()
        new, repeat = self.page.values()
        if not current:
            self.status.error(self.tr("Type your current passphrase."))
            self.current.setFocus()
            return
        if not new:
            self.status.error(self.tr("Type the new passphrase in both fields."))
            self.page.passphrase.setFocus()
            return
        # The rest (the current one right, the two alike, strong enough) is the core's to refuse.
        self.set_busy(True)
        vault = self.session.vault
        Op(
            self, self.session.lane, lambda _progress: change_passphrase(vault, current, new, repeat)
        ).progress(
            self.tr("Changing the passphrase: the vault is written again under the new key …"),
            cancellable=False,
        ).success(self._changed).report_to(self._refused).run()

    def _refused(self, text: str) -> None:
        self.refused(text)
        self.current.selectAll()
        self.current.setFocus()

    def _changed(self, _result: None) -> None:
        self.current.clear()
        self.page.forget()
        self.done_with(
            self.tr("The passphrase is changed. From now on the vault opens only with the new one.")
        )
