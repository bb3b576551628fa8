"""The first-run wizard's window (its rules are tested in tests/consultant_app/test_wizard.py)."""

from PySide6.QtCore import Qt

from tests.ui.support import activate, flush_deletions
from ui.desktop import Desktop
from ui.first_run.wizard_dialog import FirstRunDialog

GOOD = "korrekt hest batteri hæfteklamme"


def start(qtbot, tmp_path, lane) -> tuple[Desktop, FirstRunDialog]:
    desktop = Desktop(tmp_path / "vault.db", lane)
    desktop.start()
    dialog = desktop.window
    assert isinstance(dialog, FirstRunDialog)
    activate(qtbot, dialog)
    return desktop, dialog


def test_the_steps_speak_danish_and_back_keeps_what_was_typed(qtbot, tmp_path, lane):
    _desktop, dialog = start(qtbot, tmp_path, lane)
    assert dialog.windowTitle() == "Ny boks"
    assert dialog.step_label.text() == "Trin 1 af 3"
    page = dialog.passphrase_page
    qtbot.keyClicks(page.passphrase, "P@ssw0rd1234")
    assert "Den ligner en almindeligt brugt adgangskode." in page.feedback.text()
    weak_bar = page.strength.value()
    assert 0 < weak_bar < 75  # the threshold sits at three quarters
    page.passphrase.setText(GOOD)
    assert page.strength.value() > 75 and page.feedback.text() == "Stærk nok."
    page.repeat.setText(GOOD + "x")
    assert page.mismatch.text() == "De to adgangskoder er ikke ens."
    dialog.next_button.click()
    assert dialog.wizard.step == "passphrase"
    page.repeat.setText(GOOD)
    dialog.next_button.click()
    # The backup is made in the program: no terminal, and the menu entry it names exists.
    advice = dialog.safekeeping_page.command.text()
    assert "Boks → Tag sikkerhedskopi nu" in advice and "Overblik" in advice
    assert "consultant-app" not in advice
    dialog.back_button.click()
    assert page.passphrase.text() == GOOD
    dialog.hide()
    dialog.deleteLater()
    flush_deletions()


def test_a_vault_that_appears_meanwhile_is_not_overwritten(qtbot, tmp_path, lane):
    _desktop, dialog = start(qtbot, tmp_path, lane)
    dialog.passphrase_page.passphrase.setText(GOOD)
    dialog.passphrase_page.repeat.setText(GOOD)
    dialog.next_button.click()
    dialog.safekeeping_page.understood.setChecked(True)
    dialog.next_button.click()
    dialog.profile_page.name.setText("Mette")
    dialog.profile_page.team.set_code("aalborg")
    (tmp_path / "vault.db").write_bytes(b"someone else's file")
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.wizard.step == "profile", timeout=10_000)
    assert "overskrives ikke" in dialog.profile_page.error.text()
    assert dialog.profile_page.region.code() == "nordjylland"  # suggested from the team
    dialog.hide()
    dialog.deleteLater()
    flush_deletions()


def test_quit_ends_the_desktop(qtbot, tmp_path, lane):
    desktop, dialog = start(qtbot, tmp_path, lane)
    with qtbot.waitSignal(desktop.finished, timeout=2_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_strength_bar_screenshot(qtbot, tmp_path, lane):
    """The passphrase step with the live bar, grabbed as a person would see it (saved beside the test)."""
    _desktop, dialog = start(qtbot, tmp_path, lane)
    dialog.resize(640, 480)
    dialog.passphrase_page.passphrase.setText("sommer2026sommer")
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "first-run-passphrase-weak.png"))
    dialog.passphrase_page.passphrase.setText(GOOD)
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "first-run-passphrase-strong.png"))
    dialog.hide()
    dialog.deleteLater()
    flush_deletions()


def test_a_passphrase_built_on_the_name_typed_later_is_refused_at_the_profile_step(qtbot, tmp_path, lane):
    _desktop, dialog = start(qtbot, tmp_path, lane)
    built_on_name = "Mette Mortensen 2026!"  # strong enough for anyone but Mette Mortensen
    dialog.passphrase_page.passphrase.setText(built_on_name)
    dialog.passphrase_page.repeat.setText(built_on_name)
    dialog.next_button.click()
    dialog.safekeeping_page.understood.setChecked(True)
    dialog.next_button.click()
    dialog.profile_page.name.setText("Mette Mortensen")
    dialog.profile_page.team.set_code("odense")
    dialog.next_button.click()
    assert dialog.wizard.step == "profile"
    assert dialog.hint.text().startswith("Adgangskoden bygger på dit navn")
    assert not (tmp_path / "vault.db").exists()
    dialog.back_button.click()
    dialog.back_button.click()
    assert "den bygger på dit navn" in dialog.passphrase_page.feedback.text()
    dialog.hide()
    dialog.deleteLater()
    flush_deletions()
