"""Screenshots of the screens the consultant uses instead of a terminal (#14.1, #14.3): the
vault's care (backup now, restore, new passphrase), the sync setup, the draft offered after unlock
and the notice before the idle lock. Written as the other screenshot tests are (tests/ui/support.py:
light, or dark with CONSULTANT_APP_SCREENSHOT_THEME=dark), looked at under Xvfb."""

from PySide6.QtCore import Qt

from consultant_app.services.vault_admin import backup_now
from tests.ui.support import activate, needs_screenshots, press, save_screenshot, type_passphrase, unlock
from ui.inquiries.form import InquiryForm
from ui.sync.setup_dialog import SyncSetupDialog
from ui.unlock_dialog import UnlockDialog
from ui.vault.backup_dialog import BackupDialog
from ui.vault.passphrase_dialog import PassphraseDialog
from ui.vault.restore_dialog import RestoreDialog

pytestmark = needs_screenshots


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    return dialog


def test_vault_care_dialogs(qtbot, session, tmp_path):
    backup = _shown(qtbot, BackupDialog(session))
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    backup.path.setText(str(tmp_path / "boks-2026-12-05.bak"))
    save_screenshot(backup, "boks-sikkerhedskopi")
    backup.hide()

    folder = tmp_path / "kopier"
    folder.mkdir()
    backup_now(session.vault, folder=folder)  # between lane jobs: the lane is idle
    restore = _shown(qtbot, RestoreDialog(session))
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    save_screenshot(restore, "boks-gendan")
    restore.hide()

    passphrase = _shown(qtbot, PassphraseDialog(session))
    qtbot.keyClicks(passphrase.current, "korrekt hest batteri hæfteklamme")
    passphrase.page.passphrase.setFocus()
    qtbot.keyClicks(passphrase.page.passphrase, "sommer2024")
    save_screenshot(passphrase, "boks-ny-adgangskode")
    passphrase.hide()


def test_sync_setup(qtbot, session):
    dialog = _shown(qtbot, SyncSetupDialog(session))
    dialog.endpoint.setText("https://modtager.siri.example/")
    dialog.token.setText("x" * 40)
    save_screenshot(dialog, "synkronisering-opsaetning")
    dialog.hide()  # (reject() would ask before dropping what was typed)


def test_draft_offered_after_unlock_and_the_idle_notice(qtbot, desktop):
    window = unlock(qtbot, desktop)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    activate(qtbot, window)
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(InquiryForm) is not None, timeout=10_000)
    form = window.findChild(InquiryForm)
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "Ringede fra skolen; vender tilbage i morgen.")
    window.idle_notice.warn(60)  # what the idle watcher shows a minute before the lock
    qtbot.waitUntil(window.idle_notice.isVisible, timeout=5_000)
    save_screenshot(window.idle_notice, "laas-om-60-sekunder")
    window.idle_notice.withdraw()
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    window = type_passphrase(qtbot, desktop)
    window.resize(1366, 768)
    qtbot.waitUntil(window.draft_offer.isVisible, timeout=10_000)
    save_screenshot(window, "kladde-efter-laas")


def test_import_and_export(qtbot, session, tmp_path, monkeypatch):
    import csv

    from consultant_app.demo.fill import fill_vault
    from consultant_app.interchange import export_inquiries
    from tests.ui.interchange.test_interchange_dialogs import check_file
    from ui.interchange.export_dialog import ExportDialog
    from ui.interchange.import_dialog import ImportDialog

    fill_vault(session.vault, 5, seed=4)
    good = tmp_path / "henvendelser.csv"
    export_inquiries(session.vault, good)
    with good.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    rows[2][rows[0].index("region")] = "atlantis"
    bad = tmp_path / "fra-kollega.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";").writerows(rows)
    importing = _shown(qtbot, ImportDialog(session))
    check_file(qtbot, importing, bad, monkeypatch)
    save_screenshot(importing, "import-kontrol")
    importing.hide()
    exporting = _shown(qtbot, ExportDialog(session))
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    save_screenshot(exporting, "eksport")
    exporting.hide()
