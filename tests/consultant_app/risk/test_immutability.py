"""A finalised assessment cannot change, whatever code tries: the guard is in the core's
session, not in a form. Every path: the assessment, a rating, a measure, deletion, bulk SQL."""

from datetime import date

import pytest
from sqlalchemy import delete, select, update

from consultant_app.domain import Inquiry, RiskAssessment, RiskMeasure, RiskRating
from consultant_app.risk import (
    AssessmentFinalisedError,
    RiskBulkChangeError,
    finalise_assessment,
    get_assessment,
    revise_assessment,
    save_draft,
    start_assessment,
)
from tests.consultant_app.risk.conftest import ASSESSED_ON, TODAY, complete_spj


@pytest.fixture
def finalised(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        save_draft(s, draft.id, complete_spj(draft.content))
        return finalise_assessment(s, draft.id, today=TODAY).assessment


def change_assessment(s, a):
    s.get(RiskAssessment, a.id).serious_violence = "hoej"


def reopen_as_draft(s, a):
    row = s.get(RiskAssessment, a.id)
    row.status, row.finalised_at = "draft", None


def change_rating(s, a):
    s.scalars(
        select(RiskRating).where(RiskRating.assessment_id == a.id, RiskRating.item_id == "A1")
    ).one().now = "nej"


def change_rating_note(s, a):
    s.get(RiskAssessment, a.id).ratings[0].note = "tilføjet bagefter"


def append_rating(s, a):
    row = s.get(RiskAssessment, a.id)
    row.ratings.append(RiskRating(item_id="P2", now="ja"))
    return row


def add_rating_by_id(s, a):
    s.add(RiskRating(assessment_id=a.id, item_id="P3", now="nej"))


def remove_rating_from_collection(s, a):
    row = s.get(RiskAssessment, a.id)
    row.ratings.remove(row.ratings[0])


def delete_rating(s, a):
    s.delete(s.get(RiskAssessment, a.id).ratings[-1])


def move_rating_away(s, a):
    draft = revise_assessment(s, a.id)
    s.get(RiskAssessment, draft.id).ratings.clear()
    s.flush()
    rating = s.scalars(select(RiskRating).where(RiskRating.assessment_id == a.id)).first()
    rating.assessment_id = draft.id


def change_measure(s, a):
    s.get(RiskAssessment, a.id).measures[0].deadline = date(2026, 1, 1)


def add_measure(s, a):
    row = s.get(RiskAssessment, a.id)
    row.measures.append(RiskMeasure(position=9, action="Nyt", responsible="Politiet"))
    return row


def delete_measure(s, a):
    s.delete(s.get(RiskAssessment, a.id).measures[0])


def delete_assessment(s, a):
    s.delete(s.get(RiskAssessment, a.id))


PATHS = [
    change_assessment,
    reopen_as_draft,
    change_rating,
    change_rating_note,
    append_rating,
    add_rating_by_id,
    remove_rating_from_collection,
    delete_rating,
    move_rating_away,
    change_measure,
    add_measure,
    delete_measure,
    delete_assessment,
]


@pytest.mark.parametrize("attempt", PATHS, ids=[p.__name__ for p in PATHS])
def test_every_change_to_a_finalised_assessment_is_refused(vault, finalised, attempt):
    with pytest.raises(AssessmentFinalisedError) as raised, vault.session() as s:
        kept = attempt(s, finalised)  # noqa: F841 (held: the session keeps only weak references)
        s.flush()
    assert str(raised.value).startswith(f"Risikovurdering {finalised.id} er afsluttet")
    with vault.session() as s:  # nothing of it reached the vault
        assert get_assessment(s, finalised.id) == finalised


@pytest.mark.parametrize(
    "statement",
    [
        update(RiskAssessment).values(serious_violence="lav"),
        update(RiskRating).where(RiskRating.item_id == "A1").values(now="nej"),
        delete(RiskMeasure),
        delete(RiskAssessment.__table__),
    ],
    ids=["update-assessment", "update-rating", "delete-measure", "core-delete-assessment"],
)
def test_bulk_statements_on_risk_tables_are_refused(vault, finalised, statement):
    with pytest.raises(RiskBulkChangeError), vault.session() as s:
        s.execute(statement)
    with vault.session() as s:
        assert get_assessment(s, finalised.id) == finalised


def test_a_draft_stays_editable_directly_and_finalising_itself_is_allowed(vault, finalised):
    with vault.session() as s:
        draft = revise_assessment(s, finalised.id)
        row = s.get(RiskAssessment, draft.id)
        row.scenarios = "Ændret direkte"
        row.ratings[0].now = "ukendt"
        row.measures.append(RiskMeasure(position=5, action="Nyt tiltag", responsible="Skolen"))
        s.flush()
        row.status = "finalised"  # the draft becomes finalised in this very flush: allowed
        s.flush()
        row.scenarios = "Og så igen"
        with pytest.raises(AssessmentFinalisedError):
            s.flush()
        s.rollback()


def test_erasing_a_whole_case_still_removes_its_assessments(vault, inquiry_id, finalised):
    with vault.session() as s:
        s.delete(s.get(Inquiry, inquiry_id))
    with vault.session() as s:
        assert s.scalar(select(RiskAssessment.id)) is None
        assert s.scalar(select(RiskRating.id)) is None
