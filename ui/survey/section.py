"""Spørgeskema: the survey campaigns; for the chosen one, who should get the link (once per
professional, however many contacts) and the ways to send it; then the responses per region and
the response rate, exported as CSV or XLSX.

Every recording goes through the core, which refuses a second link to the same professional in
a campaign; its message (Danish) is shown as it is.
"""

from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.survey import (
    BatchResult,
    CampaignInfo,
    EligibleProfessional,
    eligible_professionals,
    likely_duplicates,
    list_campaigns,
    mailto_for,
    message_for,
    record_dispatch,
    record_dispatches,
    send_batch,
    set_responses,
    survey_report,
    table_rows,
    write_report,
)
from ui.labels import short_date
from ui.op import Op, Progress, on_database, vault_op
from ui.section import Section, Session
from ui.survey.dialogs import CampaignDialog, SmtpDialog
from ui.widgets import StatusLine, heading, save_key

ID_ROLE = Qt.ItemDataRole.UserRole
NOT_ENTERED = -1  # the responses spin box's "–"


def _campaign_data(session, campaign_id: int):
    return (
        eligible_professionals(session, campaign_id),
        likely_duplicates(session, campaign_id),
        survey_report(session, campaign_id),
    )


def percent(rate: float | None) -> str:
    """33,3 % in Danish; "–" where there is no rate (no link sent, or no responses entered)."""
    if rate is None:
        return "–"

    return f"{QLocale().toString(rate * 100, 'f', 1)} %"


