"""The right of access (GDPR art. 15, indsigtsret): everything held about one citizen, with its log.

`subject_access_report` gathers, as plain data with Danish keys, the citizen record and every
inquiry linked to them with all its fields, reasons, advice, contacts (with the professional's
name and organisation), notes, follow-ups, risk assessments (with ratings and measures) and
drafts (input kept at lock, not yet saved; a draft of a new inquiry has no case and is not here),
together with the access log: every audit event on those records, and the events that touched
all records of a kind (an export of all inquiries) after the first of them was stored.

Every column is listed by name in `FIELDS`; a test fails when a table gains a column that the
report leaves out. Nothing is read by a join that could reach another citizen: records are
selected by this citizen's id and by the ids of their own inquiries.

`write_subject_access` (subject_access_file.py) writes one file: JSON (.json, for systems and
for the record), or a readable text rendering (any other suffix, e.g. .md or .txt).
"""

__all__ = [
    "CitizenChoice",
    "export_subject_access",
    "find_citizens",
    "subject_access_report",
    "write_subject_access",
]

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from consultant_app.codes import fold
from consultant_app.domain import (
    AuditEvent,
    Citizen,
    Contact,
    Draft,
    FollowUp,
    Inquiry,
    Note,
    Professional,
    Profile,
    RiskAssessment,
)
from consultant_app.domain.base import utcnow
from consultant_app.domain.case_code import case_code
from consultant_app.errors import NotFoundError
from consultant_app.i18n import Text
from consultant_app.risk.instruments import InstrumentNotFoundError, default_library
from consultant_app.services.audit_log import about_records, records_of_inquiries
from consultant_app.services.drafts import drafts_of_inquiries
from consultant_app.services.subject_access_file import file_format, write_subject_access
from consultant_app.storage import audit

CITIZEN = Text(da="Borgeren", en="The citizen")
CONFIDENTIAL = (
    "Fortroligt. Filen indeholder personoplysninger, som kan være følsomme, og den er ikke krypteret: "
    "opbevar og send den sikkert, gennemgå den før udlevering, og slet den, når den ikke skal bruges mere."
)
FORMAT_VERSION = 1
TITLE = "Indsigt i personoplysninger (databeskyttelsesforordningens artikel 15)"
EXPLANATION = (
    "Alle oplysninger, som sikkerhedskonsulentens program har registreret om borgeren, og "
    "adgangsloggen: hvornår oplysningerne er oprettet, ændret, vist, udskrevet eller udleveret. "
    "Loggen viser aldrig indholdet af en ændring, kun hvilke felter der blev ændret. "
    "Tidspunkter mærket 'Z' eller 'UTC' er i UTC; øvrige tidspunkter er dansk tid, som de blev indtastet. "
    "Udleveringen af denne fil er selv registreret i loggen, men står ikke i filen."
)
_TIMESTAMPS = {"created_at": "oprettet", "updated_at": "ændret"}
# Table -> column -> Danish key. Every column of these tables (a test checks it).
FIELDS: dict[type, dict[str, str]] = {
    Citizen: {
        "id": "id",
        "pseudonym": "pseudonym",
        "full_name": "fulde_navn",
        "cpr": "cpr_nummer",
        "note": "note",
        **_TIMESTAMPS,
    },
    Inquiry: {
        "id": "id",
        "external_ref": "reference",
        "received_at": "modtaget",
        "consultant": "konsulent",
        "region": "region",
        "municipality_code": "kommunekode",
        "inquirer_type": "henvendertype",
        "municipal_department": "forvaltning",
        "inquirer_other_note": "henvender_andet_note",
        "channel": "kanal",
        "professional_id": "fagperson_id",
        "citizen_id": "borger_id",
        "citizen_age_group": "aldersgruppe",
        "citizen_gender": "køn",
        "consent": "samtykke",
        "trip_concern": "genopdragelsesrejse",
        "kind": "henvendelsesart",
        "closed_on": "lukket_dato",
        "closing_reason": "afslutningsårsag",
        "notes": "noter",
        "origin_submitter": "oprindelse_boks",
        "origin_id": "oprindelse_id",
        "origin_code": "oprindelse_sagskode",
        "taken_over_at": "overtaget",
        "handed_over_to": "overdraget_til",
        "handed_over_at": "overdraget",
        "erased_at": "slettet",
        **_TIMESTAMPS,
    },
    Contact: {
        "id": "id",
        "professional_id": "fagperson_id",
        "inquiry_id": "henvendelse_id",
        "occurred_at": "tidspunkt",
        "channel": "kanal",
        "is_intake": "henvendelsens_første_kontakt",
        "summary": "resumé",
        **_TIMESTAMPS,
    },
    Note: {"id": "id", "inquiry_id": "henvendelse_id", "text": "tekst", **_TIMESTAMPS},
    FollowUp: {
        "id": "id",
        "inquiry_id": "henvendelse_id",
        "type": "opfølgningstype",
        "due_on": "frist",
        "snoozed_until": "udsat_til",
        "done_at": "udført",
        "note": "note",
        "risk_measure_id": "sikkerhedstiltag_id",
        "risk_assessment_id": "risikovurdering_id",
        **_TIMESTAMPS,
    },
    RiskAssessment: {
        "id": "id",
        "inquiry_id": "henvendelse_id",
        "previous_id": "forrige_vurdering_id",
        "instrument_id": "instrument",
        "instrument_version": "instrumentversion",
        "status": "status",
        "assessed_on": "vurderingsdato",
        "assessor": "vurderet_af",
        "sources": "kilder",
        "missing_information": "manglende_oplysninger",
        "protective_factors": "beskyttende_faktorer",
        "scenarios": "risikoscenarier",
        "serious_violence": "risiko_for_alvorlig_vold",
        "imminent_risk": "akut_risiko",
        "screening_override": "screening_tilsidesat_til",
        "screening_override_reason": "begrundelse_for_tilsidesættelse",
        "next_review_on": "næste_revurdering",
        "shared_with": "delt_med",
        "shared_basis": "grundlag_for_deling",
        "finalised_at": "afsluttet",
        **_TIMESTAMPS,
    },
}
FIELDS[Draft] = {
    "id": "id",
    "kind": "formular",
    "inquiry_id": "henvendelse_id",
    "record_id": "post_id",
    "content": "indhold",
    **_TIMESTAMPS,
}
RATING_FIELDS = {
    "id": "id",
    "assessment_id": "risikovurdering_id",
    "item_id": "faktor",
    "now": "nu",
    "earlier": "tidligere",
    "note": "note",
}
MEASURE_FIELDS = {
    "id": "id",
    "assessment_id": "risikovurdering_id",
    "position": "rækkefølge",
    "action": "tiltag",
    "responsible": "ansvarlig",
    "deadline": "frist",
    "follow_up_type": "opfølgningstype",
}
# Stored as naive UTC (everything else is the local wall time the user typed or chose).
UTC_COLUMNS = frozenset({"created_at", "updated_at", "done_at", "finalised_at"})
# Kinds of record whose "all of them" events (entity id empty) may have included this citizen's.
_BULK_KINDS = ("citizen", "inquiry", "contact", "note", "follow_up", "risk_assessment", "draft")


