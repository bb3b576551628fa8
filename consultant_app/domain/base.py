"""Declarative base and the column conventions every table shares."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC: SQLite stores no zone, and every stored timestamp is UTC but local wall times."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The table a model maps, for Core statements (bulk writes, sequences)."""
    table = model.__table__
    if not isinstance(table, Table):  # every model of the vault maps one plain table
        raise TypeError(f"{model.__name__} does not map a table")
    return table


def code_column(nullable: bool = False, **kw) -> Mapped:
    """A domain code (domain.md): short ASCII, validated in the core against resources/codes."""
    return mapped_column(String(32), nullable=nullable, **kw)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
