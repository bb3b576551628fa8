"""backup settings

Revision ID: 0008
Revises: 0007

The automatic backup (storage/auto_backup.py): the chosen folder, how many backups to keep, and
the last backup that was written and verified, and the names of the backups it wrote there (the
only files it prunes). One row; absent until a folder is chosen.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "backup_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(length=1000), nullable=True),
        sa.Column("keep", sa.Integer(), nullable=False),
        sa.Column("last_good_at", sa.DateTime(), nullable=True),
        sa.Column("last_good_path", sa.String(length=1000), nullable=True),
        sa.Column("last_audit_id", sa.Integer(), nullable=True),
        sa.Column("written", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_backup_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backup_settings")),
    )


def downgrade() -> None:
    op.drop_table("backup_settings")
