"""The statistics read the monthly aggregate by its key and the open courses from one covering
index, never the inquiry rows (issue 17: statistics that do not re-walk the rows). Checked on
SQLite's own plan, so a dropped or narrowed index fails here, not in a benchmark months later."""

from consultant_app.counts import query


def _plan(session, sql: str, params: tuple = ()) -> list[str]:
    return [row[-1] for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]


def test_a_month_range_is_read_from_the_aggregate_by_its_key(vault):
    with vault.session() as s:
        plan = _plan(s, str(query._AGGREGATE).replace(":first", "'2024-01'").replace(":last", "'2024-12'"))
    assert plan == ["SEARCH inquiry_month_count USING PRIMARY KEY (month>? AND month<?)"], plan


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
        sql = captured[0].compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = _plan(s, str(sql))
    inquiry_steps = [step for step in plan if " inquiry " in f" {step} "]
    assert inquiry_steps and all(
        "COVERING INDEX ix_inquiry_kind_closed_received" in s for s in inquiry_steps
    ), plan
