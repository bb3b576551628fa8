"""Sæt synkronisering op, driven as a consultant would, against a real receiver over real TLS on
127.0.0.1 (uvicorn, certificates from throw-away CAs): "Test forbindelse" says in Danish what
failed, a stuck server can be stopped and the dialog stays usable, the core's refusals show
under their fields, the token is never shown, and Save stores what `consultant-app sync` uses."""

import time
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QWidget

from consultant_app.sync.probe import ProbeOutcome
from consultant_app.sync.settings import save_sync_settings, sync_credentials
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import LAPTOP_TOKEN, free_port
from tests.consultant_app.sync.https_receiver import https_receiver, make_pki, stuck_server
from tests.ui.support import activate, flush_deletions
from tests.ui.test_accessible_names import unnamed
from tests.ui.test_mnemonics import mnemonic_problems
from ui.sync.section import SyncSection
from ui.sync.setup_dialog import SyncSetupDialog

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def receiver(pki, tmp_path_factory):
    with https_receiver(tmp_path_factory.mktemp("receiver"), pki.cert, pki.key) as url:
        yield url


@pytest.fixture
def dialog(qtbot, session):
    dialog = SyncSetupDialog(session)
    dialog.discard_confirmed = lambda: (
        True
    )  # pytest-qt rejects the dialogs it closes (tests that ask replace it)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    yield dialog
    dialog.hide()
    flush_deletions()


def fill(qtbot, dialog, endpoint, token=LAPTOP_TOKEN, ca_file="", proxy="Ingen proxy"):
    for field, text in ((dialog.endpoint, endpoint), (dialog.token, token), (dialog.ca_file, ca_file)):
        field.clear()
        if text:
            qtbot.keyClicks(field, text)
    dialog.proxy.setCurrentIndex(dialog.proxy.findText(proxy))


def test_connection(qtbot, dialog, timeout=20_000) -> str:
    assert dialog.test_button.text().replace("&", "") == "Test forbindelse"
    with qtbot.waitSignal(dialog.tested, timeout=timeout):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.testing and dialog.test_result.isVisible()
    return dialog.test_result.text()


test_connection.__test__ = False  # a step, not a test


def tab_chain(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits from the first field, in order."""
    chain, widget = [], dialog.endpoint
    while True:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget is not dialog.endpoint and not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
        if widget is dialog.endpoint:
            return chain


def shown_texts(dialog: QWidget) -> str:
    """Everything the dialog shows or tells a screen reader, the token field's content aside."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit) and widget is not dialog.token:
            texts += [widget.text(), widget.placeholderText()]
    return "\n".join(texts)


def test_success_with_the_agencys_ca_then_saved_where_sync_reads_it(qtbot, dialog, session, receiver, pki):
    fill(qtbot, dialog, receiver, ca_file=pki.ca)
    text = test_connection(qtbot, dialog)
    assert text.startswith("Forbindelsen virker"), text
    assert dialog.last_result.outcome is ProbeOutcome.OK
    assert LAPTOP_TOKEN not in shown_texts(dialog)
    assert dialog.token.echoMode() is QLineEdit.EchoMode.Password

    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].endpoint == receiver and saved.args[0].has_token
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.token.text() == ""
    with session.vault.session() as s:
        credentials = sync_credentials(s)
        assert (credentials.endpoint, credentials.token, credentials.ca_file, credentials.proxy) == (
            receiver,
            LAPTOP_TOKEN,
            pki.ca,
            "none",
        )


def test_the_token_read_from_a_file(qtbot, dialog, receiver, pki, tmp_path):
    path = tmp_path / "token.txt"
    path.write_text(LAPTOP_TOKEN + "\n", encoding="utf-8")
    fill(qtbot, dialog, receiver, token="", ca_file=pki.ca)
    dialog.use_token_file(str(path))
    assert dialog.token_source.isVisible() and str(path) in dialog.token_source.text()
    assert test_connection(qtbot, dialog).startswith("Forbindelsen virker")


def test_an_untrusted_certificate_is_the_tls_message(qtbot, dialog, receiver):
    fill(qtbot, dialog, receiver)  # no CA file: the system's trust store knows no test CA
    text = test_connection(qtbot, dialog)
    assert "certifikat er ikke betroet" in text and "CA-filen" in text, text


