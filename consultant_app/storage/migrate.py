"""Alembic, run from code with the connection handed in (the env lives in `db/`).

Alembic (and the dialects it drags in) costs a noticeable part of a start, and is needed only
when a migration is due: `schema_state` answers the everyday case, a vault already at head, with
one query on `alembic_version` and a read of the revision ids in `db/versions/`; only a vault
that is new, behind or ahead loads Alembic.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from consultant_app.resources import migrations_dir
from consultant_app.storage import month_counts, professional_names, search_index

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# How our revision files name themselves (db/script.py.mako writes these two lines).
_REVISION = re.compile(r'^revision(?:: str)? = "([^"]+)"', re.M)
_DOWN_REVISION = re.compile(r'^down_revision(?:: [^=]+)? = (?:"([^"]+)"|None)', re.M)


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: no tables yet
    CURRENT = "current"
    OUTDATED = "outdated"  # written by an older version: upgrade, after a copy aside
    TOO_NEW = "too_new"  # written by a newer version: refuse


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError("the migration chain has no single head")
    return head


def light_head_revision() -> str | None:
    """The head read from the revision files' own lines, without Alembic; None when the files do
    not show exactly one head (then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(connection: Connection) -> str | None:
    """The vault's revision: one query on `alembic_version` (no such table: a new file)."""
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if has_table is None:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(connection: Connection) -> SchemaState:
    return revision_state(current_revision(connection))


def revision_state(current: str | None) -> SchemaState:
    """What a vault at revision `current` (None: no `alembic_version`) is to this program."""
    if current is None:
        return SchemaState.EMPTY
    if current == light_head_revision() or current == head_revision():
        return SchemaState.CURRENT
    try:
        script_directory().get_revision(current)
    except Exception:
        return SchemaState.TOO_NEW
    return SchemaState.OUTDATED


def upgrade(connection: Connection, target: str = "head") -> None:
    """Upgrade inside the caller's transaction: interrupted, the vault stays as it was."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)  # db/env.py drops the aggregate's triggers
    # A migration that rebuilt a searched table dropped its index triggers with it.
    search_index.ensure(connection)
    # At the head, however the target was named ("head" or its number): the aggregate follows the
    # counting rules of the current schema, and db/env.py dropped its triggers and the name copies'.
    if target == "head" or current_revision(connection) == head_revision():
        month_counts.ensure(connection)
        professional_names.ensure(connection)


def repair_derived(connection: Connection) -> None:
    """At every unlock of a vault at the head: derived data made whole if a migration run some
    other way left it without its triggers (the aggregate recounted, the name copies corrected)
    or it was made before the aggregate existed; otherwise one look at the schema."""
    names = set(connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    if "alembic_version" not in names:
        return
    month_counts.ensure(connection, names)
    professional_names.ensure(connection, names)


def include_name(name: str | None, type_: str, parent: dict) -> bool:
    """For Alembic's comparison of models and schema: the search index, the monthly aggregate
    and the inquiry's copy of its professional's name are derived, not models."""
    if type_ == "column":
        return (parent.get("table_name"), name) != (professional_names.TABLE, professional_names.COLUMN)
    derived = name is not None and (search_index.is_index_table(name) or name == month_counts.TABLE)
    return not (type_ == "table" and derived)


def new_revision(message: str) -> None:
    """For developers: autogenerate the next revision from the models, against an in-memory
    database at head. Review what it wrote before committing it."""
    from alembic import command
    from sqlalchemy import create_engine

    number = len(list(script_directory().walk_revisions())) + 1
    with create_engine("sqlite://").begin() as conn:
        upgrade(conn)
        command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=f"{number:04d}")


def __getattr__(name: str):
    """`migrate.command`: Alembic's command module, loaded on first use (tests downgrade with it)."""
    if name == "command":
        from alembic import command

        return command
    raise AttributeError(name)


if __name__ == "__main__":
    import sys

    new_revision(" ".join(sys.argv[1:]) or "schema change")
