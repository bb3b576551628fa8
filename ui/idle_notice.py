"""The notice a minute before the idle lock: "the vault locks in 60 seconds" and Stay.

A message box of its own (not a line in the main window): a form open as a window-modal dialog
blocks input to the main window, but not to a sibling window. It is not modal itself, takes the
keyboard when it appears (nobody is typing: that is why it appears), so Enter or Space on Stay,
or Alt+B, keeps the app unlocked; a screen reader reads it out as an alert. Any other input
also keeps the app unlocked (the idle timer sees it) and the notice then goes by itself.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui.widgets import announce


class IdleNotice(QMessageBox):
    stay = Signal()  # the user is here: restart the idle time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("The vault is about to lock"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.stay_button: QPushButton = self.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.stay_button)
        self.setEscapeButton(self.stay_button)  # Esc is "I am here" too, never "lock now"
        self.buttonClicked.connect(lambda _button: self.stay.emit())

    def warn(self, seconds: int) -> None:
        self.setText(
            self.tr(
                "Nothing has happened for a while: the vault locks in {seconds} seconds. "
                "What you have typed is kept as a draft."
            ).format(seconds=seconds)
        )
        self.setAccessibleDescription(self.text())
        self.show()
        self.raise_()
        self.activateWindow()
        self.stay_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self)

    def withdraw(self) -> None:
        """Input came (or the lock did): the notice has nothing more to say."""
        if self.isVisible():
            self.hide()