def test_a_wrong_token_is_the_token_message_and_is_never_shown(qtbot, dialog, receiver, pki):
    wrong = "wrong-token-" + "z" * 30
    fill(qtbot, dialog, receiver, token=wrong, ca_file=pki.ca)
    text = test_connection(qtbot, dialog)
    assert "afviste adgangsnøglen (401)" in text, text
    assert wrong not in shown_texts(dialog)


def test_connection_refused(qtbot, dialog):
    fill(qtbot, dialog, f"https://127.0.0.1:{free_port()}")
    assert "Forbindelsen blev afvist" in test_connection(qtbot, dialog)


def test_a_stuck_server_can_be_stopped_and_the_dialog_stays_usable(qtbot, dialog, receiver, pki):
    with stuck_server() as stuck:
        fill(qtbot, dialog, stuck, ca_file=pki.ca)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.test_result.text() == "Tester forbindelsen…")
        assert dialog.testing and dialog.test_button.text().replace("&", "") == "Stop test"
        assert not dialog.save_button.isEnabled()
        QTest.qWait(300)
        started = time.monotonic()
        with qtbot.waitSignal(dialog.tested, timeout=3_000):
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert time.monotonic() - started < 2  # not the probe's 10 s timeout
    assert dialog.test_result.text() == "Testen blev stoppet."
    assert dialog.save_button.isEnabled() and dialog.isVisible()
    # The network lane is free again: the next test runs at once and succeeds.
    dialog.endpoint.setText(receiver)
    assert test_connection(qtbot, dialog, timeout=5_000).startswith("Forbindelsen virker")


def test_escape_stops_a_test_then_closes_asking_first(qtbot, dialog, session, monkeypatch):
    asked = []
    monkeypatch.setattr(dialog, "discard_confirmed", lambda: asked.append(True) or True)
    with stuck_server() as stuck:
        fill(qtbot, dialog, stuck)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.testing)
        with qtbot.waitSignal(dialog.tested, timeout=3_000) as tested:
            QTest.keyClick(dialog.endpoint, Qt.Key.Key_Escape)
        assert tested.args[0].outcome is ProbeOutcome.CANCELLED
        assert dialog.isVisible() and not asked  # the first Esc only stopped the test
        QTest.keyClick(dialog.endpoint, Qt.Key.Key_Escape)
    assert asked == [True] and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.token.text() == ""
    with session.vault.session() as s:
        assert sync_credentials(s) is None  # nothing saved


def test_escape_on_an_untouched_dialog_closes_without_asking(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(dialog, "discard_confirmed", lambda: pytest.fail("asked without a change"))
    QTest.keyClick(dialog.endpoint, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_after_typing_asks_and_no_keeps_the_dialog(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(dialog, "discard_confirmed", lambda: False)
    qtbot.keyClicks(dialog.endpoint, "https://modtager.siri.dk")
    QTest.keyClick(dialog.endpoint, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.endpoint.text() == "https://modtager.siri.dk"


def test_http_to_another_machine_is_refused_under_the_address(qtbot, dialog, session):
    fill(qtbot, dialog, "http://modtager.siri.dk")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["endpoint"].isVisible())
    assert "kun https:// er tilladt" in dialog.errors["endpoint"].text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    # The test button refuses it the same way, without any connection.
    dialog.errors["endpoint"].show_message(None)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["endpoint"].isVisible() and not dialog.testing)
    assert dialog.last_result is None
    with session.vault.session() as s:
        assert sync_credentials(s) is None


def test_a_file_that_is_not_a_certificate_is_refused_as_ca_file(qtbot, dialog, session, pki, tmp_path):
    notes = tmp_path / "noter.txt"
    notes.write_text("ikke et certifikat\n", encoding="utf-8")
    for wrong in (str(notes), pki.key):
        fill(qtbot, dialog, "https://modtager.siri.dk", ca_file=wrong)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.errors["ca_file"].isVisible())
        assert "ikke et CA-certifikat (PEM)" in dialog.errors["ca_file"].text()
        assert not dialog.errors["endpoint"].isVisible()
    with session.vault.session() as s:
        assert sync_credentials(s) is None


def test_a_proxy_address_that_cannot_be_reached(qtbot, dialog, receiver, pki):
    fill(qtbot, dialog, receiver, ca_file=pki.ca, proxy="Denne proxy:")
    assert dialog.proxy_address.isEnabled()
    qtbot.keyClicks(dialog.proxy_address, f"http://127.0.0.1:{free_port()}")
    assert "Proxyen kunne ikke nås" in test_connection(qtbot, dialog)


def test_every_input_named_every_mnemonic_lands_and_a_stored_token_is_kept(qtbot, session, receiver, pki):
    with session.vault.session() as s:
        current = save_sync_settings(s, endpoint=receiver, token=LAPTOP_TOKEN, ca_file=pki.ca)
    dialog = SyncSetupDialog(session, current)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert unnamed(dialog) == []
    dialog.proxy.setCurrentIndex(dialog.proxy.findText("Denne proxy:"))  # its address field too
    assert unnamed(dialog) == [] and dialog.proxy_address.accessibleName() == "Proxyadresse"
    assert mnemonic_problems(dialog) == []
    assert tab_chain(dialog) == [
        dialog.endpoint,
        dialog.token,
        dialog.token_file_button,
        dialog.ca_file,
        dialog.ca_button,
        dialog.proxy,
        dialog.proxy_address,
        dialog.test_button,
        *dialog.buttons.buttons(),
    ]
    dialog.proxy.setCurrentIndex(dialog.proxy.findText("Ingen proxy"))
    assert dialog.endpoint.text() == receiver and dialog.ca_file.text() == pki.ca
    assert dialog.token.text() == "" and "beholde" in dialog.token.placeholderText()
    assert test_connection(qtbot, dialog).startswith("Forbindelsen virker")  # the stored token
    # Another receiver's address: the stored token is not sent there, it must be given again.
    dialog.endpoint.setText(f"https://127.0.0.1:{free_port()}")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["token"].isVisible() and not dialog.testing)
    assert "giv nøglen igen" in dialog.errors["token"].text()
    assert dialog.last_result.outcome is ProbeOutcome.OK  # no new test was run
    dialog.endpoint.setText(receiver)
    dialog.discard_confirmed = lambda: True
    dialog.hide()
    flush_deletions()


