"""A consultant's first day, with the keyboard alone: create the vault in the wizard, register an
inquiry while on the phone, find it again, edit it, close it; then walk away and come back.

Every step is a key press on whatever has the focus (or the open popup), as on a real keyboard.
"""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app.domain import Inquiry
from tests.ui.support import (
    PASSPHRASE,
    activate,
    all_texts,
    flush_deletions,
    key_target,
    keys,
    press,
    tab,
    type_passphrase,
)
from ui.desktop import Desktop
from ui.first_run.wizard_dialog import FirstRunDialog
from ui.inquiries.case_dialogs import CloseDialog
from ui.inquiries.form import InquiryForm
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NOTE = "Ringede om datteren, der frygter en rejse"
PROFESSIONAL = "Hanne Holm"
PSEUDONYM = "A.B."


@pytest.fixture
def fresh_desktop(tmp_path, lane):
    desktop = Desktop(tmp_path / "ny" / "vault.db", lane)
    yield desktop
    if desktop.window is not None:
        desktop.window.hide()
        desktop.window.deleteLater()
    desktop.shutdown()
    flush_deletions()


def create_vault_in_the_wizard(qtbot, desktop: Desktop) -> MainWindow:
    desktop.start()
    wizard = desktop.window
    assert isinstance(wizard, FirstRunDialog)
    activate(qtbot, wizard)
    keys("kort")
    assert "Ikke stærk nok endnu" in wizard.passphrase_page.feedback.text()  # live, in Danish
    press(Qt.Key.Key_A, CTRL)
    keys(PASSPHRASE)
    assert wizard.passphrase_page.feedback.text() == "Stærk nok."
    tab()
    keys(PASSPHRASE)
    press(Qt.Key.Key_Return)
    assert wizard.step_label.text() == "Trin 2 af 3"
    press(Qt.Key.Key_Return)  # not acknowledged yet: stays
    assert "Sæt kryds" in wizard.hint.text()
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Return)
    keys("Mette Kragh")
    tab()
    keys("o")  # the team: Odense, which suggests its region
    assert wizard.profile_page.region.currentText() == "Region Syddanmark"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=10_000)
    return desktop.window


