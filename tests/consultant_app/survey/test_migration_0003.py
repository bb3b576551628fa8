"""Revision 0003 on a vault with survey data in it: rows kept, "once per campaign" still enforced."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from consultant_app.storage import migrate

NOW = "'2025-03-01 09:00:00'"


def test_upgrade_keeps_dispatches_and_the_unique_constraint(vault):
    with vault.engine.begin() as conn:
        migrate.command.downgrade(migrate.alembic_config(conn), "0002")
        # Frozen SQL, as a vault of revision 0002 holds it.
        conn.execute(
            text(f"INSERT INTO professional (id, name, created_at, updated_at) VALUES (1, 'P', {NOW}, {NOW})")
        )
        conn.execute(
            text(
                "INSERT INTO survey_campaign (id, code, name, link, period_from, period_to, created_at, updated_at) "
                f"VALUES (1, 'K1', 'Kampagne', 'https://x.dk', '2025-03-01', '2025-04-15', {NOW}, {NOW})"
            )
        )
        conn.execute(
            text(
                "INSERT INTO survey_dispatch (campaign_id, professional_id, status, channel, region, recorded_at) "
                f"VALUES (1, 1, 'sent', 'mail', 'syddanmark', {NOW})"
            )
        )
        conn.execute(text("INSERT INTO survey_response_count VALUES (1, 'syddanmark', 4)"))
    with vault.engine.begin() as conn:
        migrate.upgrade(conn)
        assert migrate.schema_state(conn) is migrate.SchemaState.CURRENT
    with vault.engine.connect() as conn:
        rows = conn.execute(text("SELECT status, channel, region, method FROM survey_dispatch")).all()
        assert [tuple(r) for r in rows] == [("sent", "mail", "syddanmark", None)]
        assert conn.execute(text("SELECT responses FROM survey_response_count")).scalar() == 4
        assert conn.execute(text("SELECT email_subject FROM survey_campaign")).scalar() is None
    with pytest.raises(IntegrityError), vault.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO survey_dispatch (campaign_id, professional_id, status, recorded_at) "
                f"VALUES (1, 1, 'not_relevant', {NOW})"
            )
        )
    with pytest.raises(IntegrityError), vault.engine.begin() as conn:
        conn.execute(text("UPDATE survey_response_count SET responses = -1"))
