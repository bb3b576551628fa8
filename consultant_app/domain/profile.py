"""The consultant who owns the vault: one row."""

import secrets
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, code_column, utcnow


def new_submitter_id() -> str:
    """Random and pseudonymous: it names the laptop's packages at SIRI and nothing else."""
    return secrets.token_hex(16)


# No 0/O and no 1/I: a reference read aloud or typed from a printout cannot be mistaken.
REF_PREFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REF_PREFIX_LENGTH = 6


def new_ref_prefix() -> str:
    """Random per vault: it begins the vault's own inquiry references (services/refs.py), so
    references made by two vaults never meet in one file (32**6, about a billion, prefixes)."""
    return "".join(secrets.choice(REF_PREFIX_ALPHABET) for _ in range(REF_PREFIX_LENGTH))


class Profile(Base):
    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = code_column()
    default_region: Mapped[str | None] = code_column(nullable=True)
    submitter_id: Mapped[str] = mapped_column(String(32), default=new_submitter_id, unique=True)
    ref_prefix: Mapped[str] = mapped_column(String(REF_PREFIX_LENGTH), default=new_ref_prefix)
    language: Mapped[str] = mapped_column(String(2), default="da")
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=5)
    # Years after a case is closed before it is due for erasure; the organisation decides.
    retention_years: Mapped[int] = mapped_column(Integer, default=5, server_default=text("5"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
