"""The directory of professionals (fagpersoner): list, search, edit, every contact, duplicates.

Plain rows for a screen or the command line. `ProfessionalRow.matches` is the search (every
word of the query in the name, e-mail or organisation, whatever the case);
`update_professional` validates with `validate_professional` and raises `ValidationError` with
every problem at once. `likely_duplicates` suggests whom to merge (services/professionals.py).
"""

from dataclasses import dataclass, fields
from datetime import datetime
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from consultant_app.codes import Codes, fold, load_codes
from consultant_app.domain import Contact, Inquiry, Professional
from consultant_app.domain.case_code import case_code
from consultant_app.domain.people import looks_like_email
from consultant_app.domain.phone import looks_like_phone
from consultant_app.errors import NotFoundError, Problem, ValidationError
from consultant_app.i18n import Text
from consultant_app.storage import audit

SAME_EMAIL = "email"
SAME_NAME_PHONE = "name_phone"

# The column sizes of the schema.
TEXT_LIMITS = {"name": 200, "organisation_name": 200, "email": 254, "phone": 40}

PROFESSIONAL = Text(da="Fagpersonen", en="The professional")
NAME_REQUIRED = Text(da="Navnet skal udfyldes.", en="The name is required.")
BAD_EMAIL = Text(
    da="Det ligner ikke en e-mailadresse (fx navn@kommune.dk).",
    en="This does not look like an e-mail address (e.g. name@municipality.dk).",
)
BAD_PHONE = Text(
    da="Det ligner ikke et telefonnummer (fx 12 34 56 78, eller +46 70 123 45 67 for et udenlandsk).",
    en="That does not look like a telephone number (e.g. 12 34 56 78, or +46 70 123 45 67 for a foreign one).",
)
UNKNOWN_MUNICIPALITY = Text(
    da="Ukendt kommune: vælg en af de 98 kommuner, eller skriv den 3-cifrede kommunekode.",
    en="Unknown municipality: choose one of the 98 municipalities, or type the 3-digit code.",
)
UNKNOWN_ORGANISATION_TYPE = Text(
    da="Ukendt organisationstype; gyldige værdier: {allowed}.",
    en="Unknown organisation type; valid values: {allowed}.",
)
TOO_LONG = Text(da="Højst {limit} tegn (her {length}).", en="At most {limit} characters (here {length}).")


@dataclass(frozen=True)
class ProfessionalRow:
    id: int
    name: str
    organisation_type: str | None
    organisation_name: str | None
    municipality_code: str | None
    email: str | None
    phone: str | None
    contacts: int = 0
    last_contact_at: datetime | None = None  # local wall time, as contacts are stored

    @cached_property
    def _haystack(self) -> str:
        return fold(" ".join(v for v in (self.name, self.email, self.organisation_name) if v))

    def matches(self, query: str) -> bool:
        """Every word of the query occurs in the name, e-mail or organisation name."""
        return all(word in self._haystack for word in fold(query).split())


@dataclass(frozen=True)
class ProfessionalEdit:
    """What the form says; blank text means not given. The municipality may be a code or a name."""

    name: str | None = None
    organisation_type: str | None = None
    organisation_name: str | None = None
    municipality_code: str | None = None
    email: str | None = None
    phone: str | None = None

    def normalised(self) -> "ProfessionalEdit":
        values = {}
        for f in fields(self):
            value = getattr(self, f.name)
            values[f.name] = " ".join(value.split()) or None if isinstance(value, str) else None
        return ProfessionalEdit(**values)


@dataclass(frozen=True)
class ContactRow:
    id: int
    occurred_at: datetime  # local wall time
    channel: str
    inquiry_id: int | None
    case_code: str | None
    is_intake: bool


@dataclass(frozen=True)
class DuplicateCandidate:
    professional_id: int
    name: str
    organisation_name: str | None
    email: str | None
    phone: str | None
    contacts: int


