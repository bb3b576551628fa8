"""Spørgeskema: the survey campaigns; for the chosen one, who should get the link
(ui/survey/recipients.py) and the responses per region with the response rate
(ui/survey/responses.py). This module holds the campaign list and what the tabs share: the
chosen campaign, the status line and the loading.
"""

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app.survey import (
    CampaignInfo,
    DuplicateGroup,
    EligibleProfessional,
    SurveyReport,
    eligible_professionals,
    likely_duplicates,
    list_campaigns,
    survey_report,
)
from ui.labels import short_date
from ui.op import vault_op
from ui.section import Section, Session
from ui.survey.dialogs import CampaignDialog, SmtpDialog
from ui.survey.recipients import RecipientsTab
from ui.survey.responses import ResponsesTab
from ui.table_model import Column, RecordTableModel
from ui.widgets import StatusLine, heading

ID_ROLE = Qt.ItemDataRole.UserRole
CampaignData = tuple[list[EligibleProfessional], list[DuplicateGroup], SurveyReport]


class CampaignModel(RecordTableModel[CampaignInfo]):
    """The campaigns: each its name over its code."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((Column("", lambda c: f"{c.name}\n{c.code}", tip=lambda c: c.code),), parent)

    def role_data(self, row: CampaignInfo, column: int, role: int) -> object:
        return row.id if role == ID_ROLE else None


def _campaign_data(session: Any, campaign_id: int) -> CampaignData:
    return (
        eligible_professionals(session, campaign_id),
        likely_duplicates(session, campaign_id),
        survey_report(session, campaign_id),
    )


class SurveySection(Section):
    key = "survey"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._campaign_id: int | None = None
        self.dialog: QDialog | None = None

        # --- the campaigns ---
        self.campaign_model = CampaignModel(self)
        self.campaign_list = QListView()
        self.campaign_list.setModel(self.campaign_model)
        self.campaign_list.setAccessibleName(self.tr("Campaigns"))
        self.campaign_list.selectionModel().currentChanged.connect(self._campaign_changed)
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

        # --- the chosen campaign, in two tabs ---
        self.campaign_title = heading("", 1.15)
        self.campaign_title.setTextFormat(Qt.TextFormat.PlainText)
        self.campaign_info = QLabel()
        self.campaign_info.setWordWrap(True)
        self.campaign_info.setTextFormat(Qt.TextFormat.PlainText)
        self.status = StatusLine()
        self.recipients = RecipientsTab(session, self.status)
        self.recipients.recorded.connect(self.activate)
        self.results = ResponsesTab(session, self.status)
        self.results.saved.connect(self.reload)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.recipients, self.tr("Recipients"))
        self.tabs.addTab(self.results, self.tr("Responses and report"))
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
        wanted = self._campaign_id
        self.campaign_model.set_rows(campaigns)
        row = next((n for n, c in enumerate(campaigns) if c.id == wanted), 0 if campaigns else -1)
        if row < 0:
            self._show_campaign(None)
        else:  # shows it, through `_campaign_changed`
            self.campaign_list.setCurrentIndex(self.campaign_model.index(row, 0))

    def _campaign_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        chosen = self.campaign_model.row_at(current.row()) if current.isValid() else None
        self._show_campaign(chosen)

    @property
    def campaign(self) -> CampaignInfo | None:
        row = self.campaign_model.find(lambda c: c.id == self._campaign_id)
        return self.campaign_model.row_at(row) if row is not None else None

    def _show_campaign(self, campaign: CampaignInfo | None) -> None:
        self._campaign_id = campaign.id if campaign else None
        self.tabs.setEnabled(campaign is not None)
        if campaign is None:
            self.campaign_title.setText(self.tr("No campaign yet"))
            self.campaign_info.setText(
                self.tr("Create a campaign with the survey link from the agency: New campaign.")
            )
            self._set_campaign(None)
            self.recipients.clear()
            self.results.show_report(None)
            return
        self._set_campaign(campaign)
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

        def loaded(result: CampaignData) -> None:
            if wanted == self._campaign_id:
                self._campaign_loaded(*result)

        vault_op(self, self.session, _campaign_data, wanted).success(loaded).report_to(
            self.status.error
        ).run()

    def _set_campaign(self, campaign: CampaignInfo | None) -> None:
        self.recipients.campaign_id = campaign.id if campaign else None
        self.results.campaign = campaign

    def _campaign_loaded(
        self, eligible: list[EligibleProfessional], duplicates: list[DuplicateGroup], report: SurveyReport
    ) -> None:
        self.recipients.show_people(eligible, duplicates)
        self.results.show_report(report)

    # --- dialogs --------------------------------------------------------------------------

    def new_campaign(self) -> None:
        dialog = self.dialog = CampaignDialog(self.session, self)

        def created(campaign: CampaignInfo) -> None:
            self._campaign_id = campaign.id
            self.status.ok(self.tr("Campaign {code} is created.").format(code=campaign.code))
            self.activate()

        dialog.saved.connect(created)
        dialog.open()

    def smtp_settings(self) -> None:
        dialog = self.dialog = SmtpDialog(self.session, self)
        dialog.saved.connect(lambda _view: self.status.ok(self.tr("The mail server is saved.")))
        dialog.open()

    # --- navigation state -----------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {"campaign": self._campaign_id, "tab": self.tabs.currentIndex()}

    def restore(self, state: dict[str, Any]) -> None:
        campaign = state.get("campaign")
        self._campaign_id = campaign if isinstance(campaign, int) else None
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
