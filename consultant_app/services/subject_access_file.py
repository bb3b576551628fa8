"""The subject-access file (services/subject_access.py): JSON, or a readable rendering in Danish.

The readable one is Markdown that reads as plain text: headings, "- Felt: værdi" lines, free
text quoted with "> " so a line of a note can never pass for a heading or a field. Codes are
shown with their Danish labels; every value of the JSON appears, and nothing else does. Either
is written owner-only, beside the destination first and then renamed into place.
"""

import json
from pathlib import Path

from consultant_app.codes import load_codes
from consultant_app.files import write_private
from consultant_app.services.audit_log import action_label, entity_label

NOT_GIVEN = "–"
# Danish key -> code list whose label is shown ("kommunekode" shows the municipality's name).
CODE_LISTS = {
    "region": "region",
    "henvendertype": "inquirer_type",
    "forvaltning": "municipal_department",
    "kanal": "channel",
    "aldersgruppe": "age_group",
    "køn": "gender",
    "samtykke": "consent",
    "genopdragelsesrejse": "trip_concern",
    "henvendelsesart": "kind",
    "afslutningsårsag": "closing_reason",
    "opfølgningstype": "follow_up_type",
    "nu": "risk_rating",
    "tidligere": "risk_rating",
    "risiko_for_alvorlig_vold": "risk_level",
    "akut_risiko": "risk_level",
    "screening_tilsidesat_til": "risk_level",
    "årsager": "reason",
    "rådgivning": "advice_type",
}
CAPTIONS = {
    "cpr_nummer": "CPR-nummer",
    "id": "Id",
    "fagperson_id": "Fagperson-id",
    "borger_id": "Borger-id",
    "henvendelse_id": "Henvendelses-id",
    "risikovurdering_id": "Risikovurderings-id",
    "sikkerhedstiltag_id": "Sikkerhedstiltags-id",
    "forrige_vurdering_id": "Forrige vurderings-id",
    "henvender_andet_note": "Henvender (andet), note",
    "faktor_tekst": "Faktorens ordlyd",
}
STATUSES = {"draft": "Kladde", "finalised": "Afsluttet"}
# Parts of a record that get their own sections rather than a line: (title, one of them).
_SECTIONS = {
    "kontakter": ("Kontakter", "Kontakt"),
    "notater": ("Notater", "Notat"),
    "opfølgninger": ("Opfølgninger", "Opfølgning"),
    "risikovurderinger": ("Risikovurderinger", "Risikovurdering"),
    "faktorer": ("Vurderede faktorer", "Faktor"),
    "sikkerhedstiltag": ("Sikkerhedstiltag", "Sikkerhedstiltag"),
}


def caption(key: str) -> str:
    return CAPTIONS.get(key) or key.replace("_", " ").capitalize()


def shown(key: str, value: object) -> str:
    """A value as a reader sees it: labels for codes, Ja/Nej, a dash for nothing."""
    if value is None or value == []:
        return NOT_GIVEN
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, list):
        return ", ".join(shown(key, v) for v in value)
    if isinstance(value, dict):  # a professional: name and organisation
        return ", ".join(str(v) for v in value.values() if v) or NOT_GIVEN
    codes = load_codes()
    if key == "kommunekode":
        municipality = codes.municipality(str(value))
        return f"{municipality.name} ({value})" if municipality else str(value)
    if key == "status" and value in STATUSES:
        return f"{STATUSES[str(value)]} ({value})"
    if key in CODE_LISTS and str(value) in codes[CODE_LISTS[key]]:
        return f"{codes[CODE_LISTS[key]].label(str(value), 'da')} ({value})"
    if isinstance(value, str) and "T" in value and value[:4].isdigit() and value[4:5] == "-":
        return value.replace("T", " ").replace("Z", " UTC")
    return str(value)


def _fields(record: dict, indent: str = "") -> list[str]:
    lines = []
    for key, value in record.items():
        if key in _SECTIONS:
            continue
        text = shown(key, value)
        if "\n" in text:
            lines.append(f"{indent}- {caption(key)}:")
            lines.extend(f"{indent}  > {line}".rstrip() for line in text.splitlines())
        else:
            lines.append(f"{indent}- {caption(key)}: {text}")
    return lines


def _parts(record: dict, level: int) -> list[str]:
    lines = []
    for key, (title, one) in _SECTIONS.items():
        if key not in record:
            continue
        items = record[key]
        lines += ["", f"{'#' * level} {title} ({len(items)})"]
        if level >= 6:  # Markdown has six heading levels: the innermost items are one line each
            lines.append("")
            lines += [_line(item) for item in items]
            continue
        for n, item in enumerate(items, start=1):
            lines += ["", f"{'#' * (level + 1)} {one} {n} af {len(items)}", *_fields(item)]
            lines += _parts(item, level + 2)
    return lines


def _line(record: dict) -> str:
    parts = [f"{caption(key)}: {shown(key, value)}" for key, value in record.items()]
    return "- " + "; ".join(" / ".join(part.splitlines()) for part in parts)


def render_text(report: dict) -> str:
    about = report["om_rapporten"]
    lines = [f"# {about['titel']}", "", *_fields({k: v for k, v in about.items() if k != "titel"})]
    lines += ["", "## Borger", *_fields(report["borger"])]
    inquiries = report["henvendelser"]
    lines += ["", f"## Henvendelser ({len(inquiries)})"]
    for inquiry in inquiries:
        lines += ["", f"### Henvendelse {inquiry['sagskode']}", *_fields(inquiry)]
        lines += _parts(inquiry, 4)
    log = report["adgangslog"]
    lines += ["", f"## Adgangslog ({len(log)} hændelser)", ""]
    lines += ["| Tidspunkt | Handling | Post | Id | Detaljer |", "|---|---|---|---|---|"]
    for event in log:
        cells = (
            shown("tidspunkt", event["tidspunkt"]),
            f"{action_label(event['handling'], 'da')} ({event['handling']})",
            f"{entity_label(event['post'], 'da')} ({event['post']})" if event["post"] else NOT_GIVEN,
            NOT_GIVEN if event["post_id"] is None else str(event["post_id"]),
            event["detaljer"] or "",
        )
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def file_format(path: Path) -> str:
    return "json" if path.suffix.lower() == ".json" else "text"


def write_subject_access(report: dict, path: Path | str) -> Path:
    """One file, owner-only, written beside and renamed into place (never half written)."""
    path = Path(path)
    if file_format(path) == "json":
        data = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        data = render_text(report)
    write_private(path, data)
    return path
