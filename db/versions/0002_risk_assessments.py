"""risk assessments

Revision ID: 0002
Revises: 0001

A measure records the kind of follow-up its deadline becomes; an assessment has at most one
successor (a unique index on previous_id: history is a chain).

Both changes are made in place. A batch "recreate" of risk_assessment would drop the old table,
and with foreign keys on, SQLite would cascade that drop to its ratings and measures.

Data migrations here use frozen table definitions (sa.table / sa.column), never the live models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("risk_measure", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("follow_up_type", sa.String(length=32), nullable=True))
    op.create_index("ix_risk_assessment_previous_id", "risk_assessment", ["previous_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_risk_assessment_previous_id", table_name="risk_assessment")
    # In place (SQLite >= 3.35), not in a batch: a rebuild of risk_measure would drop the old
    # table, and the foreign keys would set follow_up.risk_measure_id to NULL on the way.
    op.drop_column("risk_measure", "follow_up_type")
