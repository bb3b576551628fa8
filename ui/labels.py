"""Codes and dates as the user reads them: code labels in the current language, local dates."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from consultant_app.codes import load_codes
from consultant_app.danish_dates import danish


def label(list_name: str, code: str | None) -> str:
    if code is None:
        return ""
    codes = load_codes()[list_name]
    return codes.label(code) if code in codes else code


def labels(list_name: str, codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(label(list_name, code) for code in codes)


def region_short(code: str) -> str:
    """The region without the word "Region" (for a column already called Region)."""
    text = label("region", code)
    return text.removeprefix("Region ") if text.startswith("Region ") else text


def trip_short(code: str) -> str:
    """The trip status in a word or two, for a narrow column (the full label is long)."""
    short = {
        "ingen": QCoreApplication.translate("Labels", "None"),
        "udlandet": QCoreApplication.translate("Labels", "Abroad"),
        "trussel_dk": QCoreApplication.translate("Labels", "Concern (DK)"),
    }
    return short.get(code) or label("trip_concern", code)


def municipality_name(code: str | None) -> str:
    if not code:
        return ""
    found = load_codes().municipality(code)
    return found.name if found else code


def short_date(day: date | None) -> str:
    """Dates as Danes write them, whatever the interface language: one formatter for both, so a
    date reads the same in Danish and English and as the date fields accept it (15.11.2026)."""
    if day is None:
        return ""
    return danish(day)


def short_datetime(moment: datetime | None) -> str:
    """15.11.2026 14.30, as Danish short formats write it. Formatted here, not through a local
    QDateTime: that costs ~70 µs a call (time-zone lookups; a list of 100 000 rows waited seconds)
    and moves a wall time in a daylight-saving gap (02.30 on the spring-forward night)."""
    if moment is None:
        return ""
    return f"{danish(moment.date())} {moment.hour:02d}.{moment.minute:02d}"


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime(*value.date().getDate(), value.time().hour(), value.time().minute())


def from_qdate(value: QDate) -> date:
    return date(*value.getDate())


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
