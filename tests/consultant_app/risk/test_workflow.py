"""Draft → finalised; a change is a revision that starts as a copy and links back; finalising
puts the next review and the measures' deadlines on the agenda."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from consultant_app.domain import AuditEvent, FollowUp, RiskAssessment
from consultant_app.errors import NotFoundError, ValidationError
from consultant_app.risk import (
    AlreadyRevisedError,
    AssessmentExistsError,
    AssessmentFinalisedError,
    Measure,
    NotFinalisedError,
    Rating,
    delete_draft,
    finalise_assessment,
    get_assessment,
    list_assessments,
    problems_before_finalising,
    revise_assessment,
    save_draft,
    start_assessment,
)
from tests.consultant_app.risk.conftest import ASSESSED_ON, TODAY, complete_spj


def finalised_spj(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        save_draft(s, draft.id, complete_spj(draft.content))
        return finalise_assessment(s, draft.id, today=TODAY)


def fields(problems):
    return [p.field for p in problems]


def test_a_new_draft_uses_the_newest_version_and_the_consultant_as_assessor(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
    assert (draft.status, draft.instrument_id, draft.instrument_version) == ("draft", "sk-spj", "1")
    assert (draft.case_code, draft.instrument_kind) == ("2025-00001", "spj")
    assert draft.content.assessor == "Test Konsulent"
    assert draft.content.ratings == () and draft.previous_id is None


def test_a_case_has_one_history_per_instrument(vault, inquiry_id):
    with vault.session() as s:
        first = start_assessment(s, inquiry_id, "sk-spj")
        with pytest.raises(AssessmentExistsError) as raised:
            start_assessment(s, inquiry_id, "sk-spj")
        assert f"nr. {first.id}" in str(raised.value)
        start_assessment(s, inquiry_id, "sk-screening")  # another instrument: its own history
        with pytest.raises(NotFoundError):
            start_assessment(s, 999, "sk-spj")


def test_a_draft_saves_and_reads_back_in_the_instruments_order(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        content = complete_spj(draft.content)
        shuffled = replace(content, ratings=tuple(reversed(content.ratings)))
        saved = save_draft(s, draft.id, shuffled)
    assert [r.item_id for r in saved.content.ratings][:3] == ["A1", "A2", "A3"]
    assert saved.content.rating("P1").note == "Lærer på skolen, som borgeren stoler på."
    assert saved.content.rating("P2") == Rating("P2")
    assert next(m.action for m in saved.content.measures) == "Udarbejde sikkerhedsplan med borgeren"
    assert saved.content.measures[1].follow_up_type == "opkald"
    assert saved.content == replace(content, measures=saved.content.measures)


def test_saving_the_same_content_again_changes_nothing(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        saved = save_draft(s, draft.id, complete_spj(draft.content))
    with vault.session() as s:
        before = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()))
        save_draft(s, draft.id, saved.content)
    with vault.session() as s:
        assert s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())) == before


def test_a_draft_refuses_what_no_assessment_may_hold_all_problems_at_once(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj")
        bad = replace(
            draft.content,
            assessor=" ",
            ratings=(Rating("A1", now="måske"), Rating("P1", "ja", earlier="ja"), Rating("Z9", "ja")),
            serious_violence="kritisk",
            screening_override="hoej",
            next_review_on=date(2000, 1, 1),
            measures=(Measure("", "Politiet"), Measure("Ring", "Skolen", follow_up_type="brev")),
        )
        with pytest.raises(ValidationError) as raised:
            save_draft(s, draft.id, bad)
    assert fields(raised.value.problems) == [
        "assessor",
        "ratings.A1.now",
        "ratings.P1.earlier",
        "ratings.Z9",
        "serious_violence",
        "screening_override",
        "next_review_on",
        "measures[1].action",
        "measures[2].follow_up_type",
    ]
    assert "gyldige svar: nej, delvist, ja, ukendt" in raised.value.problems[1].message()


def test_finalising_needs_every_factor_the_judgements_and_a_review_date(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-spj", assessed_on=ASSESSED_ON)
        partial = complete_spj(draft.content, serious_violence=None, next_review_on=None)
        partial = replace(partial, ratings=partial.ratings[2:], measures=(Measure("Ring til skolen", ""),))
        save_draft(s, draft.id, partial)
        problems = problems_before_finalising(s, draft.id, today=TODAY)
        with pytest.raises(ValidationError):
            finalise_assessment(s, draft.id, today=TODAY)
        assert get_assessment(s, draft.id).status == "draft"
    assert fields(problems) == [
        "ratings.A1.now",
        "ratings.A2.now",
        "serious_violence",
        "next_review_on",
        "measures[1].responsible",
    ]
    assert "brug 'ukendt'" in problems[0].message()


def test_finalising_makes_the_follow_ups(vault, inquiry_id):
    done = finalised_spj(vault, inquiry_id)
    a = done.assessment
    assert a.status == "finalised" and a.finalised_at is not None
    with vault.session() as s:
        follow_ups = s.scalars(select(FollowUp).order_by(FollowUp.id)).all()
        made = [(f.type, f.due_on, f.risk_assessment_id, f.risk_measure_id is not None) for f in follow_ups]
        notes = [f.note for f in follow_ups]
    assert sorted(done.follow_up_ids) == [f.id for f in follow_ups]
    assert made == [
        ("revurdering", date(2025, 6, 1), a.id, False),
        ("koordinering", date(2025, 3, 20), a.id, True),
        ("opkald", date(2025, 3, 14), a.id, True),
    ]  # the measure without a deadline makes none
    assert notes[2] == "Orientere politiet – Kommunen (sagsbehandler)"


def test_a_revision_starts_as_a_copy_and_links_back(vault, inquiry_id):
    first = finalised_spj(vault, inquiry_id).assessment
    with vault.session() as s:
        second = revise_assessment(s, first.id, assessed_on=date(2025, 6, 2))
        assert get_assessment(s, first.id).next_id == second.id
    assert (second.status, second.previous_id) == ("draft", first.id)
    assert second.content.ratings == first.content.ratings
    assert [m.action for m in second.content.measures] == [m.action for m in first.content.measures]
    assert {m.id for m in second.content.measures}.isdisjoint({m.id for m in first.content.measures})
    assert second.content.serious_violence == "moderat"
    # Not carried over: a new date, a new review, and it has not been shared yet.
    assert (second.content.assessed_on, second.content.next_review_on) == (date(2025, 6, 2), None)
    assert (second.content.shared_with, second.content.shared_basis) == (None, None)


def test_only_a_finalised_assessment_is_revised_and_only_once(vault, inquiry_id):
    first = finalised_spj(vault, inquiry_id).assessment
    with vault.session() as s:
        second = revise_assessment(s, first.id)
        with pytest.raises(NotFinalisedError):
            revise_assessment(s, second.id)
        with pytest.raises(AlreadyRevisedError) as raised:
            revise_assessment(s, first.id)
    assert f"vurdering {second.id}" in str(raised.value)


def test_finalising_a_revision_closes_the_old_review_and_carries_unchanged_measures(vault, inquiry_id):
    first = finalised_spj(vault, inquiry_id)
    with vault.session() as s:
        draft = revise_assessment(s, first.assessment.id, assessed_on=date(2025, 6, 2))
        measures = (
            *draft.content.measures[:1],
            Measure("Kontakt til ambassaden", "Udenrigsministeriet", date(2025, 7, 1)),
        )
        save_draft(s, draft.id, replace(draft.content, next_review_on=date(2025, 9, 1), measures=measures))
        second = finalise_assessment(s, draft.id, today=date(2025, 6, 2))
        rows = {f.id: f for f in s.scalars(select(FollowUp))}
    old_review, old_plan, old_police = first.follow_up_ids
    assert second.closed_follow_up_ids == (old_review,)
    assert rows[old_review].done_at is not None
    # The unchanged measure's follow-up moved to the new measure; the dropped one stays open.
    assert rows[old_plan].risk_assessment_id == second.assessment.id
    assert rows[old_plan].risk_measure_id == second.assessment.content.measures[0].id
    assert rows[old_police].risk_assessment_id == first.assessment.id and rows[old_police].done_at is None
    made = sorted((rows[i].type, rows[i].due_on) for i in second.follow_up_ids)
    assert made == [("koordinering", date(2025, 7, 1)), ("revurdering", date(2025, 9, 1))]


def test_a_draft_can_be_deleted_a_finalised_one_cannot(vault, inquiry_id):
    first = finalised_spj(vault, inquiry_id).assessment
    with vault.session() as s:
        draft = revise_assessment(s, first.id)
        delete_draft(s, draft.id)
        assert s.get(RiskAssessment, draft.id) is None
        with pytest.raises(AssessmentFinalisedError):
            delete_draft(s, first.id)
        with pytest.raises(AssessmentFinalisedError):
            save_draft(s, first.id, first.content)
        with pytest.raises(AssessmentFinalisedError):
            finalise_assessment(s, first.id)
        assert revise_assessment(s, first.id).previous_id == first.id  # revisable again


def test_a_checklist_counts_and_an_override_needs_a_reason(vault, inquiry_id):
    with vault.session() as s:
        draft = start_assessment(s, inquiry_id, "sk-screening", assessed_on=ASSESSED_ON)
        answers = tuple(Rating(f"S{n}", "ja" if n <= 5 else "nej") for n in range(1, 13))
        saved = save_draft(s, draft.id, replace(draft.content, ratings=answers, screening_override="hoej"))
        assert (saved.screening.yes_count, saved.screening.band, saved.screening.level) == (
            5,
            "moderat",
            "hoej",
        )
        assert fields(problems_before_finalising(s, draft.id, today=TODAY)) == ["screening_override_reason"]
        with pytest.raises(ValidationError) as raised:  # the structured judgement's fields do not fit
            save_draft(
                s,
                draft.id,
                replace(saved.content, serious_violence="hoej", ratings=(Rating("S1", "delvist"),)),
            )
        assert fields(raised.value.problems) == ["ratings.S1.now", "serious_violence"]
        reason = "Truslerne er konkrete, og borgeren skal rejse om en uge."
        save_draft(s, draft.id, replace(saved.content, screening_override_reason=reason))
        done = finalise_assessment(s, draft.id, today=TODAY)
        (row,) = list_assessments(s, inquiry_id=inquiry_id)
    assert done.follow_up_ids == ()  # no review date, no measures
    assert (row.instrument_kind, row.screening_level, row.judgement()) == (
        "checklist",
        "hoej",
        {"screening": "hoej"},
    )


def test_the_list_shows_every_assessment_by_date_with_its_judgement(vault, inquiry_id):
    first = finalised_spj(vault, inquiry_id).assessment
    with vault.session() as s:
        second = revise_assessment(s, first.id, assessed_on=date(2025, 6, 2))
        rows = list_assessments(s)
        drafts = list_assessments(s, status="draft")
    assert [(r.id, r.status, r.previous_id) for r in rows] == [
        (first.id, "finalised", None),
        (second.id, "draft", first.id),
    ]
    assert rows[0].judgement() == {"serious_violence": "moderat", "imminent_risk": "lav"}
    assert [r.id for r in drafts] == [second.id]
