"""The Statistik screen and the team report, in Danish at 1366×768, on invented demo data.
Into a temporary folder unless asked for (see tests/ui/test_desktop_screenshots.py):

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui/stats/test_stats_screenshot.py
"""

from consultant_app.demo.fill import fill_vault
from tests.ui.support import activate, flush_deletions, needs_screenshots
from tests.ui.support import save_screenshot as save
from ui.main_window import MainWindow

pytestmark = needs_screenshots


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
