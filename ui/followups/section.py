"""Opfølgning: every open follow-up, grouped as the day sees them — overdue (red), today,
upcoming, snoozed. Space marks the chosen ones done, Enter opens the case; snooze, edit, add on a
case code, and export the chosen ones to the ordinary calendar (.ics, the case code only)."""

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultant_app.followups import Agenda, FollowUpRow, agenda, export_calendar, mark_done, unsnooze
from ui import theme
from ui.followups.dialogs import FollowUpDialog, SnoozeDialog
from ui.labels import label, short_date
from ui.op import Op, vault_op
from ui.save_dialog import file_name, in_documents
from ui.section import Section, Session
from ui.widgets import StatusLine, heading

ROW_ROLE = Qt.ItemDataRole.UserRole
GROUPS = ("overdue", "due_today", "upcoming", "snoozed")


def _load(session) -> Agenda:
    return agenda(session, date.today(), horizon_days=None)


class FollowUpsSection(Section):
    key = "followups"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.data: Agenda | None = None
        self.dialog = None
        self._selected: set[int] = set()

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Follow-ups"))
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("Case"), self.tr("Type"), self.tr("Due"), self.tr("Snoozed until"), self.tr("Note")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column, width in ((0, 190), (1, 170), (2, 110), (3, 120)):
            self.tree.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.tree, self.mark_done)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)

        def button(text: str, slot, tip: str = "") -> QPushButton:
            b = QPushButton(text)
            b.clicked.connect(slot)
            if tip:
                b.setToolTip(tip)
            return b

        self.done_button = button(
            self.tr("&Done"), self.mark_done, self.tr("Mark the chosen follow-ups done (Space)")
        )
        self.snooze_button = button(self.tr("&Snooze…"), self.snooze_selected)
        self.unsnooze_button = button(self.tr("End s&nooze"), self.unsnooze_selected)
        self.edit_button = button(self.tr("&Edit…"), self.edit_selected)
        self.open_button = button(
            self.tr("&Open case"), self.open_selected, self.tr("Open the case ({key})").format(key="Enter")
        )
        self.new_button = button(self.tr("&New follow-up…"), self.add)
        self.export_button = button(
            self.tr("E&xport to calendar…"),
            self.export_selected,
            self.tr("Write the chosen follow-ups as a calendar file (.ics)"),
        )
        self.status = StatusLine()
        note = QLabel(
            self.tr(
                "The calendar file holds only “Follow-up” and the case code on the day: no name, "
                "no type and no note, because a calendar is copied to phones and servers outside the vault."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(theme.muted_style())

        actions = QHBoxLayout()
        for b in (
            self.done_button,
            self.snooze_button,
            self.unsnooze_button,
            self.edit_button,
            self.open_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.new_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(actions)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(note)
        self.setFocusProxy(self.tree)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Follow-ups")

    # --- loading --------------------------------------------------------------------------

    def activate(self) -> None:
        vault_op(self, self.session, _load).success(self._loaded).report_to(self.status.error).run()

    def _loaded(self, data: Agenda) -> None:
        self.data = data
        keep = set(self._selected)
        current = self._row(self.tree.currentItem())
        self.tree.blockSignals(True)
        self.tree.clear()
        titles = {
            "overdue": self.tr("Overdue"),
            "due_today": self.tr("Today"),
            "upcoming": self.tr("Upcoming"),
            "snoozed": self.tr("Snoozed"),
        }
        empty = {
            "overdue": self.tr("Nothing is overdue."),
            "due_today": self.tr("No follow-ups today."),
            "upcoming": self.tr("Nothing coming up."),
            "snoozed": self.tr("None snoozed."),
        }
        bold = QFont(self.tree.font())
        bold.setBold(True)
        red = QBrush(QColor(theme.tones().error))
        current_item = None
        for group in GROUPS:
            rows: list[FollowUpRow] = getattr(data, group)
            top = QTreeWidgetItem(self.tree, [f"{titles[group]} ({len(rows)})"])
            top.setData(0, ROW_ROLE, group)
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if group == "overdue" and rows:
                top.setForeground(0, red)
            for row in rows:
                item = QTreeWidgetItem(
                    top,
                    [
                        row.case_code,
                        label("follow_up_type", row.type),
                        short_date(row.due_on),
                        short_date(row.snoozed_until) if group == "snoozed" else "",
                        (row.note or "").replace("\n", " "),
                    ],
                )
                item.setData(0, ROW_ROLE, row)
                item.setToolTip(4, row.note or "")
                if group == "overdue":
                    for column in range(5):
                        item.setForeground(column, red)
                if row.id in keep:
                    item.setSelected(True)
                if current is not None and row.id == current.id:
                    current_item = item
            if not rows:
                placeholder = QTreeWidgetItem(top, [empty[group]])
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                placeholder.setFirstColumnSpanned(True)
            top.setExpanded(True)
        if current_item is None:
            current_item = next(iter(self._items()), None)
        if current_item is not None:
            self.tree.setCurrentItem(current_item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.blockSignals(False)
        self._selection_changed()

    # --- what is chosen -------------------------------------------------------------------

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            children = [top.child(i) for i in range(top.childCount())] if top is not None else []
            found += [child for child in children if child is not None and self._row(child)]
        return found

    @staticmethod
    def _row(item: QTreeWidgetItem | None) -> FollowUpRow | None:
        value = item.data(0, ROW_ROLE) if item is not None else None
        return value if isinstance(value, FollowUpRow) else None

    def group_of(self, follow_up_id: int) -> str | None:
        """Which group shows this follow-up (for tests and the keyboard journey)."""
        for item in self._items():
            row, group = self._row(item), item.parent()
            if row is not None and row.id == follow_up_id and group is not None:
                return group.data(0, ROW_ROLE)
        return None

    def select(self, follow_up_id: int) -> None:
        for item in self._items():
            row = self._row(item)
            if row is not None and row.id == follow_up_id:
                self.tree.setCurrentItem(item)
                return

    def selected_rows(self) -> list[FollowUpRow]:
        rows = [self._row(i) for i in self.tree.selectedItems()]
        chosen = [r for r in rows if r is not None]
        if not chosen and (current := self._row(self.tree.currentItem())) is not None:
            chosen = [current]
        return chosen

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        self._selected = {r.id for r in rows}
        one = len(rows) == 1
        self.done_button.setEnabled(bool(rows))
        self.snooze_button.setEnabled(bool(rows) and one)
        self.unsnooze_button.setEnabled(any(r.snoozed_until and r.is_hidden(date.today()) for r in rows))
        self.edit_button.setEnabled(one)
        self.open_button.setEnabled(one)
        self.export_button.setEnabled(bool(rows))

    def _activated(self, item: QTreeWidgetItem) -> None:
        row = self._row(item)
        if row is not None:
            self.open_case.emit(row.inquiry_id)

    # --- actions --------------------------------------------------------------------------

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_case.emit(rows[0].inquiry_id)

    def mark_done(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = [r.id for r in rows]

        def work(session) -> int:
            for follow_up_id in ids:
                mark_done(session, follow_up_id)
            return len(ids)

        def done(count: int) -> None:
            codes = ", ".join(r.case_code for r in rows)
            self.status.ok(self.tr("Done: %n follow-up(s) ({codes}).", "", count).format(codes=codes))
            self._selected = set()
            self.activate()

        vault_op(self, self.session, work).success(done).report_to(self.status.error).run()

    def unsnooze_selected(self) -> None:
        ids = [r.id for r in self.selected_rows() if r.is_hidden(date.today())]

        def work(session) -> None:
            for follow_up_id in ids:
                unsnooze(session, follow_up_id)

        vault_op(self, self.session, work).success(lambda _r: self.activate()).report_to(
            self.status.error
        ).run()

    def snooze_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open(SnoozeDialog(self.session, rows[0], self), self.tr("Snoozed: {code} until {until}."))

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open(
                FollowUpDialog(self.session, rows[0], parent=self), self.tr("Saved: follow-up on {code}.")
            )

    def add(self, case_code: str = "") -> None:
        self._open(
            FollowUpDialog(self.session, case_code=case_code or "", parent=self),
            self.tr("Added: follow-up on {code}."),
        )

    def _open(self, dialog, message: str) -> None:
        self.dialog = dialog

        def saved(row: FollowUpRow) -> None:
            self._selected = {row.id}
            until = short_date(row.snoozed_until) if row.snoozed_until else ""
            self.status.ok(message.format(code=row.case_code, until=until))
            self.activate()

        dialog.saved.connect(saved)
        dialog.finished.connect(lambda _r: self.tree.setFocus())
        dialog.open()

    def export_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export follow-ups to calendar"),
            in_documents(file_name("opfoelgning", date.today().isoformat(), suffix=".ics")),
            self.tr("Calendar (*.ics)"),
        )
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        ids = [r.id for r in rows]

        def work():
            # The save dialog has asked before replacing a file.
            return export_calendar(self.session.vault, path, follow_up_ids=ids, overwrite=True)

        def written(summary) -> None:
            self.status.ok(
                self.tr(
                    "%n follow-up(s) written to {path}. The file holds only the case codes.",
                    "",
                    summary.events,
                ).format(path=summary.path)
            )

        Op(self, self.session.lane, work).success(written).report_to(self.status.error).run()

    # --- navigation state -----------------------------------------------------------------

    def state(self) -> dict:
        return {"selected": sorted(self._selected)}

    def restore(self, state: dict) -> None:
        selected = state.get("selected")
        if isinstance(selected, list):
            self._selected = {v for v in selected if isinstance(v, int)}
