"""Linking an inquiry to the professional who made contact, the same way for a form and an import.

`ProfessionalDirectory` finds the professional a draft means; `new_professional_values` are the
details of one met for the first time; `professional_fill_ins` completes a stored one without
ever overwriting it. `professional_for` and `link_professional` apply these to ORM objects (the
form's path); the importer applies them to its bulk rows.

The same person entered twice (two spellings, an old and a new address) is made one by
`merge_professionals` (the suggestions come from `professional_directory.likely_duplicates`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, TypedDict, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from consultant_app.domain import Contact, Inquiry, Professional, SurveyCampaign, SurveyDispatch
from consultant_app.domain.people import normalise_email
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.storage import audit

if TYPE_CHECKING:  # inquiries.py imports this module
    from consultant_app.services.inquiries import InquiryDraft

# The details an inquiry may add to a professional who lacks them.
FillableColumn = Literal["phone", "organisation_name", "organisation_type", "municipality_code"]
FILLABLE_PROFESSIONAL_COLUMNS: tuple[FillableColumn, ...] = get_args(FillableColumn)


class FillIns(TypedDict, total=False):
    """Those of a professional's fillable details an inquiry adds."""

    phone: str | None
    organisation_name: str | None
    organisation_type: str | None
    municipality_code: str | None


class ProfessionalValues(TypedDict):
    """The columns of a professional as an inquiry describes them."""

    name: str
    email: str | None
    email_normalised: str | None
    phone: str | None
    organisation_name: str | None
    organisation_type: str | None
    municipality_code: str | None


class KnownProfessional(ProfessionalValues):
    """A stored professional, or one an import has planned, with its id."""

    id: int


class ProfessionalDirectory:
    """Finds the professional a form or a row means. The key is the normalised e-mail; without
    an e-mail, the exact name and phone. The lowest id wins when several share a key."""

    def __init__(self) -> None:
        self._by_email: dict[str, int] = {}
        self._by_name_phone: dict[tuple[str, str | None], int] = {}

    @classmethod
    def load(cls, session: Session) -> "ProfessionalDirectory":
        directory = cls()
        rows = session.execute(
            select(
                Professional.id, Professional.name, Professional.email_normalised, Professional.phone
            ).order_by(Professional.id)
        )
        for row in rows:
            directory.add(row.id, row.name, row.email_normalised, row.phone)
        return directory

    def add(self, professional_id: int, name: str, email: str | None, phone: str | None) -> None:
        key = normalise_email(email)
        if key:
            self._by_email.setdefault(key, professional_id)
        self._by_name_phone.setdefault((name, phone), professional_id)

    def find(self, name: str | None, email: str | None, phone: str | None) -> int | None:
        key = normalise_email(email)
        if key:
            return self._by_email.get(key)
        if name is None:
            return None
        return self._by_name_phone.get((name, phone))


def new_professional_values(draft: "InquiryDraft") -> ProfessionalValues:
    """The columns of a professional first met through this inquiry."""
    if draft.professional_name is None:  # validate_inquiry refuses a professional without a name
        raise ValueError("a new professional needs a name")
    email = draft.professional_email
    return {
        "name": draft.professional_name,
        "email": email,
        "email_normalised": normalise_email(email),
        "phone": draft.professional_phone,
        "organisation_name": draft.professional_organisation,
        # The one who made contact works where the inquiry came from; a citizen is no organisation.
        "organisation_type": draft.inquirer_type if draft.inquirer_type != "borger" else None,
        "municipality_code": draft.municipality_code if draft.inquirer_type == "kommune" else None,
    }


def stored_professional(professional: Professional) -> ProfessionalValues:
    """The columns of a stored professional, as a draft describes them."""
    return ProfessionalValues(
        name=professional.name,
        email=professional.email,
        email_normalised=professional.email_normalised,
        phone=professional.phone,
        organisation_name=professional.organisation_name,
        organisation_type=professional.organisation_type,
        municipality_code=professional.municipality_code,
    )


def professional_fill_ins(stored: Mapping[str, object], draft: "InquiryDraft") -> FillIns:
    """Details the draft knows and the stored professional lacks. A professional is shared by
    many inquiries, so one inquiry never overwrites what is already recorded about them."""
    offered = new_professional_values(draft)
    fill_ins: FillIns = {}
    for name in FILLABLE_PROFESSIONAL_COLUMNS:
        if offered[name] is not None and stored.get(name) is None:
            fill_ins[name] = offered[name]
    return fill_ins


def professional_for(session: Session, draft: "InquiryDraft") -> Professional | None:
    """The professional the draft names: found by `ProfessionalDirectory` and completed, or new
    (not yet added to the session: linking it to the inquiry adds it)."""
    if not draft.has_professional:
        return None
    directory = ProfessionalDirectory.load(session)
    found = directory.find(draft.professional_name, draft.professional_email, draft.professional_phone)
    if found is None:
        values = new_professional_values(draft)
        # email_normalised is left to the model's own e-mail validator.
        return Professional(**{name: value for name, value in values.items() if name != "email_normalised"})
    professional = session.get_one(Professional, found)
    stored: dict[str, object] = {name: getattr(professional, name) for name in FILLABLE_PROFESSIONAL_COLUMNS}
    for name, value in professional_fill_ins(stored, draft).items():
        setattr(professional, name, value)
    return professional


