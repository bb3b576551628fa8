"""Work starts in the case view (ui/inquiries/case_view.py), driven through real widgets on a
real vault: a follow-up on this case without typing its code, a risk assessment started and
printed from here, a timeline whose every entry opens to be corrected, contacts and notes
corrected and deleted (audited), and saving errors that go away once the field is fixed."""

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Contact, FollowUp, Note, RiskAssessment
from consultant_app.followups import add_follow_up
from consultant_app.services.case_actions import ContactDraft, add_contact, add_note
from tests.ui.support import activate, keys, press, seed_case
from tests.ui.test_mnemonics import mnemonic_problems
from tests.ui.test_theme import _dark_palette
from ui import theme
from ui.followups.dialogs import FollowUpDialog
from ui.inquiries.case_dialogs import CloseDialog, ContactDialog, NoteDialog
from ui.inquiries.form import InquiryForm
from ui.risk.printing import PrintPreview

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_case(qtbot, window, inquiry_id: int):
    window.open_case(inquiry_id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.data is not None, timeout=5_000)
    return view


def kinds(view) -> list[str]:
    return [entry.kind for entry in view.timeline.entries()]


def seed_work(vault):
    """A case with a contact (yesterday) and a note (now): the note is the newest entry."""
    saved = seed_case(vault, received_at=datetime.now() - timedelta(days=2))
    with vault.session() as s:
        contact_id = add_contact(
            s,
            saved.id,
            ContactDraft(datetime.now() - timedelta(days=1), "mail", professional_name="Bo Berg"),
        )
        note_id = add_note(s, saved.id, "Ringer igen i morgen")
    return saved, contact_id, note_id


def audit(vault, entity: str, entity_id: int) -> list[str]:
    with vault.session() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
                .order_by(AuditEvent.id)
            )
        )


