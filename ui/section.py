"""The contract between the main window and the screens in its navigation.

A section is built when the vault is unlocked and destroyed when it is locked, so no widget
outlives the key that showed its data. It gets everything it needs through the constructor
(the `Session`), never from globals or `self.window()`, and does all database work on the lane.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from consultant_app.domain import Profile
from consultant_app.storage.vault import Vault
from ui.operations import Lane, NetworkLane


@dataclass(frozen=True)
class Session:
    """What an unlocked desktop hands each screen."""

    vault: Vault
    profile: Profile  # detached: readable on the GUI thread
    lane: Lane  # the database lane (the application's)
    network: NetworkLane = field(default_factory=NetworkLane)  # this session's; abandoned at lock


class Section(QWidget):
    """One screen of the main window (Overblik, Henvendelser, Fagpersoner, ...).

    `key` is stable (it names the screen in the saved navigation state); `title()` is
    translated. `open_case` asks the main window to show one inquiry's case view.
    """

    key: str = ""
    open_case = Signal(int)  # inquiry id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the screen is shown: reload what may have changed (on the lane)."""

    def state(self) -> dict:
        """Where the user is (selection, filters) — restored after an unlock. Never case text."""
        return {}

    def restore(self, state: dict) -> None:
        """Return to a state from `state()`."""
