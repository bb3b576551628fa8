"""Inquiries (the counted unit), advisory courses, and what happens in them.

An advisory course is an inquiry of kind `forloeb`: one record from the first call to the
closing, so a course that lasts years is still the inquiry it started as.
"""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consultant_app.domain.base import Base, Timestamps, code_column, utcnow
from consultant_app.domain.case_code import case_code
from consultant_app.domain.people import Citizen, Professional


class Inquiry(Base, Timestamps):
    __tablename__ = "inquiry"
    __table_args__ = (
        Index("ix_inquiry_region_received", "region", "received_at"),
        # Rule 5 of the statistics (counts/query.py), the courses open at a month end, reads
        # only this index, never the rows (rules 1-4 read the monthly aggregate).
        Index(
            "ix_inquiry_kind_closed_received",
            "kind",
            "closed_on",
            "received_at",
            "region",
            "taken_over_at",
            "handed_over_at",
        ),
        # A case received twice (the same handover file) is held once. This and the two below
        # hold only the rows that have a value (most have none): each index row is a page an
        # insert changes, encrypted twice (migration 0010); every lookup compares with a value.
        Index(
            "ix_inquiry_origin",
            "origin_submitter",
            "origin_id",
            unique=True,
            sqlite_where=text("origin_submitter IS NOT NULL"),
        ),
        Index(
            "ix_inquiry_professional_id", "professional_id", sqlite_where=text("professional_id IS NOT NULL")
        ),
        Index("ix_inquiry_citizen_id", "citizen_id", sqlite_where=text("citizen_id IS NOT NULL")),
        # An id, and with it the inquiry's own reference, is never given out twice, not even
        # after a delete: an old export re-imported must not update a different inquiry.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A reference from the spreadsheet or tool the inquiry came from; the import key.
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Local wall-clock time at which the inquiry was received (counts go by its date).
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    consultant: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = code_column()
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    inquirer_type: Mapped[str] = code_column()
    municipal_department: Mapped[str | None] = code_column(nullable=True)
    inquirer_other_note: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = code_column()
    professional_id: Mapped[int | None] = mapped_column(ForeignKey("professional.id", ondelete="SET NULL"))
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id", ondelete="SET NULL"))
    citizen_age_group: Mapped[str] = code_column()
    citizen_gender: Mapped[str | None] = code_column(nullable=True)
    consent: Mapped[str] = code_column(default="anonym")
    trip_concern: Mapped[str] = code_column()
    kind: Mapped[str] = code_column(default="enkelt")
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str | None] = code_column(nullable=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # A case received from a colleague (handover.md): the vault where it was registered (its
    # submitter id), its id and case code there. It is counted there, never here (counts.md).
    origin_submitter: Mapped[str | None] = mapped_column(String(64))
    origin_id: Mapped[int | None] = mapped_column()
    origin_code: Mapped[str | None] = mapped_column(String(16))
    taken_over_at: Mapped[datetime | None] = mapped_column(DateTime)  # local time, when received
    # Handed to a colleague: read-only here from then on, and offered for erasure.
    handed_over_to: Mapped[str | None] = mapped_column(String(200))
    handed_over_at: Mapped[datetime | None] = mapped_column(DateTime)  # local time
    # Erased: the row is an anonymous statistical row, kept only for the counts.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime)

    professional: Mapped[Professional | None] = relationship()
    citizen: Mapped[Citizen | None] = relationship()
    reasons: Mapped[list["InquiryReason"]] = relationship(
        cascade="all, delete-orphan", order_by="InquiryReason.code"
    )
    advice: Mapped[list["InquiryAdvice"]] = relationship(
        cascade="all, delete-orphan", order_by="InquiryAdvice.code"
    )
    contacts: Mapped[list["Contact"]] = relationship(back_populates="inquiry", cascade="all, delete-orphan")
    case_notes: Mapped[list["Note"]] = relationship(cascade="all, delete-orphan", order_by="Note.created_at")
    follow_ups: Mapped[list["FollowUp"]] = relationship(cascade="all, delete-orphan")

    @property
    def case_code(self) -> str:
        """The neutral code a case is known by outside the vault (calendar, printouts)."""
        return case_code(self.received_at, self.id)

    @property
    def is_handed_over(self) -> bool:
        return self.handed_over_at is not None

    @property
    def reason_codes(self) -> list[str]:
        return [r.code for r in self.reasons]

    @property
    def advice_codes(self) -> list[str]:
        return [a.code for a in self.advice]


class InquiryReason(Base):
    __tablename__ = "inquiry_reason"

    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = code_column(primary_key=True)


class InquiryAdvice(Base):
    __tablename__ = "inquiry_advice"

    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = code_column(primary_key=True)


class Contact(Base, Timestamps):
    """One conversation with a professional: the events the survey dispatch is built on."""

    __tablename__ = "contact"
    # inquiry_id too: a text search finds a professional's inquiries from this index alone.
    __table_args__ = (
        Index("ix_contact_professional_occurred_inquiry", "professional_id", "occurred_at", "inquiry_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    professional_id: Mapped[int] = mapped_column(ForeignKey("professional.id", ondelete="CASCADE"))
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = code_column()
    # True for the contact through which the inquiry came in (the interchange file's row).
    is_intake: Mapped[bool] = mapped_column(default=False)
    summary: Mapped[str | None] = mapped_column(Text)

    professional: Mapped[Professional] = relationship(back_populates="contacts")
    inquiry: Mapped[Inquiry | None] = relationship(back_populates="contacts")


class Note(Base, Timestamps):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)


class FollowUp(Base, Timestamps):
    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_open_due", "done_at", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiry.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = code_column()
    due_on: Mapped[date] = mapped_column(Date)
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    # Set when the follow-up was made from a risk assessment (next review, a measure's deadline).
    risk_measure_id: Mapped[int | None] = mapped_column(ForeignKey("risk_measure.id", ondelete="SET NULL"))
    risk_assessment_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_assessment.id", ondelete="SET NULL")
    )

    def mark_done(self) -> None:
        self.done_at = utcnow()
