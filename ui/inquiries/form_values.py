"""The inquiry form's widgets to a `CaseForm` and back."""

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from consultant_app.services.case_actions import CaseForm
from ui.labels import from_qdatetime, to_qdatetime

if TYPE_CHECKING:
    from ui.inquiries.form import InquiryForm


def _text(field: QLineEdit) -> str | None:
    return field.text().strip() or None


def read_form(form: "InquiryForm") -> CaseForm:
    """What the form says; what it does not show is kept from the draft it was loaded with."""
    draft = replace(
        form._base,
        received_at=from_qdatetime(form.received.dateTime()),
        municipality_code=form.municipality.code(),
        region=form.region.code(),
        professional_name=_text(form.professional_name),
        professional_email=_text(form.professional_email),
        professional_phone=_text(form.professional_phone),
        professional_organisation=_text(form.professional_organisation),
        inquirer_type=form.inquirer_type.code(),
        municipal_department=form.department.code() if form.department.isEnabled() else None,
        inquirer_other_note=_text(form.other_note) if form.other_note.isEnabled() else None,
        channel=form.channel.code(),
        citizen_age_group=form.age_group.code(),
        citizen_gender=form.gender.code(),
        consent=form.consent.code() or "anonym",
        trip_concern=form.trip.code(),
        reasons=form.reasons.codes(),
        advice_types=form.advice.codes(),
        notes=form.notes.toPlainText() or None,
    )
    return CaseForm(draft, _text(form.pseudonym))


def fill_form(form: "InquiryForm", case: CaseForm) -> None:
    d = case.draft
    if d.received_at is not None:  # a stored case always has one
        form.received.setDateTime(to_qdatetime(d.received_at))
    form.municipality.set_code(d.municipality_code)
    form.region.set_code(d.region)
    for field, value in (
        (form.professional_name, d.professional_name),
        (form.professional_email, d.professional_email),
        (form.professional_phone, d.professional_phone),
        (form.professional_organisation, d.professional_organisation),
        (form.other_note, d.inquirer_other_note),
        (form.pseudonym, case.citizen_pseudonym),
    ):
        field.setText(value or "")
    for combo, code in (
        (form.inquirer_type, d.inquirer_type),
        (form.department, d.municipal_department),
        (form.channel, d.channel),
        (form.age_group, d.citizen_age_group),
        (form.gender, d.citizen_gender),
        (form.consent, d.consent),
        (form.trip, d.trip_concern),
    ):
        combo.set_code(code)
    form.reasons.set_codes(d.reasons)
    form.advice.set_codes(d.advice_types)
    form.notes.setPlainText(d.notes or "")
