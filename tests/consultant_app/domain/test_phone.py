"""Telephone numbers (#14.9): what a consultant types is accepted or refused with a reason, and a
Danish number is shown in pairs whatever way it was typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consultant_app.domain.phone import danish_phone, looks_like_phone


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("12345678", "12 34 56 78"),
        ("12 34 56 78", "12 34 56 78"),
        ("1234 5678", "12 34 56 78"),
        ("12-34-56-78", "12 34 56 78"),
        ("+4512345678", "+45 12 34 56 78"),
        ("+45 12 34 56 78", "+45 12 34 56 78"),
        ("004512345678", "+45 12 34 56 78"),
        ("+46 70 123 45 67", "+46 70 123 45 67"),  # foreign: as typed
        ("02 12 34 56", "02 12 34 56"),  # not a Danish subscriber number (the demo's): as typed
        ("  87 13 00 00 ", "87 13 00 00"),
    ],
)
def test_accepted_and_shown_in_danish_groups(typed, shown):
    assert looks_like_phone(typed)
    assert danish_phone(typed) == shown


@pytest.mark.parametrize(
    "typed",
    [
        "1",
        "12345",
        "ring efter kl. 10",
        "12 34 56 78 (arbejde)",
        "1234567890123456",
        "12+345678",
        "١٢٣٤٥٦٧٨",
        "",
    ],
)
def test_refused(typed):
    assert not looks_like_phone(typed)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        # Pasted from a web page or an e-mail signature: no-break spaces between the groups.
        ("+45\u00a012\u00a034\u00a056\u00a078", "+45 12 34 56 78"),
        ("12\u202f34\u202f56\u202f78", "12 34 56 78"),
        # The country code or the area code in brackets, as many signatures write it.
        ("(+45) 12 34 56 78", "(+45) 12 34 56 78"),
        ("(0045) 12345678", "(0045) 12345678"),
        ("(020) 7946 0018", "(020) 7946 0018"),
    ],
)
def test_numbers_as_people_paste_them_are_not_refused(typed, shown):
    assert looks_like_phone(typed)
    assert danish_phone(typed) == shown


def test_an_older_record_that_is_no_number_is_shown_as_it_was_typed():
    assert danish_phone("ring efter kl. 10") == "ring efter kl. 10"
    assert danish_phone(None) == ""


@given(st.text(max_size=30))
def test_showing_never_fails_and_keeps_the_digits(text):
    shown = danish_phone(text)
    if looks_like_phone(text):
        digits = "".join(ch for ch in text if ch.isdigit())
        assert "".join(ch for ch in shown if ch.isdigit()) in (
            digits,
            "45" + digits[4:] if digits.startswith("0045") else digits,
        )
