"""Where and how many automatic backups are kept (storage/auto_backup.py), kept in the vault.

One row. The folder is remembered so a scheduled task can run `backup --auto` without arguments;
the last good backup is noted so the overview can warn when there has been none for a week.
`last_audit_id` is the newest audit line at the last good backup: a later change line means the
vault has changed since, and locking or closing should write a new backup. `written` lists the
names of the verified backups this vault wrote into the folder, oldest first (JSON): only those
are ever pruned, in that order, so a file planted in a shared folder under a backup's name (or a
clock set wrong) can neither push the real backups out nor be deleted.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text
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
    written: Mapped[str] = mapped_column(Text, default="[]")
