"""Alembic environment: migrations always run from code with a connection handed in
(consultant_app.storage.migrate), never against a URL, so the SQLCipher key is already applied."""

from alembic import context

from consultant_app.domain import Base
from consultant_app.storage import month_counts, professional_names
from consultant_app.storage.migrate import include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through consultant_app.storage.migrate with a keyed connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_name=include_name,
)
# The aggregate's triggers and those that copy professionals' names name inquiry columns and
# tables, and SQLite refuses to drop a column or rename a rebuilt table while a trigger names it:
# they go for the migration, and `migrate.upgrade` makes them again (recounting, correcting the
# copies) once the schema is at the head.
month_counts.drop_triggers(connection)
professional_names.drop_triggers(connection)
with context.begin_transaction():
    context.run_migrations()
