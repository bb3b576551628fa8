"""Keys for handing a case to a colleague (handover.md): this vault's own key pair and the
public keys of colleagues, by name. Stored inside the encrypted vault, base64-encoded."""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, utcnow


class VaultKey(Base):
    """One row: the vault's Box key pair (Curve25519). The secret key never leaves the vault."""

    __tablename__ = "vault_key"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    public_key: Mapped[str] = mapped_column(String(64))
    secret_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ColleagueKey(Base):
    __tablename__ = "colleague_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
