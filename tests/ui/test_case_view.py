"""The case view: details, one timeline, and the actions on a case."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Contact, Inquiry, Professional
from tests.ui.support import keys, press, seed_case
from ui.inquiries.case_dialogs import ContactDialog, NoteDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_case(qtbot, window, inquiry_id: int):
    window.open_case(inquiry_id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.data is not None, timeout=5_000)
    return view


def timeline_text(view) -> str:
    return "\n".join(view.timeline.item(row).text() for row in range(view.timeline.count()))


def test_the_case_shows_its_details_and_the_view_is_audited(qtbot, session, main_window):
    saved = seed_case(session.vault, pseudonym="K.L.", notes="Første opkald", professional_name="Bo Berg")
    view = open_case(qtbot, main_window, saved.id)
    assert view.title.text() == f"Sag {saved.case_code}"
    assert view.status.text() == "Enkelt rådgivning · Åben"
    shown = [
        view.details.itemAt(row, view.details.ItemRole.FieldRole).widget().text()
        for row in range(view.details.rowCount())
    ]
    assert "K.L., Voksen (18+ år)" in shown and "Første opkald" in shown and "Bo Berg" in shown
    assert timeline_text(view).endswith("Henvendelse modtaget (Telefon)")
    with session.vault.session() as s:
        assert s.scalars(select(AuditEvent.entity_id).where(AuditEvent.action == "view")).all() == [saved.id]


def test_a_note_and_a_contact_with_a_new_professional(qtbot, session, main_window):
    saved = seed_case(session.vault)
    view = open_case(qtbot, main_window, saved.id)

    press(Qt.Key.Key_N, CTRL | SHIFT)
    note = view.findChild(NoteDialog)
    qtbot.waitUntil(note.text.hasFocus)
    press(Qt.Key.Key_S, CTRL)  # empty: refused, in Danish
    qtbot.waitUntil(lambda: note.errors["text"].text() == "skal udfyldes", timeout=5_000)
    keys("Aftalt opfølgning med skolen")
    with qtbot.waitSignal(note.saved, timeout=5_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "Aftalt opfølgning med skolen" in timeline_text(view), timeout=5_000)

    press(Qt.Key.Key_K, CTRL)
    contact = view.findChild(ContactDialog)
    qtbot.waitUntil(contact.name.hasFocus)
    keys("Sara Skov")
    press(Qt.Key.Key_Tab)
    keys("sara@skole.dk")
    with qtbot.waitSignal(contact.saved, timeout=5_000):
        press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "Kontakt med Sara Skov (Telefon)" in timeline_text(view), timeout=5_000)
    with session.vault.session() as s:
        contact_row = s.scalars(select(Contact).where(Contact.is_intake.is_(False))).one()
        assert s.get(Professional, contact_row.professional_id).email == "sara@skole.dk"


def test_a_known_professional_is_chosen_by_typing_part_of_the_e_mail(qtbot, session, main_window):
    saved = seed_case(session.vault, professional_name="Bo Berg", professional_email="bo@politi.dk")
    view = open_case(qtbot, main_window, saved.id)
    press(Qt.Key.Key_K, CTRL)
    contact = view.findChild(ContactDialog)
    qtbot.waitUntil(lambda: contact.completer.professionals.rowCount() == 1, timeout=5_000)
    contact.name.setFocus()
    keys("politi")
    qtbot.waitUntil(lambda: contact.completer.popup().isVisible(), timeout=2_000)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: contact.name.text() == "Bo Berg", timeout=2_000)
    assert contact.email.text() == "bo@politi.dk"
    with qtbot.waitSignal(contact.saved, timeout=5_000):
        press(Qt.Key.Key_S, CTRL)
    with session.vault.session() as s:
        assert s.scalar(select(Professional.id).where(Professional.email == "bo@politi.dk")) is not None
        assert len(s.scalars(select(Professional)).all()) == 1


def test_course_close_and_reopen(qtbot, session, main_window):
    saved = seed_case(session.vault)
    view = open_case(qtbot, main_window, saved.id)
    assert view.course_button.isVisible() and not view.reopen_button.isVisible()
    view.course_button.click()
    qtbot.waitUntil(lambda: view.data.summary.kind == "forloeb", timeout=5_000)
    assert not view.course_button.isVisible()
    with session.vault.session() as s:
        inquiry = s.get(Inquiry, saved.id)
        inquiry.closed_on = inquiry.received_at.date()
        inquiry.closing_reason = "andet"
    view.reload()
    qtbot.waitUntil(lambda: view.data.summary.is_closed, timeout=5_000)
    assert view.reopen_button.isVisible() and not view.close_button.isVisible()
    assert "Lukket" in view.status.text()
    view.reopen_button.click()
    qtbot.waitUntil(lambda: not view.data.summary.is_closed, timeout=5_000)
    assert view.status.text() == "Rådgivningsforløb · Åben"


def test_a_colleagues_case_code_is_shown_as_text_never_as_markup(qtbot, session, main_window):
    """The origin code comes from a colleague's hand-over file (16 characters, any): in the
    status line it was rich text, so '<b>' or '<font>' there styled the line."""
    saved = seed_case(session.vault)
    with session.vault.session() as s:
        received = s.get_one(Inquiry, saved.id)
        received.origin_submitter, received.origin_code = "kollega", "<b>2024-1</b>"
    view = open_case(qtbot, main_window, saved.id)
    assert "<b>2024-1</b>" in view.status.text()
    assert view.status.textFormat() == Qt.TextFormat.PlainText
