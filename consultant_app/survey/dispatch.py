"""Recording the survey link: sent (by which channel and how) or not relevant, once per campaign.

"Once" is the database's job: UNIQUE(campaign_id, professional_id). The insert runs in a
savepoint, so a refused second dispatch leaves the caller's unit of work usable and becomes a
typed error with a clear message. The region is fixed when the dispatch is recorded.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from consultant_app.domain import Professional, Profile, SurveyCampaign, SurveyDispatch
from consultant_app.domain.base import utcnow
from consultant_app.errors import ConsultantAppError, NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.survey.campaigns import load_campaign
from consultant_app.survey.eligibility import dispatch_region, has_eligible_contact
from consultant_app.survey.errors import (
    AlreadyDispatchedError,
    AlreadyMarkedNotRelevantError,
    NoEmailError,
    NotEligibleError,
    SharedEmailError,
)
from consultant_app.survey.mailto import MailtoLink, mailto_url
from consultant_app.survey.message import EmailText, compose

SEND_CHANNELS = ("mail", "telefon", "andet")
METHODS = ("smtp", "mailto", "copy", "manual")

PROFESSIONAL = Text(da="Fagpersonen", en="The professional")
DISPATCH = Text(da="Udsendelsen", en="The dispatch")
UNKNOWN_VALUE = Text(
    da="ukendt værdi; gyldige værdier: {allowed}", en="unknown value; valid values: {allowed}"
)


@dataclass(frozen=True)
class DispatchInfo:
    id: int
    campaign_id: int
    professional_id: int
    status: str  # sent | not_relevant
    channel: str | None  # mail | telefon | andet (None when not relevant)
    method: str | None  # smtp | mailto | copy | manual
    region: str | None
    recorded_at: datetime  # UTC


@dataclass(frozen=True)
class DispatchRow:
    """A dispatch with who it went to, for the campaign's list."""

    dispatch: DispatchInfo
    name: str
    email: str | None


@dataclass(frozen=True)
class Refusal:
    professional_id: int
    message: str


@dataclass(frozen=True)
class DispatchOutcome:
    recorded: tuple[DispatchInfo, ...]
    refused: tuple[Refusal, ...]


@dataclass(frozen=True)
class DispatchMessage:
    professional_id: int
    to_name: str
    to_address: str | None
    email: EmailText


