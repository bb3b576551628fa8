"""Screenshots of the Risiko list and an assessment, in Danish at 1366×768, on invented data.
Into a temporary folder unless asked for:

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui/risk/test_risk_screenshots.py
"""

import os
from dataclasses import replace
from datetime import date, timedelta

from consultant_app.risk import Measure, Rating, finalise_assessment, revise_assessment, save_draft
from consultant_app.risk import start_assessment as start
from tests.ui.support import needs_screenshots, seed_case
from tests.ui.support import rows as row_count
from tests.ui.support import save_screenshot as save
from ui.risk.section import RiskSection

SIZE = (1366, 768)

pytestmark = needs_screenshots


SPJ_NOW = dict(A1="ja", A2="delvist", A3="ja", A4="nej", A5="ukendt", A6="nej", B1="ja", B2="ja")
SPJ_NOW |= dict(B3="nej", B4="delvist", B5="ukendt", C1="ja", C2="delvist", C3="nej", C4="nej", C5="ja")
SPJ_NOW |= dict(P1="ja", P2="delvist", P3="nej", P4="ukendt", P5="nej")
EARLIER = {"A1": "delvist", "A2": "delvist", "A3": "nej", "B1": "ja", "C1": "ja"}
NOTES = {
    "A1": "Sms'er fra morbror, set af skolen",
    "B1": "Far, morbror og storebror",
    "C5": "Flyttet i marts",
}


def seed(vault) -> int:
    """Three cases: a finalised structured assessment and its revision, a screening, a draft."""
    cases = [seed_case(vault, pseudonym=p) for p in ("S.K.", "M.A.", "L.H.")]
    today = date.today()
    with vault.session() as s:
        first = start(s, cases[0].id, "sk-spj", assessed_on=today - timedelta(days=35))
        ratings = tuple(
            Rating(i, now, EARLIER.get(i) if i[0] != "P" else None, NOTES.get(i))
            for i, now in SPJ_NOW.items()
        )
        content = replace(
            first.content,
            sources="Samtale med borgeren 3. marts; underretning fra skolen",
            missing_information="Politiets oplysninger om brorens tidligere vold",
            scenarios="Udrejse til familiens hjemland i sommerferien",
            serious_violence="moderat",
            imminent_risk="lav",
            next_review_on=today - timedelta(days=5),
            ratings=ratings,
            measures=(Measure("Sikkerhedsplan med skolen", "AKT-lærer", today - timedelta(days=20)),),
        )
        save_draft(s, first.id, content)
        finalise_assessment(s, first.id, today=today)
        second = revise_assessment(s, first.id)
        worse = tuple(
            replace(r, now="ja") if r.item_id in ("A2", "A5", "B4") else r for r in second.content.ratings
        )
        save_draft(
            s,
            second.id,
            replace(
                second.content,
                ratings=worse,
                serious_violence="hoej",
                imminent_risk="moderat",
                measures=(*second.content.measures, Measure("Underretning til politiet", "Konsulenten")),
            ),
        )
        screening = start(s, cases[1].id, "sk-screening", assessed_on=today - timedelta(days=2))
        answers = tuple(Rating(f"S{n}", "ja" if n in (1, 3, 5, 7, 9) else "nej") for n in range(1, 13))
        save_draft(s, screening.id, replace(screening.content, ratings=answers))
        finalise_assessment(s, screening.id, today=today)
        start(s, cases[2].id, "sk-screening")
    return second.id


def test_capture(qtbot, risk_session):
    second = seed(risk_session.vault)
    section = RiskSection(risk_session)
    qtbot.addWidget(section)
    section.resize(*SIZE)
    section.show()
    section.activate()
    qtbot.waitUntil(lambda: row_count(section.table) == 4, timeout=5_000)
    save(section, "risiko")

    section.open_assessment(second)
    editor = section.editor
    qtbot.waitUntil(lambda: editor.loaded is not None and not editor.busy, timeout=5_000)
    qtbot.wait(50)
    save(section, "risiko-vurdering")
    if os.environ.get("RISK_SCREENSHOT_BOTTOM"):  # a look at the rest of the form, not kept
        editor.scroller.verticalScrollBar().setValue(editor.scroller.verticalScrollBar().maximum())
        save(section, "risiko-vurdering-bund")
