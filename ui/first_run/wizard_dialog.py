"""The first-run wizard's window: draws `FirstRunWizard`'s steps and creates the vault on the lane.

Shown instead of the unlock dialog when there is no vault yet; `created` carries the open vault
straight to the main window.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from consultant_app.services.unlock import UnlockedVault, create_vault
from consultant_app.wizard import FirstRunWizard, Step
from ui.first_run.pages import CreatingPage, PassphrasePage, ProfilePage, SafekeepingPage
from ui.op import Op
from ui.operations import Lane


class FirstRunDialog(QDialog):
    created = Signal(object)  # UnlockedVault
    open_existing = Signal(object)  # Path: a vault that exists already (a new laptop, a copy)

    def __init__(self, vault_path: Path, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = FirstRunWizard(vault_path)
        self._lane = lane
        self._region_chosen = False
        self.setWindowTitle(self.tr("New vault"))
        self.setMinimumWidth(600)

        self.step_label = QLabel()
        self.passphrase_page = PassphrasePage()
        self.safekeeping_page = SafekeepingPage(vault_path)
        self.profile_page = ProfilePage(vault_path)
        self.creating_page = CreatingPage()
        self.pages: dict[Step, QWidget] = {
            Step.PASSPHRASE: self.passphrase_page,
            Step.SAFEKEEPING: self.safekeeping_page,
            Step.PROFILE: self.profile_page,
            Step.CREATING: self.creating_page,
        }
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        # Back and Next side by side, in reading order; Quit apart. Enter means Next.
        self.back_button = QPushButton(self.tr("&Back"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.quit_button = QPushButton(self.tr("&Quit"))
        for button in (self.back_button, self.next_button, self.quit_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.quit_button.clicked.connect(self.reject)
        self.existing_button = QPushButton(self.tr("Open an existing &vault…"))
        self.existing_button.setAutoDefault(False)
        self.existing_button.clicked.connect(self._choose_existing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.existing_button)
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        self.passphrase_page.changed.connect(self._sync)
        self.safekeeping_page.changed.connect(self._sync)
        self.profile_page.changed.connect(self._sync)
        self.profile_page.team.activated.connect(self._suggest_region)
        self.profile_page.team.currentIndexChanged.connect(self._suggest_region)
        self.profile_page.region.activated.connect(self._region_activated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self._show_step()

    # --- the state machine ------------------------------------------------------------------

    def _sync(self) -> None:
        """Pass what is typed on the current page to the wizard and show its answer."""
        step = self.wizard.step
        if step is Step.PASSPHRASE:
            self.passphrase_page.show_check(self.wizard.set_passphrase(*self.passphrase_page.values()))
        elif step is Step.SAFEKEEPING:
            self.wizard.set_understood(self.safekeeping_page.understood.isChecked())
        elif step is Step.PROFILE:
            page = self.profile_page
            self.wizard.set_profile(page.name.text(), page.team.code(), page.region.code())
            self.wizard.set_retention_years(page.retention.value())
        if self.wizard.can_go_on():
            self.hint.clear()

    def _next(self) -> None:
        self._sync()
        if not self.wizard.can_go_on():
            self._explain()
            return
        self.wizard.go_on()
        self._show_step()
        if self.wizard.step is Step.CREATING:
            request = self.wizard.request()
            Op(self, self._lane, lambda: create_vault(request)).success(self._created).report_to(
                self._failed
            ).run()

    def _back(self) -> None:
        self.wizard.go_back()
        self._show_step()

    def _explain(self) -> None:
        step = self.wizard.step
        if step is Step.PASSPHRASE:
            check = self.wizard.passphrase_check()
            if not self.passphrase_page.passphrase.text():
                text = self.tr("Type a passphrase.")
            elif check.weaknesses:
                text = self.tr("Choose a stronger passphrase.")
            else:
                text = self.tr("Type the same passphrase again in the second field.")
        elif step is Step.SAFEKEEPING:
            text = self.tr("Tick the box to confirm that you have read this.")
        else:
            problems = {p.field: p.message() for p in self.wizard.profile_problems()}
            self.profile_page.name_error.show_message(problems.get("name"))
            # The profile's words can make the chosen passphrase guessable (the core's Danish text).
            own = problems.get("passphrase")
            text = own[:1].upper() + own[1:] if own else self.tr("Fill in your name and choose your team.")
        self.hint.setText(text)

    def _show_step(self) -> None:
        step = self.wizard.step
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        number, total = self.wizard.position()
        creating = step is Step.CREATING
        self.step_label.setText(
            "" if creating else self.tr("Step {n} of {total}").format(n=number, total=total)
        )
        self.back_button.setEnabled(step in (Step.SAFEKEEPING, Step.PROFILE))
        self.next_button.setEnabled(not creating)
        self.quit_button.setEnabled(not creating)
        self.existing_button.setEnabled(not creating)
        self.next_button.setText(self.tr("&Create vault") if step is Step.PROFILE else self.tr("&Next"))
        self.hint.clear()
        self.profile_page.error.show_message(self.wizard.error if step is Step.PROFILE else None)
        self._sync()
        page.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.stack.currentWidget()
        if page is not None:  # always: the stack holds every step
            page.setFocus()  # the first field, ready for typing

    def _suggest_region(self) -> None:
        team = self.profile_page.team.code()
        if team and not self._region_chosen:
            self.profile_page.region.set_code(self.wizard.suggested_region(team))

    def _region_activated(self) -> None:
        self._region_chosen = True

    def _choose_existing(self) -> None:
        from ui.vault.switch import choose_vault_file

        chosen = choose_vault_file(self, self.wizard.vault_path.parent)
        if chosen is not None:
            self.passphrase_page.forget()  # nothing typed for a vault that is not made
            self.open_existing.emit(chosen)

    # --- creating ---------------------------------------------------------------------------

    def _created(self, unlocked: UnlockedVault) -> None:
        self.wizard.created()
        self.passphrase_page.forget()
        self.created.emit(unlocked)
        self.accept()

    def _failed(self, text: str) -> None:
        self.wizard.failed(text)
        self._show_step()

    @property
    def busy(self) -> bool:
        return self.wizard.step is Step.CREATING

    def reject(self) -> None:
        # A vault being created must reach the main window (or fail) before the dialog may go.
        if not self.busy:
            super().reject()
