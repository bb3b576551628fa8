"""The statistics read indexes, never the inquiry rows (issue 17: statistics that do not re-walk
the rows). Checked on SQLite's own plan, so a dropped or narrowed index fails here, not in a
benchmark months later."""

from datetime import datetime

import pytest

from consultant_app.counts import query


def _plan(session, statement, bounds) -> list[str]:
    statement = statement.params(**bounds) if bounds else statement
    sql = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return [row[-1] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", ())]


BOUNDS = {"start": datetime(2024, 1, 1), "end": datetime(2025, 1, 1)}


@pytest.mark.parametrize("pass_", ["single", "by_reason", "by_advice_type"])
def test_a_month_range_is_read_from_the_covering_index(vault, pass_):
    statement = query._single_pass() if pass_ == "single" else query._multi_pass(pass_)
    with vault.session() as s:
        plan = _plan(s, statement, BOUNDS)
    inquiry_steps = [step for step in plan if " inquiry " in f" {step} "]
    assert inquiry_steps == [
        "SEARCH inquiry USING COVERING INDEX ix_inquiry_counts (received_at>? AND received_at<?)"
    ]
    assert not [step for step in plan if step.startswith("SCAN")], plan


def test_open_courses_are_read_from_the_covering_index(vault, monkeypatch):
    captured = []  # the one statement active_courses builds and runs
    with vault.session() as s:
        original = s.execute

        def spy(statement, *args, **kwargs):
            captured.append(statement)
            return original(statement, *args, **kwargs)

        monkeypatch.setattr(s, "execute", spy)
        query.active_courses(s, ["2024-11", "2024-12"])
        monkeypatch.undo()
        plan = _plan(s, captured[0], None)
    inquiry_steps = [step for step in plan if " inquiry " in f" {step} "]
    assert inquiry_steps and all(
        "COVERING INDEX ix_inquiry_kind_closed_received" in s for s in inquiry_steps
    ), plan
