"""Alembic, run from code with the connection handed in (the env lives in `db/`)."""

from enum import Enum

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from consultant_app.resources import migrations_dir
from consultant_app.storage import month_counts, search_index


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: no tables yet
    CURRENT = "current"
    OUTDATED = "outdated"  # written by an older version: upgrade, after a copy aside
    TOO_NEW = "too_new"  # written by a newer version: refuse


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError("the migration chain has no single head")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def schema_state(connection: Connection) -> SchemaState:
    current = current_revision(connection)
    if current is None:
        return SchemaState.EMPTY
    if current == head_revision():
        return SchemaState.CURRENT
    try:
        script_directory().get_revision(current)
    except Exception:
        return SchemaState.TOO_NEW
    return SchemaState.OUTDATED


def upgrade(connection: Connection, target: str = "head") -> None:
    """Upgrade inside the caller's transaction: interrupted, the vault stays as it was."""
    month_counts.drop_triggers(connection)
    command.upgrade(alembic_config(connection), target)
    # A migration that rebuilt a searched table dropped its index triggers with it.
    search_index.ensure(connection)
    month_counts.ensure(connection)


def repair_derived(connection: Connection) -> None:
    """A vault at the head that lacks the monthly aggregate (migrated by a development build of
    0005 from before it had one) gets it now; one look at the schema otherwise."""
    names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    if "alembic_version" in names and month_counts.TABLE not in names:
        month_counts.install(connection)


def include_name(name: str | None, type_: str, _parent: dict) -> bool:
    """For Alembic's comparison of models and schema: the search index is not a model."""
    derived = name is not None and (search_index.is_index_table(name) or name == month_counts.TABLE)
    return not (type_ == "table" and derived)


def new_revision(message: str) -> None:
    """For developers: autogenerate the next revision from the models, against an in-memory
    database at head. Review what it wrote before committing it."""
    from sqlalchemy import create_engine

    number = len(list(script_directory().walk_revisions())) + 1
    with create_engine("sqlite://").begin() as conn:
        upgrade(conn)
        command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=f"{number:04d}")


if __name__ == "__main__":
    import sys

    new_revision(" ".join(sys.argv[1:]) or "schema change")
