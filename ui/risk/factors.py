"""The factor grid: per group of the instrument, each item rated now (and earlier, where the
group asks for it) with a note. A checklist's items are answered yes or no."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from consultant_app.risk import CHECKLIST, Instrument, Rating
from consultant_app.risk import texts as T
from ui import theme
from ui.risk.fields import CodeChoice


def _marked() -> str:
    return f"QComboBox {{ border: 2px solid {theme.tones().error}; }}"


class ItemRow:
    def __init__(self, item_id: str, now: CodeChoice, earlier: CodeChoice | None, note: QLineEdit) -> None:
        self.item_id = item_id
        self.now = now
        self.earlier = earlier
        self.note = note

    def rating(self) -> Rating:
        return Rating(
            self.item_id,
            self.now.code(),
            self.earlier.code() if self.earlier else None,
            self.note.text() or None,
        )

    def set_rating(self, rating: Rating) -> None:
        self.now.set_code(rating.now)
        if self.earlier:
            self.earlier.set_code(rating.earlier)
        self.note.setText(rating.note or "")


class FactorGrid(QWidget):
    """The items of the instrument's groups of one kind (risk or protective)."""

    changed = Signal()

    def __init__(self, instrument: Instrument, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.rows: dict[str, ItemRow] = {}
        checklist = instrument.kind == CHECKLIST
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for group in instrument.groups:
            if group.kind != kind:
                continue
            box = QGroupBox(f"{group.id}. {group.title.text()}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(10)
            now_caption = T.ANSWER if checklist else (T.NOW if group.rated_earlier else T.PRESENT)
            captions = [T.NUMBER, T.ITEM_QUESTION if checklist else T.ITEM, now_caption]
            if group.rated_earlier:
                captions.append(T.EARLIER)
            captions.append(T.NOTE)
            for n, caption in enumerate(captions):
                grid.addWidget(QLabel(f"<b>{caption.render()}</b>"), 0, n)
            grid.setColumnStretch(1, 3)
            grid.setColumnStretch(len(captions) - 1, 2)
            for row_number, item in enumerate(group.items, start=1):
                text = QLabel(item.label.text())
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.PlainText)
                if item.guidance:
                    text.setToolTip(item.guidance.text())
                now = CodeChoice("risk_rating", instrument.scale)
                now.setAccessibleName(f"{item.id} {now_caption.render()}")
                earlier = None
                if group.rated_earlier:
                    earlier = CodeChoice("risk_rating", instrument.scale)
                    earlier.setAccessibleName(f"{item.id} {T.EARLIER.render()}")
                note = QLineEdit()
                note.setAccessibleName(f"{item.id} {T.NOTE.render()}")
                widgets = [QLabel(item.id), text, now, *([earlier] if earlier else []), note]
                for n, widget in enumerate(widgets):
                    grid.addWidget(widget, row_number, n)
                now.changed.connect(self._changed)
                self.rows[item.id] = ItemRow(item.id, now, earlier, note)
            column.addWidget(box)

    def _changed(self) -> None:
        sender = self.sender()
        if isinstance(sender, QWidget):  # the choice that was answered is no longer marked
            sender.setStyleSheet("")
        self.changed.emit()

    def set_ratings(self, ratings: tuple[Rating, ...]) -> None:
        by_id = {r.item_id: r for r in ratings}
        for item_id, row in self.rows.items():
            row.set_rating(by_id.get(item_id, Rating(item_id)))

    def ratings(self) -> tuple[Rating, ...]:
        return tuple(row.rating() for row in self.rows.values())

    def mark(self, item_ids: set[str]) -> None:
        """Outline the answers still missing (after a refused finalising)."""
        for item_id, row in self.rows.items():
            row.now.setStyleSheet(_marked() if item_id in item_ids else "")

    def yes_count(self) -> int:
        return sum(row.now.code() == "ja" for row in self.rows.values())
