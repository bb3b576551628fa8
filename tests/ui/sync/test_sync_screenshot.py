"""The Synkronisering screen in Danish at 1366×768, on invented demo data. Into a temporary folder unless asked:

CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui/sync/test_sync_screenshot.py
"""

from consultant_app.demo import fill_vault
from tests.ui.support import activate, flush_deletions, needs_screenshots
from tests.ui.support import save_screenshot as save
from ui.main_window import MainWindow

pytestmark = needs_screenshots


def test_synkronisering(qtbot, session):
    fill_vault(session.vault, 200, seed=1)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    activate(qtbot, window)
    window.show_section("sync")
    screen = window.section("sync")
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=10_000)
    screen.refresh_button.click()
    qtbot.waitUntil(lambda: not screen.busy and screen.model.rowCount() > 0, timeout=20_000)
    screen.table.selectRow(0)
    save(window, "synkronisering")
    window.idle.stop()
    window.hide()
    window.deleteLater()
    flush_deletions()