def subject_access_report(session: Session, citizen_id: int, *, now: datetime | None = None) -> dict:
    """Everything held about the citizen and their access log, as JSON-ready data."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFoundError(what=CITIZEN.render(), id=citizen_id)
    inquiries = session.scalars(
        select(Inquiry).where(Inquiry.citizen_id == citizen_id).order_by(Inquiry.received_at, Inquiry.id)
    ).all()
    profile = session.get(Profile, 1)
    return {
        "om_rapporten": {
            "titel": TITLE,
            "formatversion": FORMAT_VERSION,
            "dannet": _value("created_at", now or utcnow()),
            "registreret_af": profile.name if profile else None,
            "fortrolighed": CONFIDENTIAL,
            "forklaring": EXPLANATION,
        },
        "borger": _record(citizen, FIELDS[Citizen]),
        "henvendelser": [_inquiry(session, inquiry) for inquiry in inquiries],
        "adgangslog": _access_log(session, citizen, inquiries),
    }


def export_subject_access(session: Session, citizen_id: int, path: Path | str) -> Path:
    """Gather, audit (an export of the citizen, by format only) and write, in one unit of work.
    The audit line is stored before the file is written, so no file leaves without one; a write
    that fails takes the line back with the transaction."""
    path = Path(path)
    report = subject_access_report(session, citizen_id)
    audit.record(session, "export", "citizen", citizen_id, f"subject_access format={file_format(path)}")
    session.flush()
    write_subject_access(report, path)
    return path


# --- gathering ----------------------------------------------------------------------------


def _value(column: str, value: object) -> object:
    if isinstance(value, datetime):
        text = value.isoformat(timespec="seconds")
        return text + "Z" if column in UTC_COLUMNS else text
    if isinstance(value, date):
        return value.isoformat()
    return value


def _record(obj: object, fields: dict[str, str]) -> dict:
    return {key: _value(column, getattr(obj, column)) for column, key in fields.items()}


def _professional(session: Session, professional_id: int | None) -> dict | None:
    if professional_id is None:
        return None
    found = session.execute(
        select(Professional.name, Professional.organisation_name).where(Professional.id == professional_id)
    ).first()
    return {"navn": found.name, "organisation": found.organisation_name} if found else None


def _inquiry(session: Session, inquiry: Inquiry) -> dict:
    data = _record(inquiry, FIELDS[Inquiry])
    data["sagskode"] = inquiry.case_code
    data["fagperson"] = _professional(session, inquiry.professional_id)
    data["årsager"] = inquiry.reason_codes
    data["rådgivning"] = inquiry.advice_codes
    contacts = sorted(inquiry.contacts, key=lambda c: (c.occurred_at, c.id))
    data["kontakter"] = [
        _record(c, FIELDS[Contact]) | {"fagperson": _professional(session, c.professional_id)}
        for c in contacts
    ]
    data["notater"] = [_record(n, FIELDS[Note]) for n in inquiry.case_notes]
    follow_ups = sorted(inquiry.follow_ups, key=lambda f: (f.due_on, f.id))
    data["opfølgninger"] = [_record(f, FIELDS[FollowUp]) for f in follow_ups]
    assessments = session.scalars(
        select(RiskAssessment)
        .where(RiskAssessment.inquiry_id == inquiry.id)
        .order_by(RiskAssessment.assessed_on, RiskAssessment.id)
    ).all()
    data["risikovurderinger"] = [_assessment(a) for a in assessments]
    # Input kept when the app locked, not yet saved to the case: held, so it is shown.
    data["kladder"] = [
        _record(d, FIELDS[Draft]) | {"indhold": json.loads(d.content)}
        for d in drafts_of_inquiries(session, {inquiry.id})
    ]
    return data


def _assessment(assessment: RiskAssessment) -> dict:
    labels = _item_labels(assessment.instrument_id, assessment.instrument_version)
    data = _record(assessment, FIELDS[RiskAssessment])
    data["faktorer"] = [
        _record(r, RATING_FIELDS) | {"faktor_tekst": labels.get(r.item_id)} for r in assessment.ratings
    ]
    data["sikkerhedstiltag"] = [_record(m, MEASURE_FIELDS) for m in assessment.measures]
    return data


def _item_labels(instrument_id: str, version: str) -> dict[str, str]:
    """The item wording of the version the assessment was made with (Danish), when installed."""
    try:
        instrument = default_library().get(instrument_id, version)
    except InstrumentNotFoundError:
        return {}
    return {item.id: item.label.da for item in instrument.items}


def _access_log(session: Session, citizen: Citizen, inquiries: Sequence[Inquiry]) -> list[dict]:
    records = records_of_inquiries(session, [i.id for i in inquiries])
    records["citizen"] = {citizen.id}
    first_stored = min([citizen.created_at, *(i.created_at for i in inquiries)])
    bulk = and_(
        AuditEvent.entity.in_(_BULK_KINDS), AuditEvent.entity_id.is_(None), AuditEvent.at >= first_stored
    )
    events = session.scalars(
        select(AuditEvent).where(about_records(records) | bulk).order_by(AuditEvent.at, AuditEvent.id)
    )
    return [
        {
            "tidspunkt": _value("created_at", e.at),
            "handling": e.action,
            "post": e.entity,
            "post_id": e.entity_id,
            "detaljer": e.detail,
        }
        for e in events
    ]


# --- choosing the citizen -----------------------------------------------------------------


@dataclass(frozen=True)
class CitizenChoice:
    """A citizen as the consultant tells them apart: many share initials, so their cases too."""

    id: int
    pseudonym: str
    case_codes: tuple[str, ...]  # newest first


def find_citizens(session: Session, search: str = "", *, limit: int = 200) -> list[CitizenChoice]:
    """Citizens whose pseudonym contains every word of `search` (whatever the case), or the
    citizen of the case whose code is typed ("2024-00042"); by pseudonym."""
    year, dash, number = search.strip().partition("-")
    if dash and len(year) == 4 and year.isdigit() and number.isdigit():
        statement = select(Citizen.id, Citizen.pseudonym, Inquiry.received_at).join(
            Inquiry, Inquiry.citizen_id == Citizen.id
        )
        rows = session.execute(statement.where(Inquiry.id == int(number)))
        matches = [(row.id, row.pseudonym) for row in rows if row.received_at.year == int(year)]
    else:
        words = fold(search).split()
        everyone = session.execute(select(Citizen.id, Citizen.pseudonym))
        matches = [
            (row.id, row.pseudonym) for row in everyone if all(w in fold(row.pseudonym) for w in words)
        ]
    found = sorted(matches, key=lambda match: (fold(match[1]), match[0]))[:limit]
    cases: dict[int, list[str]] = {citizen_id: [] for citizen_id, _pseudonym in found}
    if cases:
        inquiries = session.execute(
            select(Inquiry.citizen_id, Inquiry.id, Inquiry.received_at)
            .where(Inquiry.citizen_id.in_(cases))
            .order_by(Inquiry.received_at.desc(), Inquiry.id.desc())
        )
        for citizen_id, inquiry_id, received in inquiries:
            if citizen_id is not None:  # always: the query asks for these citizens' inquiries
                cases[citizen_id].append(case_code(received, inquiry_id))
    return [CitizenChoice(citizen_id, pseudonym, tuple(cases[citizen_id])) for citizen_id, pseudonym in found]
