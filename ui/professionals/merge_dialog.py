"""Merge professionals who are one person: choose whom to keep, see what happens, merge.

Opened with the suggestions (services/professional_directory.likely_duplicates), the dialog
walks through them one group at a time; opened with rows the user selected, it has one group.
The merge itself is the core's (`merge_professionals`): all or nothing, audited.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.domain.phone import danish_phone
from consultant_app.services.professional_directory import SAME_EMAIL, DuplicateCandidate, DuplicateSuggestion
from consultant_app.services.professionals import MergeOutcome, merge_professionals
from ui.op import vault_op
from ui.section import Session
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLabel


@dataclass(frozen=True)
class MergeGroup:
    title: str
    members: tuple[DuplicateCandidate, ...]
    keep_id: int


def suggestion_title(suggestion: DuplicateSuggestion) -> str:
    if SAME_EMAIL in suggestion.reasons:
        why = QCoreApplication.translate("MergeDialog", "same e-mail")
    else:
        why = QCoreApplication.translate("MergeDialog", "same name and phone")
    return f"{suggestion.members[0].name} ({len(suggestion.members)}) – {why}"


class GroupModel(RecordTableModel[MergeGroup]):
    def __init__(self, groups: list[MergeGroup], parent: QObject | None = None) -> None:
        super().__init__((Column("", lambda group: group.title, tip=True),), parent)
        self.set_rows(groups)


class MergeDialog(QDialog):
    merged = Signal(object)  # MergeOutcome

    def __init__(self, session: Session, groups: list[MergeGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.groups = GroupModel(groups, self)
        self.setWindowTitle(self.tr("Merge professionals"))
        self.setMinimumWidth(960 if len(groups) > 1 else 700)

        self.group_list = QListView()
        self.group_list.setModel(self.groups)
        self.group_list.setAccessibleName(self.tr("Suggested groups"))
        self.group_list.selectionModel().currentRowChanged.connect(self._current_changed)
        self.reason = QLabel()  # whom the group is, and why they seem to be one person
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.members_box = QGroupBox(self.tr("Keep which one?"))
        self.members_layout = QVBoxLayout(self.members_box)
        self.keep = QButtonGroup(self)
        explanation = QLabel(
            self.tr(
                "Contacts, inquiries and survey links move to the one you keep, and its empty fields "
                "are filled from the others. The others are then deleted. A merge cannot be undone."
            )
        )
        explanation.setWordWrap(True)
        self.problem = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self.merge)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.reason)
        right.addWidget(self.members_box)
        right.addWidget(explanation)
        right.addWidget(self.problem)
        right.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.group_list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)

        self.group_list.setVisible(self.groups.rowCount() > 1)
        self.group_list.setCurrentIndex(self.groups.index(0, 0))
        self._show_group(self.group_list.currentIndex().row())  # also when there is no group

    @classmethod
    def for_suggestions(
        cls, session: Session, suggestions: list[DuplicateSuggestion], parent: QWidget | None = None
    ) -> "MergeDialog":
        groups = [MergeGroup(suggestion_title(s), s.members, s.keep_id) for s in suggestions]
        return cls(session, groups, parent)

    def _current_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        self._show_group(current.row())

    def _show_group(self, row: int) -> None:
        for button in self.keep.buttons():
            self.keep.removeButton(button)
            button.deleteLater()
        if not 0 <= row < self.groups.rowCount():
            self.reason.clear()
            self.merge_button.setEnabled(False)
            return
        group = self.groups.row_at(row)
        self.reason.setText(group.title)
        for member in group.members:
            # '&&': an '&' in a name ("Børne- & Ungeforvaltningen") is shown, not an Alt key.
            button = QRadioButton(self._describe(member).replace("&", "&&"))
            button.setChecked(member.professional_id == group.keep_id)
            self.keep.addButton(button, member.professional_id)
            self.members_layout.addWidget(button)
        # Made after the buttons below them, so Tab would visit them last: put them in reading
        # order, between the list of groups and the dialog's buttons.
        previous: QWidget = self.group_list
        for button in self.keep.buttons():
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.buttons)
        self.merge_button.setEnabled(True)
        self.merge_button.setText(self.tr("&Merge %n into one", "", len(group.members)))

    def _describe(self, member: DuplicateCandidate) -> str:
        """Two lines: who and how much, then what is recorded about them."""
        contacts = self.tr("%n contact(s)", "", member.contacts)
        first = f"{member.name} · {contacts}"
        details = [d for d in (member.organisation_name, member.email, danish_phone(member.phone)) if d]
        return first + ("\n" + " · ".join(details) if details else "")

    @property
    def current_group(self) -> MergeGroup | None:
        index = self.group_list.currentIndex()
        return self.groups.row_at(index.row()) if index.isValid() else None

    def choose_keep(self, professional_id: int) -> None:
        button = self.keep.button(professional_id)
        if button is not None:
            button.setChecked(True)

    def merge(self) -> None:
        group = self.current_group
        keep_id = self.keep.checkedId()
        if group is None or keep_id < 0:
            return
        others = [m.professional_id for m in group.members if m.professional_id != keep_id]
        self.problem.show_message(None)
        self.merge_button.setEnabled(False)
        vault_op(self, self._session, merge_professionals, keep_id, others).success(self._done).report_to(
            self._failed
        ).run()

    def _done(self, outcome: MergeOutcome) -> None:
        self.groups.remove_row(self.group_list.currentIndex().row())  # a neighbour becomes current
        self.merged.emit(outcome)
        if not self.groups.rowCount():
            self.accept()

    def _failed(self, text: str) -> None:
        self.merge_button.setEnabled(True)
        self.problem.show_message(text)
