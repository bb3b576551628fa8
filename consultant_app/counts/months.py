"""Months as the counts know them: 'YYYY-MM' strings, the finest date that leaves the laptop."""

import re
from datetime import date, datetime, timedelta

from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)


class MonthError(ConsultantAppError):
    text = Text(
        da="Ugyldig måned '{value}': skriv den som ÅÅÅÅ-MM, fx 2025-03.",
        en="Invalid month '{value}': write it as YYYY-MM, e.g. 2025-03.",
    )


class MonthRangeError(ConsultantAppError):
    text = Text(
        da="Perioden slutter ({last}) før den begynder ({first}).",
        en="The period ends ({last}) before it begins ({first}).",
    )


def parse_month(text: str) -> str:
    """The month, checked ('2025-03'); `MonthError` otherwise."""
    value = (text or "").strip()
    if not _MONTH.match(value) or value < "1900-01":
        raise MonthError(value=text)
    return value


def month_of(day: date | datetime) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if number == 1 else f"{year:04d}-{number - 1:02d}"


def last_day(month: str) -> date:
    return first_day(next_month(month)) - timedelta(days=1)


def shift_years(month: str, years: int) -> str:
    return f"{int(month[:4]) + years:04d}{month[4:]}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included; `MonthRangeError` if reversed."""
    if last < first:
        raise MonthRangeError(first=first, last=last)
    months, month = [], first
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months
