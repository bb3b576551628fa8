"""Carrying out an import plan with bulk statements, inside the caller's one transaction.

Bulk Core statements bypass the ORM's per-object work (and its automatic audit lines), which
is what makes 100 000 rows a matter of seconds; the importer records one audit line instead.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from consultant_app.domain import Contact, Inquiry, InquiryAdvice, InquiryReason, Professional
from consultant_app.domain.base import Base, table_of
from consultant_app.interchange.import_plan import ImportPlan
from consultant_app.interchange.vault_state import chunks


def write_plan(session: Session, plan: ImportPlan) -> None:
    """Professionals first (inquiries and contacts point at them), then inquiries, then the rows
    that belong to an inquiry."""
    _insert(session, Professional, list(plan.new_professionals.values()))
    _update(session, Professional, list(plan.professional_updates.values()))
    _insert(session, Inquiry, plan.new_inquiries)
    _update(session, Inquiry, plan.inquiry_updates)
    _delete_by_inquiry(session, InquiryReason, plan.codes_replaced)
    _delete_by_inquiry(session, InquiryAdvice, plan.codes_replaced)
    _insert(session, InquiryReason, plan.new_reasons)
    _insert(session, InquiryAdvice, plan.new_advice)
    for part in chunks(plan.contact_deletes):
        session.execute(delete(table_of(Contact)).where(Contact.id.in_(part)))
    _update(session, Contact, plan.contact_updates)
    _insert(session, Contact, plan.new_contacts)


def _insert(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        session.execute(insert(table_of(model)), rows)


def _update(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        # ORM bulk UPDATE by primary key: one executemany per statement shape.
        session.execute(update(model), rows)


def _delete_by_inquiry(
    session: Session, model: type[InquiryReason] | type[InquiryAdvice], inquiry_ids: list[int]
) -> None:
    table = table_of(model)
    for part in chunks(inquiry_ids):
        session.execute(delete(table).where(model.inquiry_id.in_(part)))
