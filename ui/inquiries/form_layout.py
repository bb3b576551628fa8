"""The inquiry form's layout: two columns of labelled fields, each with its problem beneath."""

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets import name_from

if TYPE_CHECKING:
    from ui.inquiries.form import InquiryForm

LEFT = (
    "received_at",
    "municipality_code",
    "region",
    "professional_name",
    "professional_email",
    "professional_phone",
    "professional_organisation",
    "inquirer_type",
    "municipal_department",
    "inquirer_other_note",
    "channel",
)
RIGHT = (
    "citizen_age_group",
    "citizen_gender",
    "consent",
    "trip_concern",
    "citizen_pseudonym",
    "reasons",
    "advice_types",
    "notes",
)


def _labels() -> dict[str, str]:
    required = " *"
    return {
        "received_at": QCoreApplication.translate("InquiryForm", "&Received") + required,
        "municipality_code": QCoreApplication.translate("InquiryForm", "&Municipality"),
        "region": QCoreApplication.translate("InquiryForm", "Re&gion") + required,
        "professional_name": QCoreApplication.translate("InquiryForm", "&Professional"),
        "professional_email": QCoreApplication.translate("InquiryForm", "E-mai&l"),
        "professional_phone": QCoreApplication.translate("InquiryForm", "P&hone"),
        "professional_organisation": QCoreApplication.translate("InquiryForm", "&Organisation"),
        "inquirer_type": QCoreApplication.translate("InquiryForm", "&Inquirer") + required,
        "municipal_department": QCoreApplication.translate("InquiryForm", "&Department"),
        "inquirer_other_note": QCoreApplication.translate("InquiryForm", "Other in&quirer"),
        "channel": QCoreApplication.translate("InquiryForm", "&Channel") + required,
        "citizen_age_group": QCoreApplication.translate("InquiryForm", "&Age group") + required,
        "citizen_gender": QCoreApplication.translate("InquiryForm", "G&ender"),
        "consent": QCoreApplication.translate("InquiryForm", "Co&nsent"),
        "trip_concern": QCoreApplication.translate("InquiryForm", "Trip stat&us") + required,
        "citizen_pseudonym": QCoreApplication.translate("InquiryForm", "Citi&zen"),
        "reasons": QCoreApplication.translate("InquiryForm", "Rea&sons"),
        "advice_types": QCoreApplication.translate("InquiryForm", "Ad&vice given"),
        "notes": QCoreApplication.translate("InquiryForm", "No&tes"),
    }


def _column(form: "InquiryForm", names: tuple[str, ...], labels: dict[str, str]) -> QFormLayout:
    column = QFormLayout()
    column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for name in names:
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(1)
        stack.addWidget(form.fields[name])
        stack.addWidget(form.errors[name])
        label = QLabel(labels[name])
        label.setBuddy(form.fields[name])
        name_from(label)  # the field sits in a cell with its problem: Qt would not find the label
        column.addRow(label, cell)
    return column


def build_layout(form: "InquiryForm") -> None:
    labels = _labels()
    columns = QHBoxLayout()
    columns.addLayout(_column(form, LEFT, labels), 1)
    columns.addSpacing(16)
    columns.addLayout(_column(form, RIGHT, labels), 1)

    # The platform's order of Save and Cancel (Windows: Save first; macOS and GNOME: Cancel first).
    box = QDialogButtonBox()
    box.addButton(form.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(form.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
    buttons = QHBoxLayout()
    buttons.addWidget(QLabel(QCoreApplication.translate("InquiryForm", "* must be filled in")))
    buttons.addStretch()
    buttons.addWidget(box)

    layout = QVBoxLayout(form)
    layout.addLayout(columns)
    layout.addWidget(form.general_error)
    layout.addLayout(buttons)

    order = [form.fields[name] for name in (*LEFT, *RIGHT)] + [form.save_button, form.cancel_button]
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
