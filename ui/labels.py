"""Codes and dates as the user reads them: code labels in the current language, local dates."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from consultant_app.codes import load_codes
from consultant_app.danish_dates import danish

# Dates and times as Danes write them, whatever the interface language: one formatter for both,
# so a date reads the same in Danish and English and as the date fields accept it (15.11.2026).
_DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)


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
    if day is None:
        return ""
    return danish(day)


def short_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second)
    )
    return _DANISH.toString(value, QLocale.FormatType.ShortFormat)


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime(*value.date().getDate(), value.time().hour(), value.time().minute())


def from_qdate(value: QDate) -> date:
    return date(*value.getDate())


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
