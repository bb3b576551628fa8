"""Synkronisering on a demo vault: "Opdatér pakker" lists the months, a chosen month shows the
exact package JSON (counts only, no name), and "Send nu" delivers to an in-process receiver
(httpx MockTransport, nothing leaves the machine)."""

import json

import httpx
import pytest

from consultant_app.demo import fill_vault
from consultant_app.sync.settings import save_sync_settings
from tests.ui.support import NAME, flush_deletions
from ui.sync.section import SyncSection

TOKEN = "t" * 32


@pytest.fixture
def sync_screen(qtbot, session):
    fill_vault(session.vault, 200, seed=1)
    screen = SyncSection(session)
    qtbot.addWidget(screen)
    screen.resize(1166, 700)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=10_000)
    yield screen
    screen.hide()
    flush_deletions()


def refresh(qtbot, screen: SyncSection) -> None:
    assert screen.refresh_button.text().replace("&", "") == "Opdatér pakker"
    screen.refresh_button.click()
    qtbot.waitUntil(lambda: not screen.busy and screen.model.rowCount() > 0, timeout=20_000)


def test_refresh_lists_months_and_the_package_is_counts_only(qtbot, sync_screen):
    screen = sync_screen
    assert screen.title() == "Synkronisering"
    assert screen.model.rowCount() == 0
    assert screen.hint.isVisible()  # not set up: the CLI hint, and Send nu is off
    assert not screen.send_button.isEnabled()
    refresh(qtbot, screen)
    months = [screen.model.text(n, 0) for n in range(screen.model.rowCount())]
    assert months == sorted(months, reverse=True) and len(set(months)) == len(months)
    assert {screen.model.text(n, 2) for n in range(screen.model.rowCount())} == {"afventer"}
    assert "ny(e) pakke(r)" in screen.status.text() or "pakke" in screen.status.text()

    screen.select_month(months[-1])
    text = screen.package.toPlainText()
    package = json.loads(text)
    assert package["month"] == months[-1]
    assert NAME not in text and "Mette" not in text
    assert screen.package.isReadOnly()


def test_send_now_delivers_to_an_in_process_receiver(qtbot, session, sync_screen):
    screen = sync_screen
    received = []

    def receiver(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "127.0.0.1"
        received.append(json.loads(request.content))
        return httpx.Response(201, json={"stored": True})

    with session.vault.session() as s:
        save_sync_settings(s, endpoint="http://127.0.0.1:9", token=TOKEN)
    screen.transport = httpx.MockTransport(receiver)
    screen.activate()
    qtbot.waitUntil(lambda: screen.loaded.configured, timeout=10_000)
    assert screen.send_button.isEnabled() and not screen.hint.isVisible()

    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.last_report is not None and not screen.busy, timeout=30_000)
    report = screen.last_report
    assert report.complete and report.sent and report.pending == 0
    assert len(received) == len(report.sent)
    qtbot.waitUntil(
        lambda: {screen.model.text(n, 2) for n in range(screen.model.rowCount())} == {"sendt"},
        timeout=10_000,
    )
    assert screen.model.text(0, 4)  # the sent time is shown
    assert "sendt" in screen.status.text()


def test_background_sync_is_silent_when_not_set_up(qtbot, sync_screen):
    screen = sync_screen
    screen.background_sync()
    assert not screen.busy and screen.last_report is None


def test_the_sessions_timer_syncs_even_if_the_screen_was_never_opened(qtbot, session, main_window):
    received = []

    def receiver(request: httpx.Request) -> httpx.Response:
        received.append(json.loads(request.content))
        return httpx.Response(201, json={"stored": True})

    fill_vault(session.vault, 60, seed=2)
    with session.vault.session() as s:
        save_sync_settings(s, endpoint="http://127.0.0.1:9", token=TOKEN)
    screen = main_window.section("sync")
    assert main_window.current_section is not screen and screen.loaded is None  # never opened
    assert not hasattr(screen, "timer")  # the timer is the session's (the main window's)
    screen.transport = httpx.MockTransport(receiver)
    main_window.sync_timer.timeout.emit()
    qtbot.waitUntil(lambda: screen.last_report is not None and not screen.busy, timeout=30_000)
    assert screen.last_report.sent and len(received) == len(screen.last_report.sent)
    assert main_window.sync_timer.isActive()
    with qtbot.waitSignal(main_window.locked, timeout=10_000):
        main_window.lock()
    assert not main_window.sync_timer.isActive()
