"""#16.2: the receiver's own migrations (receiver/migrations, not the vault's db/), on SQLite
and PostgreSQL with data in the database: a database from before migrations is stamped and
upgraded with its packages intact, the migrated schema is exactly the models, and everything
but `migrate` refuses a database that is behind (or ahead)."""

from datetime import datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from consultant_app.receiver import ingest
from consultant_app.receiver.app import ReceiverSettings, create_app
from consultant_app.receiver.cli import main
from consultant_app.receiver.db import TokenBinding, make_engine, metadata, utcnow
from consultant_app.receiver.national import national_report
from consultant_app.receiver.schema import (
    VERSION_TABLE,
    SchemaAhead,
    SchemaBehind,
    _config,
    current,
    head,
    migrate,
)
from tests.consultant_app.receiver.packages import SUBMITTER_A, SUBMITTER_B, package
from tests.consultant_app.receiver.support import database_url, stored, token_store


def at_revision(engine, revision: str, *, keep_version: bool = True) -> None:
    """The database emptied and brought to `revision` only; without `keep_version` it looks as
    `create_all` left it before migrations existed (the tables, no version table)."""
    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
    with engine.begin() as conn:
        command.upgrade(_config(conn), revision)
        if not keep_version:
            conn.execute(text(f"DROP TABLE {VERSION_TABLE}"))


def old_data(engine) -> None:
    """Packages, and the attack the new constraint closes: two tokens bound to one submitter."""
    with engine.begin() as conn:
        for p in (package("2026-01", 1), package("2026-02", 1, submitter=SUBMITTER_B)):
            ingest.store(conn, p, source="file")
        conn.execute(
            insert(TokenBinding),
            [
                {"token_id": "laptop-a", "submitter": SUBMITTER_A, "bound_at": datetime(2026, 1, 2)},
                {"token_id": "attacker", "submitter": SUBMITTER_A, "bound_at": datetime(2026, 3, 1)},
                {"token_id": "laptop-b", "submitter": SUBMITTER_B, "bound_at": datetime(2026, 2, 2)},
            ],
        )


@pytest.mark.parametrize("shape", ["before-migrations", "first-revision"])
def test_an_old_database_with_data_is_upgraded_intact(receiver_engine, shape):
    at_revision(receiver_engine, "r0001", keep_version=shape == "first-revision")
    old_data(receiver_engine)
    with receiver_engine.begin() as conn:
        before = national_report(conn, "2026-01", "2026-02").as_json()
    with pytest.raises(SchemaBehind):
        create_app(ReceiverSettings(), engine=receiver_engine, tokens=token_store())

    assert migrate(receiver_engine) == head() == current(receiver_engine)
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-01", 1), (SUBMITTER_B, "2026-02", 1)]
    with receiver_engine.begin() as conn:
        assert national_report(conn, "2026-01", "2026-02").as_json() == before
        bindings = sorted(conn.execute(select(TokenBinding.token_id, TokenBinding.submitter)).all())
    assert bindings == [("laptop-a", SUBMITTER_A), ("laptop-b", SUBMITTER_B)]  # the first binding stays
    with pytest.raises(IntegrityError), receiver_engine.begin() as conn:
        conn.execute(insert(TokenBinding).values(token_id="again", submitter=SUBMITTER_A, bound_at=utcnow()))
    create_app(ReceiverSettings(), engine=receiver_engine, tokens=token_store())  # current: accepted
    assert migrate(receiver_engine) == head()  # a second run changes nothing


def test_the_migrated_schema_is_exactly_the_models(receiver_engine):
    with receiver_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, metadata)
    assert differences == []
    assert VERSION_TABLE in inspect(receiver_engine).get_table_names()


def test_down_and_up_again_keeps_the_packages(receiver_engine):
    old_data_engine = receiver_engine
    with old_data_engine.begin() as conn:
        ingest.store(conn, package("2026-01", 1), source="file")
    with receiver_engine.begin() as conn:
        command.downgrade(_config(conn), "r0001")
    assert current(receiver_engine) == "r0001"
    migrate(receiver_engine)
    assert stored(receiver_engine) == [(SUBMITTER_A, "2026-01", 1)]


def test_a_database_ahead_of_the_program_is_refused(receiver_engine):
    with receiver_engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = 'r9999'"))
    with pytest.raises(SchemaAhead):
        create_app(ReceiverSettings(), engine=receiver_engine, tokens=token_store())


def test_serve_refuses_a_database_that_is_behind_and_migrate_fixes_it(tmp_path, capsys, monkeypatch):
    url = database_url("sqlite", tmp_path)
    tokens = tmp_path / "tokens.json"
    assert main(["add-token", "--tokens", str(tokens), "--submitter-name", "A"]) == 0
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: None)
    capsys.readouterr()
    assert main(["serve", "--db", url, "--tokens", str(tokens)]) == 1
    assert "consultant-app-receiver migrate" in capsys.readouterr().err
    for argv in (
        ["report", "national", "--db", url, "--from", "2026-01", "--to", "2026-02"],
        ["import", "--db", url, "x.json"],
    ):
        assert main(argv) == 1 and "migrate" in capsys.readouterr().err
    assert main(["migrate", "--db", url]) == 0
    assert head() in capsys.readouterr().out
    assert main(["serve", "--db", url, "--tokens", str(tokens)]) == 0
    assert current(make_engine(url)) == head()