def link_professional(inquiry: Inquiry, professional: Professional | None, draft: "InquiryDraft") -> None:
    """Point the inquiry at the professional who made contact and keep its intake contact (the
    one contact on the received date through the inquiry's channel) in step."""
    inquiry.professional = professional
    intake = next((c for c in inquiry.contacts if c.is_intake), None)
    if professional is None:
        if intake is not None:
            inquiry.contacts.remove(intake)
        return
    if intake is None:
        intake = Contact(is_intake=True)
        inquiry.contacts.append(intake)
    if draft.received_at is None or draft.channel is None:  # validate_inquiry requires both
        raise ValueError("an intake contact needs the inquiry's received date and channel")
    intake.professional = professional
    intake.occurred_at = draft.received_at
    intake.channel = draft.channel


# --- the same person entered twice: merging ------------------------------------------------

# The details a merge copies from a merged professional to the kept one when it lacks them.
MERGE_FILLABLE_COLUMNS = ("organisation_type", "organisation_name", "municipality_code", "email", "phone")

MERGE_NOTHING = Text(
    da="Vælg mindst én fagperson at flette ind.", en="Choose at least one professional to merge."
)
MERGE_INTO_ITSELF = Text(
    da="Fagpersonen, der beholdes, kan ikke også flettes ind.",
    en="The professional who is kept cannot also be merged in.",
)
PROFESSIONAL = Text(da="Fagpersonen", en="The professional")


@dataclass(frozen=True)
class DispatchConflict:
    """Both people had the survey link in one campaign; one dispatch is kept, the other dropped."""

    campaign_id: int
    campaign_name: str
    kept_dispatch_id: int
    kept_recorded_at: datetime
    dropped: int


@dataclass(frozen=True)
class MergeOutcome:
    keep_id: int
    merged_ids: tuple[int, ...]
    contacts_moved: int
    inquiries_moved: int
    dispatches_moved: int
    dispatch_conflicts: tuple[DispatchConflict, ...]
    fields_filled: tuple[str, ...]


def merge_professionals(session: Session, keep_id: int, merge_ids: Iterable[int]) -> MergeOutcome:
    """Make one professional of several: contacts, inquiries and survey dispatches move to
    `keep_id`, its missing details are filled from the others (lowest id first), and the others
    are deleted. All or nothing, in a savepoint of the caller's transaction; audited (the session
    hook records every moved row and deletion, and one line sums up the merge, by ids only).

    When both people had the link in the same campaign, one dispatch is kept: a sent one before a
    "not relevant", then the earliest. The outcome says which, so the user can be told."""
    merge_ids = tuple(sorted(set(merge_ids)))
    if not merge_ids:
        raise ValidationError([Problem("merge_ids", "", MERGE_NOTHING)])
    if keep_id in merge_ids:
        raise ValidationError([Problem("merge_ids", keep_id, MERGE_INTO_ITSELF)])
    with session.begin_nested():
        keep = _professional(session, keep_id)
        merged = [_professional(session, i) for i in merge_ids]
        contacts = session.scalars(select(Contact).where(Contact.professional_id.in_(merge_ids))).all()
        for contact in contacts:
            contact.professional_id = keep_id
        inquiries = session.scalars(select(Inquiry).where(Inquiry.professional_id.in_(merge_ids))).all()
        for inquiry in inquiries:
            inquiry.professional_id = keep_id
        moved, conflicts = _merge_dispatches(session, keep_id, merge_ids)
        filled = _fill_missing(keep, merged)
        session.flush()
        for professional in merged:
            session.expire(professional)  # its contacts have moved: nothing left to unlink
            session.delete(professional)
        session.flush()
        audit.record(
            session,
            "update",
            "professional",
            keep_id,
            f"merge: from={','.join(map(str, merge_ids))} contacts={len(contacts)} "
            f"inquiries={len(inquiries)} dispatches={moved} dispatches_dropped="
            f"{sum(c.dropped for c in conflicts)}",
        )
        session.flush()
    return MergeOutcome(keep_id, merge_ids, len(contacts), len(inquiries), moved, conflicts, filled)


def _professional(session: Session, professional_id: int) -> Professional:
    professional = session.get(Professional, professional_id)
    if professional is None:
        raise NotFoundError(what=PROFESSIONAL.render(), id=professional_id)
    return professional


def _merge_dispatches(
    session: Session, keep_id: int, merge_ids: tuple[int, ...]
) -> tuple[int, tuple[DispatchConflict, ...]]:
    rows = session.scalars(
        select(SurveyDispatch).where(SurveyDispatch.professional_id.in_((keep_id, *merge_ids)))
    ).all()
    by_campaign: dict[int, list[SurveyDispatch]] = {}
    for row in rows:
        by_campaign.setdefault(row.campaign_id, []).append(row)
    winners, conflicts = [], []
    for campaign_id, dispatches in sorted(by_campaign.items()):
        dispatches.sort(key=lambda d: (d.status != "sent", d.recorded_at, d.id))
        winner, losers = dispatches[0], dispatches[1:]
        winners.append(winner)
        for loser in losers:
            session.delete(loser)
        if losers:
            name = session.scalar(select(SurveyCampaign.name).where(SurveyCampaign.id == campaign_id)) or ""
            conflicts.append(DispatchConflict(campaign_id, name, winner.id, winner.recorded_at, len(losers)))
    session.flush()  # the dropped ones go first: (campaign, professional) is unique
    moved = 0
    for winner in winners:
        if winner.professional_id != keep_id:
            winner.professional_id = keep_id
            moved += 1
    return moved, tuple(conflicts)


def _fill_missing(keep: Professional, merged: list[Professional]) -> tuple[str, ...]:
    filled = []
    for name in MERGE_FILLABLE_COLUMNS:
        if getattr(keep, name) is not None:
            continue
        value = next((getattr(p, name) for p in merged if getattr(p, name) is not None), None)
        if value is not None:
            setattr(keep, name, value)  # the e-mail validator keeps email_normalised in step
            filled.append(name)
    return tuple(filled)
