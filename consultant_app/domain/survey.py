"""Survey campaigns and the dispatch of the survey link (domain.md, "Survey-link dispatch")."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from consultant_app.domain.base import Base, Timestamps, code_column, utcnow

DISPATCH_STATUSES = ("sent", "not_relevant")
# How the app helped to send it: the SMTP batch, a mailto link, copied text, or recorded by hand.
DISPATCH_METHODS = ("smtp", "mailto", "copy", "manual")


class SurveyCampaign(Base, Timestamps):
    __tablename__ = "survey_campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The code the agency gives the campaign, so every laptop's counts add up.
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    link: Mapped[str] = mapped_column(String(2000))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    # None: the Danish default text (consultant_app.survey.message) is used.
    email_subject: Mapped[str | None] = mapped_column(String(200))
    email_text: Mapped[str | None] = mapped_column(Text)


class SurveyDispatch(Base):
    """At most one per professional and campaign: the database enforces "asked once"."""

    __tablename__ = "survey_dispatch"
    __table_args__ = (
        UniqueConstraint("campaign_id", "professional_id"),
        CheckConstraint("status IN ('sent', 'not_relevant')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("survey_campaign.id", ondelete="CASCADE"))
    professional_id: Mapped[int] = mapped_column(ForeignKey("professional.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))  # sent | not_relevant
    channel: Mapped[str | None] = code_column(nullable=True)  # mail | telefon | andet
    method: Mapped[str | None] = mapped_column(String(16))  # DISPATCH_METHODS
    # The region the link counts under, fixed when it is sent.
    region: Mapped[str | None] = code_column(nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyResponseCount(Base):
    """The number of responses per region that the survey tool reports."""

    __tablename__ = "survey_response_count"
    __table_args__ = (CheckConstraint("responses >= 0", name="responses_not_negative"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("survey_campaign.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[str] = code_column(primary_key=True)
    responses: Mapped[int] = mapped_column(Integer)
