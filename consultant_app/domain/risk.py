"""Structured risk assessments (domain.md, "Risk assessment").

An assessment names the instrument and the exact version it was made with, so it always
renders with the wording it was made with. A finalised assessment is immutable; a change is a
new assessment that links to the one before.
"""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consultant_app.domain.base import Base, Timestamps, code_column


class RiskAssessment(Base, Timestamps):
    __tablename__ = "risk_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("risk_assessment.id", ondelete="SET NULL"))
    instrument_id: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | finalised
    assessed_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(200))
    sources: Mapped[str | None] = mapped_column(Text)
    missing_information: Mapped[str | None] = mapped_column(Text)
    protective_factors: Mapped[str | None] = mapped_column(Text)
    scenarios: Mapped[str | None] = mapped_column(Text)
    serious_violence: Mapped[str | None] = code_column(nullable=True)  # risk_level
    imminent_risk: Mapped[str | None] = code_column(nullable=True)  # risk_level
    # Checklist screening: the band the count gave can be overridden, with the reason recorded.
    screening_override: Mapped[str | None] = mapped_column(String(32))
    screening_override_reason: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    shared_with: Mapped[str | None] = mapped_column(Text)
    shared_basis: Mapped[str | None] = mapped_column(Text)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)

    ratings: Mapped[list["RiskRating"]] = relationship(cascade="all, delete-orphan")
    measures: Mapped[list["RiskMeasure"]] = relationship(
        cascade="all, delete-orphan", order_by="RiskMeasure.position"
    )


class RiskRating(Base):
    """One item of the instrument, rated now and earlier (a checklist item uses `now` only)."""

    __tablename__ = "risk_rating"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("risk_assessment.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(64))
    now: Mapped[str | None] = code_column(nullable=True)  # risk_rating
    earlier: Mapped[str | None] = code_column(nullable=True)
    note: Mapped[str | None] = mapped_column(Text)


class RiskMeasure(Base):
    """A safety measure: the action, who is responsible, and by when."""

    __tablename__ = "risk_measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("risk_assessment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date)
