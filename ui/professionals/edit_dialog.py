"""Edit one professional. The core validates (services/professional_directory.py); every problem
is shown under its field in the core's own words, and the dialog stays open until it is stored."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.errors import Problem
from consultant_app.services.professional_directory import (
    TEXT_LIMITS,
    ProfessionalEdit,
    ProfessionalRow,
    update_professional,
)
from ui.op import vault_op
from ui.section import Session
from ui.widgets import CodeCombo, ErrorLabel

FIELDS = ("name", "organisation_type", "organisation_name", "municipality_code", "email", "phone")


class MunicipalityCombo(QComboBox):
    """One of the 98 municipalities, typed or chosen ("Aar" finds Aarhus); empty for none.
    Text that names no municipality is passed on as typed, for the core to refuse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for m in sorted(load_codes().municipalities, key=lambda m: m.name):
            self.addItem(f"{m.name} ({m.code})", m.code)
        completer = self.completer()
        if completer is not None:  # always: an editable combo box makes one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def value(self) -> str | None:
        text = self.currentText().strip()
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return self.itemData(found)
        return text or None

    def set_value(self, code: str | None) -> None:
        found = self.findData(code) if code else 0
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setEditText(code or "")


class ProfessionalDialog(QDialog):
    saved = Signal(object)  # the stored ProfessionalRow

    def __init__(self, session: Session, row: ProfessionalRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._id = row.id
        self.setWindowTitle(self.tr("Edit professional"))
        self.setMinimumWidth(540)

        self.name = self._line(TEXT_LIMITS["name"], row.name)
        self.organisation_type = CodeCombo(
            "inquirer_type", self.tr("Choose type"), optional=self.tr("(none)")
        )
        self.organisation_type.removeItem(self.organisation_type.findData("borger"))  # no organisation
        self.organisation_type.set_code(row.organisation_type)
        self.organisation_name = self._line(TEXT_LIMITS["organisation_name"], row.organisation_name)
        self.municipality = MunicipalityCombo()
        self.municipality.set_value(row.municipality_code)
        self.email = self._line(TEXT_LIMITS["email"], row.email)
        self.phone = self._line(TEXT_LIMITS["phone"], row.phone)
        self.errors = {name: ErrorLabel() for name in FIELDS}
        self.problem = ErrorLabel()

        form = QFormLayout()
        rows = (
            (self.tr("&Name"), self.name, "name"),
            (self.tr("Organisation &type"), self.organisation_type, "organisation_type"),
            (self.tr("&Organisation"), self.organisation_name, "organisation_name"),
            (self.tr("&Municipality"), self.municipality, "municipality_code"),
            (self.tr("&E-mail"), self.email, "email"),
            (self.tr("&Phone"), self.phone, "phone"),
        )
        for caption, widget, field in rows:
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
            form.addRow("", self.errors[field])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _line(self, limit: int, text: str | None) -> QLineEdit:
        edit = QLineEdit(text or "")
        edit.setMaxLength(limit)
        return edit

    def edit(self) -> ProfessionalEdit:
        return ProfessionalEdit(
            name=self.name.text(),
            organisation_type=self.organisation_type.code(),
            organisation_name=self.organisation_name.text(),
            municipality_code=self.municipality.value(),
            email=self.email.text(),
            phone=self.phone.text(),
        )

    def save(self) -> None:
        for label in (*self.errors.values(), self.problem):
            label.show_message(None)
        self.buttons.setEnabled(False)
        vault_op(self, self._session, update_professional, self._id, self.edit()).success(
            self._stored
        ).problems(self._refused).report_to(self.problem.show_message).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _stored(self, row: ProfessionalRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _refused(self, problems: list[Problem]) -> None:
        for problem in problems:
            self.errors.get(problem.field, self.problem).show_message(problem.message())
        self.adjustSize()  # room for the messages
        first = next((p.field for p in problems if p.field in FIELDS), None)
        widget = {"name": self.name, "email": self.email, "municipality_code": self.municipality}.get(
            first or ""
        )
        if widget is not None:
            widget.setFocus()
