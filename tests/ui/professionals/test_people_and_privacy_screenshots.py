"""Screenshots of the Fagpersoner, Revisionsspor and Indsigt screens, in Danish at 1366×768, on
invented demo data. Into a temporary folder unless asked for:

    CONSULTANT_APP_SCREENSHOTS=docs/screenshots python3 run.py pytest tests/ui/professionals/test_people_and_privacy_screenshots.py
"""

from datetime import datetime

from sqlalchemy import func, select

from consultant_app.demo.fill import fill_vault
from consultant_app.domain import Contact, Inquiry, Professional, Profile
from consultant_app.services.subject_access import export_subject_access
from tests.consultant_app.services import people_data as people
from tests.ui.support import needs_screenshots
from tests.ui.support import save_screenshot as save
from ui.audit.section import AuditSection
from ui.professionals.section import ProfessionalsSection
from ui.section import Session

SIZE = (1366, 768)

pytestmark = needs_screenshots


def busiest_professional(session) -> tuple[int, list[int]]:
    """The professional with the most contacts, and two of their cases about a citizen."""
    found = session.execute(
        select(Contact.professional_id, func.count())
        .group_by(Contact.professional_id)
        .order_by(func.count().desc())
    ).first()
    cases = session.scalars(
        select(Contact.inquiry_id)
        .join(Inquiry, Inquiry.id == Contact.inquiry_id)
        .where(Contact.professional_id == found[0], Inquiry.citizen_id.is_not(None))
        .limit(2)
    ).all()
    return found[0], list(cases)


def test_capture(vault, lane, qtbot, tmp_path):
    fill_vault(vault, 800, seed=3)
    with vault.session() as s:
        profile = s.get(Profile, 1)
        busiest, cases = busiest_professional(s)
        original = s.get(Professional, busiest)
        # The same caseworker entered twice, with a contact in two of their cases.
        twin = people.professional(s, original.name, email=original.email.upper(), phone="01 23 45 67")
        for inquiry_id in cases:
            people.contact(s, twin.id, inquiry_id, datetime(2026, 1, 5, 10), channel="mail")
        citizen_id = s.scalar(select(Inquiry.citizen_id).where(Inquiry.id == cases[0]))
    session = Session(vault, profile, lane)

    professionals = ProfessionalsSection(session)
    qtbot.addWidget(professionals)
    professionals.resize(*SIZE)
    professionals.show()
    professionals.activate()
    qtbot.waitUntil(lambda: professionals.model.total > 0, timeout=10_000)
    professionals.restore({"selected": busiest})
    qtbot.waitUntil(lambda: professionals.details.row is not None)
    save(professionals, "fagpersoner")

    professionals.edit_selected()
    edit = professionals.dialog
    qtbot.waitUntil(edit.isVisible)
    email = edit.email.text()
    edit.email.setText(email.replace("@", " at "))
    edit.municipality.setEditText("Aarhuus")
    edit.save()
    qtbot.waitUntil(lambda: edit.errors["email"].isVisible())
    save(edit, "fagperson-ret-fejl")
    edit.email.setText(email)
    edit.municipality.set_value("751")
    edit.save()
    qtbot.waitUntil(lambda: not edit.isVisible())

    professionals.review_suggestions()
    qtbot.waitUntil(professionals.dialog.isVisible)
    save(professionals.dialog, "fagpersoner-flet")
    professionals.dialog.merge()
    qtbot.waitUntil(lambda: "flettet" in professionals.status.text())
    qtbot.waitUntil(lambda: professionals.details.row is not None and not lane.busy)

    audit = AuditSection(session)
    qtbot.addWidget(audit)
    audit.resize(*SIZE)
    audit.show()
    audit.open_subject_access()
    dialog = audit.dialog
    qtbot.waitUntil(lambda: dialog.citizens.count() > 0)
    with vault.session() as s:
        case_code = s.get(Inquiry, cases[0]).case_code
    dialog.search.setText(case_code)
    qtbot.waitUntil(lambda: not lane.busy and dialog.chosen_id() == citizen_id)
    save(dialog, "indsigt")
    dialog.reject()

    with vault.session() as s:  # the export the dialog would make, so the log shows one
        export_subject_access(s, citizen_id, tmp_path / "indsigt.md")
    audit.clear_filters()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 5 and not lane.busy)
    save(audit, "revisionsspor")
    audit.show_record("inquiry", cases[0])
    qtbot.waitUntil(lambda: audit.hint.isVisible() and not lane.busy)
    save(audit, "revisionsspor-sag")
