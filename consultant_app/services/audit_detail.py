"""An audit line's detail as the user reads it, in the interface language.

The trail stores a terse, language-free detail (`storage/audit.py`: changed field names, a file
kind, counts, a key fingerprint; never a value), so that it can be read in either language later
and compared by a program. This turns it into words: "notes,region" → "Noter, Region";
"stats monthly 2026-01..2026-06 pdf protected file" → "Månedsstatistik 2026-01–2026-06, PDF,
små tal skjult, fil". A detail no rule knows is shown as stored, never dropped.
"""

import re
from collections.abc import Callable

from consultant_app.i18n import Text

# Column name -> label, for every column of every audited table (a test keeps it complete).
FIELD_LABELS: dict[str, Text] = {
    "action": Text(da="Handling", en="Action"),
    "assessed_on": Text(da="Vurderet den", en="Assessed on"),
    "assessment_id": Text(da="Risikovurdering", en="Risk assessment"),
    "assessor": Text(da="Vurderet af", en="Assessor"),
    "attempts": Text(da="Forsøg", en="Attempts"),
    "ca_file": Text(da="CA-fil", en="CA file"),
    "campaign_id": Text(da="Kampagne", en="Campaign"),
    "channel": Text(da="Kanal", en="Channel"),
    "citizen_age_group": Text(da="Aldersgruppe", en="Age group"),
    "citizen_gender": Text(da="Køn", en="Gender"),
    "citizen_id": Text(da="Borger", en="Citizen"),
    "closed_on": Text(da="Afsluttet den", en="Closed on"),
    "closing_reason": Text(da="Afslutningsårsag", en="Closing reason"),
    "code": Text(da="Kode", en="Code"),
    "consent": Text(da="Samtykke", en="Consent"),
    "consultant": Text(da="Konsulent", en="Consultant"),
    "content": Text(da="Indhold", en="Content"),
    "cpr": Text(da="CPR-nummer", en="CPR number"),
    "deadline": Text(da="Frist", en="Deadline"),
    "default_region": Text(da="Standardregion", en="Default region"),
    "done_at": Text(da="Udført", en="Done"),
    "due_on": Text(da="Forfalder", en="Due on"),
    "earlier": Text(da="Tidligere", en="Earlier"),
    "email": Text(da="E-mail", en="E-mail"),
    "email_normalised": Text(da="E-mail (til sammenligning)", en="E-mail (for matching)"),
    "email_subject": Text(da="E-mailens emne", en="E-mail subject"),
    "email_text": Text(da="E-mailens tekst", en="E-mail text"),
    "endpoint": Text(da="Adresse", en="Endpoint"),
    "erased_at": Text(da="Slettet helt", en="Erased"),
    "external_ref": Text(da="Egen reference", en="Own reference"),
    "finalised_at": Text(da="Afsluttet", en="Finalised"),
    "folder": Text(da="Mappe", en="Folder"),
    "follow_up_type": Text(da="Opfølgningstype", en="Follow-up type"),
    "from_address": Text(da="Afsenderadresse", en="Sender address"),
    "from_name": Text(da="Afsendernavn", en="Sender name"),
    "full_name": Text(da="Fulde navn", en="Full name"),
    "handed_over_at": Text(da="Overdraget den", en="Handed over on"),
    "handed_over_to": Text(da="Overdraget til", en="Handed over to"),
    "host": Text(da="Server", en="Host"),
    "idempotency_key": Text(da="Pakkens nøgle", en="Package key"),
    "idle_lock_minutes": Text(da="Lås efter minutter", en="Lock after minutes"),
    "imminent_risk": Text(da="Umiddelbar risiko", en="Imminent risk"),
    "inquirer_other_note": Text(da="Henvender, anden", en="Inquirer, other"),
    "inquirer_type": Text(da="Henvendertype", en="Inquirer type"),
    "inquiry_id": Text(da="Henvendelse", en="Inquiry"),
    "instrument_id": Text(da="Skema", en="Instrument"),
    "instrument_version": Text(da="Skemaversion", en="Instrument version"),
    "is_intake": Text(da="Første kontakt", en="Intake"),
    "item_id": Text(da="Faktor", en="Item"),
    "keep": Text(da="Antal kopier", en="Copies kept"),
    "kind": Text(da="Type", en="Kind"),
    "language": Text(da="Sprog", en="Language"),
    "last_audit_id": Text(da="Seneste ændring", en="Last change"),
    "last_error": Text(da="Seneste fejl", en="Last error"),
    "last_good_at": Text(da="Seneste gode kopi", en="Last good copy"),
    "last_good_path": Text(da="Seneste gode kopis fil", en="Last good copy's file"),
    "last_sync_at": Text(da="Seneste synkronisering", en="Last sync"),
    "link": Text(da="Link", en="Link"),
    "method": Text(da="Metode", en="Method"),
    "missing_information": Text(da="Manglende oplysninger", en="Missing information"),
    "month": Text(da="Måned", en="Month"),
    "municipal_department": Text(da="Forvaltning", en="Department"),
    "municipality_code": Text(da="Kommune", en="Municipality"),
    "name": Text(da="Navn", en="Name"),
    "next_review_on": Text(da="Næste revurdering", en="Next review"),
    "note": Text(da="Bemærkning", en="Note"),
    "notes": Text(da="Noter", en="Notes"),
    "now": Text(da="Nu", en="Now"),
    "occurred_at": Text(da="Tidspunkt", en="Time"),
    "organisation_name": Text(da="Organisation", en="Organisation"),
    "organisation_type": Text(da="Organisationstype", en="Organisation type"),
    "origin_code": Text(da="Oprindelig sagskode", en="Original case code"),
    "origin_id": Text(da="Oprindeligt id", en="Original id"),
    "origin_submitter": Text(da="Oprindelig konsulent", en="Original consultant"),
    "password": Text(da="Adgangskode", en="Password"),
    "payload": Text(da="Indhold", en="Content"),
    "period_from": Text(da="Periode fra", en="Period from"),
    "period_to": Text(da="Periode til", en="Period to"),
    "phone": Text(da="Telefon", en="Phone"),
    "port": Text(da="Port", en="Port"),
    "position": Text(da="Rækkefølge", en="Position"),
    "previous_id": Text(da="Forrige vurdering", en="Previous assessment"),
    "professional_id": Text(da="Fagperson", en="Professional"),
    "protective_factors": Text(da="Beskyttende faktorer", en="Protective factors"),
    "proxy": Text(da="Proxy", en="Proxy"),
    "pseudonym": Text(da="Pseudonym", en="Pseudonym"),
    "public_key": Text(da="Offentlig nøgle", en="Public key"),
    "received_at": Text(da="Modtaget", en="Received"),
    "record_id": Text(da="Post", en="Record"),
    "recorded_at": Text(da="Registreret", en="Recorded"),
    "ref_prefix": Text(da="Referencepræfiks", en="Reference prefix"),
    "region": Text(da="Region", en="Region"),
    "responses": Text(da="Besvarelser", en="Responses"),
    "responsible": Text(da="Ansvarlig", en="Responsible"),
    "retention_years": Text(da="Opbevaring i år", en="Retention in years"),
    "risk_assessment_id": Text(da="Risikovurdering", en="Risk assessment"),
    "risk_measure_id": Text(da="Sikkerhedstiltag", en="Safety measure"),
    "scenarios": Text(da="Scenarier", en="Scenarios"),
    "screening_override": Text(da="Tilsidesat screening", en="Screening override"),
    "screening_override_reason": Text(da="Begrundelse for tilsidesættelse", en="Override reason"),
    "secret_key": Text(da="Hemmelig nøgle", en="Secret key"),
    "security": Text(da="Sikkerhed", en="Security"),
    "sent_at": Text(da="Sendt", en="Sent"),
    "serious_violence": Text(da="Alvorlig vold", en="Serious violence"),
    "shared_basis": Text(da="Hjemmel til deling", en="Basis for sharing"),
    "shared_with": Text(da="Delt med", en="Shared with"),
    "snoozed_until": Text(da="Udsat til", en="Snoozed until"),
    "sources": Text(da="Kilder", en="Sources"),
    "state": Text(da="Tilstand", en="State"),
    "status": Text(da="Status", en="Status"),
    "submitter_id": Text(da="Indsender-id", en="Submitter id"),
    "summary": Text(da="Resumé", en="Summary"),
    "taken_over_at": Text(da="Overtaget den", en="Taken over on"),
    "team": Text(da="Team", en="Team"),
    "text": Text(da="Tekst", en="Text"),
    "token": Text(da="Adgangsnøgle", en="Token"),
    "trip_concern": Text(da="Bekymring for udrejse", en="Trip concern"),
    "type": Text(da="Type", en="Type"),
    "username": Text(da="Brugernavn", en="User name"),
    "version": Text(da="Version", en="Version"),
    "written": Text(da="Skrevet", en="Written"),
    # Not columns: the session hook's name for an inquiry's reason and advice rows.
    "reasons": Text(da="Årsager", en="Reasons"),
    "advice": Text(da="Rådgivning", en="Advice"),
    # Relationships: the hook names them beside their column ("professional,professional_id").
    "assessment": Text(da="Risikovurdering", en="Risk assessment"),
    "case_notes": Text(da="Notater", en="Notes"),
    "citizen": Text(da="Borger", en="Citizen"),
    "contacts": Text(da="Kontakter", en="Contacts"),
    "follow_ups": Text(da="Opfølgninger", en="Follow-ups"),
    "inquiry": Text(da="Henvendelse", en="Inquiry"),
    "measures": Text(da="Sikkerhedstiltag", en="Safety measures"),
    "professional": Text(da="Fagperson", en="Professional"),
    "ratings": Text(da="Faktorer", en="Items"),
}

