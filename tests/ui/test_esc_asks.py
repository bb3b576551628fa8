"""Esc cancels, and asks first when something was typed (#14.5); the buttons are in the
platform's order. On the inquiry form and the other forms that keep a draft at lock."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from consultant_app.domain import Draft, Inquiry
from consultant_app.services.drafts import DraftToSave, save_draft
from tests.ui.support import activate, keys, press, seed_case
from ui.followups.dialogs import FollowUpDialog
from ui.inquiries.case_dialogs import ContactDialog, NoteDialog
from ui.inquiries.form import InquiryForm


def _form(qtbot, session) -> InquiryForm:
    form = InquiryForm(session)
    form.show()
    activate(qtbot, form)
    return form


def test_esc_on_an_empty_form_closes_it_without_asking(qtbot, session):
    form = _form(qtbot, session)
    with qtbot.waitSignal(form.rejected, timeout=2_000):
        press(Qt.Key.Key_Escape)
    assert form.discard_question is None
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    form.deleteLater()


def test_esc_on_a_typed_form_asks_and_cancel_keeps_the_text(qtbot, session):
    form = _form(qtbot, session)
    form.notes.setFocus()
    keys("Halvskrevet")
    press(Qt.Key.Key_Escape)
    question = form.discard_question
    assert question is not None and question.isVisible()
    assert question.text() == "Kassér det, du har skrevet?"
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Esc on the question: no, keep it
    qtbot.waitUntil(lambda: form.discard_question is None, timeout=2_000)
    assert form.isVisible() and form.notes.toPlainText() == "Halvskrevet"

    press(Qt.Key.Key_Escape)
    question = form.discard_question
    assert question is not None
    with qtbot.waitSignal(form.rejected, timeout=2_000):
        qtbot.mouseClick(question.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    form.deleteLater()


def test_discarding_a_continued_draft_removes_it_from_the_vault(qtbot, session):
    with session.vault.session() as s:
        draft_id = save_draft(s, DraftToSave("inquiry", {"notes": "fra sidst"}))
    form = _form(qtbot, session)
    form.draft_id = draft_id
    form.restore_draft({"notes": "fra sidst"})
    assert form.notes.toPlainText() == "fra sidst" and form.draft_state() is not None
    press(Qt.Key.Key_Escape)
    question = form.discard_question
    assert question is not None
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=5_000)
    qtbot.wait(50)
    with session.vault.session() as s:
        assert s.scalars(select(Draft)).all() == []
    form.deleteLater()


def test_save_and_cancel_are_in_the_platforms_order(qtbot, session):
    form = _form(qtbot, session)
    assert isinstance(form.save_button.parent(), QDialogButtonBox)
    reference = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    reference.show()
    qtbot.waitExposed(reference)
    save_first = (
        reference.button(QDialogButtonBox.StandardButton.Save).x()
        < reference.button(QDialogButtonBox.StandardButton.Cancel).x()
    )
    assert (form.save_button.x() < form.cancel_button.x()) == save_first
    reference.deleteLater()
    form.discard()
    form.deleteLater()


def test_a_draft_of_an_edit_waits_for_the_case_to_load_and_its_save_removes_it(qtbot, session):
    saved = seed_case(session.vault, pseudonym="Z.")
    with session.vault.session() as s:
        draft_id = save_draft(
            s,
            DraftToSave("inquiry", {"notes": "Rettet under låsen"}, inquiry_id=saved.id, record_id=saved.id),
        )
    form = InquiryForm(session, saved.id)
    form.draft_id = draft_id
    form.restore_draft({"notes": "Rettet under låsen"})
    assert form.draft_state() == {"notes": "Rettet under låsen"}  # a lock now keeps it as it was
    form.show()
    qtbot.waitUntil(form.isEnabled, timeout=5_000)
    assert form.notes.toPlainText() == "Rettet under låsen"  # over what was loaded ...
    assert form.pseudonym.text() == "Z."  # ... which is otherwise kept
    assert form.draft_state()["notes"] == "Rettet under låsen"
    with qtbot.waitSignal(form.saved, timeout=5_000):
        form.save()
    with session.vault.session() as s:
        assert s.get_one(Inquiry, saved.id).notes == "Rettet under låsen"
        assert s.scalars(select(Draft)).all() == []  # saved and no longer a draft, in one unit
    form.deleteLater()


def test_the_case_dialogs_and_the_follow_up_dialog_ask_only_when_typed_into(qtbot, session):
    case = seed_case(session.vault)
    for make, field in (
        (lambda: NoteDialog(session, case.id), "text"),
        (lambda: ContactDialog(session, case.id), "summary"),
        (lambda: FollowUpDialog(session, inquiry_id=case.id, case_code=case.case_code), "note"),
    ):
        empty = make()
        empty.show()
        activate(qtbot, empty)
        with qtbot.waitSignal(empty.rejected, timeout=2_000):
            press(Qt.Key.Key_Escape)
        assert empty.discard_question is None
        empty.deleteLater()

        typed = make()
        typed.show()
        activate(qtbot, typed)
        getattr(typed, field).setFocus()
        keys("noget")
        press(Qt.Key.Key_Escape)
        assert typed.discard_question is not None and typed.isVisible(), type(typed).__name__
        qtbot.keyClick(typed.discard_question, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=typed: d.discard_question is None, timeout=2_000)
        assert typed.isVisible()
        typed.discard()
        typed.deleteLater()
