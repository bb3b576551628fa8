"""The one rule for typed dates: every form a Danish user types, and no quiet corrections."""

from datetime import date, datetime, time

import pytest

from consultant_app.danish_dates import (
    DanishDateError,
    check_range,
    danish,
    parse_danish_date,
    parse_danish_datetime,
)

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.11.2026", date(2026, 11, 15)),
        ("15-11-2026", date(2026, 11, 15)),
        ("15/11/2026", date(2026, 11, 15)),
        ("15/11/26", date(2026, 11, 15)),
        ("15.11.26", date(2026, 11, 15)),
        ("151126", date(2026, 11, 15)),
        ("15112026", date(2026, 11, 15)),
        ("15.11", date(2026, 11, 15)),
        ("15.11.", date(2026, 11, 15)),
        ("1511", date(2026, 11, 15)),
        ("5.1.2027", date(2027, 1, 5)),
        ("05.01.27", date(2027, 1, 5)),
        ("  15.11.2026  ", date(2026, 11, 15)),
        ("01.01.99", date(2099, 1, 1)),  # two digits are always 20xx
        ("29.02.2028", date(2028, 2, 29)),  # leap year
        ("29.02.2000", date(2000, 2, 29)),  # divisible by 400: leap
        ("31.12", date(2026, 12, 31)),
    ],
)
def test_every_danish_form_is_read(typed: str, expected: date) -> None:
    assert parse_danish_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("30.02.2026", "februar 2026 har 28 dage"),
        ("29.02.2026", "februar 2026 har 28 dage"),  # not a leap year
        ("29.02.2100", "februar 2100 har 28 dage"),  # divisible by 100, not 400: not leap
        ("31.04", "april 2026 har 30 dage"),
        ("310426", "april 2026 har 30 dage"),
        ("00.01.2026", "januar 2026 har 31 dage"),
        ("15.13.2026", "Måned 13 findes ikke"),
        ("15.00.2026", "Måned 0 findes ikke"),
        ("01.01.0000", "År 0 kan ikke bruges"),
    ],
)
def test_an_impossible_date_is_refused_and_not_moved(typed: str, words: str) -> None:
    with pytest.raises(DanishDateError) as caught:
        parse_danish_date(typed, TODAY)
    assert words in caught.value.message("da")
    assert caught.value.typed == typed


def test_the_message_names_what_was_typed() -> None:
    with pytest.raises(DanishDateError) as caught:
        parse_danish_date("30.02.2026", TODAY)
    assert caught.value.message("da") == "Datoen 30.02.2026 findes ikke: februar 2026 har 28 dage."


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "i går",
        "15",
        "15.",
        "151",
        "15112",
        "1511202",
        "15.11.202",
        "15.11.2026.1",
        "15..11",
        "15 11 2026",
        "15.11.2026x",
        "١٥.١١.٢٠٢٦",
        "15,11,2026",
        "2026-11-15",
    ],
)
def test_garbage_is_refused_with_the_form_to_use(typed: str) -> None:
    with pytest.raises(DanishDateError) as caught:
        parse_danish_date(typed, TODAY)
    assert "dd.mm.åååå" in caught.value.message("da")


def test_the_message_is_english_when_asked() -> None:
    with pytest.raises(DanishDateError) as caught:
        parse_danish_date("31.04.2026", TODAY)
    assert caught.value.message("en") == "The date 31.04.2026 does not exist: April 2026 has 30 days."


NOON = time(12, 0)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.11.2026 14:30", datetime(2026, 11, 15, 14, 30)),
        ("15.11.2026 14.30", datetime(2026, 11, 15, 14, 30)),
        ("151126 1430", datetime(2026, 11, 15, 14, 30)),
        ("15/11/26 9", datetime(2026, 11, 15, 9, 0)),
        ("15.11 kl. 8.05", datetime(2026, 11, 15, 8, 5)),
        ("15-11-2026", datetime(2026, 11, 15, 12, 0)),  # no time: keeps the one it had
    ],
)
def test_a_date_with_a_time(typed: str, expected: datetime) -> None:
    assert parse_danish_datetime(typed, TODAY, NOON) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("15.11.2026 24:00", "24:00 findes ikke"),
        ("15.11.2026 14:60", "14:60 findes ikke"),
        ("15.11.2026 om morgenen", "tt:mm"),
        ("30.02.2026 14:30", "februar 2026 har 28 dage"),
    ],
)
def test_an_impossible_time_is_refused(typed: str, words: str) -> None:
    with pytest.raises(DanishDateError) as caught:
        parse_danish_datetime(typed, TODAY, NOON)
    assert words in caught.value.message("da")


def test_a_date_outside_the_fields_range_is_refused_not_moved() -> None:
    earliest, latest = date(2026, 12, 6), date(2027, 1, 31)
    assert check_range("6.12", date(2026, 12, 6), earliest, latest) == date(2026, 12, 6)
    with pytest.raises(DanishDateError) as early:
        check_range("5.12", date(2026, 12, 5), earliest, None)
    assert early.value.message("da") == "Datoen skal være 06.12.2026 eller senere."
    with pytest.raises(DanishDateError) as late:
        check_range("1.2.27", date(2027, 2, 1), None, latest)
    assert late.value.message("da") == "Datoen skal være 31.01.2027 eller tidligere."


def test_a_date_is_shown_with_two_digit_day_and_month() -> None:
    assert danish(date(2027, 1, 5)) == "05.01.2027"
