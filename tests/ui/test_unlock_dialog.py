"""The unlock dialog, driven like a user: typing, Enter, buttons."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.ui.support import NAME, PASSPHRASE, unlock
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog, retry_delay

WRONG = "forkert hest batteri klamme"


def start_unlock_dialog(desktop) -> UnlockDialog:
    desktop.start()
    assert isinstance(desktop.window, UnlockDialog)
    return desktop.window


def try_passphrase(qtbot, dialog: UnlockDialog, text: str) -> None:
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, text)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)  # the lane has answered


def test_the_dialog_asks_in_danish_without_echo(qtbot, desktop, vault_file):
    dialog = start_unlock_dialog(desktop)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Lås boksen op"
    assert dialog.unlock_button.text() == "Lås &op"
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.path_label.full_text == str(vault_file)
    assert dialog.path_label.text().endswith("vault.db")  # shortened in the middle, if at all


def test_a_wrong_passphrase_shows_the_danish_error_and_keeps_the_dialog(qtbot, desktop):
    dialog = start_unlock_dialog(desktop)
    try_passphrase(qtbot, dialog, WRONG)
    assert "Forkert adgangskode" in dialog.status.text()
    assert dialog.status.isVisible()
    assert dialog.isVisible() and desktop.window is dialog
    assert dialog.unlock_button.isEnabled()  # one typo costs no waiting
    assert dialog.passphrase.selectedText() == WRONG  # ready to be typed over
    assert dialog.passphrase.hasFocus()


def test_an_empty_passphrase_is_not_tried(qtbot, desktop):
    dialog = start_unlock_dialog(desktop)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.status.text() == "Skriv adgangskoden."
    assert not dialog.busy  # nothing was sent to the lane


def test_the_right_passphrase_opens_the_main_window_with_the_profile(qtbot, desktop):
    window = unlock(qtbot, desktop)
    assert window.isVisible()
    assert window.windowTitle() == "Sikkerhedskonsulent"
    assert window.name_label.text() == NAME
    assert window.team_label.text() == "Team: København"


def test_the_wait_grows_after_three_wrong_tries():
    assert [retry_delay(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_the_third_wrong_try_makes_the_user_wait(qtbot, desktop):
    dialog = start_unlock_dialog(desktop)
    for _ in range(2):
        try_passphrase(qtbot, dialog, WRONG)
        assert dialog.unlock_button.isEnabled()
    try_passphrase(qtbot, dialog, WRONG)
    assert not dialog.unlock_button.isEnabled()
    assert "vent 2 sekunder" in dialog.status.text()

    # Enter does not get round the wait.
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert desktop.window is dialog

    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=4_000)
    assert "vent" not in dialog.status.text()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter is still "unlock" after the wait
    qtbot.waitUntil(lambda: isinstance(desktop.window, MainWindow), timeout=10_000)


def test_quit_ends_the_desktop(qtbot, desktop):
    dialog = start_unlock_dialog(desktop)
    with qtbot.waitSignal(desktop.finished, timeout=2_000):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)


def test_the_unlock_window_is_built_before_the_database_layer_loads():
    """Cold start: the first window imports Qt and light core modules only; SQLAlchemy, the models
    and the vault load on the lane afterwards (ui.unlock_dialog.warm_up)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "import ui.desktop, ui.unlock_dialog\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlcipher3', 'alembic'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
