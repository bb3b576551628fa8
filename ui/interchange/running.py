"""What the two dialogs share: how a core function's progress and cancel meet the op builder's."""

from collections.abc import Callable
from typing import TypeVar

from consultant_app.interchange import ExportCancelled, ImportCancelled
from ui.op import OperationCancelled, Progress

T = TypeVar("T")


def cancellable(work: Callable[[Progress], T]) -> Callable[[Progress], T]:
    """The core's own "stopped, nothing written" becomes the op builder's cancel: the dialog
    says so in its status line instead of reporting a failure."""

    def run(progress: Progress) -> T:
        try:
            return work(progress)
        except (ImportCancelled, ExportCancelled):
            raise OperationCancelled() from None

    return run
