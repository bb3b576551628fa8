"""Screenshots of Opfølgning and Spørgeskema in the main window, in Danish at 1366×768.
Into a temporary folder unless asked for:

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui/survey/test_survey_screenshot.py
"""

from datetime import date, datetime, timedelta

from consultant_app.followups import add_follow_up, snooze
from consultant_app.survey import create_campaign, record_dispatch, set_responses
from tests.consultant_app.services import people_data as people
from tests.ui.support import needs_screenshots, rows, seed_case
from tests.ui.support import save_screenshot as save

pytestmark = needs_screenshots


def test_screens(qtbot, session):
    vault, today = session.vault, date.today()
    cases = [seed_case(vault, region=r) for r in ("hovedstaden", "midtjylland", "syddanmark", "sjaelland")]
    with vault.session() as s:
        add_follow_up(s, cases[0].id, "opkald", today - timedelta(days=3), "Ring tilbage til skolen")
        add_follow_up(s, cases[1].id, "revurdering", today - timedelta(days=1))
        add_follow_up(s, cases[2].id, "moede", today, "Møde med kommunen kl. 13")
        add_follow_up(s, cases[3].id, "koordinering", today + timedelta(days=4))
        add_follow_up(s, cases[0].id, "opkald", today + timedelta(days=9))
        late = add_follow_up(s, cases[1].id, "andet", today)
        snooze(s, late.id, today + timedelta(days=7))
        year = today.year
        names = [
            ("Anna Æbelø", "anna@aarhus.dk", "Børn og Unge, Aarhus", "0751"),
            ("Bo Berg", "bo@politi.dk", "Østjyllands Politi", None),
            ("Bo Berg", "BO@politi.dk", None, None),
            ("Karin Holm", "karin@odense.dk", "Krisecenter Odense", "0461"),
            ("Lars Nørgaard", None, "SSP København", "0101"),
            ("Søren Østergård", "soeren@skole.dk", "Vestskolen", "0101"),
        ]
        ids = []
        for n, (name, email, org, municipality) in enumerate(names):
            p = people.professional(
                s, name, email=email, organisation_name=org, municipality_code=municipality
            )
            ids.append(p.id)
            for k in range(1 + n % 3):
                people.contact(s, p.id, None, datetime(year, 1 + k, 10 + n, 10))
        campaign = create_campaign(
            s,
            code=f"siri-{year}-1",
            name="Tilfredshedsmåling, første halvår",
            link="https://survey.siri.dk/s/abc",
            period_from=date(year, 1, 1),
            period_to=date(year, 6, 30),
        )
        record_dispatch(s, campaign.id, ids[3], channel="mail", method="smtp")
        set_responses(s, campaign.id, "hovedstaden", 1)

    from tests.ui.support import activate
    from ui.main_window import MainWindow

    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    activate(qtbot, window)
    window.show_section("followups")
    followups = window.section("followups")
    qtbot.waitUntil(lambda: followups.data is not None)
    qtbot.waitUntil(lambda: window.reminder.banner is not None)
    save(window, "opfoelgning")

    window.show_section("survey")
    survey = window.section("survey")
    qtbot.waitUntil(lambda: rows(survey.recipients.table) == 5)
    survey.recipients.table.selectRow(0)
    save(window, "spoergeskema")
    survey.tabs.setCurrentIndex(1)
    save(window, "spoergeskema-rapport")
    window.idle.stop()
    window.hide()
    window.deleteLater()
