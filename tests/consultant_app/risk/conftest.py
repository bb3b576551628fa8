"""A vault with one course (and a citizen), and helpers to fill a complete assessment."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from consultant_app.domain import Citizen, Inquiry
from consultant_app.risk import AssessmentContent, Measure, Rating, default_library

ASSESSED_ON = date(2025, 3, 3)
TODAY = date(2025, 3, 10)


@pytest.fixture
def inquiry_id(vault) -> int:
    with vault.session() as s:
        citizen = Citizen(pseudonym="Aisha", full_name="Åse Ærø Østergård")
        inquiry = Inquiry(
            received_at=datetime(2025, 2, 20, 10, 15),
            consultant="Test Konsulent",
            region="midtjylland",
            inquirer_type="skole",
            channel="telefon",
            citizen=citizen,
            citizen_age_group="barn",
            consent="samtykke",
            trip_concern="trussel_dk",
            kind="forloeb",
        )
        s.add(inquiry)
        s.flush()
        return inquiry.id


def complete_spj(content: AssessmentContent, **changes) -> AssessmentContent:
    """Every factor rated, the judgements made, a review date and three measures (two with a
    deadline)."""
    instrument = default_library().get("sk-spj", "1")
    ratings = (
        *(
            Rating(item.id, "ja" if item.id in ("A1", "A5", "B1") else "delvist", "nej", note=None)
            for item in instrument.risk_items
        ),
        Rating("P1", "ja", None, "Lærer på skolen, som borgeren stoler på."),
    )
    filled = replace(
        content,
        sources="Samtale med borgeren; oplysninger fra skolen.",
        missing_information="Politiets oplysninger om faderen.",
        scenarios="Borgeren sendes til udlandet i sommerferien.",
        serious_violence="moderat",
        imminent_risk="lav",
        next_review_on=date(2025, 6, 1),
        shared_with="Kommunens sagsbehandler",
        shared_basis="Borgerens samtykke",
        ratings=ratings,
        measures=(
            Measure("Udarbejde sikkerhedsplan med borgeren", "Sikkerhedskonsulenten", date(2025, 3, 20)),
            Measure("Orientere politiet", "Kommunen (sagsbehandler)", date(2025, 3, 14), "opkald"),
            Measure("Fast kontaktperson på skolen", "Skolen", None),
        ),
    )
    return replace(filled, **changes)
