"""What makes an inquiry valid, whichever way it comes in (the desktop form, a file import, the
command line): `InquiryDraft` holds typed values, and `validate_inquiry` is a pure check that
returns every problem at once, so a form can mark all fields and an import report all lines.
Storing a draft is `services/inquiries.py`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypedDict

from sqlalchemy import RowMapping

from consultant_app.codes import Codes
from consultant_app.domain import Inquiry
from consultant_app.domain.people import looks_like_email
from consultant_app.domain.phone import BAD_PHONE, looks_like_phone
from consultant_app.errors import Problem
from consultant_app.i18n import Text
from consultant_app.services.professionals import (
    ProfessionalValues,
    stored_professional,
)

# A received date before the scheme's records began is a typing error (0224 for 2024).
EARLIEST_RECEIVED = date(2000, 1, 1)

REQUIRED_FIELDS = ("received_at", "region", "inquirer_type", "channel", "citizen_age_group", "trip_concern")
# Draft field -> the code list (codes.json) its value must come from.
CODE_FIELDS = {
    "region": "region",
    "inquirer_type": "inquirer_type",
    "municipal_department": "municipal_department",
    "channel": "channel",
    "citizen_age_group": "age_group",
    "citizen_gender": "gender",
    "consent": "consent",
    "trip_concern": "trip_concern",
    "kind": "kind",
    "closing_reason": "closing_reason",
}
CODE_LIST_FIELDS = {"reasons": "reason", "advice_types": "advice_type"}
PROFESSIONAL_FIELDS = (
    "professional_name",
    "professional_email",
    "professional_phone",
    "professional_organisation",
)
# The column sizes of the schema: longer text would be cut or refused by the database.
TEXT_LIMITS = {
    "external_ref": 64,
    "consultant": 200,
    "professional_name": 200,
    "professional_email": 254,
    "professional_phone": 40,
    "professional_organisation": 200,
}
# Draft fields stored as Inquiry columns of the same name.


class InquiryColumns(TypedDict):
    """The Inquiry columns a draft sets (the professional and consultant are linked apart)."""

    external_ref: str | None
    received_at: datetime | None
    region: str | None
    municipality_code: str | None
    inquirer_type: str | None
    municipal_department: str | None
    inquirer_other_note: str | None
    channel: str | None
    citizen_age_group: str | None
    citizen_gender: str | None
    consent: str
    trip_concern: str | None
    kind: str
    closed_on: date | None
    closing_reason: str | None
    notes: str | None


INQUIRY_COLUMNS: tuple[str, ...] = tuple(InquiryColumns.__annotations__)


def stored_columns(values: Mapping[str, Any] | RowMapping) -> InquiryColumns:
    """The Inquiry columns out of a stored row (values as the database gave them)."""
    return InquiryColumns(
        external_ref=values["external_ref"],
        received_at=values["received_at"],
        region=values["region"],
        municipality_code=values["municipality_code"],
        inquirer_type=values["inquirer_type"],
        municipal_department=values["municipal_department"],
        inquirer_other_note=values["inquirer_other_note"],
        channel=values["channel"],
        citizen_age_group=values["citizen_age_group"],
        citizen_gender=values["citizen_gender"],
        consent=values["consent"],
        trip_concern=values["trip_concern"],
        kind=values["kind"],
        closed_on=values["closed_on"],
        closing_reason=values["closing_reason"],
        notes=values["notes"],
    )


_MULTILINE_FIELDS = ("notes", "inquirer_other_note")

REQUIRED = Text(da="skal udfyldes", en="is required")
UNKNOWN_CODE = Text(
    da="ukendt værdi; gyldige værdier: {allowed}", en="unknown value; valid values: {allowed}"
)
IN_FUTURE = Text(da="datoen ligger i fremtiden", en="the date is in the future")
TOO_EARLY = Text(da="datoen ligger før {earliest}", en="the date is before {earliest}")
CLOSED_BEFORE_RECEIVED = Text(
    da="lukkedatoen ligger før modtagelsesdatoen ({received})",
    en="the closing date is before the received date ({received})",
)
UNKNOWN_MUNICIPALITY = Text(
    da="ukendt kommune; brug den 3-cifrede kommunekode", en="unknown municipality; use the 3-digit code"
)
WRONG_REGION = Text(
    da="{municipality} ligger i region {municipality_region}, ikke i {region}",
    en="{municipality} lies in region {municipality_region}, not in {region}",
)
DEPARTMENT_NOT_KOMMUNE = Text(
    da="en forvaltning kan kun angives, når henvenderen er en kommune",
    en="a department can only be given when the inquirer is a municipality",
)
CLOSING_REASON_NOT_CLOSED = Text(
    da="en afslutningsårsag kræver en lukkedato", en="a closing reason needs a closing date"
)
TOO_LONG = Text(da="højst {limit} tegn (her {length})", en="at most {limit} characters (here {length})")
NAME_NEEDED = Text(
    da="fagpersonens navn skal udfyldes, når e-mail, telefon eller organisation er angivet",
    en="the professional's name is required when an e-mail, phone or organisation is given",
)
BAD_EMAIL = Text(da="ikke en gyldig e-mailadresse", en="not a valid e-mail address")
REF_TAKEN = Text(
    da="referencen bruges allerede af en anden henvendelse",
    en="the reference is already used by another inquiry",
)
# Only when a reference was given by hand (or a file) in this vault's own format.
OWN_REF_TAKEN = Text(
    da="referencen, henvendelsen ellers ville få, bruges allerede af en anden henvendelse; angiv en reference",
    en="the reference the inquiry would be given is already used by another inquiry; give it a reference",
)


@dataclass(frozen=True)
class InquiryDraft:
    """What a form or a file row says about one inquiry, before it is checked and stored."""

    received_at: datetime | None = None
    region: str | None = None
    inquirer_type: str | None = None
    channel: str | None = None
    citizen_age_group: str | None = None
    trip_concern: str | None = None
    external_ref: str | None = None
    municipality_code: str | None = None
    municipal_department: str | None = None
    inquirer_other_note: str | None = None
    citizen_gender: str | None = None
    consent: str = "anonym"
    kind: str = "enkelt"
    reasons: tuple[str, ...] = ()
    advice_types: tuple[str, ...] = ()
    closed_on: date | None = None
    closing_reason: str | None = None
    notes: str | None = None
    consultant: str | None = None
    professional_name: str | None = None
    professional_email: str | None = None
    professional_phone: str | None = None
    professional_organisation: str | None = None

    def normalised(self) -> "InquiryDraft":
        """Single-line text trimmed, blank text as not given, lists without repeats."""
        values = dict(vars(self))  # not dataclasses.replace: an import calls this 100 000 times
        for name, value in values.items():
            if not isinstance(value, str):
                continue
            if name in _MULTILINE_FIELDS:
                # Free text keeps its own spacing: an export must read back byte for byte.
                values[name] = value if value.strip() else None
            else:
                values[name] = value.strip() or None
        values["reasons"] = tuple(dict.fromkeys(self.reasons))
        values["advice_types"] = tuple(dict.fromkeys(self.advice_types))
        values["consent"] = values["consent"] or "anonym"
        values["kind"] = values["kind"] or "enkelt"
        return InquiryDraft(**values)

    @property
    def has_professional(self) -> bool:
        return any(getattr(self, name) for name in PROFESSIONAL_FIELDS)

    def inquiry_values(self) -> InquiryColumns:
        """The Inquiry columns this draft sets (the professional and consultant are linked apart)."""
        return InquiryColumns(
            external_ref=self.external_ref,
            received_at=self.received_at,
            region=self.region,
            municipality_code=self.municipality_code,
            inquirer_type=self.inquirer_type,
            municipal_department=self.municipal_department,
            inquirer_other_note=self.inquirer_other_note,
            channel=self.channel,
            citizen_age_group=self.citizen_age_group,
            citizen_gender=self.citizen_gender,
            consent=self.consent,
            trip_concern=self.trip_concern,
            kind=self.kind,
            closed_on=self.closed_on,
            closing_reason=self.closing_reason,
            notes=self.notes,
        )

    @classmethod
    def from_stored(
        cls,
        columns: InquiryColumns,
        consultant: str | None,
        reasons: Iterable[str],
        advice_types: Iterable[str],
        professional: ProfessionalValues | None,
    ) -> "InquiryDraft":
        """A draft of a stored inquiry: its columns, codes and linked professional's details."""
        return cls(
            **columns,
            consultant=consultant,
            reasons=tuple(reasons),
            advice_types=tuple(advice_types),
            professional_name=professional["name"] if professional else None,
            professional_email=professional["email"] if professional else None,
            professional_phone=professional["phone"] if professional else None,
            professional_organisation=professional["organisation_name"] if professional else None,
        )

    @classmethod
    def from_inquiry(cls, inquiry: Inquiry) -> "InquiryDraft":
        pro = inquiry.professional
        return cls.from_stored(
            stored_columns({name: getattr(inquiry, name) for name in INQUIRY_COLUMNS}),
            inquiry.consultant,
            inquiry.reason_codes,
            inquiry.advice_codes,
            stored_professional(pro) if pro else None,
        )


