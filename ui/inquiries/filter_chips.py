"""The inquiry list's active filters as a row of small buttons ("Region: Hovedstaden ✕"): what
narrows the list is always in sight, and a click, or Space on the focused chip, removes it.

A chip is a real push button, so Tab reaches it and a screen reader says what it does
("Fjern filteret Region: Hovedstaden"). After a chip is removed the keyboard stays in the row
(on the chip that took its place), or goes back to the search field when the row is empty.
"""

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.flow_layout import FlowLayout

# Colours from the palette only, so the chips follow a light or dark system theme.
CHIP_STYLE = (
    "QPushButton { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 10px;"
    " background: palette(button); color: palette(button-text); }"
    " QPushButton:hover { background: palette(midlight); }"
    " QPushButton:focus { border: 2px solid palette(highlight); }"
)
# A chip is one line, and a word does not wrap: a pasted paragraph as the search made its chip
# (and the window) wider than the screen. A longer value is cut; the chip's tooltip has it all.
MAX_VALUE_CHARS = 40


@dataclass(frozen=True)
class ActiveFilter:
    key: str  # which filter (FilterBar.clear_filter takes it)
    caption: str  # "Region"
    value: str  # "Hovedstaden"

    def text(self) -> str:
        return f"{self.caption}: {self.value}"

    def short_text(self) -> str:
        """`text`, with a value longer than MAX_VALUE_CHARS cut to fit on a screen."""
        value = self.value
        if len(value) > MAX_VALUE_CHARS:
            value = value[: MAX_VALUE_CHARS - 1].rstrip() + "…"
        return f"{self.caption}: {value}"


class FilterChips(QWidget):
    remove = Signal(str)  # the key of the filter to remove

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: list[QPushButton] = []
        self._shown: list[ActiveFilter] = []
        self._caption = QLabel(self.tr("Filters:"))
        # Wrapped onto a second row when they do not fit: never clipped, never widening the window.
        self._layout = FlowLayout(self)
        self._layout.addWidget(self._caption)
        self._refocus: int | None = None
        self.setVisible(False)

    def show_filters(
        self, active: list[ActiveFilter], before: QWidget, after: QWidget, home: QWidget
    ) -> None:
        """Show these filters, in the tab chain between `before` and `after`; the keyboard goes
        `home` when the last chip it was on is removed."""
        if active == self._shown:
            return
        self._shown = list(active)
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for position, found in enumerate(active):
            # '&&': an '&' in a search is shown, not made an Alt shortcut that removes the chip.
            chip = QPushButton(f"{found.short_text()} ✕".replace("&", "&&"))
            chip.setObjectName(f"chip_{found.key}")
            chip.setAutoDefault(False)
            chip.setStyleSheet(CHIP_STYLE)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            description = self.tr("Remove the filter {filter}").format(filter=found.text())
            chip.setAccessibleName(description)
            chip.setToolTip(description)
            chip.clicked.connect(lambda _checked=False, key=found.key, at=position: self._removed(key, at))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        chain = [before, *self.chips, after]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setVisible(bool(self.chips))
        for chip in self.chips:
            chip.show()  # now, not when the layout gets to it: the focus may be given to one
        if self._refocus is not None:
            at, self._refocus = self._refocus, None
            if self.chips:
                self.chips[min(at, len(self.chips) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                home.setFocus(Qt.FocusReason.OtherFocusReason)

    def _removed(self, key: str, position: int) -> None:
        if self.chips and self.chips[min(position, len(self.chips) - 1)].hasFocus():
            self._refocus = position  # the keyboard stays in the row
        self.remove.emit(key)
