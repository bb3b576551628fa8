"""Lock when away: input keeps the vault open, silence or the operating system locks it."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from tests.ui.support import unlock
from ui import system_lock
from ui.idle import IdleWatcher
from ui.unlock_dialog import UnlockDialog


def test_input_restarts_the_idle_timer_and_other_events_do_not(qtbot, qapp):
    watcher = IdleWatcher(5)
    watcher.set_interval_ms(400)
    target = QObject()
    fired = []
    watcher.idle.connect(lambda: fired.append(1))
    for _ in range(6):  # 600 ms of typing: never idle
        qtbot.wait(100)
        qapp.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )
    assert not fired
    qapp.sendEvent(target, QEvent(QEvent.Type.UpdateRequest))  # a repaint is not the user
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    watcher.deleteLater()


def test_the_window_locks_when_the_system_suspends_the_application(qtbot, desktop):
    window = unlock(qtbot, desktop)
    window.system_lock._state_changed(Qt.ApplicationState.ApplicationSuspended)
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    assert not window.vault.is_open


def test_the_windows_messages_that_mean_the_user_has_gone():
    assert system_lock.means_away(system_lock.WM_WTSSESSION_CHANGE, system_lock.WTS_SESSION_LOCK)
    assert system_lock.means_away(system_lock.WM_POWERBROADCAST, system_lock.PBT_APMSUSPEND)
    assert not system_lock.means_away(system_lock.WM_WTSSESSION_CHANGE, 0x8)  # unlock
    assert not system_lock.means_away(system_lock.WM_POWERBROADCAST, 0x12)  # resume
    assert not system_lock.means_away(0x0100, system_lock.WTS_SESSION_LOCK)  # a key press
