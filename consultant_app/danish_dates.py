"""Dates as a Danish user types them: 15.11.2026, 15-11-2026, 15/11/26, 151126, 15.11.

One rule for every date field (the desktop's fields use it; it has no Qt in it so it can be
tested on its own). An impossible date (30.02.2026, 31.04) is refused with a message and never
moved to a date that exists: a quietly changed date in a case file is worse than an error.
"""

import calendar
import re
from datetime import date, datetime, time

from consultant_app.i18n import Text

# A separator between day, month and year. Space is not one: it separates the date from a time.
_DATE_PARTS = re.compile(r"(\d{1,2})[.\-/](\d{1,2})(?:[.\-/](\d{2}|\d{4})?)?\.?", re.ASCII)
_DIGITS = re.compile(r"\d{4}|\d{6}|\d{8}", re.ASCII)
_TIME = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:[:.]?(\d{2}))?", re.IGNORECASE | re.ASCII)

_MONTHS_DA = (
    *("januar", "februar", "marts", "april", "maj", "juni"),
    *("juli", "august", "september", "oktober", "november", "december"),
)
_MONTHS_EN = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)

GARBAGE = Text(
    da="Skriv datoen som dd.mm.åååå, fx 15.11.2026 (også 15-11-2026, 15/11/26, 151126 eller 15.11).",
    en="Write the date as dd.mm.yyyy, e.g. 15.11.2026 (also 15-11-2026, 15/11/26, 151126 or 15.11).",
)
NO_SUCH_MONTH = Text(
    da="Måned {month} findes ikke: der er 12 måneder.",
    en="Month {month} does not exist: there are 12 months.",
)
NO_SUCH_DAY = Text(
    da="Datoen {typed} findes ikke: {month_da} {year} har {days} dage.",
    en="The date {typed} does not exist: {month_en} {year} has {days} days.",
)
NO_SUCH_YEAR = Text(da="År {year} kan ikke bruges.", en="Year {year} cannot be used.")
TIME_GARBAGE = Text(
    da="Skriv klokkeslættet som tt:mm, fx 14:30.",
    en="Write the time as hh:mm, e.g. 14:30.",
)
NO_SUCH_TIME = Text(
    da="Klokkeslættet {hour:02d}:{minute:02d} findes ikke.",
    en="The time {hour:02d}:{minute:02d} does not exist.",
)
TOO_EARLY = Text(da="Datoen skal være {earliest} eller senere.", en="The date must be {earliest} or later.")
TOO_LATE = Text(da="Datoen skal være {latest} eller tidligere.", en="The date must be {latest} or earlier.")


class DanishDateError(ValueError):
    """What was typed is not a date (or a time) that exists; `message()` says why, in Danish."""

    def __init__(self, typed: str, text: Text, params: tuple[tuple[str, object], ...] = ()) -> None:
        super().__init__(typed)
        self.typed, self.text, self.params = typed, text, params

    def message(self, language: str | None = None) -> str:
        return self.text.render(language, **dict(self.params))

    def __str__(self) -> str:
        return self.message()


def parse_danish_date(text: str, today: date) -> date:
    """The date `text` means; a missing year is `today`'s, a two-digit year is 20xx."""
    typed = text.strip()
    parts = _split(typed)
    if parts is None:
        raise DanishDateError(typed, GARBAGE)
    day, month, year_text = parts
    if year_text is None:
        year = today.year
    elif len(year_text) == 2:
        year = 2000 + int(year_text)  # no one registers an inquiry from the 1900s
    else:
        year = int(year_text)
    if not 1 <= year <= 9999:
        raise DanishDateError(typed, NO_SUCH_YEAR, (("year", year),))
    if not 1 <= month <= 12:
        raise DanishDateError(typed, NO_SUCH_MONTH, (("month", month),))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        names = (("month_da", _MONTHS_DA[month - 1]), ("month_en", _MONTHS_EN[month - 1]))
        params = (("typed", typed), *names, ("year", year), ("days", days))
        raise DanishDateError(typed, NO_SUCH_DAY, params)
    return date(year, month, day)


def check_range(typed: str, day: date, earliest: date | None, latest: date | None) -> date:
    """`day` when it lies in the field's range; outside it is refused like an impossible date
    (a field that quietly moved 01.01 up to its earliest date would store a date no one typed)."""
    if earliest is not None and day < earliest:
        raise DanishDateError(typed, TOO_EARLY, (("earliest", danish(earliest)),))
    if latest is not None and day > latest:
        raise DanishDateError(typed, TOO_LATE, (("latest", danish(latest)),))
    return day


def danish(day: date) -> str:
    """How a date is shown in a field: 15.11.2026."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def parse_danish_datetime(text: str, today: date, default_time: time) -> datetime:
    """A date as `parse_danish_date` reads it, then an optional time (14:30, 14.30, 1430, 14,
    kl. 14.30); without a time the moment keeps `default_time`."""
    typed = text.strip()
    date_text, _, time_text = typed.partition(" ")
    day = parse_danish_date(date_text, today)
    time_text = time_text.strip()
    if not time_text:
        return datetime.combine(day, default_time)
    match = _TIME.fullmatch(time_text)
    if match is None:
        raise DanishDateError(typed, TIME_GARBAGE)
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise DanishDateError(typed, NO_SUCH_TIME, (("hour", hour), ("minute", minute)))
    return datetime.combine(day, time(hour, minute))


def _split(typed: str) -> tuple[int, int, str | None] | None:
    """Day, month and the year as typed (None when left out), or None for anything else."""
    match = _DATE_PARTS.fullmatch(typed)
    if match is not None:
        return int(match[1]), int(match[2]), match[3]
    if _DIGITS.fullmatch(typed):  # 1511, 151126, 15112026: day and month always two digits
        return int(typed[:2]), int(typed[2:4]), typed[4:] or None
    return None
