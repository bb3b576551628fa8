"""Small helpers for sending work down the lane from a widget.

`in_vault` makes one unit of work (a vault session) of a core function; `alive` drops a result
that arrives after its widget is gone (locking destroys the screens while queued work finishes).
"""

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from consultant_app.errors import ConsultantAppError
from consultant_app.storage.vault import Vault


def in_vault(vault: Vault, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
    """`function(session, *args, **kwargs)` in one vault session, for `Lane.run`."""

    def work() -> Any:
        with vault.session() as session:
            return function(session, *args, **kwargs)

    return work


def alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """`callback`, or nothing once `owner` has been deleted."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


def error_text(error: Exception) -> str:
    """What to tell the user about a failed operation (the core's own text when it has one)."""
    if isinstance(error, ConsultantAppError):
        return str(error)
    return QCoreApplication.translate(
        "Errors", "Unexpected error ({kind}). The details are in the log."
    ).format(kind=type(error).__name__)
