"""Follow-ups (domain.md, "Follow-up"): editing, the day's agenda, and the calendar export."""

from consultant_app.followups.agenda import Agenda, agenda, due_today, open_follow_ups, overdue, upcoming
from consultant_app.followups.ics import CalendarEvent, CalendarSummary, calendar_text, export_calendar
from consultant_app.followups.service import (
    FollowUpRow,
    add_follow_up,
    delete_follow_up,
    follow_ups_for_inquiry,
    get_follow_up,
    mark_done,
    reopen,
    snooze,
    unsnooze,
    update_follow_up,
)

__all__ = [
    "Agenda",
    "CalendarEvent",
    "CalendarSummary",
    "FollowUpRow",
    "add_follow_up",
    "agenda",
    "calendar_text",
    "delete_follow_up",
    "due_today",
    "export_calendar",
    "follow_ups_for_inquiry",
    "get_follow_up",
    "mark_done",
    "open_follow_ups",
    "overdue",
    "reopen",
    "snooze",
    "unsnooze",
    "upcoming",
    "update_follow_up",
]
