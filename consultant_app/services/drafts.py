"""Drafts: a form's unsaved input, kept in the vault at lock and offered again after unlock.

The desktop asks every open form for its input when the app locks (idle, Ctrl+L, the operating
system's lock, closing) and stores it here in the lock's own unit of work, before the vault is
closed. After the next unlock `list_drafts` offers each one ("a draft from <date>: continue or
discard"); `load_draft` gives the form its values back, and the draft stays until the form is
saved or the user throws it away (`discard_draft`), so a second lock or a crash loses nothing.

Drafts are audited like records by the session hook (storage/audit.py): created, changed,
viewed and deleted, with the form and the case named (`Draft.audit_detail`), never the text.
A draft that belongs to a case is erased with it (retention/erase.py) and is part of the
citizen's subject-access report; a draft of a new inquiry has no case yet.
"""

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Draft, Inquiry
from consultant_app.domain.case_code import case_code
from consultant_app.errors import ConsultantAppError, NotFoundError
from consultant_app.i18n import Text
from consultant_app.storage import audit
from consultant_app.storage.vault import Vault

T = TypeVar("T")
log = logging.getLogger(__name__)
DRAFT = Text(da="Kladden", en="The draft")
MAX_CONTENT = 1_000_000  # characters of JSON: far beyond any form, short of filling the vault
_KIND = re.compile(r"[a-z][a-z_]{0,31}")


class DraftError(ConsultantAppError):
    text = Text(
        da="Kladden kan ikke gemmes: den er ugyldig eller for stor ({why}).",
        en="The draft cannot be kept: it is invalid or too large ({why}).",
    )


@dataclass(frozen=True)
class DraftToSave:
    """What a form hands over at lock. `draft_id`: the draft it was continued from, replaced
    rather than doubled."""

    kind: str  # which form ("inquiry", "note", ...)
    content: dict[str, Any]  # the form's values, as it reads them back
    inquiry_id: int | None = None  # the case it belongs to
    record_id: int | None = None  # the record being edited
    draft_id: int | None = None


@dataclass(frozen=True)
class DraftInfo:
    id: int
    kind: str
    inquiry_id: int | None
    record_id: int | None
    saved_at: datetime  # UTC, naive, as stored
    case_code: str | None  # the case's, when it belongs to one


@dataclass(frozen=True)
class StoredDraft:
    info: DraftInfo
    content: dict[str, Any]


def save_draft(session: Session, draft: DraftToSave) -> int | None:
    """Store (or replace) one draft; its id. None when its case was erased meanwhile: an erased
    case never gets text back."""
    _check(draft)
    if draft.inquiry_id is not None:
        erased = session.scalar(select(Inquiry.erased_at).where(Inquiry.id == draft.inquiry_id))
        if erased is not None or session.get(Inquiry, draft.inquiry_id) is None:
            return None
    content = json.dumps(draft.content, ensure_ascii=False, sort_keys=True)
    row = session.get(Draft, draft.draft_id) if draft.draft_id is not None else None
    if row is None:
        row = Draft(kind=draft.kind)
        session.add(row)
    row.kind, row.inquiry_id, row.record_id = draft.kind, draft.inquiry_id, draft.record_id
    if row.content != content:
        row.content = content
    session.flush()
    return row.id


def save_drafts(vault: Vault, drafts: list[DraftToSave]) -> list[int | None]:
    """The lock's drafts in one unit of work. One that cannot be kept (too large, not a form's
    values) is left out, by its kind in the log, so it cannot cost the others; None in its place."""
    keep: list[DraftToSave | None] = []
    for draft in drafts:
        try:
            _check(draft)
            keep.append(draft)
        except DraftError:
            log.warning("a draft was not kept: form %s", draft.kind[:32])
            keep.append(None)
    if not any(keep):
        return [None] * len(drafts)
    with vault.session() as session:
        return [save_draft(session, draft) if draft is not None else None for draft in keep]


def list_drafts(session: Session) -> list[DraftInfo]:
    """Every draft, newest first (no content: nothing typed is read to list them)."""
    rows = session.execute(
        select(Draft.id, Draft.kind, Draft.inquiry_id, Draft.record_id, Draft.updated_at).order_by(
            Draft.updated_at.desc(), Draft.id.desc()
        )
    ).all()
    received = _received(session, {r.inquiry_id for r in rows if r.inquiry_id is not None})
    return [_info(r.id, r.kind, r.inquiry_id, r.record_id, r.updated_at, received) for r in rows]


def load_draft(session: Session, draft_id: int) -> StoredDraft:
    """One draft with its values, to continue it. Audited as a view of the draft."""
    row = session.get(Draft, draft_id)
    if row is None:
        raise NotFoundError(what=DRAFT.render(), id=draft_id)
    received = _received(session, {row.inquiry_id} if row.inquiry_id is not None else set())
    info = _info(row.id, row.kind, row.inquiry_id, row.record_id, row.updated_at, received)
    audit.record(session, "view", "draft", row.id, row.audit_detail)
    return StoredDraft(info, json.loads(row.content))


def discard_draft(session: Session, draft_id: int) -> bool:
    """Throw a draft away (the form was saved, or the user chose Discard). False when it was
    already gone."""
    row = session.get(Draft, draft_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def and_discard(function: Callable[..., T], draft_id: int | None) -> Callable[..., T]:
    """`function(session, ...)`, then the draft its input was continued from, in the same unit
    of work: saved and no longer a draft, or (on any failure) still the draft it was."""

    def unit(session: Session, *args: Any, **kwargs: Any) -> T:
        result = function(session, *args, **kwargs)
        if draft_id is not None:
            discard_draft(session, draft_id)
        return result

    return unit


def drafts_of_inquiries(session: Session, inquiry_ids: set[int]) -> list[Draft]:
    """The drafts that belong to these cases (the subject-access report lists them)."""
    if not inquiry_ids:
        return []
    return list(
        session.scalars(select(Draft).where(Draft.inquiry_id.in_(sorted(inquiry_ids))).order_by(Draft.id))
    )


def _check(draft: DraftToSave) -> None:
    if not _KIND.fullmatch(draft.kind):
        raise DraftError(why=f"unknown form {draft.kind!r}")
    try:
        size = len(json.dumps(draft.content, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise DraftError(why=type(exc).__name__) from exc
    if size > MAX_CONTENT:
        raise DraftError(why=f"{size} > {MAX_CONTENT}")


def _received(session: Session, ids: set[int]) -> dict[int, datetime]:
    if not ids:
        return {}
    found = session.execute(select(Inquiry.id, Inquiry.received_at).where(Inquiry.id.in_(sorted(ids))))
    return {row.id: row.received_at for row in found}


def _info(
    draft_id: int,
    kind: str,
    inquiry_id: int | None,
    record_id: int | None,
    saved_at: datetime,
    received: dict[int, datetime],
) -> DraftInfo:
    code = None
    if inquiry_id is not None and inquiry_id in received:
        code = case_code(received[inquiry_id], inquiry_id)
    return DraftInfo(draft_id, kind, inquiry_id, record_id, saved_at, code)