@dataclass(frozen=True)
class DuplicateSuggestion:
    """Professionals who are probably one person, and why (SAME_EMAIL, SAME_NAME_PHONE). The
    first member, the oldest, is the one to keep: linking new inquiries prefers the lowest id."""

    reasons: tuple[str, ...]
    members: tuple[DuplicateCandidate, ...]

    @property
    def keep_id(self) -> int:
        return self.members[0].professional_id


# --- reading ------------------------------------------------------------------------------


def list_professionals(session: Session) -> list[ProfessionalRow]:
    """Every professional with the number of contacts and the latest one, by name."""
    counts = (
        select(
            Contact.professional_id.label("pid"),
            func.count().label("contacts"),
            func.max(Contact.occurred_at).label("last"),
        )
        .group_by(Contact.professional_id)
        .subquery()
    )
    query = select(
        *_columns(),
        func.coalesce(counts.c.contacts, 0).label("contacts"),
        counts.c.last.label("last_contact_at"),
    ).outerjoin(counts, counts.c.pid == Professional.id)
    # Each column is labelled with its field's name.
    rows = [ProfessionalRow(**row._mapping) for row in session.execute(query)]
    return sorted(rows, key=lambda r: (fold(r.name), r.id))


def open_professional(session: Session, professional_id: int) -> tuple[ProfessionalRow, list[ContactRow]]:
    """One professional and every contact with them, newest first. Recorded as a view."""
    row = _row(session, professional_id)
    query = (
        select(Contact, Inquiry.received_at)
        .outerjoin(Inquiry, Contact.inquiry_id == Inquiry.id)
        .where(Contact.professional_id == professional_id)
        .order_by(Contact.occurred_at.desc(), Contact.id.desc())
    )
    contacts = [
        ContactRow(
            c.id,
            c.occurred_at,
            c.channel,
            c.inquiry_id,
            case_code(received, c.inquiry_id) if c.inquiry_id is not None else None,
            c.is_intake,
        )
        for c, received in session.execute(query)
    ]
    audit.record(session, "view", "professional", professional_id)
    return row, contacts


def _columns() -> tuple[
    InstrumentedAttribute[int],
    InstrumentedAttribute[str],
    InstrumentedAttribute[str | None],
    InstrumentedAttribute[str | None],
    InstrumentedAttribute[str | None],
    InstrumentedAttribute[str | None],
    InstrumentedAttribute[str | None],
]:
    """ProfessionalRow's own fields, in its order."""
    return (
        Professional.id,
        Professional.name,
        Professional.organisation_type,
        Professional.organisation_name,
        Professional.municipality_code,
        Professional.email,
        Professional.phone,
    )


def _row(session: Session, professional_id: int) -> ProfessionalRow:
    found = session.execute(select(*_columns()).where(Professional.id == professional_id)).first()
    if found is None:
        raise NotFoundError(what=PROFESSIONAL.render(), id=professional_id)
    count, last = session.execute(
        select(func.count(), func.max(Contact.occurred_at)).where(Contact.professional_id == professional_id)
    ).one()
    return ProfessionalRow(*found, contacts=count, last_contact_at=last)


# --- editing ------------------------------------------------------------------------------


def validate_professional(edit: ProfessionalEdit, codes: Codes) -> list[Problem]:
    """Every problem with a normalised edit (empty when it can be stored). Pure."""
    problems = []
    if not edit.name:
        problems.append(Problem("name", "", NAME_REQUIRED))
    if edit.email is not None and not looks_like_email(edit.email):
        problems.append(Problem("email", edit.email, BAD_EMAIL))
    if edit.phone is not None and not looks_like_phone(edit.phone):
        problems.append(Problem("phone", edit.phone, BAD_PHONE))
    if edit.municipality_code is not None and _municipality(edit.municipality_code, codes) is None:
        problems.append(Problem("municipality_code", edit.municipality_code, UNKNOWN_MUNICIPALITY))
    types = codes["inquirer_type"]
    if edit.organisation_type is not None and edit.organisation_type not in types:
        allowed = (("allowed", ", ".join(types.values())),)
        problems.append(
            Problem("organisation_type", edit.organisation_type, UNKNOWN_ORGANISATION_TYPE, allowed)
        )
    for name, limit in TEXT_LIMITS.items():
        value = getattr(edit, name)
        if value is not None and len(value) > limit:
            params = (("limit", limit), ("length", len(value)))
            problems.append(Problem(name, value, TOO_LONG, params))
    return problems


