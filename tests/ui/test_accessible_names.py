"""Every input a user can reach has a name a screen reader says (EN 301 549 / WCAG 2.1 AA, 4.1.2).

The name is read the way a screen reader gets it: from the widget's accessibility interface
(`QAccessibleInterface.text(Name)`), which is either `setAccessibleName` or the text of a QLabel
whose buddy is the field and which shares the field's parent. A label set as buddy in another
parent (a field wrapped in a cell widget) looks right on screen and is silent to a screen reader,
which is how 16 of the inquiry form's 19 fields were unnamed. The tests run in Danish, so an
English name left untranslated is a defect too.
"""

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from consultant_app.followups.service import FollowUpRow
from consultant_app.services.professional_directory import DuplicateCandidate, ProfessionalRow
from tests.ui.support import flush_deletions, seed_case

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes and every date and time edit
    QAbstractButton,  # check boxes and radio buttons; push buttons are named by their text
    QAbstractItemView,  # lists, tables, trees
    QAbstractSlider,
)
# Words that only an untranslated English name would hold (the Danish ones differ).
ENGLISH = ("Received", "Municipality", "Professional", "Phone", "Search", "Choose", "Name", "Date")


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{type(widget).__name__} has no accessibility interface"
    return interface.text(QAccessible.Text.Name).strip()


# Inputs made of inputs: the outer one carries the name (a combo's editor and popup list, a line
# edit's clear button, a spin box's editor, a table's headers, corner button and scroll bars).
COMPOSITE = (QMenuBar, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QPlainTextEdit, QTextEdit)


def is_input(widget: QWidget) -> bool:
    if not isinstance(widget, INPUTS) or isinstance(widget, QScrollBar | QHeaderView):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOSITE):
            return False
        parent = parent.parentWidget()
    return True


