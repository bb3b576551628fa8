"""The Spørgeskema screen's first tab: who should get the chosen campaign's link (once per
professional, however many contacts) and the ways to send it.

Every recording goes through the core, which refuses a second link to the same professional in
a campaign; its message (Danish) is shown as it is. After each recording, whether it went
through or not, `recorded` asks the screen to reload: the list may be out of date (another
window, another laptop).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.survey import (
    BatchResult,
    DispatchMessage,
    DuplicateGroup,
    EligibleProfessional,
    MailtoLink,
    mailto_for,
    message_for,
    record_dispatch,
    record_dispatches,
    send_batch,
)
from ui import theme
from ui.labels import short_date
from ui.op import Op, Progress, on_database, vault_op
from ui.section import Session
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import StatusLine

ID_ROLE = Qt.ItemDataRole.UserRole


class RecipientModel(RecordTableModel[EligibleProfessional]):
    """The professionals who should get the link; a ⚠ on those who share an e-mail address."""

    NAME, EMAIL, ORGANISATION, CONTACTS, FIRST_CONTACT, REGION = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        twin = self.tr("Same e-mail address as another professional: probably one person.")

        def warning(person: EligibleProfessional) -> str | None:
            return twin if person.shares_email_with else None

        self.columns = (
            Column(
                self.tr("Name"),
                lambda p: p.name + (" ⚠" if p.shares_email_with else ""),
                tip=warning,
            ),
            Column(self.tr("E-mail"), lambda p: p.email or self.tr("(no e-mail)"), tip=warning),
            Column(self.tr("Organisation"), lambda p: p.organisation_name or "", tip=warning),
            Column(self.tr("Contacts"), lambda p: str(p.contacts), align=RIGHT, tip=warning),
            Column(self.tr("First contact"), lambda p: short_date(p.first_contact_on), tip=warning),
            Column(
                self.tr("Region"),
                lambda p: load_codes()["region"].label(p.region).removeprefix("Region "),
                tip=warning,
            ),
        )

    def role_data(self, row: EligibleProfessional, column: int, role: int) -> object:
        return row.professional_id if role == ID_ROLE else None


class RecipientsTab(QWidget):
    recorded = Signal()  # a recording was tried: reload the campaign

    def __init__(self, session: Session, status: StatusLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = status  # the screen's, under both tabs
        self.campaign_id: int | None = None

        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicates.setStyleSheet(theme.notice_style())
        self.duplicates.hide()
        self.model = RecipientModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Who gets the link"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RecipientModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecipientModel.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (3, 70), (4, 100), (5, 120)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count = QLabel()

        def button(text: str, slot: Callable[[], None], tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.mailto_button = button(
            self.tr("Open in &mail program"),
            self.open_mail_program,
            self.tr("Open the e-mail to the chosen professional in the mail program"),
        )
        self.copy_button = button(
            self.tr("&Copy text"), self.copy_text, self.tr("Copy the e-mail text to paste it yourself")
        )
        self.smtp_send_button = button(
            self.tr("Send through SM&TP…"),
            self.send_through_smtp,
            self.tr("Send the e-mail to every chosen professional through the mail server"),
        )
        self.other_button = button(
            self.tr("Sent &another way…"),
            self.mark_sent_other,
            self.tr("Record that the link was sent by phone, mail or otherwise"),
        )
        self.not_relevant_button = button(
            self.tr("Not &relevant"),
            self.mark_not_relevant,
            self.tr("Record that the chosen professionals are not to get the link"),
        )
        actions = QHBoxLayout()
        for b in (
            self.mailto_button,
            self.copy_button,
            self.smtp_send_button,
            self.other_button,
            self.not_relevant_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(actions)

    # --- showing --------------------------------------------------------------------------

    def show_people(self, eligible: list[EligibleProfessional], duplicates: list[DuplicateGroup]) -> None:
        chosen = set(self.selected_ids())
        self.model.set_rows(eligible)
        for n, person in enumerate(eligible):
            if person.professional_id in chosen:
                self._select(n, keep=True)
        self.count.setText(self.tr("%n professional(s) should get the link.", "", len(eligible)))
        if duplicates:
            self.duplicates.setText(
                self.tr(
                    "⚠ %n group(s) share an e-mail address and are probably one person entered twice. "
                    "Merge them in Professionals before sending, so the link goes out only once.",
                    "",
                    len(duplicates),
                )
            )
        self.duplicates.setVisible(bool(duplicates))
        self._selection_changed()

    def clear(self) -> None:
        self.model.set_rows(())
        self._selection_changed()

    # --- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row).professional_id for row in rows]

    def select_professional(self, professional_id: int) -> None:
        row = self.model.find(lambda p: p.professional_id == professional_id)
        if row is not None:
            self._select(row, keep=False)

    def _select(self, row: int, *, keep: bool) -> None:
        """Choose `row` (added to the chosen ones when `keep`), as a click with Ctrl would."""
        flags = QItemSelectionModel.SelectionFlag
        chosen = self.table.selectionModel()
        chosen.select(self.model.index(row, 0), (flags.Select if keep else flags.ClearAndSelect) | flags.Rows)
        chosen.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)

    def _selection_changed(self) -> None:
        ids = self.selected_ids() if self.campaign_id is not None else []
        for b in (self.smtp_send_button, self.other_button, self.not_relevant_button):
            b.setEnabled(bool(ids))
        for b in (self.mailto_button, self.copy_button):
            b.setEnabled(len(ids) == 1)

    # --- confirmations (tests replace these) ----------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose_channel(self) -> str | None:
        labels = {"telefon": self.tr("By phone"), "mail": self.tr("By e-mail"), "andet": self.tr("Otherwise")}
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Sent another way"),
            self.tr("How was the link given?"),
            list(labels.values()),
            0,
            False,
        )
        if not ok:
            return None
        return next(code for code, label in labels.items() if label == text)

    # --- sending and recording ------------------------------------------------------------

    def open_mail_program(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.campaign_id is None:
            return
        campaign_id, pid = self.campaign_id, ids[0]

        def opened(link: MailtoLink) -> None:
            if not QDesktopServices.openUrl(QUrl(link.url, QUrl.ParsingMode.StrictMode)):
                # No mail program answered: nothing was sent, so nothing is recorded.
                self.status.error(
                    self.tr(
                        "No mail program answered, so nothing was sent or recorded. Use “Copy text” "
                        "and send it yourself, then record how it was sent."
                    )
                )
                return
            if link.truncated:
                self.status.ok(self.tr("The text was shortened to fit the mail program; the link is whole."))
            if self.confirm(self.tr("Open in mail program"), self.tr("Was the e-mail sent?")):
                self._record([pid], status="sent", channel="mail", method="mailto")

        vault_op(self, self.session, mailto_for, campaign_id, pid).success(opened).report_to(
            self.status.error
        ).run()

    def copy_text(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.campaign_id is None:
            return
        campaign_id, pid = self.campaign_id, ids[0]

        def copied(message: DispatchMessage) -> None:
            to = f"{message.to_name} <{message.to_address}>\n" if message.to_address else ""
            QGuiApplication.clipboard().setText(f"{to}{message.email.subject}\n\n{message.email.body}")
            self.status.ok(self.tr("The e-mail text is copied. Paste it into your mail."))
            if self.confirm(self.tr("Copy text"), self.tr("Was the text sent?")):
                self._record([pid], status="sent", channel="mail", method="copy")

        vault_op(self, self.session, message_for, campaign_id, pid).success(copied).report_to(
            self.status.error
        ).run()

    def mark_sent_other(self) -> None:
        ids = self.selected_ids()
        if ids and (channel := self.choose_channel()) is not None:
            self._record(ids, status="sent", channel=channel, method="manual")

    def mark_not_relevant(self) -> None:
        ids = self.selected_ids()
        if ids and self.confirm(
            self.tr("Not relevant"),
            self.tr("Record that %n professional(s) are not to get the link in this campaign?", "", len(ids)),
        ):
            self._record(ids, status="not_relevant", channel=None, method="manual")

    def _record(self, ids: list[int], *, status: str, channel: str | None, method: str) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        work: Callable[[Any], tuple[int, tuple[str, ...]]]
        if len(ids) == 1:  # one: the core's own refusal, typed, in its words
            pid = ids[0]

            def one(session: Any) -> tuple[int, tuple[str, ...]]:
                record_dispatch(session, campaign_id, pid, status=status, channel=channel, method=method)
                return 1, ()

            work = one
        else:

            def several(session: Any) -> tuple[int, tuple[str, ...]]:
                outcome = record_dispatches(
                    session, campaign_id, ids, status=status, channel=channel, method=method
                )
                return len(outcome.recorded), tuple(r.message for r in outcome.refused)

            work = several

        def recorded(result: tuple[int, tuple[str, ...]]) -> None:
            count, refusals = result
            text = (
                self.tr("Recorded as sent: %n professional(s).", "", count)
                if status == "sent"
                else self.tr("Recorded as not relevant: %n professional(s).", "", count)
            )
            if refusals:
                self.status.error("\n".join((text, *refusals)))
            else:
                self.status.ok(text)

        # After a refusal too the list may be out of date (another window, another laptop): reload.
        vault_op(self, self.session, work).success(recorded).report_to(self.status.error).finally_(
            self.recorded.emit
        ).run()

    def send_through_smtp(self) -> None:
        ids = self.selected_ids()
        if not ids or self.campaign_id is None:
            return
        if not self.confirm(
            self.tr("Send through SMTP"),
            self.tr("Send the e-mail with the survey link to %n professional(s) now?", "", len(ids)),
        ):
            return
        campaign_id, vault = self.campaign_id, self.session.vault
        network, in_vault = self.session.network, on_database(self.session)
        cancel = network.cancel_event()  # set by Stop, or by locking

        def work(progress: Progress) -> BatchResult:
            def step(done: int, total: int) -> None:
                progress.report(done, total)
                progress.check()  # Stop: what was sent before is recorded

            return send_batch(vault, campaign_id, ids, progress=step, in_vault=in_vault)

        def finished(result: BatchResult) -> None:
            lines = [self.tr("Sent and recorded: %n.", "", len(result.sent))]
            lines += [p.message for p in (*result.failed, *result.skipped)]
            if result.failed or result.skipped:
                self.status.error("\n".join(lines))
            else:
                self.status.ok("\n".join(lines))

        def stopped() -> None:
            self.status.error(self.tr("Sending stopped. The e-mails sent before are recorded."))

        Op(self, network, work).progress(self.tr("Sending the survey link…"), event=cancel).success(
            finished
        ).cancelled(stopped).report_to(self.status.error).finally_(self.recorded.emit).run()
