"""What the two dialogs share: how a core function's progress and cancel meet the op builder's,
and a step under way that stops when the dialog is hidden."""

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.interchange import ExportCancelled, ImportCancelled
from ui.op import Op, OperationCancelled, Progress

T = TypeVar("T")


class Stopped(OperationCancelled, ConsultantAppError):
    """The user's Cancel, as the op builder knows it; also an expected error, so the lane does
    not log a cancel the user asked for as a failure with its traceback."""

    text = Text(da="Afbrudt.", en="Stopped.")


def cancellable(work: Callable[[Progress], T]) -> Callable[[Progress], T]:
    """The core's own "stopped, nothing written" becomes the op builder's cancel: the dialog
    says so in its status line instead of reporting a failure."""

    def run(progress: Progress) -> T:
        try:
            return work(progress)
        except (ImportCancelled, ExportCancelled):
            raise Stopped() from None

    return run


class StepDialog(QDialog):
    """A dialog that runs one step at a time on the database lane, with a progress dialog whose
    Cancel (or Esc) stops it; `_running` is the step under way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._running: Op | None = None

    def _new_cancel(self) -> threading.Event:
        self._cancel = threading.Event()  # the progress dialog's Cancel sets it, and so does hiding
        return self._cancel

    def hideEvent(self, event: QHideEvent) -> None:
        # Locking hides every window: a step under way stops (nothing written) instead of
        # holding the lock back until it ends. Not a minimise (a spontaneous hide).
        if self._running is not None and not event.spontaneous():
            self._cancel.set()
        super().hideEvent(event)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The running step's progress bar with its Cancel button (Esc cancels too)."""
        return self._running.dialog if self._running is not None else None
