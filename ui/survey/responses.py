"""The Spørgeskema screen's second tab: the responses per region as the survey tool reports them,
entered by hand, and the report they make (links sent, responses, response rate), exported as
CSV or XLSX."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.survey import CampaignInfo, SurveyReport, set_responses, table_rows, write_report
from ui.op import Op, vault_op
from ui.section import Session
from ui.table_model import RIGHT, Column, RecordTableModel
from ui.widgets import StatusLine, save_key

NOT_ENTERED = -1  # the responses spin box's "–"
ReportRow = tuple[str, int, int, float | None, bool]  # region, links, responses, rate, is the total


def percent(rate: float | None) -> str:
    """33,3 % in Danish; "–" where there is no rate (no link sent, or no responses entered)."""
    if rate is None:
        return "–"
    return f"{QLocale().toString(rate * 100, 'f', 1)} %"


class ReportModel(RecordTableModel[ReportRow]):
    """One row per region and the total last, in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        bold = QFont()
        bold.setBold(True)

        def font(row: ReportRow) -> QFont | None:
            return bold if row[4] else None

        self.columns = (
            Column(self.tr("Region"), lambda r: r[0], font=font),
            Column(self.tr("Links sent"), lambda r: str(r[1]), align=RIGHT, font=font),
            Column(self.tr("Responses"), lambda r: str(r[2]), align=RIGHT, font=font),
            Column(self.tr("Response rate"), lambda r: percent(r[3]), align=RIGHT, font=font),
        )

    def set_report(self, report: SurveyReport | None) -> None:
        rows = table_rows(report) if report is not None else []
        self.set_rows((*row, n == len(rows) - 1) for n, row in enumerate(rows))


class ResponsesTab(QWidget):
    saved = Signal()  # responses were stored: reload the report

    def __init__(self, session: Session, status: StatusLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = status  # the screen's, under both tabs
        self.campaign: CampaignInfo | None = None

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

        self.model = ReportModel(self)
        self.report = QTableView()
        self.report.setModel(self.model)
        self.report.setAccessibleName(self.tr("Responses per region"))
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

        row = QHBoxLayout(self)
        row.addWidget(entry_box)
        row.addWidget(report_box, 1)

    def show_report(self, report: SurveyReport | None) -> None:
        self.model.set_report(report)
        if report is None:
            return
        for code, figures in report.regions.items():
            spin = self.responses[code]
            if not spin.hasFocus():  # not while the consultant types in it
                spin.setValue(figures.responses if figures.responses_entered else NOT_ENTERED)

    def save_responses(self) -> None:
        campaign = self.campaign
        entered = {code: spin.value() for code, spin in self.responses.items() if spin.value() != NOT_ENTERED}
        if campaign is None or not entered:
            return
        campaign_id = campaign.id

        def work(session: Any) -> None:
            for region, count in entered.items():
                set_responses(session, campaign_id, region, count)

        def stored(_result: None) -> None:
            self.status.ok(self.tr("The responses are saved."))
            self.saved.emit()

        vault_op(self, self.session, work).success(stored).report_to(self.status.error).run()

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
        vault, campaign_id, target = self.session.vault, campaign.id, path

        def work() -> Path:
            return write_report(vault, campaign_id, target, fmt, overwrite=True)

        def written(written_path: Path) -> None:
            self.status.ok(self.tr("The report is written to {path}.").format(path=written_path))

        Op(self, self.session.lane, work).success(written).report_to(self.status.error).run()
