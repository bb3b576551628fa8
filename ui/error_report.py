"""Hjælp → "Gem fejlrapport": the support log and the versions in one zip, for support.

Nothing from the vault goes in (consultant_app/support_log.py says what does). The file is
written on the lane, like every other file, and the status bar says where it went.
"""

from datetime import date
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow

from consultant_app import support_log
from ui.op import Op
from ui.operations import Lane
from ui.save_dialog import file_name, in_documents


def add_help_menu(window: QMainWindow, lane: Lane) -> QAction:
    menu = window.menuBar().addMenu(QCoreApplication.translate("ErrorReport", "&Help"))
    action = QAction(QCoreApplication.translate("ErrorReport", "Save &error report…"), window)
    action.triggered.connect(lambda: save_error_report(window, lane))
    menu.addAction(action)
    return action


def save_error_report(window: QMainWindow, lane: Lane) -> None:
    name = QCoreApplication.translate("ErrorReport", "error-report")
    chosen, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("ErrorReport", "Save error report"),
        in_documents(file_name("consultant-app", name, f"{date.today():%Y%m%d}", suffix=".zip")),
        QCoreApplication.translate("ErrorReport", "Zip files (*.zip)"),
    )
    if not chosen:
        return
    extra = {"qt": qVersion(), "pyside6": PySide6.__version__}

    def saved(path: Path) -> None:
        message = QCoreApplication.translate("ErrorReport", "Error report saved: {path}").format(path=path)
        window.statusBar().showMessage(message, 10_000)

    def tell(text: str) -> None:
        window.statusBar().showMessage(text, 10_000)

    work = lambda: support_log.write_report(Path(chosen), extra=extra)  # noqa: E731
    Op(window, lane, work).success(saved).report_to(tell).run()
