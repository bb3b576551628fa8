"""The Spørgeskema screen on a real vault: a campaign made in its dialog; a professional with
three phone contacts listed once; recording removes them from the list; a second recording is
refused in the core's Danish words; entering responses updates the rate; the report exports."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from consultant_app.domain import Profile
from consultant_app.survey import create_campaign, record_dispatch
from tests.consultant_app.services import people_data as people
from tests.ui.support import cell, flush_deletions, rows
from ui.section import Session
from ui.survey.dialogs import CampaignDialog, SmtpDialog
from ui.survey.section import SurveySection

YEAR = date.today().year


@pytest.fixture
def seeded(vault):
    """Anna: three phone contacts this year; Bo: one; Bo's twin shares his e-mail."""
    with vault.session() as s:
        anna = people.professional(s, "Anna Æbelø", email="anna@aarhus.dk", organisation_name="Børn og Unge")
        bo = people.professional(s, "Bo Berg", email="bo@politi.dk")
        twin = people.professional(s, "Bo Berg", email=" BO@politi.dk")
        for month in (1, 2, 3):
            people.contact(s, anna.id, None, datetime(YEAR, month, 3, 10))
        people.contact(s, bo.id, None, datetime(YEAR, 1, 5, 10))
        people.contact(s, twin.id, None, datetime(YEAR, 1, 6, 10))
    return {"anna": anna.id, "bo": bo.id, "twin": twin.id}


@pytest.fixture
def section(vault, lane, qtbot, seeded):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    widget = SurveySection(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: rows(widget.campaign_list) == 0 and not widget.tabs.isEnabled())
    yield widget
    widget.hide()
    flush_deletions()


def new_campaign(qtbot, section) -> None:
    section.new_campaign()
    dialog = section.dialog
    assert isinstance(dialog, CampaignDialog)
    dialog.name.setText("Tilfredshed forår")
    dialog.code.setText("siri-2025-1")
    dialog.link.setText("ikke et link")
    dialog.period_from.setDate(QDate(YEAR, 1, 1))
    dialog.period_to.setDate(QDate(YEAR, 12, 31))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.errors["link"].isVisible())
    assert "ikke et gyldigt link" in dialog.errors["link"].text()
    dialog.link.setText("https://survey.example.dk/s/abc")
    dialog.save()
    qtbot.waitUntil(lambda: section.campaign is not None and rows(section.recipients.table) == 3)


def test_campaign_from_dialog_and_eligible_once(qtbot, section, seeded):
    new_campaign(qtbot, section)
    assert section.campaign.code == "siri-2025-1"
    assert cell(section.campaign_list, 0, 0) == "Tilfredshed forår\nsiri-2025-1"
    names = [cell(section.recipients.table, r, 0) for r in range(3)]
    assert names.count("Anna Æbelø") == 1  # three contacts, one row
    assert cell(section.recipients.table, names.index("Anna Æbelø"), 3) == "3"
    assert names.count("Bo Berg ⚠") == 2  # the twins are flagged
    assert section.recipients.duplicates.isVisible()
    assert "Flet dem under Fagpersoner" in section.recipients.duplicates.text()


def test_mark_sent_removes_then_second_attempt_refused(qtbot, vault, section, seeded, monkeypatch):
    new_campaign(qtbot, section)
    monkeypatch.setattr(section.recipients, "choose_channel", lambda: "telefon")
    section.recipients.select_professional(seeded["anna"])
    section.recipients.other_button.click()
    qtbot.waitUntil(lambda: rows(section.recipients.table) == 2)
    assert "Registreret som sendt: 1 fagperson." in section.status.text()
    assert section.campaign.links_sent == 1

    # Bo gets the link in another window meanwhile; this list still shows him.
    section.recipients.select_professional(seeded["bo"])
    with vault.session() as s:
        record_dispatch(s, section.campaign.id, seeded["bo"], channel="mail", method="manual")
    section.recipients.other_button.click()
    qtbot.waitUntil(lambda: "allerede fået linket" in section.status.text())
    assert section.status.text().startswith(f"Fagperson {seeded['bo']} har allerede fået linket")
    qtbot.waitUntil(lambda: rows(section.recipients.table) == 1)


def test_mailto_asks_before_recording(qtbot, section, seeded, monkeypatch):
    new_campaign(qtbot, section)
    opened, asked = [], []
    monkeypatch.setattr(
        "ui.survey.recipients.QDesktopServices.openUrl", lambda url: opened.append(url.toString()) or True
    )
    monkeypatch.setattr(section.recipients, "confirm", lambda title, text: asked.append(text) or True)
    section.recipients.select_professional(seeded["anna"])
    section.recipients.mailto_button.click()
    qtbot.waitUntil(lambda: rows(section.recipients.table) == 2)
    assert opened and opened[0].startswith("mailto:anna@aarhus.dk?subject=")
    assert asked == ["Blev mailen sendt?"]


