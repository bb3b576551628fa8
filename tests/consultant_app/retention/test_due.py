"""The retention period and the list of cases due for erasure."""

from datetime import date, datetime

import pytest

from consultant_app.domain import Inquiry
from consultant_app.retention.due import HANDED_OVER, RETENTION, due_cases, retention_due_json
from consultant_app.retention.period import (
    RetentionPeriodError,
    retention_years,
    set_retention_years,
    years_after,
)


def _case(session, closed_on=None, handed=None) -> int:
    inquiry = Inquiry(
        received_at=datetime(2018, 1, 5, 9, 0),
        consultant="K",
        region="midtjylland",
        inquirer_type="kommune",
        channel="telefon",
        citizen_age_group="voksen",
        trip_concern="ingen",
        closed_on=closed_on,
        handed_over_at=handed,
        handed_over_to="Bo" if handed else None,
    )
    session.add(inquiry)
    session.flush()
    return inquiry.id


def test_default_is_five_years_and_the_period_is_checked(vault):
    with vault.session() as s:
        assert retention_years(s) == 5
        for bad in (0, 31, "5", True):
            with pytest.raises(RetentionPeriodError):
                set_retention_years(s, bad)
        set_retention_years(s, 3)
    with vault.session() as s:
        assert retention_years(s) == 3


def test_years_after_handles_a_leap_day():
    assert years_after(date(2020, 2, 29), 5) == date(2025, 2, 28)
    assert years_after(date(2020, 3, 1), -5) == date(2015, 3, 1)


def test_due_list_holds_cases_past_the_period_and_handed_over_ones(vault):
    today = date(2025, 6, 10)
    with vault.session() as s:
        exactly = _case(s, closed_on=date(2020, 6, 10))  # closed five years ago today: due
        one_day_short = _case(s, closed_on=date(2020, 6, 11))
        _case(s)  # open
        handed = _case(s, handed=datetime(2025, 6, 1, 12, 0))
        erased = _case(s, closed_on=date(2010, 1, 1))
        s.get(Inquiry, erased).erased_at = datetime(2025, 1, 1)
    with vault.session() as s:
        due = due_cases(s, today)
        # Oldest due first: the hand-over (1 June) before the end of the period (10 June).
        assert [(d.inquiry_id, d.reason) for d in due] == [(handed, HANDED_OVER), (exactly, RETENTION)]
        assert one_day_short not in [d.inquiry_id for d in due]
        assert due[1].due_on == today and "udløbet" in due[1].label()
        assert due[0].label() == "Overdraget til Bo"
        data = retention_due_json(s, today)
        assert data["retention_years"] == 5
        assert data["cases"][1] == {
            "case": f"2018-{exactly:05d}",
            "reason": "retention",
            "closed_on": "2020-06-10",
            "due_on": "2025-06-10",
            "handed_over_to": None,
        }
        set_retention_years(s, 10)
        assert [d.reason for d in due_cases(s, today)] == [HANDED_OVER]