def test_the_sync_screen_shows_the_receiver_and_opens_the_dialog(qtbot, session, receiver, pki):
    screen = SyncSection(session)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: screen.loaded is not None, timeout=10_000)
    assert screen.hint.isVisible() and "consultant-app" not in screen.hint.text()
    assert screen.setup_button.text().replace("&", "") == "Sæt synkronisering op…"

    qtbot.mouseClick(screen.setup_button, Qt.MouseButton.LeftButton)
    dialog = screen.setup_dialog
    assert dialog is not None and dialog.isVisible()
    fill(qtbot, dialog, receiver, ca_file=pki.ca)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.receiver.isVisible(), timeout=10_000)
    assert not dialog.isVisible() and not screen.hint.isVisible()
    assert receiver in screen.receiver.text() and LAPTOP_TOKEN not in screen.receiver.text()
    assert screen.setup_button.text().replace("&", "") == "Skift opsætning…"
    assert screen.send_button.isEnabled()
    screen.hide()
    flush_deletions()


def test_a_refused_token_while_sending_points_to_the_setup_not_a_terminal(qtbot, session, receiver, pki):
    with session.vault.session() as s:
        add_records(s, [Record(datetime(2026, 1, 5, 10), "hovedstaden", reasons=("pres",))])
        save_sync_settings(s, endpoint=receiver, token="withdrawn-" + "w" * 30, ca_file=pki.ca)
    screen = SyncSection(session)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    qtbot.waitUntil(lambda: screen.loaded is not None and screen.send_button.isEnabled(), timeout=10_000)
    screen.send_button.click()
    qtbot.waitUntil(lambda: screen.last_report is not None and not screen.busy, timeout=30_000)
    text = screen.status.text()
    assert "afviste adgangsnøglen (401)" in text and "Skift opsætning…" in text, text
    assert "consultant-app" not in text and "--token-file" not in text
    screen.hide()
    flush_deletions()


def test_hidden_by_the_lock_it_keeps_no_token_and_stops_its_test(qtbot, dialog):
    """Locking hides every dialog (main_window) without closing it."""
    with stuck_server() as stuck:
        fill(qtbot, dialog, stuck)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.testing)
        with qtbot.waitSignal(dialog.tested, timeout=3_000) as tested:
            dialog.hide()
    assert tested.args[0].outcome is ProbeOutcome.CANCELLED and dialog.token.text() == ""
