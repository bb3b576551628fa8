"""fewer index writes per inquiry

Revision ID: 0010
Revises: 0009

Each page an inquiry's insert changes is encrypted twice (the rollback journal's copy and the
page) and HMAC'd each time, so every index on `inquiry` costs its share of registering one
(issue 17: the CPU ratio encrypted/plain of registering was 1.3-1.4).

- `ix_inquiry_counts` goes: the statistics read the monthly aggregate (storage/month_counts.py)
  since 0005; only the reference recount in the tests walked this index.
- The indexes on `professional_id`, `citizen_id` and the case's origin hold only the rows that
  have one: most inquiries have none (no citizen registered, not a case received from a
  colleague), and a row with NULL was written into the middle of the index. Every lookup these
  indexes serve compares with a value (`= ?`, `IN (...)`), which implies NOT NULL, so SQLite
  still uses them; the origin's uniqueness is the same, since NULLs never conflicted.
- `ix_professional_id_name` (id, name): the list shows each row's professional by name, and the
  first page after unlock read a page of the professional table (rows of all their details,
  decrypted) for nearly every row; this narrow copy holds five times as many names a page
  (services/inquiry_list.py reads the names through it).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTS = (
    "received_at",
    "region",
    "inquirer_type",
    "channel",
    "kind",
    "citizen_age_group",
    "trip_concern",
    "origin_submitter",
)


def upgrade() -> None:
    op.drop_index("ix_inquiry_counts", table_name="inquiry")
    for column in ("professional_id", "citizen_id"):
        op.drop_index(f"ix_inquiry_{column}", table_name="inquiry")
        op.create_index(
            f"ix_inquiry_{column}", "inquiry", [column], sqlite_where=sa.text(f"{column} IS NOT NULL")
        )
    op.drop_index("ix_inquiry_origin", table_name="inquiry")
    op.create_index(
        "ix_inquiry_origin",
        "inquiry",
        ["origin_submitter", "origin_id"],
        unique=True,
        sqlite_where=sa.text("origin_submitter IS NOT NULL"),
    )
    op.create_index("ix_professional_id_name", "professional", ["id", "name"])


def downgrade() -> None:
    op.drop_index("ix_professional_id_name", table_name="professional")
    op.drop_index("ix_inquiry_origin", table_name="inquiry")
    op.create_index("ix_inquiry_origin", "inquiry", ["origin_submitter", "origin_id"], unique=True)
    for column in ("professional_id", "citizen_id"):
        op.drop_index(f"ix_inquiry_{column}", table_name="inquiry")
        op.create_index(f"ix_inquiry_{column}", "inquiry", [column])
    op.create_index("ix_inquiry_counts", "inquiry", list(COUNTS))