_FORMATS = {"pdf": "PDF", "xlsx": "Excel", "csv": "CSV", "json": "JSON"}
_TEXT_FORMAT = Text(da="tekst", en="text")
_PROTECTED = Text(da=", små tal skjult", en=", small counts hidden")
_TO = {
    "file": Text(da="fil", en="file"),
    "stdout": Text(da="skærm", en="screen"),
}
_IMPORT_KEYS = {
    "rows": Text(da="rækker", en="rows"),
    "added": Text(da="tilføjet", en="added"),
    "updated": Text(da="opdateret", en="updated"),
    "unchanged": Text(da="uændret", en="unchanged"),
    "rejected": Text(da="afvist", en="rejected"),
    "professionals_added": Text(da="fagpersoner tilføjet", en="professionals added"),
    "professionals_updated": Text(da="fagpersoner opdateret", en="professionals updated"),
}


def _format(code: str, language: str | None = None) -> str:
    return _TEXT_FORMAT.render(language) if code == "text" else _FORMATS.get(code, code)


def _fields(detail: str, language: str | None) -> str:
    shown = (
        FIELD_LABELS[name].render(language) if name in FIELD_LABELS else name
        for name in detail.split(",")
        if name
    )
    return ", ".join(dict.fromkeys(shown))  # a relationship and its column are one field


