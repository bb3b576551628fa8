"""A professionals screen on a real vault: four people, two of them Anna entered twice."""

from datetime import datetime

import pytest

from consultant_app.domain import Profile
from tests.consultant_app.services import people_data as people
from ui.professionals.section import ProfessionalsSection
from ui.section import Session


@pytest.fixture
def seeded(vault):
    """name -> id, and the inquiries: Anna (twice, same e-mail), Bo, Søren."""
    with vault.session() as s:
        anna = people.professional(s, "Anna Æbelø", email="anna@aarhus.dk", organisation_name="Børn og Unge")
        anna2 = people.professional(s, "Anna Æbelø", email=" ANNA@Aarhus.dk", phone="12345678")
        bo = people.professional(s, "Bo Berg", email="bo@politi.dk", organisation_name="Østjyllands Politi")
        soeren = people.professional(s, "Søren Østergård", organisation_name="Krisecenter Odense")
        first = people.inquiry(s, anna.id, received=datetime(2024, 3, 1, 9))
        second = people.inquiry(s, anna2.id, received=datetime(2024, 4, 2, 10))
        people.contact(s, anna.id, None, datetime(2024, 5, 3, 11))  # outside any case
        people.inquiry(s, bo.id, received=datetime(2024, 2, 1, 9))
    ids = {"anna": anna.id, "anna2": anna2.id, "bo": bo.id, "soeren": soeren.id}
    return ids, {"first": first, "second": second}


@pytest.fixture
def section(vault, lane, qtbot, seeded):
    with vault.session() as s:
        profile = s.get(Profile, 1)
    widget = ProfessionalsSection(Session(vault, profile, lane))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.model.total == 4)
    return widget