class SurveySection(Section):
    key = "survey"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.campaigns: list[CampaignInfo] = []
        self.eligible: list[EligibleProfessional] = []
        self.report_rows: list[tuple] = []
        self._campaign_id: int | None = None
        self.dialog = None

        # --- the campaigns ---
        self.campaign_list = QListWidget()
        self.campaign_list.setAccessibleName(self.tr("Campaigns"))
        self.campaign_list.currentItemChanged.connect(self._campaign_changed)
        self.new_button = QPushButton(self.tr("&New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.smtp_button = QPushButton(self.tr("Mail &server…"))
        self.smtp_button.clicked.connect(self.smtp_settings)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Campaigns")))
        left_layout.addWidget(self.campaign_list, 1)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.smtp_button)

        # --- who should get the link ---
        self.campaign_title = heading("", 1.15)
        self.campaign_title.setTextFormat(Qt.TextFormat.PlainText)
        self.campaign_info = QLabel()
        self.campaign_info.setWordWrap(True)
        self.campaign_info.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicates.setStyleSheet("QLabel { background: #fff4ce; padding: 6px; }")
        self.duplicates.hide()
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Who gets the link"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("E-mail"),
                self.tr("Organisation"),
                self.tr("Contacts"),
                self.tr("First contact"),
                self.tr("Region"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (3, 70), (4, 100), (5, 120)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.count = QLabel()

        def button(text: str, slot, tip: str) -> QPushButton:
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
        self.status = StatusLine()

        recipients = QWidget()
        r_layout = QVBoxLayout(recipients)
        r_layout.addWidget(self.duplicates)
        r_layout.addWidget(self.table, 1)
        r_layout.addWidget(self.count)
        r_layout.addLayout(actions)

        # --- responses and the report ---
        self.responses: dict[str, QSpinBox] = {}
        entry = QFormLayout()
        for code in load_codes()["region"]:
            spin = QSpinBox()
            spin.setRange(NOT_ENTERED, 1_000_000)
            spin.setSpecialValueText("–")
            spin.setValue(NOT_ENTERED)
            spin.setAccessibleName(code.label())
            self.responses[code.code] = spin
            entry.addRow(code.label(), spin)
        self.save_responses_button = QPushButton(self.tr("Save &responses"))
        self.save_responses_button.clicked.connect(self.save_responses)
        save_key(self.save_responses_button, self)
        entry.addRow("", self.save_responses_button)
        entry_box = QWidget()
        entry_column = QVBoxLayout(entry_box)
        entry_column.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(self.tr("Responses per region, as the survey tool reports them:"))
        explain.setWordWrap(True)
        entry_column.addWidget(explain)
        entry_column.addLayout(entry)
        entry_column.addStretch(1)
        self.report = QTableWidget(0, 4)
        self.report.setAccessibleName(self.tr("Responses per region"))
        self.report.setHorizontalHeaderLabels(
            [self.tr("Region"), self.tr("Links sent"), self.tr("Responses"), self.tr("Response rate")]
        )
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.export_csv_button = QPushButton(self.tr("Export &CSV…"))
        self.export_csv_button.clicked.connect(lambda: self.export_report("csv"))
        self.export_xlsx_button = QPushButton(self.tr("Export &XLSX…"))
        self.export_xlsx_button.clicked.connect(lambda: self.export_report("xlsx"))
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.export_csv_button)
        exports.addWidget(self.export_xlsx_button)
        report_box = QWidget()
        report_column = QVBoxLayout(report_box)
        report_column.setContentsMargins(0, 0, 0, 0)
        report_column.addWidget(self.report, 1)
        report_column.addLayout(exports)
        results = QWidget()
        results_row = QHBoxLayout(results)
        results_row.addWidget(entry_box)
        results_row.addWidget(report_box, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(recipients, self.tr("Recipients"))
        self.tabs.addTab(results, self.tr("Responses and report"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.campaign_title)
        right_layout.addWidget(self.campaign_info)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.status)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.campaign_list)
        self._show_campaign(None)

    def title(self) -> str:
        return self.tr("Survey")

    # --- loading --------------------------------------------------------------------------

    def activate(self) -> None:
        vault_op(self, self.session, list_campaigns).success(self._campaigns_loaded).report_to(
            self.status.error
        ).run()

    def _campaigns_loaded(self, campaigns: list[CampaignInfo]) -> None:
        self.campaigns = campaigns
        wanted = self._campaign_id
        self.campaign_list.blockSignals(True)
        self.campaign_list.clear()
        for campaign in campaigns:
            item = QListWidgetItem(f"{campaign.name}\n{campaign.code}", self.campaign_list)
            item.setData(ID_ROLE, campaign.id)
            item.setToolTip(campaign.code)
        self.campaign_list.blockSignals(False)
        row = next((n for n, c in enumerate(campaigns) if c.id == wanted), 0 if campaigns else -1)
        self.campaign_list.setCurrentRow(row)
        if row < 0:
            self._show_campaign(None)

    def _campaign_changed(self, item: QListWidgetItem | None) -> None:
        campaign_id = item.data(ID_ROLE) if item is not None else None
        self._show_campaign(next((c for c in self.campaigns if c.id == campaign_id), None))

    @property
    def campaign(self) -> CampaignInfo | None:
        return next((c for c in self.campaigns if c.id == self._campaign_id), None)

    def _show_campaign(self, campaign: CampaignInfo | None) -> None:
        self._campaign_id = campaign.id if campaign else None
        self.tabs.setEnabled(campaign is not None)
        if campaign is None:
            self.campaign_title.setText(self.tr("No campaign yet"))
            self.campaign_info.setText(
                self.tr("Create a campaign with the survey link from the agency: New campaign.")
            )
            self.table.setRowCount(0)
            self.report.setRowCount(0)
            self._selection_changed()
            return
        self.campaign_title.setText(campaign.name)
        self.campaign_info.setText(
            self.tr(
                "Code {code} · period {start} – {end} · {sent} link(s) sent, {not_relevant} not relevant"
            ).format(
                code=campaign.code,
                start=short_date(campaign.period_from),
                end=short_date(campaign.period_to),
                sent=campaign.links_sent,
                not_relevant=campaign.not_relevant,
            )
        )
        self.reload()

    def reload(self) -> None:
        """The chosen campaign's recipients and report (after each recording)."""
        if self._campaign_id is None:
            return
        wanted = self._campaign_id

        def loaded(result) -> None:
            if wanted == self._campaign_id:
                self._campaign_loaded(*result)

        vault_op(self, self.session, _campaign_data, wanted).success(loaded).report_to(
            self.status.error
        ).run()

    def _campaign_loaded(self, eligible, duplicates, report) -> None:
        self.eligible = eligible
        chosen = set(self.selected_ids())
        self.table.setRowCount(len(eligible))
        self.table.setSortingEnabled(False)
        for n, person in enumerate(eligible):
            flagged = bool(person.shares_email_with)
            name = person.name + (" ⚠" if flagged else "")
            cells = (
                name,
                person.email or self.tr("(no e-mail)"),
                person.organisation_name or "",
                str(person.contacts),
                short_date(person.first_contact_on),
                load_codes()["region"].label(person.region).removeprefix("Region "),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, person.professional_id)
                if flagged:
                    item.setToolTip(
                        self.tr("Same e-mail address as another professional: probably one person.")
                    )
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(n, column, item)
            if person.professional_id in chosen:
                self.table.selectRow(n)
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
        self._show_report(report)
        self._selection_changed()

    def _show_report(self, report) -> None:
        self.report_rows = table_rows(report)
        self.report.setRowCount(len(self.report_rows))
        for n, (region, links, responses, rate) in enumerate(self.report_rows):
            for column, text in enumerate((region, str(links), str(responses), percent(rate))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if n == len(self.report_rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.report.setItem(n, column, item)
        for code, figures in report.regions.items():
            spin = self.responses[code]
            if not spin.hasFocus():
                spin.setValue(figures.responses if figures.responses_entered else NOT_ENTERED)

    # --- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows if self.table.item(row, 0)]

    def select_professional(self, professional_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) == professional_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        ids = self.selected_ids() if self._campaign_id is not None else []
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
        if len(ids) != 1 or self._campaign_id is None:
            return
        campaign_id, pid = self._campaign_id, ids[0]

        def opened(link) -> None:
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
        if len(ids) != 1 or self._campaign_id is None:
            return
        campaign_id, pid = self._campaign_id, ids[0]

        def copied(message) -> None:
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
        campaign_id = self._campaign_id
        if len(ids) == 1:  # one: the core's own refusal, typed, in its words
            pid = ids[0]

            def work(session):
                record_dispatch(session, campaign_id, pid, status=status, channel=channel, method=method)
                return 1, ()

        else:

            def work(session):
                outcome = record_dispatches(
                    session, campaign_id, ids, status=status, channel=channel, method=method
                )
                return len(outcome.recorded), tuple(r.message for r in outcome.refused)

        def recorded(result) -> None:
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
            self.activate
        ).run()

    def send_through_smtp(self) -> None:
        ids = self.selected_ids()
        if not ids or self._campaign_id is None:
            return
        if not self.confirm(
            self.tr("Send through SMTP"),
            self.tr("Send the e-mail with the survey link to %n professional(s) now?", "", len(ids)),
        ):
            return
        campaign_id, vault = self._campaign_id, self.session.vault
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
        ).cancelled(stopped).report_to(self.status.error).finally_(self.activate).run()

    # --- responses and the report ---------------------------------------------------------

    def save_responses(self) -> None:
        campaign_id = self._campaign_id
        entered = {code: spin.value() for code, spin in self.responses.items() if spin.value() != NOT_ENTERED}
        if campaign_id is None or not entered:
            return

        def work(session):
            for region, count in entered.items():
                set_responses(session, campaign_id, region, count)

        def saved(_result) -> None:
            self.status.ok(self.tr("The responses are saved."))
            self.reload()

        vault_op(self, self.session, work).success(saved).report_to(self.status.error).run()

    def export_report(self, fmt: str) -> None:
        campaign = self.campaign
        if campaign is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel workbook (*.xlsx)")}
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export survey report"),
            str(Path(folder) / f"spoergeskema-{campaign.code}.{fmt}"),
            filters[fmt],
        )
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"

        def work():
            return write_report(self.session.vault, campaign.id, path, fmt, overwrite=True)

        def written(written_path) -> None:
            self.status.ok(self.tr("The report is written to {path}.").format(path=written_path))

        Op(self, self.session.lane, work).success(written).report_to(self.status.error).run()

    # --- dialogs --------------------------------------------------------------------------

    def new_campaign(self) -> None:
        self.dialog = CampaignDialog(self.session, self)

        def created(campaign: CampaignInfo) -> None:
            self._campaign_id = campaign.id
            self.status.ok(self.tr("Campaign {code} is created.").format(code=campaign.code))
            self.activate()

        self.dialog.saved.connect(created)
        self.dialog.open()

    def smtp_settings(self) -> None:
        self.dialog = SmtpDialog(self.session, self)
        self.dialog.saved.connect(lambda _view: self.status.ok(self.tr("The mail server is saved.")))
        self.dialog.open()

    # --- navigation state -----------------------------------------------------------------

    def state(self) -> dict:
        return {"campaign": self._campaign_id, "tab": self.tabs.currentIndex()}

    def restore(self, state: dict) -> None:
        campaign = state.get("campaign")
        self._campaign_id = campaign if isinstance(campaign, int) else None
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
