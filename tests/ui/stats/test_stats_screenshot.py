"""The Statistik screen and the team report, in Danish at 1366×768, on invented demo data.
Skipped unless asked for (see tests/ui/test_desktop_screenshots.py):

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots uv run pytest tests/ui/stats/test_stats_screenshot.py
"""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from consultant_app.demo.fill import fill_vault
from tests.ui.support import activate, flush_deletions
from ui.main_window import MainWindow

TARGET = os.environ.get("CONSULTANT_APP_SCREENSHOTS")

pytestmark = pytest.mark.skipif(not TARGET, reason="set CONSULTANT_APP_SCREENSHOTS=<folder> to capture")


def save(widget, name: str) -> Path:
    QTest.qWait(50)
    folder = Path(TARGET)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    assert image.save(str(path), "PNG")
    return path


def test_statistik(qtbot, session):
    fill_vault(session.vault, 300, seed=1)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    activate(qtbot, window)
    window.show_section("stats")
    screen = window.section("stats")
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=10_000)
    save(window, "statistik")
    window.idle.stop()
    window.hide()
    window.deleteLater()
    flush_deletions()
