"""The follow-up reminder: when the vault is unlocked and then every hour, how many follow-ups
are overdue or due today — a tray message where the desktop has a system tray, otherwise a
banner in the main window that does not block it. Counts only: no case code, no note."""

from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
)

from consultant_app.followups import agenda
from ui import theme
from ui.op import vault_op
from ui.section import Session

HOUR_MS = 60 * 60 * 1000


def _counts(session) -> tuple[int, int]:
    day = agenda(session, date.today(), horizon_days=0)
    return len(day.overdue), len(day.due_today)


class FollowUpReminder(QObject):
    """Owned by the main window (its child): it goes when the window goes, at locking."""

    open_requested = Signal()  # the user wants to see the follow-ups

    def __init__(self, session: Session, window: QMainWindow, *, tray: bool | None = None) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self.use_tray = QSystemTrayIcon.isSystemTrayAvailable() if tray is None else tray
        self.last_message = ""
        self.tray: QSystemTrayIcon | None = None
        self.banner: QToolBar | None = None
        self.timer = QTimer(self, interval=HOUR_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self, self.check)  # right after unlocking

    def check(self) -> None:
        # Nobody asked for this check: a failure is logged (with its kind), never a window.
        vault_op(self._window, self._session, _counts).success(self._counted).quietly().run()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def _counted(self, counts: tuple[int, int]) -> None:
        overdue, today = counts
        if not overdue and not today:
            self.last_message = ""
            if self.banner is not None:
                self.banner.hide()
            return
        self.last_message = self.tr("Follow-ups: {overdue} overdue, {today} due today.").format(
            overdue=overdue, today=today
        )
        if self.use_tray:
            self._tray_message(self.last_message)
        else:
            self._banner_message(self.last_message)

    def _tray_message(self, text: str) -> None:
        if self.tray is None:
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Security consultant"))
            self.tray.messageClicked.connect(self._open)
            self.tray.activated.connect(lambda _reason: self._open())
            self.tray.show()
        self.tray.showMessage(self.tr("Follow-ups"), text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def _banner_message(self, text: str) -> None:
        if self.banner is None:
            bar = QToolBar(self.tr("Reminder"), self._window)
            bar.setObjectName("follow_up_reminder")
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.setStyleSheet(theme.notice_style("QToolBar#follow_up_reminder"))
            self.banner_text = QLabel()
            self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
            show = QPushButton(self.tr("Show follow-ups"))
            show.clicked.connect(self._open)
            close = QPushButton(self.tr("Dismiss"))
            close.clicked.connect(lambda: bar.hide())
            bar.addWidget(self.banner_text)
            bar.addSeparator()
            bar.addWidget(show)
            bar.addWidget(close)
            self._window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
            self.banner = bar
        self.banner_text.setText(text)
        self.banner.show()

    def _open(self) -> None:
        if self.banner is not None:
            self.banner.hide()
        self.open_requested.emit()
