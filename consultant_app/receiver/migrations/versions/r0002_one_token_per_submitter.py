"""A submitter id belongs to one token (#12.1), and when each token was last used (#16.1).

Before this, two tokens could be bound to one submitter (the attack the constraint closes).
Such a pair is resolved the only defensible way: the first binding stays (the laptop that
sent first is the one whose packages are there), the later ones go; their tokens are then
refused for that submitter (403) until an operator issues a replacement. Packages are not
touched: every version stays stored.

Revision ID: r0002
Revises: r0001
"""

import sqlalchemy as sa
from alembic import op

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    binding = sa.table("token_binding", sa.column("token_id"), sa.column("submitter"), sa.column("bound_at"))
    other = binding.alias("other")
    # A binding goes when its submitter has an earlier one (or one as early, with a smaller id).
    shadowed = sa.exists().where(
        other.c.submitter == binding.c.submitter,
        sa.or_(
            other.c.bound_at < binding.c.bound_at,
            sa.and_(other.c.bound_at == binding.c.bound_at, other.c.token_id < binding.c.token_id),
        ),
    )
    op.execute(binding.delete().where(shadowed))
    with op.batch_alter_table("token_binding") as batch:
        batch.create_unique_constraint("uq_token_binding_submitter", ["submitter"])
    op.create_table(
        "token_use",
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_token_use"),
    )


def downgrade() -> None:
    op.drop_table("token_use")
    with op.batch_alter_table("token_binding") as batch:
        batch.drop_constraint("uq_token_binding_submitter", type_="unique")
