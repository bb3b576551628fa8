"""Settings kept inside the encrypted vault: the outgoing mail server for the survey link.

The SMTP password lives here, encrypted at rest with everything else, and never in a plain
configuration file. Only encrypted connections are allowed: implicit TLS or STARTTLS.
"""

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, Timestamps

SMTP_SECURITY = ("tls", "starttls")  # implicit TLS (usually port 465) | STARTTLS (usually 587)


class SmtpSettings(Base, Timestamps):
    __tablename__ = "smtp_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("security IN ('tls', 'starttls')", name="tls_required"),
        CheckConstraint("port BETWEEN 1 AND 65535", name="port_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    host: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[str] = mapped_column(String(16))
    username: Mapped[str | None] = mapped_column(String(254))
    password: Mapped[str | None] = mapped_column(Text)
    from_address: Mapped[str] = mapped_column(String(254))
    from_name: Mapped[str | None] = mapped_column(String(200))
    # A CA certificate file (PEM) to trust instead of the system's, e.g. a municipality's own CA.
    ca_file: Mapped[str | None] = mapped_column(String(1000))
