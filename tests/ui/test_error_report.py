"""Hjælp → Gem fejlrapport in the main window: a zip with the log and the versions, nothing else."""

import logging
import zipfile

from PySide6.QtWidgets import QFileDialog

from consultant_app import support_log


def test_help_menu_saves_an_error_report(qtbot, main_window, monkeypatch, tmp_path):
    log_folder = tmp_path / "log"
    path = support_log.install(log_folder)
    try:
        logging.getLogger("ui.test").warning("the list did not load")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
            root.removeHandler(handler)
            handler.close()
    monkeypatch.setattr(support_log, "log_dir", lambda: log_folder)
    target = tmp_path / "rapport.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    menus = [a.text() for a in main_window.menuBar().actions()]
    assert "&Hjælp" in menus
    assert main_window.report_action.text() == "Gem &fejlrapport…"
    main_window.report_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "Fejlrapporten er gemt" in main_window.statusBar().currentMessage())
    with zipfile.ZipFile(target) as z:
        assert set(z.namelist()) == {"versions.txt", "log/consultant-app.log"}
        assert "qt: 6." in z.read("versions.txt").decode()
        assert "the list did not load" in z.read("log/consultant-app.log").decode()
