"""The receiver's database: SQLite by default, PostgreSQL by URL (`postgresql+psycopg://...`).

The tables are made and changed by the receiver's own migrations (schema.py, migrations/:
`consultant-app-receiver migrate`); this module describes the newest revision. They hold counts
and bookkeeping only: the packages as received (every version kept), the idempotency records,
and which submitter each laptop token belongs to. Token hashes live in the tokens file, not here.

SQLite: one writer at a time, so every transaction begins with `BEGIN IMMEDIATE` (it waits for
the lock, up to the busy timeout, instead of failing when a read turns into a write), and the
file is in WAL mode so readers do not block the writer. Statement parameters are hidden from
log lines and errors (`hide_parameters`): a package body never reaches a log.
"""

from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool

DEFAULT_URL = "sqlite:///receiver.db"
SQLITE_BUSY_SECONDS = 30

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ReceiverBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class StoredPackage(ReceiverBase):
    """One package as received: every version is kept; reports count the latest per
    submitter and month."""

    __tablename__ = "package"
    __table_args__ = (
        UniqueConstraint("submitter", "month", "version"),
        Index("ix_package_month_submitter", "month", "submitter"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submitter: Mapped[str] = mapped_column(String(64))  # the laptop's pseudonymous id
    team: Mapped[str] = mapped_column(String(32))
    month: Mapped[str] = mapped_column(String(7))
    version: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(8))  # api | file
    token_id: Mapped[str | None] = mapped_column(String(32))  # the token it came with (api)
    payload: Mapped[str] = mapped_column(Text)  # the validated package, as canonical JSON


class IdempotencyRecord(ReceiverBase):
    """IETF httpapi-idempotency-key: inserted before a request is processed (unique per token
    and key), finished with the response in the same transaction as what it stored."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("token_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_id: Mapped[str] = mapped_column(String(32))
    idempotency_key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the body
    state: Mapped[str] = mapped_column(String(16))  # in_progress | done
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class TokenBinding(ReceiverBase):
    """A laptop token belongs to the submitter of the first package it delivered (or the one
    named when it was issued): another submitter's package with it is refused (403). And a
    submitter belongs to one token: the unique constraint makes the database refuse a second
    token claiming it, whatever the races between processes (ingest.check_binding)."""

    __tablename__ = "token_binding"
    __table_args__ = (UniqueConstraint("submitter"),)

    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    submitter: Mapped[str] = mapped_column(String(64))
    bound_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TokenUse(ReceiverBase):
    """When a token was last accepted (for `tokens list`): written at most once a minute per
    token and process (token_usage.touch), so a busy laptop costs no write per request."""

    __tablename__ = "token_use"

    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_used_at: Mapped[datetime] = mapped_column(DateTime)


metadata = ReceiverBase.metadata


def make_engine(url: str = DEFAULT_URL) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, memory=parsed.database in (None, "", ":memory:"))
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True)


def _sqlite_engine(url: str, *, memory: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
        poolclass=StaticPool if memory else None,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" below starts transactions
        if not memory:
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SECONDS * 1000}")

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def open_database(url: str) -> Engine:
    """An engine on a database whose schema is current (`schema.SchemaBehind` otherwise)."""
    from consultant_app.receiver.schema import check_current

    engine = make_engine(url)
    try:
        check_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
