"""The lanes: an operation runs on a worker, its result comes back on the GUI thread.

Two lanes, so that waiting on a server never holds the vault: the database lane (`Lane`, one
per application) for everything that reads or writes the vault, and a network lane
(`NetworkLane`, one per unlocked session) for sync and e-mail, whose short database steps go
to the database lane through `Lane.call`. Locking abandons the network lane at once.

After Anki's CollectionOp: no widget touches the vault on the GUI thread, so a key derivation or
a long query never freezes the window, and with a single worker two operations never use the
vault at the same time. Success and failure are delivered in one place, on the GUI thread.

The worker is one long-lived thread (a single-worker executor): the vault's one connection is
used from one thread at a time, in the order the user asked.

Python's cyclic garbage collector would otherwise run in whichever thread happens to allocate:
on the worker it can free a Qt widget (which must die on the GUI thread), on the GUI thread it
can free a database cursor while the worker uses the same connection — both crash the process.
So the automatic collector is off (`MainThreadCollector`, as Anki does) and collection runs on
the GUI thread while the database lane holds still (`Lane.collect_garbage`).
"""

import gc
import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from consultant_app.errors import ConsultantAppError, VaultLockedError

T = TypeVar("T")

log = logging.getLogger(__name__)

OnSuccess = Callable[[Any], None]
OnFailure = Callable[[Exception], None]


def _log_unexpected(exc: Exception) -> None:
    if not isinstance(exc, ConsultantAppError):  # expected errors explain themselves to the user
        log.error("database operation failed", exc_info=exc)


class Lane(QObject):
    """Runs operations one after another, in the order submitted, on a single worker thread."""

    # Emitted on the worker, received on the GUI thread (the lane lives there): queued by Qt.
    _done = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, name: str = "database-lane") -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        # token -> (operation, on_success, on_failure), held here on the GUI thread's side until
        # delivered: the worker never holds the last reference to an operation or to what it
        # captured (a dialog, a closure over a widget), so none of it is freed on the worker,
        # where freeing a Qt object crashes the process.
        self._pending: dict[int, tuple[Callable[[], Any], OnSuccess, OnFailure]] = {}
        self._tokens = itertools.count()
        self._closed = False
        self._done.connect(self._deliver)

    def run(self, operation: Callable[[], Any], on_success: OnSuccess, on_failure: OnFailure) -> None:
        if self._closed:
            # The app is shutting down and the vault is locked: a timer that fires now (a
            # reminder, a delayed search) has nothing to do.
            log.debug("operation dropped: the lane is closed")
            return
        token = next(self._tokens)
        self._pending[token] = (operation, on_success, on_failure)
        self._executor.submit(self._work, token)

    def _work(self, token: int) -> None:
        """On the worker."""
        operation = self._pending[token][0]
        try:
            ok, value = True, operation()
        except Exception as exc:
            _log_unexpected(exc)
            # Without its traceback: the frames would keep the operation's objects alive on
            # this thread after the GUI thread let them go.
            ok, value = False, exc.with_traceback(None)
        del operation
        self._done.emit(token, ok, value)

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, value: object) -> None:
        entry = self._pending.pop(token, None)
        if entry is None:
            return
        _operation, on_success, on_failure = entry
        if ok:
            on_success(value)
        elif isinstance(value, Exception):
            on_failure(value)

    def call(self, operation: Callable[[], T]) -> T:
        """From another lane's worker (never the GUI thread): run `operation` here, in its turn,
        and wait for it. A closed lane means the vault is gone: VaultLockedError."""
        try:
            future = self._executor.submit(operation)
        except RuntimeError:  # shut down: the application is closing
            raise VaultLockedError() from None
        return future.result()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def collect_garbage(self) -> bool:
        """On the GUI thread: collect Python's cyclic garbage while the worker holds still, so no
        object of the vault's connection is freed while it is in use. Only when nothing is
        queued (the GUI never waits behind a long operation); False when it had to skip."""
        if self._closed:
            gc.collect()
            return True
        if self.busy:
            return False
        holding, release = threading.Event(), threading.Event()

        def hold() -> None:
            holding.set()
            release.wait(timeout=10)  # never a stuck lane, whatever happens on the GUI thread

        self._executor.submit(hold)
        try:
            if holding.wait(timeout=1):  # an idle lane reaches it at once
                gc.collect()
                return True
            return False
        finally:
            release.set()

    def close(self, last: Callable[[], object] | None = None) -> None:
        """At shutdown, when no window is left: run `last` after everything queued (on the lane,
        where the vault was opened), then stop the worker. Blocks until it has."""
        if self._closed:
            return
        self._closed = True
        if last is not None:
            self._executor.submit(_last, last)
        self._executor.shutdown(wait=True)


class MainThreadCollector(QObject):
    """Turns Python's automatic cyclic collector off for the desktop and collects every few
    seconds on the GUI thread instead, while the database lane holds still (see the module's
    docstring). Reference counting still frees most objects at once, wherever they are dropped."""

    def __init__(self, lane: Lane, parent: QObject | None = None, *, interval_ms: int = 5_000) -> None:
        super().__init__(parent)
        gc.disable()
        self._lane = lane
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> bool:
        return self._lane.collect_garbage()


def _last(operation: Callable[[], object]) -> None:
    try:
        operation()
    except Exception as exc:
        _log_unexpected(exc)


class NetworkLane(Lane):
    """Work that waits on a server (sync, SMTP), one per unlocked session.

    `abandon()` at lock: every running job's cancel event is set and nothing more starts, without
    waiting for a server that may never answer. A job that comes back later finds its screen
    gone (its callbacks are dropped) and the vault locked (its database steps are refused)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, name="network-lane")
        self._guard = threading.Lock()
        self._cancels: set[threading.Event] = set()

    def cancel_event(self) -> threading.Event:
        """A cancel flag that `abandon` sets; hand it to the core function as `cancel=`."""
        event = threading.Event()
        with self._guard:
            if self._closed:
                event.set()
            self._cancels.add(event)
        return event

    def abandon(self) -> None:
        with self._guard:
            self._closed = True
            for event in self._cancels:
                event.set()
        self._executor.shutdown(wait=False, cancel_futures=True)
        # A job still waiting on its server will report to this lane's relays when it ends:
        # the lane must outlive it, whoever drops the session. Kept until its worker is gone.
        _ABANDONED[:] = [lane for lane in _ABANDONED if lane._working()] + [self]

    def _working(self) -> bool:
        return any(thread.is_alive() for thread in self._executor._threads)


_ABANDONED: list[NetworkLane] = []
