"""text search index

Revision ID: 0005
Revises: 0004

FTS5 trigram indexes over exactly what the inquiry list searches, kept in step by triggers,
and built here from the records of an existing vault. The index is derived data (it can be
rebuilt from the tables at any time), so this revision uses the current definition in
consultant_app/storage/search_index.py rather than a frozen copy.
"""

from collections.abc import Sequence

from alembic import op

from consultant_app.storage import search_index

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    search_index.install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    for indexed in search_index.INDEXED:
        for trigger in indexed.trigger_names():
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {indexed.fts}")