# --- validation ---------------------------------------------------------------------------


def validate_inquiry(
    draft: InquiryDraft, codes: Codes, today: date, *, check_phone: bool = True
) -> list[Problem]:
    """Every problem with the draft (empty when it can be stored). Pure: no database.
    `check_phone=False` for a file: it carries numbers as an earlier version stored them (typed
    before numbers were checked), and an export must import again; a form checks what is typed."""
    return [
        *_required(draft),
        *_codes(draft, codes),
        *_dates(draft, today),
        *_municipality(draft, codes),
        *_department(draft),
        *_lengths(draft),
        *_professional(draft, check_phone),
    ]


def _required(draft: InquiryDraft) -> list[Problem]:
    return [Problem(name, "", REQUIRED) for name in REQUIRED_FIELDS if getattr(draft, name) is None]


def _allowed(codes: Codes, list_name: str) -> tuple[tuple[str, object], ...]:
    return (("allowed", ", ".join(codes[list_name].values())),)


def _codes(draft: InquiryDraft, codes: Codes) -> list[Problem]:
    problems = []
    for name, list_name in CODE_FIELDS.items():
        value = getattr(draft, name)
        if value is not None and value not in codes[list_name]:
            problems.append(Problem(name, value, UNKNOWN_CODE, _allowed(codes, list_name)))
    for name, list_name in CODE_LIST_FIELDS.items():
        for value in getattr(draft, name):
            if value not in codes[list_name]:
                problems.append(Problem(name, value, UNKNOWN_CODE, _allowed(codes, list_name)))
    return problems


