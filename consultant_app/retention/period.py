"""The retention period: years after a case is closed. The default (5) is a starting point;
the organisation decides, and the first run says so."""

from datetime import date

from sqlalchemy.orm import Session

from consultant_app.domain import Profile
from consultant_app.errors import ConsultantAppError, NotFoundError
from consultant_app.i18n import Text
from consultant_app.retention.limits import DEFAULT_YEARS, MAX_YEARS, MIN_YEARS

PROFILE = Text(da="Profilen", en="The profile")

__all__ = ["DEFAULT_YEARS", "RetentionPeriodError", "retention_years", "set_retention_years", "years_after"]


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
    profile = session.get(Profile, 1)
    if profile is None:  # every vault is made with its profile
        raise NotFoundError(what=PROFILE.render(), id=1)
    profile.retention_years = check_years(years)


def years_after(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
