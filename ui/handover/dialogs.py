"""Overdrag sag, Modtag sag and Slet sag: small dialogs over the core's use cases.

Every database step runs on the lane; a dialog only shows what the core answers. Receiving
shows who sent the file and what it holds before anything changes, and a sender whose key is
not in the vault must be confirmed by ticking that the fingerprint was compared.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.handover.envelope import FILE_SUFFIX
from consultant_app.handover.keys import add_colleague, colleagues, own_key
from consultant_app.handover.receive import Incoming, open_handover, read_handover_file, receive
from consultant_app.handover.send import hand_over
from consultant_app.retention.erase import OLDER_BACKUPS, REASONS, erase_case, erase_citizen
from ui.op import Op, vault_op
from ui.save_dialog import file_name, in_documents
from ui.section import Session
from ui.widgets import StatusLine, heading


def _wrapped(text: str) -> QLabel:
    shown = QLabel(text)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def _buddy(text: str, field: QWidget) -> QLabel:
    """A form label whose mnemonic reaches a field that shares its row with buttons."""
    shown = QLabel(text)
    shown.setBuddy(field)
    return shown


def _buttons(dialog: QDialog, ok: QPushButton, cancel_text: str) -> QHBoxLayout:
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch()
    row.addWidget(cancel)
    row.addWidget(ok)
    return row


class _ActionDialog(QDialog):
    """A dialog that does one thing on the lane with its OK button: a refusal is shown in its
    status line and OK works again; success is reported through `signal` and the dialog closes."""

    status: StatusLine
    ok: QPushButton

    def _refused(self, text: str) -> None:
        self.status.error(text)
        self.ok.setEnabled(True)

    def _finish(self, signal: SignalInstance, result: object) -> None:
        signal.emit(result)
        self.accept()


class HandoverDialog(_ActionDialog):
    """Choose the colleague (or add their key), choose the file; the case becomes read-only."""

    handed_over = Signal(object)  # HandedOver

    def __init__(self, session: Session, case_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_code = case_code
        self.setWindowTitle(self.tr("Hand over case {code}").format(code=case_code))
        self.setMinimumWidth(620)
        self.own = QLabel()
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own.setWordWrap(True)
        self.colleague = QComboBox()
        self.fingerprint = QLabel()
        self.colleague.currentIndexChanged.connect(self._show_fingerprint)
        self.new_name = QLineEdit()
        self.new_key = QLineEdit()
        self.new_key.setPlaceholderText("ckey1-…")
        add = QPushButton(self.tr("&Add colleague"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_colleague)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Choose file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.status = StatusLine()
        self.ok = QPushButton(self.tr("&Hand over"))
        self.ok.clicked.connect(self.hand_over)

        form = QFormLayout()
        form.addRow(self.tr("Your key:"), self.own)
        form.addRow(self.tr("&To colleague:"), self.colleague)
        form.addRow(self.tr("Their fingerprint:"), self.fingerprint)
        form.addRow(self.tr("New colleague's &name:"), self.new_name)
        key_row = QHBoxLayout()
        key_row.addWidget(self.new_key, 1)
        key_row.addWidget(add)
        form.addRow(_buddy(self.tr("Their &key:"), self.new_key), key_row)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form.addRow(_buddy(self.tr("&File:"), self.path), file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Hand over case {code}").format(code=case_code), 1.2))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "The whole case is encrypted so that only the colleague's vault can open it. "
                    "Compare the fingerprint with the colleague, e.g. on the phone. Afterwards the "
                    "case is read-only here and offered for erasure."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(_wrapped(OLDER_BACKUPS.render()))
        layout.addWidget(self.status)
        layout.addLayout(_buttons(self, self.ok, self.tr("Cancel")))
        self._keys: list = []
        self.reload()

    def reload(self) -> None:
        vault_op(self, self.session, lambda s: (own_key(s), colleagues(s))).success(self._loaded).report_to(
            self.status.error
        ).run()

    def _loaded(self, keys) -> None:
        own, known = keys
        self.own.setText(
            self.tr("fingerprint {fingerprint}").format(fingerprint=own.fingerprint) + f"\n{own.line}"
        )
        self._keys = known
        chosen = self.colleague.currentText()
        self.colleague.clear()
        self.colleague.addItems([k.name for k in known])
        if chosen:
            self.colleague.setCurrentText(chosen)
        self._show_fingerprint()
        if not self.path.text():
            self.path.setText(in_documents(file_name("sag", self.case_code, suffix=FILE_SUFFIX)))

    def _show_fingerprint(self) -> None:
        index = self.colleague.currentIndex()
        self.fingerprint.setText(self._keys[index].fingerprint if 0 <= index < len(self._keys) else "–")
        self.ok.setEnabled(index >= 0)

    def add_colleague(self) -> None:
        name, line = self.new_name.text(), self.new_key.text()
        vault_op(self, self.session, add_colleague, name, line).success(self._added).report_to(
            self.status.error
        ).run()

    def _added(self, info) -> None:
        self.new_name.clear()
        self.new_key.clear()
        self.status.info(
            self.tr("{name} added; fingerprint {fingerprint}. Compare it with {name}.").format(
                name=info.name, fingerprint=info.fingerprint
            )
        )
        self._keys.append(info)  # first: adding the item already asks for its fingerprint
        self.colleague.addItem(info.name)
        self.colleague.setCurrentText(info.name)
        self._show_fingerprint()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(), f"*{FILE_SUFFIX}")
        if chosen:
            self.path.setText(chosen)

    def hand_over(self) -> None:
        to, path = self.colleague.currentText(), Path(self.path.text())
        self.ok.setEnabled(False)
        vault_op(self, self.session, hand_over, self.case_code, to, path).success(self._done).report_to(
            self._refused
        ).run()

    def _done(self, result) -> None:
        self._finish(self.handed_over, result)


class ReceiveDialog(_ActionDialog):
    """Open a file, show sender and contents, and import it only when the consultant agrees."""

    received = Signal(object)  # Received

    def __init__(self, session: Session, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.incoming: Incoming | None = None
        self.setWindowTitle(self.tr("Receive case"))
        self.setMinimumWidth(620)
        self.path = QLineEdit(str(path) if path else "")
        browse = QPushButton(self.tr("&Choose file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        read = QPushButton(self.tr("&Read file"))
        read.setAutoDefault(False)
        read.clicked.connect(self.read)
        self.sender_label = _wrapped("")
        self.contents = _wrapped("")
        self.confirm = QCheckBox(
            self.tr("I have compared the fingerprint with the sender, and it is the same.")
        )
        self.confirm.setVisible(False)
        self.confirm.toggled.connect(self._enable)
        self.status = StatusLine()
        self.ok = QPushButton(self.tr("&Receive"))
        self.ok.setEnabled(False)
        self.ok.clicked.connect(self.accept_case)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(read)
        form = QFormLayout()
        form.addRow(_buddy(self.tr("&File:"), self.path), row)
        form.addRow(self.tr("Sender:"), self.sender_label)
        form.addRow(self.tr("Contents:"), self.contents)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Receive case"), 1.2))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Nothing changes in the vault until you press Receive. The same file twice adds nothing."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.status)
        layout.addLayout(_buttons(self, self.ok, self.tr("Cancel")))
        if path:
            self.read()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), self.path.text(), f"*{FILE_SUFFIX}")
        if chosen:
            self.path.setText(chosen)
            self.read()

    def read(self) -> None:
        self.incoming = None
        self._enable()
        path = Path(self.path.text())
        vault_op(self, self.session, lambda s: open_handover(s, read_handover_file(path))).success(
            self._shown
        ).report_to(self._failed).run()

    def _failed(self, text: str) -> None:
        self.status.error(text)
        self.sender_label.clear()
        self.contents.clear()

    def _shown(self, incoming: Incoming) -> None:
        self.incoming = incoming
        self.status.clear_message()
        if incoming.known_as:
            who = self.tr("{name} (fingerprint {fingerprint})").format(
                name=incoming.known_as, fingerprint=incoming.sender_fingerprint
            )
        else:
            who = self.tr(
                "UNKNOWN sender, calls themselves “{name}” (fingerprint {fingerprint}). Call the sender "
                "and compare the fingerprint before you receive the case."
            ).format(name=incoming.sender_name, fingerprint=incoming.sender_fingerprint)
        self.sender_label.setText(who)
        held = self.tr(
            "Case {code} · notes: {notes}, contacts: {contacts}, follow-ups: {follow_ups}, risk assessments: {risk}"
        ).format(
            code=incoming.origin_code,
            notes=incoming.notes,
            contacts=incoming.contacts,
            follow_ups=incoming.follow_ups,
            risk=incoming.risk_assessments,
        )
        if incoming.already_held:
            held += "\n" + self.tr("The case is already in the vault; receiving adds nothing.")
        self.contents.setText(held)
        self.confirm.setVisible(incoming.known_as is None)
        self.confirm.setChecked(False)
        self._enable()

    def _enable(self) -> None:
        incoming = self.incoming
        self.ok.setEnabled(
            incoming is not None and (incoming.known_as is not None or self.confirm.isChecked())
        )

    def accept_case(self) -> None:
        if self.incoming is None:
            return
        self.ok.setEnabled(False)
        incoming, confirmed = self.incoming, self.confirm.isChecked()
        vault_op(self, self.session, receive, incoming, confirm_unknown_sender=confirmed).success(
            self._done
        ).report_to(self._failed_receive).run()

    def _failed_receive(self, text: str) -> None:
        self.status.error(text)
        self._enable()

    def _done(self, result) -> None:
        self._finish(self.received, result)


class EraseDialog(_ActionDialog):
    """Slet sag: one confirmation, a reason from a fixed list, and what erasure does not reach."""

    erased = Signal(object)  # Erased

    def __init__(
        self, session: Session, case_code: str, reason: str = "not_needed", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.case_code = case_code
        self.setWindowTitle(self.tr("Erase case {code}").format(code=case_code))
        self.setMinimumWidth(560)
        self.reason = QComboBox()
        for code, text in REASONS.items():
            self.reason.addItem(text.render(), code)
        self.reason.setCurrentIndex(max(0, self.reason.findData(reason)))
        self.status = StatusLine()
        self.ok = QPushButton(self.tr("&Erase for good"))
        self.ok.clicked.connect(self.erase)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Erase case {code}").format(code=case_code), 1.2))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "The citizen, notes, contacts, follow-ups and risk assessments of the case are deleted "
                    "from the vault file for good. The anonymous counts stay as they are. This cannot be undone."
                )
            )
        )
        layout.addWidget(_wrapped(OLDER_BACKUPS.render()))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(_buttons(self, self.ok, self.tr("Cancel")))

    def erase(self) -> None:
        self.ok.setEnabled(False)
        # The file is rewritten (VACUUM): seconds on a large vault.
        self.status.info(self.tr("Erasing and rewriting the vault file…"))
        vault, code, reason = self.session.vault, self.case_code, self.reason.currentData()
        Op(self, self.session.lane, lambda: erase_case(vault, code, reason)).success(self._done).report_to(
            self._refused
        ).run()

    def _done(self, result) -> None:
        self._finish(self.erased, result)


class CitizenEraseDialog(_ActionDialog):
    """Slet alt om borgeren (GDPR art. 17): every case about one citizen, and the citizen."""

    erased = Signal(object)  # Erased

    def __init__(self, session: Session, citizen_id: int, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.citizen_id = citizen_id
        self.setWindowTitle(self.tr("Erase everything about the citizen"))
        self.setMinimumWidth(560)
        self.status = StatusLine()
        self.ok = QPushButton(self.tr("&Erase for good"))
        self.ok.clicked.connect(self.erase)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Erase everything about {who}").format(who=who), 1.2))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "At the citizen's request (GDPR art. 17): the citizen and every case about them, with "
                    "notes, contacts, follow-ups and risk assessments, are deleted from the vault file for "
                    "good. The anonymous counts stay as they are. This cannot be undone."
                )
            )
        )
        layout.addWidget(_wrapped(OLDER_BACKUPS.render()))
        layout.addWidget(self.status)
        layout.addLayout(_buttons(self, self.ok, self.tr("Cancel")))

    def erase(self) -> None:
        self.ok.setEnabled(False)
        self.status.info(self.tr("Erasing and rewriting the vault file…"))
        vault, citizen_id = self.session.vault, self.citizen_id
        Op(self, self.session.lane, lambda: erase_citizen(vault, citizen_id)).success(self._done).report_to(
            self._refused
        ).run()

    def _done(self, result) -> None:
        self._finish(self.erased, result)
