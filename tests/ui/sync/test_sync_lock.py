"""Locking while a sync waits on a server that never answers: the lock happens at once (the
network lane is abandoned, never waited for), the vault is closed, the sync is cancelled and
never touches the vault again, and unlocking again works."""

import socket
import threading
import time

import pytest

from consultant_app.demo import fill_vault
from consultant_app.domain import OutboxPackage
from consultant_app.storage.vault import Vault
from consultant_app.sync import outbox
from consultant_app.sync.client import RetryPolicy
from consultant_app.sync.settings import save_sync_settings
from tests.ui.support import PASSPHRASE, type_passphrase, unlock
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog


class SilentServer:
    """Accepts connections on 127.0.0.1 and never says a word."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(conn)
            self.accepted.set()

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def syncing_vault(vault_file, silent):
    with Vault.open(vault_file, PASSPHRASE) as vault:
        fill_vault(vault, 60, seed=3)
        with vault.session() as session:
            save_sync_settings(session, endpoint=f"http://127.0.0.1:{silent.port}", token="t" * 32)
            outbox.refresh_outbox(session)
    return vault_file


def pending_rows(path) -> set[tuple[str, int, str, int]]:
    with Vault.open(path, PASSPHRASE) as vault, vault.session() as session:
        return {(r.month, r.version, r.state, r.attempts or 0) for r in session.query(OutboxPackage)}


def test_locking_during_a_stuck_sync_is_immediate_and_the_vault_stays_as_it_was(
    qtbot, desktop, syncing_vault, silent
):
    window = unlock(qtbot, desktop)
    screen = window.section("sync")
    screen.policy = RetryPolicy(attempts=1, timeout=3.0)  # the stuck request ends by itself, later
    window.show_section("sync")
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.send_button.isEnabled(), timeout=10_000)
    vault = window.session.vault
    network = window.session.network

    screen.send_button.click()
    assert silent.accepted.wait(10), "the sync never reached the server"

    started = time.monotonic()
    window.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    assert time.monotonic() - started < 2.0  # not the 3 s the request could still take
    assert vault._engine is None  # closed: no connection and no key left in it
    assert network._closed

    # The abandoned request times out later; its last database step is refused, not run.
    network._executor.shutdown(wait=True)
    main = type_passphrase(qtbot, desktop)
    assert isinstance(main, MainWindow) and main.session.vault is not vault
    main.lock()
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)
    rows = pending_rows(syncing_vault)
    assert rows and {state for _m, _v, state, _a in rows} == {"pending"}
