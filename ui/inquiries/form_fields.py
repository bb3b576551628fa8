"""Fields of the inquiry form that complete as you type: the municipality (it fills in the
region) and the professional (by name, e-mail or organisation; a new name makes a new one)."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from consultant_app.codes import load_codes
from consultant_app.services.case_actions import ProfessionalChoice

Index = QModelIndex | QPersistentModelIndex
CHOICE_ROLE = Qt.ItemDataRole.UserRole


class MunicipalityField(QLineEdit):
    """A municipality by name (completed from all 98) or by its 3-digit code."""

    region_found = Signal(str)  # the region of the municipality just typed or chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = sorted((m.name for m in load_codes().municipalities), key=str.casefold)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated.connect(self._resolved)
        self.textChanged.connect(self._resolved)

    def _resolved(self, *_args: object) -> None:
        municipality = load_codes().municipality(self.text()) if self.text().strip() else None
        if municipality is not None:
            self.region_found.emit(municipality.region)

    def code(self) -> str | None:
        """The code of the municipality named; what was typed if it names none (the check says so)."""
        text = self.text().strip()
        if not text:
            return None
        municipality = load_codes().municipality(text)
        return municipality.code if municipality else text

    def set_code(self, code: str | None) -> None:
        municipality = load_codes().municipality(code) if code else None
        self.setText(municipality.name if municipality else (code or ""))


class ProfessionalListModel(QAbstractListModel):
    """Each professional as one line: name — e-mail — organisation (what the typing matches)."""

    def __init__(self, choices: Sequence[ProfessionalChoice] = (), parent=None) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._lines = [self._line(c) for c in self._choices]

    def set_choices(self, choices: Sequence[ProfessionalChoice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self._lines = [self._line(c) for c in self._choices]
        self.endResetModel()

    @staticmethod
    def _line(choice: ProfessionalChoice) -> str:
        return " — ".join(part for part in (choice.name, choice.email, choice.organisation) if part)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._lines[index.row()]
        if role == CHOICE_ROLE:
            return self._choices[index.row()]
        return None


class ProfessionalCompleter(QCompleter):
    """Completes a name field from the professionals; `chosen` when one is picked. The field then
    holds just the name (the other fields get the e-mail, phone and organisation)."""

    chosen = Signal(object)  # ProfessionalChoice

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.professionals = ProfessionalListModel(parent=self)
        self.setModel(self.professionals)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(10)
        popup = self.popup()
        if popup is not None:
            popup.setMinimumWidth(600)  # name, e-mail and organisation side by side
        self._field = field
        field.setCompleter(self)
        self.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # PySide6's stubs lack overloaded signals

    def _activated(self, index: QModelIndex) -> None:
        choice = index.data(CHOICE_ROLE)
        if choice is None:
            return
        self.chosen.emit(choice)
        # The completer writes the whole line into the field after this signal: put the name back.
        QTimer.singleShot(0, self._field, lambda: self._field.setText(choice.name))
