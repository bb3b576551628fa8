"""One timeline entry as the lines the case view shows."""

from PySide6.QtCore import QCoreApplication

from consultant_app.services import timeline as t
from ui.labels import label, short_date, short_datetime


def entry_text(entry: t.TimelineEntry) -> str:
    when = (
        short_date(entry.at.date())
        if entry.kind in (t.FOLLOW_UP, t.RISK, t.CLOSED)
        else short_datetime(entry.at)
    )
    if entry.kind == t.RECEIVED:
        head = QCoreApplication.translate("Timeline", "Inquiry received ({channel})").format(
            channel=label("channel", entry.code)
        )
    elif entry.kind == t.CONTACT:
        head = QCoreApplication.translate("Timeline", "Contact with {who} ({channel})").format(
            who=entry.who, channel=label("channel", entry.code)
        )
    elif entry.kind == t.NOTE:
        head = QCoreApplication.translate("Timeline", "Note")
    elif entry.kind == t.FOLLOW_UP:
        states = {
            t.DONE: QCoreApplication.translate("Timeline", "done"),
            t.OVERDUE: QCoreApplication.translate("Timeline", "overdue"),
            t.DUE: QCoreApplication.translate("Timeline", "due"),
            t.SNOOZED: QCoreApplication.translate("Timeline", "snoozed"),
        }
        head = QCoreApplication.translate("Timeline", "Follow-up: {type} ({state})").format(
            type=label("follow_up_type", entry.code), state=states.get(entry.state or "", "")
        )
    elif entry.kind == t.RISK:
        level = (
            label("risk_level", entry.code)
            if entry.code
            else QCoreApplication.translate("Timeline", "no judgement yet")
        )
        status = (
            QCoreApplication.translate("Timeline", "finalised")
            if entry.state == "finalised"
            else QCoreApplication.translate("Timeline", "draft")
        )
        head = QCoreApplication.translate("Timeline", "Risk assessment: {level} ({status})").format(
            level=level, status=status
        )
    else:
        head = QCoreApplication.translate("Timeline", "Case closed: {reason}").format(
            reason=label("closing_reason", entry.code)
        )
    lines = [f"{when} · {head}"]
    if entry.text:
        lines.append(entry.text)
    return "\n".join(lines)
