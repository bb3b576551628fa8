"""Synkronisering: what leaves this laptop. Every month in the outbox with its version, state,
attempts, sent time and the receiver's last error; the exact package JSON of the chosen row;
"Opdatér pakker" (refresh_outbox) and "Send nu" (sync_pending, with progress and Cancel); the
receiver it sends to, and "Skift opsætning…" (ui/sync/setup_dialog.py) to set it up. While
unlocked, the session's timer (the main window's, not this screen's) asks it to sync in the
background when sync is set up, whether or not the screen was ever opened."""

import json
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.sync import (
    Outcome,
    SyncNotConfiguredError,
    SyncProgress,
    SyncReport,
    SyncSettingsView,
    refresh_outbox,
    sync_pending,
)
from consultant_app.sync.settings import PROXY_NONE, PROXY_SYSTEM
from consultant_app.sync.status import OutboxRow, SyncStatus, sync_status
from ui import theme
from ui.labels import short_datetime
from ui.op import Op, Progress, alive, error_text, on_database, vault_op
from ui.section import Section, Session
from ui.sync.setup_dialog import SyncSetupDialog
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import StatusLine, heading


def _local(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


class SyncSection(Section):
    key = "sync"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loaded: SyncStatus | None = None
        self.busy = False
        self.last_report: SyncReport | None = None
        self.transport = None  # tests hand an httpx transport; None means the real network
        self.policy = None  # tests shorten the retries; None means the client's own
        self.setup_dialog: SyncSetupDialog | None = None

        self.model: RecordTableModel[OutboxRow] = RecordTableModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Packages in the outbox"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.package = QPlainTextEdit()
        self.package.setReadOnly(True)
        self.package.setAccessibleName(self.tr("The package as it is sent"))
        self.package.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.package.setPlaceholderText(self.tr("Choose a month to see the package that is sent."))
        explanation = QLabel(
            self.tr(
                "This is exactly what is sent to SIRI. It holds only counts: no names, no text and "
                "no dates finer than the month."
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet(theme.muted_style())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(explanation)
        right_layout.addWidget(self.package, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.refresh_button = QPushButton(self.tr("&Refresh packages"))
        self.refresh_button.setToolTip(self.tr("Queue a new version of each month whose counts changed"))
        self.refresh_button.clicked.connect(self.refresh)
        self.send_button = QPushButton(self.tr("&Send now"))
        self.send_button.setToolTip(self.tr("Send every waiting package to SIRI's receiver"))
        self.send_button.clicked.connect(self.send_now)
        self.setup_button = QPushButton(self.tr("Set &up sync…"))
        self.setup_button.clicked.connect(self.open_setup)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.send_button)
        actions.addStretch(1)
        actions.addWidget(self.setup_button)

        self.receiver = QLabel()  # where the packages go (never the token)
        self.receiver.setWordWrap(True)
        self.receiver.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receiver.hide()
        self.hint = QLabel(
            self.tr(
                "Sending is not set up yet. Choose “Set up sync…” and enter the receiver's address and "
                "the access token from SIRI."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setStyleSheet(theme.notice_style())
        self.hint.hide()
        self.status = StatusLine()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(QLabel(self.tr("What leaves this laptop: one package of counts per month.")))
        layout.addLayout(actions)
        layout.addWidget(self.receiver)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.table)

        self._set_busy(False)

    def title(self) -> str:
        return self.tr("Sync")

    def _columns(self) -> list[Column[OutboxRow]]:
        return [
            Column(self.tr("Month"), lambda row: row.month),
            Column(self.tr("Version"), lambda row: str(row.version), align=RIGHT),
            Column(self.tr("State"), lambda row: self.state_text(row.state)),
            Column(self.tr("Attempts"), lambda row: str(row.attempts), align=RIGHT),
            Column(self.tr("Sent"), lambda row: short_datetime(_local(row.sent_at))),
            Column(
                self.tr("Last error"),
                lambda row: (row.last_error or "").replace("\n", " "),
                tip=lambda row: row.last_error,
            ),
        ]

    def state_text(self, state: str) -> str:
        return {
            "pending": self.tr("pending"),
            "sent": self.tr("sent"),
            "failed": self.tr("failed"),
            "replaced": self.tr("replaced"),
        }.get(state, state)

    # --- loading --------------------------------------------------------------------------

    def activate(self) -> None:
        self._reload()

    def _reload(self) -> None:
        vault_op(self, self.session, sync_status).success(self._loaded).report_to(self.status.error).run()

    def _loaded(self, data: SyncStatus) -> None:
        self.loaded = data
        current = self.selected_row()
        self.model.set_rows(data.rows)
        select_row = 0 if data.rows else -1
        if current is not None:
            found = self.model.find(lambda row: row.id == current.id)
            select_row = found if found is not None else select_row
        if select_row >= 0:
            self.table.selectRow(select_row)
        self._selection_changed()
        self.hint.setVisible(not data.configured)
        self._show_receiver(data.settings if data.configured else None)
        self._set_busy(self.busy)
        if not data.rows and not self.status.text():
            self.status.info(self.tr("The outbox is empty. “Refresh packages” builds the complete months."))

    def _show_receiver(self, settings: SyncSettingsView | None) -> None:
        self.setup_button.setText(self.tr("Chan&ge setup…") if settings else self.tr("Set &up sync…"))
        if settings is None:
            self.receiver.hide()
            return
        proxy = {PROXY_SYSTEM: self.tr("the system's proxy settings"), PROXY_NONE: self.tr("no proxy")}.get(
            settings.proxy, settings.proxy
        )
        ca = settings.ca_file or self.tr("the system's certificates")
        self.receiver.setText(
            self.tr("Receiver: {endpoint} · Proxy: {proxy} · Trusts: {ca}").format(
                endpoint=settings.endpoint, proxy=proxy, ca=ca
            )
        )
        self.receiver.show()

    # --- setting up -----------------------------------------------------------------------

    def open_setup(self) -> None:
        """The setup dialog, window-modal; a saved setup is shown at once."""
        if self.setup_dialog is not None and self.setup_dialog.isVisible():
            self.setup_dialog.raise_()
            return
        current = self.loaded.settings if self.loaded is not None else None
        dialog = SyncSetupDialog(self.session, current, self)
        dialog.saved.connect(self._setup_saved)
        self.setup_dialog = dialog
        dialog.open()

    def _setup_saved(self, _view: SyncSettingsView) -> None:
        self.status.ok(self.tr("The sync setup was saved in the vault."))
        self._reload()

    # --- the chosen package ---------------------------------------------------------------

    def selected_row(self) -> OutboxRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_month(self, month: str) -> None:
        found = self.model.find(lambda row: row.month == month)
        if found is not None:
            self.table.selectRow(found)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            self.package.clear()
            return
        try:
            text = json.dumps(json.loads(row.payload), indent=2, ensure_ascii=False)
        except ValueError:
            text = row.payload
        self.package.setPlainText(text)

    # --- actions --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.busy:
            return
        self._set_busy(True)
        vault_op(self, self.session, refresh_outbox).success(self._refreshed).report_to(
            self.status.error
        ).finally_(lambda: self._set_busy(False)).run()

    def _refreshed(self, queued: list) -> None:
        if queued:
            self.status.ok(self.tr("{n} new package(s) queued.").format(n=len(queued)))
        else:
            self.status.ok(self.tr("No month has changed: nothing new to send."))
        self._reload()

    def send_now(self) -> None:
        self._sync(quiet=False)

    def background_sync(self) -> None:
        """From the session's timer: only when sync is set up and nothing else runs; silent
        unless it sent. The settings are read first: the screen may never have been opened."""
        if self.busy:
            return

        def checked(status: SyncStatus) -> None:
            self._loaded(status)
            if status.configured and not self.busy:
                self._sync(quiet=True)

        vault_op(self, self.session, sync_status).success(checked).quietly().run()

    def _sync(self, *, quiet: bool) -> None:
        if self.busy:
            return
        vault, transport, policy = self.session.vault, self.transport, self.policy
        network, in_vault = self.session.network, on_database(self.session)
        cancel = network.cancel_event()  # set by the dialog's Cancel, or by locking
        sending = self.tr("Sending %1 (%2 of %3)")

        def work(progress: Progress | None = None) -> SyncReport:
            def step(at: SyncProgress) -> None:
                if progress is not None:
                    text = _fill(sending, at.month, at.done, at.total) if at.month else ""
                    progress.report(at.done, at.total, text)

            return sync_pending(
                vault, progress=step, cancel=cancel, transport=transport, policy=policy, in_vault=in_vault
            )

        self._set_busy(True)
        op = Op(self, network, work).success(lambda report: self._synced(report, quiet))
        op.failure(lambda error: self._sync_failed(error, quiet)).finally_(lambda: self._set_busy(False))
        if quiet:
            op.quietly()  # the background run opens no window and reports only what it sent
        else:
            op.progress(self.tr("Sending packages to SIRI…"), event=cancel)
        op.run()

    def _synced(self, report: SyncReport, quiet: bool) -> None:
        self.last_report = report
        if report.stopped is not None:
            self.status.error(self._stopped_text(report))
        elif report.cancelled:
            self.status.error(self.tr("Stopped. {n} package(s) are still waiting.").format(n=report.pending))
        elif report.failed:
            self.status.error(
                self.tr("{n} package(s) were refused by the receiver; see the last error.").format(
                    n=len(report.failed)
                )
            )
        elif report.sent or not quiet:
            self.status.ok(self.tr("{n} package(s) sent.").format(n=len(report.sent)))
        self._reload()

    def _stopped_text(self, report: SyncReport) -> str:
        """The core's reason, except where it names a command-line option: here the fix is
        "Skift opsætning…"."""
        assert report.stopped is not None
        outcome, n = report.stopped.outcome, report.pending
        if outcome is Outcome.UNAUTHORIZED:
            return self.tr(
                "The receiver refused the access token (401): it is unknown or withdrawn. Ask SIRI for a "
                "new one and paste it under “Change setup…”. {n} package(s) waiting."
            ).format(n=n)
        if outcome is Outcome.TLS:
            return self.tr(
                "The receiver's certificate could not be verified. Check the address and the CA file under "
                "“Change setup…” (“Test connection” says more). {n} package(s) waiting."
            ).format(n=n)
        return str(report.stopped)

    def _sync_failed(self, error: Exception, quiet: bool) -> None:
        if isinstance(error, SyncNotConfiguredError):
            self.hint.show()
        if not quiet:
            self.status.error(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        configured = self.loaded is not None and self.loaded.configured
        self.refresh_button.setEnabled(not busy)
        self.send_button.setEnabled(not busy and configured)
        self.send_button.setToolTip(
            self.tr("Send every waiting package to SIRI's receiver")
            if configured
            else self.tr("Sending is not set up yet")
        )

    # --- state ----------------------------------------------------------------------------

    def state(self) -> dict:
        row = self.selected_row()
        return {"month": row.month} if row is not None else {}

    def restore(self, state: dict) -> None:
        month = state.get("month")
        if isinstance(month, str):
            QTimer.singleShot(0, alive(self, lambda: self.select_month(month)))


def _fill(text: str, month: str | None, done: int, total: int) -> str:
    """Qt's %1-style placeholders (the translation keeps them): "Sender 2026-03 (2 af 5)"."""
    return text.replace("%1", month or "").replace("%2", str(done)).replace("%3", str(total))
