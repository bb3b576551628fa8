"""The receiver's database fixture, on SQLite and (with CONSULTANT_APP_TEST_POSTGRES_URL) on
PostgreSQL: every test that uses it runs on both."""

from tests.consultant_app.receiver.support import receiver_engine

__all__ = ["receiver_engine"]
