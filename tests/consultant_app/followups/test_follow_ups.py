"""Follow-ups: add, done, snooze; the day's agenda (overdue, due today, upcoming)."""

from datetime import date, datetime

import pytest

from consultant_app.errors import NotFoundError, ValidationError
from consultant_app.followups import (
    add_follow_up,
    agenda,
    due_today,
    follow_ups_for_inquiry,
    mark_done,
    overdue,
    reopen,
    snooze,
    unsnooze,
    upcoming,
    update_follow_up,
)

TODAY = date(2025, 3, 10)


@pytest.fixture
def case(make_case):
    return make_case()


def add(vault, case, due, type="opkald", note=None):
    with vault.session() as s:
        return add_follow_up(s, case, type, due, note).id


def ids(rows):
    return [r.id for r in rows]


def test_a_follow_up_is_plain_data_with_the_case_code(vault, case):
    with vault.session() as s:
        row = add_follow_up(s, case, "revurdering", date(2025, 3, 12), "  ring til skolen  ")
    assert (row.inquiry_id, row.type, row.due_on, row.note) == (
        case,
        "revurdering",
        date(2025, 3, 12),
        "ring til skolen",
    )
    assert row.case_code == f"2025-{case:05d}"
    assert not row.is_done and row.inquiry_kind == "forloeb" and not row.inquiry_closed


def test_the_agenda_overdue_today_upcoming(vault, case):
    late = add(vault, case, date(2025, 3, 3))
    today = add(vault, case, TODAY)
    soon = add(vault, case, date(2025, 3, 20))
    far = add(vault, case, date(2025, 6, 1))
    done = add(vault, case, date(2025, 3, 1))
    with vault.session() as s:
        mark_done(s, done, at=datetime(2025, 3, 2, 8))
        day = agenda(s, TODAY)
        assert ids(upcoming(s, TODAY, horizon_days=None)) == [soon, far]
        assert ids(overdue(s, TODAY)) == [late]
        assert ids(due_today(s, TODAY)) == [today]
    assert (ids(day.overdue), ids(day.due_today), ids(day.upcoming), day.snoozed) == (
        [late],
        [today],
        [soon],
        [],
    )


def test_a_snoozed_follow_up_is_hidden_until_its_date(vault, case):
    late = add(vault, case, date(2025, 3, 3))
    with vault.session() as s:
        row = snooze(s, late, date(2025, 3, 12), today=TODAY)
    assert row.due_on == date(2025, 3, 3) and row.shows_on == date(2025, 3, 12)
    with vault.session() as s:
        day = agenda(s, TODAY)
        assert (day.overdue, day.due_today, day.upcoming) == ([], [], [])
        assert ids(day.snoozed) == [late]
        assert agenda(s, date(2025, 3, 11)).overdue == []
        assert ids(agenda(s, date(2025, 3, 12)).overdue) == [late]  # back, still overdue
    with vault.session() as s:
        unsnooze(s, late)
        assert ids(overdue(s, TODAY)) == [late]


def test_snooze_must_end_after_today_and_not_on_a_done_one(vault, case):
    fid = add(vault, case, TODAY)
    with vault.session() as s, pytest.raises(ValidationError) as invalid:
        snooze(s, fid, TODAY, today=TODAY)
    assert "efter i dag" in invalid.value.problems[0].message()
    with vault.session() as s:
        mark_done(s, fid)
    with vault.session() as s, pytest.raises(ValidationError):
        snooze(s, fid, date(2025, 4, 1), today=TODAY)


def test_done_and_reopen(vault, case):
    fid = add(vault, case, TODAY)
    with vault.session() as s:
        assert mark_done(s, fid).is_done
        assert due_today(s, TODAY) == []
    with vault.session() as s:
        assert not reopen(s, fid).is_done
        assert ids(due_today(s, TODAY)) == [fid]


def test_a_new_due_date_ends_the_snooze(vault, case):
    fid = add(vault, case, TODAY)
    with vault.session() as s:
        snooze(s, fid, date(2025, 3, 20), today=TODAY)
        row = update_follow_up(s, fid, type="moede", due_on=date(2025, 3, 11), note=None)
    assert (row.type, row.due_on, row.snoozed_until) == ("moede", date(2025, 3, 11), None)


def test_validation_and_missing_records(vault, case):
    with vault.session() as s, pytest.raises(ValidationError) as invalid:
        add_follow_up(s, case, "kaffe", None)
    assert [p.field for p in invalid.value.problems] == ["type", "due_on"]
    assert "ukendt type" in invalid.value.problems[0].message()
    with vault.session() as s, pytest.raises(NotFoundError):
        add_follow_up(s, 9999, "opkald", TODAY)
    with vault.session() as s, pytest.raises(NotFoundError):
        mark_done(s, 9999)


def test_follow_ups_of_a_case_by_due_date(vault, case, make_case):
    other = make_case()
    second = add(vault, case, date(2025, 4, 1))
    first = add(vault, case, date(2025, 3, 1))
    add(vault, other, date(2025, 3, 2))
    with vault.session() as s:
        assert ids(follow_ups_for_inquiry(s, case)) == [first, second]


def test_a_follow_up_on_a_typed_case_code_needs_the_year_too(vault, case):
    from consultant_app.errors import CaseNotFoundError
    from consultant_app.followups.service import add_follow_up_for_case

    with vault.session() as s:
        row = add_follow_up_for_case(s, f" 2025-{case} ", "opkald", date(2025, 4, 1))
        assert row.case_code == f"2025-{case:05d}"
    for wrong in (f"2024-{case:05d}", "2025-99999", "ikke en kode"):
        with pytest.raises(CaseNotFoundError), vault.session() as s:
            add_follow_up_for_case(s, wrong, "opkald", date(2025, 4, 1))
