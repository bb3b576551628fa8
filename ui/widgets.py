"""Small widgets the screens share: a field's error line, code choosers, a heading."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultant_app.codes import load_codes
from ui import theme

if TYPE_CHECKING:  # at run time `__getattr__` below imports them, when first asked for
    from ui.date_fields import DateField as DateField
    from ui.date_fields import DateTimeField as DateTimeField

CODE_ROLE = Qt.ItemDataRole.UserRole


def shortcut_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A shortcut as this platform writes it (Ctrl+S; ⌘S on a Mac)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def heading(text: str, scale: float = 1.4, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def save_key(button: QAbstractButton, owner: QWidget) -> QShortcut:
    """Ctrl+S (⌘S on a Mac) presses `owner`'s save button, as the button itself would be pressed:
    not while it is disabled (a save is running), and through the same slot. Only while the
    owner or a child has the focus, so each screen of the main window keeps its own."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), owner, button.click)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut


def announce(widget: QWidget) -> None:
    """Tell a screen reader a problem just appeared in `widget` (an Alert: read out at once,
    wherever the focus is), so an error shown in red is not an error seen only by eye."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


def name_from(label: QLabel) -> QLabel:
    """Give the label's buddy the label's text as its accessible name, without the mnemonic's
    "&", the colon or the required mark. Qt finds a buddy's label for a screen reader only when
    both share a parent; a field wrapped with its error line in a cell widget is silent without this."""
    buddy = label.buddy()
    if buddy is not None:
        buddy.setAccessibleName(
            label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *:")
        )
    return label


def warning_box(rich_text: str) -> QFrame:
    """A framed warning in the theme's notice colours, for what the user must read before going
    on (a file that leaves the vault unencrypted). `rich_text` is the screen's own translated
    text, never user data."""
    box = QFrame()
    box.setObjectName("warning")
    box.setStyleSheet(theme.notice_style("QFrame#warning"))
    text = QLabel(rich_text)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    QVBoxLayout(box).addWidget(text)
    return box


class ErrorLabel(QLabel):
    """The problem with one field, in red just below it; takes no room when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(theme.error_style())
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str | None) -> None:
        # Announced when it appears or changes, not again on every keystroke that keeps it.
        new = bool(message) and (message != self.text() or self.isHidden())
        self.setText(message or "")
        self.setAccessibleDescription(message or "")
        self.setVisible(bool(message))
        if new:
            announce(self)


class StatusLine(QLabel):
    """A screen's one line of news: what just happened, or what went wrong.

    The one place a screen reports an outcome (the operation builder's failures land here),
    so every screen says it the same way and a screen reader hears a problem when it appears.
    """

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, rich: bool = False, collapse: bool = False
    ) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        # Plain unless the screen composes markup itself: messages may quote a path or a name.
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._collapse = collapse  # takes no room while there is nothing to say
        if collapse and not text:
            self.hide()

    def ok(self, text: str) -> None:
        self._show(text, theme.ok_style())

    def error(self, text: str) -> None:
        self._show(text, theme.error_style())
        announce(self)

    def info(self, text: str) -> None:
        self._show(text, "")

    def clear_message(self) -> None:
        self._show("", "")

    def _show(self, text: str, style: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.setAccessibleDescription(text)
        if self._collapse:
            self.setVisible(bool(text))


class CodeCombo(QComboBox):
    """Chooses one code of a code list by its label. Nothing is chosen at first (a placeholder
    asks); `optional` adds a first "none" entry so a choice can be taken back with the keys."""

    def __init__(
        self, list_name: str, placeholder: str, *, optional: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        if optional is not None:
            self.addItem(optional, None)
        for code in load_codes()[list_name]:
            self.addItem(code.label(), code.code)
        self.setCurrentIndex(-1)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def code(self) -> str | None:
        return self.currentData(CODE_ROLE) if self.currentIndex() >= 0 else None

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(self.findData(code, CODE_ROLE) if code is not None else -1)


class CheckList(QListWidget):
    """Several codes of a list, each a check box: Tab in, arrows to move, Space to tick."""

    def __init__(self, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in load_codes()[list_name]:
            item = QListWidgetItem(code.label(), self)
            item.setData(CODE_ROLE, code.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        # No selection: a highlighted row would look chosen. The focus frame shows where Space ticks.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setCurrentRow(0)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every entry visible at once: no scrolling inside a form.
        rows = self.sizeHintForRow(0) * self.count() + 2 * self.frameWidth() + 2
        self.setFixedHeight(rows)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def codes(self) -> tuple[str, ...]:
        return tuple(i.data(CODE_ROLE) for i in self._items() if i.checkState() == Qt.CheckState.Checked)

    def set_codes(self, codes: tuple[str, ...] | list[str]) -> None:
        for item in self._items():
            checked = item.data(CODE_ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def __getattr__(name: str) -> object:
    """`DateField` and `DateTimeField` live in ui.date_fields (they use `ErrorLabel` from here);
    the screens import them from this module as before."""
    if name in ("DateField", "DateTimeField"):
        from ui import date_fields

        return getattr(date_fields, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
