"""The retention period: years after a case is closed. The default (5) is a starting point;
the organisation decides, and the first run says so."""

from datetime import date

from sqlalchemy.orm import Session

from consultant_app.domain import Profile
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

DEFAULT_YEARS = 5
MIN_YEARS, MAX_YEARS = 1, 30
ORGANISATION_DECIDES = Text(
    da="Hvor længe en afsluttet sag må gemmes, bestemmer jeres organisation (databeskyttelsesforordningens "
    "artikel 5, stk. 1, litra e). Standard er 5 år efter afslutning; spørg jeres databeskyttelsesrådgiver.",
    en="How long a closed case may be kept is decided by your organisation (GDPR article 5(1)(e)). "
    "The default is 5 years after closing; ask your data protection officer.",
)


class RetentionPeriodError(ConsultantAppError):
    text = Text(
        da="Opbevaringsperioden skal være mellem {low} og {high} år.",
        en="The retention period must be between {low} and {high} years.",
    )


def check_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise RetentionPeriodError(low=MIN_YEARS, high=MAX_YEARS)
    return years


def retention_years(session: Session) -> int:
    profile = session.get(Profile, 1)
    return profile.retention_years if profile is not None else DEFAULT_YEARS


def set_retention_years(session: Session, years: int) -> None:
    session.get(Profile, 1).retention_years = check_years(years)


def years_after(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
