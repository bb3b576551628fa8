"""The statistics read indexes, never the inquiry rows (issue 17: statistics that do not re-walk
the rows). Checked on SQLite's own plan, so a dropped or narrowed index fails here, not in a
benchmark months later."""

from datetime import datetime

from sqlalchemy import String, TextClause, bindparam

from consultant_app.counts import query
from consultant_app.storage import month_counts


def _plan(session, statement, bounds) -> list[str]:
    statement = statement.params(**bounds) if bounds else statement
    sql = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return [row[-1] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", ())]


def _typed(statement, params):
    """A text statement's parameters typed, so that its plan can be asked with them inlined."""
    if isinstance(statement, TextClause) and params:
        return statement.bindparams(
            *(bindparam(name, value, type_=String()) for name, value in params.items())
        )
    return statement


BOUNDS = {"start": datetime(2024, 1, 1), "end": datetime(2025, 1, 1)}


def test_twelve_months_are_read_from_the_aggregate_by_key_and_one_covering_index(vault, monkeypatch):
    """What count_months runs: rules 1-4 from the monthly aggregate's key range, rule 5 from the
    covering courses index; no statement walks the inquiry rows or scans a table. (The counts
    index the record passes once read went in migration 0010: the aggregate replaced them.)"""
    captured = []
    with vault.session() as s:
        original = s.execute

        def spy(statement, *args, **kwargs):
            captured.append((statement, args[0] if args else None))
            return original(statement, *args, **kwargs)

        monkeypatch.setattr(s, "execute", spy)
        query.count_months(s, "2024-01", "2024-12")
        monkeypatch.undo()
        plans = [_plan(s, _typed(statement, params), params) for statement, params in captured]
    steps = [step for plan in plans for step in plan]
    assert any(
        step.startswith(f"SEARCH {month_counts.TABLE} USING PRIMARY KEY (month>? AND month<?)")
        for step in steps
    ), plans
    inquiry_steps = [step for step in steps if " inquiry " in f" {step} "]
    assert inquiry_steps and all(
        "COVERING INDEX ix_inquiry_kind_closed_received" in s for s in inquiry_steps
    ), plans
    tables = ("inquiry", "inquiry_reason", "inquiry_advice", month_counts.TABLE)
    assert not [step for step in steps if step.split()[:2] in (["SCAN", t] for t in tables)], plans


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
