"""handover keys, case origin, hand-over marks, erasure and the retention period

Revision ID: 0006
Revises: 0005

- vault_key: this vault's own key pair (PyNaCl Box), one row, made here so that every vault,
  new or upgraded, has one. The secret half never leaves the encrypted vault.
- colleague_key: colleagues' public keys by name.
- inquiry: where a received case was registered (origin_*: it is counted there, not here),
  when it was taken over, to whom and when it was handed over (then read-only here), and
  when it was erased (the row is then an anonymous statistical row).
- profile.retention_years: years after closing before a case is due for erasure.

All columns are added in place: a batch "recreate" of inquiry would drop the old table and,
with foreign keys on, cascade into every row that points at it.

Data migrations here use frozen table definitions (sa.table / sa.column), never the live models.
"""

import base64
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from nacl.public import PrivateKey

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COUNTS = ["received_at", "region", "inquirer_type", "channel", "kind", "citizen_age_group", "trip_concern"]
COURSES = ["kind", "closed_on", "received_at", "region"]


def upgrade() -> None:
    vault_key = op.create_table(
        "vault_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("secret_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_vault_key_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_key")),
    )
    op.create_table(
        "colleague_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_colleague_key")),
        sa.UniqueConstraint("name", name=op.f("uq_colleague_key_name")),
        sa.UniqueConstraint("public_key", name=op.f("uq_colleague_key_public_key")),
    )
    for column in (
        sa.Column("origin_submitter", sa.String(length=64), nullable=True),
        sa.Column("origin_id", sa.Integer(), nullable=True),
        sa.Column("origin_code", sa.String(length=16), nullable=True),
        sa.Column("taken_over_at", sa.DateTime(), nullable=True),
        sa.Column("handed_over_to", sa.String(length=200), nullable=True),
        sa.Column("handed_over_at", sa.DateTime(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
    ):
        op.add_column("inquiry", column)
    op.create_index("ix_inquiry_origin", "inquiry", ["origin_submitter", "origin_id"], unique=True)
    # The statistics read only their covering indexes (0005); rule 7 of the counting reads the
    # origin and the hand-over dates too, so the indexes carry them to stay covering.
    op.drop_index("ix_inquiry_counts", table_name="inquiry")
    op.create_index("ix_inquiry_counts", "inquiry", [*COUNTS, "origin_submitter"])
    op.drop_index("ix_inquiry_kind_closed_received", table_name="inquiry")
    op.create_index("ix_inquiry_kind_closed_received", "inquiry", [*COURSES, "taken_over_at", "handed_over_at"])
    op.add_column(
        "profile", sa.Column("retention_years", sa.Integer(), nullable=False, server_default=sa.text("5"))
    )

    secret = PrivateKey.generate()
    op.bulk_insert(
        vault_key,
        [
            {
                "id": 1,
                "public_key": base64.b64encode(bytes(secret.public_key)).decode("ascii"),
                "secret_key": base64.b64encode(bytes(secret)).decode("ascii"),
                "created_at": datetime.now(UTC).replace(tzinfo=None),
            }
        ],
    )


def downgrade() -> None:
    op.drop_column("profile", "retention_years")
    op.drop_index("ix_inquiry_origin", table_name="inquiry")
    op.drop_index("ix_inquiry_counts", table_name="inquiry")
    op.create_index("ix_inquiry_counts", "inquiry", COUNTS)
    op.drop_index("ix_inquiry_kind_closed_received", table_name="inquiry")
    op.create_index("ix_inquiry_kind_closed_received", "inquiry", COURSES)
    for name in (
        "erased_at",
        "handed_over_at",
        "handed_over_to",
        "taken_over_at",
        "origin_code",
        "origin_id",
        "origin_submitter",
    ):
        op.drop_column("inquiry", name)
    op.drop_table("colleague_key")
    op.drop_table("vault_key")
