"""One way for a screen to run work off the GUI thread: an operation built at the call site.

After Anki's `CollectionOp`/`QueryOp`: the call site says what to run, what to do with the
result, and (if it takes time) that the user sees progress and may cancel — nothing else::

    Op(self, lane, work).success(self._loaded).report_to(self.status.error).run()
    vault_op(self, session, export_month, month, path).success(done).progress(title).run()

What every operation gets without asking:

- its callbacks run on the GUI thread, and not at all once `owner` is deleted (locking destroys
  the screens while queued work finishes);
- a failure is shown once, the same way everywhere: the core's typed error in the user's
  language, or "unexpected error" with the technical detail only in the log (the lane logs it);
  to `report_to`'s sink when the screen has a status line, otherwise in a message box;
- with `progress`, a window-modal progress dialog whose Cancel sets the work's cancel event; the
  work gets a `Progress` to report to and to pass the event on to the core.
"""

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from consultant_app.errors import ConsultantAppError, Problem, ValidationError
from ui.operations import Lane

if TYPE_CHECKING:
    from consultant_app.storage.vault import Vault

log = logging.getLogger(__name__)

T = TypeVar("T")


class OperationCancelled(Exception):
    """Raised by work that stopped because the user pressed Cancel: not a failure."""


def error_text(error: Exception) -> str:
    """What to tell the user about a failed operation: the core's own text when it has one;
    otherwise no technical word at all (the lane logs the error, and Hjælp → Gem fejlrapport
    hands the log to support)."""
    if isinstance(error, ConsultantAppError):
        return str(error)
    return QCoreApplication.translate(
        "Errors",
        "Something unexpected went wrong, and nothing more was done. "
        "Help → Save error report saves the details for support.",
    )


class _ProgressRelay(QObject):
    """Lives on the GUI thread; emitted from the worker, so Qt queues the slot to the GUI."""

    reported = Signal(int, int, str)


class Progress:
    """Handed to work run with `Op.progress`: thread-safe reporting and the cancel flag."""

    def __init__(self, relay: _ProgressRelay, event: threading.Event | None = None) -> None:
        self.event = event or threading.Event()  # pass it to core functions that take `cancel=`
        self._relay = relay

    def report(self, done: int, total: int, text: str = "") -> None:
        if shiboken6.isValid(self._relay):
            self._relay.reported.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self.event.is_set()

    def check(self) -> None:
        """Stop here if the user cancelled."""
        if self.event.is_set():
            raise OperationCancelled


