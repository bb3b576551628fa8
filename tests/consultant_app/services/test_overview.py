"""The overview (services/overview.py) and the profile settings (services/profile_settings.py)."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from consultant_app.domain import FollowUp, Profile
from consultant_app.errors import ValidationError
from consultant_app.services.case_actions import CaseForm, close_case, create_case, make_course
from consultant_app.services.inquiries import InquiryDraft
from consultant_app.services.overview import overview
from consultant_app.services.profile_settings import update_settings

TODAY = date(2024, 6, 15)
DRAFT = InquiryDraft(
    received_at=datetime(2024, 6, 3, 9),
    region="hovedstaden",
    inquirer_type="politi",
    channel="telefon",
    citizen_age_group="voksen",
    trip_concern="ingen",
)


def test_month_courses_and_follow_ups(vault):
    with vault.session() as s:
        this_month = create_case(s, CaseForm(DRAFT), today=TODAY).id
        old = create_case(s, CaseForm(replace(DRAFT, received_at=datetime(2023, 5, 1))), today=TODAY).id
        closed_course = create_case(
            s, CaseForm(replace(DRAFT, received_at=datetime(2022, 1, 1))), today=TODAY
        ).id
        for inquiry_id in (old, closed_course):
            make_course(s, inquiry_id)
        close_case(s, closed_course, date(2023, 1, 1), "afsluttet", today=TODAY)
        s.add_all(
            [
                FollowUp(inquiry_id=old, type="opkald", due_on=date(2024, 6, 1)),
                FollowUp(inquiry_id=old, type="moede", due_on=date(2024, 6, 10)),
                FollowUp(
                    inquiry_id=old, type="opkald", due_on=date(2024, 6, 2), done_at=datetime(2024, 6, 2)
                ),
                FollowUp(
                    inquiry_id=old, type="opkald", due_on=date(2024, 6, 3), snoozed_until=date(2024, 6, 20)
                ),
                FollowUp(
                    inquiry_id=old, type="opkald", due_on=date(2024, 6, 4), snoozed_until=date(2024, 6, 15)
                ),
                FollowUp(inquiry_id=this_month, type="koordinering", due_on=TODAY),
            ]
        )
    with vault.session() as s:
        view = overview(s, TODAY)
    assert view.month_count == 1 and [r.id for r in view.month_inquiries] == [this_month]
    assert view.open_course_count == 1 and [r.id for r in view.open_courses] == [old]
    assert view.overdue_count == 3  # the snooze that ended today shows it again; done and snoozed do not
    assert [f.due_on.day for f in view.overdue] == [1, 4, 10]
    assert view.due_today_count == 1 and view.due_today[0].type == "koordinering"
    assert view.due_today[0].case_code == f"2024-{this_month:05d}"


def test_settings_are_saved_in_the_profile(vault):
    with vault.session() as s:
        profile = update_settings(s, language="en", idle_lock_minutes=15)
    assert (profile.language, profile.idle_lock_minutes) == ("en", 15)
    with vault.session() as s:
        assert s.scalars(select(Profile.idle_lock_minutes)).one() == 15
    with vault.session() as s, pytest.raises(ValidationError) as error:
        update_settings(s, language="de", idle_lock_minutes=0)
    assert {p.field for p in error.value.problems} == {"language", "idle_lock_minutes"}
