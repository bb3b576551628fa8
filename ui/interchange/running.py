"""What the two dialogs share: how a core function's progress and cancel meet the op builder's."""

from collections.abc import Callable
from typing import TypeVar

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.interchange import ExportCancelled, ImportCancelled
from ui.op import OperationCancelled, Progress

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
