"""Every create, update and delete leaves an audit line that names fields, never values."""

from datetime import datetime

from sqlalchemy import select

from consultant_app.domain import AuditEvent, Inquiry, InquiryReason, Professional
from consultant_app.storage import audit

SECRET = "Navn-Der-Ikke-Må-Stå-I-Loggen"


def events(vault):
    with vault.session() as s:
        return [
            (e.action, e.entity, e.entity_id, e.detail)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_create_update_delete_and_explicit_events(vault):
    with vault.session() as s:
        p = Professional(name=SECRET, email=" Someone@Kommune.DK ")
        inquiry = Inquiry(
            received_at=datetime(2025, 2, 3),
            consultant="T",
            region="syddanmark",
            inquirer_type="kommune",
            channel="telefon",
            citizen_age_group="barn",
            trip_concern="ingen",
            professional=p,
            notes=SECRET,
        )
        s.add(inquiry)
    assert p.email_normalised == "someone@kommune.dk"
    with vault.session() as s:
        i = s.get(Inquiry, inquiry.id)
        i.notes = SECRET + " rettet"
        i.channel = "mail"
    with vault.session() as s:
        s.add(InquiryReason(inquiry_id=inquiry.id, code="trusler"))
    with vault.session() as s:
        audit.record(s, "view", "inquiry", inquiry.id)
        audit.record(s, "export", detail="inquiries: 1")
    with vault.session() as s:
        s.delete(s.get(Inquiry, inquiry.id))

    log = events(vault)
    assert ("create", "inquiry", inquiry.id, None) in log
    assert ("create", "professional", p.id, None) in log
    assert ("update", "inquiry", inquiry.id, "channel,notes") in log
    assert ("update", "inquiry", inquiry.id, "reasons,advice") in log
    assert ("view", "inquiry", inquiry.id, None) in log
    assert ("export", None, None, "inquiries: 1") in log
    assert ("delete", "inquiry", inquiry.id, None) in log
    assert SECRET not in repr(log)
