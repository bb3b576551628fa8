"""The audit trail: who did what to which record, never what the record says."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, utcnow

ACTIONS = (
    "create",
    "update",
    "delete",
    "view",
    "export",
    "print",
    "import",
    "backup",
    "restore",
    "rekey",
    "unlock",
    "handover",
    "receive",
    "erase",
)


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # Field names, counts or a file kind; never values, so the audit line leaks nothing itself.
    detail: Mapped[str | None] = mapped_column(String(500))
