"""Survey campaigns: the agency's code, a name, the link, the period and the e-mail text."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from consultant_app import campaign_codes
from consultant_app.domain import SurveyCampaign, SurveyDispatch
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.survey.errors import CampaignCodeTakenError
from consultant_app.survey.message import DEFAULT_SUBJECT, DEFAULT_TEXT, template_problems

CAMPAIGN = Text(da="Kampagnen", en="The campaign")
REQUIRED = Text(da="skal udfyldes", en="is required")
BAD_LINK = Text(
    da="ikke et gyldigt link; det skal begynde med https:// eller http://",
    en="not a valid link; it must start with https:// or http://",
)
PERIOD_REVERSED = Text(da="slutdatoen ligger før startdatoen", en="the end date is before the start date")
TOO_LONG = Text(da="højst {limit} tegn", en="at most {limit} characters")


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    code: str
    name: str
    link: str
    period_from: date
    period_to: date
    email_subject: str  # the campaign's own, or the default
    email_text: str
    uses_default_text: bool
    links_sent: int
    not_relevant: int


def create_campaign(
    session: Session,
    *,
    name: str,
    link: str,
    period_from: date | None,
    period_to: date | None,
    code: str | None = None,
    email_subject: str | None = None,
    email_text: str | None = None,
) -> CampaignInfo:
    """A new campaign. Give the agency's code where there is one, so every laptop's counts add
    up; without one a random opaque code is drawn (never made from the name: the code goes to
    SIRI, and a name may hold a citizen's name or CPR number)."""
    name, link = (name or "").strip(), (link or "").strip()
    code = (code or "").strip()
    bad_code = campaign_codes.code_problems(code, campaign_codes.known_names(session)) if code else []
    _validate(name, link, period_from, period_to, email_subject, email_text, bad_code)
    code = code or _unused_code(session)
    if session.scalar(select(SurveyCampaign.id).where(SurveyCampaign.code == code)) is not None:
        raise CampaignCodeTakenError(code=code)
    campaign = SurveyCampaign(
        code=code,
        name=name,
        link=link,
        period_from=period_from,
        period_to=period_to,
        email_subject=(email_subject or "").strip() or None,
        email_text=(email_text or "").strip() or None,
    )
    try:
        with session.begin_nested():
            session.add(campaign)
    except IntegrityError:
        raise CampaignCodeTakenError(code=code) from None
    return get_campaign(session, campaign.id)


def update_campaign(
    session: Session,
    campaign_id: int,
    *,
    name: str,
    link: str,
    period_from: date | None,
    period_to: date | None,
    email_subject: str | None = None,
    email_text: str | None = None,
) -> CampaignInfo:
    """Change what a campaign says. Its code stays: it names the campaign at the agency."""
    campaign = load_campaign(session, campaign_id)
    name, link = (name or "").strip(), (link or "").strip()
    _validate(name, link, period_from, period_to, email_subject, email_text)
    if period_from is None or period_to is None:  # unreachable: _validate refuses a missing date
        raise AssertionError("a campaign without a period passed validation")
    campaign.name, campaign.link = name, link
    campaign.period_from, campaign.period_to = period_from, period_to
    campaign.email_subject = (email_subject or "").strip() or None
    campaign.email_text = (email_text or "").strip() or None
    session.flush()
    return get_campaign(session, campaign_id)


def get_campaign(session: Session, campaign_id: int) -> CampaignInfo:
    return _info(session, load_campaign(session, campaign_id))


def list_campaigns(session: Session) -> list[CampaignInfo]:
    """Newest period first."""
    campaigns = session.scalars(
        select(SurveyCampaign).order_by(SurveyCampaign.period_from.desc(), SurveyCampaign.id.desc())
    )
    return [_info(session, c) for c in campaigns]


def load_campaign(session: Session, campaign_id: int) -> SurveyCampaign:
    campaign = session.get(SurveyCampaign, campaign_id)
    if campaign is None:
        raise NotFoundError(what=CAMPAIGN.render(), id=campaign_id)
    return campaign


def _unused_code(session: Session) -> str:
    while True:  # a repeat is about one in ten billion; the loop makes it harmless
        code = campaign_codes.generate_code()
        if session.scalar(select(SurveyCampaign.id).where(SurveyCampaign.code == code)) is None:
            return code


def _info(session: Session, campaign: SurveyCampaign) -> CampaignInfo:
    counts = dict(
        session.execute(
            select(SurveyDispatch.status, func.count())
            .where(SurveyDispatch.campaign_id == campaign.id)
            .group_by(SurveyDispatch.status)
        ).all()
    )
    return CampaignInfo(
        id=campaign.id,
        code=campaign.code,
        name=campaign.name,
        link=campaign.link,
        period_from=campaign.period_from,
        period_to=campaign.period_to,
        email_subject=campaign.email_subject or DEFAULT_SUBJECT,
        email_text=campaign.email_text or DEFAULT_TEXT,
        uses_default_text=campaign.email_text is None,
        links_sent=counts.get("sent", 0),
        not_relevant=counts.get("not_relevant", 0),
    )


def _validate(name, link, period_from, period_to, email_subject, email_text, bad_code=()) -> None:
    problems: list[Problem] = []
    for field, value in (
        ("name", name),
        ("link", link),
        ("period_from", period_from),
        ("period_to", period_to),
    ):
        if not value:
            problems.append(Problem(field, value, REQUIRED))
    if name and len(name) > 200:
        problems.append(Problem("name", name[:20], TOO_LONG, (("limit", 200),)))
    if link and not _is_web_link(link):
        problems.append(Problem("link", link, BAD_LINK))
    problems += bad_code
    if period_from and period_to and period_to < period_from:
        problems.append(Problem("period_to", period_to, PERIOD_REVERSED))
    if email_subject and len(email_subject) > 200:
        problems.append(Problem("email_subject", email_subject[:20], TOO_LONG, (("limit", 200),)))
    problems += template_problems("email_subject", email_subject, needs_link=False)
    problems += template_problems("email_text", email_text, needs_link=True)
    if problems:
        raise ValidationError(problems)


def _is_web_link(link: str) -> bool:
    if len(link) > 2000 or any(ch.isspace() for ch in link):
        return False
    parts = urlsplit(link)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
