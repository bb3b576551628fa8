"""The consultant's own settings, kept in the vault's profile: language and idle-lock time."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Profile
from consultant_app.errors import Problem, ValidationError
from consultant_app.i18n import LANGUAGES, Text
from consultant_app.retention.period import check_years

IDLE_LOCK_RANGE = (1, 60)  # minutes: at most an hour with an open vault and nobody at the keys

OUT_OF_RANGE = Text(
    da="skal være mellem {low} og {high} minutter", en="must be between {low} and {high} minutes"
)
UNKNOWN_LANGUAGE = Text(
    da="ukendt sprog; vælg et af {allowed}", en="unknown language; choose one of {allowed}"
)


def settings_problems(language: str, idle_lock_minutes: int) -> list[Problem]:
    problems = []
    if language not in LANGUAGES:
        problems.append(Problem("language", language, UNKNOWN_LANGUAGE, (("allowed", ", ".join(LANGUAGES)),)))
    low, high = IDLE_LOCK_RANGE
    if not low <= idle_lock_minutes <= high:
        problems.append(
            Problem("idle_lock_minutes", idle_lock_minutes, OUT_OF_RANGE, (("low", low), ("high", high)))
        )
    return problems


def update_settings(
    session: Session, *, language: str, idle_lock_minutes: int, retention_years: int | None = None
) -> Profile:
    """Save the settings; returns the profile, readable after the session has ended. The
    retention period (docs/retention.md) is changed only when given."""
    problems = settings_problems(language, idle_lock_minutes)
    if problems:
        raise ValidationError(problems)
    profile = session.scalars(select(Profile)).one()
    profile.language = language
    profile.idle_lock_minutes = idle_lock_minutes
    if retention_years is not None:
        profile.retention_years = check_years(retention_years)
    session.flush()
    return profile
