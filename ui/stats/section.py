"""Statistik: the vault's counts for a range of months (default: this year so far), as charts and
tables, exported as XLSX, CSV or PDF; and the team lead's report of merged package files.

Everything is counted by the core (`consultant_app.counts`) on the lane; the screen only shows
`MonthlyStats` and the note's figures. Exports say plainly that the file is not encrypted, and
are recorded in the audit trail as the command line records them.
"""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from consultant_app.counts.months import parse_month
from consultant_app.services.stats_export import export_own_stats, subject_of
from ui.labels import label, region_short
from ui.op import Op, vault_op
from ui.save_dialog import in_documents
from ui.section import Section, Session
from ui.stats.charts import BarChart
from ui.stats.controls import ExportRow, MonthRange, file_filter, this_year_so_far
from ui.stats.panes import ChartAndTable
from ui.stats.tables import (
    category_table,
    chart_month_labels,
    children_table,
    month_label,
    monthly_table,
    region_table,
    span_label,
    trips_table,
)
from ui.stats.team_dialog import TeamReportDialog
from ui.stats.work import Loaded, load
from ui.widgets import StatusLine, heading


class StatsSection(Section):
    key = "stats"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._generation = 0  # a newer request makes every answer still on its way stale
        self.loaded: Loaded | None = None
        self.dialog: TeamReportDialog | None = None

        self.range = MonthRange()
        self.range.changed.connect(self.reload)
        self.team_button = QPushButton(self.tr("&Team report…"))
        self.team_button.setToolTip(self.tr("Merge the consultants' package files into one report"))
        self.team_button.clicked.connect(self.open_team_report)
        self.summary = StatusLine(rich=True)

        self.monthly = ChartAndTable(BarChart(self.tr("New inquiries per month")))
        self.regions = ChartAndTable(BarChart(self.tr("New inquiries by region"), horizontal=True))
        # Not `self.children`: that would hide QObject.children().
        self.child_share = ChartAndTable(BarChart(self.tr("Share of children"), percent=True))
        self.trips = ChartAndTable(BarChart(self.tr("Re-education trips and concerns in Denmark, by year")))
        self.inquirers = ChartAndTable(BarChart(self.tr("Inquiries by inquirer type"), horizontal=True))
        self.advice = ChartAndTable(BarChart(self.tr("Advice given"), horizontal=True))
        self.tabs = QTabWidget()
        for pane, text in (
            (self.monthly, self.tr("Per month")),
            (self.regions, self.tr("Regions")),
            (self.child_share, self.tr("Children")),
            (self.trips, self.tr("Trips abroad")),
            (self.inquirers, self.tr("Inquirers")),
            (self.advice, self.tr("Advice")),
        ):
            self.tabs.addTab(pane, text)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.tabs.currentChanged.connect(self._show_note)

        self.exports = ExportRow()
        self.exports.export_requested.connect(self.export)

        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch()
        top.addWidget(self.team_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.range)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.exports)
        self._show_note()

    def title(self) -> str:
        return self.tr("Statistics")

    def activate(self) -> None:
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if not self.range.valid():
            self.summary.error(self.tr("The period ends before it begins."))
            return
        first, last = self.range.months()
        self.summary.info(self.tr("Counting…"))

        def loaded(result: Loaded) -> None:
            if generation == self._generation:
                self.show_loaded(result)

        def failed(text: str) -> None:
            if generation == self._generation:
                self.summary.error(text)

        subject = subject_of(self.session.profile)
        vault_op(self, self.session, load, first, last, subject).success(loaded).report_to(failed).run()

    def show_loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        stats, note = loaded.stats, loaded.note
        totals = stats.totals
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr(
                "{first} – {last}: <b>{inquiries}</b> new inquiries · children: {children} · abroad: "
                "{abroad} · concern in Denmark: {concern} · courses open at the end: {courses}"
            ).format(
                first=month_label(stats.first),
                last=month_label(stats.last),
                inquiries=totals.inquiries,
                children=totals.age_group["barn"],
                abroad=totals.trip_concern["udlandet"],
                concern=totals.trip_concern["trussel_dk"],
                courses=totals.active_courses_end,
            )
        )

        self.monthly.show_table(monthly_table(stats))
        self.monthly.chart.set_data(
            chart_month_labels([m.month for m in stats.months]),
            [(self.tr("New inquiries"), [m.totals.inquiries for m in stats.months])],
        )
        self.regions.show_table(region_table(stats))
        names = [region_short(r) for r in stats.regions]
        self.regions.chart.set_data(
            list(reversed(names)),  # top to bottom as in the table
            [(self.tr("New inquiries"), list(reversed([b.inquiries for b in stats.regions.values()])))],
        )
        children = children_table(note)
        self.child_share.show_table(children)
        self.child_share.chart.set_data(
            children.rows, [(self.tr("Share of children"), [r[2] for r in children.values])]
        )
        trips = trips_table(note)
        self.trips.show_table(trips)
        self.trips.chart.set_data(
            trips.rows, [(trips.columns[i], [r[i] for r in trips.values]) for i in (0, 1)]
        )
        for pane, category, code_list in (
            (self.inquirers, "by_inquirer_type", "inquirer_type"),
            (self.advice, "by_advice_type", "advice_type"),
        ):
            table = category_table(stats, category)
            pane.show_table(table)
            codes = list(totals.category(category))
            pane.chart.set_data(
                [label(code_list, c) for c in reversed(codes)],
                [(self.tr("Inquiries"), [totals.category(category)[c] for c in reversed(codes)])],
            )
        self._show_note()

    def _show_note(self) -> None:
        """What the current tab's figures mean, where that is not obvious."""
        note = self.loaded.note if self.loaded else None
        pane = self.tabs.currentWidget()
        text = ""
        if pane is self.child_share:
            if note is not None and note.previous is None:
                text = self.tr("There are no counts from a year earlier to compare with.")
            elif note is not None and note.previous is not None:
                text = self.tr(
                    "The share of children in {period} against the same months a year earlier ({previous})."
                ).format(period=span_label(note.period), previous=span_label(note.previous))
        elif pane is self.trips:
            text = self.tr(
                "Abroad: the citizen is abroad (re-education trip or involuntary stay). Concern (DK): the "
                "citizen is in Denmark, with a concern about or threat of a trip. Every year up to the period's end."
            )
        elif pane is self.advice:
            text = self.tr(
                "An inquiry may have been given several kinds of advice, so these add up to more than the inquiries."
            )
        elif pane is self.regions:
            text = self.tr("Open courses: advisory courses still open at the end of the period.")
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # --- exports --------------------------------------------------------------------------

    def ask_path(self, fmt: str, suggested: str) -> str:
        """Where to save (the platform's dialog; it asks before replacing a file)."""
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics"), in_documents(suggested), file_filter(fmt)
        )
        return path

    def export(self, fmt: str) -> None:
        if not self.range.valid():
            self.exports.status.error(self.tr("The period ends before it begins."))
            return
        first, last = self.range.months()
        chosen = self.ask_path(fmt, f"statistik-{first}-{last}.{fmt}")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        protect = self.exports.protected()
        self.exports.set_enabled(False)
        self.exports.status.info(self.tr("Saving…"))
        vault, profile = self.session.vault, self.session.profile

        def work() -> Path:
            return export_own_stats(vault, first, last, fmt, path, protect=protect, printed_by=profile.name)

        Op(self, self.session.lane, work).success(lambda p: self._exported(p, protect)).report_to(
            self.exports.status.error
        ).finally_(lambda: self.exports.set_enabled(True)).run()

    def _exported(self, path: Path, protected: bool) -> None:
        text = self.tr("Saved to {path}. The file is not encrypted.").format(path=str(path))
        if not protected:
            text += " " + self.tr(
                "The figures are exact: tick “Protect small numbers” before sharing outside the team."
            )
        self.exports.status.ok(text)

    # --- the team lead's report -------------------------------------------------------------

    def open_team_report(self) -> None:
        self.dialog = TeamReportDialog(self.session, self.range.months(), self)
        self.dialog.open()

    # --- navigation state: the period and the tab ---------------------------------------------

    def state(self) -> dict:
        first, last = self.range.months()
        return {"first": first, "last": last, "tab": self.tabs.currentIndex()}

    def restore(self, state: dict) -> None:
        first, last = this_year_so_far()
        try:
            first = parse_month(str(state.get("first") or first))
            last = parse_month(str(state.get("last") or last))
        except Exception:
            first, last = this_year_so_far(date.today())
        self.range.set_months(first, last, notify=False)
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
