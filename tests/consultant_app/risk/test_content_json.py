"""A risk assessment's content as a draft's JSON and back: the same content, and a malformed
value keeps what is stored rather than being guessed."""

import json
from datetime import date

from consultant_app.risk.content_json import content_from_json, content_to_json
from consultant_app.risk.data import AssessmentContent, Measure, Rating

STORED = AssessmentContent(assessed_on=date(2026, 11, 2), assessor="Mette")


def test_content_goes_to_json_and_comes_back_the_same():
    content = AssessmentContent(
        assessed_on=date(2026, 11, 30),
        assessor="Mette K.",
        sources="Politiets rapport",
        serious_violence="hoej",
        next_review_on=date(2027, 1, 15),
        ratings=(Rating("h1", now="ja", earlier="delvis", note="Trusler i sms"), Rating("h2", now="nej")),
        measures=(
            Measure("Sikkerhedsplan", "Skolen", date(2026, 12, 5), "opkald"),
            Measure("Samtale", "SSP"),
        ),
    )
    data = json.loads(json.dumps(content_to_json(content)))  # as stored in the vault
    assert content_from_json(data, STORED) == content


def test_a_malformed_value_keeps_what_is_stored():
    data = {"assessed_on": "30.11.2026", "assessor": None, "sources": 7, "ratings": "alle", "measures": [3]}
    back = content_from_json(data, STORED)
    assert (back.assessed_on, back.assessor, back.sources, back.ratings) == (
        date(2026, 11, 2),
        "Mette",
        None,
        (),
    )
    assert back.measures == ()  # a list of no measures is an empty list
