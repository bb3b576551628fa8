"""Indsigtsret (GDPR art. 15): everything held about one citizen, with their access log, in one file.

The user finds the citizen by pseudonym, chooses readable text or JSON, and where to save. The
dialog says plainly that the file is not encrypted and holds personal data, and what to check
before it is handed over. The export is the core's (services/subject_access.py), audited there.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultant_app.services.subject_access import CitizenChoice, export_subject_access, find_citizens
from ui.handover.dialogs import CitizenEraseDialog
from ui.op import vault_op
from ui.save_dialog import in_documents
from ui.section import Session
from ui.widgets import StatusLine, warning_box

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT, JSON = ".md", ".json"
TYPING_REST_MS = 250


class SubjectAccessDialog(QDialog):
    exported = Signal(str)  # the path written

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Subject access (GDPR art. 15)"))
        self.setMinimumSize(620, 560)

        intro = QLabel(
            self.tr(
                "One file with everything the program holds about one citizen: the citizen, every "
                "inquiry about them with contacts, notes, follow-ups and risk assessments, and the "
                "access log of those records."
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by pseudonym, or type a case code (2024-00042)"))
        self.search.setClearButtonEnabled(True)
        self.citizens = QListWidget()
        self.citizens.setAccessibleName(self.tr("Citizens found"))
        self.citizens.currentRowChanged.connect(self._update_buttons)
        self.citizens.itemActivated.connect(lambda _item: self.save())
        self._typing = QTimer(self, singleShot=True, interval=TYPING_REST_MS)
        self._typing.timeout.connect(self.look_up)
        self.search.textChanged.connect(self._typing.start)

        self.as_text = QRadioButton(self.tr("Readable text (.md): to read, print or hand over"))
        self.as_json = QRadioButton(self.tr("JSON (.json): for another system or the record"))
        self.as_text.setChecked(True)
        self.format = QButtonGroup(self)
        self.format.addButton(self.as_text)
        self.format.addButton(self.as_json)

        self.warning = warning_box(
            self.tr(
                "<b>The file is NOT encrypted and holds personal data</b>, which may be very sensitive. "
                "Save it only where it is safe, and delete it when it has been handed over. "
                "Before handing it over: check the citizen's identity, consider whether the request "
                "may be made under pressure from others, and go through the file, since it may "
                "mention other people."
            )
        )

        self.status = StatusLine(collapse=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(
            self.tr("&Save file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save)
        # Art. 17 beside art. 15: the same choice of citizen (docs/retention.md).
        self.erase_button = self.buttons.addButton(
            self.tr("&Erase everything about the citizen…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.erase_button.clicked.connect(self.erase_citizen)
        self.buttons.rejected.connect(self.reject)

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Citizen:"))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(search_row)
        layout.addWidget(self.citizens, 1)
        layout.addWidget(self.as_text)
        layout.addWidget(self.as_json)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_buttons()
        self.look_up()

    # --- finding the citizen --------------------------------------------------------------

    def look_up(self) -> None:  # not `find`: that is QWidget.find(WId)
        wanted = self.search.text()

        def found(choices: list[CitizenChoice]) -> None:
            if self.search.text() == wanted:  # the user may have typed on meanwhile
                self._show(choices)

        vault_op(self, self._session, find_citizens, wanted).success(found).report_to(self.status.error).run()

    def _show(self, choices: list[CitizenChoice]) -> None:
        self.citizens.clear()
        for choice in choices:
            item = QListWidgetItem(self._describe(choice), self.citizens)
            item.setData(ID_ROLE, choice.id)
            item.setToolTip(", ".join(choice.case_codes))
        if len(choices) == 1:
            self.citizens.setCurrentRow(0)
        if not choices:
            self.status.error(self.tr("No citizen has a pseudonym like that."))
        else:
            self.status.clear_message()
        self._update_buttons()

    def _describe(self, choice: CitizenChoice) -> str:
        """Initials are shared by many: the cases tell them apart (the newest three)."""
        count = len(choice.case_codes)
        if not count:
            return self.tr("{pseudonym} – no inquiries").format(pseudonym=choice.pseudonym)
        cases = ", ".join(choice.case_codes[:3]) + (" …" if count > 3 else "")
        return self.tr("{pseudonym} – %n inquiry(ies): {cases}", "", count).format(
            pseudonym=choice.pseudonym, cases=cases
        )

    def chosen_id(self) -> int | None:
        item = self.citizens.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self.chosen_id() is not None)
        self.erase_button.setEnabled(self.chosen_id() is not None)

    def erase_citizen(self) -> None:
        citizen_id = self.chosen_id()
        if citizen_id is None:
            return
        dialog = CitizenEraseDialog(self._session, citizen_id, self.citizens.currentItem().text(), self)
        dialog.erased.connect(lambda _r: self.look_up())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- saving ---------------------------------------------------------------------------

    def suffix(self) -> str:
        return JSON if self.as_json.isChecked() else TEXT

    def ask_path(self, suggested: str) -> str:
        """Where to save (the platform's dialog; it asks before replacing a file)."""
        kinds = self.tr("JSON (*.json)") if self.suffix() == JSON else self.tr("Text (*.md *.txt)")
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Save subject access file"), in_documents(suggested), kinds
        )
        return path

    def save(self) -> None:
        citizen_id = self.chosen_id()
        if citizen_id is None:
            return
        # A neutral name: file names show up in recent-file lists and backups.
        suggested = f"indsigt-borger-{citizen_id}-{date.today().isoformat()}{self.suffix()}"
        chosen = self.ask_path(suggested)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".md", ".txt", ".json"):
            path = path.with_name(path.name + self.suffix())
        self.save_button.setEnabled(False)
        self.status.info(self.tr("Saving…"))
        vault_op(self, self._session, export_subject_access, citizen_id, path).success(self._saved).report_to(
            self.status.error
        ).finally_(self._update_buttons).run()

    def _saved(self, path: Path) -> None:
        self.status.ok(
            self.tr("Saved to {path}. Remember: the file is not encrypted.").format(path=str(path))
        )
        self.exported.emit(str(path))
