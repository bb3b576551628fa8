"""Where the laptop sends its count packages (the receiver at SIRI), kept inside the vault.

The token is the laptop's Bearer token for the receiver: it lives here, encrypted at rest with
everything else, never in a plain configuration file, and it is never shown or logged.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, Timestamps


class SyncSettings(Base, Timestamps):
    __tablename__ = "sync_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    endpoint: Mapped[str] = mapped_column(String(2000))  # the receiver's base URL, https://...
    token: Mapped[str | None] = mapped_column(Text)
    # A CA certificate file (PEM) to trust instead of the system's (the agency's own CA).
    ca_file: Mapped[str | None] = mapped_column(String(1000))
    # How to reach it: "system" (the OS's proxy settings), "none", or a proxy's http://host:port.
    # NULL (a vault from before the choice existed) means "none", what sync always did.
    proxy: Mapped[str | None] = mapped_column(String(1000))
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, the last complete run
