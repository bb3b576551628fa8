"""Count packages waiting to leave for SIRI: one row per month and version."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, utcnow


class OutboxPackage(Base):
    __tablename__ = "outbox_package"
    __table_args__ = (UniqueConstraint("month", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    version: Mapped[int] = mapped_column(Integer)
    # Written in the same transaction as the package, and reused on every retry.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    payload: Mapped[str] = mapped_column(Text)  # the package JSON: counts only
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed|replaced
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
