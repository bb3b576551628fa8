"""Screenshots of the desktop's main screens, in Danish at 1366×768, on invented demo data.
Written to a temporary folder unless asked for; best under Xvfb, as a user's screen renders them:

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=xcb \\
        xvfb-run -s "-screen 0 1366x768x24" python3 run.py pytest tests/ui/test_desktop_screenshots.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from consultant_app.demo.fill import fill_vault
from tests.ui.support import SCREENSHOTS, activate, flush_deletions, keys, needs_screenshots, press, tab
from tests.ui.support import save_screenshot as save
from ui.first_run.wizard_dialog import FirstRunDialog
from ui.inquiries.case_dialogs import CloseDialog, ContactDialog
from ui.inquiries.form import InquiryForm
from ui.main_window import MainWindow

SIZE = (1366, 768)

pytestmark = needs_screenshots


def save_screen(widgets, name: str) -> Path:
    """The part of the screen the widgets cover, popups included (a widget grab leaves them out)."""
    QTest.qWait(50)
    area = widgets[0].frameGeometry()
    for widget in widgets[1:]:
        area = area.united(widget.frameGeometry())
    screen = QApplication.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(), area.height())
    path = Path(SCREENSHOTS) / f"{name}.png"
    assert screen.toImage().convertToFormat(QImage.Format.Format_Indexed8).save(str(path), "PNG")
    return path


def test_first_run(qtbot, tmp_path, lane):
    dialog = FirstRunDialog(tmp_path / "vault.db", lane)
    dialog.show()
    activate(qtbot, dialog)
    keys("sommer2024")
    tab()
    keys("sommer")
    save(dialog, "forste-start-1-adgangskode")
    dialog.passphrase_page.passphrase.setText("korrekt hest batteri hæfteklamme")
    dialog.passphrase_page.repeat.setText("korrekt hest batteri hæfteklamme")
    dialog.next_button.click()
    save(dialog, "forste-start-2-advarsel")
    dialog.safekeeping_page.understood.setChecked(True)
    dialog.next_button.click()
    dialog.profile_page.name.setText("Mette Kragh Sørensen")
    dialog.profile_page.team.set_code("odense")
    save(dialog, "forste-start-3-profil")
    dialog.hide()
    dialog.deleteLater()
    flush_deletions()


def test_main_screens(qtbot, session):
    fill_vault(session.vault, 2000, seed=1)
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    activate(qtbot, window)
    try:
        overview = window.section("overview")
        qtbot.waitUntil(lambda: overview.data is not None, timeout=10_000)
        save(window, "overblik")

        window.show_section("inquiries")
        inquiries = window.section("inquiries")
        qtbot.waitUntil(lambda: inquiries.model.count > 0, timeout=10_000)
        save(window, "henvendelser")
        inquiries.filters.status.setCurrentIndex(1)
        inquiries.filters.trip.set_code("udlandet")
        qtbot.waitUntil(lambda: inquiries.model.count > 0 and not inquiries.model.loading, timeout=10_000)
        inquiries.table.selectRow(0)
        save(window, "henvendelser-filter")

        window.open_case(inquiries.selected_id())
        view = window.case_view
        qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
        save(window, "sag")

        press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        contact = view.findChild(ContactDialog)
        qtbot.waitUntil(lambda: contact.completer.professionals.rowCount() > 0, timeout=10_000)
        contact.name.setFocus()
        keys("kommune")
        qtbot.waitUntil(lambda: contact.completer.popup().isVisible(), timeout=5_000)
        save_screen([contact, contact.completer.popup()], "sag-kontakt")
        contact.completer.popup().hide()
        contact.discard()  # typed into: Esc would ask first

        view.close_case()
        close = view.findChild(CloseDialog)
        save(close, "sag-luk")
        close.reject()

        window.close_case()
        window.new_inquiry()
        form = window.findChild(InquiryForm)
        qtbot.waitUntil(form.received.hasFocus, timeout=5_000)
        tab()
        keys("Odense")
        tab(2)
        keys("Hanne Holm")
        tab()
        keys("hanne.holm@odense")
        tab(3)
        keys("k")
        form.save()  # with problems: each shown by its field
        save(form, "ny-henvendelse")
        form.discard()

        window.show_section("settings")
        save(window, "indstillinger")
    finally:
        window.idle.stop()
        window.hide()
        window.deleteLater()
        flush_deletions()
