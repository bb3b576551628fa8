"""The case view of a handed-over case: read-only, says to whom, and "Slet sag" erases it."""

from nacl.public import PrivateKey

from consultant_app.domain import Inquiry
from consultant_app.handover.keys import add_colleague, key_line
from consultant_app.handover.send import hand_over
from tests.consultant_app.handover.case_maker import make_case
from ui.handover.dialogs import EraseDialog


def test_a_handed_over_case_is_read_only_and_can_be_erased(qtbot, session, main_window, tmp_path):
    with session.vault.session() as s:
        case_id = make_case(s, "Z")
        add_colleague(s, "Bo", key_line(bytes(PrivateKey.generate().public_key)))
    with session.vault.session() as s:
        hand_over(s, f"2025-{case_id:05d}", "Bo", tmp_path / "z.sagsoverdragelse")
    main_window.open_case(case_id)
    view = main_window.case_view
    qtbot.waitUntil(lambda: view.data is not None, timeout=5_000)
    assert "overdraget til Bo" in view.status.text()
    for button in (view.edit_button, view.note_button, view.contact_button, view.handover_button):
        assert not button.isEnabled()
    assert view.erase_button.isEnabled()
    view.erase_button.click()
    erase = view.findChild(EraseDialog)
    assert erase.reason.currentData() == "handed_over"
    with qtbot.waitSignal(erase.erased, timeout=20_000):
        erase.ok.click()
    with session.vault.session() as s:
        assert s.get(Inquiry, case_id).erased_at is not None
