"""A vault with counts in three complete months and sync settings, and the receiver in-process
(its database on SQLite, or on both SQLite and PostgreSQL through `receiver_engine`)."""

from datetime import datetime

import pytest

from consultant_app.sync.settings import save_sync_settings
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import (
    LAPTOP_TOKEN,
    bridge,
    database_url,
    fresh_engine,
    make_app,
    receiver_engine,
)

__all__ = ["receiver_engine"]


@pytest.fixture
def sync_vault(vault):
    with vault.session() as session:
        add_records(
            session,
            [
                Record(datetime(2026, 1, 5, 10), "hovedstaden", reasons=("pres",)),
                Record(datetime(2026, 2, 9, 11), "nordjylland", kind="forloeb", age="barn"),
                Record(datetime(2026, 3, 30, 15), "syddanmark", advice=("sikkerhed",)),
            ],
        )
        save_sync_settings(session, endpoint="http://127.0.0.1:9", token=LAPTOP_TOKEN)
    return vault


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = fresh_engine(database_url("sqlite", tmp_path))
    yield engine
    engine.dispose()


@pytest.fixture
def receiver(sqlite_engine):
    """(engine, transport): the receiver on SQLite, called in-process."""
    with bridge(make_app(sqlite_engine)) as transport:
        yield sqlite_engine, transport


@pytest.fixture
def receiver_both(receiver_engine):
    """As `receiver`, on SQLite and on PostgreSQL."""
    with bridge(make_app(receiver_engine)) as transport:
        yield receiver_engine, transport
