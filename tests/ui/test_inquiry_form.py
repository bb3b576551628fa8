"""The inquiry form on its own: defaults, problems next to their fields, completion, editing."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app.domain import Inquiry
from consultant_app.services.case_actions import close_case
from tests.ui.support import activate, keys, press, seed_case, tab
from ui.inquiries.form import InquiryForm

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def form(qtbot, session):
    form = InquiryForm(session)
    form.show()
    activate(qtbot, form)
    yield form
    form.discard()
    form.deleteLater()


def test_defaults_now_the_profiles_region_and_telephone(form):
    received = form.case_form().draft.received_at
    assert abs((received - datetime.now()).total_seconds()) < 120
    assert form.region.currentText() == "Region Hovedstaden"  # the profile's default region
    assert form.channel.code() == "telefon" and form.consent.code() == "anonym"
    assert form.inquirer_type.code() is None  # what must be thought about is not guessed
    assert not form.department.isEnabled() and not form.other_note.isEnabled()
    assert form.received.hasFocus()


def test_problems_show_after_leaving_a_field_and_all_on_saving(qtbot, form):
    tab(4)  # to the professional's e-mail ...
    assert form.professional_email.hasFocus()
    keys("ikke-en-adresse")
    assert not form.errors["professional_email"].isVisible()  # not while typing
    tab()
    assert form.errors["professional_email"].text() == "ikke en gyldig e-mailadresse"
    assert not form.errors["inquirer_type"].isVisible()  # untouched: no nagging yet
    press(Qt.Key.Key_S, CTRL)
    for field in ("inquirer_type", "citizen_age_group", "trip_concern"):
        assert form.errors[field].text() == "skal udfyldes", field
    assert form.errors["professional_name"].text().startswith("fagpersonens navn skal udfyldes")
    assert form.professional_name.hasFocus()  # the first problem in reading order has the focus
    press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # &Henvender
    assert form.inquirer_type.hasFocus()
    keys("p")
    assert not form.errors["inquirer_type"].isVisible()  # fixed: the message goes at once


def test_a_municipality_outside_the_region_is_explained(qtbot, form):
    tab()
    keys("Aalborg")
    assert form.region.code() == "nordjylland"  # the municipality decides the region
    form.region.set_code("hovedstaden")
    press(Qt.Key.Key_S, CTRL)
    assert form.errors["municipality_code"].text() == (
        "Aalborg ligger i region nordjylland, ikke i hovedstaden"
    )


def test_department_and_other_follow_the_inquirer(form):
    form.inquirer_type.set_code("kommune")
    assert form.department.isEnabled() and not form.other_note.isEnabled()
    form.inquirer_type.set_code("andet")
    assert form.other_note.isEnabled() and not form.department.isEnabled()


def test_editing_keeps_what_the_form_does_not_show(qtbot, session):
    saved = seed_case(session.vault, pseudonym="Z.", external_ref="SAG-7")
    with session.vault.session() as s:
        close_case(s, saved.id, date.today(), "afsluttet")
    form = InquiryForm(session, saved.id)
    form.show()
    try:
        qtbot.waitUntil(form.isEnabled, timeout=5_000)
        assert form.pseudonym.text() == "Z." and form.inquirer_type.code() == "politi"
        form.age_group.set_code("barn")
        with qtbot.waitSignal(form.saved, timeout=5_000):
            form.save()
    finally:
        form.deleteLater()
    with session.vault.session() as s:
        inquiry = s.get(Inquiry, saved.id)
        assert (inquiry.citizen_age_group, inquiry.external_ref, inquiry.closing_reason) == (
            "barn",
            "SAG-7",
            "afsluttet",
        )
        assert s.scalars(select(Inquiry.id)).all() == [saved.id]


def test_an_impossible_received_date_stops_the_save_and_stays_as_typed(qtbot, form):
    assert form.received.hasFocus()
    press(Qt.Key.Key_A, CTRL)
    keys("30.02.2026 10:00")
    press(Qt.Key.Key_S, CTRL)
    assert form.received.error.text() == "Datoen 30.02.2026 findes ikke: februar 2026 har 28 dage."
    assert form.received.text() == "30.02.2026 10:00"  # not 28.02, not back to now
    assert form.received.hasFocus()
    assert not form.errors["inquirer_type"].isVisible()  # the save stopped at the date
    press(Qt.Key.Key_A, CTRL)
    keys("28.02.2026 10:00")
    press(Qt.Key.Key_S, CTRL)
    assert not form.received.error.isVisible()
    assert form.errors["inquirer_type"].text() == "skal udfyldes"  # now the save went on
    assert form.case_form().draft.received_at == datetime(2026, 2, 28, 10, 0)
