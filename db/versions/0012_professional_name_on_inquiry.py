"""the professional's name on the inquiry

Revision ID: 0012
Revises: 0011

The inquiry list shows each row's professional by name. Read through the professionals' narrow
index (0010), the first page after unlock still decrypted a page of names for nearly every row
(114 of 146 pages at 300 000 inquiries); a copy on the inquiry's own row costs none. The column is
derived (storage/professional_names.py): `migrate.upgrade` makes its triggers and fills it once the
schema is at the head. The narrow index nothing reads any more goes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ALTER TABLE ... ADD COLUMN (no table rebuild): the copies are filled by
    # professional_names.ensure after the upgrade.
    op.add_column("inquiry", sa.Column("professional_name", sa.String(length=200), nullable=True))
    op.drop_index("ix_professional_id_name", table_name="professional")


def downgrade() -> None:
    op.create_index("ix_professional_id_name", "professional", ["id", "name"])
    # SQLite's own DROP COLUMN, not a batch rebuild of `inquiry`: with foreign keys on, dropping
    # the old copy of the table would cascade into every row that points at an inquiry. The
    # column's triggers are gone already (db/env.py drops them before any migration).
    op.execute("ALTER TABLE inquiry DROP COLUMN professional_name")