def record_dispatch(
    session: Session,
    campaign_id: int,
    professional_id: int,
    *,
    status: str = "sent",
    channel: str | None = "mail",
    method: str = "manual",
    allow_shared_email: bool = False,
    at: datetime | None = None,
) -> DispatchInfo:
    """Record that the link was sent (or is not relevant) for one professional in a campaign."""
    campaign = load_campaign(session, campaign_id)
    professional = _professional(session, professional_id)
    channel = channel if status == "sent" else None
    _check_values(status, channel, method)
    if not has_eligible_contact(session, campaign, professional_id):
        raise NotEligibleError(professional=professional_id, period=_period(campaign))
    if status == "sent" and not allow_shared_email:
        _refuse_shared_email(session, campaign, professional)
    dispatch = SurveyDispatch(
        campaign_id=campaign_id,
        professional_id=professional_id,
        status=status,
        channel=channel,
        method=method,
        region=dispatch_region(session, campaign, professional),
        recorded_at=at or utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(dispatch)
    except IntegrityError:
        raise _already(session, campaign, professional_id) from None
    return _info(dispatch)


def record_dispatches(
    session: Session,
    campaign_id: int,
    professional_ids: Iterable[int],
    *,
    status: str = "sent",
    channel: str | None = "mail",
    method: str = "manual",
) -> DispatchOutcome:
    """Record several; each refusal (already sent, not eligible, ...) is reported, not fatal."""
    load_campaign(session, campaign_id)  # a missing campaign is fatal
    recorded, refused = [], []
    for professional_id in dict.fromkeys(professional_ids):
        try:
            recorded.append(
                record_dispatch(
                    session, campaign_id, professional_id, status=status, channel=channel, method=method
                )
            )
        except (AlreadyDispatchedError, NotEligibleError, SharedEmailError, NotFoundError) as exc:
            refused.append(Refusal(professional_id, str(exc)))
    return DispatchOutcome(tuple(recorded), tuple(refused))


def undo_dispatch(session: Session, campaign_id: int, professional_id: int) -> None:
    """Take back a dispatch recorded by mistake (the professional becomes eligible again)."""
    dispatch = _dispatch(session, campaign_id, professional_id)
    if dispatch is None:
        raise NotFoundError(what=DISPATCH.render(), id=professional_id)
    session.delete(dispatch)
    session.flush()


def list_dispatches(session: Session, campaign_id: int) -> list[DispatchRow]:
    load_campaign(session, campaign_id)
    rows = session.execute(
        select(SurveyDispatch, Professional.name, Professional.email)
        .join(Professional, SurveyDispatch.professional_id == Professional.id)
        .where(SurveyDispatch.campaign_id == campaign_id)
        .order_by(SurveyDispatch.recorded_at, SurveyDispatch.id)
    )
    return [DispatchRow(_info(d), name, email) for d, name, email in rows]


def message_for(session: Session, campaign_id: int, professional_id: int) -> DispatchMessage:
    """The e-mail for one professional: to copy, to open in a mail program, or to send."""
    campaign = load_campaign(session, campaign_id)
    professional = _professional(session, professional_id)
    profile = session.get(Profile, 1)
    email = compose(
        subject=campaign.email_subject,
        text=campaign.email_text,
        name=professional.name,
        link=campaign.link,
        period_from=campaign.period_from,
        period_to=campaign.period_to,
        campaign=campaign.name,
        consultant=profile.name if profile else "",
    )
    return DispatchMessage(professional.id, professional.name, professional.email, email)


def mailto_for(session: Session, campaign_id: int, professional_id: int) -> MailtoLink:
    """A mailto: URL for the professional's mail program (after sending, record it with
    method='mailto')."""
    message = message_for(session, campaign_id, professional_id)
    if not message.to_address:
        raise NoEmailError(professional=professional_id)
    link = load_campaign(session, campaign_id).link
    return mailto_url(message.to_address, message.email.subject, message.email.body, link=link)


def _refuse_shared_email(session: Session, campaign: SurveyCampaign, professional: Professional) -> None:
    if not professional.email_normalised:
        return
    other = session.scalar(
        select(SurveyDispatch.professional_id)
        .join(Professional, SurveyDispatch.professional_id == Professional.id)
        .where(
            SurveyDispatch.campaign_id == campaign.id,
            SurveyDispatch.status == "sent",
            Professional.email_normalised == professional.email_normalised,
            Professional.id != professional.id,
        )
        .limit(1)
    )
    if other is not None:
        raise SharedEmailError(professional=professional.id, other=other)


def _already(session: Session, campaign: SurveyCampaign, professional_id: int) -> ConsultantAppError:
    existing = _dispatch(session, campaign.id, professional_id)
    error = (
        AlreadyMarkedNotRelevantError
        if existing is not None and existing.status == "not_relevant"
        else AlreadyDispatchedError
    )
    on = existing.recorded_at.date().isoformat() if existing is not None else "?"
    return error(professional=professional_id, campaign=campaign.code, on=on)


def _dispatch(session: Session, campaign_id: int, professional_id: int) -> SurveyDispatch | None:
    return session.scalar(
        select(SurveyDispatch).where(
            SurveyDispatch.campaign_id == campaign_id, SurveyDispatch.professional_id == professional_id
        )
    )


def _professional(session: Session, professional_id: int) -> Professional:
    professional = session.get(Professional, professional_id)
    if professional is None:
        raise NotFoundError(what=PROFESSIONAL.render(), id=professional_id)
    return professional


def _check_values(status: str, channel: str | None, method: str) -> None:
    problems = []
    for field, value, allowed in (
        ("status", status, ("sent", "not_relevant")),
        ("method", method, METHODS),
        *((("channel", channel, SEND_CHANNELS),) if status == "sent" else ()),
    ):
        if value not in allowed:
            problems.append(Problem(field, value, UNKNOWN_VALUE, (("allowed", ", ".join(allowed)),)))
    if problems:
        raise ValidationError(problems)


def _period(campaign: SurveyCampaign) -> str:
    return f"{campaign.period_from.isoformat()} – {campaign.period_to.isoformat()}"


def _info(d: SurveyDispatch) -> DispatchInfo:
    return DispatchInfo(
        d.id, d.campaign_id, d.professional_id, d.status, d.channel, d.method, d.region, d.recorded_at
    )