def test_not_relevant_and_responses_update_rate(qtbot, vault, section, seeded, monkeypatch, tmp_path):
    new_campaign(qtbot, section)
    monkeypatch.setattr(section.recipients, "confirm", lambda title, text: True)
    section.recipients.select_professional(seeded["twin"])
    section.recipients.not_relevant_button.click()
    qtbot.waitUntil(lambda: rows(section.recipients.table) == 2)
    with vault.session() as s:
        record_dispatch(s, section.campaign.id, seeded["anna"], channel="mail", method="manual")
        record_dispatch(s, section.campaign.id, seeded["bo"], channel="mail", method="manual")
    section.reload()
    qtbot.waitUntil(lambda: cell(section.results.report, 5, 1) == "2")
    total = rows(section.results.report) - 1
    assert cell(section.results.report, total, 3) == "–"  # no responses entered yet
    region = next(r for r in range(total) if cell(section.results.report, r, 1) == "2")
    code = list(section.results.responses)[region]
    section.results.responses[code].setValue(1)
    section.results.save_responses_button.click()
    qtbot.waitUntil(lambda: cell(section.results.report, region, 3) == "50,0 %")
    assert cell(section.results.report, total, 3) == "50,0 %"
    assert cell(section.results.report, total, 0) == "I alt"

    target = tmp_path / "rapport.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    section.results.export_report("csv")
    qtbot.waitUntil(target.exists)
    assert "Svarprocent" in target.read_text("utf-8-sig")


def test_smtp_dialog_keeps_password(qtbot, vault, section):
    section.smtp_settings()
    dialog = section.dialog
    assert isinstance(dialog, SmtpDialog)
    qtbot.waitUntil(dialog.buttons.isEnabled)
    dialog.host.setText("smtp.example.dk")
    dialog.security.setCurrentIndex(1)
    assert dialog.port.value() == 587
    dialog.from_address.setText("mette@example.dk")
    dialog.password.setText("hemmelig")
    dialog.save()
    qtbot.waitUntil(lambda: "Mailserveren er gemt" in section.status.text())
    section.smtp_settings()
    again = section.dialog
    qtbot.waitUntil(lambda: again.host.text() == "smtp.example.dk")
    assert again.password.text() == "" and "Gemt" in again.password.placeholderText()


def test_campaign_chosen_again_after_restore(qtbot, vault, lane, seeded):
    with vault.session() as s:
        create_campaign(
            s, name="Første", link="https://a.dk/x", period_from=date(YEAR, 1, 1), period_to=date(YEAR, 6, 1)
        )
        second = create_campaign(
            s, name="Anden", link="https://a.dk/y", period_from=date(YEAR, 1, 1), period_to=date(YEAR, 6, 1)
        )
        profile = s.get(Profile, 1)
    widget = SurveySection(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.restore({"campaign": second.id, "tab": 1})
    widget.activate()
    qtbot.waitUntil(lambda: rows(widget.results.report) == 6)
    assert widget.campaign.name == "Anden" and widget.tabs.currentIndex() == 1


def test_smtp_sending_shows_progress_and_stop_keeps_what_was_sent(qtbot, section, seeded, monkeypatch):
    """The batch itself is tested against a real mail server in the core; here, the screen's
    wiring: the progress the batch reports is shown, and Stop ends it with the right words."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from consultant_app.survey import BatchResult

    new_campaign(qtbot, section)
    reached, finished = threading.Event(), []

    def fake_batch(vault, campaign_id, ids, *, progress, in_vault):
        try:
            for n in range(100):
                progress(n, 100)
                if n == 2:
                    reached.set()
                threading.Event().wait(0.02)
            return BatchResult(sent=(), failed=(), skipped=())
        finally:
            finished.append(True)

    monkeypatch.setattr("ui.survey.recipients.send_batch", fake_batch)
    monkeypatch.setattr(section.recipients, "confirm", lambda title, text: True)
    section.recipients.select_professional(seeded["anna"])
    section.recipients.smtp_send_button.click()
    dialog = section.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(reached.is_set)
    qtbot.waitUntil(lambda: dialog.value() >= 2)
    (stop,) = dialog.findChildren(QPushButton)
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished))
    qtbot.waitUntil(lambda: "Afsendelsen er stoppet" in section.status.text())
    assert section.findChild(QProgressDialog) is None or not section.findChild(QProgressDialog).isVisible()


def test_no_mail_program_means_nothing_is_recorded(qtbot, vault, section, seeded, monkeypatch):
    from sqlalchemy import func, select

    from consultant_app.domain import SurveyDispatch

    new_campaign(qtbot, section)
    asked = []
    monkeypatch.setattr("ui.survey.recipients.QDesktopServices.openUrl", lambda url: False)
    monkeypatch.setattr(section.recipients, "confirm", lambda title, text: asked.append(text) or True)
    section.recipients.select_professional(seeded["anna"])
    section.recipients.mailto_button.click()
    qtbot.waitUntil(lambda: "Intet mailprogram" in section.status.text(), timeout=5_000)
    assert asked == []  # not even asked "was it sent?"
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(SurveyDispatch)) == 0
    assert rows(section.recipients.table) == 3  # Anna still waits for her link


def test_the_chosen_stay_chosen_when_the_list_is_read_again(qtbot, section, seeded):
    """After a reload (each recording makes one) every professional still listed stays chosen."""
    from PySide6.QtCore import QItemSelectionModel

    new_campaign(qtbot, section)
    tab = section.recipients
    flags = QItemSelectionModel.SelectionFlag
    for pid in (seeded["anna"], seeded["twin"]):
        row = tab.model.find(lambda p, pid=pid: p.professional_id == pid)
        tab.table.selectionModel().select(tab.model.index(row, 0), flags.Select | flags.Rows)
    assert sorted(tab.selected_ids()) == sorted([seeded["anna"], seeded["twin"]])
    assert tab.other_button.isEnabled() and not tab.mailto_button.isEnabled()  # two: no mailto
    resets: list[bool] = []
    tab.model.modelReset.connect(lambda: resets.append(True))
    section.reload()
    qtbot.waitUntil(lambda: bool(resets))
    assert sorted(tab.selected_ids()) == sorted([seeded["anna"], seeded["twin"]])
    assert tab.other_button.isEnabled()
