"""follow-ups and survey

Revision ID: 0003
Revises: 0002

Survey dispatch: how the link was sent (method) and a check on the status; the campaign's
e-mail subject; responses never negative; the SMTP settings (with the password) in the vault.
Follow-ups need no schema change: the calendar UID is derived, not stored.

Data migrations here use frozen table definitions (sa.table / sa.column), never the live models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "smtp_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(length=16), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=True),
        sa.Column("password", sa.Text(), nullable=True),
        sa.Column("from_address", sa.String(length=254), nullable=False),
        sa.Column("from_name", sa.String(length=200), nullable=True),
        sa.Column("ca_file", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_smtp_settings_single_row")),
        sa.CheckConstraint("security IN ('tls', 'starttls')", name=op.f("ck_smtp_settings_tls_required")),
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name=op.f("ck_smtp_settings_port_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smtp_settings")),
    )
    with op.batch_alter_table("survey_campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_subject", sa.String(length=200), nullable=True))

    # A check constraint makes SQLite copy the table: nothing refers to these two tables.
    with op.batch_alter_table("survey_dispatch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("method", sa.String(length=16), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_survey_dispatch_status"), "status IN ('sent', 'not_relevant')"
        )
    with op.batch_alter_table("survey_response_count", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_survey_response_count_responses_not_negative"), "responses >= 0"
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_response_count", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_survey_response_count_responses_not_negative"), type_="check")
    with op.batch_alter_table("survey_dispatch", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_survey_dispatch_status"), type_="check")
        batch_op.drop_column("method")
    with op.batch_alter_table("survey_campaign", schema=None) as batch_op:
        batch_op.drop_column("email_subject")
    op.drop_table("smtp_settings")
