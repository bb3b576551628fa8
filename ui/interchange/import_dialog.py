"""Importér henvendelser: choose a CSV or XLSX file, see what an import would do, then import.

Two steps, both on the database lane with a progress bar and Cancel: the core's check pass
(`check_inquiry_file`: rows to add, update, leave unchanged, and every problem with its line,
listed where it can be read and copied), then the import itself, all or nothing
(`import_inquiries`, which checks the file once more: it may have changed since). A cancel stops
between batches and leaves the vault as it was; the dialog stays open for another try.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import Problem
from consultant_app.interchange import ImportCheck, ImportSummary, check_inquiry_file, import_inquiries
from ui.interchange.running import StepDialog, cancellable
from ui.op import Op, Progress
from ui.save_dialog import documents_folder
from ui.section import Session
from ui.widgets import StatusLine, name_from


def rejects_beside(chosen: Path) -> Path:
    """Where the rows skipped go: next to the file, never over an earlier rejects file."""
    number = 1
    while (
        candidate := chosen.with_name(f"{chosen.stem}-afviste{'' if number == 1 else f'-{number}'}.csv")
    ).exists():
        number += 1
    return candidate


class ImportDialog(StepDialog):
    imported = Signal(object)  # the ImportSummary

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._checked: ImportCheck | None = None
        self.setWindowTitle(self.tr("Import inquiries"))
        self.setMinimumSize(640, 520)

        intro = QLabel(
            self.tr(
                "Reads inquiries from a CSV or XLSX file in the inquiry file format (see the user guide). "
                "The file is checked first and nothing is written until you choose Import; the import "
                "is all or nothing."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        self.path.textEdited.connect(self._file_changed)
        self.path.returnPressed.connect(self.check)
        file_label = name_from(_buddied(QLabel(self.tr("&File:")), self.path))
        self.browse_button = QPushButton(self.tr("&Choose file…"))
        self.browse_button.clicked.connect(self.browse)
        self.check_button = QPushButton(self.tr("C&heck the file"))
        self.check_button.clicked.connect(self.check)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)  # still selectable, and Ctrl+C copies
        self.problems.setTabChangesFocus(True)
        problems_label = name_from(_buddied(QLabel(self.tr("&Problems in the file:")), self.problems))
        self.copy_button = QPushButton(self.tr("C&opy the problems"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.skip_invalid = QCheckBox(
            self.tr("&Skip invalid rows (they are saved in a file next to the chosen file)")
        )
        self.skip_invalid.toggled.connect(self._update_buttons)

        self.status = StatusLine(collapse=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.check_button)
        problems_row = QHBoxLayout()
        problems_row.addWidget(problems_label, 1)
        problems_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addLayout(problems_row)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._show_check(None)

    # --- choosing and checking ------------------------------------------------------------

    def ask_path(self) -> str:
        """The platform's open dialog (replaced in tests)."""
        path, _kind = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(documents_folder()),
            self.tr("Inquiry files (*.csv *.xlsx)"),
        )
        return path

    def browse(self) -> None:
        chosen = self.ask_path()
        if chosen:
            self.path.setText(chosen)
            self.check()

    def chosen(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None

    def check(self) -> None:
        path = self.chosen()
        if path is None:
            self.status.error(self.tr("Choose a file first."))
            return
        vault = self._session.vault
        step = self.tr("Checking the file: row {done} of {total}")

        def work(progress: Progress) -> ImportCheck:
            return check_inquiry_file(
                vault,
                path,
                progress=lambda _phase, done, total: progress.report(
                    done, total, step.format(done=done, total=total)
                ),
                cancelled=lambda: progress.cancelled,
            )

        self._show_check(None)
        self.status.info(self.tr("Checking the file…"))
        self._start(
            Op(self, self._session.lane, cancellable(work))
            .success(self._show_check)
            .cancelled(lambda: self.status.info(self.tr("The check was stopped.")))
            .progress(self.tr("Checking the file…"), event=self._new_cancel())
        )

    def _file_changed(self) -> None:
        self._show_check(None)  # what was checked is no longer what is chosen

    def _show_check(self, check: ImportCheck | None) -> None:
        self._checked = check
        self.problems.setPlainText("\n".join(p.located() for p in check.problems) if check else "")
        self.copy_button.setEnabled(bool(check and check.problems))
        if check is None:
            self.summary.setText(self.tr("Choose a file, and it is checked before anything is imported."))
            self.status.clear_message()
        else:
            self.summary.setText(self._describe(check.summary))
            if check.ok:
                self.status.ok(self.tr("The file has no problems. Choose Import to import it."))
            else:
                self.status.error(
                    self.tr(
                        "%n problem(s) in the file. Correct the file, or skip the invalid rows.",
                        "",
                        len(check.problems),
                    )
                )
        self._update_buttons()

    def _describe(self, summary: ImportSummary) -> str:
        return self.tr(
            "{rows} rows: {added} to add, {updated} to update, {unchanged} unchanged, {rejected} invalid. "
            "Professionals: {professionals_added} new, {professionals_updated} completed."
        ).format(**summary.as_dict())

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems.toPlainText())
        self.status.info(self.tr("The problems are copied."))

    def _update_buttons(self, *_args: object) -> None:
        check = self._checked
        idle = self._running is None
        self.import_button.setEnabled(
            idle
            and check is not None
            and (check.ok or (self.skip_invalid.isChecked() and check.summary.rows > 0))
        )
        for widget in (self.browse_button, self.check_button, self.path, self.skip_invalid):
            widget.setEnabled(idle)

    # --- importing ------------------------------------------------------------------------

    def start_import(self) -> None:
        path = self.chosen()
        if path is None or self._checked is None:
            return
        skip = self.skip_invalid.isChecked()
        rejects = rejects_beside(path) if skip else None
        vault = self._session.vault
        steps = {
            "check": self.tr("Checking the file: row {done} of {total}"),
            "write": self.tr("Importing: row {done} of {total}"),
        }

        def work(progress: Progress) -> ImportSummary:
            return import_inquiries(
                vault,
                path,
                skip_invalid=skip,
                rejects_path=rejects,
                progress=lambda phase, done, total: progress.report(
                    done, total, steps[phase].format(done=done, total=total)
                ),
                cancelled=lambda: progress.cancelled,
            )

        self.status.info(self.tr("Importing…"))
        self._start(
            Op(self, self._session.lane, cancellable(work))
            .success(lambda summary: self._imported(summary, rejects))
            .problems(self._refused)
            .cancelled(lambda: self.status.info(self.tr("The import was stopped; nothing was imported.")))
            .progress(self.tr("Importing…"), event=self._new_cancel())
        )

    def _imported(self, summary: ImportSummary, rejects: Path | None) -> None:
        self._checked = None  # imported: importing it again would change nothing
        self.summary.setText(self._describe(summary))
        done = self.tr("Imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
            **summary.as_dict()
        )
        if summary.rejected and rejects is not None:
            done += " " + self.tr(
                "{rejected} invalid rows were skipped and saved in {path}. That file is NOT encrypted."
            ).format(rejected=summary.rejected, path=str(rejects))
        self.status.ok(done)
        self.imported.emit(summary)

    def _refused(self, problems: list[Problem]) -> None:
        """The file changed since the check, or its header is wrong: nothing was imported."""
        self.problems.setPlainText("\n".join(p.located() for p in problems))
        self.copy_button.setEnabled(bool(problems))
        self.status.error(self.tr("Nothing was imported: %n problem(s) in the file.", "", len(problems)))

    # --- running a step -------------------------------------------------------------------

    def _start(self, op: Op) -> None:
        self._running = op
        self._update_buttons()
        op.report_to(self.status.error).finally_(self._finished).run()

    def _finished(self) -> None:
        self._running = None
        self._update_buttons()


def _buddied(label: QLabel, buddy: QWidget) -> QLabel:
    label.setBuddy(buddy)
    return label
