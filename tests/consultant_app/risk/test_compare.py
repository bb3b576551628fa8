"""What changed since the previous assessment, as plain data: factors that moved, judgements
up or down, measures added or dropped; and a case's history, oldest first."""

from dataclasses import replace
from datetime import date

from consultant_app.risk import (
    FactorChange,
    JudgementChange,
    Measure,
    Rating,
    changes_since_previous,
    finalise_assessment,
    history,
    revise_assessment,
    save_draft,
    start_assessment,
)
from consultant_app.risk.compare import CHANGED, DOWN, UP, direction
from tests.consultant_app.risk.conftest import ASSESSED_ON, TODAY, complete_spj


def test_directions_along_the_scales():
    order = ("nej", "delvist", "ja")
    assert direction("nej", "ja", order) == UP
    assert direction("ja", "delvist", order) == DOWN
    assert direction("ukendt", "ja", order) == CHANGED
    assert direction(None, "nej", order) == CHANGED
    assert direction("lav", "hoej", ("lav", "moderat", "hoej")) == UP


def test_changes_and_history_through_a_course(vault, inquiry_id):
    with vault.session() as s:
        first = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        save_draft(s, first.id, complete_spj(first.content))
        finalise_assessment(s, first.id, today=TODAY)
        second = revise_assessment(s, first.id, assessed_on=date(2025, 6, 2))
        ratings = {r.item_id: r for r in second.content.ratings}
        ratings["A1"] = Rating("A1", "delvist", "ja")  # down
        ratings["A2"] = Rating("A2", "ja", "nej")  # up
        ratings["C3"] = Rating("C3", "ukendt", "nej")  # changed
        ratings["P1"] = Rating("P1", "nej")  # protection gone
        content = replace(
            second.content,
            ratings=tuple(ratings.values()),
            serious_violence="hoej",
            imminent_risk="lav",
            next_review_on=date(2025, 8, 1),
            measures=(*second.content.measures[1:], Measure("Navne- og adressebeskyttelse", "Kommunen")),
        )
        save_draft(s, second.id, content)
        finalise_assessment(s, second.id, today=date(2025, 6, 2))
        changes = changes_since_previous(s, second.id)
        entries = history(s, inquiry_id)
        assert changes_since_previous(s, first.id) is None
    assert [(f.item_id, f.before, f.after, f.direction, f.group_kind) for f in changes.factors] == [
        ("A1", "ja", "delvist", DOWN, "risk"),
        ("A2", "delvist", "ja", UP, "risk"),
        ("C3", "delvist", "ukendt", CHANGED, "risk"),
        ("P1", "ja", "nej", DOWN, "protective"),
    ]
    assert changes.factors[0].label.da == "Trusler om alvorlig vold eller drab"
    assert changes.judgements == (JudgementChange("serious_violence", "moderat", "hoej", UP),)
    assert changes.measures_added == ("Navne- og adressebeskyttelse",)
    assert changes.measures_dropped == ("Udarbejde sikkerhedsplan med borgeren",)
    assert (changes.days_between, changes.is_empty) == (91, False)
    assert [(e.assessment.id, e.changes is None) for e in entries] == [(first.id, True), (second.id, False)]
    assert entries[1].changes == changes
    assert isinstance(changes.factors[0], FactorChange)


def test_an_unchanged_revision_has_empty_changes(vault, inquiry_id):
    with vault.session() as s:
        first = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        save_draft(s, first.id, complete_spj(first.content))
        finalise_assessment(s, first.id, today=TODAY)
        second = revise_assessment(s, first.id)
        assert changes_since_previous(s, second.id).is_empty


def test_a_screening_compares_its_resulting_level(vault, inquiry_id):
    with vault.session() as s:
        first = start_assessment(s, inquiry_id, "sk-screening", assessed_on=ASSESSED_ON)
        answers = tuple(Rating(f"S{n}", "ja" if n <= 2 else "nej") for n in range(1, 13))
        save_draft(s, first.id, replace(first.content, ratings=answers))
        finalise_assessment(s, first.id, today=TODAY)
        second = revise_assessment(s, first.id)
        more = tuple(Rating(r.item_id, "ja" if r.item_id in ("S3", "S4", "S5") else r.now) for r in answers)
        save_draft(s, second.id, replace(second.content, ratings=more))
        changes = changes_since_previous(s, second.id)
    assert changes.judgements == (JudgementChange("screening", "lav", "moderat", UP),)
    assert [f.item_id for f in changes.factors] == ["S3", "S4", "S5"]
