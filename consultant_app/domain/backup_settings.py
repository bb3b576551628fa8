"""Where and how many automatic backups are kept (storage/auto_backup.py), kept in the vault.

One row. The folder is remembered so a scheduled task can run `backup --auto` without arguments;
the last good backup is noted so the overview can warn when there has been none for a week.
`last_audit_id` is the newest audit line at the last good backup: a later change line means the
vault has changed since, and locking or closing should write a new backup.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, Timestamps

DEFAULT_KEEP = 10


class BackupSettings(Base, Timestamps):
    __tablename__ = "backup_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    folder: Mapped[str | None] = mapped_column(String(1000))
    keep: Mapped[int] = mapped_column(Integer, default=DEFAULT_KEEP)
    last_good_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC
    last_good_path: Mapped[str | None] = mapped_column(String(1000))
    last_audit_id: Mapped[int | None] = mapped_column(Integer)
