"""Alembic environment of the receiver's database (not the laptop's vault: db/ holds that one).

Run only through consultant_app.receiver.schema, which hands over an open connection in a
transaction; the version is kept in its own table, so the receiver's schema can share a
PostgreSQL database with anything else without either reading the other's version."""

from alembic import context

from consultant_app.receiver.db import metadata

VERSION_TABLE = "receiver_schema_version"

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,  # SQLite changes a table by copying it
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
