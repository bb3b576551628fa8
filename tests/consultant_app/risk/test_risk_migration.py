"""Revision 0002 changes the risk tables in place: upgrading and downgrading a vault with
assessments keeps every rating, measure and follow-up link (a table rebuild would not, since
SQLite cascades the drop of a referenced table when foreign keys are on)."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from consultant_app.storage import migrate

ROWS = [
    "INSERT INTO inquiry (id, received_at, consultant, region, inquirer_type, channel, citizen_age_group, "
    "consent, trip_concern, kind, created_at, updated_at) VALUES (1, '2024-05-01 09:00:00', 'T', "
    "'nordjylland', 'skole', 'mail', 'barn', 'anonym', 'udlandet', 'forloeb', '2024-05-01', '2024-05-01')",
    "INSERT INTO risk_assessment (id, inquiry_id, previous_id, instrument_id, instrument_version, status, "
    "assessed_on, assessor, created_at, updated_at) VALUES (1, 1, NULL, 'sk-spj', '1', 'finalised', "
    "'2024-05-02', 'T', '2024-05-02', '2024-05-02'), (2, 1, 1, 'sk-spj', '1', 'draft', '2024-08-02', 'T', "
    "'2024-08-02', '2024-08-02')",
    "INSERT INTO risk_rating (id, assessment_id, item_id, now, earlier) VALUES (1, 1, 'A1', 'ja', 'nej')",
    "INSERT INTO risk_measure (id, assessment_id, position, action, responsible, deadline) "
    "VALUES (1, 1, 0, 'Sikkerhedsplan', 'Kommunen', '2024-06-01')",
    "INSERT INTO follow_up (id, inquiry_id, type, due_on, risk_measure_id, risk_assessment_id, created_at, "
    "updated_at) VALUES (1, 1, 'koordinering', '2024-06-01', 1, 1, '2024-05-02', '2024-05-02')",
]
CHECK = (
    "SELECT (SELECT count(*) FROM risk_assessment), (SELECT previous_id FROM risk_assessment WHERE id = 2), "
    "(SELECT count(*) FROM risk_rating), (SELECT count(*) FROM risk_measure), "
    "(SELECT risk_measure_id || '/' || risk_assessment_id FROM follow_up WHERE id = 1)"
)


def test_upgrade_and_downgrade_keep_assessments_and_their_links(vault):
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0001")
        for row in ROWS:
            conn.execute(text(row))
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert conn.execute(text(CHECK)).one() == (2, 1, 1, 1, "1/1")
        assert conn.execute(text("SELECT follow_up_type FROM risk_measure")).scalar() is None
    with pytest.raises(IntegrityError), vault.engine.begin() as conn:  # one successor each
        conn.execute(
            text(
                "INSERT INTO risk_assessment (inquiry_id, previous_id, instrument_id, instrument_version, "
                "status, assessed_on, assessor, created_at, updated_at) VALUES (1, 1, 'sk-spj', '1', "
                "'draft', '2024-09-01', 'T', '2024-09-01', '2024-09-01')"
            )
        )
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0001")
        assert conn.execute(text(CHECK)).one() == (2, 1, 1, 1, "1/1")
        migrate.upgrade(conn)
