"""The printout: a preview from memory, the name only when asked, printing, and saving as a
PDF file only after the warning that it is not encrypted."""

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import select

from consultant_app.domain import AuditEvent
from consultant_app.risk import start_assessment
from ui.risk.printing import PrintPreview
from ui.save_dialog import documents_folder


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """An empty temp folder for Python and Qt alike: what the preview leaves there is seen."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def preview(qtbot, risk_session, case, private_temp):
    with risk_session.vault.session() as s:
        assessment = start_assessment(s, case.id, "sk-spj")
    dialog = PrintPreview(risk_session, assessment.id, case_code=case.case_code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.busy, timeout=5_000)
    return dialog


def text_of(document: QPdfDocument) -> str:
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_the_preview_loads_from_memory_and_shows_the_name_only_when_ticked(
    qtbot, preview, private_temp, tmp_path, risk_session
):
    before = files_under(tmp_path)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() > 0
    assert preview.status.text() == f"{preview.document.pageCount()} sider."
    shown = text_of(preview.document)
    assert "FORTROLIGT" in shown and "UDKAST" in shown and "A.B." not in shown

    with qtbot.waitSignal(preview.rendered, timeout=5_000):
        preview.with_name.setChecked(True)
    assert "A.B." in text_of(preview.document)
    assert files_under(private_temp) == set() and files_under(tmp_path) == before  # nothing on disk
    with risk_session.vault.session() as s:
        details = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "print")).all()
    assert details == ["sk-spj/1", "sk-spj/1 with_name"]


def answer_warning(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_save_as_pdf_warns_that_the_file_is_not_encrypted(qtbot, preview, tmp_path, monkeypatch):
    asked: list[str] = []
    target = tmp_path / "ud" / "vurdering"
    target.parent.mkdir()

    suggested: list[str] = []

    def save_name(_parent, _title, start, _filter):
        asked.append("file dialog")
        suggested.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    seen: list[str] = []
    answer_warning(qtbot, QMessageBox.StandardButton.Cancel, seen)
    preview.save_pdf()
    assert seen and "IKKE krypteret" in seen[0] and asked == []  # cancelled: no file dialog, no file

    answer_warning(qtbot, QMessageBox.StandardButton.Save, seen)
    preview.save_pdf()
    qtbot.waitUntil(lambda: "ikke krypteret" in preview.status.text(), timeout=5_000)
    saved = target.with_suffix(".pdf")
    assert asked == ["file dialog"] and saved.read_bytes() == preview.data
    # Offered in Documents, under a name that says which case it is (#14.11)
    (start,) = suggested
    assert Path(start).parent == documents_folder()
    assert preview.case_code and Path(start).name.startswith(f"risikovurdering-{preview.case_code}-")
    assert saved.read_bytes().startswith(b"%PDF")


def test_printing_paints_every_page_on_the_printer(qtbot, preview, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a stand-in printer, for the test only
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    preview.print_on(printer)
    qtbot.waitUntil(lambda: preview.status.text() == "Sendt til printeren.", timeout=10_000)
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printer.pdf"))
    assert printed.pageCount() == preview.document.pageCount()
