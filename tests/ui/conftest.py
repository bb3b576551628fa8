"""Widget tests: offscreen, in Danish, against real vaults in tmp_path."""

import gc
import os

# Before any Qt import: no window reaches a real screen, and CI needs no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from consultant_app.storage.vault import Vault
from tests.ui.support import DARK, NAME, PASSPHRASE, dark_palette, flush_deletions
from ui.app import install_translators
from ui.desktop import Desktop
from ui.operations import Lane
from ui.section import Session
from ui.unlock_dialog import open_vault


@pytest.fixture(scope="session", autouse=True)
def collector_on_the_gui_thread():
    """As the desktop does (ui/operations.py MainThreadCollector): no automatic cyclic collection,
    which could free a Qt widget on a lane's thread or a cursor under the lane's feet."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test():
    """Each test's cyclic garbage, collected on the GUI thread once its lanes are closed (this
    fixture is set up first, so it is torn down last)."""
    yield
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def dark_theme_when_asked(qapp):
    """CONSULTANT_APP_SCREENSHOT_THEME=dark: every window in Windows 11's dark colours."""
    if DARK:
        qapp.setStyle("Fusion")
        qapp.setPalette(dark_palette())


@pytest.fixture(scope="session", autouse=True)
def danish_interface(qapp):
    translators = install_translators(qapp, "da")
    assert len(translators) == 2, "Qt's and the app's Danish translations must both load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def desktop_preferences(tmp_path, monkeypatch):
    """The desktop's remembered window place and language go to a temporary file, never to the
    home folder of whoever runs the suite (tests/ui/test_preferences.py reads it)."""
    path = tmp_path / "config" / "desktop.ini"
    monkeypatch.setattr("ui.preferences.settings_file", lambda: path)
    return path


@pytest.fixture
def vault_file(tmp_path):
    """A vault on disk, locked: what the desktop finds at start."""
    path = tmp_path / "vault.db"
    Vault.create(path, PASSPHRASE, name=NAME, team="koebenhavn", default_region="hovedstaden").lock()
    return path


@pytest.fixture
def lane(qapp):
    lane = Lane()
    yield lane
    lane.close()
    lane.deleteLater()


@pytest.fixture
def desktop(vault_file, lane):
    desktop = Desktop(vault_file, lane)
    yield desktop
    if desktop.window is not None:
        desktop.window.hide()
        desktop.window.deleteLater()
    desktop.shutdown()
    flush_deletions()


@pytest.fixture
def session(vault_file, lane):
    """An unlocked vault as the main window's screens get it; locked again afterwards."""
    unlocked = open_vault(vault_file, PASSPHRASE)
    yield Session(unlocked.vault, unlocked.profile, lane)
    lane.run(unlocked.vault.lock, lambda _r: None, lambda _e: None)


@pytest.fixture
def main_window(qtbot, session):
    """The main window on an unlocked vault, shown and with the keyboard."""
    from tests.ui.support import activate
    from ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    activate(qtbot, window)
    yield window
    window.idle.stop()
    window.hide()
    window.deleteLater()
    flush_deletions()