def test_a_follow_up_is_added_on_this_case_without_typing_its_code(qtbot, session, main_window):
    saved = seed_case(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    view.setFocus()
    press(Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.waitUntil(lambda: view.findChild(FollowUpDialog) is not None)
    dialog = view.findChild(FollowUpDialog)
    assert dialog.case.text() == saved.case_code and dialog.case.isReadOnly()
    qtbot.waitUntil(dialog.type.hasFocus)  # the first thing to choose, not the code
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "follow_up" in kinds(view), timeout=5_000)
    with session.vault.session() as s:
        stored = s.scalars(select(FollowUp)).one()
        assert (stored.inquiry_id, stored.due_on) == (saved.id, date.today() + timedelta(days=1))


def test_a_risk_assessment_is_started_here_opened_in_risiko_and_printed(qtbot, session, main_window):
    saved = seed_case(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    assert not view.print_button.isEnabled()  # nothing to print yet
    spj = next(a for a in view.risk_menu.actions() if a.data() == "sk-spj")
    spj.trigger()
    risk = main_window.section("risk")
    qtbot.waitUntil(lambda: risk.editor is not None, timeout=5_000)
    assert main_window.current_section is risk and main_window.case_view is None
    with session.vault.session() as s:
        started = s.scalars(select(RiskAssessment)).one()
        assert (started.inquiry_id, started.instrument_id) == (saved.id, "sk-spj")
    assert risk.editor.assessment_id == started.id

    view = open_case(qtbot, main_window, saved.id)
    assert "risk" in kinds(view)
    assert view.print_button.isEnabled()
    view.print_button.click()
    preview = view.findChild(PrintPreview)
    assert preview is not None and preview.assessment_id == started.id
    qtbot.waitUntil(lambda: preview.data is not None, timeout=10_000)
    preview.reject()
    activate(qtbot, main_window)  # the keyboard back in the main window once the preview closed

    # Enter on the risk entry opens it in Risiko again.
    view.timeline.setCurrentRow(kinds(view).index("risk"))
    view.timeline.setFocus()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.current_section is risk and risk.editor is not None, timeout=5_000)


def test_the_timeline_is_newest_first_with_a_visible_selection_kept_after_a_change(
    qtbot, session, main_window
):
    saved, contact_id, _ = seed_work(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    assert kinds(view) == ["note", "contact", "received"]
    moments = [entry.at for entry in view.timeline.entries()]
    assert moments == sorted(moments, reverse=True)
    assert view.timeline.currentRow() == 0 and view.timeline.item(0).isSelected()

    # The selected entry is drawn in the palette's highlight, in light and dark themes alike.
    view.timeline.setCurrentRow(1)
    view.timeline.setFocus()
    qtbot.wait(20)
    rect = view.timeline.visualItemRect(view.timeline.item(1))
    image = view.timeline.viewport().grab().toImage()
    highlight = view.timeline.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    painted = QColor(image.pixel(rect.right() - 5, rect.center().y()))  # right of the text
    # The item style sheet alone paints a pale tint (#e7f2f9 on white): as good as unselected.
    assert all(abs(a - b) <= 3 for a, b in zip(painted.getRgb(), highlight.getRgb(), strict=True)), (
        painted.name(),
        highlight.name(),
    )

    view.reload()  # read again (as after any change): the same entry stays chosen
    qtbot.waitUntil(lambda: not session.lane.busy, timeout=5_000)
    qtbot.wait(20)
    assert view.timeline.current_entry().source_id == contact_id


def test_a_contact_is_corrected_and_deleted_from_the_timeline_audited(qtbot, session, main_window):
    saved, contact_id, _ = seed_work(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    view.timeline.setCurrentRow(kinds(view).index("contact"))
    view.timeline.setFocus()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.findChild(ContactDialog) is not None, timeout=5_000)
    dialog = view.findChild(ContactDialog)
    assert dialog.windowTitle() == "Ret kontakt"
    assert (dialog.name.text(), dialog.channel.code()) == ("Bo Berg", "mail")
    dialog.channel.set_code("telefon")
    dialog.summary.setFocus()
    keys("Aftalte møde")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "Aftalte møde" in (view.timeline.current_entry().text or ""), timeout=5_000)
    with session.vault.session() as s:
        stored = s.get_one(Contact, contact_id)
        assert (stored.channel, stored.summary, stored.professional.name) == (
            "telefon",
            "Aftalte møde",
            "Bo Berg",
        )
    assert audit(session.vault, "contact", contact_id)[-1] == "update"

    # Delete asks first; No keeps it, Yes deletes it.
    view.timeline.setFocus()
    press(Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.findChild(ContactDialog) is not None, timeout=5_000)
    dialog = view.findChild(ContactDialog)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible(), timeout=5_000)
    assert dialog.confirm.text().startswith("Slet denne kontakt?")
    dialog.confirm.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible()
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible(), timeout=5_000)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "contact" not in kinds(view), timeout=5_000)
    with session.vault.session() as s:
        assert s.get(Contact, contact_id) is None
    assert audit(session.vault, "contact", contact_id)[-1] == "delete"


def test_a_note_a_follow_up_and_the_closing_open_to_be_edited(qtbot, session, main_window):
    saved, _, note_id = seed_work(session.vault)
    with session.vault.session() as s:
        add_follow_up(s, saved.id, "opkald", date.today() + timedelta(days=3), "Ring til skolen")
    view = open_case(qtbot, main_window, saved.id)

    view.timeline.setCurrentRow(kinds(view).index("note"))
    view.open_button.click()
    qtbot.waitUntil(lambda: view.findChild(NoteDialog) is not None, timeout=5_000)
    note = view.findChild(NoteDialog)
    assert note.windowTitle() == "Ret notat" and note.text.toPlainText() == "Ringer igen i morgen"
    note.text.setPlainText("Ringer igen på fredag")
    with qtbot.waitSignal(note.saved, timeout=5_000):
        note.save_button.click()
    with session.vault.session() as s:
        assert s.get_one(Note, note_id).text == "Ringer igen på fredag"

    qtbot.waitUntil(lambda: "follow_up" in kinds(view), timeout=5_000)
    view.timeline.setCurrentRow(kinds(view).index("follow_up"))
    view.open_button.click()
    qtbot.waitUntil(lambda: view.findChild(FollowUpDialog) is not None, timeout=5_000)
    edit = view.findChild(FollowUpDialog)
    assert edit.windowTitle() == "Ret opfølgning" and edit.note.toPlainText() == "Ring til skolen"
    edit.reject()

    view.close_button.click()
    close = view.findChild(CloseDialog)
    close.reason.set_code("afsluttet")
    with qtbot.waitSignal(close.saved, timeout=5_000):
        close.save_button.click()
    qtbot.waitUntil(lambda: "closed" in kinds(view), timeout=5_000)
    qtbot.waitUntil(
        lambda: view.findChild(CloseDialog) is None or not view.findChild(CloseDialog).isVisible()
    )
    view.timeline.setCurrentRow(kinds(view).index("closed"))
    view.open_button.click()
    qtbot.waitUntil(
        lambda: any(
            d.isVisible() and d.windowTitle() == "Ret lukningen" for d in view.findChildren(CloseDialog)
        )
    )
    again = next(d for d in view.findChildren(CloseDialog) if d.isVisible())
    assert again.reason.code() == "afsluttet"
    again.reject()

    # The intake entry opens the inquiry form on this case.
    view.timeline.setCurrentRow(kinds(view).index("received"))
    view.open_button.click()
    qtbot.waitUntil(lambda: view.findChild(InquiryForm) is not None, timeout=5_000)
    assert view.findChild(InquiryForm).inquiry_id == saved.id


