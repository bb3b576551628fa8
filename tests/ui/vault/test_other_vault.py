"""Another vault from the unlock window ("Anden boks": open a file, or create a new vault with the
first-run wizard) and from the Boks menu (lock, then choose), on real vault files."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, activate, type_passphrase, unlock
from ui.first_run.wizard_dialog import FirstRunDialog
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

OTHER_PASSPHRASE = "blå cykel under gammel kastanje ved åen"


def test_open_another_vault_from_the_unlock_window(qtbot, desktop, tmp_path, monkeypatch):
    other = tmp_path / "anden" / "boks.db"
    other.parent.mkdir()
    Vault.create(other, OTHER_PASSPHRASE, name="Anden Konsulent", team="aarhus").lock()
    desktop.start()
    first = desktop.window
    assert isinstance(first, UnlockDialog)
    assert first.other_button.text() == "Anden &boks" and first.other_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    first.other_vault.open_action.trigger()

    switched = desktop.window
    assert isinstance(switched, UnlockDialog) and switched is not first
    assert switched.path_label.full_text == str(other)
    window = type_passphrase(qtbot, desktop, OTHER_PASSPHRASE)
    assert window.session.vault.path == other.resolve()
    assert window.session.profile.name == "Anden Konsulent"
    from ui.preferences import remembered_vault

    assert remembered_vault() == other.resolve()  # the next start opens this one
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    other.rename(other.with_name("flyttet.db"))
    assert remembered_vault() is None  # gone (a USB disk not connected): the default vault


def test_create_a_new_vault_runs_the_wizard_and_cancel_returns(
    qtbot, desktop, vault_file, tmp_path, monkeypatch
):
    desktop.start()
    first = desktop.window
    new = tmp_path / "ny-boks.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    first.other_vault.create_action.trigger()
    wizard = desktop.window
    assert isinstance(wizard, FirstRunDialog) and wizard.wizard.vault_path == new
    wizard.reject()  # changed their mind: back to the vault they had
    back = desktop.window
    assert isinstance(back, UnlockDialog) and back.path_label.full_text == str(vault_file)
    assert not new.exists()


def test_create_refuses_an_existing_file(qtbot, desktop, vault_file, monkeypatch):
    desktop.start()
    first = desktop.window
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(vault_file), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    before = vault_file.read_bytes()
    first.other_vault.create_action.trigger()
    assert desktop.window is first and "overskrives aldrig" in warned[0]
    assert vault_file.read_bytes() == before


def test_the_menu_locks_and_offers_another_vault(qtbot, desktop):
    window = unlock(qtbot, desktop)
    assert window.menuBar().actions()[0].text() == "&Boks"
    window.vault_actions.switch_action.trigger()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    dialog = desktop.window
    assert not window.session.vault.is_open  # locked first
    qtbot.waitUntil(lambda: dialog.other_vault.menu.isVisible())
    dialog.other_vault.menu.close()
    again = type_passphrase(qtbot, desktop, PASSPHRASE)  # or simply the same one again
    assert isinstance(again, MainWindow)


def test_the_first_run_opens_an_existing_vault_instead(qtbot, tmp_path, lane, monkeypatch):
    """A new laptop: no vault at the usual place, the consultant's vault copied elsewhere."""
    from tests.ui.test_mnemonics import mnemonic_problems
    from ui.desktop import Desktop

    existing = tmp_path / "usb" / "boks.db"
    existing.parent.mkdir()
    Vault.create(existing, OTHER_PASSPHRASE, name="Anden Konsulent", team="aarhus").lock()
    desktop = Desktop(tmp_path / "ny" / "vault.db", lane)
    try:
        desktop.start()
        wizard = desktop.window
        assert isinstance(wizard, FirstRunDialog)
        activate(qtbot, wizard)
        assert mnemonic_problems(wizard) == []  # "Åbn en eksisterende boks" takes no letter in use
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(existing), ""))
        wizard.existing_button.click()
        assert isinstance(desktop.window, UnlockDialog)
        window = type_passphrase(qtbot, desktop, OTHER_PASSPHRASE)
        assert window.session.vault.path == existing.resolve()
        assert not (tmp_path / "ny" / "vault.db").exists()  # nothing was created
    finally:
        if desktop.window is not None:
            desktop.window.hide()
            desktop.window.deleteLater()
        desktop.shutdown()
