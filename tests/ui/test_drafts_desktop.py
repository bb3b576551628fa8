"""A draft survives the lock (issue 14.3): a half-typed inquiry is kept in the vault when the idle
lock comes, offered after unlock, continued and saved; Discard throws it away; the audit shows
each step and never the text. A minute before the idle lock a notice offers Stay."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from sqlalchemy import select

from consultant_app.domain import AuditEvent, Draft, FollowUp, Inquiry, Note, RiskAssessment
from consultant_app.risk import start_assessment
from consultant_app.services.drafts import DraftToSave, save_draft
from consultant_app.storage.vault import Vault
from tests.ui.support import PASSPHRASE, activate, keys, press, seed_case, tab, type_passphrase, unlock
from ui.followups.dialogs import FollowUpDialog
from ui.inquiries.case_dialogs import NoteDialog
from ui.inquiries.form import InquiryForm
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

CTRL = Qt.KeyboardModifier.ControlModifier
NOTE = "Moren ringede om datterens rejse til Pakistan"
PSEUDONYM = "AB-Kladde"


def _half_typed_inquiry(qtbot, window: MainWindow) -> InquiryForm:
    activate(qtbot, window)
    press(Qt.Key.Key_N, CTRL)
    form = window.findChild(InquiryForm)
    assert form is not None
    qtbot.waitUntil(lambda: form.received.hasFocus())
    tab(7)  # to the inquirer
    keys("p")  # Politi
    tab(2)  # past the channel (department and other note are off for Politi), to the age group
    keys("b")  # Barn
    tab(4)  # past gender, consent and trip status, to the citizen
    keys(PSEUDONYM)
    form.notes.setFocus()
    keys(NOTE)
    assert form.draft_state() is not None
    return form


def _drafts(vault_file) -> list[tuple[str, str]]:
    with Vault.open(vault_file, PASSPHRASE) as vault, vault.session() as s:
        return [(d.kind, d.content) for d in s.scalars(select(Draft))]


def _draft_audit(vault) -> list[tuple[str, str | None]]:
    with vault.session() as s:
        lines = s.scalars(select(AuditEvent).where(AuditEvent.entity == "draft").order_by(AuditEvent.id))
        return [(e.action, e.detail) for e in lines]


def _lock_by_idling(qtbot, desktop, window: MainWindow) -> None:
    window.idle.set_interval_ms(1_500, warn_before_ms=0)  # the idle lock, made short
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert not window.vault.is_open


def test_a_half_typed_inquiry_survives_the_idle_lock_and_is_saved_after_unlock(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    _half_typed_inquiry(qtbot, window)
    _lock_by_idling(qtbot, desktop, window)

    ((kind, content),) = _drafts(vault_file)  # in the vault, encrypted with it
    assert kind == "inquiry" and NOTE in content and PSEUDONYM in content
    assert NOTE.encode() not in vault_file.read_bytes()

    window = type_passphrase(qtbot, desktop)
    offer = window.draft_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=10_000)
    assert offer.text.text().startswith("Du har en kladde fra ")
    assert "kl." in offer.text.text() and "ny henvendelse" in offer.text.text()
    assert offer.continue_button.text() == "&Fortsæt" and offer.discard_button.text() == "&Kassér"
    assert offer.continue_button.hasFocus()
    press(Qt.Key.Key_Return)  # Continue, with the keyboard
    qtbot.waitUntil(lambda: window.findChild(InquiryForm) is not None, timeout=10_000)
    form = window.findChild(InquiryForm)
    qtbot.waitUntil(lambda: form.notes.toPlainText() == NOTE, timeout=10_000)
    assert form.pseudonym.text() == PSEUDONYM
    assert form.inquirer_type.code() == "politi" and form.age_group.code() == "barn"
    assert not offer.isVisible()

    activate(qtbot, form)
    form.trip.setFocus()
    press(Qt.Key.Key_Down)  # the one thing still missing: the trip status
    with qtbot.waitSignal(form.saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    with window.vault.session() as s:
        inquiry = s.scalars(select(Inquiry)).one()
        assert inquiry.notes == NOTE and inquiry.inquirer_type == "politi"
        assert s.scalars(select(Draft)).all() == []  # saved: no longer a draft
    audit = _draft_audit(window.vault)
    assert audit == [
        ("create", "form:inquiry"),
        ("view", "form:inquiry"),
        ("delete", "form:inquiry"),
    ]


def test_discard_removes_the_draft_and_the_audit_shows_it(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    _half_typed_inquiry(qtbot, window)
    window.lock()  # Ctrl+L's slot: the same path as the idle lock
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert len(_drafts(vault_file)) == 1

    window = type_passphrase(qtbot, desktop)
    offer = window.draft_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=10_000)
    qtbot.mouseClick(offer.discard_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    assert window.findChild(InquiryForm) is None
    assert _draft_audit(window.vault) == [("create", "form:inquiry"), ("delete", "form:inquiry")]
    with window.vault.session() as s:
        assert s.scalars(select(Draft)).all() == []
        details = " ".join(e.detail or "" for e in s.scalars(select(AuditEvent)))
    assert "Pakistan" not in details and PSEUDONYM not in details

    window.lock()  # nothing typed, nothing kept: the next unlock offers nothing
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    assert _drafts(vault_file) == []


def test_the_notice_a_minute_before_the_lock_and_stay_keeps_the_app_unlocked(qtbot, desktop):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    notice = window.idle_notice
    window.idle.set_interval_ms(4_000, warn_before_ms=2_000)  # a minute, made short
    qtbot.waitUntil(notice.isVisible, timeout=5_000)
    assert "låses om 2 sekunder" in notice.text()
    assert notice.stay_button.text() == "&Bliv"
    qtbot.waitUntil(notice.stay_button.hasFocus, timeout=2_000)  # Enter or Space: Stay
    press(Qt.Key.Key_Return)
    assert not notice.isVisible()
    qtbot.wait(2_500)  # past the moment the lock would have come
    assert desktop.window is window and window.vault.is_open

    qtbot.waitUntil(notice.isVisible, timeout=5_000)  # still idle: warned again ...
    vault = window.vault
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=5_000)  # ... and locked
    assert not vault.is_open


def test_a_note_typed_in_a_case_survives_the_system_lock_and_is_continued_in_its_case(
    qtbot, desktop, vault_file
):
    with Vault.open(vault_file, PASSPHRASE) as vault:
        case = seed_case(vault)
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    window.open_case(case.id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    view.add_note()
    dialog = view.findChild(NoteDialog)
    activate(qtbot, dialog)
    keys("Skolen ringer tilbage i morgen")
    window.system_lock._state_changed(Qt.ApplicationState.ApplicationSuspended)  # the OS locks
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    ((kind, content),) = _drafts(vault_file)
    assert kind == "note" and "Skolen ringer tilbage i morgen" in content

    window = type_passphrase(qtbot, desktop)
    offer = window.draft_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=10_000)
    assert f"(notat til {case.case_code})" in offer.text.text()
    qtbot.mouseClick(offer.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.case_view is not None and window.case_view.findChild(NoteDialog) is not None
    )
    dialog = window.case_view.findChild(NoteDialog)
    assert dialog.text.toPlainText() == "Skolen ringer tilbage i morgen"
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    with window.vault.session() as s:
        assert [n.text for n in s.scalars(select(Note))] == ["Skolen ringer tilbage i morgen"]
        assert s.scalars(select(Draft)).all() == []
    assert [action for action, _ in _draft_audit(window.vault)] == ["create", "view", "delete"]
    assert _draft_audit(window.vault)[0][1] == f"form:note;inquiry:{case.id}"


def test_closing_the_window_keeps_what_is_typed(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    _half_typed_inquiry(qtbot, window)
    with qtbot.waitSignal(desktop.finished, timeout=20_000):
        window.close()  # quitting: the vault locks first, with the draft in it
    assert not window.vault.is_open
    ((kind, content),) = _drafts(vault_file)
    assert kind == "inquiry" and NOTE in content


def test_a_follow_up_being_typed_survives_ctrl_l_and_is_saved_after_unlock(qtbot, desktop, vault_file):
    with Vault.open(vault_file, PASSPHRASE) as vault:
        case = seed_case(vault)
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    window.show_section("followups")
    window.section("followups").add(case.case_code)
    dialog = window.findChild(FollowUpDialog)
    activate(qtbot, dialog)
    dialog.note.setFocus()
    keys("Ring til skolen om fraværet")
    press(Qt.Key.Key_L, CTRL)  # Ctrl+L
    qtbot.waitUntil(lambda: isinstance(desktop.window, UnlockDialog), timeout=20_000)
    ((kind, content),) = _drafts(vault_file)
    assert kind == "follow_up" and "Ring til skolen om fraværet" in content

    window = type_passphrase(qtbot, desktop)
    offer = window.draft_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=10_000)
    assert "(ny opfølgning)" in offer.text.text()
    qtbot.mouseClick(offer.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(FollowUpDialog) is not None, timeout=10_000)
    dialog = window.findChild(FollowUpDialog)
    assert dialog.note.toPlainText() == "Ring til skolen om fraværet"
    assert dialog.case.text() == case.case_code
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    with window.vault.session() as s:
        assert [f.note for f in s.scalars(select(FollowUp))] == ["Ring til skolen om fraværet"]
        assert s.scalars(select(Draft)).all() == []


def test_unsaved_changes_in_the_risk_editor_survive_the_idle_lock_and_are_saved_after_unlock(
    qtbot, desktop, vault_file
):
    with Vault.open(vault_file, PASSPHRASE) as vault:
        case = seed_case(vault)
        with vault.session() as s:
            assessment_id = start_assessment(s, case.id, "sk-spj").id
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    window.show_section("risk")
    risk = window.section("risk")
    risk.open_assessment(assessment_id)
    editor = risk.editor
    qtbot.waitUntil(lambda: editor.loaded is not None, timeout=10_000)
    editor.form.sources.setFocus()
    keys("Politiets rapport og skolens notat")
    _lock_by_idling(qtbot, desktop, window)
    ((kind, content),) = _drafts(vault_file)
    assert kind == "risk_assessment" and "Politiets rapport og skolens notat" in content

    window = type_passphrase(qtbot, desktop)
    offer = window.draft_offer
    qtbot.waitUntil(lambda: offer.isVisible(), timeout=10_000)
    assert f"(risikovurdering i {case.case_code})" in offer.text.text()
    qtbot.mouseClick(offer.continue_button, Qt.MouseButton.LeftButton)
    risk = window.section("risk")
    qtbot.waitUntil(  # the editor the draft opened (the unlock reopened the one left open, too)
        lambda: (
            risk.editor is not None and risk.editor.draft_id is not None and risk.editor.loaded is not None
        ),
        timeout=10_000,
    )
    editor = risk.editor
    assert editor.form.sources.toPlainText() == "Politiets rapport og skolens notat"
    assert editor.has_changes()  # not saved yet: still a draft
    editor.save()
    qtbot.waitUntil(lambda: not editor.has_changes() and not window.session.lane.busy, timeout=10_000)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    with window.vault.session() as s:
        assert s.get_one(RiskAssessment, assessment_id).sources == "Politiets rapport og skolens notat"
        assert s.scalars(select(Draft)).all() == []


def test_the_notice_is_not_blocked_by_a_form_open_over_the_window(qtbot, main_window):
    """A form is window-modal: a line in the main window could not be pressed; the notice can."""
    main_window.new_inquiry()
    form = main_window.findChild(InquiryForm)
    activate(qtbot, form)
    main_window.idle.set_interval_ms(60_000, warn_before_ms=30_000)
    main_window.idle_notice.warn(30)
    qtbot.waitExposed(main_window.idle_notice)
    main_window.idle.stop()  # as if the lock were near: Bliv must start it again
    qtbot.mouseClick(main_window.idle_notice.stay_button, Qt.MouseButton.LeftButton)
    assert not main_window.idle_notice.isVisible()
    assert main_window.idle._timer.isActive()
    form.discard()


def test_a_lock_while_the_discard_question_is_open_still_keeps_the_draft(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    form = _half_typed_inquiry(qtbot, window)
    press(Qt.Key.Key_Escape)
    assert form.discard_question is not None and form.discard_question.isVisible()
    _lock_by_idling(qtbot, desktop, window)  # nobody answered: the typed text is not thrown away
    ((kind, content),) = _drafts(vault_file)
    assert kind == "inquiry" and NOTE in content


def test_changing_the_language_rebuilds_the_window_and_keeps_what_is_typed(qtbot, desktop, vault_file):
    window = unlock(qtbot, desktop)
    qtbot.waitUntil(lambda: not window.session.lane.busy, timeout=10_000)
    _half_typed_inquiry(qtbot, window)
    window.language_changed.emit("da")  # as the settings screen does after a save
    qtbot.waitUntil(lambda: desktop.window is not window, timeout=5_000)
    rebuilt = desktop.window
    qtbot.waitUntil(lambda: rebuilt.draft_offer.isVisible(), timeout=10_000)
    assert "(ny henvendelse)" in rebuilt.draft_offer.text.text()


def test_the_notice_and_the_offer_are_announced_to_a_screen_reader(qtbot, session, monkeypatch):
    """An Alert when each appears (read out wherever the focus is), as the errors are."""
    raised: list = []
    real = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Alert:
            raised.append(event.object())
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    from ui.draft_offer import DraftOffer
    from ui.idle_notice import IdleNotice

    notice = IdleNotice()
    qtbot.addWidget(notice)
    notice.warn(60)
    assert raised == [notice]
    assert notice.accessibleDescription() == notice.text() and "60 sekunder" in notice.text()

    with session.vault.session() as s:
        save_draft(s, DraftToSave("inquiry", {"notes": "x"}))
    offer = DraftOffer(session)
    qtbot.addWidget(offer)
    offer.load()
    qtbot.waitUntil(lambda: len(raised) == 2, timeout=5_000)
    assert raised[1] is offer.text and offer.text.accessibleName().startswith("Du har en kladde fra ")
