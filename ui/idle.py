"""Lock when away: an idle timer restarted by any input anywhere in the application (with a
warning a minute before), the operating system's own signs that the user has gone (see
system_lock.py), and the lock key from any window."""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

# Input only: a repaint, a timer or a result arriving from the lane is not the user.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


WARN_BEFORE_MS = 60_000  # the notice comes a minute before the lock


class IdleWatcher(QObject):
    """Emits `idle` once no input has reached the application for the given time, and `warning`
    (with the seconds left) a minute before that; input after a warning emits `resumed`.

    An application-wide event filter: it sees every event of every window (dialogs included) and
    only restarts two single-shot timers, so typing costs nothing noticeable. With a short lock
    time the warning comes halfway (a one-minute lock warns after 30 seconds)."""

    idle = Signal()
    warning = Signal(int)  # seconds until the lock
    resumed = Signal()  # input after a warning: the lock is off again

    def __init__(
        self, minutes: int, parent: QObject | None = None, warn_before_ms: int = WARN_BEFORE_MS
    ) -> None:
        super().__init__(parent)
        self._warn_before_ms = warn_before_ms
        self._interval_ms = 0
        self._warned = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._warn_timer = QTimer(self, singleShot=True)
        self._warn_timer.timeout.connect(self._warn)
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object is deleted

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int, warn_before_ms: int | None = None) -> None:
        self._interval_ms = milliseconds
        if warn_before_ms is not None:
            self._warn_before_ms = warn_before_ms
        self.restart()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def warn_before_ms(self) -> int:
        """How long before the lock the warning comes: a minute, or half a short lock time."""
        return min(self._warn_before_ms, self._interval_ms // 2)

    def restart(self) -> None:
        """The user is here: the full time again (input does this, and the notice's Stay)."""
        self._timer.start(self._interval_ms)
        lead = self._interval_ms - self.warn_before_ms
        if self.warn_before_ms > 0:
            self._warn_timer.start(lead)
        else:
            self._warn_timer.stop()
        if self._warned:
            self._warned = False
            self.resumed.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._warn_timer.stop()

    def _warn(self) -> None:
        if self._timer.isActive():
            self._warned = True
            # The time the notice promises, not what a busy event loop left of it.
            self.warning.emit(max(1, round(self.warn_before_ms / 1000)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self.restart()
        return False


class LockKey(QObject):
    """The lock key (Ctrl+L) from any window of the application, not only the main window.

    A form is a window-modal dialog: while it is open, the main window's own shortcut is blocked,
    and Ctrl+L typed in the form did nothing. This application-wide filter sees the key in any
    other window and emits `pressed` (in the main window itself its action answers)."""

    pressed = Signal()

    def __init__(self, sequence: QKeySequence, window: QWidget) -> None:
        super().__init__(window)
        self._sequence = sequence
        self._window = window
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object is deleted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is not self._window
            and QKeySequence(event.keyCombination()).matches(self._sequence)
            == QKeySequence.SequenceMatch.ExactMatch
        ):
            self.pressed.emit()
            return True
        return False
