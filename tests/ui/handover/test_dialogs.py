"""Overdrag sag, Modtag sag and Slet sag driven as a user would, with pytest-qt; screenshots in
light and dark go to $LIFECYCLE_SHOTS (default /tmp/lifecycle-shots) to be looked at."""

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import func, select

from consultant_app.domain import Inquiry
from consultant_app.handover.keys import own_key
from consultant_app.services.unlock import open_vault
from consultant_app.storage.vault import Vault
from tests.consultant_app.handover.case_maker import make_case
from tests.ui.support import PASSPHRASE, cell, rows
from ui.handover.dialogs import EraseDialog, HandoverDialog, ReceiveDialog
from ui.overview.section import OverviewSection
from ui.section import Session

SHOTS = Path(os.environ.get("LIFECYCLE_SHOTS", "/tmp/lifecycle-shots"))


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#333333"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def shoot(widget, name: str) -> None:
    """Light and dark, as the user would see them."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    light = app.palette()
    widget.adjustSize()
    assert widget.grab().save(str(SHOTS / f"{name}-light.png"))
    own = widget.palette()
    app.setPalette(dark_palette())
    widget.setPalette(dark_palette())  # a shown window keeps the palette it resolved
    QApplication.processEvents()
    try:
        assert widget.grab().save(str(SHOTS / f"{name}-dark.png"))
    finally:
        app.setPalette(light)
        widget.setPalette(own)
        QApplication.processEvents()


@pytest.fixture
def colleague(tmp_path, lane):
    path = tmp_path / "bo.db"
    Vault.create(path, PASSPHRASE, name="Bo Modtager", team="aarhus").lock()
    unlocked = open_vault(path, PASSPHRASE)
    yield Session(unlocked.vault, unlocked.profile, lane)
    lane.run(unlocked.vault.lock, lambda _r: None, lambda _e: None)


def test_hand_over_receive_and_erase_in_the_dialogs(qtbot, session, colleague, tmp_path):
    with session.vault.session() as s:
        case_id = make_case(s, "U")
        code = f"2025-{case_id:05d}"
    with colleague.vault.session() as s:
        bo_key = own_key(s)

    # Overdrag sag: add Bo's key in the dialog, see the fingerprint, hand over.
    dialog = HandoverDialog(session, code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "fingeraftryk" in dialog.own.text(), timeout=5_000)
    assert not dialog.ok.isEnabled()  # no colleague yet
    dialog.new_name.setText("Bo")
    dialog.new_key.setText(bo_key.line)
    dialog.findChildren(type(dialog.ok))[0].click()  # "Tilføj kollega"
    qtbot.waitUntil(lambda: dialog.colleague.currentText() == "Bo", timeout=5_000)
    assert dialog.fingerprint.text() == bo_key.fingerprint
    assert "sikkerhedskopier" in " ".join(w.text() for w in dialog.findChildren(type(dialog.own)))
    file = tmp_path / "sag.sagsoverdragelse"
    dialog.path.setText(str(file))
    shoot(dialog, "handover-dialog")
    with qtbot.waitSignal(dialog.handed_over, timeout=10_000):
        dialog.ok.click()
    assert file.exists()

    # Modtag sag: an unknown sender must be confirmed before the button is enabled.
    receive = ReceiveDialog(colleague, path=file)
    qtbot.addWidget(receive)
    receive.show()
    qtbot.waitUntil(lambda: receive.incoming is not None, timeout=5_000)
    assert "UKENDT afsender" in receive.sender_label.text()
    assert "notater: 1, kontakter: 1, opfølgninger: 1, risikovurderinger: 2" in receive.contents.text()
    assert receive.confirm.isVisible() and not receive.ok.isEnabled()
    receive.confirm.setChecked(True)
    assert receive.ok.isEnabled()
    shoot(receive, "receive-dialog")
    with qtbot.waitSignal(receive.received, timeout=10_000) as got:
        receive.ok.click()
    assert got.args[0].added

    again = ReceiveDialog(colleague, path=file)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.incoming is not None, timeout=5_000)
    assert "findes allerede" in again.contents.text()

    tampered = tmp_path / "ændret.sagsoverdragelse"
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x04
    tampered.write_bytes(bytes(data))
    broken = ReceiveDialog(colleague, path=tampered)
    qtbot.addWidget(broken)
    broken.show()
    qtbot.waitUntil(lambda: "Intet er ændret" in broken.status.text(), timeout=5_000)
    assert not broken.ok.isEnabled()
    shoot(broken, "receive-dialog-tampered")
    with colleague.vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1

    # Slet sag on the sender's read-only copy.
    erase = EraseDialog(session, code, "handed_over")
    qtbot.addWidget(erase)
    erase.show()
    assert erase.reason.currentData() == "handed_over"
    assert "sikkerhedskopier" in " ".join(w.text() for w in erase.findChildren(type(dialog.own)))
    shoot(erase, "erase-dialog")
    with qtbot.waitSignal(erase.erased, timeout=20_000):
        erase.ok.click()
    with session.vault.session() as s:
        assert s.get(Inquiry, case_id).erased_at is not None


def test_overview_lists_cases_due_for_erasure(qtbot, session, main_window):
    with session.vault.session() as s:
        case_id = make_case(s, "V")
        s.get(Inquiry, case_id).closed_on = s.get(Inquiry, case_id).received_at.date().replace(year=2015)

    overview = main_window.findChild(OverviewSection)
    overview.activate()
    qtbot.waitUntil(
        lambda: rows(overview.erasure.list) == 1 and overview.erase_button.isEnabled(), timeout=5_000
    )
    assert "Opbevaringsperioden er udløbet" in cell(overview.erasure.list, 0, 0)
    assert overview.erasure.heading.text() == "Sager til sletning: 1"
    shoot(overview, "overview-erasure")
    overview.erasure.list.setCurrentIndex(overview.erasure.list.model().index(0, 0))
    overview.erase_button.click()  # one confirmation, from the list
    erase = overview.findChild(EraseDialog)
    assert erase.reason.currentData() == "retention"
    with qtbot.waitSignal(erase.erased, timeout=20_000):
        erase.ok.click()
    qtbot.waitUntil(lambda: overview.erasure.heading.text() == "Sager til sletning: 0", timeout=5_000)
    assert not overview.erase_button.isEnabled()


def test_erase_everything_about_one_citizen_from_the_subject_access_dialog(qtbot, session):
    from consultant_app.domain import Citizen
    from ui.handover.dialogs import CitizenEraseDialog
    from ui.privacy.subject_access_dialog import SubjectAccessDialog

    with session.vault.session() as s:
        case_id = make_case(s, "W")
        citizen_id = s.get(Inquiry, case_id).citizen_id
    access = SubjectAccessDialog(session)
    qtbot.addWidget(access)
    access.show()
    qtbot.waitUntil(lambda: access.citizens.count() == 1, timeout=5_000)
    assert access.erase_button.isEnabled() == access.save_button.isEnabled()
    access.citizens.setCurrentRow(0)
    assert access.erase_button.isEnabled()
    access.erase_button.click()
    erase = access.findChild(CitizenEraseDialog)
    qtbot.waitUntil(erase.isVisible, timeout=5_000)
    shown = " ".join(w.text() for w in erase.findChildren(QLabel))
    assert "artikel 17" in shown and "sikkerhedskopier" in shown
    shoot(erase, "erase-citizen-dialog")
    with qtbot.waitSignal(erase.erased, timeout=20_000) as got:
        erase.ok.click()
    assert got.args[0].case_codes == (f"2025-{case_id:05d}",)
    with session.vault.session() as s:
        assert s.get(Citizen, citizen_id) is None and s.get(Inquiry, case_id).erased_at is not None
    qtbot.waitUntil(lambda: access.citizens.count() == 0, timeout=5_000)