def _dates(draft: InquiryDraft, today: date) -> list[Problem]:
    problems = []
    received = draft.received_at.date() if draft.received_at else None
    for name, day in (("received_at", received), ("closed_on", draft.closed_on)):
        if day is None:
            continue
        if day > today:
            problems.append(Problem(name, day, IN_FUTURE))
        elif day < EARLIEST_RECEIVED:
            problems.append(Problem(name, day, TOO_EARLY, (("earliest", EARLIEST_RECEIVED),)))
    if received and draft.closed_on and draft.closed_on < received:
        problems.append(
            Problem("closed_on", draft.closed_on, CLOSED_BEFORE_RECEIVED, (("received", received),))
        )
    if draft.closing_reason and draft.closed_on is None:
        problems.append(Problem("closing_reason", draft.closing_reason, CLOSING_REASON_NOT_CLOSED))
    return problems


def _municipality(draft: InquiryDraft, codes: Codes) -> list[Problem]:
    code = draft.municipality_code
    if code is None:
        return []
    municipality = codes.municipality(code) if code.isdigit() and len(code) == 3 else None
    if municipality is None:
        return [Problem("municipality_code", code, UNKNOWN_MUNICIPALITY)]
    if draft.region in codes["region"] and municipality.region != draft.region:
        params = (
            ("municipality", municipality.name),
            ("municipality_region", municipality.region),
            ("region", draft.region),
        )
        return [Problem("municipality_code", code, WRONG_REGION, params)]
    return []


def _department(draft: InquiryDraft) -> list[Problem]:
    if draft.municipal_department and draft.inquirer_type != "kommune":
        return [Problem("municipal_department", draft.municipal_department, DEPARTMENT_NOT_KOMMUNE)]
    return []


def _lengths(draft: InquiryDraft) -> list[Problem]:
    problems = []
    for name, limit in TEXT_LIMITS.items():
        value = getattr(draft, name)
        if value is not None and len(value) > limit:
            problems.append(Problem(name, value, TOO_LONG, (("limit", limit), ("length", len(value)))))
    return problems


def _professional(draft: InquiryDraft, check_phone: bool) -> list[Problem]:
    problems = []
    if draft.has_professional and not draft.professional_name:
        problems.append(Problem("professional_name", "", NAME_NEEDED))
    email = draft.professional_email
    if email is not None and not looks_like_email(email):
        problems.append(Problem("professional_email", email, BAD_EMAIL))
    phone = draft.professional_phone
    if check_phone and phone is not None and not looks_like_phone(phone):
        problems.append(Problem("professional_phone", phone, BAD_PHONE))
    return problems
