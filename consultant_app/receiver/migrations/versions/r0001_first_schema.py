"""The receiver's first schema, as `metadata.create_all` made it before migrations existed:
packages (every version kept), Idempotency-Key records, and token bindings.

Revision ID: r0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submitter", sa.String(64), nullable=False),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("token_id", sa.String(32), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_package"),
        sa.UniqueConstraint("submitter", "month", "version", name="uq_package_submitter_month_version"),
    )
    op.create_index("ix_package_month_submitter", "package", ["month", "submitter"])
    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("idempotency_key", sa.String(255), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_idempotency_record"),
        sa.UniqueConstraint(
            "token_id", "idempotency_key", name="uq_idempotency_record_token_id_idempotency_key"
        ),
    )
    op.create_table(
        "token_binding",
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("submitter", sa.String(64), nullable=False),
        sa.Column("bound_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_token_binding"),
    )


def downgrade() -> None:
    op.drop_table("token_binding")
    op.drop_table("idempotency_record")
    op.drop_index("ix_package_month_submitter", table_name="package")
    op.drop_table("package")
