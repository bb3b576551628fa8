"""The case code: one way to write it and one way to read what a person typed."""

from datetime import date, datetime

import pytest

from consultant_app.domain.case_code import CaseCode, case_code


def test_written_with_five_digits_and_the_year_it_was_received():
    assert case_code(datetime(2025, 3, 1, 10), 42) == "2025-00042"
    assert str(CaseCode.of(date(2026, 1, 1), 123456)) == "2026-123456"


@pytest.mark.parametrize("typed", ["2025-00042", "2025-42", " 2025-042 ", "2025-0000042"])
def test_typed_with_or_without_leading_zeros(typed):
    assert CaseCode.parse(typed) == CaseCode(2025, 42)


@pytest.mark.parametrize(
    "typed", ["", None, "42", "2025", "2025-", "25-00042", "2025-00042x", "2025–00042", "EXT-1"]
)
def test_anything_else_is_not_a_code(typed):
    assert CaseCode.parse(typed) is None


def test_a_number_alone_does_not_name_a_case_of_another_year():
    assert CaseCode(2025, 42).names(date(2025, 12, 31), 42)
    assert not CaseCode(2024, 42).names(date(2025, 1, 1), 42)
