"""Who should get the survey link: professionals with a contact by phone or e-mail inside the
campaign's period who have no dispatch in the campaign yet (sent or not relevant).

One row per professional however many contacts; the same person entered twice is caught by
the normalised e-mail address and offered for merging (`likely_duplicates`).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from consultant_app.codes import load_codes
from consultant_app.domain import Contact, Inquiry, Professional, Profile, SurveyCampaign, SurveyDispatch
from consultant_app.survey.campaigns import load_campaign

ELIGIBLE_CHANNELS = ("telefon", "mail")
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|"})


@dataclass(frozen=True)
class EligibleProfessional:
    professional_id: int
    name: str
    email: str | None
    organisation_name: str | None
    contacts: int  # contacts by phone or e-mail in the period
    first_contact_on: date
    region: str  # where the link would count if sent now
    shares_email_with: tuple[int, ...]  # other professionals with the same normalised e-mail


@dataclass(frozen=True)
class DuplicateMember:
    professional_id: int
    name: str
    organisation_name: str | None
    eligible: bool
    dispatch_status: str | None  # sent | not_relevant | None, in this campaign


@dataclass(frozen=True)
class DuplicateGroup:
    email: str  # the normalised address they share
    members: tuple[DuplicateMember, ...]


def in_period(campaign: SurveyCampaign) -> ColumnElement[bool]:
    """A contact by phone or e-mail on a day from period_from to period_to, both included."""
    start = datetime.combine(campaign.period_from, time.min)
    end = datetime.combine(campaign.period_to + timedelta(days=1), time.min)
    return and_(
        Contact.channel.in_(ELIGIBLE_CHANNELS), Contact.occurred_at >= start, Contact.occurred_at < end
    )


def eligible_professionals(session: Session, campaign_id: int) -> list[EligibleProfessional]:
    """Who should get the link and has not yet, by name."""
    return eligible(session, load_campaign(session, campaign_id))


def eligible(session: Session, campaign: SurveyCampaign) -> list[EligibleProfessional]:
    dispatched = select(SurveyDispatch.professional_id).where(SurveyDispatch.campaign_id == campaign.id)
    rows = sorted(
        session.execute(
            select(Professional, func.count(Contact.id), func.min(Contact.occurred_at))
            .join(Contact, Contact.professional_id == Professional.id)
            .where(in_period(campaign), Professional.id.not_in(dispatched))
            .group_by(Professional.id)
        ).all(),
        key=lambda row: (danish_sort_key(row[0].name), row[0].id),
    )
    ids = [p.id for p, _, _ in rows]
    regions = _inquiry_regions(session, campaign, ids)
    fallback = fallback_region(session)
    twins = _same_email(session, [p.email_normalised for p, _, _ in rows if p.email_normalised])
    return [
        EligibleProfessional(
            professional_id=p.id,
            name=p.name,
            email=p.email,
            organisation_name=p.organisation_name,
            contacts=count,
            first_contact_on=first.date(),
            region=municipality_region(p.municipality_code) or regions.get(p.id) or fallback,
            # twins is keyed by the addresses there are; "" (none) is never one of them
            shares_email_with=tuple(i for i in twins.get(p.email_normalised or "", ()) if i != p.id),
        )
        for p, count, first in rows
    ]


def danish_sort_key(name: str) -> str:
    """Alphabetical as in Danish: æ, ø, å after z (aa as å is left alone)."""
    return name.casefold().translate(_DANISH_ORDER)


def has_eligible_contact(session: Session, campaign: SurveyCampaign, professional_id: int) -> bool:
    query = select(Contact.id).where(Contact.professional_id == professional_id, in_period(campaign))
    return session.scalar(query.limit(1)) is not None


def dispatch_region(session: Session, campaign: SurveyCampaign, professional: Professional) -> str:
    """The region a link counts under, fixed when it is sent: the professional's municipality's
    region when known; else the region of the inquiry of their first eligible contact; else the
    consultant's usual region (or their team's)."""
    return (
        municipality_region(professional.municipality_code)
        or _inquiry_regions(session, campaign, [professional.id]).get(professional.id)
        or fallback_region(session)
    )


def municipality_region(code: str | None) -> str | None:
    municipality = load_codes().municipality(code) if code else None
    return municipality.region if municipality else None


def fallback_region(session: Session) -> str:
    profile = session.get(Profile, 1)
    if profile is None:
        return load_codes()["region"].values()[0]
    if profile.default_region:
        return profile.default_region
    host = load_codes().municipality(load_codes()["team"].label(profile.team, "da"))
    return host.region if host else load_codes()["region"].values()[0]


def likely_duplicates(session: Session, campaign_id: int) -> list[DuplicateGroup]:
    """Groups of professionals sharing a normalised e-mail, where at least one is eligible now:
    probably one person entered twice, to merge before the link goes out twice."""
    campaign = load_campaign(session, campaign_id)
    eligible_rows = eligible(session, campaign)
    eligible_ids = {e.professional_id for e in eligible_rows}
    emails = session.scalars(
        select(Professional.email_normalised).where(
            Professional.id.in_(eligible_ids), Professional.email_normalised.is_not(None)
        )
    ).all()
    statuses = dict(
        session.execute(
            select(SurveyDispatch.professional_id, SurveyDispatch.status).where(
                SurveyDispatch.campaign_id == campaign.id
            )
        ).all()
    )
    groups: dict[str, list[DuplicateMember]] = {}
    for p in session.scalars(
        select(Professional)
        .where(Professional.email_normalised.in_(set(emails)))
        .order_by(Professional.email_normalised, Professional.id)
    ):
        if p.email_normalised is None:  # unreachable: the query matched it against e-mails
            raise AssertionError("a professional without an e-mail matched one")
        groups.setdefault(p.email_normalised, []).append(
            DuplicateMember(p.id, p.name, p.organisation_name, p.id in eligible_ids, statuses.get(p.id))
        )
    return [DuplicateGroup(email, tuple(members)) for email, members in groups.items() if len(members) > 1]


def _inquiry_regions(session: Session, campaign: SurveyCampaign, ids: list[int]) -> dict[int, str]:
    """professional id -> region of the inquiry of their first eligible contact with an inquiry."""
    found: dict[int, str] = {}
    if not ids:
        return found
    query = (
        select(Contact.professional_id, Inquiry.region)
        .join(Inquiry, Contact.inquiry_id == Inquiry.id)
        .where(Contact.professional_id.in_(ids), in_period(campaign))
        .order_by(Contact.occurred_at, Contact.id)
    )
    for professional_id, region in session.execute(query):
        found.setdefault(professional_id, region)
    return found


def _same_email(session: Session, emails: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    if not emails:
        return found
    query = select(Professional.email_normalised, Professional.id).where(
        Professional.email_normalised.in_(set(emails))
    )
    for email, professional_id in session.execute(query.order_by(Professional.id)):
        if email is None:  # unreachable: the query matched it against e-mails
            raise AssertionError("a professional without an e-mail matched one")
        found.setdefault(email, []).append(professional_id)
    return found