def _stats(m: re.Match[str], language: str | None) -> str:
    first, last, fmt, protected, to = m.groups()
    text = Text(da="Månedsstatistik {first}–{last}, {fmt}", en="Monthly statistics {first}–{last}, {fmt}")
    out = text.render(language, first=first, last=last, fmt=_format(fmt, language))
    out += _PROTECTED.render(language) if protected else ""
    return out + (f", {_TO[to].render(language)}" if to in _TO else "")


def _team(m: re.Match[str], language: str | None) -> str:
    first, last, count, fmt, protected = m.groups()
    text = Text(
        da="Teamrapport {first}–{last}, {count} pakker, {fmt}",
        en="Team report {first}–{last}, {count} packages, {fmt}",
    )
    out = text.render(language, first=first, last=last, count=count, fmt=_format(fmt, language))
    return out + (_PROTECTED.render(language) if protected else "")


def _import(m: re.Match[str], language: str | None) -> str:
    pairs = (part.partition("=") for part in m.group(0).split())
    return ", ".join(  # a count another version writes is shown as stored
        f"{value} {_IMPORT_KEYS[key].render(language)}" if key in _IMPORT_KEYS else f"{key}{eq}{value}"
        for key, eq, value in pairs
    )


def _erased(m: re.Match[str], language: str | None) -> str:
    from consultant_app.retention.erase import REASONS  # the erasure's own words for its reasons

    code, reason, _by = m.groups()
    why = REASONS[reason].render(language) if reason in REASONS else reason
    return Text(da="Sag {code}: {why}", en="Case {code}: {why}").render(language, code=code, why=why)


def _merge(m: re.Match[str], language: str | None) -> str:
    merged, contacts, inquiries, moved, dropped = m.groups()
    text = Text(
        da="Flettet med fagperson {merged}: {contacts} kontakter, {inquiries} henvendelser, "
        "{moved} spørgeskemalinks flyttet",
        en="Merged with professional {merged}: {contacts} contacts, {inquiries} inquiries, "
        "{moved} survey links moved",
    )
    out = text.render(
        language,
        merged=merged.replace(",", ", "),
        contacts=contacts,
        inquiries=inquiries,
        moved=moved,
    )
    if dropped != "0":
        out += Text(da=", dobbelte links fjernet: {n}", en=", duplicate links removed: {n}").render(
            language, n=dropped
        )
    return out


# An "update" line that is not field names: the professionals' merge (services/professionals.py).
_MERGE = re.compile(
    r"merge: from=([\d,]+) contacts=(\d+) inquiries=(\d+) dispatches=(\d+) dispatches_dropped=(\d+)"
)


