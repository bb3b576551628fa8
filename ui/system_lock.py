"""The operating system says the user has gone: the session is locked or the machine suspends.

Everywhere: Qt's application state (`Qt.ApplicationSuspended`, reported where the platform has
it). On Windows also the window messages: `WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK` (after
`WTSRegisterSessionNotification` for the window) and `WM_POWERBROADCAST` with `PBT_APMSUSPEND`,
read by a native event filter. Other desktops report neither reliably through Qt; the idle
timer covers them.
"""

import contextlib
import ctypes
import logging
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
NOTIFY_FOR_THIS_SESSION = 0


def means_away(message: int, wparam: int) -> bool:
    """Whether a Windows message says the session was locked or the machine is suspending."""
    return (message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK) or (
        message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND
    )


class _WindowsMessages(QAbstractNativeEventFilter):
    def __init__(self, watcher: "SystemLockWatcher") -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, event_type, message):
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if means_away(msg.message, msg.wParam):
                self._watcher.away.emit()
        return False, 0


class SystemLockWatcher(QObject):
    """Emits `away` when the operating system locks the session or suspends."""

    away = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # always, where there is a window
            app.applicationStateChanged.connect(self._state_changed)
        self._filter: _WindowsMessages | None = None
        self._hwnd: int | None = None
        if sys.platform == "win32":
            self._watch_windows(window)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.away.emit()

    def _watch_windows(self, window: QWidget) -> None:  # pragma: no cover (Windows only)
        app = QCoreApplication.instance()
        if sys.platform != "win32" or app is None:  # the caller checked; mypy learns windll exists
            return
        self._filter = _WindowsMessages(self)
        app.installNativeEventFilter(self._filter)
        try:
            self._hwnd = int(window.winId())
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION)
        except (AttributeError, OSError):
            log.warning("session-lock notifications are not available")
            self._hwnd = None

    def release(self) -> None:
        """Stop listening: the window calls this before it goes."""
        if self._filter is not None:
            app = QCoreApplication.instance()
            if app is not None:  # none after the application is gone, and its filters with it
                app.removeNativeEventFilter(self._filter)
            self._filter = None
        if self._hwnd is not None and sys.platform == "win32":  # pragma: no cover (Windows only)
            with contextlib.suppress(AttributeError, OSError):
                ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(self._hwnd)
            self._hwnd = None
