"""A case's timeline as a list, newest first, where every entry opens: Enter or a double click
asks for it (`open_entry`), Delete asks to delete it (`delete_entry`).

The selection is drawn in the palette's highlight (a style sheet on the items would otherwise
hide it) and stays on the same entry when the case is read again after a change.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from consultant_app.services.timeline import FOLLOW_UP, OVERDUE, TimelineEntry
from ui import theme
from ui.inquiries.timeline_text import entry_text

ENTRY_ROLE = Qt.ItemDataRole.UserRole
STYLE = (
    "QListWidget::item { border-bottom: 1px solid palette(midlight); padding: 3px; }"
    " QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
)


def entry_key(entry: TimelineEntry) -> tuple[str, int | None]:
    return entry.kind, entry.source_id


class CaseTimeline(QListWidget):
    open_entry = Signal(object)  # TimelineEntry
    delete_entry = Signal(object)  # TimelineEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setStyleSheet(STYLE)
        self.itemActivated.connect(self._activated)  # Enter, and a double click

    def show_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        kept = self.current_entry()
        self.clear()
        overdue = QColor(theme.tones().error)  # red that reads on a light or a dark list
        for entry in entries:
            item = QListWidgetItem(entry_text(entry), self)
            item.setData(ENTRY_ROLE, entry)
            if entry.kind == FOLLOW_UP and entry.state == OVERDUE:
                item.setForeground(overdue)  # the first worry of the day
        wanted = entry_key(kept) if kept else None
        row = next((n for n, e in enumerate(entries) if wanted and entry_key(e) == wanted), 0)
        if entries:
            self.setCurrentRow(row)

    def current_entry(self) -> TimelineEntry | None:
        item = self.currentItem()
        return item.data(ENTRY_ROLE) if item is not None else None

    def entries(self) -> list[TimelineEntry]:
        return [self.item(row).data(ENTRY_ROLE) for row in range(self.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_entry.emit(item.data(ENTRY_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self.current_entry()
        if event.key() == Qt.Key.Key_Delete and entry is not None:
            self.delete_entry.emit(entry)
            return
        super().keyPressEvent(event)