def test_a_saving_error_goes_away_when_its_field_is_fixed(qtbot, session, main_window):
    saved = seed_case(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    press(Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: view.findChild(ContactDialog) is not None)
    dialog = view.findChild(ContactDialog)
    dialog.channel.setCurrentIndex(-1)
    dialog.save_button.click()  # no professional, no channel
    name_error, channel_error = dialog.errors["professional_name"], dialog.errors["channel"]
    qtbot.waitUntil(lambda: name_error.isVisible() and channel_error.isVisible(), timeout=5_000)
    dialog.name.setFocus()
    keys("S")
    assert not name_error.isVisible()
    assert channel_error.isVisible()  # that one is still wrong
    dialog.channel.set_code("telefon")
    assert not channel_error.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save_button.click()


def test_every_mnemonic_of_the_case_view_is_its_own(qtbot, session, main_window):
    saved, _, _ = seed_work(session.vault)
    open_case(qtbot, main_window, saved.id)
    assert mnemonic_problems(main_window) == []
    assert QApplication.activeModalWidget() is None


def test_an_overdue_follow_up_reads_on_a_dark_timeline(qtbot, session, main_window):
    saved = seed_case(session.vault, received_at=datetime.now() - timedelta(days=5))
    with session.vault.session() as s:
        add_follow_up(s, saved.id, "opkald", date.today() - timedelta(days=2))
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(_dark_palette())
    try:
        view = open_case(qtbot, main_window, saved.id)
        item = view.timeline.item(kinds(view).index("follow_up"))
        assert "forfalden" in item.text()
        base = view.timeline.palette().color(QPalette.ColorRole.Base)
        assert theme.contrast(item.foreground().color(), base) >= 4.5
    finally:
        app.setPalette(before)


def test_an_e_mail_typed_into_a_contact_is_kept_not_dropped(qtbot, session, main_window):
    saved, contact_id, _ = seed_work(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    view.timeline.setCurrentRow(kinds(view).index("contact"))
    view.open_button.click()
    qtbot.waitUntil(lambda: view.findChild(ContactDialog) is not None, timeout=5_000)
    dialog = view.findChild(ContactDialog)
    dialog.email.setFocus()
    keys("bo@skole.dk")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        press(Qt.Key.Key_S, CTRL)
    with session.vault.session() as s:
        professional = s.get_one(Contact, contact_id).professional
        assert (professional.name, professional.email) == ("Bo Berg", "bo@skole.dk")


def test_tab_walks_the_case_view_in_reading_order(qtbot, session, main_window):
    saved, _, _ = seed_work(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    reachable = [w for w in view.tab_chain() if w.isVisible() and w.isEnabled()]
    assert reachable[0] is view.back_button and reachable[-1] is view.open_button
    # Rows left to right, top to bottom: the case's row, the work row, the timeline, its button.
    positions = [w.mapTo(view, w.rect().topLeft()) for w in reachable]
    assert [(p.y(), p.x()) for p in positions[:-2]] == sorted((p.y(), p.x()) for p in positions[:-2])
    view.back_button.setFocus()
    walked = [view.back_button]
    for _ in reachable[1:]:
        press(Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == reachable
