"""text search index and counting indexes

Revision ID: 0005
Revises: 0004

Covering indexes for the statistics and for a text search's professional lookups, replacing
the narrower ones they extend. FTS5 trigram indexes over exactly what the inquiry list searches, kept in step by triggers,
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
    with op.batch_alter_table("inquiry") as batch_op:
        batch_op.drop_index("ix_inquiry_kind_closed")
        batch_op.create_index(
            "ix_inquiry_counts",
            ["received_at", "region", "inquirer_type", "channel", "kind", "citizen_age_group", "trip_concern"],
        )
        batch_op.create_index(
            "ix_inquiry_kind_closed_received", ["kind", "closed_on", "received_at", "region"]
        )
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_index("ix_contact_professional_occurred")
        batch_op.create_index(
            "ix_contact_professional_occurred_inquiry", ["professional_id", "occurred_at", "inquiry_id"]
        )
    search_index.install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    for indexed in search_index.INDEXED:
        for trigger in indexed.trigger_names():
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {indexed.fts}")
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_index("ix_contact_professional_occurred_inquiry")
        batch_op.create_index("ix_contact_professional_occurred", ["professional_id", "occurred_at"])
    with op.batch_alter_table("inquiry") as batch_op:
        batch_op.drop_index("ix_inquiry_kind_closed_received")
        batch_op.drop_index("ix_inquiry_counts")
        batch_op.create_index("ix_inquiry_kind_closed", ["kind", "closed_on"])