_FORMS = {  # a draft's form (services/drafts.py)
    "inquiry": Text(da="henvendelse", en="inquiry"),
    "note": Text(da="notat", en="note"),
    "contact": Text(da="kontakt", en="contact"),
    "follow_up": Text(da="opfølgning", en="follow-up"),
    "risk_assessment": Text(da="risikovurdering", en="risk assessment"),
}


def _draft(m: re.Match[str], language: str | None) -> str:
    kind, inquiry_id = m.groups()
    form = _FORMS[kind].render(language) if kind in _FORMS else kind
    out = Text(da="Kladde til {form}", en="Draft of {form}").render(language, form=form)
    if inquiry_id:
        out += Text(da=", henvendelse {id}", en=", inquiry {id}").render(language, id=inquiry_id)
    return out


def _simple(text: Text, *names: str) -> Callable[[re.Match[str], str | None], str]:
    def render(m: re.Match[str], language: str | None) -> str:
        values = dict(zip(names, m.groups(), strict=True))
        if "fmt" in values:
            values["fmt"] = _format(values["fmt"], language)
        return text.render(language, **values)

    return render


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str | None], str]], ...] = (
    (re.compile(r"stats monthly (\S+)\.\.(\S+) (\w+)( protected)? (\w+)"), _stats),
    (re.compile(r"team-report (\S+)\.\.(\S+) (\d+) packages (\w+)( protected)? file"), _team),
    (
        re.compile(r"sync: (\d+) sent, (\d+) refused"),
        _simple(
            Text(
                da="Optællinger til SIRI: {sent} sendt, {refused} afvist",
                en="Counts to SIRI: {sent} sent, {refused} refused",
            ),
            "sent",
            "refused",
        ),
    ),
    (
        re.compile(r"package (\S+) v(\d+)"),
        _simple(
            Text(da="Optællingspakke {month}, version {v}", en="Count package {month}, version {v}"),
            "month",
            "v",
        ),
    ),
    (
        re.compile(r"inquiries=(\d+) format=interchange-v1"),
        _simple(Text(da="{n} henvendelser, udvekslingsfil", en="{n} inquiries, interchange file"), "n"),
    ),
    (re.compile(r"rows=\d+ added=\d+ updated=\d+ unchanged=\d+ rejected=\d+ .*"), _import),
    (
        re.compile(r"subject_access format=(\w+)"),
        _simple(Text(da="Indsigtsfil, {fmt}", en="Subject access file, {fmt}"), "fmt"),
    ),
    (
        re.compile(r"format=survey-report-(\w+)"),
        _simple(Text(da="Spørgeskemarapport, {fmt}", en="Survey report, {fmt}"), "fmt"),
    ),
    (
        re.compile(r"follow_ups=(\d+) format=ics"),
        _simple(Text(da="{n} opfølgninger, kalenderfil", en="{n} follow-ups, calendar file"), "n"),
    ),
    (
        re.compile(r"from:(\S+)"),
        _simple(Text(da="Fra kollega med nøgle {fp}", en="From the colleague with key {fp}"), "fp"),
    ),
    (
        re.compile(r"to:(\S+)"),
        _simple(Text(da="Til kollega med nøgle {fp}", en="To the colleague with key {fp}"), "fp"),
    ),
    (re.compile(r"case:([^;]*);reason:([^;]*);by:(.*)"), _erased),
    (re.compile(r"form:(\w+)(?:;inquiry:(\d+))?"), _draft),
    (
        re.compile(r"demo: (\d+) inquiries"),
        _simple(Text(da="Demodata: {n} henvendelser", en="Demo data: {n} inquiries"), "n"),
    ),
)
_PRINT = re.compile(r"([\w.-]+)/([\w.-]+)( with_name)?")


def describe(action: str, detail: str | None, language: str | None = None) -> str:
    """The detail of one audit line in words (`language` defaults to the interface's)."""
    if not detail:
        return ""
    if action == "update":
        if (m := _MERGE.fullmatch(detail)) is not None:
            return _merge(m, language)
        return _fields(detail, language)
    for pattern, render in _RULES:
        if (m := pattern.fullmatch(detail)) is not None:
            return render(m, language)
    if action == "print" and (m := _PRINT.fullmatch(detail)) is not None:
        text = Text(da="Skema {id}, version {version}", en="Instrument {id}, version {version}")
        out = text.render(language, id=m[1], version=m[2])
        return out + (Text(da=", med navn", en=", with name").render(language) if m[3] else "")
    return detail
