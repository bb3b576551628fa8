"""The team lead's report: choose the consultants' package files and a range of months; the
packages are merged by the core's rules (the newest version of each consultant's month counts),
shown with which package versions were used, and exported like the screen's own statistics."""

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app.counts.team_report import PackageRef, TeamReport
from consultant_app.services.stats_export import export_team_report
from ui.op import Op
from ui.section import Session
from ui.stats.charts import BarChart
from ui.stats.controls import ExportRow, MonthRange, file_filter
from ui.stats.panes import ChartAndTable
from ui.stats.tables import CountTable, chart_month_labels, month_label, monthly_table
from ui.stats.work import merge_files
from ui.table_model import Column, RecordTableModel
from ui.widgets import StatusLine

PATH_ROLE = Qt.ItemDataRole.UserRole
Package = tuple[PackageRef, str]  # the package and whether (or why not) it counts


class PackageTableModel(RecordTableModel[Package]):
    """The packages found in the files: consultant, month, version, and whether they count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = (
            Column(self.tr("Consultant (id)"), lambda p: p[0].submitter, tip=True),
            Column(self.tr("Month"), lambda p: month_label(p[0].month), tip=True),
            Column(self.tr("Version"), lambda p: str(p[0].version), tip=True),
            Column(self.tr("Counted"), lambda p: p[1], tip=True),
        )

    def set_report(self, report: TeamReport | None) -> None:
        rows: list[Package] = []
        if report is not None:
            for refs, status in (
                (report.used, self.tr("Yes")),
                (report.used_for_history, self.tr("Before the period (PDF history only)")),
                (report.superseded, self.tr("No: a newer version is used")),
                (report.after_range, self.tr("No: after the period")),
            ):
                rows += [(ref, status) for ref in refs]
        self.set_rows(rows)


class FileListModel(RecordTableModel[str]):
    """The chosen package files: the name shown, the whole path as the tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self.columns = (
            Column(self.tr("Package files"), lambda path: Path(path).name, tip=lambda path: path),
        )

    def role_data(self, row: str, column: int, role: int) -> object:
        return row if role == PATH_ROLE else None


class TeamReportDialog(QDialog):
    def __init__(self, session: Session, months: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: TeamReport | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Team report"))
        self.resize(1100, 680)

        self.file_model = FileListModel(self)
        self.files = QListView()
        self.files.setModel(self.file_model)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(110)
        self.files.setAccessibleName(self.tr("Package files"))
        add = QPushButton(self.tr("&Add package files…"))
        add.clicked.connect(self.choose_files)
        remove = QPushButton(self.tr("&Remove chosen"))
        remove.clicked.connect(self.remove_chosen)
        self.range = MonthRange()
        self.range.set_months(*months, notify=False)
        self.range.changed.connect(self.merge)
        self.summary = StatusLine(
            self.tr("Add the package files the consultants have sent (JSON)."), rich=True
        )
        self.summary.setWordWrap(True)

        self.monthly = ChartAndTable(BarChart(self.tr("New inquiries per month, whole team")))
        self.packages = PackageTableModel(self)
        package_view = QTableView()
        package_view.setModel(self.packages)
        package_view.verticalHeader().hide()
        package_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        package_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        package_view.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.monthly, self.tr("Per month"))
        self.tabs.addTab(package_view, self.tr("Packages used"))

        self.exports = ExportRow()
        self.exports.set_enabled(False)
        self.exports.export_requested.connect(self.export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        file_buttons = QVBoxLayout()
        file_buttons.addWidget(add)
        file_buttons.addWidget(remove)
        file_buttons.addStretch()
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_row.addLayout(file_buttons)
        layout = QVBoxLayout(self)
        files_label = QLabel(self.tr("&Package files:"))
        files_label.setBuddy(self.files)
        layout.addWidget(files_label)
        layout.addLayout(file_row)
        layout.addWidget(self.range)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.exports)
        layout.addWidget(close)

    # --- the files ------------------------------------------------------------------------

    def ask_files(self) -> list[str]:
        paths, _kind = QFileDialog.getOpenFileNames(
            self, self.tr("Choose package files"), "", self.tr("Packages (*.json);;All files (*)")
        )
        return paths

    def choose_files(self) -> None:
        self.add_files(self.ask_files())

    def add_files(self, paths: list[str]) -> None:
        known = self.paths()
        self.file_model.append_rows(list(dict.fromkeys(p for p in paths if p not in known)))
        self.merge()

    def remove_chosen(self) -> None:
        chosen = {index.row() for index in self.files.selectionModel().selectedIndexes()}
        self.file_model.set_rows(p for n, p in enumerate(self.paths()) if n not in chosen)
        self.merge()

    def paths(self) -> list[str]:
        return list(self.file_model.rows)

    # --- merging --------------------------------------------------------------------------

    def merge(self) -> None:
        self._generation += 1
        generation = self._generation
        self._show(None)
        paths = self.paths()
        if not paths:
            self.summary.info(self.tr("Add the package files the consultants have sent (JSON)."))
            return
        if not self.range.valid():
            self.summary.error(self.tr("The period ends before it begins."))
            return
        first, last = self.range.months()
        self.summary.info(self.tr("Merging…"))

        def merged(report: TeamReport) -> None:
            if generation == self._generation:
                self._show(report)

        def failed(text: str) -> None:
            if generation == self._generation:
                self.summary.error(text)

        Op(self, self.session.lane, lambda: merge_files(paths, first, last)).success(merged).report_to(
            failed
        ).run()

    def _show(self, report: TeamReport | None) -> None:
        self.report = report
        self.packages.set_report(report)
        self.exports.set_enabled(report is not None)
        if report is None:
            self.monthly.show_table(CountTable("", [], [], []))
            self.monthly.chart.set_data([], [])
            return
        stats = report.stats
        self.monthly.show_table(monthly_table(stats))
        self.monthly.chart.set_data(
            chart_month_labels([m.month for m in stats.months]),
            [(self.tr("New inquiries"), [m.totals.inquiries for m in stats.months])],
        )
        consultants = len({p.submitter for p in report.used})
        text = self.tr(
            "{first} – {last}: <b>{inquiries}</b> new inquiries from {packages} packages by {consultants} consultant(s)."
        ).format(
            first=month_label(stats.first),
            last=month_label(stats.last),
            inquiries=stats.totals.inquiries,
            packages=len(report.used),
            consultants=consultants,
        )
        left_out = len(report.superseded) + len(report.after_range)
        if left_out:
            text += " " + self.tr("{count} package(s) not counted: see “Packages used”.").format(
                count=left_out
            )
        self.summary.info(text)

    # --- exports --------------------------------------------------------------------------

    def ask_path(self, fmt: str, suggested: str) -> str:
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export team report"), suggested, file_filter(fmt)
        )
        return path

    def export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        chosen = self.ask_path(fmt, f"teamrapport-{report.stats.first}-{report.stats.last}.{fmt}")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        protect = self.exports.protected()
        self.exports.set_enabled(False)
        self.exports.status.info(self.tr("Saving…"))
        vault, name = self.session.vault, self.session.profile.name
        Op(
            self,
            self.session.lane,
            lambda: export_team_report(vault, report, fmt, path, protect=protect, printed_by=name),
        ).success(self._exported).report_to(self.exports.status.error).finally_(
            lambda: self.exports.set_enabled(self.report is not None)
        ).run()

    def _exported(self, path: Path) -> None:
        self.exports.status.ok(self.tr("Saved to {path}. The file is not encrypted.").format(path=str(path)))