def register_an_inquiry(qtbot, window: MainWindow) -> None:
    activate(qtbot, window)
    press(Qt.Key.Key_N, CTRL)
    form = window.findChild(InquiryForm)
    assert form is not None and form.windowTitle() == "Ny henvendelse"
    qtbot.waitUntil(lambda: form.received.hasFocus())
    tab()  # the date and time are now
    keys("Odense")
    assert form.region.currentText() == "Region Syddanmark"
    tab(2)  # past the region, filled in
    keys(PROFESSIONAL)
    tab()
    keys("hanne.holm@odense.dk")
    tab(2)  # no phone
    keys("Odense Kommune")
    tab()
    keys("k")  # inquirer: Kommune
    tab()
    keys("b")  # department: Beskæftigelse, the first with B ...
    press(Qt.Key.Key_Down)  # ... and the next: Børn og unge
    tab()  # (the "other inquirer" note is skipped: only for Andet)
    assert form.channel.currentText() == "Telefon"  # the default
    tab()
    keys("b")  # age group: Barn
    tab()
    keys("k")  # gender: Kvinde
    tab()
    keys("m")  # consent: Med samtykke
    tab()
    press(Qt.Key.Key_Down, times=3)  # trip status: the third, concern of a trip from Denmark
    tab()
    keys(PSEUDONYM)
    tab()
    press(Qt.Key.Key_Space)  # reasons: negativ social kontrol
    press(Qt.Key.Key_Down, times=3)
    press(Qt.Key.Key_Space)  # ... and trusler
    tab()
    press(Qt.Key.Key_Down, times=2)
    press(Qt.Key.Key_Space)  # advice: sikkerhed
    tab()
    keys(NOTE)
    assert form.save_button.text() == "Gem (Ctrl+S)"
    with qtbot.waitSignal(form.saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(
        lambda: window.case_view is not None and window.case_view.data is not None, timeout=10_000
    )


def test_the_whole_day_with_the_keyboard(qtbot, fresh_desktop):
    window = create_vault_in_the_wizard(qtbot, fresh_desktop)
    assert window.name_label.text() == "Mette Kragh"
    register_an_inquiry(qtbot, window)
    vault = window.vault
    with vault.session() as s:
        inquiry = s.scalars(select(Inquiry)).one()
        stored = (
            inquiry.region,
            inquiry.municipality_code,
            inquiry.inquirer_type,
            inquiry.municipal_department,
            inquiry.channel,
            inquiry.citizen_age_group,
            inquiry.citizen_gender,
            inquiry.consent,
            inquiry.trip_concern,
            inquiry.reason_codes,
            inquiry.advice_codes,
            inquiry.professional.email,
            inquiry.citizen.pseudonym,
            inquiry.notes,
            inquiry.received_at.date(),
        )
        code = inquiry.case_code
    assert stored == (
        "syddanmark",
        "461",
        "kommune",
        "boern_unge",
        "telefon",
        "barn",
        "kvinde",
        "samtykke",
        "trussel_dk",
        ["social_kontrol", "trusler"],
        ["sikkerhed"],
        "hanne.holm@odense.dk",
        PSEUDONYM,
        NOTE,
        date.today(),
    )
    view = window.case_view
    assert view.title.text() == f"Sag {code}"

    # Find it again: back, Ctrl+F, type, Down to the results, Enter.
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.case_view is None)
    press(Qt.Key.Key_F, CTRL)
    section = window.section("inquiries")
    assert section.filters.search.hasFocus()
    keys("DATTEREN")  # the note, in any case
    qtbot.waitUntil(lambda: section.count_label.text() == "1 henvendelse", timeout=5_000)
    assert section.model.rowCount() == 1
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_view is not None and window.case_view.data is not None, timeout=5_000)

    # Edit: Ctrl+E, Alt+N to the notes, add a line, Ctrl+S.
    press(Qt.Key.Key_E, CTRL)
    form = window.case_view.findChild(InquiryForm)
    qtbot.waitUntil(lambda: form.isEnabled() and form.received.hasFocus(), timeout=5_000)
    assert form.windowTitle() == "Rediger henvendelse"
    assert form.pseudonym.text() == PSEUDONYM
    press(Qt.Key.Key_N, ALT)
    assert form.notes.hasFocus()
    press(Qt.Key.Key_End, CTRL)
    keys(". Politiet er orienteret.")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: "Politiet er orienteret" in (window.case_view.data.summary.notes or ""), timeout=5_000
    )

    # Close it: Alt+L, the reason by its first letter, Ctrl+S.
    press(Qt.Key.Key_L, ALT)  # a mnemonic "clicks" the button a moment later
    qtbot.waitUntil(lambda: window.case_view.findChild(CloseDialog) is not None)
    dialog = window.case_view.findChild(CloseDialog)
    assert dialog.windowTitle() == "Luk sagen"
    qtbot.waitUntil(dialog.reason.hasFocus)  # the dialog has the keyboard
    keys("o")  # Overdraget til anden aktør
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.case_view.data.summary.is_closed, timeout=5_000)
    assert window.case_view.status.text().startswith("Enkelt rådgivning · Lukket")
    with vault.session() as s:
        inquiry = s.scalars(select(Inquiry)).one()
        assert (inquiry.closed_on, inquiry.closing_reason) == (date.today(), "overdraget")
        assert inquiry.notes == NOTE + ". Politiet er orienteret."


def test_walking_away_locks_and_coming_back_returns_to_the_case(qtbot, fresh_desktop):
    window = create_vault_in_the_wizard(qtbot, fresh_desktop)
    register_an_inquiry(qtbot, window)
    case_id = window.case_view.inquiry_id
    vault = window.vault
    assert PROFESSIONAL in all_texts() and NOTE in all_texts()

    window.idle.set_interval_ms(300)  # the profile says 5 minutes; nobody waits that long in a test
    qtbot.waitUntil(lambda: isinstance(fresh_desktop.window, UnlockDialog), timeout=5_000)
    assert not vault.is_open
    flush_deletions()
    held = all_texts()
    for case_text in (PROFESSIONAL, NOTE, PSEUDONYM, "hanne.holm@odense.dk", "Odense Kommune"):
        assert case_text not in held, f"{case_text!r} is still held by a widget after locking"
    assert not any(isinstance(w, MainWindow | InquiryForm) for w in _top_levels())

    again = type_passphrase(qtbot, fresh_desktop)
    assert again is not window
    assert again.case_view is not None and again.case_view.inquiry_id == case_id
    qtbot.waitUntil(lambda: again.case_view.data is not None, timeout=5_000)
    assert again.case_view.data.summary.citizen_pseudonym == PSEUDONYM


def _top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_the_keys_go_where_the_focus_is(qtbot, fresh_desktop):
    """The helpers themselves: a key with nothing focused is an error, not a silent pass."""
    fresh_desktop.start()
    activate(qtbot, fresh_desktop.window)
    assert key_target() is fresh_desktop.window.passphrase_page.passphrase
