"""The receiver's schema version: `migrate` brings a database up to date; everything else
refuses one that is not exactly current (a program older than its database could misread it;
one newer could write what the old schema cannot hold).

The migrations are their own Alembic environment (receiver/migrations), separate from the
laptop's vault (db/). A database made before migrations existed (`metadata.create_all`: the
tables but no version table) is recognised and stamped as the first revision, whose tables
are exactly those, before it is upgraded.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from consultant_app.errors import ConsultantAppError
from consultant_app.receiver import messages as m

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "receiver_schema_version"
FIRST_REVISION = "r0001"


class SchemaBehind(ConsultantAppError):
    text = m.SCHEMA_BEHIND


class SchemaAhead(ConsultantAppError):
    text = m.SCHEMA_AHEAD


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    if revision is None:  # the migrations shipped with the program are missing: a broken install
        raise RuntimeError(f"no receiver migrations found in {MIGRATIONS}")
    return revision


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def migrate(engine: Engine) -> str:
    """Upgrade to the newest revision (in one transaction); returns it."""
    with engine.begin() as conn:
        config = _config(conn)
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        if context.get_current_revision() is None and inspect(conn).has_table("package"):
            command.stamp(config, FIRST_REVISION)  # made by create_all before migrations
        command.upgrade(config, "head")
    return head()


def check_current(engine: Engine) -> None:
    """`SchemaBehind` or `SchemaAhead` unless the database is at the newest revision."""
    now, newest = current(engine), head()
    if now == newest:
        return
    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if now is not None and now not in known:
        raise SchemaAhead(current=now)
    raise SchemaBehind(current=now or "-", head=newest)
