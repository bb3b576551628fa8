"""Eksportér henvendelser: every inquiry, or those received in a period, to one CSV file in the
inquiry file format (`export_inquiries`, the CLI's own), on the database lane with a progress bar
and Cancel. The dialog says plainly, before and after, that the file is not encrypted.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from consultant_app.interchange import ExportSummary, export_inquiries
from ui.date_fields import DateField
from ui.interchange.running import StepDialog, cancellable
from ui.op import Op, Progress
from ui.save_dialog import file_name, in_documents
from ui.section import Session
from ui.widgets import StatusLine, name_from, warning_box


class ExportDialog(StepDialog):
    exported = Signal(object)  # the ExportSummary

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Export inquiries"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Writes the inquiries to a CSV file in the inquiry file format, which Excel opens and "
                "this program (on this or another computer) can import again."
            )
        )
        intro.setWordWrap(True)
        self.in_period = QCheckBox(self.tr("&Only inquiries received in a period"))
        self.date_from, self.date_to = DateField(), DateField()
        today = date.today()
        self.date_from.setDate(QDate(today.year, 1, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        self.in_period.toggled.connect(self._update_period)
        period = QFormLayout()
        for text, field in ((self.tr("&From:"), self.date_from), (self.tr("&To:"), self.date_to)):
            label = QLabel(text)
            label.setBuddy(field)
            period.addRow(name_from(label), field)

        self.warning = warning_box(
            self.tr(
                "<b>The file is NOT encrypted and holds personal data</b>: the inquiries' notes and the "
                "professionals' names, e-mail addresses and telephone numbers. Save it only where it is "
                "safe, hand it over only to someone who may see it, and delete it when it has served."
            )
        )

        self.status = StatusLine(collapse=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.in_period)
        layout.addLayout(period)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_period(False)

    def _update_period(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def period(self) -> tuple[date | None, date | None] | None:
        """The chosen range (None, None for all); None when a typed date is wrong (it says so)."""
        if not self.in_period.isChecked():
            return None, None
        if self.date_from.problem() or self.date_to.problem():
            return None
        first, last = date(*self.date_from.date().getDate()), date(*self.date_to.date().getDate())
        if first > last:
            self.status.error(self.tr("The period's first day is after its last."))
            return None
        return first, last

    def ask_path(self, suggested: str) -> str:
        """Where to save (the platform's dialog; it asks before replacing a file). Replaced in tests."""
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export inquiries"), in_documents(suggested), self.tr("CSV file (*.csv)")
        )
        return path

    def export(self) -> None:
        period = self.period()
        if period is None:
            return
        first, last = period
        suggested = file_name("henvendelser", first, last if first else date.today(), suffix=".csv")
        chosen = self.ask_path(suggested)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        vault = self._session.vault
        step = self.tr("Exporting: {done} of {total} inquiries")

        def work(progress: Progress) -> ExportSummary:
            # The platform's save dialog has asked before replacing a file: overwrite.
            return export_inquiries(
                vault,
                path,
                date_from=first,
                date_to=last,
                overwrite=True,
                progress=lambda done, total: progress.report(
                    done, total, step.format(done=done, total=total)
                ),
                cancelled=lambda: progress.cancelled,
            )

        self.status.info(self.tr("Exporting…"))
        self._running = (
            Op(self, self._session.lane, cancellable(work))
            .success(self._exported)
            .cancelled(lambda: self.status.info(self.tr("The export was stopped; no file was written.")))
            .report_to(self.status.error)
            .finally_(self._finished)
            .progress(self.tr("Exporting…"), event=self._new_cancel())
        )
        self.export_button.setEnabled(False)
        self._running.run()

    def _exported(self, summary: ExportSummary) -> None:
        self.status.ok(
            self.tr(
                "%n inquiry(ies) exported to {path}. Remember: the file is not encrypted.",
                "",
                summary.inquiries,
            ).format(path=str(summary.path))
        )
        self.exported.emit(summary)

    def _finished(self) -> None:
        self._running = None
        self.export_button.setEnabled(True)
