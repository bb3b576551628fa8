"""The operation builder: results on the GUI thread, one failure display, progress and cancel."""

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from consultant_app.errors import VaultLockedError
from tests.ui.support import flush_deletions
from ui.op import Op, OperationCancelled, Progress, vault_op


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    widget.setWindowTitle("Sikkerhedskonsulent")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_success_runs_on_the_gui_thread_with_the_result(qtbot, owner, lane):
    seen = []
    Op(owner, lane, threading.get_ident).success(
        lambda worker: seen.append((worker, threading.get_ident()))
    ).run()
    qtbot.waitUntil(lambda: bool(seen))
    worker, callback = seen[0]
    assert worker != threading.get_ident() and callback == threading.get_ident()


def test_a_failure_goes_to_the_screens_status_line_in_danish(qtbot, owner, lane):
    status = QLabel(owner)

    def fail():
        raise VaultLockedError()

    Op(owner, lane, fail).success(pytest.fail).report_to(status.setText).run()
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text() == "Boksen er låst."


def test_an_unexpected_failure_names_no_detail_and_no_technical_word(qtbot, owner, lane):
    status = QLabel(owner)

    def fail():
        raise KeyError("cpr 010190-1234")  # detail that must not reach the window

    Op(owner, lane, fail).report_to(status.setText).run()
    qtbot.waitUntil(lambda: status.text() != "")
    assert "010190" not in status.text() and "KeyError" not in status.text()  # no technical word
    assert "Gem fejlrapport" in status.text()


def test_without_a_status_line_the_failure_is_a_message_box(qtbot, owner, lane, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((parent, title, text))
    )

    def fail():
        raise VaultLockedError()

    Op(owner, lane, fail).run()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [(owner, "Sikkerhedskonsulent", "Boksen er låst.")]


def test_a_quiet_operation_logs_its_failure_and_shows_nothing(qtbot, owner, lane, monkeypatch, caplog):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail("a window for background work"))
    after = []

    def fail():
        raise RuntimeError("x")

    Op(owner, lane, fail).quietly().finally_(lambda: after.append(1)).run()
    qtbot.waitUntil(lambda: bool(after))
    assert "background operation failed: RuntimeError" in caplog.text


def test_nothing_is_called_once_the_owner_is_gone(qtbot, lane):
    owner = QWidget()
    release = threading.Event()
    called = []
    Op(owner, lane, lambda: release.wait(5)).success(called.append).finally_(
        lambda: called.append("after")
    ).run()
    owner.deleteLater()
    flush_deletions()
    assert not shiboken6.isValid(owner)
    release.set()
    qtbot.waitUntil(lambda: not lane.busy)
    assert called == []


def test_progress_is_shown_and_cancel_stops_the_work(qtbot, owner, lane):
    reached = threading.Event()
    outcome = []

    def work(progress: Progress):
        for n in range(1000):
            progress.report(n, 1000, f"Sender {n}")
            if n == 3:
                reached.set()
            if progress.event.wait(0.01):
                raise OperationCancelled
        return "done"

    op = (
        Op(owner, lane, work)
        .progress("Sender …")
        .success(outcome.append)
        .cancelled(lambda: outcome.append("x"))
    )
    op.run()
    dialog = op.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(reached.is_set)
    qtbot.waitUntil(lambda: dialog.value() >= 3)
    assert dialog.labelText().startswith("Sender ")
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "Annuller"  # Qt's own button, in Qt's Danish
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome == ["x"])
    assert op.dialog is None


def test_vault_op_runs_in_one_session(qtbot, owner, lane, vault):
    from consultant_app.domain import Profile

    class S:
        pass

    s = S()
    s.lane, s.vault = lane, vault
    names = []
    vault_op(owner, s, lambda session, pid: session.get(Profile, pid).name, 1).success(names.append).run()
    qtbot.waitUntil(lambda: bool(names))
    assert names == ["Test Konsulent"]


def test_a_forms_refusal_goes_to_its_fields_and_other_errors_to_the_status(qtbot, owner, lane):
    from consultant_app.errors import Problem, ValidationError
    from consultant_app.i18n import Text

    fields, status = [], QLabel(owner)

    def refuse():
        raise ValidationError([Problem("email", "x", Text(da="Mangler @.", en="Lacks @."))])

    Op(owner, lane, refuse).problems(fields.extend).report_to(status.setText).run()
    qtbot.waitUntil(lambda: bool(fields))
    assert [p.field for p in fields] == ["email"] and status.text() == ""

    def locked():
        raise VaultLockedError()

    Op(owner, lane, locked).problems(fields.extend).report_to(status.setText).run()
    qtbot.waitUntil(lambda: status.text() == "Boksen er låst.")
    assert len(fields) == 1
