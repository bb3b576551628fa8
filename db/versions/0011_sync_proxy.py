"""sync proxy

Revision ID: 0011
Revises: 0009

How the laptop reaches the receiver: "system" (the operating system's proxy settings), "none"
(straight to the receiver) or a proxy's address (http://host:port). NULL in a vault written
before this revision means "none", what those versions always did.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proxy", sa.String(length=1000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_settings", schema=None) as batch_op:
        batch_op.drop_column("proxy")
