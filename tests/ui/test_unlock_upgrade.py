"""An outdated vault is upgraded only after the consultant agrees, and a copy is kept first."""

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from consultant_app.storage import migrate
from tests.ui.support import flush_deletions
from ui.desktop import Desktop
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

OLD = Path(__file__).parents[1] / "data" / "vaults" / "rev0003.db"


@pytest.fixture
def old_desktop(tmp_path, lane):
    path = tmp_path / "gammel.db"
    shutil.copyfile(OLD, path)
    path.chmod(0o600)
    desktop = Desktop(path, lane)
    yield desktop, path
    if desktop.window is not None:
        desktop.window.hide()
        desktop.window.deleteLater()
    desktop.shutdown()
    flush_deletions()


def ask(qtbot, desktop: Desktop) -> tuple[UnlockDialog, QMessageBox]:
    desktop.start()
    dialog = desktop.window
    assert isinstance(dialog, UnlockDialog)
    qtbot.keyClicks(dialog.passphrase, json.loads(OLD.with_suffix(".json").read_text())["passphrase"])
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.upgrade_question is not None, timeout=10_000)
    return dialog, dialog.upgrade_question


def test_the_question_says_what_changes_and_that_a_copy_is_kept(qtbot, old_desktop):
    desktop, _path = old_desktop
    _dialog, question = ask(qtbot, desktop)
    assert question.windowTitle() == "Opgradér boksen?"
    text = question.text()
    assert "skema 0003" in text and f"skema {migrate.head_revision()}" in text
    assert "kopi" in text and "ingen henvendelser" in text
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)


def test_declining_leaves_the_file_as_it_was(qtbot, old_desktop):
    desktop, path = old_desktop
    untouched = path.read_bytes()
    dialog, question = ask(qtbot, desktop)
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.upgrade_question is None)
    assert dialog.status.text() == "Boksen er ikke opgraderet og ikke ændret."
    assert desktop.window is dialog and not dialog.busy
    assert path.read_bytes() == untouched
    assert not list(path.parent.glob("*.bak"))


def test_agreeing_keeps_a_copy_upgrades_and_opens(qtbot, old_desktop):
    desktop, path = old_desktop
    dialog, _question = ask(qtbot, desktop)
    qtbot.mouseClick(dialog.upgrade_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=20_000)
    assert desktop.window.name_label.text() == "Demo-konsulent"
    (kept,) = path.parent.glob("gammel.db.before-0003-*.bak")
    assert kept.stat().st_mode & 0o077 == 0
