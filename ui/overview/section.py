"""Overblik: overdue follow-ups first (the first worry of the day), then today's, this month's
inquiries and the open courses; each a count and a list whose entries open the case. A line at
the top shows the last verified automatic backup, warns when there has been none for a week or
the folder is gone, and lets the user choose the folder (which writes the first backup at once)."""

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.retention.due import DueCase
from consultant_app.services.inquiry_list import InquiryRow
from consultant_app.services.overview import FollowUpItem, Overview, overview
from consultant_app.services.vault_admin import AutoBackupResult, BackupStatus, backup_status, run_auto_backup
from ui import theme
from ui.handover.dialogs import EraseDialog, ReceiveDialog
from ui.labels import label, short_date, short_datetime
from ui.op import Op, vault_op
from ui.section import Section, Session
from ui.table_model import Column, RecordTableModel
from ui.widgets import StatusLine, heading

ID_ROLE = Qt.ItemDataRole.UserRole
Line = tuple[int | None, str]  # the inquiry id (None: the "nothing here" line) and its text
Index = QModelIndex | QPersistentModelIndex


class LineModel(RecordTableModel[Line]):
    """Lines that each stand for a case; the line saying the list is empty cannot be chosen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((Column("", lambda line: line[1]),), parent)

    def role_data(self, row: Line, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row[0] is None:
            # Not the disabled grey (about 1.8:1 on white): readable, though it cannot be chosen.
            return QColor(theme.tones().muted)
        return row[0] if role == ID_ROLE else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.row_at(index.row())[0] is None:
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index)


class CaseList(QWidget):
    """A heading with a count, and the cases; Enter or a double click opens one."""

    def __init__(self, open_case: Callable[[int], None], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading("", 1.15)
        self.more = QLabel()
        self.lines = LineModel(self)
        self.list = QListView()
        self.list.setModel(self.lines)
        self.list.setAccessibleName(title)  # before the first load too: what a screen reader says
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda index: self._open(open_case, index))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)

    def _open(self, open_case: Callable[[int], None], index: Index) -> None:
        inquiry_id = self.lines.row_at(index.row())[0]
        if inquiry_id is not None:
            open_case(inquiry_id)

    def show_items(self, title: str, count: int, lines: list[tuple[int, str]], empty: str) -> None:
        self.heading.setText(f"{title}: {count}")
        self.list.setAccessibleName(title)
        self.lines.set_rows(lines if lines else [(None, empty)])
        shown = len(lines)
        self.more.setText(self.tr("The first {shown} of {count} are shown.").format(shown=shown, count=count))
        self.more.setVisible(count > shown)

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.lines.row_at(index.row())[0] if index.isValid() else None


class OverviewSection(Section):
    key = "overview"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.overdue = CaseList(self.open_case.emit, self.tr("Overdue follow-ups"))
        self.due_today = CaseList(self.open_case.emit, self.tr("Follow-ups today"))
        self.month = CaseList(self.open_case.emit, self.tr("Inquiries this month"))
        self.courses = CaseList(self.open_case.emit, self.tr("Open courses"))
        # Cases past the retention period or handed over: offered for erasure (docs/retention.md).
        self.erasure = CaseList(self.open_case.emit, self.tr("Cases due for erasure"))
        self.erase_button = QPushButton(self.tr("&Erase selected case…"))
        self.erase_button.setAutoDefault(False)
        self.erase_button.clicked.connect(self.erase_selected)
        self.receive_button = QPushButton(self.tr("Recei&ve case…"))
        self.receive_button.setAutoDefault(False)
        self.receive_button.clicked.connect(self.receive_case)
        self.error = StatusLine()
        self.backup_line = StatusLine()
        self.backup_button = QPushButton(self.tr("Choose &backup folder…"))
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.choose_backup_folder)
        self.backup: BackupStatus | None = None
        self.data: Overview | None = None
        self._due: dict[int, DueCase] = {}
        grid = QGridLayout()
        grid.addWidget(self.overdue, 0, 0)
        grid.addWidget(self.due_today, 0, 1)
        grid.addWidget(self.month, 1, 0)
        grid.addWidget(self.courses, 1, 1)
        grid.addWidget(self.erasure, 2, 0, 1, 2)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Overview")), 1)
        top.addWidget(self.receive_button)
        top.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_line, 1)
        backup_row.addWidget(self.backup_button)
        layout.addLayout(backup_row)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)
        self.setFocusProxy(self.overdue.list)

    def title(self) -> str:
        return self.tr("Overview")

    def activate(self) -> None:
        vault_op(self, self.session, overview).success(self._loaded).report_to(self.error.error).run()
        vault_op(self, self.session, backup_status).success(self._show_backup).report_to(
            self.error.error
        ).run()

    def _show_backup(self, status: BackupStatus) -> None:
        self.backup = status
        if status.folder is None:
            self.backup_line.error(self.tr("No folder is chosen for automatic backups."))
        elif not status.folder_reachable:
            self.backup_line.error(
                self.tr("The backup folder cannot be reached: {path}").format(path=status.folder)
            )
        elif status.last_good_at is None:
            self.backup_line.error(self.tr("No verified automatic backup has been made yet."))
        else:
            when = _local(status.last_good_at)
            if status.warning is not None:
                self.backup_line.error(
                    self.tr("No verified backup for more than 7 days (latest: {when}).").format(when=when)
                )
            else:
                self.backup_line.ok(self.tr("Latest verified backup: {when}").format(when=when))

    def choose_backup_folder(self) -> None:
        start = str(self.backup.folder) if self.backup and self.backup.folder else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"), start)
        if not folder:
            return
        vault = self.session.vault
        self.backup_line.info(self.tr("Writing and checking a backup…"))
        Op(self, self.session.lane, lambda: run_auto_backup(vault, folder=folder)).success(
            self._backed_up
        ).report_to(self.backup_line.error).run()

    def _backed_up(self, _result: AutoBackupResult) -> None:
        vault_op(self, self.session, backup_status).success(self._show_backup).report_to(
            self.error.error
        ).run()

    def _loaded(self, data: Overview) -> None:
        self.data = data
        self.error.clear()
        self.overdue.show_items(
            self.tr("Overdue follow-ups"),
            data.overdue_count,
            [self._follow_up(f) for f in data.overdue],
            self.tr("Nothing is overdue."),
        )
        self.due_today.show_items(
            self.tr("Follow-ups today"),
            data.due_today_count,
            [self._follow_up(f) for f in data.due_today],
            self.tr("No follow-ups today."),
        )
        self.month.show_items(
            self.tr("Inquiries this month"),
            data.month_count,
            [self._inquiry(r) for r in data.month_inquiries],
            self.tr("No inquiries yet this month."),
        )
        self.courses.show_items(
            self.tr("Open courses"),
            data.open_course_count,
            [self._inquiry(r) for r in data.open_courses],
            self.tr("No open courses."),
        )
        self._show_erasure(data)

    def _show_erasure(self, data: Overview) -> None:
        self._due = {d.inquiry_id: d for d in data.erasure_due}
        self.erasure.show_items(
            self.tr("Cases due for erasure"),
            len(data.erasure_due),
            [
                (d.inquiry_id, f"{d.case_code} · {d.label()} · {short_date(d.due_on)}")
                for d in data.erasure_due
            ],
            self.tr("No case is due for erasure."),
        )
        self.erase_button.setEnabled(bool(data.erasure_due))

    def erase_selected(self) -> None:
        inquiry_id = self.erasure.current_id()
        due = self._due.get(inquiry_id) if inquiry_id is not None else None
        if due is None:
            return
        dialog = EraseDialog(self.session, due.case_code, due.reason, self)
        dialog.erased.connect(lambda _r: self.activate())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def receive_case(self) -> None:
        dialog = ReceiveDialog(self.session, parent=self)
        dialog.received.connect(lambda result: self.open_case.emit(result.inquiry_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _follow_up(self, item: FollowUpItem) -> tuple[int, str]:
        text = f"{item.case_code} · {label('follow_up_type', item.type)} · {short_date(item.due_on)}"
        return item.inquiry_id, text

    def _inquiry(self, row: InquiryRow) -> tuple[int, str]:
        parts = (
            row.case_code,
            short_date(row.received_at.date()),
            label("inquirer_type", row.inquirer_type),
            label("region", row.region),
        )
        return row.id, " · ".join(parts)


def _local(utc: datetime) -> str:
    """A stored naive-UTC time as the user's local wall time."""
    return short_datetime(utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))