def unnamed(root: QWidget) -> list[str]:
    """Each input under `root` without a Danish accessible name, as `Class in Parent 'hint'`.
    A button is named by its text (the mnemonic's & removed), so an icon-only one is found too."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_input(widget) or (widget.isWindow() and widget is not root):
            continue  # a window of its own (a popup) is walked where it is built
        name = accessible_name(widget)
        hint = getattr(widget, "placeholderText", lambda: "")() or widget.toolTip()
        where = f"{type(widget).__name__} in {type(widget.parentWidget()).__name__} {hint!r}"
        if not name:
            found.append(f"{where}: no name")
        elif any(word in name.split() for word in ENGLISH):
            found.append(f"{where}: English name {name!r}")
    return found


def _dialogs(session, tmp_path):
    """Every dialog that opens without a network, each built as the app builds it."""
    from ui.first_run.wizard_dialog import FirstRunDialog
    from ui.followups.dialogs import FollowUpDialog, SnoozeDialog
    from ui.handover.dialogs import CitizenEraseDialog, EraseDialog, HandoverDialog, ReceiveDialog
    from ui.inquiries.case_dialogs import CloseDialog, ContactDialog, NoteDialog
    from ui.inquiries.case_view import CaseView
    from ui.inquiries.form import InquiryForm
    from ui.interchange.export_dialog import ExportDialog
    from ui.interchange.import_dialog import ImportDialog
    from ui.privacy.subject_access_dialog import SubjectAccessDialog
    from ui.professionals.edit_dialog import ProfessionalDialog
    from ui.professionals.merge_dialog import MergeDialog, MergeGroup
    from ui.survey.dialogs import CampaignDialog, SmtpDialog
    from ui.sync.setup_dialog import SyncSetupDialog
    from ui.unlock_dialog import UnlockDialog

    saved = seed_case(session.vault)
    row = FollowUpRow(
        id=1,
        inquiry_id=saved.id,
        case_code=saved.case_code,
        type="opkald",
        due_on=date.today() + timedelta(days=3),
        snoozed_until=None,
        done_at=None,
        note=None,
        inquiry_kind="enkelt",
        inquiry_closed=False,
        risk_assessment_id=None,
    )
    professional = ProfessionalRow(1, "Lars Holm", "kommune", "Aarhus Kommune", "751", "lh@x.dk", "12345678")
    members = (
        DuplicateCandidate(1, "Lars Holm", "Aarhus Kommune", "lh@x.dk", None, 2),
        DuplicateCandidate(2, "Lars Holm", None, "lh@x.dk", None, 0),
    )
    wizard = FirstRunDialog(tmp_path / "ny.db", session.lane)
    yield "InquiryForm", InquiryForm(session)
    yield "InquiryForm (edit)", InquiryForm(session, saved.id)
    yield "NoteDialog", NoteDialog(session, saved.id)
    yield "ContactDialog", ContactDialog(session, saved.id)
    yield "CloseDialog", CloseDialog(session, saved.id)
    yield "CaseView", CaseView(session, saved.id)
    yield "FollowUpDialog", FollowUpDialog(session)
    yield "FollowUpDialog (edit)", FollowUpDialog(session, row)
    yield "SnoozeDialog", SnoozeDialog(session, row)
    yield "CampaignDialog", CampaignDialog(session)
    yield "SmtpDialog", SmtpDialog(session)
    yield "ProfessionalDialog", ProfessionalDialog(session, professional)
    yield "MergeDialog", MergeDialog(session, [MergeGroup("Lars Holm (2)", members, 1)] * 2)
    yield "SubjectAccessDialog", SubjectAccessDialog(session)
    yield "ImportDialog", ImportDialog(session)
    yield "ExportDialog", ExportDialog(session)
    yield "HandoverDialog", HandoverDialog(session, saved.case_code)
    yield "ReceiveDialog", ReceiveDialog(session)
    yield "EraseDialog", EraseDialog(session, saved.case_code)
    yield "CitizenEraseDialog", CitizenEraseDialog(session, 1, "AB")
    yield "SyncSetupDialog", SyncSetupDialog(session)
    for step, page in wizard.pages.items():
        yield f"FirstRunDialog {step.name}", page
    # The wizard too, so the caller owns it (qtbot.addWidget) and it is deleted on the GUI thread:
    # a parentless window left to Python's collector can be freed on the lane's thread and crash.
    yield "FirstRunDialog", wizard
    yield "UnlockDialog", UnlockDialog(tmp_path / "vault.db", session.lane)
    yield from _vault_dialogs(session)


def _vault_dialogs(session):
    """Boks → Tag sikkerhedskopi, Gendan sikkerhedskopi, Skift adgangskode (ui/vault/)."""
    from ui.vault.backup_dialog import BackupDialog
    from ui.vault.passphrase_dialog import PassphraseDialog
    from ui.vault.restore_dialog import RestoreDialog

    yield "BackupDialog", BackupDialog(session)
    yield "RestoreDialog", RestoreDialog(session)
    yield "PassphraseDialog", PassphraseDialog(session)


def test_every_screen_of_the_main_window_names_its_inputs(qtbot, main_window):
    problems = []
    for section in main_window.sections:
        main_window.show_section(section.key)
        qtbot.wait(20)
        problems += [f"{section.key}: {p}" for p in unnamed(section)]
    problems += [f"window: {p}" for p in unnamed(main_window.menuWidget()) + unnamed(main_window.nav)]
    assert problems == [], "\n".join(problems)


def test_every_dialog_names_its_inputs(qtbot, session, tmp_path):
    problems = []
    for title, dialog in _dialogs(session, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
        problems += [f"{title}: {p}" for p in unnamed(dialog)]
        qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)  # no answer to a closed dialog
        dialog.hide()
    flush_deletions()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text", ["&Modtaget *", "E-&mail:"])
def test_a_label_in_another_parent_is_not_a_name(qtbot, text):
    """The check itself: the mistake it exists for is found, and the fix is accepted."""
    from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout

    from ui.widgets import name_from

    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    wrapped, direct = QLineEdit(), QLineEdit()
    cell = QWidget()
    QVBoxLayout(cell).addWidget(wrapped)
    label = QLabel(text)
    label.setBuddy(wrapped)
    layout.addRow(label, cell)
    other = QLabel(text)
    other.setBuddy(direct)
    layout.addRow(other, direct)
    assert len(unnamed(form)) == 1 and accessible_name(direct)
    name_from(label)
    assert unnamed(form) == []
    assert accessible_name(wrapped) == text.replace("&", "").rstrip(" *:")


def test_every_risk_instrument_names_its_inputs(qtbot, main_window, session):
    """The assessment editor: factor grids, measures and dates, for each instrument offered."""
    saved = seed_case(session.vault)
    risk = next(s for s in main_window.sections if s.key == "risk")
    main_window.show_section("risk")
    problems = []
    for index in range(risk.instrument.count()):
        risk.case_code.setText(saved.case_code)
        risk.instrument.setCurrentIndex(index)
        risk.start_button.click()
        qtbot.waitUntil(lambda: risk.editor is not None and risk.editor.loaded is not None, timeout=5_000)
        risk.editor.form.measures.add_button.click()  # a measure's row: its fields and remove button
        problems += [f"{risk.instrument.itemText(index)}: {p}" for p in unnamed(risk.editor)]
        risk.close_editor()
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=10_000)
    assert risk.instrument.count() > 0
    assert problems == [], "\n".join(problems)
