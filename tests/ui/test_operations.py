"""The database lane: work off the GUI thread, results back on it, one operation at a time."""

import threading
import time

import pytest

from consultant_app.errors import VaultLockedError
from ui.operations import Lane


def test_work_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot, lane):
    gui = threading.get_ident()
    seen = {}

    def on_success(worker):
        seen["worker"], seen["callback"] = worker, threading.get_ident()

    lane.run(threading.get_ident, on_success, pytest.fail)
    qtbot.waitUntil(lambda: "callback" in seen)
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert not lane.busy


def test_a_failure_arrives_on_the_gui_thread_with_the_error(qtbot, lane):
    gui = threading.get_ident()
    seen = []

    def fail():
        raise VaultLockedError()

    lane.run(fail, pytest.fail, lambda error: seen.append((error, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(seen))
    error, thread = seen[0]
    assert isinstance(error, VaultLockedError)
    assert str(error) == "Boksen er låst."
    assert thread == gui


def test_operations_run_one_at_a_time_in_the_order_given(qtbot, lane):
    running, overlap, done = [], [], []

    def step(n):
        def work():
            running.append(n)
            overlap.append(len(running))
            time.sleep(0.01)
            running.remove(n)
            return n

        return work

    for n in range(6):
        lane.run(step(n), done.append, pytest.fail)
    qtbot.waitUntil(lambda: len(done) == 6)
    assert done == list(range(6))
    assert max(overlap) == 1


def test_work_asked_for_after_close_is_dropped_quietly(qtbot):
    lane = Lane()
    lane.close()
    called: list[object] = []
    lane.run(lambda: called.append("ran"), called.append, called.append)
    qtbot.wait(50)
    assert called == []


def test_another_lane_runs_its_database_steps_on_this_one_in_turn(qtbot, lane):
    from ui.operations import NetworkLane

    network = NetworkLane()
    seen = []

    def network_job():
        return lane.call(lambda: threading.current_thread().name)

    network.run(network_job, seen.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith("database-lane")
    network.abandon()


def test_abandoning_the_network_lane_cancels_and_waits_for_nothing(qtbot, lane):
    from ui.operations import NetworkLane

    network = NetworkLane()
    cancel = network.cancel_event()
    started, release = threading.Event(), threading.Event()

    def stuck():
        started.set()
        release.wait(10)  # a server that does not answer

    network.run(stuck, lambda _r: None, lambda _e: None)
    assert started.wait(5)
    begun = time.monotonic()
    network.abandon()
    assert time.monotonic() - begun < 0.5
    assert cancel.is_set() and network.cancel_event().is_set()  # a later job starts cancelled
    release.set()


def test_a_closed_database_lane_refuses_steps_as_a_locked_vault(lane):
    lane.close()
    with pytest.raises(VaultLockedError):
        lane.call(lambda: 1)


def test_garbage_is_collected_on_the_gui_thread_while_the_lane_holds_still(qtbot, lane):
    """Cyclic garbage made on the lane (a database cursor's owner, say) is freed on the GUI thread
    and never while the lane works; a busy lane is not waited for."""
    import gc
    import threading
    import weakref

    from ui.operations import MainThreadCollector

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    freed_on: list[str] = []
    started, release = threading.Event(), threading.Event()

    def make_garbage() -> None:
        made = Cycle()
        weakref.finalize(made, lambda: freed_on.append(threading.current_thread().name))

    collector = MainThreadCollector(lane, interval_ms=60_000)
    try:
        assert not gc.isenabled()  # no automatic collection, in any thread
        lane.run(make_garbage, lambda _r: None, lambda _e: None)
        qtbot.waitUntil(lambda: not lane.busy, timeout=5_000)

        def slow() -> None:
            started.set()
            release.wait(5)

        lane.run(slow, lambda _r: None, lambda _e: None)
        assert started.wait(5)
        assert collector.collect() is False and freed_on == []  # the lane works: not now
        release.set()
        qtbot.waitUntil(lambda: not lane.busy, timeout=5_000)
        assert collector.collect() is True
        assert freed_on == [threading.current_thread().name] == [threading.main_thread().name]
    finally:
        release.set()
        collector.deleteLater()


def test_what_an_operation_holds_is_freed_on_the_gui_thread_not_the_worker(qtbot, lane):
    """A dialog captured by its operation and otherwise dropped must not die on the worker (a Qt
    object freed there crashed the suite with a bus error): the lane keeps the operation on the
    GUI thread's side until it has delivered."""
    import threading
    import weakref

    class Captured:  # stands for a widget only the operation still refers to
        pass

    freed_on: list[str] = []
    delivered: list[object] = []

    def submit() -> None:
        held = Captured()
        weakref.finalize(held, lambda: freed_on.append(threading.current_thread().name))
        lane.run(lambda: type(held).__name__, delivered.append, delivered.append)

    submit()  # the only reference to `held` is now the operation's closure
    qtbot.waitUntil(lambda: delivered == ["Captured"], timeout=5_000)
    qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)
    assert freed_on == [threading.main_thread().name]
