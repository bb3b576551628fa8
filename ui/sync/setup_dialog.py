"""Sæt synkronisering op: the receiver's address, the access token (pasted, or read from the
file SIRI handed out), an optional CA file and the proxy, with "Test forbindelse".

A thin view over consultant_app/sync/setup.py: the core checks every field (each problem shows
under its field), the test runs on the session's network lane (the stored token fetched in one
short step on the database lane, never held while waiting on the receiver) and can be stopped;
saving writes the same settings `consultant-app sync` keeps in the vault. The token is never
shown: the field is a password field, left empty to keep the stored one, and no message holds it.
"""

import threading
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem
from consultant_app.sync.probe import ProbeOutcome, ProbeResult
from consultant_app.sync.settings import PROXY_NONE, PROXY_SYSTEM, SyncSettingsView
from consultant_app.sync.setup import SyncSetup, check_setup, probe_setup, save_setup, stored_token
from ui import theme
from ui.op import Op, in_vault, on_database
from ui.section import Session
from ui.widgets import ErrorLabel, announce, name_from, save_key

FIELDS = ("endpoint", "token", "ca_file", "proxy")


class SyncSetupDialog(QDialog):
    saved = Signal(object)  # the stored SyncSettingsView
    tested = Signal(object)  # the ProbeResult, for whoever wants to know (tests)

    def __init__(
        self, session: Session, current: SyncSettingsView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._has_token = current is not None and current.has_token
        self._stored_endpoint = current.endpoint if current is not None else None
        self._token_file: str | None = None
        self._cancel: threading.Event | None = None  # the running test's
        self.testing = False
        self.last_result: ProbeResult | None = None
        self.setWindowTitle(self.tr("Set up sync"))
        self.setMinimumWidth(600)

        self.endpoint = QLineEdit(current.endpoint if current else "")
        self.endpoint.setPlaceholderText("https://")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(
            self.tr("Stored in the vault: leave empty to keep it")
            if self._has_token
            else self.tr("Paste the access token from SIRI")
        )
        self.token.textEdited.connect(self._token_typed)
        self.token_file_button = QPushButton(self.tr("Read from &file…"))
        self.token_file_button.clicked.connect(self._choose_token_file)
        self.token_source = QLabel()
        self.token_source.setWordWrap(True)
        self.token_source.hide()
        self.ca_file = QLineEdit((current.ca_file or "") if current else "")
        self.ca_file.setPlaceholderText(self.tr("Empty: the system's certificates"))
        self.ca_button = QPushButton(self.tr("&Browse…"))
        self.ca_button.clicked.connect(self._choose_ca_file)
        self.proxy = QComboBox()
        self.proxy.addItem(self.tr("The system's proxy settings"), PROXY_SYSTEM)
        self.proxy.addItem(self.tr("No proxy"), PROXY_NONE)
        self.proxy.addItem(self.tr("This proxy:"), "address")
        self.proxy_address = QLineEdit()
        self.proxy_address.setPlaceholderText("http://proxy:3128")
        self.proxy_address.setAccessibleName(self.tr("Proxy address"))
        self.proxy.currentIndexChanged.connect(self._proxy_changed)
        self._show_proxy(current.proxy if current else PROXY_NONE)

        self.errors = {name: ErrorLabel() for name in FIELDS}
        form = QFormLayout()
        self._row(form, self.tr("Receiver's &address"), self.endpoint, "endpoint")
        self._row(form, self.tr("Access &token"), _beside(self.token, self.token_file_button), "token")
        form.addRow("", self.token_source)
        self._row(form, self.tr("&CA file (PEM)"), _beside(self.ca_file, self.ca_button), "ca_file")
        self._row(form, self.tr("&Proxy"), _beside(self.proxy, self.proxy_address, wide=1), "proxy")

        self.test_button = QPushButton(self.tr("T&est connection"))
        self.test_button.clicked.connect(self.test_or_stop)
        self.test_result = ErrorLabel()  # red for a failure, green for success
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        self.problem = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_key(self.save_button, self)

        explanation = QLabel(
            self.tr(
                "The address and the access token come from SIRI. The token is kept encrypted in "
                "the vault and is never shown again."
            )
        )
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.endpoint.setFocus()
        self._initial = self._values()

    def _row(self, form: QFormLayout, caption: str, widget: QWidget, field: str) -> None:
        label = QLabel(caption)
        label.setBuddy(widget.focusProxy() or widget)  # the mnemonic and the name: the first input
        name_from(label)
        form.addRow(label, widget)
        form.addRow("", self.errors[field])

    # --- the inputs -----------------------------------------------------------------------

    def _token_typed(self, text: str) -> None:
        if text and self._token_file is not None:  # typing replaces the file's token
            self._token_file = None
            self.token_source.hide()

    def _choose_token_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The access token from SIRI"))
        if path:
            self.use_token_file(path)

    def use_token_file(self, path: str) -> None:
        """The token is read from the file when tested or saved (the core reads and checks it)."""
        self._token_file = path
        self.token.clear()
        self.token_source.setText(self.tr("The token is read from: {path}").format(path=path))
        self.token_source.show()

    def _choose_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_file.setText(path)

    def _show_proxy(self, proxy: str) -> None:
        if proxy in (PROXY_SYSTEM, PROXY_NONE):
            self.proxy.setCurrentIndex(self.proxy.findData(proxy))
        else:
            self.proxy.setCurrentIndex(self.proxy.findData("address"))
            self.proxy_address.setText(proxy)
        self._proxy_changed()

    def _proxy_changed(self) -> None:
        self.proxy_address.setEnabled(self.proxy.currentData() == "address")

    def proxy_choice(self) -> str:
        choice = self.proxy.currentData()
        return self.proxy_address.text() if choice == "address" else str(choice)

    def _values(self) -> tuple[str, ...]:
        return (
            self.endpoint.text(),
            self.token.text(),
            self._token_file or "",
            self.ca_file.text(),
            self.proxy_choice(),
        )

    def _checked(self) -> "partial[SyncSetup]":
        """The core's check of what the form holds now, to run on a lane (it reads the token and
        CA files); its ValidationError is shown per field by the Op."""
        return partial(
            check_setup,
            self.endpoint.text(),
            token=self.token.text(),
            token_file=self._token_file,
            ca_file=self.ca_file.text(),
            proxy=self.proxy_choice(),
            has_stored_token=self._has_token,
            stored_endpoint=self._stored_endpoint,
        )

    def _clear_messages(self) -> None:
        for label in (*self.errors.values(), self.problem, self.test_result):
            label.show_message(None)

    def _refused(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.errors.get(problem.field, self.problem).show_message(problem.message())
        first = next((p.field for p in problems if p.field in FIELDS), None)
        if first is not None:
            {
                "endpoint": self.endpoint,
                "token": self.token,
                "ca_file": self.ca_file,
                "proxy": self.proxy_address if self.proxy_address.isEnabled() else self.proxy,
            }[first].setFocus()
        self.adjustSize()

    def _failed(self, text: str) -> None:
        self.problem.show_message(text)
        self.adjustSize()

    # --- test connection ------------------------------------------------------------------

    def test_or_stop(self) -> None:
        if self.testing:
            self.stop_test()
        else:
            self.test_connection()

    def test_connection(self) -> None:
        self._clear_messages()
        network, on_db = self._session.network, on_database(self._session)
        cancel = self._cancel = network.cancel_event()
        checked = self._checked()

        def work() -> ProbeResult:
            return probe_setup(checked(), token=lambda: on_db(stored_token), cancel=cancel)

        self._set_testing(True)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Testing the connection…"))
        self.test_result.show()
        Op(self, network, work).success(self._tested).problems(self._test_refused).report_to(
            self._failed
        ).finally_(lambda: self._set_testing(False)).run()

    def stop_test(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _test_refused(self, problems: list[Problem]) -> None:
        self.test_result.show_message(None)
        self._refused(problems)

    def _tested(self, result: ProbeResult) -> None:
        self.last_result = result
        text = self.outcome_text(result)
        if result.ok:
            self.test_result.setStyleSheet(theme.ok_style())
            self.test_result.setText(text)
            self.test_result.show()
            announce(self.test_result)
        else:
            self.test_result.setStyleSheet(theme.error_style())
            self.test_result.show_message(text)
        self.adjustSize()
        self.tested.emit(result)

    def _set_testing(self, testing: bool) -> None:
        self.testing = testing
        self.test_button.setText(self.tr("&Stop test") if testing else self.tr("T&est connection"))
        self.save_button.setEnabled(not testing)
        if not testing:
            self._cancel = None

    def outcome_text(self, result: ProbeResult) -> str:
        status = str(result.status or "")
        texts = {
            ProbeOutcome.OK: self.tr(
                "The connection works: the receiver answered and accepts the access token."
            ),
            ProbeOutcome.DNS: self.tr(
                "The receiver's name was not found (DNS). Check the address, and that this computer is on "
                "the network."
            ),
            ProbeOutcome.REFUSED: self.tr(
                "The connection was refused: nothing answers at that address and port. Check the address."
            ),
            ProbeOutcome.TIMEOUT: self.tr(
                "No answer in time. The receiver or the network does not answer; perhaps a proxy is needed."
            ),
            ProbeOutcome.TLS_UNTRUSTED: self.tr(
                "The receiver's certificate is not trusted: it is not from a known authority, or has "
                "expired. Choose the CA file from SIRI."
            ),
            ProbeOutcome.TLS_NAME: self.tr(
                "The receiver's certificate is for another name than the address. Check the address."
            ),
            ProbeOutcome.TLS_FAILED: self.tr(
                "No secure connection (TLS) could be made. Is this the receiver's https address?"
            ),
            ProbeOutcome.TOKEN_REFUSED: self.tr(
                "The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a "
                "new one."
            ),
            ProbeOutcome.TOKEN_FORBIDDEN: self.tr(
                "This access token may not send packages (403): it is not a consultant's token. Contact SIRI."
            ),
            ProbeOutcome.UNAVAILABLE: self.tr(
                "The receiver answers, but cannot receive right now (503). Try again later."
            ),
            ProbeOutcome.WRONG_SERVICE: self.tr(
                "Something answered at the address, but it is not SIRI's receiver (HTTP {status}). Check "
                "the address."
            ).format(status=status or "?"),
            ProbeOutcome.PROXY: self.tr(
                "The proxy could not be reached or refused the connection. Check the proxy setting."
            ),
            ProbeOutcome.NETWORK: self.tr("The connection failed. Try again, or contact your IT support."),
            ProbeOutcome.CANCELLED: self.tr("The test was stopped."),
        }
        return texts[result.outcome]

    # --- save and close -------------------------------------------------------------------

    def save(self) -> None:
        if self.testing:
            return
        self._clear_messages()
        checked = self._checked()

        def store(session: Any) -> SyncSettingsView:  # the vault's session (ui/ names no sqlalchemy)
            return save_setup(session, checked())

        self.buttons.setEnabled(False)
        Op(self, self._session.lane, in_vault(self._session.vault, store)).success(self._stored).problems(
            self._refused
        ).report_to(self._failed).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _stored(self, view: SyncSettingsView) -> None:
        self.token.clear()  # not kept in a widget longer than needed
        self.saved.emit(view)
        self.accept()

    def reject(self) -> None:
        """Esc or Annuller: first stops a running test (the dialog stays); then closes, asking
        first when something was typed or chosen."""
        if self.testing:
            self.stop_test()
            return
        if self._values() != self._initial and not self.discard_confirmed():
            return
        super().reject()

    def discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Close without saving the sync setup?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden by the program (closed, or the app locking), not minimised with its window:
        # a running test stops and the pasted token does not stay in a hidden widget.
        if not event.spontaneous():
            self.stop_test()
            self.token.clear()
        super().hideEvent(event)

    def done(self, result: int) -> None:
        self.stop_test()  # closed however (locking too): a running test stops, nothing waits for it
        self.token.clear()
        super().done(result)


def _beside(first: QWidget, second: QWidget, *, wide: int = 0) -> QWidget:
    """Two inputs in one form row, the `wide`-th (0 or 1) taking the room; the row's label names
    and focuses the first."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 1 if wide == 0 else 0)
    layout.addWidget(second, 1 if wide == 1 else 0)
    row.setFocusProxy(first)
    return row
