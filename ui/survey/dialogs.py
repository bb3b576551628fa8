"""The campaign and mail-server dialogs. The core validates; each problem shows under its field
in the core's words, and the dialog stays open until the change is stored."""

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem
from consultant_app.survey import (
    DEFAULT_SUBJECT,
    DEFAULT_TEXT,
    KEEP,
    PLACEHOLDERS,
    SmtpSettingsView,
    create_campaign,
    save_smtp_settings,
    smtp_settings,
)
from ui.date_fields import DateField, refuse_typed_dates
from ui.labels import from_qdate, to_qdate
from ui.op import Op, in_vault, vault_op
from ui.section import Session
from ui.widgets import ErrorLabel, name_from, save_key


class _FormDialog(QDialog):
    """Fields with an error line each; `_store()` gives the work to run on the lane."""

    saved = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.errors: dict[str, ErrorLabel] = {}
        self.problem = ErrorLabel()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_key(self.buttons.button(QDialogButtonBox.StandardButton.Save), self)

    def _row(self, caption: str, widget: QWidget, field: str) -> None:
        label = QLabel(caption)
        # A row of several widgets: the mnemonic and the name go to its first field.
        label.setBuddy(widget.focusProxy() or widget)
        name_from(label)
        self.errors[field] = ErrorLabel()
        self.form.addRow(label, widget)
        self.form.addRow("", self.errors[field])

    def _finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _store(self):
        raise NotImplementedError

    def save(self) -> None:
        if refuse_typed_dates(self):
            return
        for label in (*self.errors.values(), self.problem):
            label.show_message(None)
        self.buttons.setEnabled(False)
        Op(self, self._session.lane, self._store()).success(self._stored).problems(self._refused).report_to(
            self._failed
        ).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _stored(self, result) -> None:
        self.saved.emit(result)
        self.accept()

    def _refused(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.errors.get(problem.field, self.problem).show_message(problem.message())
        self.adjustSize()

    def _failed(self, text: str) -> None:
        self.problem.show_message(text)
        self.adjustSize()


class CampaignDialog(_FormDialog):
    """A new campaign: the agency's code, a name, the link, the period and the e-mail."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("New survey campaign"))
        self.setMinimumWidth(640)
        today = date.today()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("The agency's code; empty: a random code is drawn"))
        self.name = QLineEdit()
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://")
        self.period_from = DateField()
        self.period_from.setDate(to_qdate(today.replace(day=1)))
        self.period_to = DateField()
        self.period_to.setDate(to_qdate(today + timedelta(days=30)))
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.period_to)
        row.addStretch(1)
        period.setFocusProxy(self.period_from)
        self.period_to.setAccessibleName(self.tr("Period, last day"))
        self.subject = QLineEdit(DEFAULT_SUBJECT)
        self.text = QPlainTextEdit(DEFAULT_TEXT)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 12)
        for caption, widget, field in (
            (self.tr("&Name"), self.name, "name"),
            (self.tr("C&ode"), self.code, "code"),
            (self.tr("&Link"), self.link, "link"),
            (self.tr("&Period"), period, "period_from"),
            (self.tr("&Subject"), self.subject, "email_subject"),
            (self.tr("E-mail &text"), self.text, "email_text"),
        ):
            self._row(caption, widget, field)
        self.errors["period_to"] = self.errors["period_from"]
        names = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        hint = QLabel(self.tr("Placeholders: {names}. The text must contain {{link}}.").format(names=names))
        hint.setWordWrap(True)
        self._finish_layout(hint)
        self.name.setFocus()

    def _store(self):
        text = self.text.toPlainText()
        subject = self.subject.text()
        return in_vault(
            self._session.vault,
            create_campaign,
            name=self.name.text(),
            link=self.link.text(),
            period_from=from_qdate(self.period_from.date()),
            period_to=from_qdate(self.period_to.date()),
            code=self.code.text(),
            email_subject=None if subject.strip() == DEFAULT_SUBJECT else subject,
            email_text=None if text.strip() == DEFAULT_TEXT.strip() else text,
        )


class SmtpDialog(_FormDialog):
    """The outgoing mail server; the password is kept in the vault and never shown again."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Mail server (SMTP)"))
        self.setMinimumWidth(520)
        self._had_password = False
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(465)
        self.security = QComboBox()
        self.security.addItem(self.tr("TLS (port 465)"), "tls")
        self.security.addItem(self.tr("STARTTLS (port 587)"), "starttls")
        self.security.currentIndexChanged.connect(self._security_changed)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_address = QLineEdit()
        self.from_name = QLineEdit()
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Empty: the system's certificates"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        ca = QWidget()
        ca_row = QHBoxLayout(ca)
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        ca.setFocusProxy(self.ca_file)
        for caption, widget, field in (
            (self.tr("&Server"), self.host, "host"),
            (self.tr("&Encryption"), self.security, "security"),
            (self.tr("P&ort"), self.port, "port"),
            (self.tr("&User name"), self.username, "username"),
            (self.tr("Pass&word"), self.password, "password"),
            (self.tr("&From address"), self.from_address, "from_address"),
            (self.tr("From na&me"), self.from_name, "from_name"),
            (self.tr("&CA file"), ca, "ca_file"),
        ):
            self._row(caption, widget, field)
        note = QLabel(self.tr("Only encrypted connections. The password is stored in the vault."))
        note.setWordWrap(True)
        self._finish_layout(note)
        self.buttons.setEnabled(False)
        vault_op(self, session, smtp_settings).success(self._loaded).report_to(self._failed).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _loaded(self, view: SmtpSettingsView | None) -> None:
        if view is None:
            return
        self.host.setText(view.host)
        self.security.setCurrentIndex(max(self.security.findData(view.security), 0))
        self.port.setValue(view.port)
        self.username.setText(view.username or "")
        self.from_address.setText(view.from_address)
        self.from_name.setText(view.from_name or "")
        self.ca_file.setText(view.ca_file or "")
        self._had_password = view.has_password
        if view.has_password:
            self.password.setPlaceholderText(self.tr("Stored — leave empty to keep it"))

    def _security_changed(self) -> None:
        self.port.setValue({"tls": 465, "starttls": 587}[self.security.currentData()])

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA certificate"), "", self.tr("Certificates (*.pem *.crt);;All files (*)")
        )
        if path:
            self.ca_file.setText(path)

    def _store(self):
        password = self.password.text()
        return in_vault(
            self._session.vault,
            save_smtp_settings,
            host=self.host.text(),
            port=self.port.value(),
            security=self.security.currentData(),
            from_address=self.from_address.text(),
            username=self.username.text(),
            password=password if password else KEEP,
            from_name=self.from_name.text(),
            ca_file=self.ca_file.text(),
        )
