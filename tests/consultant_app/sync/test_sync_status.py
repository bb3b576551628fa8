"""What the Synkronisering screen reads: the outbox newest first, and whether sync is set up."""

from consultant_app.counts.package import Package
from consultant_app.sync import outbox
from consultant_app.sync.status import sync_status
from tests.consultant_app.sync.helpers import MONTHS, TODAY


def test_a_vault_without_settings_is_not_configured(vault):
    with vault.session() as session:
        status = sync_status(session)
    assert status.rows == [] and not status.configured


def test_rows_come_newest_month_first_with_the_package_that_goes(sync_vault):
    with sync_vault.session() as session:
        outbox.refresh_outbox(session, today=TODAY)
        status = sync_status(session)
    assert status.configured
    assert [r.month for r in status.rows] == sorted(MONTHS, reverse=True)
    assert all(r.state == "pending" and r.version == 1 and r.attempts == 0 for r in status.rows)
    assert [Package.from_json(r.payload).month for r in status.rows] == [r.month for r in status.rows]
