"""The people in a case: the citizen concerned (minimal identity) and professionals."""

from typing import TYPE_CHECKING

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from consultant_app.domain.base import Base, Timestamps, code_column

if TYPE_CHECKING:
    from consultant_app.domain.cases import Contact


def normalise_email(email: str | None) -> str | None:
    """The key that says two professionals are the same person (case-insensitive, trimmed)."""
    if email is None:
        return None
    email = email.strip().lower()
    return email or None


def looks_like_email(email: str) -> bool:
    """Deliberately loose: one @, something before it, a dotted domain after it, no spaces."""
    local, at, domain = email.rpartition("@")
    return bool(at and local and "." in domain.strip(".") and not any(ch.isspace() for ch in email))


class Citizen(Base, Timestamps):
    """Only as much identity as the consultant chooses: a pseudonym or initials is normal."""

    __tablename__ = "citizen"

    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(100))
    full_name: Mapped[str | None] = mapped_column(String(200))
    cpr: Mapped[str | None] = mapped_column(String(11))
    note: Mapped[str | None] = mapped_column(Text)


class Professional(Base, Timestamps):
    __tablename__ = "professional"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_type: Mapped[str | None] = code_column(nullable=True)
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    email: Mapped[str | None] = mapped_column(String(254))
    email_normalised: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))

    contacts: Mapped[list["Contact"]] = relationship(back_populates="professional")

    @validates("email")
    def _keep_normalised_email(self, _key: str, email: str | None) -> str | None:
        email = email.strip() if email else None
        self.email_normalised = normalise_email(email)
        return email or None
