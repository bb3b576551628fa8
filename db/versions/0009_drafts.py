"""drafts

Revision ID: 0009
Revises: 0008

A form's unsaved input kept in the vault at lock (domain/drafts.py, services/drafts.py): which
form, the case it belongs to (deleted with it), the record being edited, the values as JSON.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("inquiry_id", sa.Integer(), nullable=True),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inquiry_id"], ["inquiry.id"], name=op.f("fk_draft_inquiry_id_inquiry"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft")),
    )
    op.create_index(op.f("ix_draft_inquiry_id"), "draft", ["inquiry_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_draft_inquiry_id"), table_name="draft")
    op.drop_table("draft")