def _municipality(text: str, codes: Codes) -> str | None:
    if text.isdigit() and len(text) > 3:
        return None
    found = codes.municipality(text)
    return found.code if found else None


def update_professional(session: Session, professional_id: int, edit: ProfessionalEdit) -> ProfessionalRow:
    """Validate and store the edit. Only changed fields are written (and audited, by name)."""
    professional = session.get(Professional, professional_id)
    if professional is None:
        raise NotFoundError(what=PROFESSIONAL.render(), id=professional_id)
    edit = edit.normalised()
    codes = load_codes()
    problems = validate_professional(edit, codes)
    if problems:
        raise ValidationError(problems)
    values = vars(edit) | {
        "municipality_code": _municipality(edit.municipality_code, codes) if edit.municipality_code else None
    }
    for name, value in values.items():
        if getattr(professional, name) != value:
            setattr(professional, name, value)
    session.flush()
    return _row(session, professional_id)


# --- suggestions: the same person entered twice ---------------------------------------------


def fold_name(name: str | None) -> str:
    return " ".join(fold(name).split()) if name else ""


def phone_key(phone: str | None) -> str | None:
    """Digits only, without the Danish country code: "+45 12 34 56 78" == "12345678"."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == 10 and digits.startswith("45"):
        digits = digits[2:]
    return digits or None


def likely_duplicates(session: Session) -> list[DuplicateSuggestion]:
    """Groups of professionals who share a normalised e-mail, or the same name and phone."""
    rows = {r.id: r for r in list_professionals(session)}
    emails = dict(session.execute(select(Professional.id, Professional.email_normalised)).all())
    groups = _Groups()
    first_with: dict[tuple[str, object], int] = {}
    for pid in sorted(rows):
        keys: list[tuple[str, object]] = []
        if emails.get(pid):
            keys.append((SAME_EMAIL, emails[pid]))
        phone = phone_key(rows[pid].phone)
        if phone:
            keys.append((SAME_NAME_PHONE, (fold_name(rows[pid].name), phone)))
        for key in keys:
            first = first_with.setdefault(key, pid)
            if first != pid:
                groups.join(first, pid, key[0])
    suggestions = []
    for ids, reasons in groups.result():
        members = tuple(
            DuplicateCandidate(
                i, rows[i].name, rows[i].organisation_name, rows[i].email, rows[i].phone, rows[i].contacts
            )
            for i in ids
        )
        suggestions.append(DuplicateSuggestion(tuple(sorted(reasons)), members))
    return sorted(suggestions, key=lambda s: (fold_name(s.members[0].name), s.keep_id))


class _Groups:
    """Union-find over professional ids, remembering why two were joined."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}
        self._reasons: dict[int, set[str]] = {}

    def _root(self, i: int) -> int:
        self._parent.setdefault(i, i)
        while self._parent[i] != i:
            i = self._parent[i]
        return i

    def join(self, a: int, b: int, reason: str) -> None:
        ra, rb = self._root(a), self._root(b)
        low, high = min(ra, rb), max(ra, rb)
        reasons = self._reasons.setdefault(low, set())
        reasons.add(reason)
        if high != low:
            self._parent[high] = low
            reasons.update(self._reasons.pop(high, ()))

    def result(self) -> list[tuple[list[int], set[str]]]:
        members: dict[int, list[int]] = {}
        for i in sorted(self._parent):
            members.setdefault(self._root(i), []).append(i)
        return [(ids, self._reasons.get(root, set())) for root, ids in members.items() if len(ids) > 1]
