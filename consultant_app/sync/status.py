"""What the Synkronisering screen shows: every outbox month and whether sync is set up."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import OutboxPackage
from consultant_app.sync.settings import SyncSettingsView, sync_settings


@dataclass(frozen=True)
class OutboxRow:
    id: int
    month: str
    version: int
    state: str
    attempts: int
    sent_at: datetime | None
    last_error: str | None
    payload: str  # the exact JSON that goes (or went) to SIRI: counts only


@dataclass(frozen=True)
class SyncStatus:
    rows: list[OutboxRow]
    settings: SyncSettingsView | None

    @property
    def configured(self) -> bool:
        return self.settings is not None and self.settings.has_token


def sync_status(session: Session) -> SyncStatus:
    """Newest month first, and within a month the newest version first."""
    rows = session.scalars(
        select(OutboxPackage).order_by(OutboxPackage.month.desc(), OutboxPackage.version.desc())
    )
    return SyncStatus(
        [
            OutboxRow(r.id, r.month, r.version, r.state, r.attempts or 0, r.sent_at, r.last_error, r.payload)
            for r in rows
        ],
        sync_settings(session),
    )
