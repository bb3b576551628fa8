"""The first run asks for the retention period, says the organisation decides, and the vault
is created with the answer."""

from consultant_app.retention.period import retention_years
from tests.ui.support import activate, flush_deletions
from ui.desktop import Desktop

GOOD = "korrekt hest batteri hæfteklamme"


def test_the_first_run_asks_for_the_retention_period(qtbot, tmp_path, lane):
    desktop = Desktop(tmp_path / "vault.db", lane)
    desktop.start()
    dialog = desktop.window
    activate(qtbot, dialog)
    dialog.passphrase_page.passphrase.setText(GOOD)
    dialog.passphrase_page.repeat.setText(GOOD)
    dialog.next_button.click()
    dialog.safekeeping_page.understood.setChecked(True)
    dialog.next_button.click()
    page = dialog.profile_page
    assert page.retention.value() == 5 and page.retention.suffix() == " år efter afslutning"
    texts = " ".join(label.text() for label in page.findChildren(type(dialog.step_label)))
    assert "bestemmer jeres organisation" in texts
    page.name.setText("Mette")
    page.team.set_code("aalborg")
    page.retention.setValue(3)
    created = []
    dialog.created.connect(created.append)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: bool(created), timeout=20_000)
    vault = created[0].vault
    with vault.session() as session:
        assert retention_years(session) == 3
    vault.lock()
    flush_deletions()
