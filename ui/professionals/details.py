"""One professional at a glance: their details and every contact with them (a double-click on a
contact in a case opens the case)."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.domain.phone import danish_phone
from consultant_app.services.professional_directory import ContactRow, ProfessionalRow
from ui.labels import label, municipality_name
from ui.professionals.contacts_model import INQUIRY_ROLE, ContactTableModel
from ui.widgets import heading


class ProfessionalDetails(QWidget):
    edit_requested = Signal()
    audit_requested = Signal()
    case_requested = Signal(int)  # inquiry id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ProfessionalRow | None = None

        self.placeholder = QLabel(self.tr("Choose a professional in the list."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.name = heading("", 1.3)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.values = {
            key: self._value() for key in ("type", "organisation", "municipality", "email", "phone")
        }
        form = QFormLayout()
        form.addRow(self.tr("Organisation type:"), self.values["type"])
        form.addRow(self.tr("Organisation:"), self.values["organisation"])
        form.addRow(self.tr("Municipality:"), self.values["municipality"])
        form.addRow(self.tr("E-mail:"), self.values["email"])
        form.addRow(self.tr("Phone:"), self.values["phone"])

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.audit_button = QPushButton(self.tr("Audit &log"))
        self.audit_button.setToolTip(self.tr("Show what has been done to this professional's record"))
        self.audit_button.clicked.connect(self.audit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.audit_button)
        buttons.addStretch()

        self.contacts_heading = heading(self.tr("Contacts"), 1.1)
        self.contacts = ContactTableModel(self)
        self.contacts_view = QTableView()
        self.contacts_view.setAccessibleName(self.tr("Contacts"))
        self.contacts_view.setModel(self.contacts)
        self.contacts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contacts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_view.setWordWrap(False)
        self.contacts_view.verticalHeader().hide()
        self.contacts_view.verticalHeader().setDefaultSectionSize(
            self.contacts_view.fontMetrics().height() + 8
        )
        self.contacts_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.contacts_view.horizontalHeader().setStretchLastSection(True)
        # A double-click, or Enter (Qt's "activated" is both, on every platform's terms).
        self.contacts_view.activated.connect(self._open_case)
        hint = QLabel(self.tr("Double-click a contact to open its case."))
        hint.setEnabled(False)

        card = QWidget()
        layout = QVBoxLayout(card)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.contacts_heading)
        layout.addWidget(self.contacts_view, 1)
        layout.addWidget(hint)

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(card)

    def _value(self) -> QLabel:
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        return value

    def show_professional(self, row: ProfessionalRow, contacts: list[ContactRow]) -> None:
        self.row = row
        none = self.tr("–")
        self.name.setText(row.name)
        self.values["type"].setText(label("inquirer_type", row.organisation_type) or none)
        self.values["organisation"].setText(row.organisation_name or none)
        self.values["municipality"].setText(municipality_name(row.municipality_code) or none)
        self.values["email"].setText(row.email or none)
        self.values["phone"].setText(danish_phone(row.phone) or none)
        self.contacts.set_rows(contacts)
        self.contacts_heading.setText(self.tr("Contacts (%n)", "", len(contacts)))
        self.stack.setCurrentIndex(1)

    def show_message(self, text: str) -> None:
        """Nothing, or several, chosen: say what to do instead of showing one."""
        self.row = None
        self.contacts.set_rows([])
        self.placeholder.setText(text)
        self.stack.setCurrentIndex(0)

    def _open_case(self, index: QModelIndex) -> None:
        inquiry_id = self.contacts.data(index, INQUIRY_ROLE)
        if inquiry_id is not None:
            self.case_requested.emit(inquiry_id)