class Op(Generic[T]):
    """Work for a lane with what happens after it; `run()` sends it."""

    def __init__(self, owner: QObject, lane: Lane, work: Callable[..., T]) -> None:
        # `owner` ends the callbacks when it is deleted; a widget also parents the dialogs.
        self._owner = owner
        self._lane = lane
        self._work = work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_problems: Callable[[list[Problem]], None] | None = None
        self._sink: Callable[[str], None] | None = None
        self._on_cancelled: Callable[[], None] = lambda: None
        self._after: Callable[[], None] = lambda: None
        self._quiet = False
        self._progress_label: str | None = None
        self._cancellable = True
        self._cancel_event: threading.Event | None = None
        self.dialog: QProgressDialog | None = None

    # --- built at the call site ----------------------------------------------------------

    def success(self, callback: Callable[[T], None]) -> "Op[T]":
        self._on_success = callback
        return self

    def report_to(self, sink: Callable[[str], None]) -> "Op[T]":
        """Show a failure's text here (the screen's status line) instead of a message box."""
        self._sink = sink
        return self

    def problems(self, callback: Callable[[list[Problem]], None]) -> "Op[T]":
        """A form's refusal: the core's `ValidationError` problems, to show beside their fields;
        any other failure still goes where `report_to` (or the default) says."""
        self._on_problems = callback
        return self

    def failure(self, handler: Callable[[Exception], None]) -> "Op[T]":
        """For the few screens that treat some errors specially (the unlock dialog)."""
        self._on_failure = handler
        return self

    def quietly(self) -> "Op[T]":
        """Background work nobody asked for (a reminder, a prefetch): a failure goes to the log
        only, never to a window the user did not open."""
        self._quiet = True
        return self

    def cancelled(self, callback: Callable[[], None]) -> "Op[T]":
        self._on_cancelled = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> "Op[T]":
        """After success, failure or cancel alike (re-enable the buttons)."""
        self._after = callback
        return self

    def progress(
        self, label: str, *, cancellable: bool = True, event: threading.Event | None = None
    ) -> "Op[T]":
        """Show a progress dialog; the work is called with a `Progress`. `event`: the cancel flag
        to use (a network lane's, which locking sets too); a new one if not given."""
        self._progress_label = label
        self._cancellable = cancellable
        self._cancel_event = event
        return self

    # --- running -------------------------------------------------------------------------

    def run(self) -> "Op[T]":
        work = self._work
        if self._progress_label is not None:
            progress = self._open_progress_dialog(self._progress_label)
            work = _with_progress(self._work, progress)
        self._lane.run(work, self._alive(self._succeeded), self._alive(self._failed))
        return self

    def _open_progress_dialog(self, label: str) -> Progress:
        relay = _ProgressRelay(self._owner)
        progress = Progress(relay, self._cancel_event)
        parent = self._owner if isinstance(self._owner, QWidget) else None
        dialog = QProgressDialog(parent)  # Qt's own Cancel button, in Qt's translation
        dialog.setLabelText(label)
        dialog.setRange(0, 0)  # busy until the first report
        dialog.setWindowTitle((parent.window().windowTitle() if parent is not None else "") or label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.canceled.connect(progress.event.set)
        else:
            dialog.setCancelButton(None)
        relay.reported.connect(lambda done, total, text: _show_step(dialog, done, total, text))
        dialog.show()
        self.dialog = dialog
        self._relay = relay
        return progress

    def _close_progress_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    def _succeeded(self, result: T) -> None:
        self._close_progress_dialog()
        try:
            self._on_success(result)
        finally:
            self._after()

    def _failed(self, error: Exception) -> None:
        self._close_progress_dialog()
        try:
            if isinstance(error, OperationCancelled):
                self._on_cancelled()
            elif self._on_problems is not None and isinstance(error, ValidationError):
                self._on_problems(list(error.problems))
            elif self._on_failure is not None:
                self._on_failure(error)
            elif self._quiet:
                log.warning("background operation failed: %s", type(error).__name__)
            elif self._sink is not None:
                self._sink(error_text(error))
            else:
                parent = self._owner if isinstance(self._owner, QWidget) else None
                title = parent.window().windowTitle() if parent is not None else ""
                QMessageBox.warning(parent, title, error_text(error))
        finally:
            self._after()

    def _alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        owner = self._owner

        def call(value: Any) -> None:
            if shiboken6.isValid(owner):
                callback(value)
            elif self.dialog is not None:
                self.dialog = None  # deleted with its owner

        return call


def _show_step(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    if not shiboken6.isValid(dialog):
        return
    # The text first: setValue on a modal dialog processes events, and with them the reports
    # queued behind this one; a text set after it would put this older step's text back.
    if text:
        dialog.setLabelText(text)
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))


def _with_progress(work: Callable[[Progress], T], progress: Progress) -> Callable[[], T]:
    def run() -> T:
        progress.check()  # cancelled while it waited in the queue
        return work(progress)

    return run


def alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """`callback`, or nothing once `owner` has been deleted (for timers a screen starts)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


def vault_op(owner: QObject, session: Any, function: Callable[..., T], *args: Any, **kwargs: Any) -> Op[T]:
    """An `Op` of `function(vault_session, *args, **kwargs)` in one unit of work of the vault."""
    return Op(owner, session.lane, in_vault(session.vault, function, *args, **kwargs))


def on_database(session: Any) -> Callable[[Callable[[Any], T]], T]:
    """For work on the network lane: each of its vault steps (`unit(session)`) runs on the
    database lane in its turn, and is refused once the vault is locked."""
    vault, lane = session.vault, session.lane
    return lambda unit: lane.call(lambda: vault.run(unit))


def in_vault(vault: "Vault", function: Callable[..., T], *args: Any, **kwargs: Any) -> Callable[[], T]:
    """`function(session, *args, **kwargs)` in one vault session, for a lane."""

    def work() -> T:
        with vault.session() as session:
            return function(session, *args, **kwargs)

    return work
