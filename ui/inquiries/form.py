"""Register or edit an inquiry with the keyboard alone, in under a minute.

Tab goes through the fields in reading order (left column, then right); date and time start at
now; the municipality fills in the region; the professional completes from those already met
(or a new name makes a new one); combo boxes choose by typing; Space ticks reasons and advice.
Ctrl+S or Ctrl+Enter saves. Each field's problem is shown next to it, in the user's language,
from the shared rules (`validate_case`): after the field is left, and all at once on saving.
What is typed is kept as a draft when the app locks, and Esc asks before throwing it away
(ui/drafts.py); a form continued from a draft removes it when saved.
"""

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from consultant_app.codes import load_codes
from consultant_app.services.case_actions import (
    CaseForm,
    ProfessionalChoice,
    SavedCase,
    create_case,
    load_case_form,
    professional_choices,
    update_case,
    validate_case,
)
from consultant_app.services.drafts import and_discard
from consultant_app.services.inquiries import InquiryDraft
from ui.date_fields import DateTimeField, refuse_typed_dates
from ui.drafts import DraftDialog, FieldValues
from ui.inquiries.form_fields import MunicipalityField, ProfessionalCompleter
from ui.inquiries.form_layout import build_layout
from ui.inquiries.form_values import fill_form, read_form
from ui.labels import to_qdatetime
from ui.op import vault_op
from ui.section import Session
from ui.widgets import CheckList, CodeCombo, ErrorLabel, shortcut_text

SAVE_KEYS = (
    QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S),
    QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
)


