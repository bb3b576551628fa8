"""The printout of one assessment: a preview, printing, and saving as a PDF file.

The PDF is made on the lane (`print_risk_summary`, which records the print in the audit
trail) and held in memory: the preview reads it from a QBuffer, printing renders its pages to
images on the lane and paints them on the printer. Nothing is written to disk, except when the
user saves it as a file, after a warning that the file is not encrypted.
"""

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.files import write_private
from consultant_app.i18n import current_language
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.risk_summary import print_risk_summary
from ui.op import Op, in_vault
from ui.save_dialog import file_name, in_documents
from ui.section import Session
from ui.widgets import StatusLine, shortcut_text

PRINT_DPI = 300


def page_images(data: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of the PDF as an image at `dpi` (run on the lane: it takes a moment)."""
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        images.append(document.render(page, size))
    document.close()
    buffer.close()
    return images


def write_file(path: str, data: bytes) -> str:
    """Owner-only and whole (consultant_app.files): the PDF holds a citizen's risk picture."""
    write_private(Path(path), data)
    return path


def unencrypted_warning(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PrintPreview", "Save as PDF"))
    box.setText(
        QCoreApplication.translate(
            "PrintPreview",
            "The PDF file is NOT encrypted. Anyone who can open the folder can read it. "
            "Save it only where it is protected, and delete it when it is no longer needed.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


class PrintPreview(QDialog):
    """The printout as it will look, with Print and Save as PDF."""

    rendered = Signal(int)  # pages in the preview

    def __init__(
        self, session: Session, assessment_id: int, parent: QWidget | None = None, *, case_code: str = ""
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.assessment_id = assessment_id
        self.case_code = case_code  # in the file's suggested name
        self.data: bytes | None = None
        self._array = QByteArray()
        self._buffer: QBuffer | None = None
        self.busy = False

        self.setWindowTitle(self.tr("Print risk assessment"))
        self.with_name = QCheckBox(self.tr("Show the citizen's &name"))
        self.with_name.setToolTip(self.tr("The name is printed only when this is ticked."))
        self.with_name.toggled.connect(lambda _on: self.make_printout())
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = StatusLine()

        print_text = self.tr("&Print…")
        self.print_button = QPushButton(f"{print_text} ({shortcut_text('Ctrl+P')})")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.save_button.clicked.connect(self.save_pdf)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.reject)
        for pushed in (self.print_button, self.save_button, close):
            pushed.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.with_name)
        top.addStretch()
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.resize(900, 700)
        self._enable()
        self.make_printout()

    def _enable(self) -> None:
        ready = self.data is not None and not self.busy
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.with_name.setEnabled(not self.busy)

    def _run(self, work, done) -> None:
        self.busy = True
        self._enable()

        def idle() -> None:
            self.busy = False
            self._enable()

        Op(self, self.session.lane, work).success(done).report_to(self.status.error).finally_(idle).run()

    # --- the preview -------------------------------------------------------------------------

    def make_printout(self) -> None:
        printed = PrintInfo(self.session.profile.name, datetime.now(), current_language())
        work = in_vault(
            self.session.vault,
            print_risk_summary,
            self.assessment_id,
            printed,
            with_name=self.with_name.isChecked(),
        )
        self.status.info(self.tr("Making the printout…"))
        self._run(work, self._show)

    def _show(self, data: bytes) -> None:
        self.data = data
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._array = QByteArray(data)
        self._buffer = QBuffer(self._array, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        self.status.info(self.tr("%n page(s).", "", pages))
        self.rendered.emit(pages)

    # --- printing and saving ---------------------------------------------------------------

    def print_document(self) -> None:
        if self.data is None or self.busy:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_on(printer)

    def print_on(self, printer: QPrinter) -> None:
        """Render the pages on the lane, then paint them on `printer`, one sheet each."""
        data = self.data
        if data is None:  # nothing rendered yet
            return

        def paint(images: list[QImage]) -> None:
            painter = QPainter()
            if not painter.begin(printer):
                self.status.error(self.tr("The printer could not be started."))
                return
            for n, image in enumerate(images):
                if n:
                    printer.newPage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(
                    target.x(),
                    target.y(),
                    image.scaled(
                        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    ),
                )
            painter.end()
            self.status.ok(self.tr("Sent to the printer."))

        self.status.info(self.tr("Preparing the pages for the printer…"))
        self._run(lambda: page_images(data, min(printer.resolution(), PRINT_DPI)), paint)

    def save_pdf(self) -> None:
        if self.data is None or self.busy:
            return
        if unencrypted_warning(self).exec() != QMessageBox.StandardButton.Save:
            return
        name = file_name(self.tr("risk-assessment"), self.case_code, date.today().isoformat(), suffix=".pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), in_documents(name), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        data = self.data
        self._run(
            lambda: write_file(path, data),
            lambda saved: self.status.ok(self.tr("Saved as {path} (not encrypted).").format(path=saved)),
        )
