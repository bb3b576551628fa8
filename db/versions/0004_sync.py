"""sync settings

Revision ID: 0004
Revises: 0003

Where the laptop sends its count packages: the receiver's address, the laptop's token (inside
the encrypted vault, never in a plain file) and an optional CA file. One row. The outbox table
itself exists since 0001.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("endpoint", sa.String(length=2000), nullable=False),
        sa.Column("token", sa.Text(), nullable=True),
        sa.Column("ca_file", sa.String(length=1000), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_settings")),
    )


def downgrade() -> None:
    op.drop_table("sync_settings")