class InquiryForm(DraftDialog):
    saved = Signal(object)  # SavedCase
    draft_kind = "inquiry"

    def __init__(
        self, session: Session, inquiry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.inquiry_id = inquiry_id
        self.draft_inquiry_id = self.draft_record_id = inquiry_id  # an edit is erased with its case
        self._base = InquiryDraft(consent="anonym")  # what the form does not show is kept as loaded
        self._touched: set[str] = set()
        self._tried = False
        self.setWindowTitle(self.tr("New inquiry") if inquiry_id is None else self.tr("Edit inquiry"))

        self._make_fields(session)
        self.values = FieldValues(lambda: self.fields)
        self.errors = {name: ErrorLabel() for name in self.fields}
        self.general_error = ErrorLabel()
        save_text = self.tr("Save ({shortcut})").format(shortcut=shortcut_text(SAVE_KEYS[0]))
        self.save_button = QPushButton(save_text)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        for keys in SAVE_KEYS:  # through the button: one way to save, refused while it is disabled
            QShortcut(keys, self, self.save_button.click)
        build_layout(self)
        self.setMinimumWidth(940)  # two columns with room for the long labels of reasons and advice
        self._connect_changes()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

        if inquiry_id is None:
            self.received.setDateTime(to_qdatetime(datetime.now()))
            self.region.set_code(session.profile.default_region)
            self.channel.set_code("telefon")
            self.consent.set_code("anonym")
        else:
            self.setEnabled(False)  # until the case is loaded
            vault_op(self, session, load_case_form, inquiry_id).success(self._loaded).report_to(
                self._failed
            ).run()
        # Suggestions only: without them the field still takes any name.
        vault_op(self, session, professional_choices).success(self._professionals).quietly().run()
        if inquiry_id is None:
            self.ready()
        self.received.setFocus()

    def _make_fields(self, session: Session) -> None:
        choose = self.tr("Choose …")
        none = self.tr("(not given)")
        self.received = DateTimeField()
        self.received.setCalendarPopup(True)
        self.municipality = MunicipalityField()
        self.region = CodeCombo("region", choose)
        self.municipality.region_found.connect(self.region.set_code)
        self.professional_name = QLineEdit()
        self.professional_name.setPlaceholderText(self.tr("Type a name, e-mail or organisation"))
        self.professional_completer = ProfessionalCompleter(self.professional_name)
        self.professional_completer.chosen.connect(self._professional_chosen)
        self.professional_email = QLineEdit()
        self.professional_phone = QLineEdit()
        self.professional_organisation = QLineEdit()
        self.inquirer_type = CodeCombo("inquirer_type", choose)
        self.department = CodeCombo("municipal_department", none, optional=none)
        self.other_note = QLineEdit()
        self.other_note.setPlaceholderText(self.tr("Only when the inquirer is Other"))
        self.channel = CodeCombo("channel", choose)
        self.age_group = CodeCombo("age_group", choose)
        self.gender = CodeCombo("gender", none, optional=none)
        self.consent = CodeCombo("consent", choose)
        self.trip = CodeCombo("trip_concern", choose)
        self.trip.setMinimumContentsLength(28)
        self.reasons = CheckList("reason")
        self.advice = CheckList("advice_type")
        self.pseudonym = QLineEdit()
        self.pseudonym.setPlaceholderText(self.tr("Initials or a pseudonym (optional)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        # Draft field -> its widget, in tab order (the layout and the problems use this too).
        self.fields: dict[str, QWidget] = {
            "received_at": self.received,
            "municipality_code": self.municipality,
            "region": self.region,
            "professional_name": self.professional_name,
            "professional_email": self.professional_email,
            "professional_phone": self.professional_phone,
            "professional_organisation": self.professional_organisation,
            "inquirer_type": self.inquirer_type,
            "municipal_department": self.department,
            "inquirer_other_note": self.other_note,
            "channel": self.channel,
            "citizen_age_group": self.age_group,
            "citizen_gender": self.gender,
            "consent": self.consent,
            "trip_concern": self.trip,
            "citizen_pseudonym": self.pseudonym,
            "reasons": self.reasons,
            "advice_types": self.advice,
            "notes": self.notes,
        }
        self.inquirer_type.currentIndexChanged.connect(self._inquirer_changed)
        self._inquirer_changed()

    def _connect_changes(self) -> None:
        for widget in self.fields.values():
            for name in ("textChanged", "currentIndexChanged", "dateTimeChanged", "itemChanged"):
                signal = getattr(widget, name, None)
                if signal is not None:
                    signal.connect(self._changed)

    # --- values -----------------------------------------------------------------------------

    def case_form(self) -> CaseForm:
        return read_form(self)

    def _fill(self, form: CaseForm) -> None:
        self._base = form.draft
        fill_form(self, form)

    def _inquirer_changed(self) -> None:
        kind = self.inquirer_type.code()
        self.department.setEnabled(kind == "kommune")
        self.other_note.setEnabled(kind == "andet")

    def _professional_chosen(self, choice: ProfessionalChoice) -> None:
        self.professional_email.setText(choice.email or "")
        self.professional_phone.setText(choice.phone or "")
        self.professional_organisation.setText(choice.organisation or "")

    # --- problems ---------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        self.show_problems()

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        for name, widget in self.fields.items():
            if old is not None and (old is widget or widget.isAncestorOf(old)):
                self._touched.add(name)
                self.show_problems()

    def show_problems(self, problems: list | None = None) -> None:
        if problems is None:
            problems = validate_case(self.case_form(), load_codes(), date.today())
        by_field: dict[str, str] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem.message())
        for name, label in self.errors.items():
            label.show_message(by_field.get(name) if self._tried or name in self._touched else None)
        others = [f"{name}: {text}" for name, text in by_field.items() if name not in self.errors]
        self.general_error.show_message("\n".join(others) if self._tried and others else None)

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy or not self.isEnabled() or refuse_typed_dates(self):
            return
        self._tried = True
        form = self.case_form()
        problems = validate_case(form, load_codes(), date.today())
        self.show_problems(problems)
        if problems:
            wrong = {p.field for p in problems}
            first = next((widget for name, widget in self.fields.items() if name in wrong), None)
            if first is not None:  # the first problem in reading order
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._busy = True
        self.save_button.setEnabled(False)
        # Saved, and the draft it was continued from gone, in one unit of work.
        if self.inquiry_id is None:
            op = vault_op(self, self.session, and_discard(create_case, self.draft_id), form)
        else:
            op = vault_op(self, self.session, and_discard(update_case, self.draft_id), self.inquiry_id, form)
        op.success(self._saved).problems(self.show_problems).report_to(self.general_error.show_message)
        op.finally_(self._idle).run()

    def _idle(self) -> None:
        self._busy = False
        self.save_button.setEnabled(True)

    def _saved(self, saved: SavedCase) -> None:
        self.draft_id = None
        self.values.mark_pristine()
        self.saved.emit(saved)
        self.accept()

    def _loaded(self, form: CaseForm) -> None:
        self._fill(form)
        self.setEnabled(True)
        self.ready()  # a draft continued on this case is put over what was loaded
        self.received.setFocus()

    def _failed(self, text: str) -> None:
        self.setEnabled(True)
        self.save_button.setEnabled(False)
        self.general_error.show_message(text)

    def _professionals(self, choices: list[ProfessionalChoice]) -> None:
        self.professional_completer.professionals.set_choices(choices)
