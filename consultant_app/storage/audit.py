"""The audit trail (issue: every create, update, delete, view, export and print).

Creates, updates and deletes are recorded by a session hook, so no code path can forget
them; views, exports and prints are recorded by the code that does them, through `record`.
A line says when, what and which record, and for an update which fields: never a value.
"""

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from consultant_app.domain import AuditEvent, InquiryAdvice, InquiryReason
from consultant_app.domain.base import utcnow

# Rows that belong to an inquiry are reported as a change of the inquiry itself.
_PARTS_OF_INQUIRY = (InquiryReason, InquiryAdvice)
_UNAUDITED = (AuditEvent,)


def record(
    session: Session,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(AuditEvent(action=action, entity=entity, entity_id=entity_id, detail=detail))


def install(factory: sessionmaker) -> None:
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context) -> None:
    rows: list[dict] = []
    touched_inquiries: set[int] = set()
    now = utcnow()

    def add(action: str, obj, detail: str | None = None) -> None:
        if isinstance(obj, _UNAUDITED):
            return
        if isinstance(obj, _PARTS_OF_INQUIRY):
            touched_inquiries.add(obj.inquiry_id)
            return
        if detail is None:  # a record may name what it is (a draft: its form), never a value
            detail = getattr(obj, "audit_detail", None)
        rows.append(
            {
                "at": now,
                "action": action,
                "entity": obj.__tablename__,
                "entity_id": _id(obj),
                "detail": detail,
            }
        )

    for obj in session.new:
        add("create", obj)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            changed = sorted(a.key for a in inspect(obj).attrs if a.history.has_changes())
            changed = [c for c in changed if c not in ("updated_at", "created_at")]
            if changed:
                add("update", obj, ",".join(changed)[:500])
    for obj in session.deleted:
        add("delete", obj)

    audited_ids = {r["entity_id"] for r in rows if r["entity"] == "inquiry"}
    for inquiry_id in sorted(touched_inquiries - audited_ids):
        rows.append(
            {
                "at": now,
                "action": "update",
                "entity": "inquiry",
                "entity_id": inquiry_id,
                "detail": "reasons,advice",
            }
        )
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def _id(obj) -> int | None:
    state = inspect(obj)
    key = state.mapper.primary_key_from_instance(obj)
    return key[0] if len(key) == 1 and isinstance(key[0], int) else None
